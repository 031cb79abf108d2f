# tests/parse/locations_unicode.py -- byte columns shifted by non-ASCII text; NFKC names.
é = "ünïcödé"; ñ = é + "日本語"
x = ("日本", é)  [0]
ﬁ = 1
ℌ = ﬁ + 1
𝔘𝔫𝔦 = 3
def façade(ä, *ö, ü=1): return ä
class Ünïcode: ümlaut: int = 0
s = "日本" + f"{é}日本{ñ!r}"
y = [ "€", b"abc" ]; z = {"€": "€"}
t = é if ñ else "ö" ; u = lambda ä: ä
