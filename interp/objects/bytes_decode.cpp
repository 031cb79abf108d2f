// interp/objects/bytes_decode.cpp -- bytes.decode: codecs of interp/parse/codecs.h plus Python's error handlers.
//
// UTF-8, ASCII and latin-1 are decoded here directly (they are most of what programs decode);
// every other text codec goes through parse::TextDecoder, which decodes strictly: at a
// failure this file applies the error handler to the reported range and resumes after it.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "interp/objects/bytes_internal.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/str.h"
#include "interp/parse/codecs.h"

namespace tpy {

namespace {

enum class Handler { Strict, Ignore, Replace, BackslashReplace, SurrogateEscape, SurrogatePass, Unknown };

Handler handler_of(std::string_view name) {
  if (name == "strict") return Handler::Strict;
  if (name == "ignore") return Handler::Ignore;
  if (name == "replace") return Handler::Replace;
  if (name == "backslashreplace") return Handler::BackslashReplace;
  if (name == "surrogateescape") return Handler::SurrogateEscape;
  if (name == "surrogatepass") return Handler::SurrogatePass;
  return Handler::Unknown;
}

struct Decode {
  std::string_view data;
  std::string codec;     // as UnicodeDecodeError names it ("utf-8", "ascii", "charmap"...)
  std::string errors;
  Handler handler;
  Value obj;             // the object the exception reports, made on first need
  std::u32string out;
};

Value raise_decode_error(Decode& d, size_t start, size_t end, std::string_view reason) {
  Value obj = d.obj;
  if (obj.is_null() || !is_bytes(obj)) obj = bytes_from_view(d.data);
  if (obj.is_null()) return obj;
  Value args[5] = {str_from_utf8(d.codec), obj, int_from_i64(static_cast<int64_t>(start)),
                   int_from_i64(static_cast<int64_t>(end)), str_from_utf8(reason)};
  for (Value a : args)
    if (a.is_null()) return Value();
  Value exc = exception_new(exc_UnicodeDecodeError, args, 5);
  if (exc.is_null()) return exc;
  return raise_value(exc);
}

// Applies the handler to the undecodable bytes [start, end); returns where decoding resumes,
// or npos with an exception pending.
size_t handle_error(Decode& d, size_t start, size_t end, std::string_view reason) {
  switch (d.handler) {
    case Handler::Strict:
      break;
    case Handler::Ignore:
      return end;
    case Handler::Replace:
      d.out += U'\uFFFD';
      return end;
    case Handler::BackslashReplace:
      for (size_t i = start; i < end; i++) {
        static const char hex[] = "0123456789abcdef";
        auto c = static_cast<unsigned char>(d.data[i]);
        d.out += U'\\';
        d.out += U'x';
        d.out += static_cast<char32_t>(hex[c >> 4]);
        d.out += static_cast<char32_t>(hex[c & 15]);
      }
      return end;
    case Handler::SurrogateEscape: {
      // CPython escapes at most four leading non-ASCII bytes and resumes after them; an
      // ASCII byte first re-raises.
      size_t i = start;
      while (i < end && i - start < 4 && static_cast<unsigned char>(d.data[i]) >= 128) {
        d.out += static_cast<char32_t>(0xDC00 + static_cast<unsigned char>(d.data[i]));
        i++;
      }
      if (i == start) break;
      return i;
    }
    case Handler::SurrogatePass:
      // UTF-8 only: an encoded surrogate ED A0..BF 80..BF.
      if (d.codec == "utf-8" && start + 3 <= d.data.size()) {
        auto b0 = static_cast<unsigned char>(d.data[start]);
        auto b1 = static_cast<unsigned char>(d.data[start + 1]);
        auto b2 = static_cast<unsigned char>(d.data[start + 2]);
        if (b0 == 0xED && b1 >= 0xA0 && b1 <= 0xBF && (b2 & 0xC0) == 0x80) {
          d.out += static_cast<char32_t>(0xD000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
          return start + 3;
        }
      }
      break;
    case Handler::Unknown:
      raise_format(exc_LookupError, "unknown error handler name '%s'", d.errors.c_str());
      return std::string::npos;
  }
  raise_decode_error(d, start, end, reason);
  return std::string::npos;
}

// UTF-8, or ASCII when [ascii_only] (every byte >= 0x80 is then an error of its own).
bool decode_utf8(Decode& d, bool ascii_only) {
  std::string_view s = d.data;
  d.out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      d.out += static_cast<char32_t>(c);
      i++;
      continue;
    }
    const char* reason = "ordinal not in range(128)";
    size_t n = ascii_only ? 1 : parse::utf8_step(s, i, reason);
    if (reason != nullptr) {
      i = handle_error(d, i, i + n, reason);
      if (i == std::string::npos) return false;
      continue;
    }
    char32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n; k++) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    d.out += cp;
    i += n;
  }
  return true;
}

