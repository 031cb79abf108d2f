# tools/gen_unicode_props.py -- Writes the str-method and unicodedata tables from python3.11.
#
# Usage: /usr/bin/python3.11 tools/gen_unicode_props.py PROPS.inc DB.inc
#
# PROPS.inc (read by interp/unicode/char_props.cpp) holds what str's methods ask of a character:
#   kChar{Top,Mid,Leaf}  three-level table from code point to an index into kCharRecords.
#   kCharRecords         unique (flags, decimal/digit, numeric, four case mappings) records. A case
#                        mapping is a delta to the code point, or, when its flag says extended,
#                        (length << 24 | offset) into kExtendedCase (SpecialCasing's one-to-many
#                        mappings, the title and fold mappings that differ from one code point).
#   kNumericValues       the distinct unicodedata.numeric() values, as exact hex floats.
#   kAsciiFlags          the flags of U+0000..U+007F, for the inline fast paths of char_props.h.
# DB.inc (read by interp/unicode/char_db.cpp and normalize.cpp) holds the unicodedata module:
#   kDb{Top,Mid,Leaf}    code point to an index into kDbRecords (category, bidirectional class,
#                        east Asian width, mirrored, combining class, normalization bits).
#   kDecomp{Top,Mid,Leaf} code point to an offset into kDecompData (0 when it has no mapping):
#                        a header (tag | count << 8) then the mapping in UTF-16 (no decomposition
#                        contains a surrogate, so a pair always means one supplementary character).
#   kCompositions        primary-composite pairs for canonical composition, sorted.
#
# Nothing is read from UnicodeData.txt: every property is taken from the behaviour of the running
# interpreter's str methods and unicodedata (CPython 3.11, Unicode 14.0.0), so tpy agrees with
# its oracle exactly, quirks included. Where a property has no direct accessor (cased,
# case-ignorable, titlecase) it is read back from an algorithm that depends on it, as the
# comments below explain. The output is deterministic.
import sys
import unicodedata

import _sre

from gen_unicode_tables import c_byte_string, c_int_array, c_string_array, c_struct_array, int_type

kMaxCodePoint = 0x110000
kHangulFirst, kHangulLast = 0xAC00, 0xD7A3
kJamoVowels = range(0x1161, 0x1161 + 21)
kJamoTrails = range(0x11A8, 0x11A8 + 27)

# ORDER: the CharFlag constants in interp/unicode/char_props.h.
kAlpha, kDecimal, kDigit, kNumeric = 1 << 0, 1 << 1, 1 << 2, 1 << 3
kSpace, kLinebreak, kLower, kUpper = 1 << 4, 1 << 5, 1 << 6, 1 << 7
kTitle, kCased, kCaseIgnorable = 1 << 8, 1 << 9, 1 << 10
kLowerExtended, kUpperExtended, kTitleExtended, kFoldExtended = 1 << 11, 1 << 12, 1 << 13, 1 << 14
kNoDigit = 0xF

# ORDER: the kNorm* constants in interp/unicode/char_db.cpp.
kNfdNo, kNfkdNo, kNfcNo, kNfkcNo, kComposeMaybe, kComposeFirst = 1, 2, 4, 8, 16, 32

# -- Output helpers -------------------------------------------------------------------------------


def split_blocks(values, shift):
    """[values] as deduplicated blocks of 1 << shift: (block index per block, concatenated data)."""
    size = 1 << shift
    blocks, index = {}, []
    for start in range(0, len(values), size):
        block = tuple(values[start:start + size])
        index.append(blocks.setdefault(block, len(blocks)))
    return index, [v for block in blocks for v in block]


def byte_size(values):
    return len(values) * {"uint8_t": 1, "uint16_t": 2, "uint32_t": 4}[int_type(values)]


