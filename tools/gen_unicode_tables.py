# tools/gen_unicode_tables.py -- Writes interp/unicode's data tables from python3.11's unicodedata.
#
# Usage: /usr/bin/python3.11 tools/gen_unicode_tables.py OUT.inc
#
# Everything is read from the running interpreter (CPython 3.11, Unicode 14.0.0), so tpy agrees
# with its oracle code point for code point. The output holds data only; interp/unicode/unicode.cpp
# defines the record types and the algorithms. The output is deterministic: the same interpreter
# always writes the same bytes.
#
# Tables (see unicode.cpp for how each is read):
#   kFlags*       two-level table of property bits (printable, XID start, XID continue).
#   kName*        the character names and aliases that \N{...} accepts, as word-token strings
#                 behind an open-addressing hash table; the first kNameCharCount entries are the
#                 characters' own names in code point order (for unicodedata.name), the aliases
#                 follow. Hangul syllables, CJK unified ideographs and the other "PREFIX-XXXX"
#                 names are left to code (kHangul*, kHexNameRanges).
# The character database and normalization data are tools/gen_unicode_props.py's.
import sys
import unicodedata

kMaxCodePoint = 0x110000
kHangulFirst, kHangulLast = 0xAC00, 0xD7A3
kJamoCounts = (19, 21, 28)  # leading consonants, vowels, trailing consonants (incl. none)
kUnifiedPrefix = "CJK UNIFIED IDEOGRAPH-"

# Bits of kFlags (ORDER: the kFlag* constants in unicode.cpp).
kFlagPrintable, kFlagXidStart, kFlagXidContinue = 1, 2, 4

# -- Output helpers -------------------------------------------------------------------------------


def c_int_array(ctype, name, values):
    """A constexpr array of integers (or any literals), wrapped at 100 columns."""
    lines, line = [], "  "
    for v in values:
        item = "%s," % v
        if len(line) + len(item) + 1 > 100:
            lines.append(line.rstrip())
            line = "  "
        line += item + " "
    lines.append(line.rstrip())
    return "constexpr %s %s[] = {\n%s\n};\n" % (ctype, name, "\n".join(lines))


def c_struct_array(ctype, name, rows):
    lines = ["  {%s}," % ", ".join(str(v) for v in row) for row in rows]
    return "constexpr %s %s[] = {\n%s\n};\n" % (ctype, name, "\n".join(lines))


def c_byte_string(name, data):
    """Bytes as a string literal (compiles far faster than a braced list of that size)."""
    pieces, line = [], ""
    for b in data:
        if 0x20 <= b < 0x7F and b not in (0x22, 0x5C, 0x3F):
            piece = chr(b)
        else:
            piece = "\\%03o" % b  # three octal digits never swallow the next character
        if len(line) + len(piece) > 94:
            pieces.append(line)
            line = ""
        line += piece
    pieces.append(line)
    body = "\n".join('  "%s"' % p for p in pieces)
    return "constexpr char %s[] =\n%s;\n" % (name, body)


def c_string_array(name, strings):
    return c_int_array("const char*", name, ['"%s"' % s for s in strings])


def int_type(values):
    top = max(values, default=0)
    return "uint8_t" if top < 1 << 8 else "uint16_t" if top < 1 << 16 else "uint32_t"


def two_level(name, values):
    """Splits [values] into shared blocks: value(cp) = data[index[cp >> shift] << shift | low].

    Tries every block size and keeps the smallest total, so the shift is part of the output."""
    best = None
    for shift in range(4, 11):
        size = 1 << shift
        blocks, index = {}, []
        for start in range(0, len(values), size):
            block = tuple(values[start:start + size])
            index.append(blocks.setdefault(block, len(blocks)))
        data = [v for block in blocks for v in block]
        width = {"uint8_t": 1, "uint16_t": 2, "uint32_t": 4}
        cost = len(index) * width[int_type(index)] + len(data) * width[int_type(data)]
        if best is None or cost < best[0]:
            best = (cost, shift, index, data)
    _, shift, index, data = best
    return (
        "constexpr int k%sShift = %d;\n" % (name, shift)
        + c_int_array(int_type(index), "k%sIndex" % name, index)
        + c_int_array(int_type(data), "k%sData" % name, data))


