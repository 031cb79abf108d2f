// interp/unicode/unicode.cpp -- Unicode character database queries over generated tables.
//
// The data comes from tools/gen_unicode_tables.py, which reads python3.11's unicodedata at build
// time (build/gen/unicode_tables.inc); this file holds the algorithms. Three families of query:
//
//   - Properties (printable, XID start/continue): one two-level table lookup per code point,
//     after an ASCII fast path. These sit on the tokenizer's and repr()'s hot paths.
//   - NFKC (UAX #15): full compatibility decomposition (precomputed recursively by the
//     generator; Hangul syllables algorithmically), canonical ordering by combining class, then
//     canonical composition over the primary-composite pairs (composition exclusions already
//     removed by the generator) plus algorithmic Hangul composition.
//   - Names, as CPython's \N{...} resolves them: "HANGUL SYLLABLE ..." and "CJK UNIFIED
//     IDEOGRAPH-XXXX" are parsed in code and, like CPython, only in upper case; every other name
//     and alias is matched case-insensitively, the "PREFIX-XXXX" families (CJK compatibility
//     ideographs, Khitan, Nushu) in code and the rest through a hashed table of word tokens.
#include "interp/unicode/unicode.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

#include "interp/unicode/utf8.h"

namespace tpy::unicode {
namespace {

// -- Generated data -------------------------------------------------------------------------------

// ORDER: the generator writes these as positional initializers.
struct NormRecord {
  uint8_t ccc;     // canonical combining class
  uint8_t qc;      // kQc* bits
  uint8_t length;  // of the full decomposition in kDecompositions, 0 if none
  uint16_t offset;
};
struct CompositionPair {
  char32_t first, second, composite;
};
struct CodeRange {
  char32_t first, last;
};
struct HexNameRange {
  uint8_t prefix;  // index into kHexNamePrefixes
  char32_t first, last;
};

#include "unicode_tables.inc"

// ORDER: kFlag* and kQc* in tools/gen_unicode_tables.py.
constexpr uint8_t kFlagPrintable = 1, kFlagXidStart = 2, kFlagXidContinue = 4;
constexpr uint8_t kQcNo = 1;     // never appears in NFKC text
constexpr uint8_t kQcMaybe = 2;  // may combine with what precedes it
constexpr uint8_t kQcFirst = 4;  // first element of some composition pair

constexpr char32_t kCodePointLimit = 0x110000;

// -- Table access ---------------------------------------------------------------------------------

template <class Index, size_t N, class Data, size_t M>
inline Data two_level(const Index (&index)[N], const Data (&data)[M], int shift, char32_t cp) {
  uint32_t block = index[cp >> shift];
  return data[(block << shift) | (cp & ((1u << shift) - 1))];
}

inline uint8_t flags_of(char32_t cp) {
  if (cp >= kCodePointLimit) return 0;
  return two_level(kFlagsIndex, kFlagsData, kFlagsShift, cp);
}

inline const NormRecord& norm_of(char32_t cp) {
  if (cp >= kCodePointLimit) return kNormRecords[0];
  return kNormRecords[two_level(kNormIndex, kNormData, kNormShift, cp)];
}

inline bool is_ascii_letter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// -- Hangul (Unicode 14.0 section 3.12) -----------------------------------------------------------

constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = std::size(kHangulLead), kVCount = std::size(kHangulVowel);
constexpr char32_t kTCount = std::size(kHangulTrail);
constexpr char32_t kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

inline bool is_hangul_syllable(char32_t cp) { return cp - kSBase < kSCount; }

// -- NFKC -----------------------------------------------------------------------------------------
//
// The work buffer packs each character as (ccc << kCccShift) | code point, so reordering and
// composition never look the class up twice. Malformed input bytes travel through as
// kRawByte + byte (above every code point, class 0) and are written back unchanged.

constexpr int kCccShift = 21;
constexpr uint32_t kCodeMask = (1u << kCccShift) - 1;
constexpr char32_t kRawByte = kCodePointLimit;

inline uint32_t pack(char32_t cp) { return uint32_t(norm_of(cp).ccc) << kCccShift | cp; }
inline char32_t code_of(uint32_t v) { return v & kCodeMask; }
inline uint8_t ccc_of(uint32_t v) { return uint8_t(v >> kCccShift); }

void decompose_hangul(char32_t cp, std::vector<uint32_t>& out) {
  char32_t s = cp - kSBase;
  out.push_back(kLBase + s / kNCount);
  out.push_back(kVBase + s % kNCount / kTCount);
  if (s % kTCount != 0) out.push_back(kTBase + s % kTCount);
}

void decompose(char32_t cp, std::vector<uint32_t>& out) {
  if (is_hangul_syllable(cp)) return decompose_hangul(cp, out);
  const NormRecord& rec = norm_of(cp);
  if (rec.length == 0) {
    out.push_back(uint32_t(rec.ccc) << kCccShift | cp);
    return;
  }
  for (int k = 0; k < rec.length; k++) out.push_back(pack(kDecompositions[rec.offset + k]));
}

// Sorts each run of non-starters by combining class, keeping equal classes in order.
void canonical_order(std::vector<uint32_t>& buf) {
  auto by_class = [](uint32_t a, uint32_t b) { return ccc_of(a) < ccc_of(b); };
  for (size_t i = 0; i < buf.size();) {
    if (ccc_of(buf[i]) == 0) {
      i++;
      continue;
    }
    size_t end = i + 1;
    while (end < buf.size() && ccc_of(buf[end]) != 0) end++;
    if (end - i > 1) std::stable_sort(buf.begin() + i, buf.begin() + end, by_class);
    i = end;
  }
}

// The primary composite of <first, second>, or 0.
char32_t compose_pair(char32_t first, char32_t second) {
  if (first - kLBase < kLCount && second - kVBase < kVCount)
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  if (is_hangul_syllable(first) && (first - kSBase) % kTCount == 0 && second > kTBase &&
      second - kTBase < kTCount)
    return first + (second - kTBase);
  if (!(norm_of(first).qc & kQcFirst)) return 0;
  const CompositionPair* end = std::end(kCompositions);
  const CompositionPair* it = std::lower_bound(
      std::begin(kCompositions), end, CompositionPair{first, second, 0},
      [](const CompositionPair& a, const CompositionPair& b) {
        return a.first != b.first ? a.first < b.first : a.second < b.second;
      });
  return it != end && it->first == first && it->second == second ? it->composite : 0;
}

// Canonical composition in place: each character joins the last starter unless blocked by a
// character between them (left uncombined) whose class is zero or not below its own.
void compose(std::vector<uint32_t>& buf) {
  constexpr size_t kNone = SIZE_MAX;
  size_t starter = kNone, w = 0;
  uint8_t last_ccc = 0;
  for (uint32_t v : buf) {
    uint8_t ccc = ccc_of(v);
    if (starter != kNone && (w == starter + 1 || last_ccc < ccc)) {
      if (char32_t c = compose_pair(code_of(buf[starter]), code_of(v))) {
        buf[starter] = pack(c);
        continue;
      }
    }
    if (ccc == 0) starter = w;
    last_ccc = ccc;
    buf[w++] = v;
  }
  buf.resize(w);
}

std::vector<uint32_t> decode_decomposed(std::string_view s) {
  std::vector<uint32_t> buf;
  buf.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t cp = decode_utf8(s, i, true);
    if (cp == kBadCodePoint) cp = kRawByte + static_cast<unsigned char>(s[at]);
    decompose(cp, buf);
  }
  return buf;
}

void encode_all(const std::vector<uint32_t>& buf, std::string& out) {
  for (uint32_t v : buf) {
    char32_t cp = code_of(v);
    if (cp >= kRawByte) out += static_cast<char>(cp - kRawByte);
    else encode_utf8(out, cp);
  }
}

// Length of the leading run that NFKC cannot touch: ASCII up to (not including) the last ASCII
// character before the first non-ASCII byte, which might still combine with what follows.
size_t ascii_prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) i++;
  return i == s.size() ? i : (i == 0 ? 0 : i - 1);
}

