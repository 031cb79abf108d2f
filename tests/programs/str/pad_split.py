# str padding, splitting, stripping and joining.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for w in ["abc", "ab", "", "☃é", "😀"]:
    for width in [-1, 0, 2, 5, 6, 7]:
        print(repr(w.center(width)), repr(w.center(width, "*")), repr(w.ljust(width, "☃")),
              repr(w.rjust(width, "😀")), repr(w.zfill(width)))
for w in ["42", "-42", "+42", "--4", "", "-", "+", "é", "4-2"]:
    print(repr(w.zfill(5)), repr(w.zfill(1)))
t(lambda: "abc".center("a"))
t(lambda: "abc".center(5, "ab"))
t(lambda: "abc".center(5, ""))
t(lambda: "abc".center(5, 1))
t(lambda: "abc".ljust())
t(lambda: "abc".rjust(5, " ", 1))
t(lambda: "abc".zfill("a"))
t(lambda: "abc".zfill())
t(lambda: "abc".center(5.0))
print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\tc\n\td\r\te".expandtabs(3)),
      repr("\t".expandtabs(0)), repr("\t".expandtabs(-1)), repr("x\ty".expandtabs(tabsize=1)),
      repr("☃\t😀\tx".expandtabs(2)), repr("no tabs".expandtabs()))
t(lambda: "a".expandtabs("a"))
t(lambda: "a".expandtabs(x=1))
t(lambda: "a".expandtabs(1, 2))
# splitlines
for w in ["a\nb\r\nc\rd", "a\n\nb\n", "", "\n", "x\x0by\x0cz\x1c1\x1d2\x1e3\x85a\u2028b\u2029c", "a\r", "\r\n\r\n", "no breaks"]:
    print(w.splitlines(), w.splitlines(True), w.splitlines(keepends=False))
t(lambda: "a\nb".splitlines("x"))
t(lambda: "a\nb".splitlines(2))
t(lambda: "a\nb".splitlines(1.0))
t(lambda: "a".splitlines(x=1))
# split / rsplit
for w in ["a b  c", "  a  b  ", "", "   ", "a\u3000b\x85c\u2028d", "☃,😀,,é"]:
    print(w.split(), w.rsplit(), w.split(None, 1), w.rsplit(None, 1), w.split(","), w.rsplit(",", 1),
          w.split(maxsplit=0), w.rsplit(sep=None, maxsplit=1))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "a☃b☃c".split("☃", 1), "aaa".split("a"))
t(lambda: "a".split(""))
t(lambda: "a".split(1))
t(lambda: "a".rsplit(maxsplit="x"))
t(lambda: "a".split(x=1))
t(lambda: "a".split(",", 1, 2))
t(lambda: "a b".split(None, 2**70))
# strip
for w in ["  a b  ", "\u3000x\x85", "xxhixx", "", "☃☃a☃", "😀a😀"]:
    print(repr(w.strip()), repr(w.lstrip()), repr(w.rstrip()), repr(w.strip("x☃😀")),
          repr(w.lstrip("x")), repr(w.rstrip(None)), repr(w.strip("")))
t(lambda: "a".strip(1))
t(lambda: "a".rstrip(1))
t(lambda: "a".strip("a", "b"))
# join
print(",".join(["a", "b"]), "☃".join("abc"), "".join(["😀", "é", "x"]), "-".join(()), "-".join(["x"]),
      ", ".join({"k": 1, "j": 2}), "".join(x for x in "gen"), "é".join(["a", "b"]))
t(lambda: ",".join(5))
t(lambda: ",".join(["a", 2]))
t(lambda: ",".join([b"a"]))
t(lambda: ",".join())
t(lambda: ",".join(x for x in [1]))
class S(str):
    pass
print(type("".join([S("a")])).__name__, type("-".join([S("a"), "b"])).__name__, type(S("ab").strip()).__name__,
      type(S("ab").center(1)).__name__, type(S("a").zfill(0)).__name__, type(S("a b").split()[0]).__name__)