# -- Character properties -------------------------------------------------------------------------


def property_flags(chars):
    flags = [0] * kMaxCodePoint
    for cp, ch in enumerate(chars):
        flags[cp] = ((kFlagPrintable if ch.isprintable() else 0)
                     | (kFlagXidStart if ch.isidentifier() else 0)
                     | (kFlagXidContinue if ("a" + ch).isidentifier() else 0))
    return flags


# -- Names ----------------------------------------------------------------------------------------


def is_hangul_syllable(cp):
    return kHangulFirst <= cp <= kHangulLast


def hex_name_prefix(name, cp):
    """The "PREFIX-" of a name spelled PREFIX-XXXX from its own code point, or None."""
    suffix = "-%04X" % cp
    return name[:-len(suffix) + 1] if name.endswith(suffix) else None


def ranges_of(cps):
    ranges = []
    for cp in sorted(cps):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return ranges


def jamo_short_names():
    """The L, V and T short names, read back from the syllable names that use them."""
    count_l, count_v, count_t = kJamoCounts
    per_l, silent_l = count_v * count_t, 11  # IEUNG: the leading consonant with an empty name

    def body(cp):
        return unicodedata.name(chr(cp))[len("HANGUL SYLLABLE "):]
    leads = [body(kHangulFirst + l * per_l)[:-1] for l in range(count_l)]  # minus the vowel A
    vowels = [body(kHangulFirst + silent_l * per_l + v * count_t) for v in range(count_v)]
    trails = [body(kHangulFirst + silent_l * per_l + t)[1:] for t in range(count_t)]
    assert leads[silent_l] == "" and vowels[0] == "A" and trails[0] == ""
    return leads, vowels, trails


def check_hangul_names(jamo, names):
    leads, vowels, trails = jamo
    for cp, name in names.items():
        index = cp - kHangulFirst
        l, v, t = index // (len(vowels) * len(trails)), index // len(trails) % len(vowels), \
            index % len(trails)
        assert name == "HANGUL SYLLABLE " + leads[l] + vowels[v] + trails[t], name


def aliases_and_sequences():
    """NameAliases.txt and NamedSequences.txt as CPython holds them: the names that its
    namereplace error handler prints for the plane-15 private-use code points it keys them by.
    An alias looks up to one character; a named sequence to more, and only unicodedata.lookup
    accepts those (\\N{...} does not). Returns ([(alias, cp)], [(sequence name, text)])."""
    aliases, sequences = [], []
    for cp in range(0xF0000, 0xF1000):
        text = chr(cp).encode("ascii", "namereplace")
        if not text.startswith(b"\\N{"):
            continue
        name = text[3:-1].decode("ascii")
        target = unicodedata.lookup(name)
        if len(target) == 1:
            aliases.append((name, ord(target)))
        else:
            sequences.append((name, target))
    assert len(aliases) > 400 and len(sequences) > 400
    return aliases, sequences


def named_sequence_table(sequences):
    longest = max(len(text) for _, text in sequences)
    rows = [('"%s"' % name, len(text), "{%s}" % ", ".join(str(ord(c)) for c in text))
            for name, text in sequences]
    return ("constexpr int kMaxNamedSequence = %d;\n" % longest
            + "// ORDER: the fields of NamedSequence in unicode.cpp (name, length, code points).\n"
            + c_struct_array("NamedSequence", "kNamedSequences", rows))


