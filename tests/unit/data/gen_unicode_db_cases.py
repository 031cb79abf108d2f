# tests/unit/data/gen_unicode_db_cases.py -- Writes the unicodedata oracle for unicode_db_test.cpp.
#
# Usage: /usr/bin/python3.11 tests/unit/data/gen_unicode_db_cases.py OUT.txt
# The build runs it (tests/CMakeLists.txt) into the build tree rather than committing the output,
# because every character name alone is 4.5 MB. Lines (code points and strings in hex; a string
# is its code points joined by '.', '-' when empty):
#   R first last category bidirectional east_asian_width mirrored combining
#                        every code point in [first, last] has these (bidirectional '-' if '')
#   D cp text            unicodedata.decomposition(chr(cp)) (the rest of the line), when not ''
#   N cp name            unicodedata.name(chr(cp)), when it has one
#   Q cp nfc nfd nfkc nfkd bits
#                        normalize(form, chr(cp)) for each code point some form changes; bits:
#                        is_normalized for NFC, NFD, NFKC, NFKD (1, 2, 4, 8)
#   L text name          unicodedata.lookup(name) == text, for every alias and named sequence
#                        (CPython keys them by plane-15 private-use code points, which is how
#                        its namereplace error handler finds them), upper- and lower-cased
#   S text nfc nfd nfkc nfkd bits
#                        the same for seeded random strings over an alphabet of combining marks,
#                        precomposed letters, Hangul jamo and syllables, singletons, exclusions
import random
import sys
import unicodedata

FORMS = ("NFC", "NFD", "NFKC", "NFKD")

ALPHABET = [
    "a", "e", "A", " ", "\u00e9", "\u00c5", "\u212b", "\u2126", "\u1e0b", "\u1e0d",
    "\u0300", "\u0301", "\u0308", "\u0316", "\u0323", "\u0327", "\u0344", "\u0345", "\u0307",
    "\u0915", "\u093c", "\u0958", "\u0f71", "\u0f72", "\u0f73", "\u0f74", "\u0f75", "\u0f81",
    "\u0b47", "\u0b3e", "\u0b57", "\u0cc6", "\u0cc2", "\u0cd5", "\u304b", "\u3099", "\u30ac",
    "\u1100", "\u1161", "\u11a8", "\u11a7", "\u11c3", "\uac00", "\uac01", "\ud7a3", "\u3131",
    "\ufb01", "\u00bd", "\u210c", "\u1f80", "\u1fb3", "\u0390", "\u01c4", "\u2adc", "\u0338",
    "\U0001d15e", "\U0001d165", "\U0001d16e", "\U0002f800", "\u05b8", "\u05b9", "\u0340",
]


def hexs(text):
    return ".".join("%X" % ord(c) for c in text) if text else "-"


def normal_row(text):
    forms = [unicodedata.normalize(f, text) for f in FORMS]
    bits = sum(1 << i for i, f in enumerate(FORMS) if unicodedata.is_normalized(f, text))
    return forms, bits


def main(argv):
    out = []
    start, current = 0, None
    for cp in range(0x110001):
        if cp < 0x110000:
            ch = chr(cp)
            row = (unicodedata.category(ch), unicodedata.bidirectional(ch) or "-",
                   unicodedata.east_asian_width(ch), unicodedata.mirrored(ch),
                   unicodedata.combining(ch))
        else:
            row = None
        if row != current:
            if current is not None:
                out.append("R %X %X %s %s %s %d %d" % (start, cp - 1, *current))
            start, current = cp, row
    for cp in range(0x110000):
        ch = chr(cp)
        if unicodedata.decomposition(ch):
            out.append("D %X %s" % (cp, unicodedata.decomposition(ch)))
        name = unicodedata.name(ch, None)
        if name is not None:
            out.append("N %X %s" % (cp, name))
        forms, bits = normal_row(ch)
        if any(f != ch for f in forms) or bits != 15:
            out.append("Q %X %s %d" % (cp, " ".join(hexs(f) for f in forms), bits))
    for cp in range(0xF0000, 0xF1000):
        text = chr(cp).encode("ascii", "namereplace")
        if text.startswith(b"\\N{"):
            name = text[3:-1].decode("ascii")
            for spelling in (name, name.lower()):
                out.append("L %s %s" % (hexs(unicodedata.lookup(spelling)), spelling))
    rng = random.Random(20251123)
    for _ in range(4000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 9)))
        forms, bits = normal_row(text)
        out.append("S %s %s %d" % (hexs(text), " ".join(hexs(f) for f in forms), bits))
    with open(argv[1], "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv)
