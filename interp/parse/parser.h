// interp/parse/parser.h -- Entry point of the front end: source bytes -> AST (or SyntaxError).
#pragma once

#include <string_view>
#include <vector>

#include "interp/parse/ast.h"
#include "interp/parse/source.h"
#include "interp/parse/syntax_error.h"

namespace tpy::parse {

// As compile()'s mode: 'exec' -> Module, 'eval' -> Expression, 'single' -> Interactive,
// 'func_type' -> FunctionType.
enum class ParseMode { Exec, Eval, Single, FuncType };

struct ParseResult {
  ast::Mod* mod = nullptr;  // null on error
  SyntaxErrorInfo error;
  // The SyntaxWarnings CPython issues while parsing (Tokenizer::warnings()), in order, for the
  // source it reads before stopping at an error; each located as the SyntaxError `-W error`
  // makes of it. The warnings machinery prints them ("file:line: SyntaxWarning: msg" and the
  // source line), once per line and message, before any error.
  std::vector<SyntaxErrorInfo> warnings;
};

// Parses [source] into nodes owned by [arena]. The AST is what CPython 3.11's ast.parse()
// builds (no constant folding). [origin] says how CPython would have received the source,
// which changes encoding-error wording and whether error columns count bytes or characters:
// File for a script, String for compile()/ast.parse() of bytes, Text for a str (tpy -c).
ParseResult parse(std::string_view source, std::string_view filename, ParseMode mode,
                  Arena& arena, SourceOrigin origin = SourceOrigin::File);

}  // namespace tpy::parse
