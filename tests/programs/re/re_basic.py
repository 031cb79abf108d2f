# re: search/match/fullmatch, groups, classes, quantifiers, alternation, anchors.
import re

def show(pat, s, flags=0, fn="search"):
    try:
        m = getattr(re, fn)(pat, s, flags)
    except re.error as e:
        print(fn, repr(pat), "error:", e)
        return
    if m is None:
        print(fn, repr(pat), repr(s), None)
    else:
        print(fn, repr(pat), repr(s), m.span(), repr(m.group()), m.groups(), m.lastindex, m.lastgroup)

cases = [
    (r"abc", "xxabcxx"), (r"a.c", "a\nc abc"), (r"a.c", "a\nc"), (r"^abc$", "abc"),
    (r"\d+", "abc 12345 def"), (r"\w+", "  hello_world2 "), (r"\s+", "a \t\n b"),
    (r"[a-f]+", "xyzabcdefg"), (r"[^a-f]+", "abcxyzdef"), (r"colou?r", "the colour red"),
    (r"a{2,3}", "aaaa"), (r"a{2,3}?", "aaaa"), (r"a{3}", "aa"), (r"(a|b)+", "xababbc"),
    (r"(\w+)@(\w+)\.com", "mail bob@example.com now"), (r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe"),
    (r"(a)(b)?(c)", "ac"), (r"(a*)*b", "aaab"), (r"(a*)+$", "aaa"), (r"(?:ab)*c", "ababc"),
    (r"x*", "aaa"), (r"\bfoo\b", "a foo b"), (r"\Bfoo", "afoo"), (r"foo\Z", "foo\n"),
    (r"foo$", "foo\n"), (r"\Afoo", "foofoo"), (r"(a+)(b+)?", "aaac"),
    (r"<.*>", "<a><b>"), (r"<.*?>", "<a><b>"), (r"a+?b", "aaab"), (r"(\d{3})-(\d{4})", "call 555-1234"),
    (r"[\d.]+", "v1.2.3x"), (r"[-a]+", "--a-b"), (r"[\]]", "a]b"), (r"\(x\)", "f(x)"),
    (r"(a|ab)(c|bcd)(d*)", "abcd"), (r"((a)|b)+", "ab"), (r"(?:(a)|b)*", "ab"),
    (r"é+", "café é"), (r"[à-ÿ]+", "naïve"), (r"\w+", "größe straße"), (r"\d", "٣"),
    (r"[α-ω]+", "λόγος"), (r"😀+", "a😀😀b"), (r"[😀-😂]", "x😁"),
]
for pat, s in cases:
    show(pat, s)
    show(pat, s, fn="match")
    show(pat, s, fn="fullmatch")

m = re.search(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", "on 2024-01-31.")
print(m.group(0), m.group(1, 2, 3), m.group("y"), m["m"], m[3], m.groupdict())
print(m.start(), m.end(), m.span("d"), m.start(2), m.end("m"), m.regs)
print(m.string, m.pos, m.endpos, m.re.pattern, m.re.groups, m.re.groupindex)
print(repr(m))
print(re.match("a", "abc", ).expand(r"[\g<0>]"))
m = re.match(r"(a)(b)?", "ac")
print(m.groups(), m.groups("-"), m.group(2), m.span(2), m.start(2))
print(re.match(r"(?P<a>x)(?P<b>y)?", "x").groupdict("dflt"))
try:
    m.group(5)
except IndexError as e:
    print("IndexError", e)
try:
    m.group("nope")
except IndexError as e:
    print("IndexError", e)
p = re.compile(r"\d+")
print(p.search("ab12cd345", 4), p.match("ab12", 2), p.match("ab12", 2, 3), p.fullmatch("123", 0, 2))
print(p.search("12345", 3, 1), p.match("abc", 10))
print(bool(re.match("", "")), re.search("$", "abc").span())
