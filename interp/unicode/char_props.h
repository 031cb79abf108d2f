// interp/unicode/char_props.h -- What str's methods ask of one code point (Unicode 14.0, CPython 3.11).
//
// Each answer is CPython 3.11's for every code point: the tables are generated at build time by
// tools/gen_unicode_props.py from python3.11's own str methods and unicodedata. Code points
// at or above 0x110000 (tpy's raw-byte markers, see utf8.h) have no properties and map to
// themselves. The predicates are inline with a one-load ASCII path; the rest of the range costs
// one out-of-line three-level table lookup.
#pragma once

#include <array>
#include <cstdint>

namespace tpy::unicode {

// Property bits of one code point. ORDER: the k* flag constants in tools/gen_unicode_props.py.
enum CharFlag : uint16_t {
  kCharAlpha = 1 << 0,           // str.isalpha: categories Lu Ll Lt Lm Lo
  kCharDecimal = 1 << 1,         // str.isdecimal: has a decimal digit value
  kCharDigit = 1 << 2,           // str.isdigit: has a digit value
  kCharNumeric = 1 << 3,         // str.isnumeric: has a numeric value
  kCharSpace = 1 << 4,           // str.isspace, split(), strip(): _PyUnicode_IsWhitespace
  kCharLinebreak = 1 << 5,       // where str.splitlines() breaks
  kCharLower = 1 << 6,           // Lowercase (str.islower)
  kCharUpper = 1 << 7,           // Uppercase (str.isupper)
  kCharTitle = 1 << 8,           // titlecase letter, category Lt (str.istitle)
  kCharCased = 1 << 9,           // Cased: word letters for title() and Final_Sigma
  kCharCaseIgnorable = 1 << 10,  // Case_Ignorable: skipped by the Final_Sigma context
};
constexpr uint16_t kCharAlnum = kCharAlpha | kCharDecimal | kCharDigit | kCharNumeric;

namespace detail {
extern const std::array<uint16_t, 0x80> kAsciiCharFlags;
uint16_t char_flags_slow(char32_t cp);
}  // namespace detail

// The CharFlag bits of [cp].
inline uint16_t char_flags(char32_t cp) {
  if (cp < 0x80) [[likely]]
    return detail::kAsciiCharFlags[cp];
  return detail::char_flags_slow(cp);
}

inline bool is_alpha(char32_t cp) { return char_flags(cp) & kCharAlpha; }
inline bool is_decimal(char32_t cp) { return char_flags(cp) & kCharDecimal; }
inline bool is_digit(char32_t cp) { return char_flags(cp) & kCharDigit; }
inline bool is_numeric(char32_t cp) { return char_flags(cp) & kCharNumeric; }
inline bool is_alnum(char32_t cp) { return char_flags(cp) & kCharAlnum; }
inline bool is_space(char32_t cp) { return char_flags(cp) & kCharSpace; }
inline bool is_linebreak(char32_t cp) { return char_flags(cp) & kCharLinebreak; }
inline bool is_lower(char32_t cp) { return char_flags(cp) & kCharLower; }
inline bool is_upper(char32_t cp) { return char_flags(cp) & kCharUpper; }
inline bool is_title(char32_t cp) { return char_flags(cp) & kCharTitle; }
inline bool is_cased(char32_t cp) { return char_flags(cp) & kCharCased; }
inline bool is_case_ignorable(char32_t cp) { return char_flags(cp) & kCharCaseIgnorable; }

// unicodedata.decimal / digit (0..9), or -1 when [cp] has none. int() and float() read every
// Unicode decimal digit through decimal_value (see to_ascii_number in case_mapping.h).
int decimal_value(char32_t cp);
int digit_value(char32_t cp);
// unicodedata.numeric: false when [cp] has no numeric value (U+0F33 has -0.5, so no sentinel).
bool numeric_value(char32_t cp, double& out);

// Full case mappings (SpecialCasing included): write the mapping of [cp] to [out] and return
// its length, 1..kMaxCaseMapping. to_lower_full maps U+03A3 to U+03C3 always; the Final_Sigma
// rule needs the context, which the string functions in case_mapping.h supply.
constexpr int kMaxCaseMapping = 3;
int to_lower_full(char32_t cp, char32_t* out);
int to_upper_full(char32_t cp, char32_t* out);
int to_title_full(char32_t cp, char32_t* out);
int to_casefold_full(char32_t cp, char32_t* out);
// The one-to-one mappings that re's IGNORECASE matching uses (CPython's Py_UNICODE_TOLOWER /
// TOUPPER: _sre.unicode_tolower, and unicode_iscased(c) is lower != c || upper != c). CPython
// takes the first code point of the full mapping, not UnicodeData's simple mapping, so
// 'ß' -> 'S' and U+1FB3 -> U+0391 here.
char32_t to_lower_simple(char32_t cp);
char32_t to_upper_simple(char32_t cp);

inline char32_t ascii_lower(char32_t c) { return c - 'A' < 26 ? c + 32 : c; }
inline char32_t ascii_upper(char32_t c) { return c - 'a' < 26 ? c - 32 : c; }

}  // namespace tpy::unicode