def three_level(name, values):
    """value(cp) = leaf[mid[top[cp >> (L + M)] << M | (cp >> L) & mask] << L | cp & mask], with
    the leaf shift L and mid shift M chosen to minimise the total size (both are written out)."""
    best = None
    for leaf_shift in range(3, 10):
        mid_index, leaf = split_blocks(values, leaf_shift)
        for mid_shift in range(2, 9):
            top, mid = split_blocks(mid_index, mid_shift)
            cost = byte_size(top) + byte_size(mid) + byte_size(leaf)
            if best is None or cost < best[0]:
                best = (cost, leaf_shift, mid_shift, top, mid, leaf)
    cost, leaf_shift, mid_shift, top, mid, leaf = best
    return ("// %s: %d bytes of index and data.\n" % (name, cost)
            + "constexpr int k%sLeafShift = %d, k%sMidShift = %d;\n"
            % (name, leaf_shift, name, mid_shift)
            + c_int_array(int_type(top), "k%sTop" % name, top)
            + c_int_array(int_type(mid), "k%sMid" % name, mid)
            + c_int_array(int_type(leaf), "k%sLeaf" % name, leaf))


class Interner:
    """Assigns each distinct record an index, in order of first appearance."""

    def __init__(self, *first):
        self.items, self.index = [], {}
        for item in first:
            self.add(item)

    def add(self, item):
        if item not in self.index:
            self.index[item] = len(self.items)
            self.items.append(item)
        return self.index[item]


# -- str properties -------------------------------------------------------------------------------


def is_cased(ch):
    """Cased: title() lower-cases a letter exactly when the character before it is cased."""
    return (ch + "a").title()[-1] == "a"


def is_case_ignorable(ch, cased):
    """Case_Ignorable, read back from lower()'s Final_Sigma rule: looking back from a capital
    sigma, lower() skips case-ignorable characters and asks whether the first other one is cased.
    So a cased [ch] just before the sigma makes it final unless [ch] is skipped; an uncased one
    makes it final only if skipped to reach the cased 'A' before it."""
    if cased:
        return (ch + "\u03a3").lower()[-1] != "\u03c2"
    return ("A" + ch + "\u03a3").lower()[-1] == "\u03c2"


def is_titlecase(ch):
    """Per-character titlecase (Lt): isupper() of a string fails on a lowercase or titlecase
    character, and ch.istitle() cannot tell (a lone capital is a title-cased string)."""
    return not ch.islower() and not ("A" + ch).isupper()


def char_flags(cp, ch):
    cased = is_cased(ch)
    flags = ((kAlpha if ch.isalpha() else 0) | (kDecimal if ch.isdecimal() else 0)
             | (kDigit if ch.isdigit() else 0) | (kNumeric if ch.isnumeric() else 0)
             | (kSpace if ch.isspace() else 0)
             | (kLinebreak if len(("a" + ch + "b").splitlines()) == 2 else 0)
             | (kLower if ch.islower() else 0) | (kUpper if ch.isupper() else 0)
             | (kTitle if is_titlecase(ch) else 0) | (kCased if cased else 0)
             | (kCaseIgnorable if is_case_ignorable(ch, cased) else 0))
    # What the table's users rely on; a failure here means CPython changed its definitions.
    assert bool(flags & kDecimal) == (unicodedata.decimal(ch, None) is not None)
    assert bool(flags & kDigit) == (unicodedata.digit(ch, None) is not None)
    assert bool(flags & kNumeric) == (unicodedata.numeric(ch, None) is not None)
    assert bool(flags & kTitle) == (unicodedata.category(ch) == "Lt")
    assert ch.isalnum() == bool(flags & (kAlpha | kDecimal | kDigit | kNumeric))
    assert not (flags & kLower and flags & (kUpper | kTitle))
    assert not (flags & kUpper and flags & kTitle)
    return flags


