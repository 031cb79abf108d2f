// interp/parse/codecs.cpp -- Python 3.11's text codecs for source decoding: lookup and decoders.
//
// Which codecs exist, under which names, and what the table-driven ones decode to comes from
// tools/gen_codec_tables.py, which reads python3.11's `encodings` package at build time
// (build/gen/codec_tables.inc). This file holds the algorithms:
//
//   lookup    _Py_normalize_encoding, then encodings.search_function: the alias table (also
//             with '.' read as '_'), then the module of that name; names with a dot never name
//             a module. Codecs that are not text encodings (hex, rot13, zlib...) are refused
//             as PyUnicode_Decode refuses them.
//   tables    every single-byte codec (cp1252, koi8_r, mac_roman, the EBCDIC code pages...) is
//             a 256-entry table; the stateless CJK codecs (shift_jis, cp932, euc_jp, gbk,
//             gb18030, big5, big5hkscs, cp949, euc_kr, johab, the JIS X 0213 family...) are
//             byte tries whose entries hold a code point, a pair of code points, an "illegal
//             multibyte sequence" of N bytes, or the next level. Running out of input inside
//             a path is "incomplete multibyte sequence", as REQUIRE_INBUF makes it in CPython's
//             cjkcodecs. GB18030's four-byte form and EUC-KR's Hangul make-up sequences are
//             computed here from small generated tables.
//   code      ascii, latin-1 (and the table-less "charmap"), utf-8, utf-16 and utf-32 in their
//             byte orders, HZ (GB2312 behind "~{" / "~}" shifts), utf-7, unicode_escape and
//             raw_unicode_escape.
//
// Every decoder follows CPython's incremental decoder for its codec: what stays pending at the
// end of a chunk, and error positions counted from the first pending byte. A failing call
// returns no output, as a raising decode() does.
//
// Left out (docs/differences.md), and reported as unknown encodings: the stateful ISO-2022
// codecs (iso2022_jp*, iso2022_kr), punycode and idna. utf_8_sig decodes as utf_8: its BOM
// could only come first in what it decodes, and a source decoder never starts there (a BOM
// on line 1 is the tokenizer's, and a file is decoded from the cookie line's newline on).
#include "interp/parse/codecs.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iterator>

#include "interp/support/check.h"
#include "interp/unicode/unicode.h"
#include "interp/unicode/utf8.h"

