// interp/objects/str_encode.cpp -- str.encode: the encoders, CPython's error handlers and UnicodeEncodeError.
//
// Codec names are looked up as codecs.lookup() does (interp/parse/codecs.h). Encoded here: UTF-8
// (and utf_8_sig), UTF-16 and UTF-32 in each byte order, ASCII, Latin-1, unicode_escape,
// raw_unicode_escape, UTF-7, and every single-byte codec, whose encoding map is the inverse of
// its decoding table (read back through the codec's own decoder, as codecs.charmap_build does).
// The multibyte codecs (the CJK ones) encode ASCII text only, other text is NotImplementedError.
#include <array>
#include <cstdio>
#include <mutex>
#include <string>
#include <unordered_map>

#include "interp/objects/bytes.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str_internal.h"
#include "interp/objects/tuple.h"
#include "interp/parse/codecs.h"
#include "interp/unicode/unicode.h"
#include "interp/unicode/utf8.h"

namespace tpy {

namespace {

enum class Handler { Strict, Ignore, Replace, XmlCharRef, Backslash, Name, SurrogateEscape,
                     SurrogatePass, Unknown };

Handler handler_of(std::string_view name) {
  if (name == "strict") return Handler::Strict;
  if (name == "ignore") return Handler::Ignore;
  if (name == "replace") return Handler::Replace;
  if (name == "xmlcharrefreplace") return Handler::XmlCharRef;
  if (name == "backslashreplace") return Handler::Backslash;
  if (name == "namereplace") return Handler::Name;
  if (name == "surrogateescape") return Handler::SurrogateEscape;
  if (name == "surrogatepass") return Handler::SurrogatePass;
  return Handler::Unknown;
}

inline bool is_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

void append_backslash(std::string& out, uint32_t c) {
  char buf[16];
  if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", c);
  else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", c);
  else std::snprintf(buf, sizeof buf, "\\U%08x", c);
  out += buf;
}

struct Encoding {
  Value str;
  const char* codec;   // the name UnicodeEncodeErrors show
  const char* reason;  // why a character cannot be encoded
  Handler handler;
  std::string errors;  // the handler's name, for "unknown error handler name"
  std::string out;
  // The encoding as the caller wrote it when CPython would go through the codec registry
  // (which words a failing handler lookup as "encoding with 'NAME' codec failed (...)").
  std::string registry_name;

  uint32_t at(int64_t i) const { return as_str(str)->at(i); }
  int64_t length() const { return str_length(str); }

  bool fail(int64_t start, int64_t end) {
    if (handler == Handler::Unknown) {
      if (registry_name.empty())
        raise_format(exc_LookupError, "unknown error handler name '%s'", errors.c_str());
      else
        raise_format(exc_LookupError,
                     "encoding with '%s' codec failed (LookupError: unknown error handler name '%s')",
                     registry_name.c_str(), errors.c_str());
      return false;
    }
    Value args[5] = {str_from_utf8(codec), str, Value::from_int(start), Value::from_int(end),
                     str_from_utf8(reason)};
    for (Value a : args)
      if (a.is_null()) return false;
    Value exc = exception_new(exc_UnicodeEncodeError, args, 5);
    if (!exc.is_null()) raise_value(exc);
    return false;
  }

  // surrogateescape: the bytes of the U+DC80..U+DCFF prefix of s[i:end]; returns where that
  // prefix ends (end when the whole run was escaped).
  int64_t escape_surrogates(int64_t i, int64_t end) {
    for (; i < end; i++) {
      uint32_t c = at(i);
      if (c < 0xDC80 || c > 0xDCFF) break;
      out += static_cast<char>(c - 0xDC00);
    }
    return i;
  }

  // replace, xmlcharrefreplace, backslashreplace, namereplace: the replacement text of each
  // character of s[i:end], handed to [put] one ASCII character at a time (false: the codec
  // cannot encode it, which fails the run).
  template <class Put>
  bool put_replacements(int64_t i, int64_t end, Put put) {
    std::string rep;
    for (int64_t k = i; k < end; k++) {
      replacement(at(k), rep);
      for (char c : rep)
        if (!put(static_cast<unsigned char>(c))) return fail(i, end);
    }
    return true;
  }

