// interp/text/format_spec.cpp -- The format-spec mini-language of format(), str.format and f-strings.
//
// A formatted number is laid out as CPython's calc_number_widths describes it:
//   [left padding][sign][prefix][sign padding][grouped digits][.][remainder][right padding]
// where only one of the three paddings is non-empty, "digits" is the integer part (grouped and,
// with '0' fill and '=' alignment, zero-extended through the grouping), and "remainder" is all
// that follows the point: fraction, exponent, '%', or a whole "inf"/"nan" (no digits at all).
#include "interp/text/format_spec.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdio>

#include "interp/text/float_repr.h"
#include "interp/unicode/utf8.h"

namespace tpy::text {
namespace {

// -- Errors -----------------------------------------------------------------------------------------

// How CPython shows a presentation type in messages: the char when printable ASCII, else \x..
std::string code_text(char32_t c) {
  if (c > 32 && c < 128) return std::string(1, char(c));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", unsigned(c));
  return buf;
}

// CPython prints type names with "%.200s".
std::string type_text(const char* type_name) { return std::string(type_name).substr(0, 200); }

bool unknown_code(NumError& err, char32_t type, const char* type_name) {
  return err.set("ValueError", "Unknown format code '" + code_text(type) +
                                   "' for object of type '" + type_text(type_name) + "'");
}

bool precision_too_big(NumError& err) { return err.set("ValueError", "precision too big"); }

// A width no allocation can satisfy: CPython fails with an empty MemoryError when it tries.
bool too_wide(const FormatSpec& spec, NumError& err) {
  if (spec.width < (int64_t{1} << 40)) return false;
  err.set("MemoryError", "");
  return true;
}

// -- Spec parsing -----------------------------------------------------------------------------------

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign(char32_t c) { return c == ' ' || c == '+' || c == '-'; }

// The first code point of each run of ten Unicode decimal digits (category Nd, Unicode 14.0:
// 66 runs, 660 digits), from python3.11's unicodedata.decimal. Every Nd digit sits in such a
// run in order 0..9, which tests/unit/float_format_test.cpp checks against the oracle.
constexpr char32_t kDecimalZeros[] = {
    0x30,    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,
    0xc66,   0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,
    0x1810,  0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,
    0xa8d0,  0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066,
    0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0,
    0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2,
    0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0};

// The spec as code points: specs are short, so a stack buffer nearly always holds them.
class CodePoints {
 public:
  explicit CodePoints(std::string_view s) {
    if (s.size() > sizeof small_ / sizeof small_[0]) {
      big_.reserve(s.size());
      p_ = nullptr;
    } else {
      p_ = small_;
    }
    for (size_t i = 0; i < s.size();) {
      char32_t c = unicode::decode_utf8(s, i, true);
      if (p_) small_[n_++] = c;
      else big_.push_back(c);
    }
    if (!p_) {
      p_ = big_.data();
      n_ = big_.size();
    }
  }
  size_t size() const { return n_; }
  char32_t operator[](size_t i) const { return p_[i]; }