namespace tpy::parse {

// -- Generated data -------------------------------------------------------------------------------

// ORDER: kSpecialCodecs and codec_rows() in tools/gen_codec_tables.py write these by name.
enum class CodecKind : uint8_t {
  Ascii, Latin1, Utf8, Charmap, Multibyte, Hz, Utf16, Utf32, Utf7, UnicodeEscape,
  RawUnicodeEscape, Undefined, NotText, Unsupported,
};

// ORDER: the generator writes these as positional initializers.
struct CodecModule {
  const char* name;        // module name in `encodings`
  CodecKind kind;
  int16_t arg;             // Charmap: table; Multibyte / Hz: codec; Utf16/32: byte order
  const char* error_name;  // the codec name its UnicodeDecodeErrors show
};

namespace {

struct CodecAlias {
  const char* name;
  int16_t module;  // index in kCodecModules, -1 when the target cannot be imported (mbcs)
};
struct TrieNode {
  uint8_t lo, hi;  // entries for bytes lo..hi are kTrieEntries[first + byte - lo]
  uint16_t dflt;   // the entry for every other byte
  uint32_t first;
};
struct TrieSpecial {
  // ORDER: kSpecialKinds in the generator.
  enum Kind : uint8_t { Astral, Pair, Illegal, Child, Gb18030Four, EucKrMakeup };
  Kind kind;
  uint32_t a, b;  // Astral: code point; Pair: two; Illegal: bytes covered; Child: node
};
struct MultibyteCodec {
  uint16_t root;           // node in kTrieNodes
  uint16_t first_special;  // entry kEntrySpecial + k is kTrieSpecials[first_special + k]
};
struct Gb18030Range {
  uint16_t lseq;  // linear index of a four-byte sequence starting a run
  uint16_t cp;    // the code point it decodes to; the run continues one to one
};

#include "codec_tables.inc"

// ORDER: kEntry* and kUndefined in the generator.
constexpr uint16_t kEntryIllegal = 0xFFFF;
constexpr uint16_t kEntrySpecial = 0xD800, kEntrySpecialEnd = 0xE000;
constexpr uint16_t kUndefined = 0xFFFE;
constexpr uint8_t kNoJamo = 0xFF;

// -- Lookup ---------------------------------------------------------------------------------------

inline bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// _Py_normalize_encoding: lower case; each run of characters other than letters, digits and
// '.' becomes one '_', except at the start.
std::string normalize_encoding(std::string_view name) {
  std::string norm;
  bool punct = false;
  for (char c : name) {
    if (is_alnum(c) || c == '.') {
      if (punct && !norm.empty()) norm += '_';
      norm += lower(c);
      punct = false;
    } else {
      punct = true;
    }
  }
  return norm;
}

template <typename Row, size_t N>
const Row* find_by_name(const Row (&rows)[N], std::string_view name) {
  auto it = std::lower_bound(std::begin(rows), std::end(rows), name,
                             [](const Row& r, std::string_view n) { return r.name < n; });
  return it != std::end(rows) && it->name == name ? it : nullptr;
}

// encodings.search_function on a normalized name.
const CodecModule* registry_lookup(std::string_view norm) {
  std::string dotless(norm);
  std::replace(dotless.begin(), dotless.end(), '.', '_');
  const CodecAlias* alias = find_by_name(kCodecAliases, norm);
  if (!alias) alias = find_by_name(kCodecAliases, dotless);
  if (alias && alias->module >= 0) return &kCodecModules[alias->module];
  if (norm.find('.') != std::string_view::npos) return nullptr;
  return find_by_name(kCodecModules, norm);
}

inline uint8_t byte_at(std::string_view d, size_t i) { return static_cast<uint8_t>(d[i]); }

// -- One decoding call ----------------------------------------------------------------------------

// The input of one call, where it has got to, and how it failed.
struct Run {
  std::string_view d;
  bool final;
  std::u32string& out;
  DecodeFailure& failure;
  size_t pos = 0;  // input consumed so far

  bool fail(std::string_view codec, size_t start, size_t end, std::string_view reason) {
    failure.message = decode_error_message(codec, d, start, end, reason);
    failure.plain = false;
    return false;
  }
  bool fail_plain(std::string message) {
    failure.message = std::move(message);
    failure.plain = true;
    return false;
  }
  size_t left() const { return d.size() - pos; }
  uint8_t byte(size_t k) const { return byte_at(d, k); }
};

bool decode_ascii(Run& r) {
  for (; r.pos < r.d.size(); r.pos++) {
    uint8_t b = r.byte(r.pos);
    if (b >= 0x80) return r.fail("ascii", r.pos, r.pos + 1, "ordinal not in range(128)");
    r.out += b;
  }
  return true;
}

bool decode_latin1(Run& r) {
  for (; r.pos < r.d.size(); r.pos++) r.out += r.byte(r.pos);
  return true;
}

bool decode_charmap(Run& r, const uint16_t* table) {
  for (; r.pos < r.d.size(); r.pos++) {
    uint16_t cp = table[r.byte(r.pos)];
    if (cp == kUndefined)
      return r.fail("charmap", r.pos, r.pos + 1, "character maps to <undefined>");
    r.out += cp;
  }
  return true;
}

bool decode_utf8(Run& r) {
  const char* reason;
  while (r.pos < r.d.size()) {
    size_t n = utf8_step(r.d, r.pos, reason);
    if (reason) {
      if (!r.final && r.pos + n == r.d.size() && std::strcmp(reason, "unexpected end of data") == 0)
        return true;  // the rest may follow in the next chunk
      return r.fail("utf-8", r.pos, r.pos + n, reason);
    }
    size_t i = r.pos;
    r.out += unicode::decode_utf8(r.d, i);
    r.pos += n;
  }
  return true;
}

// -- Multibyte tries ------------------------------------------------------------------------------

// What the bytes at one position decode to.
struct Step {
  enum Kind { Chars, Incomplete, Illegal } kind;
  size_t length = 0;  // bytes consumed (Chars) or covered by the error (Illegal)
  char32_t cp[2] = {0, 0};
  int count = 0;      // code points in cp

