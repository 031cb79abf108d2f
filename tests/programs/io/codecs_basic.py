# codecs over _codecs: lookup through the encodings package, encode/decode, incremental UTF-8.
import codecs

for name in ("UTF-8", "utf8", "latin1", "ASCII", "iso-8859-1"):
    info = codecs.lookup(name)
    print(name, info.name, type(info).__name__)
print(codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xc3\xa9", "utf-8"), codecs.encode("abc"))
print(codecs.decode(b"\xe9t\xe9", "latin-1"), codecs.encode("\xff", "latin-1"))
print(codecs.utf_8_decode(b"a\xc3", "strict", False), codecs.utf_8_decode(b"a\xc3\xa9", "strict", True))
d = codecs.getincrementaldecoder("utf-8")()
print(repr(d.decode(b"\xe2\x82")), repr(d.decode(b"\xac!")), repr(d.decode(b"", final=True)))
e = codecs.getincrementalencoder("utf-8")()
print(e.encode("€"), e.encode("x", final=True))
print(codecs.decode(b"a\xffb", "utf-8", "replace"), codecs.decode(b"a\xffb", "utf-8", "ignore"))
try:
    codecs.decode(b"a\xffb", "utf-8")
except UnicodeDecodeError as err:
    print(type(err).__name__, err)
try:
    codecs.lookup("no-such-codec")
except LookupError as err:
    print(type(err).__name__, err)
try:
    "é".encode("ascii")
except UnicodeEncodeError as err:
    print(type(err).__name__, err.start, err.end, err.reason)
print(codecs.lookup_error("strict").__name__, codecs.lookup_error("replace").__name__)
try:
    codecs.lookup_error("nope")
except LookupError as err:
    print(err)
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE)
