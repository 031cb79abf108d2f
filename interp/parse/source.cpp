// interp/parse/source.cpp -- Turns the bytes of a source file into UTF-8 text (BOM, coding cookie).
//
// CPython 3.11 decodes source in Parser/tokenizer.c (decode_str for compile() of bytes, and
// tok_underflow_file / check_coding_spec / ensure_utf8 for files). The two paths agree on how
// a cookie is found and named, and differ in what they report:
//   file    unknown codec, or bytes that the    -> "encoding problem: NAME"
//           first readline() cannot decode
//           bytes that fail to decode later     -> "(unicode error) MSG" at the line before
//           no declaration and bad UTF-8        -> "Non-UTF-8 code starting with '\xNN' ..."
//   string  unknown codec                       -> "unknown encoding: NAME"
//           undecodable bytes                   -> the codec's own message
//           no declaration and bad UTF-8        -> passed on (literals.cpp reports it)
// The codecs themselves live in codecs.cpp.
//
// A file names its codec on line 1 or 2, which the tokenizer reads as bytes. From there on it
// reads through io.open(fd, encoding=NAME), positioned on the last byte of the cookie's line,
// and throws the first readline() away. io.TextIOWrapper decodes 8192-byte chunks, so where
// bytes fail to decode decides the error: in what the first readline() needs, it is an
// "encoding problem"; later it surfaces when the tokenizer asks for a line that is not complete
// in what was decoded so far, and is located at the last line it got. decode_file_stream
// decodes the same chunks to find out which.
#include "interp/parse/source.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "interp/parse/codecs.h"
#include "interp/unicode/utf8.h"

namespace tpy::parse {
namespace {

using Type = SyntaxErrorInfo::Type;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr size_t kTextChunk = 8192;  // io.TextIOWrapper's _CHUNK_SIZE

// -- Newlines and lines ---------------------------------------------------------------------------

// \r\n and lone \r become \n, as CPython's translate_newlines and universal-newline reading do.
template <typename Str>
void translate_newlines(std::basic_string_view<typename Str::value_type> in, Str& out) {
  out.clear();
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); i++) {
    auto c = in[i];
    if (c == '\r') {
      c = '\n';
      if (i + 1 < in.size() && in[i + 1] == '\n') i++;
    }
    out += c;
  }
}

std::string translated(std::string_view in) {
  if (std::memchr(in.data(), '\r', in.size()) == nullptr) return std::string(in);
  std::string out;
  translate_newlines(in, out);
  return out;
}

// A line of untranslated text: its content [begin, end) and where the next line starts (after
// "\n", "\r\n" or "\r").
struct RawLine {
  size_t begin, end, next;
};

