// interp/parse/source.cpp -- Turns the bytes of a source file into UTF-8 text (BOM, coding cookie).
//
// CPython 3.11 decodes source in Parser/tokenizer.c (decode_str for compile() of bytes, and
// tok_underflow_file / check_coding_spec / ensure_utf8 for files). The two paths agree on how
// a cookie is found and named, and differ in what they report:
//   file    unknown codec or undecodable text  -> "encoding problem: NAME"
//           no declaration and bad UTF-8       -> "Non-UTF-8 code starting with '\xNN' ..."
//   string  unknown codec                      -> "unknown encoding: NAME"
//           undecodable text                   -> the codec's own message
//           no declaration and bad UTF-8       -> passed on (literals.cpp reports it)
// tpy knows the codecs utf-8, latin-1 and ascii under all the names Python's codec registry
// gives them; other codecs are reported as unknown.
#include "interp/parse/source.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "interp/unicode/utf8.h"

namespace tpy::parse {
namespace {

using Type = SyntaxErrorInfo::Type;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// -- UTF-8 validation with Python's error ranges --------------------------------------------------

// One step of Python's strict UTF-8 decoder at [i]: the length of a valid sequence, or (with
// [reason] set) of the maximal invalid subpart, which errors='replace' turns into one U+FFFD.
size_t utf8_step(std::string_view s, size_t i, const char*& reason) {
  auto c = static_cast<unsigned char>(s[i]);
  reason = nullptr;
  if (c < 0x80) return 1;
  int need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    reason = "invalid start byte";
    return 1;
  }
  for (int k = 1; k <= need; k++) {
    if (i + k >= s.size()) {
      reason = "unexpected end of data";
      return k;
    }
    auto b = static_cast<unsigned char>(s[i + k]);
    if (b < lo || b > hi) {
      reason = "invalid continuation byte";
      return k;
    }
    lo = 0x80, hi = 0xBF;
  }
  return need + 1;
}

// Offset of the first invalid sequence in [s] at or after [from], or npos.
size_t find_invalid_utf8(std::string_view s, size_t from = 0) {
  const char* reason;
  for (size_t i = from; i < s.size();) {
    uint64_t word;
    if (i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), !(word & kHighBits))) {
      i += 8;  // eight ASCII bytes
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      i++;
      continue;
    }
    size_t n = utf8_step(s, i, reason);
    if (reason) return i;
    i += n;
  }
  return std::string_view::npos;
}

// str() of a UnicodeDecodeError for [len] bad bytes at [pos].
std::string decode_error_text(const char* codec, std::string_view s, size_t pos, size_t len,
                              const char* reason) {
  char buf[160];
  if (len == 1) {
    std::snprintf(buf, sizeof buf, "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                  codec, static_cast<unsigned char>(s[pos]), pos, reason);
  } else {
    std::snprintf(buf, sizeof buf, "'%s' codec can't decode bytes in position %zu-%zu: %s", codec,
                  pos, pos + len - 1, reason);
  }
  return buf;
}

// -- Newlines and lines ---------------------------------------------------------------------------

// \r\n and lone \r become \n, as CPython's translate_newlines and universal-newline reading do.
void translate_newlines(std::string_view in, std::string& out) {
  out.clear();
  if (std::memchr(in.data(), '\r', in.size()) == nullptr) {
    out.assign(in);
    return;
  }
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); i++) {
    char c = in[i];
    if (c == '\r') {
      c = '\n';
      if (i + 1 < in.size() && in[i + 1] == '\n') i++;
    }
    out += c;
  }
}

// The line starting at [start] without its newline, and where the next line starts.
std::string_view line_at(std::string_view s, size_t start, size_t& next) {
  if (start >= s.size()) {
    next = s.size();
    return {};
  }
  size_t nl = s.find('\n', start);
  next = nl == std::string_view::npos ? s.size() : nl + 1;
  return s.substr(start, (nl == std::string_view::npos ? s.size() : nl) - start);
}

// -- Coding cookies (PEP 263) ---------------------------------------------------------------------

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }
inline bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// CPython's get_normal_name: utf-8 and latin-1 spellings (judged on 12 characters,
// lower-cased, '_' as '-') get their canonical name; anything else is kept as written.
std::string normal_name(std::string_view name) {
  std::string buf;
  for (size_t i = 0; i < name.size() && i < 12; i++)
    buf += name[i] == '_' ? '-' : lower(name[i]);
  if (buf == "utf-8" || starts_with(buf, "utf-8-")) return "utf-8";
  for (std::string_view latin : {"latin-1", "iso-8859-1", "iso-latin-1"}) {
    if (buf == latin || (starts_with(buf, latin) && buf.size() > latin.size() &&
                         buf[latin.size()] == '-'))
      return "iso-8859-1";
  }
  return std::string(name);
}