// "'koi8_r' codec can't decode byte 0xNN in position P: reason" (or "bytes in position P-Q"):
// the codec name, range and reason of a TextDecoder failure.
bool parse_failure(const std::string& msg, std::string& codec, size_t& start, size_t& end,
                   std::string& reason) {
  if (msg.size() < 2 || msg[0] != '\'') return false;
  size_t q = msg.find('\'', 1);
  if (q == std::string::npos) return false;
  codec = msg.substr(1, q - 1);
  size_t p = msg.find("in position ", q);
  if (p == std::string::npos) return false;
  p += 12;
  char* e = nullptr;
  start = std::strtoull(msg.c_str() + p, &e, 10);
  end = start + 1;
  if (*e == '-') end = std::strtoull(e + 1, &e, 10) + 1;
  if (e[0] != ':' || e[1] != ' ') return false;
  reason = std::string(e + 2);
  return true;
}

bool decode_with_codec(Decode& d, const parse::CodecModule& codec) {
  // [state] has decoded everything before [pos]: copies of it keep what a stateful codec
  // learnt there (the byte order a UTF-16/32 BOM chose) for the rest of the input.
  std::optional<parse::TextDecoder> state;
  state.emplace(codec, parse::TextDecoder::Mode::Whole);
  size_t pos = 0;
  while (pos < d.data.size() || pos == 0) {
    std::string_view rest = d.data.substr(pos);
    parse::TextDecoder attempt = *state;
    parse::DecodeFailure failure;
    std::u32string piece;
    if (attempt.decode(rest, true, piece, failure)) {
      d.out += piece;
      return true;
    }
    std::string name, reason;
    size_t start, end;
    if (failure.plain || !parse_failure(failure.message, name, start, end, reason)) {
      raise_error(failure.plain ? exc_UnicodeError : exc_UnicodeDecodeError, failure.message);
      return false;
    }
    // The prefix before the failure decodes on its own (not final: it ends mid-stream).
    parse::TextDecoder prefix = *state;
    parse::DecodeFailure ignored;
    if (start > 0) prefix.decode(rest.substr(0, start), false, d.out, ignored);
    state.emplace(prefix);
    d.codec = name;
    size_t next = handle_error(d, pos + start, pos + end, reason);
    if (next == std::string::npos) return false;
    if (next <= pos) next = pos + 1;
    pos = next;
  }
  return true;
}

bool same_name(std::string_view a, const char* b) {
  size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (size_t i = 0; i < n; i++) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c == '_') c = '-';
    if (c != b[i]) return false;
  }
  return true;
}

}  // namespace

Value bytes_decode_data(std::string_view data, const char* encoding, const char* errors,
                        Value obj) {
  Decode d;
  d.data = data;
  d.obj = obj;
  d.errors = errors ? errors : "strict";
  d.handler = handler_of(d.errors);
  std::string_view enc = encoding ? encoding : "utf-8";
  bool ok;
  if (same_name(enc, "utf-8") || same_name(enc, "utf8")) {
    // Valid UTF-8 (the common case) needs no handler: str's own constructor reads it.
    if (parse::find_invalid_utf8(data) == std::string_view::npos) return str_from_utf8(data);
    d.codec = "utf-8";
    ok = decode_utf8(d, false);
  } else if (same_name(enc, "ascii") || same_name(enc, "us-ascii")) {
    d.codec = "ascii";
    ok = decode_utf8(d, true);
  } else if (same_name(enc, "latin-1") || same_name(enc, "latin1") || same_name(enc, "iso-8859-1")) {
    return str_from_latin1(data);
  } else {
    std::string err;
    const parse::CodecModule* codec = parse::lookup_text_codec(enc, err);
    if (codec == nullptr) return raise_error(exc_LookupError, err);
    std::string_view mod = parse::codec_module_name(*codec);
    if (mod == "utf_8") {
      d.codec = "utf-8";
      ok = decode_utf8(d, false);
    } else if (mod == "ascii") {
      d.codec = "ascii";
      ok = decode_utf8(d, true);
    } else if (mod == "latin_1") {
      return str_from_latin1(data);
    } else {
      ok = decode_with_codec(d, *codec);
    }
  }
  if (!ok) return Value();
  return str_from_code_points(reinterpret_cast<const uint32_t*>(d.out.data()), d.out.size());
}

Value bytes_decode(Value obj, Value encoding, Value errors) {
  std::string enc = encoding.is_null() ? "utf-8" : str_to_utf8(encoding);
  std::string err = errors.is_null() ? "strict" : str_to_utf8(errors);
  BufferView v;
  if (!v.get(obj)) return Value();
  return bytes_decode_data(v.bytes(), enc.c_str(), err.c_str(), obj);
}

}  // namespace tpy