[[gnu::noinline]] std::string nfkc_slow(std::string_view s, size_t keep) {
  std::vector<uint32_t> buf = decode_decomposed(s.substr(keep));
  canonical_order(buf);
  compose(buf);
  std::string out(s.substr(0, keep));
  encode_all(buf, out);
  return out;
}

// -- Name lookup ----------------------------------------------------------------------------------

inline char upper(char c) { return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c; }

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); i++)
    if (upper(s[i]) != prefix[i]) return false;
  return true;
}

// Index of the longest of [names] that starts [s] (the first such on ties), or -1.
template <size_t N>
int longest_jamo(std::string_view s, const char* const (&names)[N], size_t& length) {
  int best = -1;
  length = 0;
  for (size_t k = 0; k < N; k++) {
    size_t n = std::strlen(names[k]);
    if ((best < 0 || n > length) && s.substr(0, n) == names[k]) best = int(k), length = n;
  }
  return best;
}

// "HANGUL SYLLABLE " + lead + vowel + trail, each part the longest match (CPython's parse).
bool lookup_hangul(std::string_view rest, char32_t& out) {
  size_t n;
  int l = longest_jamo(rest, kHangulLead, n);
  rest.remove_prefix(n);
  int v = longest_jamo(rest, kHangulVowel, n);
  rest.remove_prefix(n);
  int t = longest_jamo(rest, kHangulTrail, n);
  rest.remove_prefix(n);
  if (l < 0 || v < 0 || t < 0 || !rest.empty()) return false;
  out = kSBase + (char32_t(l) * kVCount + char32_t(v)) * kTCount + char32_t(t);
  return true;
}

// Hex digits [s] as a code point; [any_case] also takes a-f. False on anything else.
bool parse_hex(std::string_view s, bool any_case, char32_t& out) {
  if (s.empty() || s.size() > 6) return false;
  out = 0;
  for (char c : s) {
    char u = any_case ? upper(c) : c;
    int d = u >= '0' && u <= '9' ? u - '0' : u >= 'A' && u <= 'F' ? u - 'A' + 10 : -1;
    if (d < 0) return false;
    out = out * 16 + char32_t(d);
  }
  return true;
}