def props_tables(chars):
    extended_data, extended_offset = [], {}

    def mapping(cp, text):
        """(extended?, field) for one case mapping of [cp]."""
        if len(text) == 1:
            return False, ord(text) - cp
        seq = tuple(ord(c) for c in text)
        if seq not in extended_offset:
            extended_offset[seq] = len(extended_data)
            extended_data.extend(seq)
        return True, len(text) << 24 | extended_offset[seq]

    numerics = Interner(None)
    empty = (0, kNoDigit | kNoDigit << 4, 0, 0, 0, 0, 0)
    records = Interner(empty)
    index = [0] * kMaxCodePoint
    ascii_flags = []
    for cp, ch in enumerate(chars):
        flags = char_flags(cp, ch)
        if cp < 0x80:
            ascii_flags.append(flags)
        decimal = unicodedata.decimal(ch, kNoDigit)
        digit = unicodedata.digit(ch, kNoDigit)
        numeric = unicodedata.numeric(ch, None)
        numeric_index = 0 if numeric is None else numerics.add(numeric)
        # re's one-to-one mappings (_sre.unicode_tolower, and the upper one behind
        # unicode_iscased) are the first code point of the full ones, so nothing is stored.
        assert _sre.unicode_tolower(cp) == ord(ch.lower()[0])
        assert _sre.unicode_iscased(cp) == (ch.lower()[0] != ch or ch.upper()[0] != ch)
        fields = []
        for bit, text in ((kLowerExtended, ch.lower()), (kUpperExtended, ch.upper()),
                          (kTitleExtended, ch.title()), (kFoldExtended, ch.casefold())):
            assert 1 <= len(text) <= 3
            is_extended, field = mapping(cp, text)
            flags |= bit if is_extended else 0
            fields.append(field)
        record = (flags, decimal | digit << 4, numeric_index, *fields)
        index[cp] = records.add(record)
    assert len(records.items) < 1 << 16 and len(numerics.items) < 1 << 8
    assert len(extended_data) < 1 << 24
    numeric_values = ["0.0"] + [v.hex() for v in numerics.items[1:]]
    return ("constexpr uint16_t kAsciiFlags[] = {%s};\n" % ", ".join(map(str, ascii_flags))
            + three_level("Char", index)
            + "// ORDER: the fields of CharRecord in char_props.cpp (flags, digits (decimal in the\n"
            + "// low nibble, digit in the high one, 0xF for none), numeric index, lower, upper,\n"
            + "// title, fold).\n"
            + c_struct_array("CharRecord", "kCharRecords", records.items)
            + c_int_array("char32_t", "kExtendedCase", extended_data)
            + c_int_array("double", "kNumericValues", numeric_values))


# -- unicodedata ----------------------------------------------------------------------------------


def decomposition_of(ch):
    """The one-level mapping as (tag, [code points]); tag '' for a canonical one. None if none."""
    text = unicodedata.decomposition(ch)
    if not text:
        return None
    parts = text.split()
    tag = parts[0] if parts[0].startswith("<") else ""
    return tag, [int(p, 16) for p in parts[1 if tag else 0:]]


def composition_pairs(chars, assigned):
    """(first, second, composite) for every primary composite: a two-element canonical mapping
    that NFC leaves alone (the composition exclusions, singletons and non-starter decompositions
    are exactly the characters NFC rewrites)."""
    pairs = []
    for cp in assigned:
        one = decomposition_of(chars[cp])
        if one is None or one[0] or len(one[1]) != 2:
            continue
        if unicodedata.normalize("NFC", chars[cp]) == chars[cp]:
            pairs.append((one[1][0], one[1][1], cp))
    pairs.sort()
    return pairs


def utf16(cps):
    out = []
    for cp in cps:
        assert not 0xD800 <= cp < 0xE000
        if cp < 0x10000:
            out.append(cp)
        else:
            cp -= 0x10000
            out += [0xD800 | cp >> 10, 0xDC00 | cp & 0x3FF]
    return out


def norm_flags(ch, cp, firsts, seconds):
    def changes(form):
        return unicodedata.normalize(form, ch) != ch
    return ((kNfdNo if changes("NFD") else 0) | (kNfkdNo if changes("NFKD") else 0)
            | (kNfcNo if changes("NFC") else 0) | (kNfkcNo if changes("NFKC") else 0)
            | (kComposeMaybe if cp in seconds else 0) | (kComposeFirst if cp in firsts else 0))


