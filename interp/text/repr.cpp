// interp/text/repr.cpp -- Python's repr() of floats, complex, str and bytes, shared by all layers.
//
// Floats: std::to_chars gives the shortest digits that round-trip (what CPython's dtoa mode 0
// gives); we then lay them out with CPython's 'r' format rules (Python/pystrtod.c):
// exponent form when the decimal exponent is < -4 or >= 16, at least two exponent digits, and
// for repr(float) a ".0" after integral values in positional form.
#include "interp/text/repr.h"

#include <charconv>
#include <cmath>

#include "interp/unicode/unicode.h"
#include "interp/unicode/utf8.h"

namespace tpy::text {
namespace {

// -- Floats ---------------------------------------------------------------------------------------

struct Digits {
  char buf[32];
  int len = 0;  // significant digits in buf, no leading zeros (except for 0.0)
  int exp = 0;  // value = 0.d1d2... x 10^(exp + 1), i.e. d1.d2... x 10^exp
};

// Shortest round-trip digits of finite, non-negative [v].
Digits shortest_digits(double v) {
  char sci[40];
  auto r = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
  Digits d;
  const char* p = sci;
  for (; p < r.ptr && *p != 'e'; p++)
    if (*p != '.') d.buf[d.len++] = *p;
  std::from_chars(p + 1 + (p[1] == '+'), r.ptr, d.exp);
  return d;
}

void append_zeros(std::string& out, int n) { out.append(size_t(n > 0 ? n : 0), '0'); }

void layout_exponent(std::string& out, const Digits& d) {
  out += d.buf[0];
  if (d.len > 1) {
    out += '.';
    out.append(d.buf + 1, size_t(d.len - 1));
  }
  out += d.exp < 0 ? "e-" : "e+";
  int e = d.exp < 0 ? -d.exp : d.exp;
  if (e < 10) out += '0';
  out += std::to_string(e);
}

void layout_fixed(std::string& out, const Digits& d, bool add_dot_0) {
  int point = d.exp + 1;  // digits before the decimal point
  if (point <= 0) {
    out += "0.";
    append_zeros(out, -point);
    out.append(d.buf, size_t(d.len));
  } else if (point < d.len) {
    out.append(d.buf, size_t(point));
    out += '.';
    out.append(d.buf + point, size_t(d.len - point));
  } else {
    out.append(d.buf, size_t(d.len));
    append_zeros(out, point - d.len);
    if (add_dot_0) out += ".0";
  }
}

// CPython's PyOS_double_to_string(v, 'r', 0, flags): [add_dot_0] is Py_DTSF_ADD_DOT_0,
// [sign] is Py_DTSF_SIGN (a '+' before non-negative values; NaN's own sign is ignored).
void format_r(std::string& out, double v, bool add_dot_0, bool sign) {
  if (std::isnan(v)) {
    out += sign ? "+nan" : "nan";
    return;
  }
  if (std::signbit(v)) out += '-';
  else if (sign) out += '+';
  if (std::isinf(v)) {
    out += "inf";
    return;
  }
  Digits d = shortest_digits(std::fabs(v));
  if (d.exp < -4 || d.exp >= 16) layout_exponent(out, d);
  else layout_fixed(out, d, add_dot_0);
}

// -- Strings --------------------------------------------------------------------------------------

constexpr char kHex[] = "0123456789abcdef";

void append_hex(std::string& out, char prefix, uint32_t v, int digits) {
  out += '\\';
  out += prefix;
  for (int k = digits - 1; k >= 0; k--) out += kHex[(v >> (4 * k)) & 0xF];
}

// Python picks ' unless the text contains ' and no ".
char choose_quote(std::string_view s) {
  bool squote = s.find('\'') != std::string_view::npos;
  bool dquote = s.find('"') != std::string_view::npos;
  return squote && !dquote ? '"' : '\'';
}

// The escapes str and bytes share: quote, backslash, \t \n \r and other ASCII controls.
void append_ascii(std::string& out, unsigned char c, char quote) {
  switch (c) {
    case '\t': out += "\\t"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\\': out += "\\\\"; return;
    default: break;
  }
  if (c == quote) {
    out += '\\';
    out += char(c);
  } else if (c < ' ' || c == 0x7F) {
    append_hex(out, 'x', c, 2);
  } else {
    out += char(c);
  }
}

void append_code_point(std::string& out, char32_t cp) {
  bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  if (!surrogate && unicode::is_printable(cp)) unicode::encode_utf8(out, cp);
  else if (cp <= 0xFF) append_hex(out, 'x', cp, 2);
  else if (cp <= 0xFFFF) append_hex(out, 'u', cp, 4);
  else append_hex(out, 'U', cp, 8);
}

}  // namespace

// -- Entry points ---------------------------------------------------------------------------------

void float_repr(std::string& out, double v) { format_r(out, v, true, false); }

void complex_repr(std::string& out, double real, double imag) {
  if (real == 0 && !std::signbit(real)) {
    format_r(out, imag, false, false);
    out += 'j';
    return;
  }
  out += '(';
  format_r(out, real, false, false);
  format_r(out, imag, false, true);
  out += "j)";
}

void str_repr(std::string& out, std::string_view s) {
  char quote = choose_quote(s);
  out += quote;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) [[likely]] {
      append_ascii(out, c, quote);
      i++;
      continue;
    }
    char32_t cp = unicode::decode_utf8(s, i, true);
    if (cp == unicode::kBadCodePoint) append_hex(out, 'x', c, 2);  // not WTF-8: never from tpy
    else append_code_point(out, cp);
  }
  out += quote;
}

void bytes_repr(std::string& out, std::string_view b) {
  char quote = choose_quote(b);
  out += 'b';
  out += quote;
  for (char c : b) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80) append_hex(out, 'x', u, 2);
    else append_ascii(out, u, quote);
  }
  out += quote;
}

}  // namespace tpy::text
