# str searching: find/rfind/index/rindex/count/replace/startswith/endswith/partition/removeprefix.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = "hello, wörld — ☃ snow ☃ 😀 end"
for sub in ["o", "ö", "☃", "😀", "", "zz", "l", "snow ☃"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 3), s.rfind(sub, 0, 10),
          s.find(sub, -5), s.count(sub, 2, -2), sub in s)
t(lambda: s.index("☃", 20))
t(lambda: s.rindex("x"))
t(lambda: s.index("ö"))
t(lambda: s.rindex("ö", None, None))
t(lambda: "abc".find("", 3))
t(lambda: "abc".find("", 4))
t(lambda: "abc".rfind("", 4))
t(lambda: "abc".count("", 4))
t(lambda: "abc".count("", 2))
t(lambda: "abc".count("", -10, 100))
t(lambda: "aaaa".count("aa"))
t(lambda: "abc".find("c", 10**30))
t(lambda: "abc".find("c", -10**30))
t(lambda: "abc".find("a", "x"))
t(lambda: "abc".find("a", 1.0))
t(lambda: "abc".find(1))
t(lambda: "abc".find())
t(lambda: "abc".find("a", 1, 2, 3))
t(lambda: "abc".count())
t(lambda: "abc".count(None))
t(lambda: "abc".index("a", 1))
t(lambda: "abc".find(sub="a"))
# replace
print("aaa".replace("a", "bb"), "aaa".replace("a", "", 2), "abc".replace("", "-"),
      "abc".replace("", "-", 2), "".replace("", "x"), "é☃é".replace("☃", "😀"),
      "😀x😀".replace("😀", "a"), "abab".replace("ab", "ba", -1), "aaa".replace("a", "b", 0))
t(lambda: "abc".replace(1, "x"))
t(lambda: "abc".replace("a", 1))
t(lambda: "abc".replace("a", "b", 1.0))
t(lambda: "abc".replace("a", "b", "x"))
t(lambda: "abc".replace("a"))
t(lambda: "abc".replace("a", "b", count=1))
# startswith / endswith
print(s.startswith("hell"), s.startswith(("x", "he")), s.endswith("end"), s.endswith("o", 0, 5),
      s.startswith("h", 100), s.startswith("", 100), "abc".startswith("", 3), "abc".startswith("", 4),
      "abc".endswith("", 3), "abc".endswith("", 4), "abc".endswith(("c",), -1),
      "abc".startswith("bc", -2), "abc".endswith("ab", None, -1), "😀x".startswith("😀"),
      "x😀".endswith(("a", "😀")), "abc".startswith(()))
t(lambda: "a".startswith(1))
t(lambda: "a".endswith(["a"]))
t(lambda: "a".startswith(("a", 1)))
t(lambda: "a".startswith(("b", 1)))
t(lambda: "a".endswith(("b", None)))
t(lambda: "a".startswith())
t(lambda: "a".startswith("a", "b"))
# partition / rpartition
for sep in [",", "☃", "x", "ab"]:
    print("a,b☃c,d".partition(sep), "a,b☃c,d".rpartition(sep))
t(lambda: "abc".partition(""))
t(lambda: "abc".rpartition(1))
t(lambda: "abc".partition())
# removeprefix / removesuffix
print("prefix-body".removeprefix("prefix-"), "body".removeprefix("x"), "ab".removeprefix(""),
      "body-suffix".removesuffix("-suffix"), "ab".removesuffix("ab"), "☃x☃".removesuffix("☃"))
t(lambda: "ab".removeprefix(1))
t(lambda: "ab".removesuffix(None))
