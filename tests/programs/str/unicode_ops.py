# Core operations on non-ASCII strs of every PEP 393 width: iteration, slicing, compare, in, *, +, hash.
samples = ["", "ascii", "latin é ÿ", "bmp ☃ € 中文", "astral 😀 𝔘 x", "mixed é☃😀", "\x00\x7f\x80\xff",
           "\ud800 lone", "\U0010ffff"]
for s in samples:
    print(repr(s), len(s), list(s)[:6], repr(s[::-1]), repr(s[1::2]), repr(s[-3:]), repr(s[::3]),
          repr(s[5:1:-1]), repr(s[100:]), repr(s[-100:2]))
    print("  ", [ord(c) for c in s][:8], repr(s * 2), repr(s + "☃"), repr("😀" + s), s * 0 == "", hash(s) == hash(s[:] + ""),
          s == s[:len(s)], s.upper() == s.upper())
pairs = [("a", "é"), ("é", "☃"), ("☃", "😀"), ("😀", "\U0010ffff"), ("ab", "a"), ("", "\x00"),
         ("é☃", "é😀"), ("\uffff", "\U00010000"), ("\ud800", "\ue000"), ("ÿ", "Ā")]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a > b, a >= b, a == b, a != b, a in b, b in a + b, (a + b).find(b),
          sorted([b, a]) == [a, b], max(a, b) == b)
print("é" in "café", "☃" in "snow☃man", "😀" in "a😀b", "😀" not in "abc", "é" in "abc", "" in "☃")
print({"é": 1, "☃": 2, "😀": 3}["☃"], {"é", "é", "e\u0301"} == {"é", "e\u0301"}, len({"é", "é"}))
print(hash("abc") == hash("".join(["a", "b", "c"])), hash("é☃") == hash("é" + "☃"), hash("😀x") == hash("😀" + "x"))
for s in ["é☃😀", "ab"]:
    it = iter(s)
    print(next(it), list(it), list(it))
print("☃" * 3, 2 * "é", "😀" * -1, ("x" * 3)[1:], ("é" * 1) * 2)
print(min("zé☃a"), max("zé☃a😀"), sorted("😀☃éa"), "".join(reversed("a☃😀")), list(enumerate("é😀")))
print(repr("\x00\x7f\x80\xff\u2028\ud800\U000e0001"), ascii("é☃😀"), str("é"), len("e\u0301"))
print(chr(0x1F600) == "😀", ord("😀"), ord("\U0010ffff"), chr(0xe9).encode("utf-8"))
print(("x" + "é")[0] == "x", ("é" + "😀")[:1], "😀é"[1:], "é😀é"[::2], type("é😀"[0:0]).__name__)
print("😀" < "\uffff", "\uffff" < "😀", "a\x00" > "a", "\x00" < "", "é".__lt__(1), "é".__eq__(None))
# Hash values themselves (the runner fixes PYTHONHASHSEED=0 on both sides).
print([hash(s) for s in ["", "a", "abc", "é", "é☃", "☃", "😀x", "\xff", "\u0100", "\U0010ffff", "a" * 100]])
class S(str):
    pass
print(type(S("abc").format()).__name__, type(S("a{{") .format()).__name__, type(S("x") % ()).__name__,
      type(S("x%%") % ()).__name__, type("{}".format(S("y"))).__name__)
it = iter("é☃😀")
next(it)
print(it.__length_hint__(), type(it).__name__, it.__reduce__())
it.__setstate__(-5)
print(list(it), it.__length_hint__(), it.__reduce__())
it = iter("abc")
it.__setstate__(10)
print(list(it))
# The other operand's reflected methods come before concatenation and repetition.
class X:
    def __radd__(self, o): return "radd"
    def __rmul__(self, o): return "rmul"
    def __rmod__(self, o): return "rmod"
for f in [lambda: "a" + X(), lambda: "a" * X(), lambda: "a" % X(), lambda: X() % "a", lambda: "a" + 1,
          lambda: "a" * 1.5, lambda: 1.5 * "a", lambda: "a" + None, lambda: hasattr(str, "__radd__")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