  // The replacement text of the ASCII-producing handlers for s[i], or false when this handler
  // does not produce text (the caller deals with it).
  bool replacement(uint32_t c, std::string& rep) const {
    switch (handler) {
      case Handler::Replace: rep = "?"; return true;
      case Handler::XmlCharRef: rep = "&#" + std::to_string(c) + ";"; return true;
      case Handler::Backslash: rep.clear(); append_backslash(rep, c); return true;
      case Handler::Name: {
        std::string name;
        rep.clear();
        if (unicode::char_name(c, name)) rep = "\\N{" + name + "}";
        else append_backslash(rep, c);
        return true;
      }
      default: return false;
    }
  }
};

// -- Single-byte encoders (ascii, latin-1, charmap) -----------------------------------------------------

// CPython's unicode_encode_ucs1 / charmap_encoding_error: runs of unencodable characters go to
// the handler together. [map] gives a character's byte or -1; replacement text is itself
// encoded through it (EBCDIC code pages do not map ASCII to itself).
template <class Map>
bool encode_single_byte(Encoding& e, Map map) {
  const int64_t n = e.length();
  for (int64_t i = 0; i < n;) {
    int b = map(e.at(i));
    if (b >= 0) {
      e.out += static_cast<char>(b);
      i++;
      continue;
    }
    int64_t end = i + 1;
    while (end < n && map(e.at(end)) < 0) end++;
    switch (e.handler) {
      case Handler::Ignore: break;
      case Handler::SurrogateEscape:
        if (e.escape_surrogates(i, end) < end) return e.fail(i, end);
        break;
      case Handler::Replace: case Handler::XmlCharRef: case Handler::Backslash:
      case Handler::Name:
        if (!e.put_replacements(i, end, [&](unsigned char c) {
              int b = map(c);
              if (b >= 0) e.out += static_cast<char>(b);
              return b >= 0;
            }))
          return false;
        break;
      default: return e.fail(i, end);
    }
    i = end;
  }
  return true;
}

// What tpy knows of a codec without an encoder of its own, read back through its decoder as
// codecs.charmap_build does: a single-byte codec's whole encoding map, or for a multibyte one
// the ASCII bytes that decode to themselves (enough to encode ASCII text).
struct DecodedTable {
  bool single_byte = true;
  std::unordered_map<uint32_t, uint8_t> map;  // single-byte codecs
  std::array<bool, 128> ascii_identity{};
};

const DecodedTable& decoded_table(const parse::CodecModule& codec) {
  static std::mutex lock;
  static std::unordered_map<const parse::CodecModule*, DecodedTable*> cache;
  std::lock_guard<std::mutex> guard(lock);
  auto it = cache.find(&codec);
  if (it != cache.end()) return *it->second;
  auto* table = new DecodedTable;
  for (int b = 0; b < 256; b++) {
    parse::TextDecoder dec(codec, parse::TextDecoder::Mode::Whole);
    std::u32string cps;
    parse::DecodeFailure failure;
    char byte = static_cast<char>(b);
    if (dec.decode(std::string_view(&byte, 1), true, cps, failure)) {
      if (cps.size() != 1) table->single_byte = false;
      else table->map.emplace(cps[0], static_cast<uint8_t>(b));  // the first byte wins
      if (b < 128) table->ascii_identity[b] = cps.size() == 1 && cps[0] == static_cast<char32_t>(b);
    } else if (failure.message.find("character maps to <undefined>") == std::string::npos) {
      table->single_byte = false;
    }
  }
  if (!table->single_byte) table->map.clear();
  cache.emplace(&codec, table);
  return *table;
}

// -- UTF-7 (RFC 2152 as CPython writes it: set O and white space direct) ------------------------------

// 0: set D, 1: set O, 2: white space (all written as themselves), 3: base64-encoded.
constexpr char kUtf7Category[129] =
    "3333333332233233" "3333333333333333" "2111111000130000" "0000000000011110"
    "1000000000000000" "0000000000013111" "1000000000000000" "0000000000011133";

void encode_utf7(Encoding& e) {
  static const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  auto direct = [](uint32_t c) { return c > 0 && c < 128 && kUtf7Category[c] != '3'; };
  auto is_base64 = [](uint32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/';
  };
  bool shifted = false;
  int bits = 0;
  uint64_t buffer = 0;
  auto push16 = [&](uint32_t unit) {
    bits += 16;
    buffer = (buffer << 16) | unit;
    while (bits >= 6) {
      e.out += kBase64[(buffer >> (bits - 6)) & 0x3F];
      bits -= 6;
    }
  };
  for (int64_t i = 0; i < e.length(); i++) {
    uint32_t c = e.at(i);
    if (shifted && direct(c)) {
      if (bits) e.out += kBase64[(buffer << (6 - bits)) & 0x3F];
      bits = 0;
      buffer = 0;
      shifted = false;
      // A character outside the base64 set ends the shift by itself; '-' and base64 ones need '-'.
      if (is_base64(c) || c == '-') e.out += '-';
      e.out += static_cast<char>(c);
      continue;
    }
    if (!shifted) {
      if (c == '+') {
        e.out += "+-";
        continue;
      }
      if (direct(c)) {
        e.out += static_cast<char>(c);
        continue;
      }
      e.out += '+';
      shifted = true;
    }
    if (c >= 0x10000) {
      push16(0xD800 | ((c - 0x10000) >> 10));
      c = 0xDC00 | ((c - 0x10000) & 0x3FF);
    }
    push16(c);
  }
  if (bits) e.out += kBase64[(buffer << (6 - bits)) & 0x3F];
  if (shifted) e.out += '-';
}

// -- UTF-8 ------------------------------------------------------------------------------------------------

// Runs of surrogates go to the handler together, as in CPython's UTF-8 encoder.
bool encode_utf8(Encoding& e) {
  const int64_t n = e.length();
  for (int64_t i = 0; i < n;) {
    uint32_t c = e.at(i);
    if (!is_surrogate(c)) {
      unicode::encode_utf8(e.out, c);
      i++;
      continue;
    }
    int64_t end = i + 1;
    while (end < n && is_surrogate(e.at(end))) end++;
    switch (e.handler) {
      case Handler::Ignore: break;
      case Handler::SurrogatePass:
        for (int64_t k = i; k < end; k++) unicode::encode_utf8(e.out, e.at(k));
        break;
      case Handler::SurrogateEscape:
        if (int64_t k = e.escape_surrogates(i, end); k < end) return e.fail(k, end);
        break;
      case Handler::Replace: case Handler::XmlCharRef: case Handler::Backslash:
      case Handler::Name:
        e.put_replacements(i, end, [&](unsigned char c) {
          e.out += static_cast<char>(c);
          return true;
        });
        break;
      default: return e.fail(i, end);
    }
    i = end;
  }
  return true;
}

// -- UTF-16 and UTF-32 ---------------------------------------------------------------------------------

void put_unit(std::string& out, uint32_t u, int width, bool big) {
  for (int k = 0; k < width; k++) {
    int shift = big ? 8 * (width - 1 - k) : 8 * k;
    out += static_cast<char>((u >> shift) & 0xFF);
  }
}

void put_utf16_32(std::string& out, uint32_t c, int width, bool big) {
  if (width == 2 && c >= 0x10000) {
    c -= 0x10000;
    put_unit(out, 0xD800 | (c >> 10), 2, big);
    put_unit(out, 0xDC00 | (c & 0x3FF), 2, big);
  } else {
    put_unit(out, c, width, big);
  }
}

// Each surrogate is its own error here (CPython's UTF-16/32 encoders); surrogateescape's
// single bytes never fit a code unit, so it fails as strict does.
bool encode_utf16_32(Encoding& e, int width, bool big, bool bom) {
  if (bom) put_unit(e.out, 0xFEFF, width, big);
  const int64_t n = e.length();
  for (int64_t i = 0; i < n; i++) {
    uint32_t c = e.at(i);
    if (!is_surrogate(c)) {
      put_utf16_32(e.out, c, width, big);
      continue;
    }
    switch (e.handler) {
      case Handler::Ignore: break;
      case Handler::SurrogatePass: put_unit(e.out, c, width, big); break;
      case Handler::Replace: case Handler::XmlCharRef: case Handler::Backslash:
      case Handler::Name:
        e.put_replacements(i, i + 1, [&](unsigned char r) {
          put_unit(e.out, r, width, big);
          return true;
        });
        break;
      default: return e.fail(i, i + 1);
    }
  }
  return true;
}

// -- The escape codecs -------------------------------------------------------------------------------------

void encode_escape(Encoding& e, bool raw) {
  const int64_t n = e.length();
  for (int64_t i = 0; i < n; i++) {
    uint32_t c = e.at(i);
    if (raw) {
      if (c < 0x100) e.out += static_cast<char>(c);
      else append_backslash(e.out, c);
      continue;
    }
    switch (c) {
      case '\\': e.out += "\\\\"; break;
      case '\t': e.out += "\\t"; break;
      case '\n': e.out += "\\n"; break;
      case '\r': e.out += "\\r"; break;
      default:
        if (c >= 0x20 && c < 0x7F) e.out += static_cast<char>(c);
        else append_backslash(e.out, c);
    }
  }
}

// The names PyUnicode_AsEncodedString encodes without the codec registry, after its
// _Py_normalize_encoding (lower case, other runs than letters, digits and '.' as one '_').
bool builtin_fast_path(std::string_view encoding) {
  std::string norm;
  bool punct = false;
  for (char c : encoding) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || c == '.') {
      if (punct && !norm.empty()) norm += '_';
      punct = false;
      norm += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    } else {
      punct = true;
    }
  }
  for (const char* name : {"utf8", "utf_8", "utf16", "utf_16", "utf32", "utf_32", "ascii",
                           "us_ascii", "latin1", "latin_1", "iso_8859_1", "iso8859_1"})
    if (norm == name) return true;
  return false;
}

}  // namespace

