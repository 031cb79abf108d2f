// interp/unicode/case_mapping.cpp -- The UTF-8 forms of str's case conversions and predicates.
//
// Pure ASCII, the common case, is handled byte by byte. Anything else is decoded to code points
// first, because Final_Sigma looks both ways from a sigma, and then runs the same templates the
// str object uses on its own storage (case_mapping.h), so both forms agree by construction.
#include "interp/unicode/case_mapping.h"

#include <string>
#include <vector>

#include "interp/unicode/utf8.h"

namespace tpy::unicode {
namespace {

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::vector<char32_t> decode_all(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(decode_utf8_or_raw(s, i));
  return out;
}

template <class Convert>
std::string convert_utf8(std::string_view s, char32_t (*ascii)(char32_t), Convert convert) {
  std::string out;
  out.reserve(s.size());
  if (ascii != nullptr && is_ascii(s)) {
    for (char c : s) out += static_cast<char>(ascii(static_cast<unsigned char>(c)));
    return out;
  }
  std::vector<char32_t> cps = decode_all(s);
  convert(std::span<const char32_t>(cps), [&out](char32_t c) { encode_utf8_or_raw(out, c); });
  return out;
}

template <class Predicate>
bool test_utf8(std::string_view s, Predicate predicate) {
  std::vector<char32_t> cps = decode_all(s);
  return predicate(std::span<const char32_t>(cps));
}

char32_t ascii_swapcase(char32_t c) { return c ^ ((c | 0x20) - 'a' < 26 ? 0x20 : 0); }

}  // namespace

// The lambdas pick the code point template overloads explicitly.
#define TPY_CONVERT(name, ascii)                                                              \
  std::string name(std::string_view s) {                                                      \
    return convert_utf8(s, ascii, [](std::span<const char32_t> cps, auto emit) {              \
      name(cps, emit);                                                                        \
    });                                                                                       \
  }
TPY_CONVERT(str_lower, ascii_lower)
TPY_CONVERT(str_upper, ascii_upper)
TPY_CONVERT(str_casefold, ascii_lower)
TPY_CONVERT(str_swapcase, ascii_swapcase)
TPY_CONVERT(str_title, nullptr)
TPY_CONVERT(str_capitalize, nullptr)
#undef TPY_CONVERT

#define TPY_PREDICATE(name)                                                                   \
  bool name(std::string_view s) {                                                             \
    return test_utf8(s, [](std::span<const char32_t> cps) { return name(cps); });            \
  }
TPY_PREDICATE(str_islower)
TPY_PREDICATE(str_isupper)
TPY_PREDICATE(str_istitle)
TPY_PREDICATE(str_isalpha)
TPY_PREDICATE(str_isdecimal)
TPY_PREDICATE(str_isdigit)
TPY_PREDICATE(str_isnumeric)
TPY_PREDICATE(str_isalnum)
TPY_PREDICATE(str_isspace)
TPY_PREDICATE(str_isprintable)
#undef TPY_PREDICATE

std::string to_ascii_number(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  std::vector<char32_t> cps = decode_all(s);
  return to_ascii_number(std::span<const char32_t>(cps));
}

}  // namespace tpy::unicode
