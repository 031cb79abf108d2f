# re: Pattern objects (repr, eq, hash, attributes), Match repr, scanner, copy, deep patterns.
import re, copy

for p in [re.compile("a"), re.compile("a", re.I | re.M), re.compile(b"a+"), re.compile("x", re.A),
          re.compile("y", re.S | re.X), re.compile("'q'"), re.compile("a" * 300)]:
    print(repr(p)[:80], p.flags, p.groups)
p = re.compile(r"(?P<n>\d)(x)")
print(p.pattern, p.groupindex, p.groups, type(p).__name__, type(p.match("1x")).__name__)
print(p == re.compile(r"(?P<n>\d)(x)"), p != re.compile("x"), hash(p) == hash(re.compile(r"(?P<n>\d)(x)")))
print(copy.copy(p) is p, copy.deepcopy(p) is p)
m = p.match("1x")
print(copy.copy(m) is m, m.re is p)
print(repr(re.match("a" * 60, "a" * 60)))
print(repr(re.match(b"ab", b"abc")))
s = p.scanner("1x2x3y")
print(s.pattern is p, s.match(), s.match(), s.match(), s.match())
s = re.compile(r"\d").scanner("a1b2")
print(s.search().span(), s.search().span(), s.search())
# deep and long inputs must not overflow the native stack
print(len(re.match(r"(a|b)*", "ab" * 50000).group()))
print(len(re.match(r"(?:a+?)*c", "a" * 20000 + "c").group()))
print(re.match(r"(x+x+)+y", "x" * 18), len(re.findall(r".", "z" * 100000)))
print(re.fullmatch(r"(?:\w+\s?)*", "word " * 5000) is not None)
print(re.sub(r"(\d+)", lambda m: str(int(m.group()) * 2), "1 2 3 40"))
print(re.Pattern, re.Match, isinstance(p, re.Pattern))
print(re.compile(r"a|b").split("1a2b3", 1))
