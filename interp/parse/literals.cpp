// interp/parse/literals.cpp -- Values of NUMBER and STRING tokens (escapes, prefixes, bases).
//
// Strings are decoded the way CPython 3.11's parser does it, including its error positions: the
// parser first rewrites a str body into pure ASCII (each non-ASCII character becomes a 10-byte
// `\UXXXXXXXX`, a backslash before a non-ASCII character becomes the 6-byte `\u005c`) and then
// runs the 'unicodeescape' codec over that text, so the "position a-b" of its messages counts
// bytes of the rewritten text. We decode the body directly and only map offsets into that
// rewritten text when we build a message (escaped_offset below).
#include "interp/parse/literals.h"

#include "interp/parse/source.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <gmp.h>
#include <locale.h>

#include "interp/unicode/unicode.h"
#include "interp/unicode/utf8.h"

namespace tpy::parse {
namespace {

// -- Numbers --------------------------------------------------------------------------------------

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

std::string without_underscores(std::string_view text) {
  std::string s;
  s.reserve(text.size());
  for (char c : text)
    if (c != '_') s += c;
  return s;
}

// A big literal: its decimal digits, computed by GMP and kept in the arena.
std::string_view big_decimal(const std::string& digits, int base, Arena& arena) {
  mpz_t z;
  mpz_init(z);
  int rc = mpz_set_str(z, digits.c_str(), base);
  TPY_CHECK(rc == 0, "decode_number: the tokenizer let an invalid integer through");
  size_t cap = mpz_sizeinbase(z, 10) + 2;
  char* buf = static_cast<char*>(arena.alloc(cap, 1));
  mpz_get_str(buf, 10, z);
  mpz_clear(z);
  return {buf, std::strlen(buf)};
}

ast::ConstValue int_value(std::string_view text, int base, Arena& arena) {
  std::string digits = without_underscores(text);
  ast::ConstValue v;
  v.kind = ast::ConstValue::Kind::Int;
  uint64_t acc = 0;
  for (char c : digits) {
    uint64_t d = uint64_t(digit_value(c));
    if (acc > (uint64_t(INT64_MAX) - d) / uint64_t(base)) {
      v.s = big_decimal(digits, base, arena);
      return v;
    }
    acc = acc * uint64_t(base) + d;
  }
  v.i = int64_t(acc);
  return v;
}

// glibc's strtod is correctly rounded; a private "C" locale keeps it independent of whatever
// LC_NUMERIC the process sets later.
double float_value(std::string_view text) {
  static locale_t c_locale = newlocale(LC_ALL_MASK, "C", locale_t(0));
  std::string s = without_underscores(text);
  return strtod_l(s.c_str(), nullptr, c_locale);
}

int int_base(std::string_view text) {
  if (text.size() < 2 || text[0] != '0') return 0;
  switch (text[1]) {
    case 'x': case 'X': return 16;
    case 'o': case 'O': return 8;
    case 'b': case 'B': return 2;
    default: return 0;
  }
}

bool looks_like_float(std::string_view text) {
  return text.find_first_of(".eE") != std::string_view::npos;
}

// -- Escape decoding ------------------------------------------------------------------------------

constexpr size_t kNoEnd = ~size_t(0);

int hex_digit(char c) {
  int d = digit_value(c);
  return d < 16 ? d : -1;
}

bool is_octal(char c) { return c >= '0' && c <= '7'; }

// Offset of body[off] in the ASCII text CPython 3.11 feeds to the 'unicodeescape' codec.
size_t escaped_offset(std::string_view body, size_t off) {
  size_t pos = 0;
  size_t i = 0;
  while (i < off) {
    if (body[i] == '\\') {
      pos++;
      i++;
      if (i == body.size() || (body[i] & 0x80)) pos += 5;  // the `\` becomes `\u005c`
      if (i >= off) break;
    }
    if (body[i] & 0x80) {
      unicode::decode_utf8(body, i, true);
      pos += 10;
    } else {
      pos++;
      i++;
    }
  }
  return pos;
}

// Decodes one (non-raw) str or bytes body. Escapes shared by both live in decode_common().
class EscapeDecoder {
 public:
  EscapeDecoder(std::string_view body, bool is_bytes, std::string& out, std::string& err,
                size_t& err_pos)
      : m_body(body), m_bytes(is_bytes), m_out(out), m_err(err), m_err_pos(err_pos) {}

