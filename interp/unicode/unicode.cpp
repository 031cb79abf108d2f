// interp/unicode/unicode.cpp -- Unicode character database queries over generated tables.
//
// The data comes from tools/gen_unicode_tables.py, which reads python3.11's unicodedata at build
// time (build/gen/unicode_tables.inc); this file holds the algorithms. Two families of query:
//
//   - Properties (printable, XID start/continue): one two-level table lookup per code point,
//     after an ASCII fast path. These sit on the tokenizer's and repr()'s hot paths.
//   - Names, as CPython's \N{...} resolves them: "HANGUL SYLLABLE ..." and "CJK UNIFIED
//     IDEOGRAPH-XXXX" are parsed in code and, like CPython, only in upper case; every other name
//     and alias is matched case-insensitively, the "PREFIX-XXXX" families (CJK compatibility
//     ideographs, Khitan, Nushu) in code and the rest through a hashed table of word tokens.
//     unicodedata.name() runs the same tables backwards: the table's character names come in
//     code point order, so a binary search finds one.
// NFKC (for identifiers) is normalize.cpp's, over the character database of char_db.cpp.
#include "interp/unicode/unicode.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>

#include "interp/unicode/normalize.h"

namespace tpy::unicode {
namespace {

// -- Generated data -------------------------------------------------------------------------------

// ORDER: the generator writes these as positional initializers.
struct CodeRange {
  char32_t first, last;
};
struct HexNameRange {
  uint8_t prefix;  // index into kHexNamePrefixes
  char32_t first, last;
};
struct NamedSequence {
  const char* name;
  uint8_t length;
  char32_t code_points[4];
};

#include "unicode_tables.inc"

static_assert(kMaxNamedSequence <= 4, "NamedSequence::code_points is too short");

// ORDER: kFlag* in tools/gen_unicode_tables.py.
constexpr uint8_t kFlagPrintable = 1, kFlagXidStart = 2, kFlagXidContinue = 4;

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

inline bool is_ascii_letter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// -- Hangul (Unicode 14.0 section 3.12) -----------------------------------------------------------

constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = std::size(kHangulLead), kVCount = std::size(kHangulVowel);
constexpr char32_t kTCount = std::size(kHangulTrail);
constexpr char32_t kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

inline bool is_hangul_syllable(char32_t cp) { return cp - kSBase < kSCount; }

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

// Appends the name of table entry [i] (its words joined by spaces).
void append_entry_name(uint32_t i, std::string& out) {
  for (uint32_t t = kNameTokenOffsets[i]; t < kNameTokenOffsets[i + 1];) {
    if (t != kNameTokenOffsets[i]) out += ' ';
    uint32_t word = static_cast<unsigned char>(kNameTokens[t++]);
    if (word >= 0x80) word = (word & 0x7F) << 8 | static_cast<unsigned char>(kNameTokens[t++]);
    out.append(kNameWords + kNameWordOffsets[word],
               kNameWordOffsets[word + 1] - kNameWordOffsets[word]);
  }
}

void append_hex(char32_t cp, std::string& out) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", unsigned(cp));
  out += buf;
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

std::string nfkc(std::string_view s) { return normalize(NormalForm::kNFKC, s); }

bool is_nfkc(std::string_view s) { return is_normalized(NormalForm::kNFKC, s); }

bool char_name(char32_t cp, std::string& out) {
  out.clear();
  if (is_hangul_syllable(cp)) {
    char32_t s = cp - kSBase;
    out = "HANGUL SYLLABLE ";
    out += kHangulLead[s / kNCount];
    out += kHangulVowel[s % kNCount / kTCount];
    out += kHangulTrail[s % kTCount];
    return true;
  }
  for (const CodeRange& r : kUnifiedIdeographs) {
    if (cp >= r.first && cp <= r.last) {
      out = "CJK UNIFIED IDEOGRAPH-";
      append_hex(cp, out);
      return true;
    }
  }
  for (const HexNameRange& r : kHexNameRanges) {
    if (cp >= r.first && cp <= r.last) {
      out = kHexNamePrefixes[r.prefix];
      append_hex(cp, out);
      return true;
    }
  }
  const uint32_t* end = kNameCodePoints + kNameCharCount;
  const uint32_t* it = std::lower_bound(kNameCodePoints, end, uint32_t(cp));
  if (it == end || *it != cp) return false;
  append_entry_name(uint32_t(it - kNameCodePoints), out);
  return true;
}

bool lookup_name_or_sequence(std::string_view name, std::u32string& out) {
  char32_t cp;
  if (lookup_name(name, cp)) {
    out.assign(1, cp);
    return true;
  }
  // A few hundred entries, for unicodedata.lookup only: a scan is enough.
  for (const NamedSequence& seq : kNamedSequences) {
    if (std::strlen(seq.name) == name.size() && starts_with_nocase(name, seq.name)) {
      out.assign(seq.code_points, seq.length);
      return true;
    }
  }
  return false;
}

bool lookup_name(std::string_view name, char32_t& out) {
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
  constexpr std::string_view kUnified = "CJK UNIFIED IDEOGRAPH-";
  if (name.starts_with(kHangul)) return lookup_hangul(name.substr(kHangul.size()), out);
  if (name.starts_with(kUnified)) return lookup_unified(name.substr(kUnified.size()), out);
  return lookup_hex_name(name, out) || lookup_table(name, out);
}

}  // namespace tpy::unicode