Value str_encode(Value s, std::string_view encoding, std::string_view errors) {
  Encoding e{s, "", "", handler_of(errors), std::string(errors), {}, {}};
  if (!builtin_fast_path(encoding)) e.registry_name = std::string(encoding);
  // The common names skip the registry (whose normalisation maps them to the same modules).
  std::string_view module;
  std::string lookup_error;
  if (encoding == "utf-8" || encoding == "utf8") {
    module = "utf_8";
  } else {
    const parse::CodecModule* codec = parse::lookup_text_codec(encoding, lookup_error);
    if (!codec) {
      size_t at = lookup_error.find("codecs.decode()");
      if (at != std::string::npos) lookup_error.replace(at, 15, "codecs.encode()");
      return raise_error(exc_LookupError, lookup_error);
    }
    module = parse::codec_module_name(*codec);
    if (module != "utf_8" && module != "utf_8_sig" && module != "ascii" && module != "latin_1" &&
        module.substr(0, 6) != "utf_16" && module.substr(0, 6) != "utf_32" &&
        module != "unicode_escape" && module != "raw_unicode_escape" && module != "utf_7") {
      const DecodedTable& table = decoded_table(*codec);
      if (!table.single_byte) {
        for (int64_t i = 0; i < str_length(s); i++) {
          uint32_t c = as_str(s)->at(i);
          if (c >= 128 || !table.ascii_identity[c])
            return raise_format(exc_NotImplementedError, "tpy cannot encode to '%.*s' yet",
                                static_cast<int>(module.size()), module.data());
          e.out += static_cast<char>(c);
        }
        return bytes_from_data(e.out.data(), e.out.size());
      }
      e.codec = "charmap";
      e.reason = "character maps to <undefined>";
      if (!encode_single_byte(e, [&table](uint32_t c) -> int {
            auto it = table.map.find(c);
            return it == table.map.end() ? -1 : it->second;
          }))
        return Value();
      return bytes_from_data(e.out.data(), e.out.size());
    }
  }
  std::string_view ascii = str_ascii_view(s);
  bool is_ascii = as_str(s)->ascii();
  if (is_ascii && (module == "utf_8" || module == "ascii" || module == "latin_1"))
    return bytes_from_data(ascii.data(), ascii.size());
  bool ok = true;
  if (module == "utf_8" || module == "utf_8_sig") {
    e.codec = "utf-8";
    e.reason = "surrogates not allowed";
    if (module == "utf_8_sig") e.out = "\xEF\xBB\xBF";
    ok = encode_utf8(e);
  } else if (module == "ascii" || module == "latin_1") {
    bool latin1 = module == "latin_1";
    e.codec = latin1 ? "latin-1" : "ascii";
    e.reason = latin1 ? "ordinal not in range(256)" : "ordinal not in range(128)";
    uint32_t limit = latin1 ? 0x100 : 0x80;
    ok = encode_single_byte(e, [limit](uint32_t c) { return c < limit ? static_cast<int>(c) : -1; });
  } else if (module == "utf_7") {
    encode_utf7(e);
  } else if (module == "unicode_escape" || module == "raw_unicode_escape") {
    encode_escape(e, module == "raw_unicode_escape");
  } else {
    // utf_16, utf_16_le, utf_16_be, utf_32...: no suffix writes a BOM in native (little) order.
    int width = module.substr(0, 6) == "utf_16" ? 2 : 4;
    std::string_view order = module.substr(6);
    static const char* const names[2][3] = {{"utf-16", "utf-16-le", "utf-16-be"},
                                            {"utf-32", "utf-32-le", "utf-32-be"}};
    int o = order == "_le" ? 1 : order == "_be" ? 2 : 0;
    e.codec = names[width == 4][o];
    e.reason = "surrogates not allowed";
    ok = encode_utf16_32(e, width, o == 2, o == 0);
  }
  if (!ok) return Value();
  return bytes_from_data(e.out.data(), e.out.size());
}

Value m_encode(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"encoding", "errors", nullptr};
  Value encoding, errors;
  ArgSpec spec{"encode", kw, 0, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&encoding, &errors})) return Value();
  if (!encoding.is_null() && !is_str(encoding))
    return raise_format(exc_TypeError, "encode() argument 'encoding' must be str, not %.200s",
                        clinic_type_name(encoding));
  if (!errors.is_null() && !is_str(errors))
    return raise_format(exc_TypeError, "encode() argument 'errors' must be str, not %.200s",
                        clinic_type_name(errors));
  std::string enc = encoding.is_null() ? "utf-8" : str_to_utf8(encoding);
  std::string err = errors.is_null() ? "strict" : str_to_utf8(errors);
  return str_encode(self, enc, err);
}

}  // namespace tpy