  static Step chars(size_t length, char32_t a, char32_t b = 0, int count = 1) {
    return Step{Chars, length, {a, b}, count};
  }
  static Step illegal(size_t length) { return Step{Illegal, length}; }
  static Step incomplete() { return Step{Incomplete}; }
};

uint16_t node_entry(const TrieNode& n, uint8_t b) {
  return b >= n.lo && b <= n.hi ? kTrieEntries[n.first + b - n.lo] : n.dflt;
}

// GB18030's four-byte form: 81-FE 30-39 81-FE 30-39, numbered linearly; the BMP part maps
// through runs, the rest (from 90 30 81 30) is U+10000 onwards.
Step gb18030_four(std::string_view d, size_t i) {
  if (d.size() - i < 4) return Step::incomplete();
  auto c1 = byte_at(d, i), c2 = byte_at(d, i + 1), c3 = byte_at(d, i + 2), c4 = byte_at(d, i + 3);
  if (c1 < 0x81 || c1 > 0xFE || c3 < 0x81 || c3 > 0xFE || c4 < 0x30 || c4 > 0x39)
    return Step::illegal(1);
  uint32_t lseq = ((c1 - 0x81u) * 10 + (c2 - 0x30u)) * 1260 + (c3 - 0x81u) * 10 + (c4 - 0x30u);
  constexpr uint32_t kBmpSequences = 39420, kAstralStart = 15 * 12600;
  if (lseq < kBmpSequences) {
    auto run = std::upper_bound(std::begin(kGb18030Ranges), std::end(kGb18030Ranges), lseq,
                                [](uint32_t l, const Gb18030Range& g) { return l < g.lseq; });
    --run;
    return Step::chars(4, run->cp + (lseq - run->lseq));
  }
  if (lseq >= kAstralStart && lseq - kAstralStart <= 0x10FFFF - 0x10000)
    return Step::chars(4, 0x10000 + (lseq - kAstralStart));
  return Step::illegal(1);
}

// KS X 1001:1998 Annex 3 make-up sequence: A4D4, then A4 + initial, A4 + medial, A4 + final
// (A4D4 again for none), composed into one Hangul syllable.
Step euc_kr_makeup(std::string_view d, size_t i) {
  if (d.size() - i < 8) return Step::incomplete();
  if (byte_at(d, i + 2) != 0xA4 || byte_at(d, i + 4) != 0xA4 || byte_at(d, i + 6) != 0xA4)
    return Step::illegal(1);
  auto jamo = [](const uint8_t* table, uint8_t c) {
    return c >= 0xA1 && c <= 0xBE ? table[c - 0xA1] : kNoJamo;
  };
  uint8_t cho = jamo(kEucKrChoseong, byte_at(d, i + 3));
  uint8_t c = byte_at(d, i + 5);
  uint8_t jung = c >= 0xBF && c <= 0xD3 ? c - 0xBF : kNoJamo;
  c = byte_at(d, i + 7);
  uint8_t jong = c == 0xD4 ? 0 : jamo(kEucKrJongseong, c);
  if (cho == kNoJamo || jung == kNoJamo || jong == kNoJamo) return Step::illegal(1);
  return Step::chars(8, 0xAC00 + cho * 588 + jung * 28 + jong);
}

Step multibyte_step(const MultibyteCodec& mb, std::string_view d, size_t i) {
  const TrieNode* node = &kTrieNodes[mb.root];
  for (size_t k = i;;) {
    if (k >= d.size()) return Step::incomplete();
    uint16_t e = node_entry(*node, byte_at(d, k++));
    if (e == kEntryIllegal) return Step::illegal(1);
    if (e < kEntrySpecial || e >= kEntrySpecialEnd) return Step::chars(k - i, e);
    const TrieSpecial& s = kTrieSpecials[mb.first_special + (e - kEntrySpecial)];
    switch (s.kind) {
      case TrieSpecial::Astral: return Step::chars(k - i, s.a);
      case TrieSpecial::Pair: return Step::chars(k - i, s.a, s.b, 2);
      case TrieSpecial::Illegal: return Step::illegal(s.a);
      case TrieSpecial::Child: node = &kTrieNodes[s.a]; break;
      case TrieSpecial::Gb18030Four: return gb18030_four(d, i);
      case TrieSpecial::EucKrMakeup: return euc_kr_makeup(d, i);
    }
  }
}

// Applies [s] at r.pos: emits and advances, or reports. Incomplete input at the end of a chunk
// stays pending; at the end of the data it is an error covering all that is left.
bool take_step(Run& r, const Step& s, const char* codec, bool& stop) {
  stop = false;
  switch (s.kind) {
    case Step::Chars:
      r.out.append(s.cp, s.count);
      r.pos += s.length;
      return true;
    case Step::Incomplete:
      stop = true;
      if (!r.final) return true;
      return r.fail(codec, r.pos, r.d.size(), "incomplete multibyte sequence");
    case Step::Illegal: break;
  }
  return r.fail(codec, r.pos, r.pos + s.length, "illegal multibyte sequence");
}

bool decode_multibyte(Run& r, const CodecModule& codec) {
  const MultibyteCodec& mb = kMultibyteCodecs[codec.arg];
  bool stop = false;
  while (r.pos < r.d.size() && !stop)
    if (!take_step(r, multibyte_step(mb, r.d, r.pos), codec.error_name, stop)) return false;
  return true;
}

// HZ (RFC 1843): ASCII, with "~{" ... "~}" around GB2312 written in 7 bits, "~~" for '~' and
// "~\n" as a line continuation. [gb_mode] is the decoder's state between calls.
Step hz_step(const MultibyteCodec& gb2312, std::string_view d, size_t i, bool& gb_mode) {
  uint8_t c = byte_at(d, i);
  if (c == '~') {
    if (d.size() - i < 2) return Step::incomplete();
    uint8_t c2 = byte_at(d, i + 1);
    if (!gb_mode && c2 == '~') return Step::chars(2, '~');
    if (!gb_mode && (c2 == '{' || c2 == '\n')) {
      gb_mode = c2 == '{';
      return Step::chars(2, 0, 0, 0);
    }
    if (gb_mode && c2 == '}') {
      gb_mode = false;
      return Step::chars(2, 0, 0, 0);
    }
    return Step::illegal(1);
  }
  if (c & 0x80) return Step::illegal(1);
  if (!gb_mode) return Step::chars(1, c);
  if (d.size() - i < 2) return Step::incomplete();
  // The pair is GB2312's EUC form with the high bits flipped.
  const char pair[2] = {static_cast<char>(c ^ 0x80), static_cast<char>(byte_at(d, i + 1) ^ 0x80)};
  Step s = multibyte_step(gb2312, std::string_view(pair, 2), 0);
  return s.kind == Step::Chars ? s : Step::illegal(1);
}

bool decode_hz(Run& r, const CodecModule& codec, int& state) {
  const MultibyteCodec& gb2312 = kMultibyteCodecs[codec.arg];
  bool stop = false;
  while (r.pos < r.d.size() && !stop) {
    bool gb_mode = state != 0;
    Step s = hz_step(gb2312, r.d, r.pos, gb_mode);
    if (!take_step(r, s, codec.error_name, stop)) return false;
    if (s.kind == Step::Chars) state = gb_mode;
  }
  return true;
}

// -- UTF-16 and UTF-32 ----------------------------------------------------------------------------

// The unit of [width] bytes at [i] in byte order [order] (-1 little, 1 big).
char32_t read_unit(const Run& r, size_t i, int width, int order) {
  char32_t v = 0;
  for (int k = 0; k < width; k++) {
    int at = order < 0 ? width - 1 - k : k;
    v = (v << 8) | r.byte(i + at);
  }
  return v;
}

// A leading byte order mark when [order] is not fixed yet; returns the order (0 if none).
int detect_bom(Run& r, int width) {
  if (r.left() < static_cast<size_t>(width)) return 0;
  char32_t le = read_unit(r, r.pos, width, -1);
  int order = le == 0xFEFF ? -1 : (width == 2 ? le == 0xFFFE : le == 0xFFFE0000) ? 1 : 0;
  if (order) r.pos += width;
  return order;
}

bool decode_utf16(Run& r, int order) {
  const char* codec = order > 0 ? "utf-16-be" : "utf-16-le";
  while (r.pos < r.d.size()) {
    if (r.left() < 2) return r.final ? r.fail(codec, r.pos, r.d.size(), "truncated data") : true;
    char32_t u = read_unit(r, r.pos, 2, order);
    if (u < 0xD800 || u > 0xDFFF) {
      r.out += u;
      r.pos += 2;
      continue;
    }
    if (u >= 0xDC00) return r.fail(codec, r.pos, r.pos + 2, "illegal encoding");
    if (r.left() < 4)
      return r.final ? r.fail(codec, r.pos, r.d.size(), "unexpected end of data") : true;
    char32_t low = read_unit(r, r.pos + 2, 2, order);
    if (low < 0xDC00 || low > 0xDFFF)
      return r.fail(codec, r.pos, r.pos + 2, "illegal UTF-16 surrogate");
    r.out += 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
    r.pos += 4;
  }
  return true;
}

bool decode_utf32(Run& r, int order) {
  const char* codec = order > 0 ? "utf-32-be" : "utf-32-le";
  while (r.pos < r.d.size()) {
    if (r.left() < 4) return r.final ? r.fail(codec, r.pos, r.d.size(), "truncated data") : true;
    char32_t u = read_unit(r, r.pos, 4, order);
    if (u >= 0x110000) return r.fail(codec, r.pos, r.pos + 4, "code point not in range(0x110000)");
    if (u >= 0xD800 && u < 0xE000)
      return r.fail(codec, r.pos, r.pos + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)");
    r.out += u;
    r.pos += 4;
  }
  return true;
}

// utf_16 / utf_32 without a byte order: a BOM picks one, else native (little-endian) order.
// The stream decoder of encodings/utf_16.py insists on the BOM once two units have gone by.
bool decode_utf_n(Run& r, int fixed_order, int& state, TextDecoder::Mode mode, int width) {
  int order = fixed_order ? fixed_order : state;
  bool detecting = order == 0;
  if (detecting) order = detect_bom(r, width);
  if (order) state = order;
  bool ok = width == 2 ? decode_utf16(r, order ? order : -1) : decode_utf32(r, order ? order : -1);
  if (!ok || !detecting || order || mode == TextDecoder::Mode::Whole || r.pos < size_t(width))
    return ok;
  return r.fail_plain(width == 2 ? "UTF-16 stream does not start with BOM"
                                 : "UTF-32 stream does not start with BOM");
}

// -- UTF-7 (RFC 2152) -----------------------------------------------------------------------------

inline bool is_base64(uint8_t c) { return is_alnum(static_cast<char>(c)) || c == '+' || c == '/'; }

uint32_t from_base64(uint8_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  return c == '+' ? 62 : 63;
}

// A base64 section ("+...-") carries UTF-16 units; a high surrogate waits for its low half.
struct Utf7Shift {
  size_t start = 0;      // the '+'
  size_t out_start = 0;  // output size when it began
  int bits = 0;
  uint32_t buffer = 0;
  char32_t surrogate = 0;
};

void utf7_add_sextet(Run& r, Utf7Shift& sh, uint8_t c) {
  sh.buffer = (sh.buffer << 6) | from_base64(c);
  sh.bits += 6;
  if (sh.bits < 16) return;
  char32_t unit = sh.buffer >> (sh.bits - 16);
  sh.bits -= 16;
  sh.buffer &= (1u << sh.bits) - 1;
  if (sh.surrogate && unit >= 0xDC00 && unit <= 0xDFFF) {
    r.out += 0x10000 + ((sh.surrogate - 0xD800) << 10) + (unit - 0xDC00);
    sh.surrogate = 0;
    return;
  }
  if (sh.surrogate) r.out += sh.surrogate;  // a lone high surrogate stays in the str
  sh.surrogate = 0;
  if (unit >= 0xD800 && unit <= 0xDBFF) sh.surrogate = unit;
  else r.out += unit;
}

// Leaves the section at r.pos (a byte that is not base64): left-over bits must be padding.
bool utf7_end_shift(Run& r, Utf7Shift& sh) {
  uint8_t c = r.byte(r.pos);
  if (sh.bits >= 6) return r.fail("utf7", sh.start, ++r.pos, "partial character in shift sequence");
  if (sh.bits > 0 && sh.buffer != 0)
    return r.fail("utf7", sh.start, ++r.pos, "non-zero padding bits in shift sequence");
  if (sh.surrogate && c <= 127 && c != '+') r.out += sh.surrogate;
  sh.surrogate = 0;
  if (c == '-') r.pos++;
  return true;
}

bool decode_utf7(Run& r) {
  bool in_shift = false;
  Utf7Shift sh;
  while (r.pos < r.d.size()) {
    uint8_t c = r.byte(r.pos);
    if (in_shift) {
      in_shift = is_base64(c);
      if (!in_shift && !utf7_end_shift(r, sh)) return false;
      if (in_shift) utf7_add_sextet(r, sh, r.byte(r.pos++));
    } else if (c == '+') {
      sh = Utf7Shift{r.pos++, r.out.size()};
      if (r.pos < r.d.size() && r.byte(r.pos) == '-') {
        r.out += '+';
        r.pos++;
      } else if (r.pos < r.d.size() && !is_base64(r.byte(r.pos))) {
        return r.fail("utf7", sh.start, ++r.pos, "ill-formed sequence");
      } else {
        in_shift = true;
      }
    } else if (c <= 127) {
      r.out += c;
      r.pos++;
    } else {
      return r.fail("utf7", r.pos, r.pos + 1, "unexpected special character");
    }
  }
  if (!in_shift) return true;
  if (r.final) {
    if (sh.surrogate || sh.bits >= 6 || (sh.bits > 0 && sh.buffer != 0))
      return r.fail("utf7", sh.start, r.d.size(), "unterminated shift sequence");
    return true;
  }
  r.pos = sh.start;  // the section is decoded again once more input has come
  r.out.resize(sh.out_start);
  return true;
}

// -- unicode_escape and raw_unicode_escape --------------------------------------------------------

// An escape cut short at the end of the data: pending in a stream, else an error.
bool escape_incomplete(Run& r, const char* codec, size_t start, const char* reason, bool& stop) {
  stop = true;
  if (r.final) return r.fail(codec, start, r.d.size(), reason);
  r.pos = start;
  return true;
}

int hex_value(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// [count] hex digits after the escape at [start]; then the code point must be in range.
bool escape_hex(Run& r, const char* codec, size_t start, int count, const char* truncated,
                const char* out_of_range, bool& stop) {
  char32_t cp = 0;
  for (; count > 0; count--, r.pos++) {
    if (r.pos >= r.d.size()) return escape_incomplete(r, codec, start, truncated, stop);
    int v = hex_value(r.byte(r.pos));
    if (v < 0) return r.fail(codec, start, r.pos, truncated);
    cp = (cp << 4) | v;
  }
  if (cp > 0x10FFFF) return r.fail(codec, start, r.pos, out_of_range);
  r.out += cp;
  return true;
}

// \N{name}, with r.pos just after the N.
bool escape_name(Run& r, size_t start, bool& stop) {
  const char* kMalformed = "malformed \\N character escape";
  if (r.pos >= r.d.size()) return escape_incomplete(r, "unicodeescape", start, kMalformed, stop);
  if (r.byte(r.pos) != '{') return r.fail("unicodeescape", start, r.pos, kMalformed);
  size_t name_start = ++r.pos;
  while (r.pos < r.d.size() && r.byte(r.pos) != '}') r.pos++;
  if (r.pos >= r.d.size()) return escape_incomplete(r, "unicodeescape", start, kMalformed, stop);
  if (r.pos == name_start) return r.fail("unicodeescape", start, r.pos, kMalformed);
  std::string_view name = r.d.substr(name_start, r.pos - name_start);
  r.pos++;
  char32_t cp;
  bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return (c & 0x80) == 0; });
  if (!ascii || !unicode::lookup_name(name, cp))
    return r.fail("unicodeescape", start, r.pos, "unknown Unicode character name");
  r.out += cp;
  return true;
}

// One escape of unicode_escape, r.pos just after the backslash at [start].
bool unicode_escape(Run& r, size_t start, bool& stop) {
  constexpr const char* kCodec = "unicodeescape";
  uint8_t c = r.byte(r.pos++);
  switch (c) {
    case '\n': return true;
    case '\\': case '\'': case '"': r.out += c; return true;
    case 'b': r.out += '\b'; return true;
    case 'f': r.out += '\f'; return true;
    case 't': r.out += '\t'; return true;
    case 'n': r.out += '\n'; return true;
    case 'r': r.out += '\r'; return true;
    case 'v': r.out += '\v'; return true;
    case 'a': r.out += '\a'; return true;
    case 'x':
      return escape_hex(r, kCodec, start, 2, "truncated \\xXX escape", "", stop);
    case 'u':
      return escape_hex(r, kCodec, start, 4, "truncated \\uXXXX escape", "", stop);
    case 'U':
      return escape_hex(r, kCodec, start, 8, "truncated \\UXXXXXXXX escape",
                        "illegal Unicode character", stop);
    case 'N': return escape_name(r, start, stop);
    default: break;
  }
  if (c >= '0' && c <= '7') {  // up to three octal digits; above 0o377 is only a warning
    char32_t cp = c - '0';
    for (int k = 0; k < 2 && r.pos < r.d.size() && r.byte(r.pos) >= '0' && r.byte(r.pos) <= '7';
         k++)
      cp = cp * 8 + (r.byte(r.pos++) - '0');
    r.out += cp;
    return true;
  }
  r.out += '\\';  // an unknown escape is kept (CPython warns)
  r.out += c;
  return true;
}

// Both escape codecs read other bytes as Latin-1.
bool decode_escapes(Run& r, bool raw) {
  const char* codec = raw ? "rawunicodeescape" : "unicodeescape";
  bool stop = false;
  while (r.pos < r.d.size() && !stop) {
    uint8_t c = r.byte(r.pos++);
    size_t start = r.pos - 1;
    if (c != '\\') {
      r.out += c;
    } else if (r.pos >= r.d.size()) {
      // A final backslash: an error for unicode_escape; raw_unicode_escape keeps it, but only
      // once it knows that no 'u' follows.
      if (!raw || !r.final) return escape_incomplete(r, codec, start, "\\ at end of string", stop);
      r.out += c;
    } else if (!raw) {
      if (!unicode_escape(r, start, stop)) return false;
    } else if (r.byte(r.pos) == 'u' || r.byte(r.pos) == 'U') {
      bool wide = r.byte(r.pos++) == 'U';
      if (!escape_hex(r, codec, start, wide ? 8 : 4,
                      wide ? "truncated \\UXXXXXXXX escape" : "truncated \\uXXXX escape",
                      "\\Uxxxxxxxx out of range", stop))
        return false;
    } else {
      r.out += c;
      r.out += r.byte(r.pos++);
    }
  }
  return true;
}

}  // namespace

