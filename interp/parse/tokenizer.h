// interp/parse/tokenizer.h -- Python 3.11 tokenizer: UTF-8 text -> Tokens, with INDENT/DEDENT.
#pragma once

#include <string_view>
#include <vector>

#include "interp/parse/syntax_error.h"
#include "interp/parse/token.h"

namespace tpy::parse {

class Tokenizer {
 public:
  // [src] is UTF-8 text (see decode_source) and must outlive the tokenizer. [filename] is
  // only copied into errors.
  Tokenizer(std::string_view src, std::string_view filename);

  // Produces the next token. Returns false on a tokenizer error (error() describes it, exactly
  // as CPython words and positions it); once ENDMARKER has been produced it is produced again.
  bool next(Token& t);

  const SyntaxErrorInfo& error() const { return m_err; }
  std::string_view text(const Token& t) const { return m_src.substr(t.start, t.end - t.start); }
  std::string_view source() const { return m_src; }
  // Source line [lineno] (1-based) including its newline, or "" past the end.
  std::string_view line(int lineno) const;

 private:
  // The implementation's state lives here; tokenizer.cpp owns it.
  std::string_view m_src;
  std::string m_filename;
  SyntaxErrorInfo m_err;
  size_t m_pos = 0;
  int m_lineno = 1;
  size_t m_line_start = 0;
  std::vector<int> m_indents{0};
  std::vector<int> m_alt_indents{0};  // indents with tabs counted as 1, for TabError
  int m_pending_dedents = 0;
  int m_paren_depth = 0;
  std::vector<char> m_paren_stack;
  std::vector<int> m_paren_lines;
  std::vector<int> m_paren_cols;
  bool m_at_bol = true;
  bool m_done = false;
  bool m_emitted_newline = true;
  std::vector<size_t> m_line_starts;
};

}  // namespace tpy::parse
