// interp/parse/tokenizer.h -- Python 3.11 tokenizer: UTF-8 text -> Tokens, with INDENT/DEDENT.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "interp/parse/syntax_error.h"
#include "interp/parse/token.h"

namespace tpy::parse {

struct TokenizerOptions {
  // The source is a module (compile()'s 'exec' mode, or a file): CPython then ends a last line
  // that has no newline with one. For 'eval', 'single' and 'func_type' input it does not.
  bool exec_input = true;
  // CPython reports the columns of errors its parser raises (located_error) in bytes, not
  // characters, when the source declared no encoding (no BOM, no coding cookie); set this to
  // reproduce that. Errors the tokenizer raises itself always count characters.
  bool byte_columns = false;
  // The source is a string CPython holds whole (compile(), exec(), -c) rather than a file it
  // reads line by line. At the end of input its cursor then stays at the end of the last line
  // instead of returning to the start of an empty buffer, which moves the columns of errors
  // reported there.
  bool string_input = false;
  // Errors CPython's parser words quote its tokenizer's buffer instead of re-reading the file:
  // for 'eval' and 'single' input, and for a str (see error_line()).
  bool buffer_text = false;
};

// The text CPython's error reporting gets when it re-reads line [line] (with its newline, if
// any) from the file (err_programtext): lines are read in chunks of up to 999 bytes, so a long
// line yields only its last chunk. False when that read finds nothing: a last line without a
// newline whose length is a multiple of 999.
bool file_error_line(std::string_view line, std::string& text);

class Tokenizer {
 public:
  // [src] is UTF-8 text (see decode_source) and must outlive the tokenizer. [filename] is
  // only copied into errors.
  Tokenizer(std::string_view src, std::string_view filename, TokenizerOptions opts = {});

  // Produces the next token. Returns false on a tokenizer error (error() describes it, exactly
  // as CPython words and positions it); once ENDMARKER has been produced it is produced again.
  // Positions are those of CPython's PEG parser: INDENT, DEDENT and ENDMARKER have col_offset
  // and end_col_offset -1 (their [start, end) is empty, at the byte where CPython's cursor was);
  // NEWLINE is empty at its '\n', or spans from a comment's '#' to the '\n'. A character that
  // is no operator ($, ?, `) is an ErrorToken (CPython's generic OP), not an error; `<>` is a
  // NotEqual whose text the parser must check.
  bool next(Token& t);

  const SyntaxErrorInfo& error() const { return m_err; }
  // The SyntaxWarnings CPython's tokenizer issues, so far, in order: "invalid decimal literal"
  // for a number run into a keyword ("1if"). Each is located as the SyntaxError `-W error`
  // turns it into.
  const std::vector<SyntaxErrorInfo>& warnings() const { return m_warnings; }
  std::string_view text(const Token& t) const { return m_src.substr(t.start, t.end - t.start); }
  std::string_view source() const { return m_src; }
  // Source line [lineno] (1-based) including its newline, or "" past the end.
  std::string_view line(int lineno) const;
  // The text of an error at line [lineno] that CPython's parser words, when it quotes its
  // tokenizer's buffer (TokenizerOptions::buffer_text): from the start of the line where the
  // current token began (a backslash or a multi-line string joins lines) through the cursor's
  // line, newline included, if the cursor has not passed line [lineno]; otherwise that line
  // alone without its newline. An f-string field's text counts lines from its own start while
  // [lineno] counts from the file's: [line_offset] is the difference.
  std::string error_line(int lineno, int line_offset = 0) const;
  // The text of such an error in a file CPython re-reads (file_error_line), or error_line()
  // where that fails.
  std::string reread_error_line(int lineno) const;

  // -- For the parser's error reports (CPython's Parser/pegen_errors.c) ---------------------------
  // CPython's tok->lineno: the line of the last character read.
  int lineno() const { return m_lineno; }
  // tok->done != E_OK: the cursor has read the end of input (or a NUL), which a token ending
  // there does when it looks one byte ahead.
  bool at_eof() const { return m_eof; }
  // tok->level: how many brackets are open.
  int bracket_depth() const { return m_level; }
  // "'(' was never closed" for the innermost open bracket; only when bracket_depth() > 0.
  SyntaxErrorInfo unclosed_bracket_error() const;
  // True when CPython raises error() inside its tokenizer (a message about the text itself);
  // false for the conditions its parser words when it reaches the failed token: end of input,
  // indentation, a bad line continuation. Only the former replace an earlier parser error in
  // _PyPegen_tokenize_full_source_to_check_for_errors.
  bool error_is_immediate() const { return m_error_immediate; }
  // A SyntaxErrorInfo as _PyPegen_raise_error_known_location builds it: [col_offset] and
  // [end_col_offset] are 1-based byte columns (<= 0: unknown, kept as is), converted to
  // characters of line [lineno] unless byte_columns; text is that line with its newline.
  SyntaxErrorInfo located_error(SyntaxErrorInfo::Type type, std::string msg, int lineno,
                                int col_offset, int end_lineno, int end_col_offset) const;

