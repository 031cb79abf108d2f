// interp/unicode/char_props.cpp -- Per-code-point str properties over the generated tables.
//
// build/gen/unicode_props.inc (tools/gen_unicode_props.py) maps each code point to a shared
// CharRecord. Case mappings are stored as deltas so that whole alphabets share one record
// (every ASCII capital has lower = +32); the one-to-many mappings and the few that need more
// than a delta live in kExtendedCase, which the record's extended flag points into.
#include "interp/unicode/char_props.h"

#include <array>
#include <cstdint>
#include <iterator>

#include "interp/unicode/tables.h"

namespace tpy::unicode {
namespace {

// ORDER: the generator writes these as positional initializers.
struct CharRecord {
  uint16_t flags;      // CharFlag bits plus the kExtended* bits below
  uint8_t digits;      // decimal value in the low nibble, digit value in the high, 0xF: none
  uint8_t numeric;     // index into kNumericValues, 0: none
  int32_t mapping[4];  // lower, upper, title, casefold: a delta, or (length << 24 | offset)
};

#include "unicode_props.inc"

// ORDER: kLowerExtended.. in tools/gen_unicode_props.py, in the order of CharRecord::mapping.
enum Mapping { kLowerMapping, kUpperMapping, kTitleMapping, kFoldMapping };
constexpr uint16_t kExtendedBit0 = 1 << 11;
constexpr uint8_t kNoDigit = 0xF;
constexpr char32_t kCodePointLimit = 0x110000;

static_assert(std::size(kAsciiFlags) == 0x80);

const CharRecord& record_of(char32_t cp) {
  if (cp >= kCodePointLimit) return kCharRecords[0];
  return kCharRecords[detail::three_level(kCharTop, kCharMid, kCharLeaf, kCharLeafShift,
                                          kCharMidShift, cp)];
}

int full_mapping(char32_t cp, Mapping which, char32_t* out) {
  const CharRecord& rec = record_of(cp);
  int32_t field = rec.mapping[which];
  if (!(rec.flags & (kExtendedBit0 << which))) {
    out[0] = char32_t(int32_t(cp) + field);
    return 1;
  }
  int length = field >> 24;
  const char32_t* seq = kExtendedCase + (field & 0xFFFFFF);
  for (int k = 0; k < length; k++) out[k] = seq[k];
  return length;
}

}  // namespace

namespace detail {

// The generated ASCII row, copied out of the anonymous namespace for the inline predicates.
constexpr std::array<uint16_t, 0x80> ascii_row() {
  std::array<uint16_t, 0x80> row{};
  for (size_t i = 0; i < row.size(); i++) row[i] = kAsciiFlags[i];
  return row;
}
constexpr std::array<uint16_t, 0x80> kAsciiCharFlags = ascii_row();

uint16_t char_flags_slow(char32_t cp) { return record_of(cp).flags & (kExtendedBit0 - 1); }

}  // namespace detail

int decimal_value(char32_t cp) {
  if (cp < 0x80) [[likely]]
    return cp - '0' < 10 ? int(cp - '0') : -1;
  uint8_t d = record_of(cp).digits & 0xF;
  return d == kNoDigit ? -1 : d;
}

int digit_value(char32_t cp) {
  uint8_t d = record_of(cp).digits >> 4;
  return d == kNoDigit ? -1 : d;
}

bool numeric_value(char32_t cp, double& out) {
  uint8_t index = record_of(cp).numeric;
  if (index == 0) return false;
  out = kNumericValues[index];
  return true;
}

int to_lower_full(char32_t cp, char32_t* out) {
  if (cp < 0x80) [[likely]] {
    out[0] = ascii_lower(cp);
    return 1;
  }
  return full_mapping(cp, kLowerMapping, out);
}

int to_upper_full(char32_t cp, char32_t* out) {
  if (cp < 0x80) [[likely]] {
    out[0] = ascii_upper(cp);
    return 1;
  }
  return full_mapping(cp, kUpperMapping, out);
}

int to_title_full(char32_t cp, char32_t* out) {
  if (cp < 0x80) [[likely]] {
    out[0] = ascii_upper(cp);
    return 1;
  }
  return full_mapping(cp, kTitleMapping, out);
}

int to_casefold_full(char32_t cp, char32_t* out) {
  if (cp < 0x80) [[likely]] {
    out[0] = ascii_lower(cp);
    return 1;
  }
  return full_mapping(cp, kFoldMapping, out);
}

char32_t to_lower_simple(char32_t cp) {
  char32_t out[kMaxCaseMapping];
  to_lower_full(cp, out);
  return out[0];
}

char32_t to_upper_simple(char32_t cp) {
  char32_t out[kMaxCaseMapping];
  to_upper_full(cp, out);
  return out[0];
}

}  // namespace tpy::unicode
