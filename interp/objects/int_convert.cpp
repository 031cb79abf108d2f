// interp/objects/int_convert.cpp -- int: from and to text (int(), str()), from and to float.
//
// Text conversion follows int() and str() of CPython 3.11 including the integer string
// conversion length limit (sys.set_int_max_str_digits, CVE-2020-10735), which applies to
// bases that are not powers of two. The order in which int() finds errors is CPython's: the
// run of digits and underscores is scanned first (a doubled or trailing underscore is an
// invalid literal), then the length limit is checked, then the rest of the literal. Digits
// become limbs through mpn_set_str and back through mpn_get_str, both subquadratic.
#include <charconv>
#include <cmath>
#include <string>

#include "interp/objects/internal/bigint.h"

namespace tpy {

namespace {

constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }  // Py_ISSPACE

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

bool is_power_of_two(int base) { return (base & (base - 1)) == 0; }

// Does [base]'s conversion count against sys.get_int_max_str_digits()?
bool digits_limited(int base) { return !is_power_of_two(base) && int_max_str_digits() > 0; }

// -- Parsing (int()) ------------------------------------------------------------------------------

// A literal split by parse_literal: sign, effective base and the digit values (no underscores).
struct Literal {
  bool negative = false;
  int base = 0;
  std::string digits;
};

// Skips a 0x/0o/0b prefix that [base] allows, fixing the base when it is 0.
bool skip_prefix(std::string_view& s, int& base) {
  if (s.size() < 2 || s[0] != '0') return false;
  char p = static_cast<char>(s[1] | 0x20);
  int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
  if (prefix_base == 0 || (base != 0 && base != prefix_base)) return false;
  base = prefix_base;
  s.remove_prefix(2);
  return true;
}

// Scans the run of digits and single underscores at the start of [s] into [lit.digits];
// false on a doubled or trailing underscore or one that does not follow a digit or prefix.
bool scan_digits(std::string_view& s, bool after_prefix, Literal& lit) {
  bool underscore_ok = after_prefix, last_underscore = false;
  size_t i = 0;
  for (; i < s.size(); i++) {
    if (s[i] == '_') {
      if (!underscore_ok) return false;
      underscore_ok = false;
      last_underscore = true;
      continue;
    }
    int d = digit_value(s[i]);
    if (d >= lit.base) break;
    lit.digits.push_back(static_cast<char>(d));
    underscore_ok = true;
    last_underscore = false;
  }
  s.remove_prefix(i);
  return !last_underscore;
}

// Parses [text] per int(text, base); false with the error pending.
bool parse_literal(std::string_view text, int base, Literal& lit) {
  std::string_view s = text;
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    lit.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  lit.base = base;
  bool prefixed = skip_prefix(s, lit.base);
  bool decimal_base0 = lit.base == 0;
  if (decimal_base0) lit.base = 10;
  auto invalid = [&] {
    int_fail(IntError::kInvalidLiteral, base);
    return false;
  };
  if (!scan_digits(s, prefixed, lit)) return invalid();
  int64_t limit = int_max_str_digits();
  if (digits_limited(lit.base) && static_cast<int64_t>(lit.digits.size()) > limit) {
    int_fail(IntError::kIntDigitsLimit, limit, static_cast<int64_t>(lit.digits.size()));
    return false;
  }
  if (lit.digits.empty()) return invalid();
  if (decimal_base0 && lit.digits[0] == 0 && lit.digits.find_first_not_of('\0') != s.npos)
    return invalid();  // base 0: no leading zeros in a non-zero decimal literal
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s.empty() || invalid();
}

// The value of the digits of [lit], leading zeros allowed.
Value literal_value(const Literal& lit) {
  size_t first = lit.digits.find_first_not_of('\0');
  if (first == std::string::npos) return Value::from_int(0);
  size_t count = lit.digits.size() - first;
  const auto* d = reinterpret_cast<const unsigned char*>(lit.digits.data()) + first;
  if (count <= static_cast<size_t>(63 / std::log2(lit.base))) {
    int64_t v = 0;  // base**count <= 2**63: no limbs needed
    for (size_t i = 0; i < count; i++) v = v * lit.base + d[i];
    return int_from_i64(lit.negative ? -v : v);
  }
  IntBuilder r(static_cast<mp_size_t>(count * 6 / kLimbBits + 2));  // <= 6 bits per digit
  if (!r.ok()) return int_fail(IntError::kOutOfMemory);
  mp_size_t n = mpn_set_str(r.limbs(), d, count, lit.base);
  return r.finish(n, lit.negative);
}

// -- Formatting (str()) ---------------------------------------------------------------------------

// Fewest decimal digits a number of [bits] bits can have (a lower bound, never above).
uint64_t min_decimal_digits(uint64_t bits) {
  return static_cast<uint64_t>(static_cast<double>(bits - 1) * 0.30102) + 1;
}

// Appends the digits of the magnitude of a big int to [out] (ASCII, no sign).
bool append_big_digits(const IntOperand& x, int base, std::string& out) {
  Scratch copy(x.n() + 1);  // mpn_get_str destroys its input
  if (!copy.ok()) return int_fail_bool(IntError::kOutOfMemory);
  mpn_copyi(copy.get(), x.d(), x.n());
  int bits_per_digit = 31 - __builtin_clz(static_cast<unsigned>(base));
  // mpn_get_str wants room for the largest number of x.n() limbs, plus one.
  size_t cap = static_cast<size_t>(x.n()) * kLimbBits / bits_per_digit + 2;
  size_t start = out.size();
  out.resize(start + cap);
  auto* buf = reinterpret_cast<unsigned char*>(out.data() + start);
  size_t n = mpn_get_str(buf, base, copy.get(), x.n());
  size_t zeros = 0;
  while (zeros + 1 < n && buf[zeros] == 0) zeros++;
  for (size_t i = zeros; i < n; i++) out[start + i - zeros] = kDigitChars[buf[i]];
  out.resize(start + n - zeros);
  return true;
}

}  // namespace