bool lookup_unified(std::string_view hex, char32_t& out) {
  if (hex.size() != 4 && hex.size() != 5) return false;
  if (!parse_hex(hex, false, out)) return false;
  for (const CodeRange& r : kUnifiedIdeographs)
    if (out >= r.first && out <= r.last) return true;
  return false;
}

// The "PREFIX-XXXX" families that CPython keeps in its name table: any case, and the hex
// spelled exactly as the name spells it (at least four digits, no extra leading zeros).
bool lookup_hex_name(std::string_view name, char32_t& out) {
  for (const HexNameRange& r : kHexNameRanges) {
    std::string_view prefix = kHexNamePrefixes[r.prefix];
    if (!starts_with_nocase(name, prefix)) continue;
    std::string_view hex = name.substr(prefix.size());
    char32_t cp;
    if (!parse_hex(hex, true, cp) || cp < r.first || cp > r.last) continue;
    size_t digits = cp > 0xFFFF ? (cp > 0xFFFFF ? 6 : 5) : 4;
    if (hex.size() == digits) {
      out = cp;
      return true;
    }
  }
  return false;
}

// FNV-1a over the upper-cased name (ORDER: fnv1a in tools/gen_unicode_tables.py).
uint32_t name_hash(std::string_view name) {
  uint32_t h = 0x811C9DC5u;
  for (char c : name) h = (h ^ static_cast<unsigned char>(upper(c))) * 0x01000193u;
  return h;
}

// Does table entry [i] spell [name] (compared upper-cased)?
bool name_matches(uint32_t i, std::string_view name) {
  size_t pos = 0;
  for (uint32_t t = kNameTokenOffsets[i]; t < kNameTokenOffsets[i + 1];) {
    uint32_t word = static_cast<unsigned char>(kNameTokens[t++]);
    if (word >= 0x80) word = (word & 0x7F) << 8 | static_cast<unsigned char>(kNameTokens[t++]);
    if (pos != 0 && (pos >= name.size() || name[pos++] != ' ')) return false;
    std::string_view text(kNameWords + kNameWordOffsets[word],
                          kNameWordOffsets[word + 1] - kNameWordOffsets[word]);
    if (!starts_with_nocase(name.substr(pos), text)) return false;
    pos += text.size();
  }
  return pos == name.size();
}

bool lookup_table(std::string_view name, char32_t& out) {
  constexpr uint32_t kMask = std::size(kNameSlots) - 1;
  static_assert((std::size(kNameSlots) & kMask) == 0, "slot count must be a power of two");
  for (uint32_t h = name_hash(name) & kMask;; h = (h + 1) & kMask) {
    uint16_t i = kNameSlots[h];
    if (i == 0xFFFF) return false;
    if (name_matches(i, name)) {
      out = kNameCodePoints[i];
      return true;
    }
  }
}

}  // namespace

// -- Entry points ---------------------------------------------------------------------------------

bool is_printable(char32_t cp) {
  if (cp < 0x80) [[likely]]
    return cp >= 0x20 && cp < 0x7F;
  return flags_of(cp) & kFlagPrintable;
}

bool is_xid_start(char32_t cp) {
  if (cp < 0x80) [[likely]]
    return is_ascii_letter(cp) || cp == '_';
  return flags_of(cp) & kFlagXidStart;
}

bool is_xid_continue(char32_t cp) {
  if (cp < 0x80) [[likely]]
    return is_ascii_letter(cp) || cp == '_' || (cp >= '0' && cp <= '9');
  return flags_of(cp) & kFlagXidContinue;
}

std::string nfkc(std::string_view s) {
  size_t keep = ascii_prefix(s);
  if (keep == s.size()) [[likely]]
    return std::string(s);
  return nfkc_slow(s, keep);
}

bool is_nfkc(std::string_view s) {
  uint8_t last_ccc = 0;
  bool maybe = false;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = decode_utf8(s, i, true);
    if (cp < 0x80) [[likely]] {
      last_ccc = 0;
      continue;
    }
    const NormRecord& rec = norm_of(cp);  // a malformed byte (kBadCodePoint) gets record 0
    if ((rec.qc & kQcNo) || (rec.ccc != 0 && last_ccc > rec.ccc)) return false;
    maybe |= (rec.qc & kQcMaybe) != 0;
    last_ccc = rec.ccc;
  }
  return !maybe || nfkc(s) == s;
}

bool lookup_name(std::string_view name, char32_t& out) {
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
  constexpr std::string_view kUnified = "CJK UNIFIED IDEOGRAPH-";
  if (name.starts_with(kHangul)) return lookup_hangul(name.substr(kHangul.size()), out);
  if (name.starts_with(kUnified)) return lookup_unified(name.substr(kUnified.size()), out);
  return lookup_hex_name(name, out) || lookup_table(name, out);
}

}  // namespace tpy::unicode
