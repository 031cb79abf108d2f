# tools/gen_codec_tables.py -- Writes interp/parse/codecs' data tables from python3.11's codecs.
#
# Usage: /usr/bin/python3.11 tools/gen_codec_tables.py OUT.inc
#
# Everything is read from the running interpreter's `encodings` package, so the codecs a coding
# cookie may name, their names and aliases, and what each one decodes every byte sequence to are
# those of tpy's oracle. The output holds data only; interp/parse/codecs.cpp defines the record
# types and the decoders, and says how each table is read. The output is deterministic.
#
# Tables:
#   kCodecModules    every codec module the registry can import (sorted by name): its kind, an
#                    argument (table or codec index, byte order) and the name its errors show.
#   kCodecAliases    encodings.aliases (sorted by name), each naming its module by index, or -1
#                    when that module cannot be imported here (mbcs), as the registry sees them.
#   kCharmapTables   the 256 code points of every single-byte codec; kUndefined where the byte
#                    "maps to <undefined>".
#   kMultibyte*      the stateless CJK codecs as byte tries, found by decoding every one- and
#                    two-byte sequence (and three-byte ones after a lead that needs them) with
#                    the codec itself, so that errors come out exactly as CPython reports them:
#                    which bytes are "incomplete", and how many an "illegal multibyte sequence"
#                    covers. Two longer forms are left to code: GB18030's four-byte sequences
#                    (kGb18030Ranges) and EUC-KR's eight-byte Hangul make-up sequences
#                    (kEucKrChoseong / kEucKrJongseong).
import codecs
import collections
import encodings
import encodings.aliases
import importlib
import os
import pkgutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_unicode_tables import c_int_array, c_struct_array  # noqa: E402

# Trie entries (ORDER: the kEntry* constants and TrieSpecial::Kind in codecs.cpp).
kEntryIllegal = 0xFFFF    # "illegal multibyte sequence" covering one byte
kEntrySpecial = 0xD800    # 0xD800 + k: the codec's k-th TrieSpecial
kMaxSpecials = 0x800
kSpecialKinds = ("Astral", "Pair", "Illegal", "Child", "Gb18030Four", "EucKrMakeup")
kUndefined = 0xFFFE       # kCharmapTables: the byte maps to <undefined>

# Codecs that are not tables, by module name: (CodecKind, argument). Everything else must be a
# charmap (decoding_table), a stateless multibyte codec, or not a text encoding; anything new in
# the interpreter stops the build here instead of being silently left out.
kSpecialCodecs = {
    "ascii": ("Ascii", 0), "latin_1": ("Latin1", 0), "charmap": ("Latin1", 0),
    "utf_8": ("Utf8", 0), "utf_8_sig": ("Utf8", 0),
    "utf_16": ("Utf16", 0), "utf_16_le": ("Utf16", -1), "utf_16_be": ("Utf16", 1),
    "utf_32": ("Utf32", 0), "utf_32_le": ("Utf32", -1), "utf_32_be": ("Utf32", 1),
    "utf_7": ("Utf7", 0), "unicode_escape": ("UnicodeEscape", 0),
    "raw_unicode_escape": ("RawUnicodeEscape", 0), "undefined": ("Undefined", 0),
    "hz": ("Hz", 0),
}
# Left out (docs/differences.md): the stateful ISO-2022 codecs, and punycode and idna, which
# need big integers and stringprep; tpy reports them as unknown.
kUnsupported = ("iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3",
                "iso2022_jp_ext", "iso2022_kr", "punycode", "idna")

# -- Codec registry -------------------------------------------------------------------------------


def codec_modules():
    """{module name: module} for every encodings.* module the registry can import."""
    mods = {}
    for info in pkgutil.iter_modules(encodings.__path__):
        try:
            mod = importlib.import_module("encodings." + info.name)
        except ImportError:
            continue  # mbcs and oem exist only on Windows
        if hasattr(mod, "getregentry"):
            mods[info.name] = mod
    return mods


def charmap_table(mod):
    table = [ord(c) for c in mod.decoding_table]
    assert len(table) == 256
    decode = codecs.getdecoder(mod.getregentry().name)
    for b, cp in enumerate(table):  # the table and the codec agree byte for byte
        try:
            got = ord(decode(bytes([b]))[0])
        except UnicodeDecodeError:
            got = kUndefined
        assert got == cp, (mod.__name__, b)
    return table


# -- Multibyte tries ------------------------------------------------------------------------------


