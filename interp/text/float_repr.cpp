// interp/text/float_repr.cpp -- Doubles to text exactly as CPython 3.11 writes them.
//
// std::to_chars does the hard part: shortest round-trip digits (Ryu) and exactly rounded
// fixed/scientific digits at any precision, ties to even -- the digits CPython's dtoa modes 0,
// 2 and 3 produce. What remains is CPython's layout (Python/pystrtod.c, format_float_short):
// where the decimal point goes, when to switch to an exponent, which zeros to keep.
#include "interp/text/float_repr.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>

namespace tpy::text {
namespace {

// Significant digits of a finite non-negative double: d[0..len) with no trailing zeros (a lone
// "0" for zero), the value being 0.d0 d1 d2... x 10^decpt. This is what CPython's dtoa hands
// its layout code.
struct Digits {
  const char* d;
  int len;
  int decpt;
};

// Turns to_chars' scientific output "D[.DDD]e[+-]XX" in [begin, end) into Digits, in place.
Digits split_scientific(char* begin, char* end) {
  char* e = static_cast<char*>(std::memchr(begin, 'e', size_t(end - begin)));
  int exp = 0;
  std::from_chars(e + 1 + (e[1] == '+'), end, exp);
  int len = 1;
  if (e - begin > 2) {  // drop the '.' so the digits are contiguous
    std::memmove(begin + 1, begin + 2, size_t(e - begin - 2));
    len = int(e - begin - 1);
  }
  while (len > 1 && begin[len - 1] == '0') len--;
  return {begin, len, exp + 1};
}

void append_exponent(std::string& out, char e_char, int exp) {
  out += e_char;
  out += exp < 0 ? '-' : '+';
  unsigned a = unsigned(exp < 0 ? -exp : exp);
  if (a < 10) out += '0';  // C's "%+.02d": at least two digits
  char buf[8];
  auto r = std::to_chars(buf, buf + sizeof buf, a);
  out.append(buf, r.ptr);
}

// The 'g' and 'r' layout. Think of the digits extended with zeros on both sides and the point
// before position decpt: the output shows positions up to [end) -- every significant digit (or
// [min_end] of them for '#'), the whole integer part, and with [add_dot_0] one digit after the
// point -- starting at the first digit, or at a single "0" before the point for values < 1.
void layout(std::string& out, Digits dg, bool use_exp, int min_end, bool add_dot_0, bool alt,
            char e_char) {
  int decpt = dg.decpt;
  int exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int end = std::max(min_end, dg.len);
  end = std::max(end, decpt + (add_dot_0 && !use_exp ? 1 : 0));
  if (decpt <= 0) {
    out += "0.";
    out.append(size_t(-decpt), '0');
    out.append(dg.d, size_t(dg.len));
    out.append(size_t(end - dg.len), '0');
  } else {
    int head = std::min(decpt, dg.len);
    out.append(dg.d, size_t(head));
    out.append(size_t(decpt - head), '0');
    // A point after the last digit is only kept by '#' (format(100.0, '#.3g') is "100.").
    if (decpt < end || alt) out += '.';
    if (decpt < dg.len) out.append(dg.d + decpt, size_t(dg.len - decpt));
    out.append(size_t(end - std::max(decpt, dg.len)), '0');
  }
  if (use_exp) append_exponent(out, e_char, exp);
}

// A scratch buffer for to_chars: on the stack for ordinary precisions.
class Scratch {
 public:
  explicit Scratch(size_t n) {
    if (n > sizeof small_) {
      big_.resize(n);
      p_ = big_.data();
    } else {
      p_ = small_;
    }
    n_ = n;
  }
  char* begin() { return p_; }
  char* end() { return p_ + n_; }