 private:
  char32_t small_[48];
  std::u32string big_;
  const char32_t* p_;
  size_t n_ = 0;
};

// Reads a run of decimal digits at [pos] into [value]; returns how many it read, -1 when the
// value passes Py_ssize_t.
int64_t read_integer(const CodePoints& cp, size_t& pos, int64_t* value, NumError& err) {
  int64_t acc = 0, count = 0;
  for (; pos < cp.size(); pos++, count++) {
    int d = unicode_decimal_value(cp[pos]);
    if (d < 0) break;
    if (acc > (INT64_MAX - d) / 10) {
      err.set("ValueError", "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + d;
  }
  *value = acc;
  return count;
}

// -- Number layout ----------------------------------------------------------------------------------

struct Grouping {
  int size = 0;  // digits per group; 0: no grouping
  char sep = 0;
};

Grouping grouping_for(const FormatSpec& spec, bool binary_base) {
  if (!spec.grouping) return {};
  return {binary_base && spec.grouping == '_' ? 4 : 3, spec.grouping};
}

// CPython's _PyUnicode_InsertThousandsGrouping: groups [digits] from the right and extends
// them with zeros (and separators) to at least [min_width] chars; a group never starts with a
// separator, so the result can be one char wider than asked. Returns the length; with
// [dst_end], also writes the text backwards so that it ends there.
int64_t group_digits(std::string_view digits, int64_t min_width, Grouping g, char* dst_end) {
  int64_t remaining = int64_t(digits.size());
  min_width = std::max<int64_t>(min_width, 0);
  const char* src = digits.data() + digits.size();
  char* dst = dst_end;
  int64_t count = 0;
  auto emit = [&](int64_t chars, int64_t zeros, bool separator) {
    count += chars + zeros + separator;
    if (!dst) return;
    if (separator) *--dst = g.sep;
    for (int64_t k = 0; k < chars; k++) *--dst = *--src;
    for (int64_t k = 0; k < zeros; k++) *--dst = '0';
  };
  if (g.size == 0) {
    int64_t len = std::max({remaining, min_width, int64_t{1}});
    emit(remaining, len - remaining, false);
    return count;
  }
  for (bool separator = false;; separator = true) {
    int64_t len = std::min<int64_t>(g.size, std::max({remaining, min_width, int64_t{1}}));
    int64_t chars = std::min(remaining, len);
    emit(chars, len - chars, separator);
    remaining -= chars;
    min_width -= len;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;  // the separator before the next group
  }
  return count;
}

// Writes a number from its parts with the spec's sign, grouping, fill, alignment and width.
void write_number(std::string& out, const FormatSpec& spec, bool negative,
                  std::string_view prefix, std::string_view digits, bool has_decimal,
                  std::string_view remainder, Grouping g) {
  char sign = negative ? '-' : spec.sign == '+' ? '+' : spec.sign == ' ' ? ' ' : '\0';
  int64_t fixed = (sign != 0) + int64_t(prefix.size()) + has_decimal +
                  int64_t(utf8_length(remainder));
  int64_t min_width = spec.fill == '0' && spec.align == '=' ? spec.width - fixed : 0;
  // No digits happens for 'c' and for inf/nan: nothing to group or zero-extend.
  int64_t grouped = digits.empty() ? 0 : group_digits(digits, min_width, g, nullptr);
  int64_t pad = spec.width - fixed - grouped;
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (pad > 0) {
    switch (spec.align) {
      case '<': rpad = pad; break;
      case '^': lpad = pad / 2, rpad = pad - lpad; break;
      case '=': spad = pad; break;
      default: lpad = pad; break;
    }
  }
  append_fill(out, spec.fill, lpad);
  if (sign) out += sign;
  out += prefix;
  append_fill(out, spec.fill, spad);
  if (grouped) {
    size_t at = out.size();
    out.resize(at + size_t(grouped));
    group_digits(digits, min_width, g, out.data() + out.size());
  }
  if (has_decimal) out += '.';
  out += remainder;
  append_fill(out, spec.fill, rpad);
}

// Splits a formatted float ("-123.45e+06", "inf", "1e+16") into the parts write_number takes.
struct FloatParts {
  bool negative;
  std::string_view digits;
  bool has_decimal;
  std::string_view remainder;
};
FloatParts split_float(std::string_view s) {
  FloatParts p{};
  size_t i = 0;
  if (!s.empty() && s[0] == '-') {
    p.negative = true;
    i = 1;
  }
  size_t d = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') i++;
  p.digits = s.substr(d, i - d);
  p.has_decimal = i < s.size() && s[i] == '.';
  p.remainder = s.substr(i + p.has_decimal);
  return p;
}

// The fixed-width padding of a whole field (CPython's calc_padding), for strings and complex.
void pad_field(std::string& out, const FormatSpec& spec, std::string_view body,
               int64_t body_width) {
  int64_t total = std::max(spec.width, body_width);
  int64_t lpad = spec.align == '>' ? total - body_width
                 : spec.align == '^' ? (total - body_width) / 2
                                     : 0;
  append_fill(out, spec.fill, lpad);
  out += body;
  append_fill(out, spec.fill, total - body_width - lpad);
}

// The double_to_string call format() makes for a float of spec [spec] (CPython's
// format_float_internal and format_complex_internal share this part).
struct FloatCall {
  char code;
  int precision;
  unsigned flags;
};
FloatCall float_call(const FormatSpec& spec, bool for_complex) {
  FloatCall c{char(spec.type), 6, 0};
  if (spec.alternate) c.flags |= kDtoaAlt;
  if (spec.no_neg_zero) c.flags |= kDtoaNoNegZero;
  if (spec.type == '\0') {
    // No type: like repr(), or like 'g' when a precision is given; floats also keep a digit
    // after the point (format(1.0, '.3') is '1.0'), complex numbers do not.
    c.code = 'r';
    c.precision = 0;
    if (!for_complex) c.flags |= kDtoaAddDot0;
  } else if (spec.type == 'n') {
    c.code = 'g';
  } else if (spec.type == '%') {
    c.code = 'f';
  }
  if (spec.precision >= 0) {
    c.precision = int(spec.precision);
    if (c.code == 'r') c.code = 'g';
  }
  return c;
}

bool is_float_type(char32_t t) {
  switch (t) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': case '\0':
      return true;
    default:
      return false;
  }
}

}  // namespace

// -- Helpers ----------------------------------------------------------------------------------------

void append_fill(std::string& out, char32_t fill, int64_t count) {
  if (count <= 0) return;
  if (fill < 0x80) {
    out.append(size_t(count), char(fill));
    return;
  }
  std::string one;
  unicode::encode_utf8(one, fill);
  out.reserve(out.size() + one.size() * size_t(count));
  for (int64_t i = 0; i < count; i++) out += one;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

int unicode_decimal_value(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9' ? int(cp - '0') : -1;
  const char32_t* it = std::upper_bound(std::begin(kDecimalZeros), std::end(kDecimalZeros), cp);
  char32_t zero = it[-1];  // kDecimalZeros[0] is '0', below every cp here
  return cp - zero < 10 ? int(cp - zero) : -1;
}

// -- Parsing ----------------------------------------------------------------------------------------

bool parse_format_spec(std::string_view text, const char* type_name, char32_t default_type,
                       char default_align, FormatSpec* out, NumError& err) {
  CodePoints cp(text);
  size_t n = cp.size(), pos = 0;
  FormatSpec f;
  f.align = default_align;
  f.type = default_type;
  bool align_given = false;
  if (n >= 2 && is_align(cp[1])) {
    f.fill = cp[0];
    f.align = char(cp[1]);
    f.fill_given = align_given = true;
    pos = 2;
  } else if (n >= 1 && is_align(cp[0])) {
    f.align = char(cp[0]);
    align_given = true;
    pos = 1;
  }
  if (pos < n && is_sign(cp[pos])) f.sign = char(cp[pos++]);
  if (pos < n && cp[pos] == 'z') {
    f.no_neg_zero = true;
    pos++;
  }
  if (pos < n && cp[pos] == '#') {
    f.alternate = true;
    pos++;
  }
  // A '0' before the width (without an explicit fill) means zero padding after the sign,
  // unless an alignment was given or the type aligns left by default (str).
  if (!f.fill_given && pos < n && cp[pos] == '0') {
    f.fill = '0';
    if (!align_given && default_align == '>') f.align = '=';
    pos++;
  }
  int64_t count = read_integer(cp, pos, &f.width, err);
  if (count < 0) return false;
  if (count == 0) f.width = -1;
  auto both = [&] { return err.set("ValueError", "Cannot specify both ',' and '_'."); };
  if (pos < n && cp[pos] == ',') {
    f.grouping = ',';
    pos++;
  }
  if (pos < n && cp[pos] == '_') {
    if (f.grouping) return both();
    f.grouping = '_';
    pos++;
  }
  if (pos < n && cp[pos] == ',' && f.grouping == '_') return both();
  if (pos < n && cp[pos] == '.') {
    pos++;
    count = read_integer(cp, pos, &f.precision, err);
    if (count < 0) return false;
    if (count == 0) return err.set("ValueError", "Format specifier missing precision");
  }
  if (n - pos > 1) {
    return err.set("ValueError", "Invalid format specifier '" + std::string(text) +
                                     "' for object of type '" + type_text(type_name) + "'");
  }
  if (n - pos == 1) f.type = cp[pos];
  if (f.grouping) {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f.grouping == '_') break;  // PEP 515: '_' groups hex/oct/bin digits by four
        [[fallthrough]];
      default:
        return err.set("ValueError", std::string("Cannot specify '") + f.grouping + "' with '" +
                                         code_text(f.type) + "'.");
    }
  }
  *out = f;
  return true;
}

// -- float ------------------------------------------------------------------------------------------

bool format_float_spec(std::string& out, const FormatSpec& spec, double v, NumError& err,
                       const char* type_name) {
  if (!is_float_type(spec.type)) return unknown_code(err, spec.type, type_name);
  if (spec.precision > INT_MAX) return precision_too_big(err);
  if (too_wide(spec, err)) return false;
  FloatCall c = float_call(spec, false);
  bool percent = spec.type == '%';
  if (percent) v *= 100;
  // CPython's fast path (no width, sign or grouping) writes dtoa's text as it is; the general
  // path below would give the same text, only slower.
  if (spec.width < 0 && spec.sign != '+' && spec.sign != ' ' && !spec.grouping) {
    double_to_string(out, v, c.code, c.precision, c.flags);
    if (percent) out += '%';
    return true;
  }
  std::string buf;
  double_to_string(buf, v, c.code, c.precision, c.flags);
  if (percent) buf += '%';
  FloatParts p = split_float(buf);
  Grouping g = spec.type == 'n' ? Grouping{} : grouping_for(spec, false);
  write_number(out, spec, p.negative, {}, p.digits, p.has_decimal, p.remainder, g);
  return true;
}

bool format_float(std::string& out, std::string_view spec, double v, NumError& err,
                  const char* type_name) {
  if (spec.empty()) {
    float_repr(out, v);
    return true;
  }
  FormatSpec f;
  if (!parse_format_spec(spec, type_name, '\0', '>', &f, err)) return false;
  return format_float_spec(out, f, v, err, type_name);
}

// -- complex ----------------------------------------------------------------------------------------

bool format_complex_spec(std::string& out, const FormatSpec& spec, double re, double im,
                         NumError& err, const char* type_name) {
  if (spec.type == '%' || !is_float_type(spec.type)) return unknown_code(err, spec.type, type_name);
  if (spec.precision > INT_MAX) return precision_too_big(err);
  if (spec.fill == '0') {
    return err.set("ValueError", "Zero padding is not allowed in complex format specifier");
  }
  if (spec.align == '=') {
    return err.set("ValueError",
                   "'=' alignment flag is not allowed in complex format specifier");
  }
  if (too_wide(spec, err)) return false;
  FloatCall c = float_call(spec, true);
  // Without a type, complex looks like its repr: no real part when it is +0.0, else parens.
  bool skip_re = false, parens = false;
  if (spec.type == '\0') {
    if (re == 0 && !std::signbit(re)) skip_re = true;
    else parens = true;
  }
  std::string re_buf, im_buf;
  double_to_string(re_buf, re, c.code, c.precision, c.flags);
  double_to_string(im_buf, im, c.code, c.precision, c.flags);
  // Each part gets the sign and grouping but no padding; the imaginary part always shows its
  // sign when the real part is there.
  FormatSpec part = spec;
  part.fill = ' ';
  part.align = '<';
  part.width = -1;
  Grouping g = spec.type == 'n' ? Grouping{} : grouping_for(spec, false);
  std::string body;
  if (parens) body += '(';
  if (!skip_re) {
    FloatParts p = split_float(re_buf);
    write_number(body, part, p.negative, {}, p.digits, p.has_decimal, p.remainder, g);
    part.sign = '+';
  }
  FloatParts p = split_float(im_buf);
  write_number(body, part, p.negative, {}, p.digits, p.has_decimal, p.remainder, g);
  body += 'j';
  if (parens) body += ')';
  pad_field(out, spec, body, int64_t(body.size()));
  return true;
}

bool format_complex(std::string& out, std::string_view spec, double re, double im,
                    NumError& err, const char* type_name) {
  FormatSpec f;
  if (spec.empty()) f.align = '>';  // str(complex): the no-type layout, no padding
  else if (!parse_format_spec(spec, type_name, '\0', '>', &f, err)) return false;
  return format_complex_spec(out, f, re, im, err, type_name);
}

// -- int --------------------------------------------------------------------------------------------

bool format_int_spec(std::string& out, const FormatSpec& spec, const IntView& v, NumError& err,
                     const char* type_name) {
  int base;
  switch (spec.type) {
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    case 'd': case 'n': base = 10; break;
    case 'c': base = 0; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d;
      if (!int_view_to_double(v, &d)) {
        return err.set("OverflowError", "int too large to convert to float");
      }
      return format_float_spec(out, spec, d, err, type_name);
    }
    default:
      return unknown_code(err, spec.type, type_name);
  }
  if (spec.precision != -1) {
    return err.set("ValueError", "Precision not allowed in integer format specifier");
  }
  if (spec.no_neg_zero) {
    return err.set("ValueError",
                   "Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (base == 0) {
    if (spec.sign) {
      return err.set("ValueError", "Sign not allowed with integer format specifier 'c'");
    }
    if (spec.alternate) {
      return err.set("ValueError",
                     "Alternate form (#) not allowed with integer format specifier 'c'");
    }
    int64_t x;
    if (!int_view_to_i64(v, &x)) {
      return err.set("OverflowError", "Python int too large to convert to C long");
    }
    if (x < 0 || x > 0x10FFFF) {
      return err.set("OverflowError", "%c arg not in range(0x110000)");
    }
    if (too_wide(spec, err)) return false;
    std::string ch;
    unicode::encode_utf8(ch, char32_t(x));
    write_number(out, spec, false, {}, {}, false, ch, {});
    return true;
  }
  if (too_wide(spec, err)) return false;
  const char* prefix = "";
  if (spec.alternate) {
    prefix = spec.type == 'b' ? "0b" : spec.type == 'o' ? "0o" : spec.type == 'x' ? "0x"
           : spec.type == 'X' ? "0X" : "";
  }
  if (spec.width < 0 && spec.sign != '+' && spec.sign != ' ' && !spec.grouping) {
    if (v.negative) out += '-';
    out += prefix;
    size_t at = out.size();
    int_view_digits(out, v, base);
    if (spec.type == 'X') std::transform(out.begin() + long(at), out.end(), out.begin() + long(at), ::toupper);
    return true;
  }
  std::string digits;
  int_view_digits(digits, v, base);
  if (spec.type == 'X') std::transform(digits.begin(), digits.end(), digits.begin(), ::toupper);
  Grouping g = spec.type == 'n' ? Grouping{} : grouping_for(spec, base != 10);
  write_number(out, spec, v.negative, prefix, digits, false, {}, g);
  return true;
}

bool format_int(std::string& out, std::string_view spec, const IntView& v, NumError& err,
                const char* type_name) {
  FormatSpec f;
  f.type = 'd';  // an empty spec is str(int)
  if (!spec.empty() && !parse_format_spec(spec, type_name, 'd', '>', &f, err)) return false;
  return format_int_spec(out, f, v, err, type_name);
}

bool format_int(std::string& out, std::string_view spec, int64_t v, NumError& err,
                const char* type_name) {
  uint64_t limb;
  return format_int(out, spec, int_view_of(v, &limb), err, type_name);
}

bool format_int_decimal(std::string& out, std::string_view spec, std::string_view decimal,
                        NumError& err, const char* type_name) {
  OwnedInt v;
  if (!parse_decimal_int(decimal, &v)) return err.set("ValueError", "not a decimal int");
  return format_int(out, spec, v.view(), err, type_name);
}

// -- str --------------------------------------------------------------------------------------------

bool format_str_spec(std::string& out, const FormatSpec& spec, std::string_view s, NumError& err,
                     const char* type_name) {
  if (spec.type != 's') return unknown_code(err, spec.type, type_name);
  if (spec.sign == ' ') {
    return err.set("ValueError", "Space not allowed in string format specifier");
  }
  if (spec.sign) return err.set("ValueError", "Sign not allowed in string format specifier");
  if (spec.no_neg_zero) {
    return err.set("ValueError",
                   "Negative zero coercion (z) not allowed in string format specifier");
  }
  if (spec.alternate) {
    return err.set("ValueError", "Alternate form (#) not allowed in string format specifier");
  }
  if (spec.align == '=') {
    return err.set("ValueError", "'=' alignment not allowed in string format specifier");
  }
  if (too_wide(spec, err)) return false;
  int64_t len = int64_t(utf8_length(s));
  if (spec.precision >= 0 && len > spec.precision) {
    // Cut before the lead byte of code point number [precision].
    size_t i = 0;
    for (int64_t k = 0; i < s.size(); i++) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
      if (k++ == spec.precision) break;
    }
    s = s.substr(0, i);
    len = spec.precision;
  }
  pad_field(out, spec, s, len);
  return true;
}

bool format_str(std::string& out, std::string_view spec, std::string_view s, NumError& err,
                const char* type_name) {
  if (spec.empty()) {
    out += s;
    return true;
  }
  FormatSpec f;
  if (!parse_format_spec(spec, type_name, 's', '<', &f, err)) return false;
  return format_str_spec(out, f, s, err, type_name);
}

}  // namespace tpy::text
