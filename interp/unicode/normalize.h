// interp/unicode/normalize.h -- unicodedata.normalize / is_normalized (UAX #15, as CPython 3.11).
//
// Over UTF-8 (WTF-8: lone surrogates pass through; malformed bytes too, as starters that
// compose with nothing) and over code points (the str object's storage widened to UCS-4).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tpy::unicode {

enum class NormalForm : uint8_t { kNFC, kNFD, kNFKC, kNFKD };

// unicodedata's form argument ("NFC", "NFKD", ...; exact spelling). False for anything else,
// where CPython raises ValueError("invalid normalization form").
bool parse_normal_form(std::string_view name, NormalForm& out);

std::string normalize(NormalForm form, std::string_view s);
std::u32string normalize(NormalForm form, std::u32string_view s);
// normalize(form, s) == s, computed without normalizing when a quick check can tell.
bool is_normalized(NormalForm form, std::string_view s);
bool is_normalized(NormalForm form, std::u32string_view s);

}  // namespace tpy::unicode
