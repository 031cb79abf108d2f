# re: findall/finditer/sub/subn/split, templates, flags, lookarounds, backrefs, bytes.
import re

print(re.findall(r"\d+", "a1b22c333"))
print(re.findall(r"(\w)(\d)", "a1 b2 c"))
print(re.findall(r"(\w)\d", "a1 b2 c"))
print(re.findall(r"", "abc"))
print(re.findall(r"a*", "baaac"))
print([m.span() for m in re.finditer(r"\w*", "ab cd")])
print([m.group() for m in re.finditer(r"[aeiou]", "education")])
print(re.sub(r"\d", "#", "a1b2c3"))
print(re.sub(r"\d", "#", "a1b2c3", count=2))
print(re.subn(r"o", "0", "foo boo"))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world, good day"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "ab cd"))
print(re.sub(r"x*", "-", "abxd"))
print(re.sub(r"a", lambda m: m.group().upper() * 2, "banana"))
print(re.sub(r"\s+", " ", "  lots   of\n\tspace  "))
print(re.sub("", "-", "abc"))
print(re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.split(r",\s*", "a, b,c,   d"))
print(re.split(r"(,)", "a,b,c"))
print(re.split(r"\W+", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", maxsplit=1))
print(re.split(r"x*", "axbc"))
print(re.split(r"(a)|b", "1a2b3"))
print(re.split(r"\b", "hi there"))
# flags
print(re.findall(r"abc", "ABC abc AbC", re.I))
print(re.findall(r"^\w+", "one\ntwo\nthree", re.M))
print(re.findall(r"a.b", "a\nb", re.S))
print(re.findall(r"""\d+  # digits
                     \.   # dot
                     \d*  # more""", "3.14 and 2.", re.X))
print(re.findall(r"\w+", "héllo wörld", re.A))
print(re.findall(r"[a-z]+", "ÀÉÎ àéî ABC", re.I))
print(re.findall(r"(?i)straße", "STRASSE Straße STRAßE"))
print(re.findall(r"[k]", "K k \u212a", re.I))
print(re.findall(r"(?m)^$", "a\n\nb\n"))
print(re.findall(r"(?s:.)x", "\nx"), re.findall(r"(?-i:a)b", "ab AB aB", re.I))
# lookarounds, backrefs, conditionals, atomic, possessive
print(re.findall(r"\w+(?=!)", "hi! there yes!"))
print(re.findall(r"\b\w+\b(?!\.)", "a. bb cc."))
print(re.findall(r"(?<=\$)\d+", "$10 and 20 and $30"))
print(re.findall(r"(?<!\$)\b\d+", "$10 and 20 and $30"))
print(re.search(r"(\w)\1", "abccd").group(), re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now").group())
print(re.match(r"(?i)(a)\1", "aA"))
print(re.findall(r"(<)?\w+(?(1)>)", "<a> b <c"))
print(re.match(r"(?>a+)b", "aaab"), re.match(r"(?>a+)a", "aaa"))
print(re.match(r"a++b", "aaab"), re.match(r"a++a", "aaa"), re.match(r"(?:ab)++a", "ababa"))
print(re.match(r"a*+", "aaa").span(), re.match(r"(?:a|b)*+c", "abbac").span())
print(re.match(r"(a|b)*?c", "abac").groups(), re.match(r"(?:a{2})*?b", "aaaab").span())
print(re.match(r"(a)(?:(b)|c)*", "abcc").groups())
print(re.search(r"(?<=ab)c", "abc").span(), re.search(r"(?<=a(?=b)b)c", "abc"))
# bytes
print(re.findall(rb"\w+", b"hello world"), re.sub(rb"o", b"0", b"foo"))
print(re.match(rb"(\d+)", b"123abc").group(1), re.split(rb",", b"a,b"))
print(re.search(rb"[\x80-\xff]+", b"ab\xe9\xffcd").span())
print(re.match(rb"abc", bytearray(b"abcd")).group(), re.match(rb"a", memoryview(b"ab")))
# escape and purge
print(re.escape("a.b*c?d"), re.escape(b"x+y"))
# errors
for bad in ["(", "a)", "[a", "*a", "a{2,1}", r"\1", "(?P<1>a)", "(?<=a*)b", "a**", r"(?P=x)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("error", repr(bad), e, e.pos)
for fn in [lambda: re.match("a", b"a"), lambda: re.match(b"a", "a"), lambda: re.match("a", 3),
           lambda: re.sub("a", lambda m: 3, "a")]:
    try:
        fn()
    except TypeError as e:
        print("TypeError", e)
