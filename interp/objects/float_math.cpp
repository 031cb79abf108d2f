// interp/objects/float_math.cpp -- float arithmetic with CPython 3.11's results, on plain doubles.
#include "interp/objects/float_math.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <limits>

namespace tpy {
namespace {

struct StatusInfo {
  const char* type;
  const char* message;
};
constexpr StatusInfo kStatusInfo[] = {
#define TPY_FLOAT_STATUS(name, type, message) {type, message},
#include "interp/objects/float_status.def"
#undef TPY_FLOAT_STATUS
};

bool is_odd_integer(double w) { return std::fmod(std::fabs(w), 2.0) == 1.0; }

// The quotient and remainder of floored division (b != 0). fmod is exact, so a - mod is an
// exact multiple of b in real arithmetic; the float division may land next to the integer,
// hence the snap to the nearest one.
void floor_divmod(double a, double b, double* quotient, double* remainder) {
  double mod = std::fmod(a, b);
  double q = (a - mod) / b;
  if (mod == 0) {
    mod = std::copysign(0.0, b);  // fmod's zero sign varies; Python wants the divisor's
  } else if ((b < 0) != (mod < 0)) {
    mod += b;
    q -= 1.0;
  }
  if (q == 0) {
    q = std::copysign(0.0, a / b);
  } else {
    double f = std::floor(q);
    q = q - f > 0.5 ? f + 1.0 : f;
  }
  *quotient = q;
  *remainder = mod;
}

// Adds one to the decimal digits in [s] (which may be empty, meaning zero).
void increment_decimal(std::string& s) {
  size_t i = s.size();
  while (i > 0 && s[i - 1] == '9') s[--i] = '0';
  if (i == 0) s.insert(s.begin(), '1');
  else s[i - 1]++;
}

// The exact decimal digits of an integral double (to_chars is exact for integers).
std::string integral_digits(double v) {
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 0);
  return std::string(buf, r.ptr);
}

}  // namespace

const char* float_status_type(FloatStatus s) { return kStatusInfo[int(s)].type; }
const char* float_status_message(FloatStatus s) { return kStatusInfo[int(s)].message; }

FloatStatus float_floordiv(double a, double b, double* out) {
  if (b == 0) return FloatStatus::kFloorDivisionByZero;
  double r;
  floor_divmod(a, b, out, &r);
  return FloatStatus::kOk;
}

FloatStatus float_mod(double a, double b, double* out) {
  if (b == 0) return FloatStatus::kModuloByZero;
  double q;
  floor_divmod(a, b, &q, out);
  return FloatStatus::kOk;
}

FloatStatus float_divmod(double a, double b, double* quotient, double* remainder) {
  if (b == 0) return FloatStatus::kDivmodByZero;
  floor_divmod(a, b, quotient, remainder);
  return FloatStatus::kOk;
}

FloatStatus float_pow(double v, double w, double* out) {
  // The special cases are settled here, in CPython's order, rather than trusting libm.
  if (w == 0) {  // even nan ** 0 and 0 ** 0
    *out = 1.0;
    return FloatStatus::kOk;
  }
  if (std::isnan(v)) {
    *out = v;
    return FloatStatus::kOk;
  }
  if (std::isnan(w)) {
    *out = v == 1.0 ? 1.0 : w;
    return FloatStatus::kOk;
  }
  if (std::isinf(w)) {
    double a = std::fabs(v);
    *out = a == 1.0 ? 1.0 : (w > 0) == (a > 1.0) ? std::fabs(w) : 0.0;
    return FloatStatus::kOk;
  }
  bool w_odd = is_odd_integer(w);
  if (std::isinf(v)) {
    if (w > 0) *out = w_odd ? v : std::fabs(v);
    else *out = w_odd ? std::copysign(0.0, v) : 0.0;
    return FloatStatus::kOk;
  }
  if (v == 0) {
    if (w < 0) return FloatStatus::kZeroToNegativePower;
    *out = w_odd ? v : 0.0;
    return FloatStatus::kOk;
  }
  bool negate = false;
  if (v < 0) {
    if (w != std::floor(w)) return FloatStatus::kComplexPower;
    v = -v;
    negate = w_odd;
  }
  if (v == 1.0) {  // (-1) ** huge_even_integer is 1, whatever libm thinks
    *out = negate ? -1.0 : 1.0;
    return FloatStatus::kOk;
  }
  double r = std::pow(v, w);
  // Finite operands: an infinite result is an overflow; underflow to 0 or a subnormal is fine.
  if (std::isinf(r)) return FloatStatus::kPowOverflow;
  *out = negate ? -r : r;
  return FloatStatus::kOk;
}

