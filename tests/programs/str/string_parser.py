# The _string module: the parser of str.format that string.Formatter uses.
import _string

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
