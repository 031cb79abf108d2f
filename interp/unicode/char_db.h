// interp/unicode/char_db.h -- The unicodedata module's per-character queries (Unicode 14.0, CPython 3.11).
//
// Answers are python3.11's for every code point (tables from tools/gen_unicode_props.py).
// Normalization is in normalize.h, names in unicode.h, numeric values in char_props.h.
#pragma once

#include <string>
#include <string_view>

namespace tpy::unicode {

// unicodedata.category: two letters, "Cn" for an unassigned code point.
std::string_view category(char32_t cp);
// unicodedata.bidirectional: "" for an unassigned code point.
std::string_view bidirectional(char32_t cp);
// unicodedata.combining: the canonical combining class, 0 for starters.
int combining(char32_t cp);
// unicodedata.east_asian_width: "F", "H", "W", "Na", "A" or "N".
std::string_view east_asian_width(char32_t cp);
// unicodedata.mirrored.
bool mirrored(char32_t cp);
// unicodedata.decomposition: "<tag> XXXX XXXX" or "XXXX XXXX" (canonical), "" when none
// (Hangul syllables included, as in CPython).
std::string decomposition(char32_t cp);

}  // namespace tpy::unicode
