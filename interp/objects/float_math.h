// interp/objects/float_math.h -- float arithmetic with CPython 3.11's results, on plain doubles.
//
// What float's number methods compute once the operands are doubles: // % divmod ** round()
// trunc/floor/ceil, as_integer_ratio, is_integer, with CPython's signed zeros, special cases
// and error messages. No objects: results are doubles or integer descriptions, failures are
// FloatStatus codes (float_status.def) the caller turns into exceptions.
#pragma once

#include <cstdint>
#include <string>

namespace tpy {

enum class FloatStatus : uint8_t {
#define TPY_FLOAT_STATUS(name, type, message) k##name,
#include "interp/objects/float_status.def"
#undef TPY_FLOAT_STATUS
};

// The exception type name ("ZeroDivisionError", ...) and CPython's message of a status; ""
// for kOk and kComplexPower.
const char* float_status_type(FloatStatus s);
const char* float_status_message(FloatStatus s);

// a / b; kDivisionByZero when b is zero.
inline FloatStatus float_div(double a, double b, double* out) {
  if (b == 0) return FloatStatus::kDivisionByZero;
  *out = a / b;
  return FloatStatus::kOk;
}
// a // b and a % b: the remainder has the divisor's sign, zeros included (2.0 % -2.0 == -0.0,
// -0.0 % 5.0 == 0.0); the quotient is the floor of the exact quotient and a zero quotient
// carries the sign of a / b (-0.5 // 7.0 == -1.0 but 0.0 // -7.0 == -0.0).
FloatStatus float_floordiv(double a, double b, double* out);
FloatStatus float_mod(double a, double b, double* out);
FloatStatus float_divmod(double a, double b, double* quotient, double* remainder);
// a ** b (pow(a, b) without modulus). kComplexPower: a < 0 and b not an integer -- the caller
// computes complex(a) ** complex(b). kPowOverflow when the result is too large.
FloatStatus float_pow(double a, double b, double* out);

// round(x, ndigits) for a finite or non-finite x (ndigits already clipped to Py_ssize_t):
// x rounded exactly in decimal, ties to even (round(2.675, 2) == 2.67 because 2.675 is
// 2.67499999...), then read back; zero keeps x's sign. kRoundOverflow when the rounded value
// exceeds the float range (round(1.7976931348623157e308, -308)).
FloatStatus float_round_digits(double x, int64_t ndigits, double* out);
// round(x) before the int conversion: nearest integer, ties to even (round(0.5) == 0,
// round(1.5) == 2). Non-finite x come back as they are; float_to_int reports them.
double float_round_half_even(double x);

// An integer taken from a float: (negative ? -1 : 1) * mantissa * 2**shift, mantissa < 2**53.
struct FloatInt {
  bool negative = false;
  uint64_t mantissa = 0;
  int shift = 0;
  double value = 0;  // the same integer as a double

  bool to_i64(int64_t* out) const;
  std::string decimal() const;  // "-12345..." in full, for big values
};
// int(x) of an integral double; also the final step of int(), math.trunc/floor/ceil and
// round(): kNaNToInt / kInfToInt for non-finite values.
FloatStatus float_to_int(double integral, FloatInt* out);
// float.__trunc__, math.floor, math.ceil and round(x) as ints.
FloatStatus float_trunc(double x, FloatInt* out);
FloatStatus float_floor(double x, FloatInt* out);
FloatStatus float_ceil(double x, FloatInt* out);
FloatStatus float_round_int(double x, FloatInt* out);

// float.as_integer_ratio(): x == (negative ? -1 : 1) * mantissa * 2**exponent with mantissa
// odd (or 0 with exponent 0), i.e. numerator / denominator in lowest terms.
struct FloatRatio {
  bool negative = false;
  uint64_t mantissa = 0;
  int exponent = 0;

  std::string numerator() const;    // decimal, with its sign
  std::string denominator() const;  // decimal, a power of two
};
FloatStatus float_as_integer_ratio(double x, FloatRatio* out);

// float.is_integer().
bool float_is_integer(double x);

}  // namespace tpy
