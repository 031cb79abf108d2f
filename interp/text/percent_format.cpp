// interp/text/percent_format.cpp -- The number conversions of printf-style `str % args` and padding.
//
// Each conversion first becomes a body ("-0x00ff", "1.500000e+00", "A", or the text), then one
// padding routine places sign, 0x/0o prefix and fill around it: with '0' the sign and prefix go
// before the zeros, otherwise before the digits after the spaces; '-' pads on the right with
// spaces.
#include "interp/text/percent_format.h"

#include <algorithm>
#include <cctype>

#include "interp/text/float_repr.h"
#include "interp/text/format_spec.h"
#include "interp/unicode/utf8.h"

namespace tpy::text {
namespace {

bool is_text_conv(char c) { return c == 's' || c == 'r' || c == 'a'; }
bool has_prefix(const PercentSpec& spec) {
  return spec.alt && (spec.conv == 'o' || spec.conv == 'x' || spec.conv == 'X');
}

// The prefix of [s] holding its first [n] code points.
std::string_view first_code_points(std::string_view s, int64_t n) {
  size_t i = 0;
  for (int64_t k = 0; i < s.size(); i++) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (k++ == n) break;
  }
  return s.substr(0, i);
}

// [numeric]: the body may carry a sign and gets '+' / ' ' / zero padding (CPython's
// arg->sign, set for every number conversion but not for %c and text).
void emit(std::string& out, const PercentSpec& spec, std::string_view body, bool numeric) {
  int64_t len = int64_t(utf8_length(body));
  int64_t width = spec.width;
  if ((width < 0 || width <= len) && (spec.precision < 0 || spec.precision >= len) &&
      !spec.plus && !spec.blank) {
    out += body;
    return;
  }
  if (is_text_conv(spec.conv) && spec.precision >= 0 && len > spec.precision) {
    body = first_code_points(body, spec.precision);
    len = spec.precision;
  }
  char fill = numeric && spec.zero ? '0' : ' ';
  char sign = 0;
  size_t at = 0;
  if (numeric) {
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
      sign = body[0];
      at = 1;
      len--;
    } else if (spec.plus) {
      sign = '+';
    } else if (spec.blank) {
      sign = ' ';
    }
  }
  width = std::max(width, len);
  if (sign) {
    if (fill != ' ') out += sign;
    if (width > len) width--;
  }
  bool prefix = has_prefix(spec);
  if (prefix) {
    if (fill != ' ') {
      out += body.substr(at, 2);
      at += 2;
    }
    width = std::max<int64_t>(width - 2, 0);
    len -= 2;
  }
  if (width > len && !spec.left) {
    out.append(size_t(width - len), fill);
    width = len;
  }
  if (fill == ' ') {
    if (sign) out += sign;
    if (prefix) {
      out += body.substr(at, 2);
      at += 2;
    }
  }
  out += body.substr(at);
  if (width > len) out.append(size_t(width - len), ' ');
}

}  // namespace

void percent_format_int(std::string& out, const PercentSpec& spec, const IntView& v) {
  int base = spec.conv == 'o' ? 8 : spec.conv == 'x' || spec.conv == 'X' ? 16 : 10;
  std::string body;
  if (v.negative) body += '-';
  if (has_prefix(spec)) {
    body += '0';
    body += spec.conv;
  }
  std::string digits;
  int_view_digits(digits, v, base);
  // The precision is a minimum digit count, reached with zeros after the sign and prefix.
  if (spec.precision > int64_t(digits.size()))
    body.append(size_t(spec.precision) - digits.size(), '0');
  if (spec.conv == 'X') std::transform(digits.begin(), digits.end(), digits.begin(), ::toupper);
  body += digits;
  emit(out, spec, body, true);
}

void percent_format_int(std::string& out, const PercentSpec& spec, int64_t v) {
  uint64_t limb;
  percent_format_int(out, spec, int_view_of(v, &limb));
}

void percent_format_float(std::string& out, const PercentSpec& spec, double v) {
  int precision = spec.precision < 0 ? 6 : int(std::min<int64_t>(spec.precision, INT32_MAX));
  std::string body;
  double_to_string(body, v, spec.conv, precision, spec.alt ? unsigned(kDtoaAlt) : 0u);
  emit(out, spec, body, true);
}

bool percent_char_from_int(const IntView& v, char32_t* out, NumError& err) {
  int64_t x;
  if (!int_view_to_i64(v, &x) || x < 0 || x > 0x10FFFF) {
    return err.set("OverflowError", "%c arg not in range(0x110000)");
  }
  *out = char32_t(x);
  return true;
}

void percent_format_char(std::string& out, const PercentSpec& spec, char32_t c) {
  std::string body;
  unicode::encode_utf8(body, c);
  emit(out, spec, body, false);
}

void percent_format_text(std::string& out, const PercentSpec& spec, std::string_view text) {
  emit(out, spec, text, false);
}

}  // namespace tpy::text