  bool run() {
    size_t n = m_body.size();
    while (m_pos < n) {
      const char* start = m_body.data() + m_pos;
      const void* bs = std::memchr(start, '\\', n - m_pos);
      size_t run = bs ? size_t(static_cast<const char*>(bs) - start) : n - m_pos;
      m_out.append(start, run);
      m_pos += run;
      if (m_pos < n && !escape()) return false;
    }
    return true;
  }

 private:
  // m_pos is at a backslash: decode the escape and step past it.
  bool escape() {
    size_t start = m_pos++;
    if (m_pos == m_body.size()) return trailing_backslash(start);
    char c = m_body[m_pos++];
    if (decode_common(c)) return true;
    if (m_bytes) return c == 'x' ? bytes_hex(start) : unknown(c);
    switch (c) {
      case 'x': return str_hex(start, 2, "truncated \\xXX escape");
      case 'u': return str_hex(start, 4, "truncated \\uXXXX escape");
      case 'U': return str_hex(start, 8, "truncated \\UXXXXXXXX escape");
      case 'N': return named(start);
      default: return unknown(c);
    }
  }

  // Escapes that mean the same in str and bytes; false if [c] is not one of them.
  bool decode_common(char c) {
    switch (c) {
      case '\n': return true;
      case '\\': case '\'': case '"': m_out += c; return true;
      case 'a': m_out += '\a'; return true;
      case 'b': m_out += '\b'; return true;
      case 'f': m_out += '\f'; return true;
      case 'n': m_out += '\n'; return true;
      case 'r': m_out += '\r'; return true;
      case 't': m_out += '\t'; return true;
      case 'v': m_out += '\v'; return true;
      default: break;
    }
    if (!is_octal(c)) return false;
    char32_t v = char32_t(c - '0');
    for (int k = 0; k < 2 && m_pos < m_body.size() && is_octal(m_body[m_pos]); k++)
      v = v * 8 + char32_t(m_body[m_pos++] - '0');
    emit(v);  // > 0o377 is only a DeprecationWarning in 3.11
    return true;
  }

  // Unknown escapes stay as written. A non-ASCII character after the backslash is copied whole
  // by the main loop, which is what CPython's `\u005c` rewrite amounts to.
  bool unknown(char c) {
    m_out += '\\';
    if (c & 0x80) {
      m_pos--;
      return true;
    }
    m_out += c;
    return true;
  }

  void emit(char32_t cp) {
    if (m_bytes) m_out += static_cast<char>(cp & 0xFF);
    else unicode::encode_utf8(m_out, cp);
  }

  bool str_hex(size_t start, int count, const char* message) {
    char32_t v = 0;
    for (int k = 0; k < count; k++, m_pos++) {
      int d = m_pos < m_body.size() ? hex_digit(m_body[m_pos]) : -1;
      if (d < 0) return unicode_error(start, m_pos, message);
      v = v * 16 + char32_t(d);
    }
    if (v > 0x10FFFF) return unicode_error(start, m_pos, "illegal Unicode character");
    emit(v);
    return true;
  }

  bool named(size_t start) {
    const char* malformed = "malformed \\N character escape";
    if (m_pos == m_body.size() || m_body[m_pos] != '{')
      return unicode_error(start, m_pos, malformed);
    size_t close = m_body.find('}', ++m_pos);
    if (close == std::string_view::npos) return unicode_error(start, m_body.size(), malformed);
    std::string_view name = m_body.substr(m_pos, close - m_pos);
    if (name.empty()) return unicode_error(start, m_pos, malformed);
    m_pos = close + 1;
    char32_t cp;
    if (!is_ascii(name) || !unicode::lookup_name(name, cp))
      return unicode_error(start, m_pos, "unknown Unicode character name");
    emit(cp);
    return true;
  }

  static bool is_ascii(std::string_view s) {
    for (char c : s)
      if (c & 0x80) return false;
    return true;
  }

  bool bytes_hex(size_t start) {
    int hi = m_pos + 1 < m_body.size() ? hex_digit(m_body[m_pos]) : -1;
    int lo = hi >= 0 ? hex_digit(m_body[m_pos + 1]) : -1;
    if (lo < 0) {
      return fail(start, "(value error) invalid \\x escape at position " + std::to_string(start));
    }
    m_out += static_cast<char>(hi * 16 + lo);
    m_pos += 2;
    return true;
  }

  // Unreachable from a real token (its closing quote would be escaped); kept for the literal
  // parts of f-strings, where CPython 3.11 reads a lone final backslash as itself in str.
  bool trailing_backslash(size_t start) {
    if (m_bytes) return fail(start, "(value error) Trailing \\ in string");
    m_out += '\\';
    return true;
  }

