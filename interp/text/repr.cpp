// interp/text/repr.cpp -- Python's repr() of floats, complex, str and bytes, shared by all layers.
//
// Floats and the parts of complex numbers are written by float_repr.cpp (CPython's 'r' format
// of PyOS_double_to_string).
#include "interp/text/repr.h"

#include <cmath>

#include "interp/unicode/unicode.h"
#include "interp/unicode/utf8.h"

namespace tpy::text {
namespace {

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

void complex_repr(std::string& out, double real, double imag) {
  if (real == 0 && !std::signbit(real)) {
    double_to_string(out, imag, 'r', 0);
    out += 'j';
    return;
  }
  out += '(';
  double_to_string(out, real, 'r', 0);
  double_to_string(out, imag, 'r', 0, kDtoaSign);
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
