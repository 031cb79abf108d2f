# str.translate, str.maketrans and str.encode with every error handler.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(str.maketrans("abc", "xyz"), str.maketrans("ab", "cd", "e☃"), str.maketrans({"a": "1", 98: None, "☃": 0x1F600}))
print("abc".maketrans("a", "b"), str.maketrans({}), str.maketrans("", "", ""))
tbl = str.maketrans({"a": "xyz", "b": None, "c": 0x20AC, "☃": "snow"})
print("abcd☃".translate(tbl), "hello".translate({ord("l"): "L"}), "abc".translate([None, "x"]),
      "abc".translate({}), "😀a".translate({0x1F600: "s", 97: 0x1F601}), "aaa".translate({97: ""}))
class Tbl:
    def __getitem__(self, k):
        if k == ord("x"):
            raise LookupError
        return chr(k).upper()
print("abxc".translate(Tbl()))
for e in [lambda: str.maketrans(1), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans({1.5: 1}),
          lambda: str.maketrans(1, "a"), lambda: str.maketrans("a", 1), lambda: str.maketrans("ab", "a"),
          lambda: str.maketrans("ab", "cd", 1), lambda: str.maketrans({}, None), lambda: str.maketrans(),
          lambda: str.maketrans("a", "b", "c", "d"), lambda: "abc".translate({97: 0x110000}),
          lambda: "abc".translate({97: 1.5}), lambda: "abc".translate({97: -1}), lambda: "abc".translate(5),
          lambda: "abc".translate(), lambda: "abc".translate({97: b"x"})]:
    t(e)
# encode
s = "a\ud800\udfffb\udc80\u20ac\U0001F600"
for enc in ["utf-8", "UTF8", "u8", "utf-16", "utf-16-le", "utf_16_be", "utf-32", "utf-32-le", "UTF-32BE",
            "ascii", "us-ascii", "latin-1", "iso-8859-1", "L1", "cp1252", "cp437", "iso8859-15", "mac-roman",
            "cp037", "koi8-r", "unicode_escape", "raw_unicode_escape", "utf-8-sig"]:
    for err in ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace",
                "surrogateescape", "surrogatepass", "bogus"]:
        t(lambda: (enc, err, s.encode(enc, err)))
    t(lambda: (enc, "plain", "plain text é".encode(enc, "replace")))
print("abc".encode(), "é☃😀".encode(), "".encode("utf-16"), "abc".encode("ascii", "bogus"),
      "é".encode(encoding="latin-1"), "x\udc80y".encode("utf-8", errors="surrogateescape"),
      "a\tb\\c\x7f\xff'\"".encode("unicode_escape"))
print("\U0001F600".encode("utf-16-be"), "\U0001F600".encode("utf-16"), "\udc80\udcff".encode("ascii", "surrogateescape"),
      "\udc80\udcff".encode("latin-1", "surrogateescape"), "\u0100".encode("cp1252", "surrogateescape") if False else "")
for e in [lambda: "a".encode("foo"), lambda: "a".encode("hex"), lambda: "a".encode("rot13"),
          lambda: "a".encode(1), lambda: "a".encode("utf-8", 1), lambda: "a".encode(x=1),
          lambda: "a".encode("utf-8", "strict", 1), lambda: "é".encode("ascii"),
          lambda: "ab\u20ac\u20acc".encode("latin-1"), lambda: "\ud800".encode(),
          lambda: "x\ud800\udc00".encode("utf-8"), lambda: "\ud800x".encode("utf-16"),
          lambda: "\ud800\udc80".encode("utf-8", "surrogateescape"),
          lambda: "\udc80\ud800".encode("utf-8", "surrogateescape"),
          lambda: "é\ud800".encode("ascii", "surrogatepass"),
          lambda: "\u20ac".encode("cp437")]:
    t(e)
try:
    "ab\u20acc".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason, e.args)
for text in ["Hi Mom -\u263a-!", "A+B ~\\ 日本語 😀", "a-b+c", "é-", "éa", "é.", "", "+", "~~", "\U0010ffff!"]:
    print(text.encode("utf-7"), text.encode("UTF7"))
print("ascii only".encode("shift_jis"), "plain".encode("euc_jp"), "x".encode("gbk"), "y".encode("big5"))
for e in [lambda: str(b"ab\xffc", "utf-8", "replace"), lambda: str(b"abc", "ascii"), lambda: str(bytearray(b"ab"), "ascii"),
          lambda: str(memoryview(b"xy"), "latin-1"), lambda: str("abc", "utf-8"), lambda: str(5, "utf-8"),
          lambda: str(b"abc", 5), lambda: str(b"abc", errors=None), lambda: str(encoding="utf-8"),
          lambda: str(b"ab\xff", "ascii"), lambda: str(b"\xe9", errors="strict"), lambda: str(b"a", "nope")]:
    t(e)