  // The codec's UnicodeDecodeError as str() shows it; [end] is exclusive, in body bytes.
  bool unicode_error(size_t start, size_t end, const char* reason) {
    size_t a = escaped_offset(m_body, start);
    size_t b = escaped_offset(m_body, end);
    std::string msg = "(unicode error) 'unicodeescape' codec can't decode ";
    if (b - a == 1) {
      msg += "byte 0x5c in position " + std::to_string(a);
    } else {
      msg += "bytes in position " + std::to_string(a) + "-" + std::to_string(b - 1);
    }
    msg += ": ";
    msg += reason;
    return fail(start, std::move(msg));
  }

  bool fail(size_t pos, std::string msg) {
    m_err = std::move(msg);
    m_err_pos = pos;
    return false;
  }

  std::string_view m_body;
  bool m_bytes;
  std::string& m_out;
  std::string& m_err;
  size_t& m_err_pos;
  size_t m_pos = 0;
};

size_t first_non_ascii(std::string_view s) {
  for (size_t i = 0; i < s.size(); i++)
    if (s[i] & 0x80) return i;
  return kNoEnd;
}

bool is_quote(char c) { return c == '\'' || c == '"'; }

}  // namespace

// -- Entry points ---------------------------------------------------------------------------------

ast::ConstValue decode_number(std::string_view text, Arena& arena) {
  ast::ConstValue v;
  char last = text.empty() ? '\0' : text.back();
  if (last == 'j' || last == 'J') {
    v.kind = ast::ConstValue::Kind::Complex;
    v.f = float_value(text.substr(0, text.size() - 1));
    return v;
  }
  if (int base = int_base(text)) return int_value(text.substr(2), base, arena);
  if (!looks_like_float(text)) return int_value(text, 10, arena);
  v.kind = ast::ConstValue::Kind::Float;
  v.f = float_value(text);
  return v;
}

StringPrefix split_string_token(std::string_view token_text) {
  StringPrefix p;
  size_t q = 0;
  for (; q < token_text.size() && !is_quote(token_text[q]); q++) {
    switch (token_text[q] | 0x20) {
      case 'r': p.raw = true; break;
      case 'b': p.bytes = true; break;
      case 'f': p.fstring = true; break;
      case 'u': p.unicode = true; break;
      default: TPY_UNREACHABLE();
    }
  }
  std::string_view rest = token_text.substr(q);
  size_t quote_len = 1;
  if (rest.size() >= 6 && rest[1] == rest[0] && rest[2] == rest[0]) quote_len = 3;
  TPY_CHECK(rest.size() >= 2 * quote_len, "split_string_token: not a string token");
  p.body = rest.substr(quote_len, rest.size() - 2 * quote_len);
  return p;
}

// Source that was not valid UTF-8 reaches string literals when it came from compile() of
// bytes. CPython decodes a plain body in one go, but a body with escapes one run of non-ASCII
// bytes at a time, so error positions count from the start of that run.
static bool utf8_runs_valid(std::string_view body, bool plain, std::string& err,
                            size_t& err_pos) {
  std::string msg;
  if (plain) {
    if (!utf8_error_message(body, msg)) return true;
    err_pos = 0;
  } else {
    for (size_t i = 0; i < body.size();) {
      if (!(static_cast<unsigned char>(body[i]) & 0x80)) {
        i++;
        continue;
      }
      size_t j = i;
      while (j < body.size() && (static_cast<unsigned char>(body[j]) & 0x80)) j++;
      if (utf8_error_message(body.substr(i, j - i), msg)) {
        err_pos = i;
        break;
      }
      i = j;
    }
    if (msg.empty()) return true;
  }
  err = "(unicode error) " + msg;
  return false;
}

bool decode_string_body(std::string_view body, bool raw, bool is_bytes, std::string& out,
                        std::string& err, size_t& err_pos) {
  if (is_bytes) {
    size_t bad = first_non_ascii(body);
    if (bad != kNoEnd) {
      err = "bytes can only contain ASCII literal characters";
      err_pos = bad;
      return false;
    }
  }
  bool plain = raw || body.find('\\') == std::string_view::npos;
  if (!is_bytes && !utf8_runs_valid(body, plain, err, err_pos)) return false;
  if (plain) {
    out.append(body);
    return true;
  }
  return EscapeDecoder(body, is_bytes, out, err, err_pos).run();
}

}  // namespace tpy::parse