 private:
  static constexpr int kMaxIndent = 100;  // CPython's MAXINDENT
  static constexpr int kMaxLevel = 200;   // CPython's MAXLEVEL (bracket nesting)

  // -- Reading (tokenizer.cpp explains the cursor model) ------------------------------------------
  int nextc();
  int nextc_slow();
  int null_byte_error();
  void backup(int c);
  bool continuation_line(int& c);
  int cursor_col() const;
  // -- Scanning -----------------------------------------------------------------------------------
  Tok scan(Token& t);
  Tok scan_indentation(bool& blankline);
  Tok scan_name(int c, Token& t);
  bool verify_identifier();
  Tok scan_string(int quote, Token& t);
  Tok unterminated_string(int quote_size);
  Tok scan_dot(Token& t);
  Tok scan_number(int c, Token& t);
  Tok scan_decimal_rest(int c, Token& t);
  Tok scan_fraction(int c, Token& t);
  Tok scan_exponent(int e, Token& t);
  Tok scan_imaginary(Token& t);
  Tok scan_radix(int base, const char* kind, Token& t);
  Tok finish_number(int c, Token& t);
  bool decimal_tail(int& c);
  bool lookahead(const char* rest);
  bool verify_end_of_number(int c, const char* kind);
  Tok scan_operator(int c, Token& t);
  Tok scan_bracket(int c);
  Tok make(Tok kind, Token& t, size_t start, size_t end);
  Tok make_empty(Tok kind, Token& t);
  // -- Errors -------------------------------------------------------------------------------------
  Tok fail(SyntaxErrorInfo e, bool immediate);
  Tok syntax_error(std::string msg);
  SyntaxErrorInfo cursor_error(std::string msg) const;
  SyntaxErrorInfo line_error(std::string msg, int col_offset, int end_col_offset) const;
  Tok syntax_error_range(std::string msg, int col_offset, int end_col_offset);
  Tok parser_error(SyntaxErrorInfo::Type type, const char* msg, int col);
  Tok indent_error(SyntaxErrorInfo::Type type);
  Tok eof_error();
  Tok decode_error(std::string msg);
  std::string current_line_text() const;

  std::string_view m_src;
  std::string m_filename;
  TokenizerOptions m_opts;
  SyntaxErrorInfo m_err;
  std::vector<SyntaxErrorInfo> m_warnings;
  const char* m_p = nullptr;    // m_src.data()
  size_t m_end = 0;             // m_src.size(), plus one for an implied final newline
  size_t m_cur = 0;             // tok->cur
  size_t m_fast_end = 0;        // min(m_line_end, m_src.size()): nextc()'s fast path limit
  size_t m_line_end = 0;        // tok->inp: one past the current line's '\n'
  size_t m_line_start = 0;      // tok->line_start
  size_t m_buf = 0;             // tok->buf: start of the line the current token began on
  size_t m_start = 0;           // tok->start
  bool m_have_start = false;    // tok->start != NULL
  size_t m_multi_line_start = 0;
  int m_first_lineno = 0;
  int m_lineno = 0;
  bool m_eof = false;           // tok->done == E_EOF
  bool m_emptied = false;       // a file's buffer was emptied at the end of input
  bool m_has_nul = false;
  bool m_failed = false;
  bool m_error_immediate = false;
  bool m_atbol = true;
  bool m_done = false;          // ENDMARKER produced
  int m_pendin = 0;
  int m_indent = 0;
  int m_indstack[kMaxIndent] = {0};
  int m_altindstack[kMaxIndent] = {0};  // indents with tabs counted as 1, for TabError
  int m_level = 0;
  char m_paren_stack[kMaxLevel] = {0};
  int m_paren_lines[kMaxLevel] = {0};
  int m_paren_cols[kMaxLevel] = {0};
  mutable std::vector<size_t> m_line_starts;  // built on the first line() call
};

}  // namespace tpy::parse
