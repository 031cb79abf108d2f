// interp/text/float_parse.cpp -- Text to double as CPython 3.11 reads it: float(str), float.fromhex.
//
// Decimal strings go through std::from_chars (correctly rounded, like CPython's dtoa strtod);
// this file only decides what CPython accepts around the digits and how out-of-range results
// saturate, since from_chars reports them without a value.
#include "interp/text/float_parse.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <limits>
#include <string>

namespace tpy::text {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Py_ISSPACE: the ASCII white space CPython strips around numbers.
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c; }

bool starts_with_ci(std::string_view s, size_t i, std::string_view word) {
  if (s.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); k++)
    if (lower(s[i + k]) != word[k]) return false;
  return true;
}

// inf / infinity / nan after an optional sign at s[i..]; NaN keeps the sign (float('-nan')
// has its sign bit set in CPython 3.11).
size_t parse_special(std::string_view s, size_t i, bool negative, double* out) {
  if (starts_with_ci(s, i, "inf")) {
    i += 3;
    if (starts_with_ci(s, i, "inity")) i += 5;
    *out = negative ? -kInf : kInf;
    return i;
  }
  if (starts_with_ci(s, i, "nan")) {
    double nan = std::numeric_limits<double>::quiet_NaN();
    *out = negative ? -nan : nan;
    return i + 3;
  }
  return 0;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// PEP 515 for float(): '_' only between two digits. Writes the text without underscores.
bool remove_underscores(std::string_view text, std::string& out) {
  char prev = '\0';
  for (char c : text) {
    if (c == '_') {
      if (!is_digit(prev)) return false;
    } else {
      if (prev == '_' && !is_digit(c)) return false;
      out += c;
    }
    prev = c;
  }
  return prev != '_';
}

}  // namespace

size_t parse_float_prefix(std::string_view s, double* out) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    negative = s[i] == '-';
    i++;
  }
  if (size_t end = parse_special(s, i, negative, out)) return end;

  size_t begin = i;
  // The decimal exponent of the first non-zero digit, to tell overflow from underflow when
  // from_chars reports a range error.
  int64_t lead_exp = 0;
  bool nonzero = false;
  size_t int_begin = i;
  while (i < s.size() && is_digit(s[i])) i++;
  size_t int_digits = i - int_begin;
  for (size_t k = int_begin; k < i; k++)
    if (s[k] != '0') {
      lead_exp = int64_t(i - k) - 1;
      nonzero = true;
      break;
    }
  size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    size_t frac_begin = ++i;
    while (i < s.size() && is_digit(s[i])) i++;
    frac_digits = i - frac_begin;
    if (!nonzero)
      for (size_t k = frac_begin; k < i; k++)
        if (s[k] != '0') {
          lead_exp = -int64_t(k - frac_begin) - 1;
          nonzero = true;
          break;
        }
  }
  if (int_digits + frac_digits == 0) return 0;
  // An exponent counts only when digits follow "e[+-]" (strtod leaves "1e" at "e").
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    bool exp_negative = false;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) exp_negative = s[j++] == '-';
    if (j < s.size() && is_digit(s[j])) {
      int64_t e = 0;
      for (; j < s.size() && is_digit(s[j]); j++)
        if (e < 1'000'000'000) e = e * 10 + (s[j] - '0');
      lead_exp += exp_negative ? -e : e;
      i = j;
    }
  }
  double value = 0;
  auto r = std::from_chars(s.data() + begin, s.data() + i, value, std::chars_format::general);
  if (r.ec == std::errc::result_out_of_range) value = nonzero && lead_exp > 0 ? kInf : 0.0;
  else if (r.ec != std::errc() || r.ptr != s.data() + i) return 0;  // not reached: we scanned it
  *out = negative ? -value : value;
  return i;
}

bool parse_float(std::string_view text, double* out) {
  std::string cleaned;
  if (text.find('_') != std::string_view::npos) {
    if (!remove_underscores(text, cleaned)) return false;
    text = cleaned;
  }
  size_t b = 0, e = text.size();
  while (b < e && is_space(text[b])) b++;
  while (e > b && is_space(text[e - 1])) e--;
  if (b == e) return false;
  std::string_view s = text.substr(b, e - b);
  return parse_float_prefix(s, out) == s.size();
}

ComplexParse parse_complex(std::string_view text, double* real, double* imag) {
  std::string cleaned;
  if (text.find('_') != std::string_view::npos) {
    if (!remove_underscores(text, cleaned)) return ComplexParse::kBadUnderscore;
    text = cleaned;
  }
  size_t i = 0, n = text.size();
  auto skip_space = [&] {
    while (i < n && is_space(text[i])) i++;
  };
  auto at_j = [&] { return i < n && (text[i] == 'j' || text[i] == 'J'); };
  skip_space();
  bool bracket = i < n && text[i] == '(';
  if (bracket) {
    i++;
    skip_space();
  }
  double x = 0, y = 0, z;
  if (size_t used = parse_float_prefix(text.substr(i), &z)) {
    i += used;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
      x = z;
      if (size_t used2 = parse_float_prefix(text.substr(i), &y)) {
        i += used2;
      } else {  // "<float>+j": a bare sign means one
        y = text[i] == '+' ? 1.0 : -1.0;
        i++;
      }
      if (!at_j()) return ComplexParse::kMalformed;
      i++;
    } else if (at_j()) {
      i++;
      y = z;
    } else {
      x = z;
    }
  } else {
    if (i < n && (text[i] == '+' || text[i] == '-')) y = text[i++] == '+' ? 1.0 : -1.0;
    else y = 1.0;
    if (!at_j()) return ComplexParse::kMalformed;
    i++;
  }
  skip_space();
  if (bracket) {
    if (i == n || text[i] != ')') return ComplexParse::kMalformed;
    i++;
    skip_space();
  }
  if (i != n) return ComplexParse::kMalformed;
  *real = x;
  *imag = y;
  return ComplexParse::kOk;
}

