// interp/unicode/db_internal.h -- The character database's records, shared by char_db and normalize.
#pragma once

#include <cstdint>

namespace tpy::unicode::detail {

// ORDER: the generator (tools/gen_unicode_props.py) writes these as positional initializers.
struct DbRecord {
  uint8_t category;        // index into kCategoryNames
  uint8_t bidirectional;   // index into kBidiNames
  uint8_t width_mirrored;  // index into kEastAsianWidthNames | mirrored << 3
  uint8_t combining;       // canonical combining class
  uint8_t norm;            // kNorm* bits
};

// What the normalizer needs to know about one character. "No" means the character never
// appears in that form (normalizing it alone changes it). ORDER: kNfdNo.. in the generator.
constexpr uint8_t kNormNfdNo = 1, kNormNfkdNo = 2, kNormNfcNo = 4, kNormNfkcNo = 8;
constexpr uint8_t kNormComposeMaybe = 16;  // second element of some composition
constexpr uint8_t kNormComposeFirst = 32;  // first element of some (non-Hangul) composition

// The longest one-level decomposition mapping (U+FDFA's 18 code points).
constexpr int kMaxDecompositionLength = 18;

// [cp]'s record; raw-byte markers (>= 0x110000) get a starter that no normalization touches.
const DbRecord& db_record(char32_t cp);
// The one-level decomposition mapping of [cp] (not Hangul syllables, which are arithmetic):
// writes it to [out] and returns its length, 0 when there is none. [tag] is its index into
// the tag names, 0 for a canonical mapping.
int decomposition_mapping(char32_t cp, char32_t* out, int& tag);
// The primary composite of <first, second> from the table (not Hangul), or 0.
char32_t compose_pair(char32_t first, char32_t second);

}  // namespace tpy::unicode::detail