def fnv1a(text):
    """The name hash (ORDER: name_hash in unicode.cpp); names are hashed upper-cased."""
    h = 0x811C9DC5
    for b in text.encode("ascii"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def token_bytes(word_ids):
    out = bytearray()
    for w in word_ids:
        out += bytes([w]) if w < 0x80 else bytes([0x80 | w >> 8, w & 0xFF])
    return out


def name_table(entries):
    """[entries] are (name, code point). Words become ids, the most frequent first so that most
    take one byte; each name is its id string, joined by spaces when decoded."""
    counts = {}
    for name, _ in entries:
        for w in name.split(" "):
            counts[w] = counts.get(w, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    assert len(words) < 1 << 15
    word_id = {w: i for i, w in enumerate(words)}
    word_offsets, tokens, name_offsets = [0], bytearray(), [0]
    for w in words:
        word_offsets.append(word_offsets[-1] + len(w))
    for name, _ in entries:
        tokens += token_bytes(word_id[w] for w in name.split(" "))
        name_offsets.append(len(tokens))
    size = 1
    while size < 2 * len(entries):
        size *= 2
    slots = [0xFFFF] * size
    for i, (name, _) in enumerate(entries):
        h = fnv1a(name) & (size - 1)
        while slots[h] != 0xFFFF:
            h = (h + 1) & (size - 1)
        slots[h] = i
    assert len(entries) < 0xFFFF
    return (c_byte_string("kNameWords", "".join(words).encode("ascii"))
            + c_int_array("uint32_t", "kNameWordOffsets", word_offsets)
            + c_byte_string("kNameTokens", tokens)
            + c_int_array("uint32_t", "kNameTokenOffsets", name_offsets)
            + c_int_array("uint32_t", "kNameCodePoints", [cp for _, cp in entries])
            + c_int_array("uint16_t", "kNameSlots", slots))


def names_tables(chars, assigned):
    entries, hangul, hex_names = [], {}, {}
    for cp in assigned:
        name = unicodedata.name(chars[cp], None)
        if name is None:
            continue
        prefix = hex_name_prefix(name, cp)
        if is_hangul_syllable(cp):
            hangul[cp] = name
        elif prefix is not None:
            hex_names.setdefault(prefix, []).append(cp)
        else:
            entries.append((name, cp))
    char_count = len(entries)
    aliases, sequences = aliases_and_sequences()
    entries += aliases
    jamo = jamo_short_names()
    check_hangul_names(jamo, hangul)
    assert len(hangul) == kHangulLast - kHangulFirst + 1
    unified = ranges_of(hex_names.pop(kUnifiedPrefix))
    prefixes = sorted(hex_names)
    hex_ranges = [(i, lo, hi) for i, p in enumerate(prefixes) for lo, hi in ranges_of(hex_names[p])]
    lines = [c_string_array("kHangul" + label, names)
             for label, names in zip(("Lead", "Vowel", "Trail"), jamo)]
    return ("".join(lines)
            + "// Code points named \"CJK UNIFIED IDEOGRAPH-\" plus their hex, as [first, last].\n"
            + c_struct_array("CodeRange", "kUnifiedIdeographs", unified)
            + c_string_array("kHexNamePrefixes", prefixes)
            + "// ORDER: the fields of HexNameRange in unicode.cpp (prefix, first, last).\n"
            + c_struct_array("HexNameRange", "kHexNameRanges", hex_ranges)
            + "constexpr uint32_t kNameCharCount = %d;\n" % char_count
            + name_table(entries)
            + named_sequence_table(sequences))


# -- Driver ---------------------------------------------------------------------------------------


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: gen_unicode_tables.py OUT.inc")
    chars = [chr(cp) for cp in range(kMaxCodePoint)]
    assigned = [cp for cp in range(kMaxCodePoint) if unicodedata.category(chars[cp]) != "Cn"]
    text = ("// unicode_tables.inc -- Unicode %s data for interp/unicode/unicode.cpp.\n"
            "// Generated by tools/gen_unicode_tables.py from python3.11's unicodedata. "
            "Do not edit.\n\n" % unicodedata.unidata_version
            + 'constexpr const char* kUnicodeVersion = "%s";\n' % unicodedata.unidata_version
            + two_level("Flags", property_flags(chars))
            + names_tables(chars, assigned))
    with open(argv[1], "w", encoding="ascii", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv)