class Trie:
    """The tries of all multibyte codecs: nodes, a shared entry pool and per-codec specials."""

    def __init__(self):
        self.nodes, self.node_ids = [], {}
        self.pool = bytearray()
        self.specials = []
        self.gb18030_ranges = None
        self.euc_kr_jamo = None

    def add_entries(self, entries):
        packed = b"".join(e.to_bytes(2, "little") for e in entries)
        at = self.pool.find(packed)
        while at >= 0 and at % 2:
            at = self.pool.find(packed, at + 1)
        if at < 0:
            at = len(self.pool)
            self.pool += packed
        return at // 2

    def add_node(self, entries):
        """A node for 256 entries: those differing from the commonest one, kept as a range."""
        dflt = collections.Counter(entries).most_common(1)[0][0]
        used = [b for b, e in enumerate(entries) if e != dflt]
        lo, hi = (used[0], used[-1]) if used else (1, 0)
        key = (lo, hi, dflt, tuple(entries[lo:hi + 1]))
        if key not in self.node_ids:
            self.node_ids[key] = len(self.nodes)
            self.nodes.append((lo, hi, dflt, self.add_entries(entries[lo:hi + 1])))
        return self.node_ids[key]


class CodecTrie:
    """One codec's trie, built by decoding byte sequences with the codec."""

    def __init__(self, trie, name):
        self.trie, self.name = trie, name
        self.decode = codecs.getdecoder(name)
        self.special_base = len(trie.specials)
        self.special_ids = {}
        self.error_name = None

    def special(self, kind, a=0, b=0):
        key = (kSpecialKinds.index(kind), a, b)
        if key not in self.special_ids:
            self.special_ids[key] = len(self.special_ids)
            self.trie.specials.append(key)
            assert len(self.special_ids) <= kMaxSpecials, self.name
        return kEntrySpecial + self.special_ids[key]

    def outcome(self, seq):
        """('ok', text) | ('illegal', bytes covered) | ('incomplete',)."""
        try:
            return ("ok", self.decode(seq)[0])
        except UnicodeDecodeError as e:
            assert e.start == 0, (self.name, seq)
            assert self.error_name in (None, e.encoding)
            self.error_name = e.encoding
            if e.reason == "incomplete multibyte sequence":
                assert e.end == len(seq)
                return ("incomplete",)
            assert e.reason == "illegal multibyte sequence", e.reason
            return ("illegal", e.end)

    def text_entry(self, text):
        assert 1 <= len(text) <= 2, (self.name, text)
        cps = [ord(c) for c in text]
        if len(cps) == 2:
            return self.special("Pair", cps[0], cps[1])
        cp = cps[0]
        if cp > 0xFFFF:
            return self.special("Astral", cp)
        assert not (0xD800 <= cp < 0xE000) and cp < kUndefined, (self.name, hex(cp))
        return cp

    def entry(self, prefix):
        """The entry for byte sequence [prefix], which the codec has not rejected so far."""
        res = self.outcome(prefix)
        if res[0] == "ok":
            return self.text_entry(res[1])
        if res[0] == "illegal":
            return kEntryIllegal if res[1] == 1 else self.special("Illegal", res[1])
        if len(prefix) == 1:
            return self.child(prefix)
        longer = [self.outcome(prefix + bytes([b]))[0] for b in range(256)]
        if "incomplete" not in longer:
            assert len(prefix) == 2, (self.name, prefix)
            return self.child(prefix)
        return self.long_form(prefix)

    def child(self, prefix):
        node = self.trie.add_node([self.entry(prefix + bytes([b])) for b in range(256)])
        return self.special("Child", node)

    def long_form(self, prefix):
        """A lead pair that needs more than three bytes: one of the two forms left to code."""
        if self.name == "gb18030" and 0x30 <= prefix[1] <= 0x39:
            if self.trie.gb18030_ranges is None:
                self.trie.gb18030_ranges = gb18030_ranges(self.decode)
            return self.special("Gb18030Four")
        if self.name == "euc_kr" and prefix == b"\xa4\xd4":
            self.trie.euc_kr_jamo = euc_kr_jamo(self.decode)
            return self.special("EucKrMakeup")
        raise AssertionError("unknown long form %r in %s" % (prefix, self.name))

    def root(self):
        return self.trie.add_node([self.entry(bytes([b])) for b in range(256)])


def gb18030_ranges(decode):
    """GB18030's four-byte BMP sequences as runs: (linear index of the first, its code point)."""
    runs, last = [], None
    for lseq in range(39420):
        c1, rest = divmod(lseq, 12600)
        c2, rest = divmod(rest, 1260)
        c3, c4 = divmod(rest, 10)
        cp = ord(decode(bytes([0x81 + c1, 0x30 + c2, 0x81 + c3, 0x30 + c4]))[0])
        if last is None or cp != last[1] + lseq - last[0]:
            runs.append((lseq, cp))
        last = (runs[-1][0], runs[-1][1])
    return runs


