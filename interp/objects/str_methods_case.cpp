// interp/objects/str_methods_case.cpp -- str's case conversions and is*() predicates over the Unicode tables.
#include <string>

#include "interp/objects/singletons.h"
#include "interp/objects/str_internal.h"
#include "interp/unicode/case_mapping.h"
#include "interp/unicode/unicode.h"

namespace tpy {

namespace {

// ASCII text maps byte for byte (case_mapping.h gives the same answers, one code point at a
// time): lower, upper, casefold and swapcase of an ASCII str without the general machinery.
template <class Map>
Value convert_ascii(Value self, Map map) {
  int64_t n = str_length(self);
  Value r = str_new_uninit(n, 1, true);
  if (r.is_null()) return r;
  const auto* src = static_cast<const uint8_t*>(as_str(self)->data());
  auto* dst = static_cast<uint8_t*>(as_str(r)->data());
  for (int64_t i = 0; i < n; i++) dst[i] = static_cast<uint8_t>(map(src[i]));
  return r;
}

// Runs a case_mapping.h conversion over the str's own storage.
template <class Conv>
Value convert(Value self, Conv conv) {
  std::u32string out;
  out.reserve(static_cast<size_t>(str_length(self)));
  visit_str(self, [&](auto s) { conv(s, [&](char32_t c) { out.push_back(c); }); });
  return str_from_u32(out);
}

template <class Pred>
Value predicate(Value self, Pred pred) {
  return Bool(visit_str(self, [&](auto s) { return pred(s); }));
}

// str.isidentifier: XID_Start or '_' first, then XID_Continue (no NFKC: the str as it is).
template <class CharT>
bool is_identifier(std::span<const CharT> s) {
  if (s.empty()) return false;
  if (!(unicode::is_xid_start(s[0]) || s[0] == '_')) return false;
  for (size_t i = 1; i < s.size(); i++)
    if (!unicode::is_xid_continue(s[i])) return false;
  return true;
}

}  // namespace

#define TPY_CONVERT(name)                                                              \
  Value m_##name(Value self, const Value*, size_t, Value) {                            \
    return convert(self, [](auto s, auto&& emit) { unicode::str_##name(s, emit); }); \
  }
TPY_CONVERT(title)
TPY_CONVERT(capitalize)
#undef TPY_CONVERT

// The same with the ASCII path first.
#define TPY_CONVERT_ASCII(name, ascii_map)                                             \
  Value m_##name(Value self, const Value*, size_t, Value) {                            \
    if (as_str(self)->ascii()) return convert_ascii(self, ascii_map);                  \
    return convert(self, [](auto s, auto&& emit) { unicode::str_##name(s, emit); }); \
  }
TPY_CONVERT_ASCII(lower, unicode::ascii_lower)
TPY_CONVERT_ASCII(upper, unicode::ascii_upper)
TPY_CONVERT_ASCII(casefold, unicode::ascii_lower)
TPY_CONVERT_ASCII(swapcase, [](char32_t c) { return c - 'A' < 26 ? c + 32 : unicode::ascii_upper(c); })
#undef TPY_CONVERT_ASCII

#define TPY_PREDICATE(name)                                                       \
  Value m_##name(Value self, const Value*, size_t, Value) {                       \
    return predicate(self, [](auto s) { return unicode::str_##name(s); });        \
  }
TPY_PREDICATE(islower)
TPY_PREDICATE(isupper)
TPY_PREDICATE(istitle)
TPY_PREDICATE(isspace)
TPY_PREDICATE(isdecimal)
TPY_PREDICATE(isdigit)
TPY_PREDICATE(isnumeric)
TPY_PREDICATE(isalpha)
TPY_PREDICATE(isalnum)
TPY_PREDICATE(isprintable)
#undef TPY_PREDICATE

Value m_isidentifier(Value self, const Value*, size_t, Value) {
  return predicate(self, [](auto s) { return is_identifier(s); });
}

Value m_isascii(Value self, const Value*, size_t, Value) { return Bool(as_str(self)->ascii()); }

}  // namespace tpy