Value int_from_string(std::string_view text, int base) {
  if (base != 0 && (base < 2 || base > 36)) return int_fail(IntError::kBadBase);
  Literal lit;
  if (!parse_literal(text, base, lit)) return Value::exception();
  return literal_value(lit);
}

bool int_to_string(Value v, int base, std::string& out) {
  TPY_DCHECK(base >= 2 && base <= 36, "int_to_string: base out of range");
  if (v.is_int()) {
    char buf[72];
    auto res = std::to_chars(buf, buf + sizeof buf, v.as_int(), base);
    out.append(buf, res.ptr);
    return true;
  }
  IntOperand x(v);
  int64_t limit = int_max_str_digits();
  bool limited = digits_limited(base);
  if (limited && base == 10 &&
      min_decimal_digits(mag_bit_length(x.d(), x.n())) > static_cast<uint64_t>(limit)) {
    int_fail(IntError::kStrDigitsLimit, limit);  // surely too long: do not convert at all
    return false;
  }
  size_t sign_at = out.size();
  if (x.neg()) out.push_back('-');
  if (!append_big_digits(x, base, out)) return false;
  if (limited && static_cast<int64_t>(out.size() - sign_at - x.neg()) > limit) {
    out.resize(sign_at);
    int_fail(IntError::kStrDigitsLimit, limit);
    return false;
  }
  return true;
}

// -- Floats ---------------------------------------------------------------------------------------

bool int_to_double(Value v, double* out) {
  if (v.is_int()) {
    *out = static_cast<double>(v.as_int());
    return true;
  }
  IntOperand x(v);
  uint64_t bits = mag_bit_length(x.d(), x.n());
  if (bits > 1024) return int_fail_bool(IntError::kTooLargeForFloat);
  if (bits <= 64) {
    *out = x.neg() ? -static_cast<double>(x.d()[0]) : static_cast<double>(x.d()[0]);
    return true;
  }
  // The top 64 bits, with every lower bit folded into the last one (sticky): converting
  // that to double rounds exactly as rounding the whole number would (half to even).
  uint64_t shift = bits - 64;
  mp_size_t li = static_cast<mp_size_t>(shift / kLimbBits);
  unsigned off = shift % kLimbBits;
  uint64_t top = x.d()[li] >> off;
  if (off != 0 && li + 1 < x.n()) top |= x.d()[li + 1] << (kLimbBits - off);
  bool sticky = (off != 0 && (x.d()[li] & ((uint64_t{1} << off) - 1)) != 0) ||
                (li > 0 && !mpn_zero_p(x.d(), li));
  double d = std::ldexp(static_cast<double>(top | sticky), static_cast<int>(shift));
  if (std::isinf(d)) return int_fail_bool(IntError::kTooLargeForFloat);
  *out = x.neg() ? -d : d;
  return true;
}

Value int_from_double(double d) {
  if (std::isnan(d)) return int_fail(IntError::kFloatNaN);
  if (std::isinf(d)) return int_fail(IntError::kFloatInfinity);
  double t = std::trunc(d);
  if (std::fabs(t) < 0x1p62) return Value::from_int(static_cast<int64_t>(t));
  int e;
  double m = std::frexp(std::fabs(t), &e);  // |t| = m * 2**e, m in [0.5, 1), e >= 63
  auto mant = static_cast<uint64_t>(std::ldexp(m, 64));
  Value mag = e <= 64 ? int_from_u64(mant >> (64 - e))
                      : int_lshift(int_from_u64(mant), Value::from_int(e - 64));
  return t < 0 && !mag.is_exception() ? int_neg(mag) : mag;
}

}  // namespace tpy
