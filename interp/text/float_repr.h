// interp/text/float_repr.h -- Doubles to text exactly as CPython 3.11 writes them.
//
// double_to_string is CPython's PyOS_double_to_string: the one routine behind repr(float),
// str(float), format(float, spec) and '%e'/'%f'/'%g' % float. Every result is correctly
// rounded (std::to_chars is exact, ties to even, like CPython's dtoa).
#pragma once

#include <cstdint>
#include <string>

namespace tpy::text {

// Flags of double_to_string (CPython's Py_DTSF_*).
enum DtoaFlags : unsigned {
  kDtoaSign = 1,       // '+' before non-negative values, NaN included
  kDtoaAddDot0 = 2,    // ".0" after integral positional results; 'g' goes to exponent form
                       // one digit earlier (format() without a type)
  kDtoaAlt = 4,        // '#': 'g' keeps trailing zeros, a trailing '.' stays
  kDtoaNoNegZero = 8,  // 'z': a result that reads as zero drops its '-'
};

enum class FloatKind : uint8_t { kFinite, kInfinite, kNaN };

// Appends [v] in format [code]: 'r' (shortest round trip; [precision] must be 0), 'e' 'E' 'f'
// 'F' 'g' 'G' with [precision] >= 0 digits ('g': significant digits, 0 means 1). Upper-case
// codes write E, INF and NAN. Infinities are "inf"/"-inf"; NaN is "nan" whatever its sign.
FloatKind double_to_string(std::string& out, double v, char code, int precision,
                           unsigned flags = 0);

// repr(float) and str(float): "0.1", "1e+16", "1e-05", "100.0", "-0.0", "inf", "nan".
void float_repr(std::string& out, double v);
std::string float_repr(double v);

// float.hex(): "0x1.999999999999ap-4", "-0x0.0p+0", subnormals as "0x0.0000000000001p-1022",
// and "inf", "-inf", "nan" as repr.
void float_hex(std::string& out, double v);

}  // namespace tpy::text
