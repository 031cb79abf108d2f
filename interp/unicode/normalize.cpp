// interp/unicode/normalize.cpp -- The four Unicode normalization forms over the character database.
//
// UAX #15 as written: full decomposition (canonical, or canonical plus compatibility for the K
// forms), applied recursively to the one-level mappings in the database and arithmetically to
// Hangul syllables; canonical ordering of each run of non-starters by combining class; then,
// for NFC and NFKC, canonical composition over the primary composites (the generator already
// left out composition exclusions) plus Hangul composition.
//
// Most text is already normalized, so every entry point first runs the quick check: each
// character's "never appears in this form" bit and combining-class order decide most strings
// without building anything; only characters that might compose with what precedes them
// ("maybe") force a full normalization to compare against.
#include "interp/unicode/normalize.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "interp/unicode/db_internal.h"
#include "interp/unicode/utf8.h"

namespace tpy::unicode {
namespace {

using detail::db_record;
using detail::DbRecord;

// -- Hangul (Unicode 14.0 section 3.12) -----------------------------------------------------------

constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28;
constexpr char32_t kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

inline bool is_hangul_syllable(char32_t cp) { return cp - kSBase < kSCount; }

// -- The work buffer ------------------------------------------------------------------------------
//
// Each character is packed as (combining class << kCccShift) | code point, so reordering and
// composition never look the class up twice. Raw-byte markers (0x110000 + byte) fit too.

constexpr int kCccShift = 21;
constexpr uint32_t kCodeMask = (1u << kCccShift) - 1;

inline uint32_t pack(char32_t cp) { return uint32_t(db_record(cp).combining) << kCccShift | cp; }
inline char32_t code_of(uint32_t v) { return v & kCodeMask; }
inline uint8_t ccc_of(uint32_t v) { return uint8_t(v >> kCccShift); }

struct Form {
  uint8_t no_bit;  // the kNorm*No bit of this form
  bool compat;     // apply compatibility mappings too
  bool compose;
};

Form form_of(NormalForm form) {
  switch (form) {
    case NormalForm::kNFC: return {detail::kNormNfcNo, false, true};
    case NormalForm::kNFD: return {detail::kNormNfdNo, false, false};
    case NormalForm::kNFKC: return {detail::kNormNfkcNo, true, true};
    case NormalForm::kNFKD: return {detail::kNormNfkdNo, true, false};
  }
  return {detail::kNormNfdNo, false, false};
}

void decompose(char32_t cp, bool compat, std::vector<uint32_t>& out) {
  if (cp < 0x80) [[likely]] {
    out.push_back(cp);
    return;
  }
  if (is_hangul_syllable(cp)) {
    char32_t s = cp - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + s % kNCount / kTCount);
    if (s % kTCount != 0) out.push_back(kTBase + s % kTCount);
    return;
  }
  char32_t mapping[detail::kMaxDecompositionLength];
  int tag;
  int count = detail::decomposition_mapping(cp, mapping, tag);
  if (count == 0 || (tag != 0 && !compat)) {
    out.push_back(pack(cp));
    return;
  }
  for (int k = 0; k < count; k++) decompose(mapping[k], compat, out);
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
  return detail::compose_pair(first, second);
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

std::vector<uint32_t> normalized(Form form, std::span<const char32_t> s) {
  std::vector<uint32_t> buf;
  buf.reserve(s.size() + 8);
  for (char32_t c : s) decompose(c, form.compat, buf);
  canonical_order(buf);
  if (form.compose) compose(buf);
  return buf;
}

enum class Check { kYes, kNo, kMaybe };

Check quick_check(Form form, std::span<const char32_t> s) {
  uint8_t last_ccc = 0;
  Check result = Check::kYes;
  for (char32_t c : s) {
    if (c < 0x80) [[likely]] {  // ASCII: starters that every form keeps
      last_ccc = 0;
      continue;
    }
    const DbRecord& rec = db_record(c);
    if ((rec.norm & form.no_bit) || (rec.combining != 0 && last_ccc > rec.combining))
      return Check::kNo;
    if (form.compose && (rec.norm & detail::kNormComposeMaybe)) result = Check::kMaybe;
    last_ccc = rec.combining;
  }
  return result;
}

bool same(const std::vector<uint32_t>& buf, std::span<const char32_t> s) {
  if (buf.size() != s.size()) return false;
  for (size_t i = 0; i < s.size(); i++)
    if (code_of(buf[i]) != s[i]) return false;
  return true;
}

// Length of the leading run of UTF-8 that no form can touch: ASCII up to (not including) the
// last ASCII character before the first non-ASCII byte, which might still combine with what
// follows.
size_t ascii_prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) i++;
  return i == s.size() ? i : (i == 0 ? 0 : i - 1);
}

std::vector<char32_t> decode_all(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(decode_utf8_or_raw(s, i));
  return out;
}

}  // namespace

bool parse_normal_form(std::string_view name, NormalForm& out) {
  if (name == "NFC") out = NormalForm::kNFC;
  else if (name == "NFD") out = NormalForm::kNFD;
  else if (name == "NFKC") out = NormalForm::kNFKC;
  else if (name == "NFKD") out = NormalForm::kNFKD;
  else return false;
  return true;
}

std::string normalize(NormalForm form, std::string_view s) {
  size_t keep = ascii_prefix(s);
  if (keep == s.size()) [[likely]]
    return std::string(s);
  Form f = form_of(form);
  std::vector<char32_t> rest = decode_all(s.substr(keep));
  if (quick_check(f, rest) == Check::kYes) return std::string(s);
  std::string out(s.substr(0, keep));
  out.reserve(s.size() + 8);
  for (uint32_t v : normalized(f, rest)) encode_utf8_or_raw(out, code_of(v));
  return out;
}

std::u32string normalize(NormalForm form, std::u32string_view s) {
  Form f = form_of(form);
  std::span<const char32_t> cps(s.data(), s.size());
  if (quick_check(f, cps) == Check::kYes) return std::u32string(s);
  std::u32string out;
  std::vector<uint32_t> buf = normalized(f, cps);
  out.reserve(buf.size());
  for (uint32_t v : buf) out += code_of(v);
  return out;
}

bool is_normalized(NormalForm form, std::string_view s) {
  size_t keep = ascii_prefix(s);
  if (keep == s.size()) [[likely]]
    return true;
  Form f = form_of(form);
  std::vector<char32_t> rest = decode_all(s.substr(keep));
  Check check = quick_check(f, rest);
  if (check != Check::kMaybe) return check == Check::kYes;
  return same(normalized(f, rest), rest);
}

bool is_normalized(NormalForm form, std::u32string_view s) {
  Form f = form_of(form);
  std::span<const char32_t> cps(s.data(), s.size());
  Check check = quick_check(f, cps);
  if (check != Check::kMaybe) return check == Check::kYes;
  return same(normalized(f, cps), cps);
}

}  // namespace tpy::unicode
