# str case mapping and predicates over the full Unicode tables.
words = ["hello world", "HELLO", "MiXeD cAsE", "ß straße", "ﬁx ﬂow", "İstanbul", "ΣΑΣ ΟΔΟΣ",
         "ǅemal ǆ Ǆ", "they're bill's", "ŉ", "Σ", "aΣ", "aΣb", "aΣ.", "1a2b", "", " ", "ǈ",
         "ᾳ ᾼ", "Ⅻ ⅻ", "ÿ", "µ", "ﬀ", "𐐨𐐀", "ⓐⒶ", "a\u0345\u03a3", "\u0130", "\u03a3\u0301"]
for w in words:
    print(repr(w), repr(w.lower()), repr(w.upper()), repr(w.casefold()), repr(w.swapcase()),
          repr(w.title()), repr(w.capitalize()))
    print("  ", w.islower(), w.isupper(), w.istitle(), w.isalpha(), w.isalnum(), w.isspace())
samples = ["123", "١٢٣", "²", "½", "Ⅻ", "一", "3.5", "-1", "", "abc", "abc1", "a b", " \t\n",
           "\u3000\x85\u2028", "\x1c\x1d\x1e\x1f", "\u200b", "٣x", "𝟘𝟙", "௰", "①", "🄁"]
for w in samples:
    print(repr(w), w.isdecimal(), w.isdigit(), w.isnumeric(), w.isalnum(), w.isalpha(),
          w.isspace(), w.isprintable(), w.isascii())
ids = ["abc", "_x", "1a", "a1", "", "é", "ℕ", "a-b", "a b", "𝔘𝔫", "℘", "·", "a·", "蛇", "x\u0300",
       "\u0300x", "if", "None", "a\u200d"]
for w in ids:
    print(repr(w), w.isidentifier())
printable = ["abc", "a\nb", "\x7f", "\xa0", "\xad", "\u2028", " ", "", "\U000e0001", "☃", "\ud800"]
for w in printable:
    print(repr(w), w.isprintable())
print("é".isascii(), "".isascii(), "\x7f".isascii(), "abc".isascii())
for name in ["lower", "upper", "isdigit", "title"]:
    try:
        getattr("abc", name)(1)
    except TypeError as e:
        print("TypeError:", e)