def euc_kr_jamo(decode):
    """Make-up sequences A4D4 A4xx A4yy A4zz: the initial and final jamo index of each xx/zz."""
    def syllable(cho, jung, jong):
        try:
            text = decode(bytes([0xA4, 0xD4, 0xA4, cho, 0xA4, jung, 0xA4, jong]))[0]
        except UnicodeDecodeError:
            return None
        return ord(text) - 0xAC00
    none = 0xFF
    cho = [none] * 30
    for i, b in enumerate(range(0xA1, 0xBF)):
        s = syllable(b, 0xBF, 0xD4)
        cho[i] = none if s is None else s // 588
    valid_cho = 0xA1 + next(i for i, c in enumerate(cho) if c != none)
    jong = [none] * 30
    for i, b in enumerate(range(0xA1, 0xBF)):
        s = syllable(valid_cho, 0xBF, b)
        jong[i] = none if s is None else s % 28
    # The medial vowel is the byte's offset from 0xBF, and the filler 0xD4 means "no final".
    assert syllable(valid_cho, 0xD3, 0xD4) % 588 == 20 * 28
    assert syllable(valid_cho, 0xBE, 0xD4) is None and syllable(valid_cho, 0xD4, 0xD4) is None
    return cho, jong


# -- Classification -------------------------------------------------------------------------------


def c_string(s):
    return '"%s"' % s


def multibyte_codecs(mods, trie):
    """[(module name, root node, first special, name in errors)] of the stateless CJK codecs."""
    rows = []
    for name in sorted(mods):
        mod = mods[name]
        if name in kSpecialCodecs or name in kUnsupported or not hasattr(mod, "codec"):
            continue
        assert type(mod.codec).__name__ == "MultibyteCodec", name
        ct = CodecTrie(trie, mod.getregentry().name)
        rows.append((name, ct.root(), ct.special_base, ct.error_name))
    return rows


def codec_rows(mods, tables, multibyte):
    """Classifies every module: (name, kind, argument, name in errors); fills [tables]."""
    mb_index = {m[0]: i for i, m in enumerate(multibyte)}
    rows = []
    for name in sorted(mods):
        mod = mods[name]
        info = mod.getregentry()
        kind, arg, err = "Unsupported", 0, info.name
        if not info._is_text_encoding:
            kind = "NotText"
        elif name in kSpecialCodecs:
            kind, arg = kSpecialCodecs[name]
            if kind == "Hz":  # GB2312 in 7-bit form: pairs are looked up in GB2312's trie
                arg = mb_index["gb2312"]
        elif hasattr(mod, "decoding_table"):
            kind, arg, err = "Charmap", len(tables), "charmap"
            tables.append(charmap_table(mod))
        elif name in mb_index:
            kind, arg, err = "Multibyte", mb_index[name], multibyte[mb_index[name]][3]
        else:
            assert name in kUnsupported, name
        rows.append((c_string(name), "CodecKind::" + kind, arg, c_string(err)))
    return rows


def alias_rows(mods):
    names = sorted(mods)
    rows = []
    for alias, target in sorted(encodings.aliases.aliases.items()):
        rows.append((c_string(alias), names.index(target) if target in mods else -1))
    return rows


# -- Output ---------------------------------------------------------------------------------------


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: gen_codec_tables.py OUT.inc")
    mods = codec_modules()
    trie, tables = Trie(), []
    multibyte = multibyte_codecs(mods, trie)
    rows = codec_rows(mods, tables, multibyte)
    specials = [("TrieSpecial::" + kSpecialKinds[k], a, b) for k, a, b in trie.specials]
    entries = [int.from_bytes(trie.pool[i:i + 2], "little") for i in range(0, len(trie.pool), 2)]
    cho, jong = trie.euc_kr_jamo
    text = ("// codec_tables.inc -- Python 3.11's source codecs, for interp/parse/codecs.cpp.\n"
            "// Generated by tools/gen_codec_tables.py from python3.11's encodings package. "
            "Do not edit.\n\n"
            "// ORDER: the fields of CodecModule (name, kind, argument, name in errors).\n"
            + c_struct_array("CodecModule", "kCodecModules", rows)
            + "// ORDER: the fields of CodecAlias (name, index in kCodecModules or -1).\n"
            + c_struct_array("CodecAlias", "kCodecAliases", alias_rows(mods))
            + "// Table k holds byte b's code point at k * 256 + b.\n"
            + c_int_array("uint16_t", "kCharmapTables", [cp for t in tables for cp in t])
            + "// ORDER: the fields of TrieNode (lo, hi, default entry, first entry).\n"
            + c_struct_array("TrieNode", "kTrieNodes", trie.nodes)
            + c_int_array("uint16_t", "kTrieEntries", entries)
            + "// ORDER: the fields of TrieSpecial (kind, a, b).\n"
            + c_struct_array("TrieSpecial", "kTrieSpecials", specials)
            + "// ORDER: the fields of MultibyteCodec (root node, first special).\n"
            + c_struct_array("MultibyteCodec", "kMultibyteCodecs", [m[1:3] for m in multibyte])
            + "// ORDER: the fields of Gb18030Range (linear index, code point).\n"
            + c_struct_array("Gb18030Range", "kGb18030Ranges", trie.gb18030_ranges)
            + c_int_array("uint8_t", "kEucKrChoseong", cho)
            + c_int_array("uint8_t", "kEucKrJongseong", jong))
    with open(argv[1], "w", encoding="ascii", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv)