def db_tables(chars):
    assigned = [cp for cp in range(kMaxCodePoint) if unicodedata.category(chars[cp]) != "Cn"]
    pairs = composition_pairs(chars, assigned)
    firsts = {p[0] for p in pairs}
    seconds = {p[1] for p in pairs} | set(kJamoVowels) | set(kJamoTrails)
    categories, bidis, widths = Interner(), Interner(""), Interner()
    for cp in range(kMaxCodePoint):  # in code point order, so the lists are stable
        categories.add(unicodedata.category(chars[cp]))
        widths.add(unicodedata.east_asian_width(chars[cp]))
    tags = Interner("")
    # Record 0 answers for tpy's raw-byte markers above U+10FFFF: a starter that no
    # normalization touches.
    records = Interner((categories.add("Cn"), 0, widths.add("N"), 0, 0))
    db_index = [0] * kMaxCodePoint
    decomp_data, decomp_offset = [0], {}
    decomp_index = [0] * kMaxCodePoint
    longest = 0
    for cp, ch in enumerate(chars):
        mirrored = unicodedata.mirrored(ch)
        assert widths.add(unicodedata.east_asian_width(ch)) < 8 and mirrored in (0, 1)
        record = (categories.add(unicodedata.category(ch)),
                  bidis.add(unicodedata.bidirectional(ch)),
                  widths.add(unicodedata.east_asian_width(ch)) | mirrored << 3,
                  unicodedata.combining(ch), norm_flags(ch, cp, firsts, seconds))
        db_index[cp] = records.add(record)
        one = decomposition_of(ch)
        if one is None:
            continue
        tag, cps = one
        longest = max(longest, len(cps))
        entry = (tags.add(tag) | len(cps) << 8, *utf16(cps))
        if entry not in decomp_offset:
            decomp_offset[entry] = len(decomp_data)
            decomp_data.extend(entry)
        decomp_index[cp] = decomp_offset[entry]
    assert len(records.items) < 1 << 16 and len(decomp_data) < 1 << 16
    # Hangul syllables decompose by arithmetic, and unicodedata.decomposition() shows nothing.
    assert all(decomp_index[cp] == 0 for cp in range(kHangulFirst, kHangulLast + 1))
    return (c_string_array("kCategoryNames", categories.items)
            + c_string_array("kBidiNames", bidis.items)
            + c_string_array("kEastAsianWidthNames", widths.items)
            + c_string_array("kDecompositionTags", tags.items)
            + "constexpr int kMaxDecompositionLength = %d;\n" % longest
            + three_level("Db", db_index)
            + "// ORDER: the fields of DbRecord in char_db.cpp (category, bidirectional,\n"
            + "// east_asian_width | mirrored << 3, combining, kNorm* bits).\n"
            + c_struct_array("DbRecord", "kDbRecords", records.items)
            + three_level("Decomp", decomp_index)
            + c_int_array("uint16_t", "kDecompData", decomp_data)
            + "// ORDER: the fields of CompositionPair in char_db.cpp, sorted by (first, second).\n"
            + c_struct_array("CompositionPair", "kCompositions", pairs))


# -- Driver ---------------------------------------------------------------------------------------


def write(path, title, user, body):
    text = ("// %s -- Unicode %s %s for interp/unicode/%s.\n"
            "// Generated by tools/gen_unicode_props.py from python3.11. Do not edit.\n\n"
            % (path.rsplit("/", 1)[-1], unicodedata.unidata_version, title, user) + body)
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(text)


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: gen_unicode_props.py PROPS.inc DB.inc")
    chars = [chr(cp) for cp in range(kMaxCodePoint)]
    write(argv[1], "str properties", "char_props.cpp", props_tables(chars))
    write(argv[2], "character database", "char_db.cpp", db_tables(chars))


if __name__ == "__main__":
    main(sys.argv)