// CPython's get_coding_spec: a comment-only line holding "coding[:=]" and a name.
bool coding_spec(std::string_view line, std::string& spec) {
  size_t n = line.size() < 6 ? 0 : line.size() - 6;
  size_t i = 0;
  for (; i < n; i++) {
    if (line[i] == '#') break;
    if (!is_blank(line[i])) return false;
  }
  for (; i < n; i++) {
    if (line.compare(i, 6, "coding") != 0) continue;
    size_t t = i + 6;
    if (t >= line.size() || (line[t] != ':' && line[t] != '=')) continue;
    do t++;
    while (t < line.size() && (line[t] == ' ' || line[t] == '\t'));
    size_t begin = t;
    while (t < line.size() && (is_alnum(line[t]) || line[t] == '-' || line[t] == '_' ||
                               line[t] == '.'))
      t++;
    if (begin < t) {
      spec = normal_name(line.substr(begin, t - begin));
      return true;
    }
  }
  return false;
}

// A line with nothing but blanks and maybe a comment lets the cookie be on line 2.
bool comment_only(std::string_view line) {
  for (char c : line) {
    if (c == '#') return true;
    if (!is_blank(c)) return false;
  }
  return true;
}

enum class Codec { Unknown, Utf8, Latin1, Ascii };

// Python's codecs.lookup() for the codecs tpy has: the name lower-cased, runs of other
// characters than letters, digits and '.' made one '_', then its aliases.
Codec lookup_codec(std::string_view name) {
  std::string norm;
  bool punct = false;
  for (char c : name) {
    if (is_alnum(c) || c == '.') {
      if (punct && !norm.empty()) norm += '_';
      norm += lower(c);
      punct = false;
    } else {
      punct = true;
    }
  }
  static const struct {
    const char* name;
    Codec codec;
  } kNames[] = {
      {"utf_8", Codec::Utf8}, {"utf_8_sig", Codec::Utf8}, {"u8", Codec::Utf8},
      {"utf", Codec::Utf8}, {"utf8", Codec::Utf8}, {"utf8_ucs2", Codec::Utf8},
      {"utf8_ucs4", Codec::Utf8}, {"cp65001", Codec::Utf8},
      {"latin_1", Codec::Latin1}, {"8859", Codec::Latin1}, {"cp819", Codec::Latin1},
      {"csisolatin1", Codec::Latin1}, {"ibm819", Codec::Latin1}, {"iso8859", Codec::Latin1},
      {"iso8859_1", Codec::Latin1}, {"iso_8859_1", Codec::Latin1},
      {"iso_8859_1_1987", Codec::Latin1}, {"iso_ir_100", Codec::Latin1}, {"l1", Codec::Latin1},
      {"latin", Codec::Latin1}, {"latin1", Codec::Latin1},
      {"ascii", Codec::Ascii}, {"646", Codec::Ascii}, {"ansi_x3.4_1968", Codec::Ascii},
      {"ansi_x3.4_1986", Codec::Ascii}, {"ansi_x3_4_1968", Codec::Ascii},
      {"cp367", Codec::Ascii}, {"csascii", Codec::Ascii}, {"ibm367", Codec::Ascii},
      {"iso646_us", Codec::Ascii}, {"iso_646.irv_1991", Codec::Ascii},
      {"iso_ir_6", Codec::Ascii}, {"us", Codec::Ascii}, {"us_ascii", Codec::Ascii},
  };
  std::string dotless = norm;
  for (char& c : dotless)
    if (c == '.') c = '_';
  for (const auto& n : kNames)
    if (norm == n.name || dotless == n.name) return n.codec;
  return Codec::Unknown;
}

// Decodes [s] with [codec] into UTF-8 [out]; on failure sets [msg] to the codec's message.
bool decode_with(Codec codec, std::string_view s, std::string& out, std::string& msg) {
  if (codec == Codec::Utf8) {
    if (utf8_error_message(s, msg)) return false;
    out.append(s);
    return true;
  }
  for (size_t i = 0; i < s.size(); i++) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += static_cast<char>(b);
    } else if (codec == Codec::Latin1) {
      unicode::encode_utf8(out, b);
    } else {
      msg = decode_error_text("ascii", s, i, 1, "ordinal not in range(128)");
      return false;
    }
  }
  return true;
}

// -- The decoder ----------------------------------------------------------------------------------

struct Decoder {
  std::string_view filename;
  SourceOrigin origin;
  SyntaxErrorInfo& err;