 private:
  char small_[128];
  std::string big_;
  char* p_;
  size_t n_;
};

}  // namespace

FloatKind double_to_string(std::string& out, double v, char code, int precision,
                           unsigned flags) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  char kind = upper ? char(code + ('a' - 'A')) : code;
  bool alt = flags & kDtoaAlt;
  bool add_dot_0 = flags & kDtoaAddDot0;
  if (std::isnan(v)) {
    if (flags & kDtoaSign) out += '+';
    out += upper ? "NAN" : "nan";
    return FloatKind::kNaN;
  }
  bool negative = std::signbit(v);
  size_t sign_pos = out.size();
  if (negative) out += '-';
  else if (flags & kDtoaSign) out += '+';
  if (std::isinf(v)) {
    out += upper ? "INF" : "inf";
    return FloatKind::kInfinite;
  }
  double a = std::fabs(v);
  bool reads_as_zero = a == 0;
  switch (kind) {
    case 'f': {
      // Integer digits (at most 309), the point, the fraction: written in place.
      size_t at = out.size();
      size_t need = 312 + size_t(precision);
      out.resize(at + need);
      auto r = std::to_chars(out.data() + at, out.data() + at + need, a,
                             std::chars_format::fixed, precision);
      out.resize(size_t(r.ptr - out.data()));
      reads_as_zero = out.find_first_not_of("0.", at) == std::string::npos;
      if (alt && precision == 0) out += '.';
      break;
    }
    case 'e': {
      // CPython asks dtoa for precision + 1 digits in an int: at INT_MAX that wraps negative
      // and dtoa falls back to one digit, so '.2147483647e' formats like '.0e'.
      if (precision == INT_MAX) precision = 0;
      size_t at = out.size();
      size_t need = 16 + size_t(precision);
      out.resize(at + need);
      auto r = std::to_chars(out.data() + at, out.data() + at + need, a,
                             std::chars_format::scientific, precision);
      out.resize(size_t(r.ptr - out.data()));
      size_t e = out.find('e', at);
      if (upper) out[e] = 'E';
      if (alt && precision == 0) out.insert(e, 1, '.');
      break;
    }
    case 'g': {
      int p = precision == 0 ? 1 : precision;
      // A double has at most 767 significant digits; asking for more only adds zeros, which
      // the layout strips again (or pads back for '#').
      int wanted = std::min(p, 800);
      Scratch buf(size_t(wanted) + 16);
      auto r = std::to_chars(buf.begin(), buf.end(), a, std::chars_format::scientific, wanted - 1);
      Digits dg = split_scientific(buf.begin(), r.ptr);
      // Without a type, format() keeps one digit after the point, so it switches to the
      // exponent form one digit earlier than 'g' (format(123.0, '.3') is '1.23e+02').
      bool use_exp = dg.decpt <= -4 || dg.decpt > (add_dot_0 ? p - 1 : p);
      layout(out, dg, use_exp, alt ? p : 0, add_dot_0, alt, upper ? 'E' : 'e');
      break;
    }
    default: {  // 'r'
      char buf[40];
      auto r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
      Digits dg = split_scientific(buf, r.ptr);
      // 1e16 and up in exponent form: a 17th digit would only show dtoa's padding zeros.
      bool use_exp = dg.decpt <= -4 || dg.decpt > 16;
      layout(out, dg, use_exp, 0, add_dot_0, alt, 'e');
      break;
    }
  }
  if (negative && reads_as_zero && (flags & kDtoaNoNegZero)) {
    if (flags & kDtoaSign) out[sign_pos] = '+';
    else out.erase(sign_pos, 1);
  }
  return FloatKind::kFinite;
}

void float_repr(std::string& out, double v) { double_to_string(out, v, 'r', 0, kDtoaAddDot0); }

std::string float_repr(double v) {
  std::string s;
  float_repr(s, v);
  return s;
}

void float_hex(std::string& out, double v) {
  if (!std::isfinite(v)) {
    float_repr(out, v);
    return;
  }
  uint64_t bits = std::bit_cast<uint64_t>(v);
  if (bits >> 63) out += '-';
  int biased = int((bits >> 52) & 0x7FF);
  uint64_t fraction = bits & ((uint64_t{1} << 52) - 1);
  if (biased == 0 && fraction == 0) {
    out += "0x0.0p+0";
    return;
  }
  // Subnormals keep the exponent of the smallest normal and a leading 0, as CPython shows them.
  int exp = biased == 0 ? -1022 : biased - 1023;
  out += biased == 0 ? "0x0." : "0x1.";
  static constexpr char kHex[] = "0123456789abcdef";
  for (int shift = 48; shift >= 0; shift -= 4) out += kHex[(fraction >> shift) & 0xF];
  out += 'p';
  out += exp < 0 ? '-' : '+';
  out += std::to_string(exp < 0 ? -exp : exp);
}

}  // namespace tpy::text
