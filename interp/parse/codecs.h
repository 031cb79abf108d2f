// interp/parse/codecs.h -- Python 3.11's text codecs, as a coding cookie names them (PEP 263).
//
// Source decoding (source.cpp) needs what CPython does when it meets `# coding: NAME`: find the
// codec the way codecs.lookup() does, then decode with errors='strict', either in one call
// (compile() of bytes: PyUnicode_Decode) or chunk by chunk as io.TextIOWrapper does for a script
// file. Errors come back as the str() of the exception CPython raises, positions included.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tpy::parse {

// One codec module of CPython's `encodings` package (a row of the generated table).
struct CodecModule;

// codecs.lookup([name]) followed by PyUnicode_Decode's check that the codec is a text encoding.
// On failure returns null and sets [error] to the LookupError's message: "unknown encoding:
// NAME" or "'NAME' is not a text encoding; use codecs.decode() to handle arbitrary codecs".
const CodecModule* lookup_text_codec(std::string_view name, std::string& error);

// The module's name in the `encodings` package ("koi8_r").
std::string_view codec_module_name(const CodecModule& codec);

// A decoding failure: str() of the exception, and whether it is a plain UnicodeError (which
// compile() wraps as "decoding with 'NAME' codec failed (UnicodeError: ...)") rather than a
// UnicodeDecodeError (which it reports as is).
struct DecodeFailure {
  std::string message;
  bool plain = false;
};

// A decoder with errors='strict'. Whole: codecs.decode(data, NAME), all input in one call.
// Stream: codecs.getincrementaldecoder(NAME)(), fed chunk by chunk; a few codecs (utf-16,
// utf-32 without a byte order) behave differently in that form, as in CPython.
class TextDecoder {
 public:
  enum class Mode { Whole, Stream };
  TextDecoder(const CodecModule& codec, Mode mode);

  // Decodes the bytes left pending by the previous call followed by [in], appending code points
  // to [out]. Unless [final], an incomplete sequence at the end stays pending. On failure
  // returns false with [failure] set; positions in its message count from the first pending
  // byte, as CPython's incremental decoders count them.
  bool decode(std::string_view in, bool final, std::u32string& out, DecodeFailure& failure);

 private:
  const CodecModule& m_codec;
  Mode m_mode;
  std::string m_pending;
  int m_state = 0;  // HZ: 1 in GB mode; UTF-16/32 streams: byte order once known (-1 / 1)
};

// -- UTF-8 as Python's codec reads it -------------------------------------------------------------
// The length of the valid sequence at s[i], or with [reason] set, of the maximal invalid subpart
// there ("invalid start byte", "invalid continuation byte", "unexpected end of data").
size_t utf8_step(std::string_view s, size_t i, const char*& reason);
// Offset of the first invalid sequence in [s] at or after [from], or npos.
size_t find_invalid_utf8(std::string_view s, size_t from = 0);

// str() of a UnicodeDecodeError of codec [codec] for bytes [start, end) of [data].
std::string decode_error_message(std::string_view codec, std::string_view data, size_t start,
                                 size_t end, std::string_view reason);

}  // namespace tpy::parse
