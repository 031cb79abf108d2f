// interp/objects/str_internal.h -- What the str*.cpp files share: storage views, search, the method rows.
//
// Not part of str's API (str.h is): the helpers here assume exact knowledge of StrObject's
// PEP 393 layout, and the m_* functions are the rows of str's method table (str_type.cpp).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "interp/objects/str.h"

namespace tpy {

// Calls f(std::span<const T>) over the code units of [s], T being uint8_t, uint16_t or
// uint32_t after its PEP 393 width.
template <class F>
decltype(auto) visit_str(Value s, F&& f) {
  const StrObject* o = as_str(s);
  size_t n = static_cast<size_t>(o->length);
  switch (o->kind()) {
    case 1: return f(std::span<const uint8_t>(static_cast<const uint8_t*>(o->data()), n));
    case 2: return f(std::span<const uint16_t>(static_cast<const uint16_t*>(o->data()), n));
    default: return f(std::span<const uint32_t>(static_cast<const uint32_t*>(o->data()), n));
  }
}

// A str of the code points in [cps] (the narrowest width that holds them).
inline Value str_from_u32(const std::u32string& cps) {
  return str_from_code_points(reinterpret_cast<const uint32_t*>(cps.data()), cps.size());
}
// Appends the code points of s[start:end] to [out].
void str_append_u32(std::u32string& out, Value s, int64_t start = 0, int64_t end = INT64_MAX);

// Offset of [needle] in s[start:end] (the last one if [reverse]), or -1.
int64_t str_find_in(Value s, Value needle, int64_t start, int64_t end, bool reverse);
// CPython's normalisation of optional start/end arguments (None or absent: the whole string;
// negative: from the end; then clamped to [0, len]). start may still exceed len.
bool str_slice_bounds(Value start, Value end, int64_t len, int64_t* s, int64_t* e);
// The type name Argument Clinic's "must be str, not X" messages show ("None" for None).
const char* clinic_type_name(Value v);
// A copy of [s] as an exact str (s itself when it is one).
Value str_exact(Value s);

// -- Rows of str's method table, one function per Python method (NativeFn convention) -----------
#define TPY_STR_METHOD(name) Value m_##name(Value self, const Value* args, size_t nargs, Value kwnames);
// str_methods_search.cpp
TPY_STR_METHOD(find) TPY_STR_METHOD(rfind) TPY_STR_METHOD(index) TPY_STR_METHOD(rindex)
TPY_STR_METHOD(count) TPY_STR_METHOD(replace) TPY_STR_METHOD(startswith)
TPY_STR_METHOD(endswith) TPY_STR_METHOD(partition) TPY_STR_METHOD(rpartition)
TPY_STR_METHOD(removeprefix) TPY_STR_METHOD(removesuffix)
// str_methods_split.cpp
TPY_STR_METHOD(split) TPY_STR_METHOD(rsplit) TPY_STR_METHOD(splitlines) TPY_STR_METHOD(join)
TPY_STR_METHOD(strip) TPY_STR_METHOD(lstrip) TPY_STR_METHOD(rstrip)
// str_methods_case.cpp
TPY_STR_METHOD(lower) TPY_STR_METHOD(upper) TPY_STR_METHOD(casefold) TPY_STR_METHOD(swapcase)
TPY_STR_METHOD(title) TPY_STR_METHOD(capitalize) TPY_STR_METHOD(islower)
TPY_STR_METHOD(isupper) TPY_STR_METHOD(istitle) TPY_STR_METHOD(isspace)
TPY_STR_METHOD(isdecimal) TPY_STR_METHOD(isdigit) TPY_STR_METHOD(isnumeric)
TPY_STR_METHOD(isalpha) TPY_STR_METHOD(isalnum) TPY_STR_METHOD(isidentifier)
TPY_STR_METHOD(isprintable) TPY_STR_METHOD(isascii)
// str_methods_pad.cpp
TPY_STR_METHOD(center) TPY_STR_METHOD(ljust) TPY_STR_METHOD(rjust) TPY_STR_METHOD(zfill)
TPY_STR_METHOD(expandtabs)
// str_translate.cpp
TPY_STR_METHOD(translate) TPY_STR_METHOD(maketrans)
// str_format.cpp
TPY_STR_METHOD(format) TPY_STR_METHOD(format_map) TPY_STR_METHOD(format_spec)
// str_encode.cpp
TPY_STR_METHOD(encode)
#undef TPY_STR_METHOD

// str % args (str_percent.cpp): the Remainder slot.
Value str_mod_slot(Value a, Value b);

}  // namespace tpy