bool float_fromhex(std::string_view text, double* out, NumError& err) {
  auto invalid = [&] { return err.set("ValueError", "invalid hexadecimal floating-point string"); };
  auto overflow = [&] {
    return err.set("OverflowError", "hexadecimal value too large to represent as a float");
  };
  size_t i = 0, n = text.size();
  while (i < n && is_space(text[i])) i++;
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';

  auto finish = [&](size_t at, double value) {
    while (at < n && is_space(text[at])) at++;
    if (at != n) return invalid();
    *out = value;
    return true;
  };
  double special;
  if (size_t end = parse_special(text, i, negative, &special)) return finish(end, special);

  if (i + 1 < n && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X')) i += 2;
  // The coefficient: its significant hex digits (leading zeros skipped) are what matters;
  // [frac_digits] counts the digits after the point, which scale it by 16^-frac_digits.
  size_t int_begin = i;
  while (i < n && hex_value(text[i]) >= 0) i++;
  size_t int_end = i, frac_begin = i, frac_end = i;
  if (i < n && text[i] == '.') {
    frac_begin = ++i;
    while (i < n && hex_value(text[i]) >= 0) i++;
    frac_end = i;
  }
  size_t frac_digits = frac_end - frac_begin;
  if (int_end - int_begin + frac_digits == 0) return invalid();

  long exp = 0;  // strtol's saturation is part of CPython's behaviour for absurd exponents
  if (i < n && (text[i] == 'p' || text[i] == 'P')) {
    size_t j = i + 1;
    bool exp_negative = false;
    if (j < n && (text[j] == '+' || text[j] == '-')) exp_negative = text[j++] == '-';
    if (j == n || !is_digit(text[j])) return invalid();
    for (; j < n && is_digit(text[j]); j++) {
      long d = text[j] - '0';
      if (exp_negative) exp = exp < (LONG_MIN + d) / 10 ? LONG_MIN : exp * 10 - d;
      else exp = exp > (LONG_MAX - d) / 10 ? LONG_MAX : exp * 10 + d;
    }
    i = j;
  }

  // Gather up to 30 significant hex digits (120 bits, far more than 53 + a rounding bit) and
  // remember whether anything non-zero follows them.
  auto digit_at = [&](size_t k) {  // k-th digit of the coefficient, integer then fraction
    size_t int_count = int_end - int_begin;
    return hex_value(k < int_count ? text[int_begin + k] : text[frac_begin + (k - int_count)]);
  };
  size_t total = int_end - int_begin + frac_digits;
  size_t k = 0;
  while (k < total && digit_at(k) == 0) k++;
  double zero = negative ? -0.0 : 0.0;
  if (k == total || exp < LONG_MIN / 2) return finish(i, zero);
  if (exp > LONG_MAX / 2) return overflow();
  unsigned __int128 acc = 0;
  size_t taken = 0;
  for (; k < total && taken < 30; k++, taken++) acc = acc << 4 | unsigned(digit_at(k));
  bool sticky = false;
  size_t rest = total - k;
  for (; k < total; k++) sticky |= digit_at(k) != 0;

  // value = (acc + tail) * 2^e2 where e2 counts the fraction digits and the digits left out.
  int64_t e2 = int64_t(exp) - 4 * int64_t(frac_digits) + 4 * int64_t(rest);
  int acc_bits = 128 - (acc >> 64 ? __builtin_clzll(uint64_t(acc >> 64))
                                  : 64 + __builtin_clzll(uint64_t(acc)));
  int64_t top = e2 + acc_bits;  // value < 2^top, >= 2^(top-1)
  if (top < -1074) return finish(i, zero);
  if (top > 1024) return overflow();
  // The last bit the double can keep: 53 bits below top, never below the subnormal step.
  int64_t lsb = std::max<int64_t>(top - 53, -1074);
  int64_t drop = lsb - e2;  // low bits of acc that rounding removes
  double value;
  if (drop <= 0) {
    value = std::ldexp(double(uint64_t(acc)), int(e2));  // exact: fewer than 54 bits
  } else {
    uint64_t kept = uint64_t(acc >> drop);
    bool half = (acc >> (drop - 1)) & 1;
    sticky |= (acc & (((unsigned __int128)1 << (drop - 1)) - 1)) != 0;
    if (half && (sticky || (kept & 1))) kept++;
    value = std::ldexp(double(kept), int(lsb));
    if (std::isinf(value)) return overflow();  // rounded up to 2^1024
  }
  return finish(i, negative ? -value : value);
}

}  // namespace tpy::text
