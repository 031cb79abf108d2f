// interp/parse/string_parser.h -- Contract between the grammar (parser*.cpp) and the string /
// f-string layer (string_parser.cpp, fstring*.cpp).
//
// The grammar hands every run of adjacent STRING tokens to concatenate_strings(); the string
// layer splits f-strings into literal parts and replacement fields and calls back into the
// grammar, through parse_fstring_expr(), for each field's expression. Both sides reach the
// parser's state only through the functions below.
#pragma once

#include <string_view>

#include "interp/parse/ast.h"
#include "interp/parse/syntax_error.h"
#include "interp/parse/token.h"

namespace tpy::parse {

class Parser;

// -- Implemented by the string layer ---------------------------------------------------------------

// Builds the node for the adjacent STRING tokens [toks, toks + n): a Constant (str or bytes,
// kind 'u' when the first token has a u prefix) or a JoinedStr, with CPython 3.11's locations
// and errors ("cannot mix bytes and nonbytes literals", f-string errors...). Returns null after
// raising an error on [p].
ast::Expr* concatenate_strings(Parser& p, const Token* toks, size_t n);

// -- Implemented by the grammar --------------------------------------------------------------------

// Parses [src] (an f-string field's expression text wrapped in parentheses, "(expr)", as
// CPython 3.11's fstring_compile_expr builds it) with the `fstring` rule (star_expressions),
// in a sub-parser sharing [p]'s arena and filename. Token positions are shifted exactly as
// CPython 3.11's pegen shifts them with p->starting_lineno / p->starting_col_offset (see its
// _PyPegen_fill_token / initialize_token): the string layer computes the two values as 3.11's
// fstring_compile_expr does, the grammar applies them to each token, e.g. lines offset and
// [starting_col_offset] added to their columns. [starting_lineno] is the source line of the
// text's first line (the line of the field's '{'). Returns null after raising an error on [p].
ast::Expr* parse_fstring_expr(Parser& p, std::string_view src, int starting_lineno,
                              int starting_col_offset);

Arena& parser_arena(Parser& p);
// The source text of token [t] (for STRING: prefix, quotes and body).
std::string_view parser_token_text(Parser& p, const Token& t);

// Raises a SyntaxError on [p] at the given byte position range, as CPython's
// RAISE_ERROR_KNOWN_LOCATION does (byte columns are converted to character offsets against the
// source line). Later errors do not overwrite the first one. [end_lineno]/[end_col] may be -1.
void raise_syntax_error_at(Parser& p, SyntaxErrorInfo::Type type, int lineno, int col_offset,
                           int end_lineno, int end_col_offset, std::string msg);

// Raises a SyntaxError on [p] where CPython's RAISE_SYNTAX_ERROR puts it: at the last token the
// parser has fetched (p->tokens[p->fill - 1]). While the string layer runs that is the token
// after the run of STRING tokens, which is where 3.11 reports every f-string and literal error.
void raise_syntax_error_at_last_token(Parser& p, std::string msg);

}  // namespace tpy::parse