// -- Entry points ---------------------------------------------------------------------------------

const CodecModule* lookup_text_codec(std::string_view name, std::string& error) {
  const CodecModule* codec = registry_lookup(normalize_encoding(name));
  if (codec && codec->kind == CodecKind::NotText) {
    error = "'" + std::string(name) +
            "' is not a text encoding; use codecs.decode() to handle arbitrary codecs";
    return nullptr;
  }
  if (!codec || codec->kind == CodecKind::Unsupported) {
    error = "unknown encoding: " + std::string(name);
    return nullptr;
  }
  return codec;
}

std::string_view codec_module_name(const CodecModule& codec) { return codec.name; }

TextDecoder::TextDecoder(const CodecModule& codec, Mode mode) : m_codec(codec), m_mode(mode) {}

bool TextDecoder::decode(std::string_view in, bool final, std::u32string& out,
                         DecodeFailure& failure) {
  std::string joined;
  if (!m_pending.empty()) {
    joined = m_pending + std::string(in);
    in = joined;
  }
  size_t out_size = out.size();
  Run r{in, final, out, failure};
  bool ok = false;
  switch (m_codec.kind) {
    case CodecKind::Ascii: ok = decode_ascii(r); break;
    case CodecKind::Latin1: ok = decode_latin1(r); break;
    case CodecKind::Utf8: ok = decode_utf8(r); break;
    case CodecKind::Charmap: ok = decode_charmap(r, &kCharmapTables[m_codec.arg * 256]); break;
    case CodecKind::Multibyte: ok = decode_multibyte(r, m_codec); break;
    case CodecKind::Hz: ok = decode_hz(r, m_codec, m_state); break;
    case CodecKind::Utf16: ok = decode_utf_n(r, m_codec.arg, m_state, m_mode, 2); break;
    case CodecKind::Utf32: ok = decode_utf_n(r, m_codec.arg, m_state, m_mode, 4); break;
    case CodecKind::Utf7: ok = decode_utf7(r); break;
    case CodecKind::UnicodeEscape: ok = decode_escapes(r, false); break;
    case CodecKind::RawUnicodeEscape: ok = decode_escapes(r, true); break;
    case CodecKind::Undefined: ok = r.fail_plain("undefined encoding"); break;
    default: TPY_UNREACHABLE();  // lookup_text_codec refuses the others
  }
  if (ok) m_pending.assign(in.substr(r.pos));
  else out.resize(out_size);  // a call that raises returns nothing
  return ok;
}

