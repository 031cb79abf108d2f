// interp/parse/literals.h -- Values of NUMBER and STRING tokens (escapes, prefixes, bases).
#pragma once

#include <string>
#include <string_view>

#include "interp/parse/ast.h"

namespace tpy::parse {

// Value of a NUMBER token's text (already validated by the tokenizer): Int (int64, or decimal
// digits in the arena when larger), Float, or Complex (imaginary part).
ast::ConstValue decode_number(std::string_view text, Arena& arena);

// Splits a string token's text into its prefix flags and its body (the part between quotes).
struct StringPrefix {
  bool raw = false;
  bool bytes = false;
  bool fstring = false;
  bool unicode = false;  // a `u` prefix: Constant.kind = 'u'
  std::string_view body;
};
StringPrefix split_string_token(std::string_view token_text);

// Decodes escape sequences of a (non-raw) string or bytes body, appending to [out] (WTF-8 for
// str, raw bytes for bytes). Raw bodies are copied. On error returns false and sets [err] to
// CPython's message (e.g. "(unicode error) 'unicodeescape' codec can't decode bytes in position
// 0-1: truncated \xXX escape", "bytes can only contain ASCII literal characters") and
// [err_pos] to the byte offset in [body] the error is about.
bool decode_string_body(std::string_view body, bool raw, bool is_bytes, std::string& out,
                        std::string& err, size_t& err_pos);

}  // namespace tpy::parse
