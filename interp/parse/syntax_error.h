// interp/parse/syntax_error.h -- A syntax error as the front end reports it, and its printing.
#pragma once

#include <cstdio>
#include <string>

namespace tpy::parse {

// Mirrors the attributes of CPython's SyntaxError (and its subclasses) that the front end sets.
struct SyntaxErrorInfo {
  // MemoryError: the parser's nesting limit, which CPython 3.11 reports as a bare MemoryError.
  // RecursionError: the compiler's nesting limit ("maximum recursion depth exceeded during
  // compilation"), raised without a location.
  enum class Type { SyntaxError, IndentationError, TabError, MemoryError, RecursionError };
  Type type = Type::SyntaxError;
  std::string msg;
  std::string filename;
  int lineno = 0;
  int offset = 0;        // 1-based, in characters (code points) of `text`, as CPython's
  int end_lineno = 0;    // 0 when unknown
  int end_offset = 0;    // 1-based, exclusive, in characters; 0 when unknown
  std::string text;      // the offending source line, with its newline; empty when unknown
  // With an empty [text]: CPython's text is '' (printed as an empty line), not None. Its parser
  // gets '' when it can neither re-read the line from the file nor find it in its buffer, and
  // for an error before any input (eval(''), at line 0).
  bool blank_text = false;
};

const char* type_name(SyntaxErrorInfo::Type);

// Prints [e] exactly as CPython 3.11 prints an uncaught SyntaxError (the `File ..., line N`
// header, the stripped source line, the caret range and `SyntaxError: msg`), without the
// `Traceback` lines that a SyntaxError raised at compile time does not have.
void print_syntax_error(std::FILE* out, const SyntaxErrorInfo& e);

}  // namespace tpy::parse
