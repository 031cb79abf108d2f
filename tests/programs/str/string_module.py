# string.Formatter over the _string module (waits for _sre: `import string` imports re).
import string

f = string.Formatter()
print(f.format("{0} {x:>5} {y[1]!r} {:}", 1, 2, x="ab", y=[0, "one"]) if False else f.format("{0} {x:>5} {y[1]!r}", 1, x="ab", y=[0, "one"]))
print(f.vformat("{a}-{b}", (), {"a": 1, "b": 2}), f.format("{:{}}", "x", 4) + "|")
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
print(Upper().format("{} and {name}", "abc", name="def"))
print(string.Template("$who likes $what").substitute(who="tim", what="kung pao"))
print(string.capwords(" hello   world "), string.ascii_letters, string.digits, string.punctuation)
