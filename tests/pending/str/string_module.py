# string.Formatter and the _string module behind it.
import _string
import string

print(list(_string.formatter_parser("a{0!r:>{w}}b{{c}}d{x.y[0]}")))
print(list(_string.formatter_parser("")), list(_string.formatter_parser("just text")),
      list(_string.formatter_parser("{}{:}{!s}")))
first, rest = _string.formatter_field_name_split("x.y[0][k]")
print(first, type(rest).__name__, list(rest))
for name in ["12", "", "a]x", "0.real", "٣[1]"]:
    first, rest = _string.formatter_field_name_split(name)
    print(repr(first), list(rest))
for bad in [lambda: _string.formatter_parser(1), lambda: _string.formatter_field_name_split(1),
            lambda: list(_string.formatter_parser("a{")), lambda: list(_string.formatter_parser("}")),
            lambda: list(_string.formatter_field_name_split("a.")[1]),
            lambda: list(_string.formatter_field_name_split("a[")[1])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
f = string.Formatter()
print(f.format("{0} {x:>5} {y[1]!r} {:}", 1, 2, x="ab", y=[0, "one"]) if False else f.format("{0} {x:>5} {y[1]!r}", 1, x="ab", y=[0, "one"]))
print(f.vformat("{a}-{b}", (), {"a": 1, "b": 2}), f.format("{:{}}", "x", 4) + "|")
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
print(Upper().format("{} and {name}", "abc", name="def"))
print(string.Template("$who likes $what").substitute(who="tim", what="kung pao"))
print(string.capwords(" hello   world "), string.ascii_letters, string.digits, string.punctuation)
