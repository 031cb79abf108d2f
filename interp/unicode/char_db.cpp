// interp/unicode/char_db.cpp -- The unicodedata module's per-character queries over generated tables.
//
// build/gen/unicode_db.inc (tools/gen_unicode_props.py) maps each code point to a shared
// DbRecord and, separately, to its decomposition mapping, because only about 5800 characters
// have one and folding the offset into the record would make nearly every record unique.
#include "interp/unicode/char_db.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>

#include "interp/unicode/db_internal.h"
#include "interp/unicode/tables.h"

namespace tpy::unicode {
namespace {

using detail::DbRecord;

struct CompositionPair {
  char32_t first, second, composite;
};

#include "unicode_db.inc"

static_assert(kMaxDecompositionLength == detail::kMaxDecompositionLength);

constexpr char32_t kCodePointLimit = 0x110000;

// A decomposition entry is a header word (tag | count << 8) and then the mapping in UTF-16.
int read_mapping(uint16_t offset, char32_t* out, int& tag) {
  const uint16_t* p = kDecompData + offset;
  tag = *p & 0xFF;
  int count = *p++ >> 8;
  for (int k = 0; k < count; k++) {
    char32_t unit = *p++;
    if (unit >= 0xD800 && unit < 0xDC00) unit = 0x10000 + ((unit - 0xD800) << 10 | (*p++ - 0xDC00));
    out[k] = unit;
  }
  return count;
}

}  // namespace

namespace detail {

const DbRecord& db_record(char32_t cp) {
  if (cp >= kCodePointLimit) return kDbRecords[0];
  return kDbRecords[three_level(kDbTop, kDbMid, kDbLeaf, kDbLeafShift, kDbMidShift, cp)];
}

int decomposition_mapping(char32_t cp, char32_t* out, int& tag) {
  tag = 0;
  if (cp >= kCodePointLimit) return 0;
  uint16_t offset = three_level(kDecompTop, kDecompMid, kDecompLeaf, kDecompLeafShift,
                                kDecompMidShift, cp);
  return offset == 0 ? 0 : read_mapping(offset, out, tag);
}

char32_t compose_pair(char32_t first, char32_t second) {
  if (!(db_record(first).norm & kNormComposeFirst)) return 0;
  const CompositionPair* end = std::end(kCompositions);
  const CompositionPair* it = std::lower_bound(
      std::begin(kCompositions), end, CompositionPair{first, second, 0},
      [](const CompositionPair& a, const CompositionPair& b) {
        return a.first != b.first ? a.first < b.first : a.second < b.second;
      });
  return it != end && it->first == first && it->second == second ? it->composite : 0;
}

}  // namespace detail

std::string_view category(char32_t cp) { return kCategoryNames[detail::db_record(cp).category]; }

std::string_view bidirectional(char32_t cp) {
  return kBidiNames[detail::db_record(cp).bidirectional];
}

int combining(char32_t cp) { return detail::db_record(cp).combining; }

std::string_view east_asian_width(char32_t cp) {
  return kEastAsianWidthNames[detail::db_record(cp).width_mirrored & 7];
}

bool mirrored(char32_t cp) { return detail::db_record(cp).width_mirrored >> 3; }

std::string decomposition(char32_t cp) {
  char32_t mapping[kMaxDecompositionLength];
  int tag;
  int count = detail::decomposition_mapping(cp, mapping, tag);
  std::string out = kDecompositionTags[tag];
  char hex[16];
  for (int k = 0; k < count; k++) {
    std::snprintf(hex, sizeof hex, "%04X", unsigned(mapping[k]));
    if (!out.empty()) out += ' ';
    out += hex;
  }
  return out;
}

}  // namespace tpy::unicode