  bool fail(std::string msg) {
    err = SyntaxErrorInfo{};
    err.type = Type::SyntaxError;
    err.msg = std::move(msg);
    err.filename = std::string(filename);
    // A file's encoding error has no location; compile() gives lineno 0 and offset -1.
    err.offset = origin == SourceOrigin::String ? -1 : 0;
    return false;
  }

  // ensure_utf8: the first line of [s] (from [line_no] on) that is not strict UTF-8.
  bool check_utf8(std::string_view s, int line_no) {
    size_t bad = find_invalid_utf8(s);
    if (bad == std::string_view::npos) return true;
    for (size_t i = 0; i < bad; i++)
      if (s[i] == '\n') line_no++;
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[bad]));
    return fail(std::string("Non-UTF-8 code starting with '") + buf + "' in file " +
                std::string(filename) + " on line " + std::to_string(line_no) +
                ", but no encoding declared; see https://peps.python.org/pep-0263/ for details");
  }

  // Text with a cookie naming [spec]; a file decodes only what follows the cookie's line
  // ([after_cookie]), compile() decodes it all.
  bool decode_declared(std::string_view text, const std::string& spec, size_t after_cookie,
                       std::string& out) {
    Codec codec = lookup_codec(spec);
    bool file = origin == SourceOrigin::File;
    if (codec == Codec::Unknown)
      return fail(file ? "encoding problem: " + spec : "unknown encoding: " + spec);
    size_t from = file ? after_cookie : 0;
    std::string decoded(text.substr(0, from));
    std::string msg;
    if (!decode_with(codec, text.substr(from), decoded, msg))
      return fail(file ? "encoding problem: " + spec : msg);
    out = std::move(decoded);
    return true;
  }

  bool decode(std::string_view bytes, std::string& out, SourceInfo* info) {
    std::string text;
    translate_newlines(bytes, text);
    bool bom = starts_with(text, kBom);
    std::string_view body = std::string_view(text).substr(bom ? kBom.size() : 0);
    size_t line2, after_line2;
    std::string_view line1 = line_at(body, 0, line2);
    std::string spec;
    bool cookie = coding_spec(line1, spec);
    size_t after_cookie = line2;
    if (!cookie && comment_only(line1)) {
      cookie = coding_spec(line_at(body, line2, after_line2), spec);
      after_cookie = after_line2;
      // A file's first line is read, and checked, before the second one's cookie.
      if (cookie && !bom && origin == SourceOrigin::File && !check_utf8(line1, 1)) return false;
    }
    if (info) info->declared_encoding = bom || cookie;
    if (cookie && bom && spec != "utf-8") return fail("encoding problem: " + spec + " with BOM");
    if (cookie && spec != "utf-8") return decode_declared(body, spec, after_cookie, out);
    if (!cookie && !bom && origin == SourceOrigin::File && !check_utf8(body, 1)) return false;
    if (bom) text.erase(0, kBom.size());
    out = std::move(text);
    return true;
  }
};

}  // namespace

bool decode_source(std::string_view bytes, std::string_view filename, SourceOrigin origin,
                   std::string& out, SyntaxErrorInfo& err, SourceInfo* info) {
  Decoder d{filename, origin, err};
  return d.decode(bytes, out, info);
}

bool decode_source(std::string_view bytes, std::string& out, SyntaxErrorInfo& err) {
  std::string filename = err.filename;
  return decode_source(bytes, filename, SourceOrigin::File, out, err);
}

// -- UTF-8 helpers --------------------------------------------------------------------------------

bool utf8_error_message(std::string_view s, std::string& msg) {
  size_t bad = find_invalid_utf8(s);
  if (bad == std::string_view::npos) return false;
  const char* reason;
  size_t len = utf8_step(s, bad, reason);
  msg = decode_error_text("utf-8", s, bad, len, reason);
  return true;
}

std::string utf8_replace_invalid(std::string_view s) {
  size_t bad = find_invalid_utf8(s);
  if (bad == std::string_view::npos) return std::string(s);
  std::string out(s.substr(0, bad));
  const char* reason;
  for (size_t i = bad; i < s.size();) {
    size_t n = utf8_step(s, i, reason);
    if (reason) out += "\xEF\xBF\xBD";
    else out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

size_t utf8_count_replace(std::string_view s) {
  size_t count = 0;
  const char* reason;
  for (size_t i = 0; i < s.size(); count++) {
    if (static_cast<unsigned char>(s[i]) < 0x80) i++;
    else i += utf8_step(s, i, reason);
  }
  return count;
}

}  // namespace tpy::parse