template <typename View>
RawLine raw_line(View s, size_t start) {
  size_t i = start;
  while (i < s.size() && s[i] != '\n' && s[i] != '\r') i++;
  size_t next = i;
  if (i < s.size()) next = s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n' ? i + 2 : i + 1;
  return {start, i, next};
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

// Where the cookie was found: its name, its line number and where the line after it starts.
struct Cookie {
  std::string spec;
  int line_no = 0;
  size_t line_next = 0;
};

// -- Decoded text ---------------------------------------------------------------------------------

// str() of the UnicodeEncodeError that encoding [chars] to UTF-8 raises at its first run of
// surrogates, which a str may hold but UTF-8 text may not; false if there are none.
bool surrogate_error(std::u32string_view chars, std::string& msg) {
  auto is_surrogate = [](char32_t c) { return c >= 0xD800 && c <= 0xDFFF; };
  size_t start = 0;
  while (start < chars.size() && !is_surrogate(chars[start])) start++;
  if (start == chars.size()) return false;
  size_t end = start + 1;
  while (end < chars.size() && is_surrogate(chars[end])) end++;
  char buf[128];
  if (end - start == 1) {
    std::snprintf(buf, sizeof buf, "'utf-8' codec can't encode character '\\u%04x' in position "
                  "%zu: surrogates not allowed", static_cast<unsigned>(chars[start]), start);
  } else {
    std::snprintf(buf, sizeof buf, "'utf-8' codec can't encode characters in position %zu-%zu: "
                  "surrogates not allowed", start, end - 1);
  }
  msg = buf;
  return true;
}

void append_utf8(std::string& out, std::u32string_view chars) {
  for (char32_t c : chars) unicode::encode_utf8(out, c);
}

// Ends (past the terminator) of the lines of [chars] that a readline() could return: at a
// chunk boundary ([at_eof] false) io's newline decoder holds a final '\r' back, not knowing yet
// whether "\n" follows, and the unterminated last line waits for more.
std::vector<size_t> readline_ends(std::u32string_view chars, bool at_eof) {
  std::vector<size_t> ends;
  for (size_t i = 0; i < chars.size();) {
    RawLine line = raw_line(chars, i);
    bool held = !at_eof && line.end + 1 == chars.size() && chars[line.end] == '\r';
    if ((line.end == chars.size() && !at_eof) || held) break;
    ends.push_back(line.next);
    i = line.next;
  }
  return ends;
}

// A file's chunk-by-chunk decoding from the cookie line's last byte on: the code points
// decoded, and the failure that stopped it, if any.
struct FileStream {
  std::u32string chars;
  bool failed = false;
  DecodeFailure failure;
  std::vector<size_t> lines;  // readline_ends(chars); lines[0] ends the line thrown away
};

FileStream decode_file_stream(const CodecModule& codec, std::string_view bytes) {
  FileStream fs;
  TextDecoder decoder(codec, TextDecoder::Mode::Stream);
  for (size_t pos = 0;; pos += kTextChunk) {
    std::string_view chunk = pos < bytes.size() ? bytes.substr(pos, kTextChunk) : "";
    bool final = chunk.empty();
    if (!decoder.decode(chunk, final, fs.chars, fs.failure)) {
      fs.failed = true;
      break;
    }
    if (final) break;
  }
  fs.lines = readline_ends(fs.chars, !fs.failed);
  return fs;
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

  // The tokenizer's decoding error after [lineno] lines: CPython's location is the error token
  // it makes (column 0, end column -1) and its text the line as re-read from the file.
  bool fail_at_line(std::string msg, int lineno, std::string text) {
    fail("(unicode error) " + msg);
    err.lineno = err.end_lineno = lineno;
    err.end_offset = -1;
    err.text = std::move(text);
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

  // Line [lineno] of [bytes] decoded alone, as CPython re-reads it for the error's text.
  static std::string line_text(const CodecModule& codec, std::string_view bytes, int lineno) {
    RawLine line{0, 0, 0};
    for (int k = 0; k < lineno; k++) line = raw_line(bytes, line.next);
    std::string raw(bytes.substr(line.begin, line.end - line.begin));
    raw += '\n';
    std::u32string chars;
    DecodeFailure ignored;
    TextDecoder whole(codec, TextDecoder::Mode::Whole);
    if (!whole.decode(raw, true, chars, ignored)) return utf8_replace_invalid(raw);
    std::string text;
    append_utf8(text, chars);
    return text;
  }

  // compile(): the whole text, newlines translated, decoded in one call.
  bool decode_string(std::string_view body, const std::string& spec, std::string& out) {
    // compile() refuses NUL bytes before it decodes; the tokenizer reports them.
    if (std::memchr(body.data(), 0, body.size())) {
      out = translated(body);
      return true;
    }
    std::string msg;
    const CodecModule* codec = lookup_text_codec(spec, msg);
    if (!codec) return fail(msg);
    // The tokenizer decodes exec input with a newline added when it has none.
    std::string text = translated(body);
    bool added = text.empty() || text.back() != '\n';
    if (added) text += '\n';
    std::u32string chars;
    DecodeFailure failure;
    if (!TextDecoder(*codec, TextDecoder::Mode::Whole).decode(text, true, chars, failure)) {
      if (failure.plain)
        return fail("decoding with '" + spec + "' codec failed (UnicodeError: " +
                    failure.message + ")");
      return fail(failure.message);
    }
    if (surrogate_error(chars, msg)) return fail(msg);
    if (added && !chars.empty() && chars.back() == '\n') chars.pop_back();
    out.clear();
    append_utf8(out, chars);
    return true;
  }

  // A script: the lines up to the cookie's as they are, the rest as decode_file_stream decodes
  // it; each line must also be encodable to UTF-8, as the tokenizer converts it.
  bool decode_file(std::string_view body, const Cookie& cookie, std::string& out) {
    std::string msg;
    const CodecModule* codec = lookup_text_codec(cookie.spec, msg);
    if (!codec) return fail("encoding problem: " + cookie.spec);
    FileStream fs = decode_file_stream(*codec, body.substr(cookie.line_next - 1));
    // Failing before the first line is complete fails the readline() that skips it.
    if (fs.failed && fs.lines.empty()) return fail("encoding problem: " + cookie.spec);
    for (size_t k = 1; k < fs.lines.size(); k++) {
      std::u32string_view line(fs.chars.data() + fs.lines[k - 1], fs.lines[k] - fs.lines[k - 1]);
      if (surrogate_error(line, msg)) {
        return fail_at_line(msg, cookie.line_no + int(k) - 1,
                            line_text(*codec, body, cookie.line_no + int(k) - 1));
      }
    }
    if (fs.failed) {
      int lineno = cookie.line_no + int(fs.lines.size()) - 1;
      return fail_at_line(fs.failure.message, lineno, line_text(*codec, body, lineno));
    }
    out = translated(body.substr(0, cookie.line_next));
    std::u32string rest;
    size_t skipped = fs.lines.empty() ? fs.chars.size() : fs.lines[0];
    translate_newlines(std::u32string_view(fs.chars).substr(skipped), rest);
    append_utf8(out, rest);
    return true;
  }

  // The cookie on line 1 or 2 of [body], if any; checks line 1 of a file first when the cookie
  // is on line 2, as the tokenizer reads and checks it before it reads line 2.
  bool find_cookie(std::string_view body, bool bom, Cookie& cookie, bool& found) {
    RawLine line1 = raw_line(body, 0);
    std::string_view text1 = body.substr(0, line1.end);
    found = coding_spec(text1, cookie.spec);
    cookie.line_no = 1;
    cookie.line_next = line1.next;
    if (found || !comment_only(text1) || line1.next >= body.size()) return true;
    RawLine line2 = raw_line(body, line1.next);
    found = coding_spec(body.substr(line2.begin, line2.end - line2.begin), cookie.spec);
    cookie.line_no = 2;
    cookie.line_next = line2.next;
    if (found && !bom && origin == SourceOrigin::File && !check_utf8(text1, 1)) return false;
    return true;
  }

  bool decode(std::string_view bytes, std::string& out, SourceInfo* info) {
    bool bom = starts_with(bytes, kBom);
    std::string_view body = bytes.substr(bom ? kBom.size() : 0);
    Cookie cookie;
    bool found;
    if (!find_cookie(body, bom, cookie, found)) return false;
    if (info) info->declared_encoding = bom || found;
    if (found && bom && cookie.spec != "utf-8")
      return fail("encoding problem: " + cookie.spec + " with BOM");
    if (found && cookie.spec != "utf-8") {
      return origin == SourceOrigin::File ? decode_file(body, cookie, out)
                                          : decode_string(body, cookie.spec, out);
    }
    std::string text = translated(body);
    if (!found && !bom && origin == SourceOrigin::File && !check_utf8(text, 1)) return false;
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
  msg = decode_error_message("utf-8", s, bad, bad + len, reason);
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
