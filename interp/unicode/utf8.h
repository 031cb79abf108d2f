// interp/unicode/utf8.h -- UTF-8 / WTF-8 decoding and encoding of single code points.
//
// tpy keeps source text in UTF-8. String constants may hold lone surrogates (from "\ud800"),
// which are stored WTF-8 style: the surrogate's three-byte encoding, which strict UTF-8 forbids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tpy::unicode {

constexpr char32_t kBadCodePoint = 0xFFFFFFFF;

// Decodes the code point at s[i] and advances [i]. Returns kBadCodePoint (advancing by one
// byte) on a malformed sequence; with [allow_surrogates] encoded surrogates are accepted.
inline char32_t decode_utf8(std::string_view s, size_t& i, bool allow_surrogates = false) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) [[likely]] {
    i++;
    return c;
  }
  int n;
  char32_t cp;
  if (c >= 0xC2 && c <= 0xDF) n = 1, cp = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF) n = 2, cp = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4) n = 3, cp = c & 0x07;
  else {
    i++;
    return kBadCodePoint;
  }
  if (i + n >= s.size()) {
    i++;
    return kBadCodePoint;
  }
  for (int k = 1; k <= n; k++) {
    unsigned char t = b(i + k);
    if ((t & 0xC0) != 0x80) {
      i++;
      return kBadCodePoint;
    }
    cp = (cp << 6) | (t & 0x3F);
  }
  bool overlong = (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
  bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  if (overlong || cp > 0x10FFFF || (surrogate && !allow_surrogates)) {
    i++;
    return kBadCodePoint;
  }
  i += n + 1;
  return cp;
}

// Appends the (WTF-)8 encoding of [cp] to [out].
inline void encode_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Text that must survive a round trip through code points unchanged carries each malformed byte
// as kRawByteBase + byte: above every code point, so no property or mapping applies to it.
constexpr char32_t kRawByteBase = 0x110000;

// decode_utf8 (surrogates allowed), with a malformed byte returned as its raw-byte marker.
inline char32_t decode_utf8_or_raw(std::string_view s, size_t& i) {
  size_t at = i;
  char32_t cp = decode_utf8(s, i, true);
  return cp == kBadCodePoint ? kRawByteBase + static_cast<unsigned char>(s[at]) : cp;
}

// encode_utf8, writing a raw-byte marker back as its byte.
inline void encode_utf8_or_raw(std::string& out, char32_t cp) {
  if (cp >= kRawByteBase) out += static_cast<char>(cp - kRawByteBase);
  else encode_utf8(out, cp);
}

// Number of code points in UTF-8 [s] (malformed bytes count one each).
inline size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); n++) decode_utf8(s, i, true);
  return n;
}

}  // namespace tpy::unicode
