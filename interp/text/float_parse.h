// interp/text/float_parse.h -- Text to double as CPython 3.11 reads it: float(str), float.fromhex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "interp/text/num_error.h"

namespace tpy::text {

// float(text) for ASCII [text]: the caller has already mapped Unicode white space to ' ' and
// Unicode decimal digits to ASCII (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII).
// Accepts surrounding white space, a sign, decimal digits with an optional point and exponent,
// PEP 515 underscores (only between two digits), and inf / infinity / nan in any case.
// Correctly rounded; overflow gives +-inf and underflow +-0.0, as in CPython. Returns false
// where CPython raises ValueError; the caller words it ("could not convert string to float:
// 'x'" with the repr of the original argument).
bool parse_float(std::string_view text, double* out);

// The float at the start of [s] -- sign, digits or inf / infinity / nan, no white space, no
// underscores -- as CPython's PyOS_string_to_double reads it with an end pointer (what
// complex(str) needs). Returns how many chars it used, 0 when [s] does not start with a
// number. "1e" uses 1 char, like strtod.
size_t parse_float_prefix(std::string_view s, double* out);

// complex(text) for ASCII [text] (mapped by the caller as for parse_float): "<float>",
// "<float>j", "<float><signed float>j", "<float>[+-]j", "[+-]j", optionally in parentheses,
// surrounded by white space, with PEP 515 underscores. kMalformed is ValueError "complex() arg
// is a malformed string"; kBadUnderscore is ValueError "could not convert string to complex:
// %R" (the repr of the caller's argument).
enum class ComplexParse : uint8_t { kOk, kMalformed, kBadUnderscore };
ComplexParse parse_complex(std::string_view text, double* real, double* imag);

// float.fromhex(text): "[ws][sign][0x]hex[.hex][p[sign]dec][ws]" or inf / infinity / nan.
// Correctly rounded, ties to even. Errors: ValueError "invalid hexadecimal floating-point
// string", OverflowError "hexadecimal value too large to represent as a float".
bool float_fromhex(std::string_view text, double* out, NumError& err);

}  // namespace tpy::text
