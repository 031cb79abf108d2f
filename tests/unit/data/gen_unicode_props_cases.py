# tests/unit/data/gen_unicode_props_cases.py -- Writes unicode_props_cases.txt: str's per-character
# answers and case conversions as CPython 3.11 computes them, for every code point.
#
# Run with the oracle: /usr/bin/python3.11 tests/unit/data/gen_unicode_props_cases.py > \
#     tests/unit/data/unicode_props_cases.txt
# unicode_props_test.cpp reads it back. Lines (code points and strings in hex; a string is its
# code points joined by '.', '-' when empty):
#   F first last bits    every code point in [first, last] has these property bits (kBit* below)
#   M cp lower upper title casefold swapcase capitalize simple_lower
#                        one line per code point whose single-character string any of these
#                        change (simple_lower: _sre.unicode_tolower, what re's IGNORECASE uses)
#   N cp decimal digit numeric    unicodedata's values, -1 when none, numeric as float.hex()
#   S text lower upper title capitalize swapcase casefold bits
#                        seeded random strings over an alphabet chosen to exercise Final_Sigma,
#                        title()'s word boundaries and the one-to-many mappings; bits are
#                        kStr* below
# Every F line covers a maximal run, so the file is small and the test still checks each of the
# 0x110000 code points.
import random
import sys
import unicodedata

import _sre

SIGMA, FINAL = "\u03a3", "\u03c2"

# Per-character bits. ORDER: kBit* in unicode_props_test.cpp.
PROPERTY_BITS = [
    lambda ch: ch.isalpha(),
    lambda ch: ch.isdecimal(),
    lambda ch: ch.isdigit(),
    lambda ch: ch.isnumeric(),
    lambda ch: ch.isalnum(),
    lambda ch: ch.isspace(),
    lambda ch: ch.islower(),
    lambda ch: ch.isupper(),
    lambda ch: ch.istitle(),
    lambda ch: ch.isprintable(),
    lambda ch: unicodedata.category(ch) == "Lt",
    # The algorithms that read Cased and Case_Ignorable, on strings around the character.
    lambda ch: len(("a" + ch + "b").splitlines()) == 2,
    lambda ch: (ch + "a").title()[-1] == "a",
    lambda ch: (ch + SIGMA).lower()[-1] == FINAL,
    lambda ch: ("A" + ch + SIGMA).lower()[-1] == FINAL,
    lambda ch: ("A" + SIGMA + ch).lower()[1] == FINAL,
    lambda ch: ("a" + ch).islower(),
    lambda ch: ("A" + ch).isupper(),
    lambda ch: ("A" + ch).istitle(),
    lambda ch: ("Aa" + ch + "b").istitle(),
    lambda ch: ("A " + ch + "b").istitle(),
    lambda ch: (" " + ch + " ").isspace(),
    lambda ch: ("1" + ch).isdecimal(),
    lambda ch: _sre.unicode_iscased(ord(ch)),
]

# Whole-string predicates of an S line. ORDER: kStr* in unicode_props_test.cpp.
STRING_BITS = [str.islower, str.isupper, str.istitle, str.isalpha, str.isdecimal, str.isdigit,
               str.isnumeric, str.isalnum, str.isspace, str.isprintable]

# Characters whose case behaviour is special, and neighbours that are cased, uncased,
# case-ignorable (apostrophe, combining marks, modifier letters) or both (U+0345, U+02B0).
ALPHABET = ("aAzZ '.:-_1 \t\u00df\u0149\u0130\u0131\u01c4\u01c5\u01c6\u03a3\u03c3\u03c2"
            "\u0391\u03b1\u0345\u0301\u0308\u02b0\u00aa\u1e9e\ufb01\ufb03\u1f80\u1f88\u1fb3"
            "\u0587\u2160\u24b6\U00010400\U0001E921\u00b5\u0660\u2028\u3000\u4e00\u200d\u00ad")


def hexs(text):
    return ".".join("%X" % ord(c) for c in text) if text else "-"


def bits_of(values):
    return sum(1 << i for i, v in enumerate(values) if v)


def property_runs(out):
    start, current = 0, None
    for cp in range(0x110001):
        bits = bits_of(f(chr(cp)) for f in PROPERTY_BITS) if cp < 0x110000 else None
        if bits != current:
            if current is not None:
                out.append("F %X %X %X" % (start, cp - 1, current))
            start, current = cp, bits


def mappings(out):
    for cp in range(0x110000):
        ch = chr(cp)
        row = [ch.lower(), ch.upper(), ch.title(), ch.casefold(), ch.swapcase(), ch.capitalize(),
               chr(_sre.unicode_tolower(cp))]
        if any(m != ch for m in row):
            out.append("M %X %s" % (cp, " ".join(hexs(m) for m in row)))


def numerics(out):
    for cp in range(0x110000):
        ch = chr(cp)
        numeric = unicodedata.numeric(ch, None)
        if numeric is not None:
            out.append("N %X %d %d %s" % (cp, unicodedata.decimal(ch, -1),
                                          unicodedata.digit(ch, -1), numeric.hex()))


def strings(out, rng, count):
    for _ in range(count):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 9)))
        row = [text, text.lower(), text.upper(), text.title(), text.capitalize(), text.swapcase(),
               text.casefold()]
        out.append("S %s %X" % (" ".join(hexs(s) for s in row),
                                bits_of(f(text) for f in STRING_BITS)))


def main():
    out = []
    property_runs(out)
    mappings(out)
    numerics(out)
    strings(out, random.Random(20251123), 1500)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
