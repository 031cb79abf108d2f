// interp/parse/token.h -- Token kinds (from tokens.def) and the Token record.
#pragma once

#include <cstdint>
#include <string_view>

namespace tpy::parse {

enum class Tok : uint8_t {
#define TPY_TOKEN(Name, text) Name,
#define TPY_KEYWORD(Name, text) Kw##Name,
#include "interp/parse/tokens.def"
#undef TPY_TOKEN
#undef TPY_KEYWORD
  Count
};

// "NAME", "'('", "'def'" ...: how error messages and token dumps spell a kind.
const char* token_name(Tok);
// The fixed text of an operator or keyword kind ("" for NAME, NUMBER, ...).
std::string_view token_text(Tok);

inline bool is_keyword(Tok t) { return t >= Tok::KwFalse && t < Tok::Count; }

// One token. Positions follow CPython's: 1-based lines, 0-based byte columns into the UTF-8
// source; [start, end) are byte offsets into the tokenizer's buffer (for STRING the whole
// literal with prefix and quotes, for NEWLINE/INDENT/DEDENT/ENDMARKER possibly empty).
struct Token {
  Tok kind = Tok::EndMarker;
  uint32_t start = 0;
  uint32_t end = 0;
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

}  // namespace tpy::parse
