# str core: indexing, slicing, concatenation, repetition, join/split/strip/find/replace/case/affix.
s = "hello, world"
print(s[0], s[-1], s[2:5], s[::2], s[::-1], s[100:], len(s))
print("ab" + "cd", "ab" * 3, 3 * "x", "ab" * 0, "ab" * -2)
print(", ".join(["a", "b", "c"]), "".join([]), "-".join("xyz"))
print("a b  c\t\nd ".split(), " a b ".split(None, 1), "a,b,,c".split(","), "a,b,c".split(",", 1))
print("a b c".rsplit(None, 1), " a b ".rsplit(None, 1), "a,b,c".rsplit(",", 1), "\u3000x\u2028y\x85".split())
print(repr("  hi \t\n".strip()), repr("xxhixx".strip("x")), repr("  hi".lstrip()), repr("hi  ".rstrip()))
print(s.find("o"), s.rfind("o"), s.find("z"), s.find("o", 5), s.index("w"), s.count("l"), "aaaa".count("aa"), "abc".count(""))
print(s.replace("l", "L"), s.replace("l", "L", 2), "abc".replace("", "-"), "aaa".replace("a", "b", 0))
print(s.upper(), "MiXeD".lower(), "MiXeD".swapcase(), "hello world".title(), "hELLO".capitalize())
print(s.startswith("hell"), s.startswith(("x", "he")), s.endswith("world"), s.endswith("o", 0, 5), s.startswith("h", 20))
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), " \t".isspace(), "".isspace(), "é".isascii())
print("x" in s, "lo, w" in s, "" in s, s == "hello, world", "a" < "b", "ab" < "a", "b" >= "b")
print(format("hi", "^6"), format("hi", ">5"), format("hello", ".2"), f"{'x':*<4}|")
print(str(), str(12), str([1, "a"]), repr("it's"), repr('say "x"'), repr("a\nb\x00"))
print(list(iter("abc")), hash("abc") == hash("ab" + "c"))
for bad in (lambda: s[20], lambda: s["x"], lambda: "a" + 1, lambda: "a" * "b",
            lambda: "abc".index("z"), lambda: "a".split(""), lambda: 1 in "abc",
            lambda: ",".join(["a", 2]), lambda: "a".startswith(1), lambda: format("x", "=5")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