// -- UTF-8 ----------------------------------------------------------------------------------------

size_t utf8_step(std::string_view s, size_t i, const char*& reason) {
  auto c = static_cast<unsigned char>(s[i]);
  reason = nullptr;
  if (c < 0x80) return 1;
  int need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    reason = "invalid start byte";
    return 1;
  }
  for (int k = 1; k <= need; k++) {
    if (i + k >= s.size()) {
      reason = "unexpected end of data";
      return k;
    }
    auto b = static_cast<unsigned char>(s[i + k]);
    if (b < lo || b > hi) {
      reason = "invalid continuation byte";
      return k;
    }
    lo = 0x80, hi = 0xBF;
  }
  return need + 1;
}

size_t find_invalid_utf8(std::string_view s, size_t from) {
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  const char* reason;
  for (size_t i = from; i < s.size();) {
    uint64_t word;
    if (i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), !(word & kHighBits))) {
      i += 8;  // eight ASCII bytes
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      i++;
      continue;
    }
    size_t n = utf8_step(s, i, reason);
    if (reason) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string decode_error_message(std::string_view codec, std::string_view data, size_t start,
                                 size_t end, std::string_view reason) {
  char buf[96];
  if (end - start == 1) {
    std::snprintf(buf, sizeof buf, "' codec can't decode byte 0x%02x in position %zu: ",
                  static_cast<unsigned char>(data[start]), start);
  } else {
    std::snprintf(buf, sizeof buf, "' codec can't decode bytes in position %zu-%zu: ", start,
                  end - 1);
  }
  return "'" + std::string(codec) + buf + std::string(reason);
}

}  // namespace tpy::parse