FloatStatus float_round_digits(double x, int64_t ndigits, double* out) {
  // Past these bounds the answer is known: 0.30103 > log10(2) bounds the decimal digits of a
  // double (1074 binary places after the point, 1024 before).
  constexpr int64_t kMaxDigits = int64_t((53 + 1021) * 0.30103);  // 323
  constexpr int64_t kMinDigits = -int64_t((1024 + 1) * 0.30103);  // -308
  if (!std::isfinite(x) || ndigits > kMaxDigits) {
    *out = x;
    return FloatStatus::kOk;
  }
  if (ndigits < kMinDigits) {
    *out = 0.0 * x;
    return FloatStatus::kOk;
  }
  double a = std::fabs(x);
  std::string text;
  if (ndigits >= 0) {
    // to_chars rounds the exact binary value to [ndigits] places, ties to even.
    char buf[400 + kMaxDigits];
    auto r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::fixed, int(ndigits));
    text.assign(buf, r.ptr);
  } else {
    // Rounding to a multiple of 10**k: split the exact integer part into q * 10**k + r and
    // compare r (plus the fraction, for ties) with half of 10**k.
    size_t k = size_t(-ndigits);
    double whole = std::floor(a);
    bool fraction = a != whole;
    std::string digits = integral_digits(whole);
    std::string q;
    if (digits.size() >= k) {
      q = digits.substr(0, digits.size() - k);
      std::string r = digits.substr(digits.size() - k);
      std::string half = "5" + std::string(k - 1, '0');
      int cmp = r.compare(half);
      bool q_odd = !q.empty() && (q.back() - '0') % 2 == 1;
      if (cmp > 0 || (cmp == 0 && (fraction || q_odd))) increment_decimal(q);
    }
    text = (q.empty() ? "0" : q) + "e" + std::to_string(k);
  }
  double rounded;
  auto r = std::from_chars(text.data(), text.data() + text.size(), rounded);
  if (r.ec == std::errc::result_out_of_range) return FloatStatus::kRoundOverflow;
  *out = std::signbit(x) ? -rounded : rounded;
  return FloatStatus::kOk;
}

double float_round_half_even(double x) {
  if (!std::isfinite(x)) return x;
  double f = std::floor(x);
  double diff = x - f;  // exact: below 2**52 the fraction fits, above it is 0
  if (diff > 0.5 || (diff == 0.5 && std::fmod(f, 2.0) != 0)) f += 1.0;
  return std::copysign(f, x);
}

bool FloatInt::to_i64(int64_t* out) const {
  if (mantissa == 0) {
    *out = 0;
    return true;
  }
  if (shift >= 63) {
    if (negative && shift == 63 && mantissa == 1) {
      *out = INT64_MIN;
      return true;
    }
    return false;
  }
  uint64_t limit = (negative ? uint64_t{1} << 63 : uint64_t(INT64_MAX)) >> shift;
  if (mantissa > limit) return false;
  uint64_t magnitude = mantissa << shift;
  *out = negative ? int64_t(0 - magnitude) : int64_t(magnitude);
  return true;
}

std::string FloatInt::decimal() const { return integral_digits(value); }

FloatStatus float_to_int(double v, FloatInt* out) {
  if (std::isnan(v)) return FloatStatus::kNaNToInt;
  if (std::isinf(v)) return FloatStatus::kInfToInt;
  *out = FloatInt{};
  if (v == 0) return FloatStatus::kOk;  // -0.0 too: ints have no negative zero
  uint64_t bits = std::bit_cast<uint64_t>(v);
  int biased = int((bits >> 52) & 0x7FF);  // an integral non-zero double is normal
  uint64_t m = (bits & ((uint64_t{1} << 52) - 1)) | uint64_t{1} << 52;
  int e = biased - 1075;
  out->negative = bits >> 63;
  out->mantissa = e >= 0 ? m : m >> -e;
  out->shift = e >= 0 ? e : 0;
  out->value = v;
  return FloatStatus::kOk;
}

FloatStatus float_trunc(double x, FloatInt* out) { return float_to_int(std::trunc(x), out); }
FloatStatus float_floor(double x, FloatInt* out) { return float_to_int(std::floor(x), out); }
FloatStatus float_ceil(double x, FloatInt* out) { return float_to_int(std::ceil(x), out); }
FloatStatus float_round_int(double x, FloatInt* out) {
  return float_to_int(float_round_half_even(x), out);
}

std::string FloatRatio::numerator() const {
  std::string s = negative ? "-" : "";
  if (exponent <= 0) return s + std::to_string(mantissa);
  return s + integral_digits(std::ldexp(double(mantissa), exponent));  // exact: a double
}

std::string FloatRatio::denominator() const {
  if (exponent >= 0) return "1";
  // 2**k for k up to 1074, by doubling a little-endian decimal.
  std::string d = "1";
  for (int i = 0; i < -exponent; i++) {
    int carry = 0;
    for (char& c : d) {
      int t = (c - '0') * 2 + carry;
      c = char('0' + t % 10);
      carry = t / 10;
    }
    if (carry) d += char('0' + carry);
  }
  return std::string(d.rbegin(), d.rend());
}

FloatStatus float_as_integer_ratio(double x, FloatRatio* out) {
  if (std::isnan(x)) return FloatStatus::kNaNRatio;
  if (std::isinf(x)) return FloatStatus::kInfRatio;
  *out = FloatRatio{};
  if (x == 0) return FloatStatus::kOk;
  uint64_t bits = std::bit_cast<uint64_t>(x);
  int biased = int((bits >> 52) & 0x7FF);
  uint64_t m = bits & ((uint64_t{1} << 52) - 1);
  int e = -1074;
  if (biased) {
    m |= uint64_t{1} << 52;
    e = biased - 1075;
  }
  int tz = std::countr_zero(m);  // lowest terms: the denominator is a power of two
  out->negative = bits >> 63;
  out->mantissa = m >> tz;
  out->exponent = e + tz;
  return FloatStatus::kOk;
}

bool float_is_integer(double x) { return std::isfinite(x) && std::floor(x) == x; }

}  // namespace tpy
