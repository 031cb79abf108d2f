// interp/parse/string_parser.cpp -- Adjacent string literals and f-strings -> Constant/JoinedStr.
//
// This is CPython 3.11's pre-PEP 701 string layer (Parser/string_parser.c and
// _PyPegen_concatenate_strings): the tokenizer hands over whole STRING tokens, and f-strings are
// split here into literal text and replacement fields, each field's expression being parsed by
// the grammar from the text "(expr)".
//
// What must hold for `ast.dump(..., include_attributes=True)` to match 3.11:
//  1. Every Constant, FormattedValue and JoinedStr made here spans the whole run of tokens
//     (first token's start to last token's end), except inside a format spec: the spec's
//     JoinedStr and the literal text after its last nested field span only the token holding
//     the spec. kind='u' comes from the spanning first token and only from a lowercase `u`.
//  2. Literal text is merged across tokens and around fields; empty text makes no Constant.
//     Without any f-string the run is one Constant (possibly ''); with one it is a JoinedStr.
//  3. A field's expression is parsed from "(" + text + ")". The grammar puts that text's first
//     line on the line of the '{' and shifts the columns of the tokens that end on it by
//     [starting_col_offset] (see field_origin for how 3.11 picks it); later lines keep their
//     own columns, which are those of the source since the field text is a verbatim slice.
//  4. Errors found here go where 3.11's RAISE_SYNTAX_ERROR puts them: on the token after the
//     run (raise_syntax_error_at_last_token). The first error wins; every function returns
//     false/null after raising and the caller stops.
#include "interp/parse/string_parser.h"

#include <string>
#include <vector>

#include "interp/parse/literals.h"

namespace tpy::parse {
namespace {

constexpr int kMaxBrackets = 200;   // bracket nesting inside one field (CPython's MAXLEVEL)
constexpr int kMaxFieldDepth = 2;   // a field may hold fields only in its format spec

// -- State ---------------------------------------------------------------------------------------

// One call of concatenate_strings: the parser, the tokens every node spans, and what the tokens
// seen so far were.
struct Run {
  Parser& p;
  Arena& arena;
  const Token& first;
  const Token& last;
  bool bytes = false;      // the run is of bytes literals (set by its first token)
  bool fstring = false;    // some token is an f-string: the result is a JoinedStr
  std::string byte_value;  // the bytes so far, when [bytes]
};

// The node under construction (CPython's FstringParser): literal text not yet emitted and the
// values collected so far.
struct Parts {
  std::string text;
  std::vector<ast::Expr*> values;
};

// The f-string token being scanned: its text and the cursor into its body.
struct Scan {
  const Token& tok;
  std::string_view text;  // the whole token: prefix, quotes, body
  size_t pos;             // cursor, an offset into [text]
  size_t end;             // end of the body (where the closing quotes start)
  bool raw;
};

bool fail(Run& r, std::string msg) {
  raise_syntax_error_at_last_token(r.p, std::move(msg));
  return false;
}

ast::Expr* fail_expr(Run& r, std::string msg) {
  fail(r, std::move(msg));
  return nullptr;
}

ast::Loc span(const Token& a, const Token& b) {
  return {a.lineno, a.col_offset, b.end_lineno, b.end_col_offset};
}

// -- Nodes ---------------------------------------------------------------------------------------

ast::Expr* make_constant(Run& r, ast::ConstValue v, const Token& a, const Token& b) {
  auto* c = ast::make<ast::Constant>(r.arena, span(a, b));
  c->value = v;
  std::string_view a_text = parser_token_text(r.p, a);
  if (v.kind == ast::ConstValue::Kind::Str && !a_text.empty() && a_text[0] == 'u')
    c->kind = "u";
  return c;
}

ast::Expr* make_str(Run& r, std::string_view s, const Token& a, const Token& b) {
  ast::ConstValue v;
  v.kind = ast::ConstValue::Kind::Str;
  v.s = r.arena.copy(s);
  return make_constant(r, v, a, b);
}

// Emits the pending literal text, if any, as a Constant spanning [a, b].
void flush_text(Run& r, Parts& parts, const Token& a, const Token& b) {
  if (parts.text.empty()) return;
  parts.values.push_back(make_str(r, parts.text, a, b));
  parts.text.clear();
}

// The JoinedStr of [parts], after emitting trailing text spanning [a, b].
ast::Expr* make_joined(Run& r, Parts& parts, const Token& a, const Token& b) {
  flush_text(r, parts, a, b);
  auto* j = ast::make<ast::JoinedStr>(r.arena, span(a, b));
  j->values = ast::make_seq(r.arena, parts.values.data(), uint32_t(parts.values.size()));
  return j;
}

// -- Literal text --------------------------------------------------------------------------------

// Decodes one piece of literal text, appending to [out]. An f-string piece may end in the lone
// backslash of "\{", which decode_string_body keeps as a backslash, as 3.11 does.
bool decode_piece(Run& r, std::string_view piece, bool raw, bool is_bytes, std::string& out) {
  std::string err;
  size_t err_pos = 0;
  if (!decode_string_body(piece, raw, is_bytes, out, err, err_pos)) return fail(r, err);
  return true;
}

enum class LiteralEnd { Error, Stop, DoubledBrace };

// Scans literal text up to a '{' that starts a field, the '}' that ends a format spec, or the
// end of the body, and appends its value to [parts]. "{{" and "}}" (only at [depth] 0) end the
// piece after one brace and return DoubledBrace; the scan resumes after the second brace.
LiteralEnd scan_literal(Run& r, Scan& s, int depth, Parts& parts) {
  std::string_view t = s.text;
  size_t start = s.pos, i = s.pos, piece_end = 0;
  LiteralEnd result = LiteralEnd::Stop;
  while (i < s.end) {
    char ch = t[i++];
    if (!s.raw && ch == '\\' && i < s.end) {
      ch = t[i++];
      if (ch == 'N') {
        // \N{NAME} may hold braces; a malformed one ends the piece and fails to decode.
        if (i < s.end && t[i++] == '{') {
          while (i < s.end && t[i++] != '}') {
          }
          continue;
        }
        break;
      }
      // An escaped brace is still a brace: "\{" is a lone backslash, then a field.
    }
    if (ch != '{' && ch != '}') continue;
    if (depth == 0 && i < s.end && t[i] == ch) {
      piece_end = i;
      s.pos = i + 1;
      result = LiteralEnd::DoubledBrace;
      break;
    }
    if (depth == 0 && ch == '}') {
      fail(r, "f-string: single '}' is not allowed");
      return LiteralEnd::Error;
    }
    i--;
    break;
  }
  if (result != LiteralEnd::DoubledBrace) piece_end = s.pos = i;
  if (piece_end > start && !decode_piece(r, t.substr(start, piece_end - start), s.raw, false,
                                         parts.text))
    return LiteralEnd::Error;
  return result;
}

// -- Replacement fields --------------------------------------------------------------------------

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_field_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f'; }

// Where 3.11 anchors the parse of the field whose '{' is at [brace]: the line of the '{', where
// the "(" goes, and the shift of that first line's columns. The shift is the source column of the
// '{' (on the token's first line the token's column plus the offset in its text), except that a
// '{' followed by nothing but blanks up to a newline anchors at column 0 of its line, which on
// the token's first line means the token's own column. Only error columns can tell.
void field_origin(const Scan& s, size_t brace, int& lineno, int& col) {
  std::string_view t = s.text;
  int lines = 0;
  size_t line_start = 0;
  for (size_t k = 0; k < brace; k++) {
    if (t[k] == '\n') lines++, line_start = k + 1;
  }
  bool blank_to_newline = true;
  for (size_t k = brace + 1; k < t.size() && t[k] != '}' && t[k] != '\n'; k++) {
    if (t[k] != ' ' && t[k] != '\t' && t[k] != '\f') {
      blank_to_newline = false;
      break;
    }
  }
  int cols = blank_to_newline ? 0 : int(brace - line_start);
  lineno = s.tok.lineno + lines;
  col = lines == 0 ? s.tok.col_offset + cols : cols;
}

// Parses the expression text [start, end) of a field (whose '{' is at start - 1).
ast::Expr* compile_field(Run& r, const Scan& s, size_t start, size_t end) {
  std::string_view text = s.text.substr(start, end - start);
  size_t k = 0;
  while (k < text.size() && is_field_space(text[k])) k++;
  if (k == text.size()) {
    char stop = s.text[end];
    if (stop == '!' || stop == ':' || stop == '=')
      return fail_expr(r, std::string("f-string: expression required before '") + stop + "'");
    return fail_expr(r, "f-string: empty expression not allowed");
  }
  std::string src;
  src.reserve(text.size() + 2);
  src += '(';
  src += text;
  src += ')';
  int lineno, col;
  field_origin(s, start - 1, lineno, col);
  return parse_fstring_expr(r.p, r.arena.copy(src), lineno, col);
}

// Whether the quote at [k] starts or ends a triple-quoted string inside a field.
bool triple_quote_at(const Scan& s, size_t k) {
  return k + 2 < s.end && s.text[k + 1] == s.text[k] && s.text[k + 2] == s.text[k];
}

// Advances [s.pos] from just after a field's '{' to the character that ends its expression:
// '!', ':', '=' or '}' outside brackets and strings ("!=", "==", "<=", ">=" do not count). Only
// valid code must be skipped correctly; the expression parser reports the rest. The checks and
// their order are 3.11's, since they decide which error a malformed field gets.
bool find_expression_end(Run& r, Scan& s) {
  std::string_view t = s.text;
  char quote = 0;
  bool triple = false;
  int depth = 0;
  char brackets[kMaxBrackets];
  for (; s.pos < s.end; s.pos++) {
    char ch = t[s.pos];
    if (ch == '\\') return fail(r, "f-string expression part cannot include a backslash");
    if (quote) {
      if (ch != quote) continue;
      if (!triple) {
        quote = 0;
      } else if (triple_quote_at(s, s.pos)) {
        s.pos += 2;
        quote = 0;
      }
    } else if (ch == '\'' || ch == '"') {
      triple = triple_quote_at(s, s.pos);
      if (triple) s.pos += 2;
      quote = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (depth >= kMaxBrackets) return fail(r, "f-string: too many nested parenthesis");
      brackets[depth++] = ch;
    } else if (ch == '#') {
      return fail(r, "f-string expression part cannot include '#'");
    } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '<' ||
                              ch == '>')) {
      if (s.pos + 1 < s.end && t[s.pos + 1] == '=' && ch != ':' && ch != '}') {
        s.pos++;
        continue;
      }
      // A lone '<' or '>' never ends the expression, even as the body's last character.
      if (ch == '<' || ch == '>') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      if (depth == 0) return fail(r, std::string("f-string: unmatched '") + ch + "'");
      char open = brackets[--depth];
      if ((open == '(') != (ch == ')') || (open == '[') != (ch == ']'))
        return fail(r, std::string("f-string: closing parenthesis '") + ch +
                           "' does not match opening parenthesis '" + open + "'");
    }
  }
  if (quote) return fail(r, "f-string: unterminated string");
  if (depth) return fail(r, std::string("f-string: unmatched '") + brackets[depth - 1] + "'");
  if (s.pos >= s.end) return fail(r, "f-string: expecting '}'");
  return true;
}

bool at(const Scan& s, char c) { return s.pos < s.end && s.text[s.pos] == c; }

ast::Expr* parse_format_spec(Run& r, Scan& s, int depth);

// Parses the field starting at the '{' under the cursor into a FormattedValue. For a "{x=}" field
// the expression's text and the '=' (with the blanks after it) go to [debug_text].
ast::Expr* scan_field(Run& r, Scan& s, int depth, std::string& debug_text) {
  if (depth >= kMaxFieldDepth) return fail_expr(r, "f-string: expressions nested too deeply");
  size_t expr_start = ++s.pos;
  if (!find_expression_end(r, s)) return nullptr;
  ast::Expr* value = compile_field(r, s, expr_start, s.pos);
  if (!value) return nullptr;
  if (at(s, '=')) {
    s.pos++;
    while (s.pos < s.end && is_ascii_space(s.text[s.pos])) s.pos++;
    debug_text.assign(s.text.substr(expr_start, s.pos - expr_start));
  }
  int conversion = -1;
  if (at(s, '!')) {
    if (++s.pos >= s.end) return fail_expr(r, "f-string: expecting '}'");
    conversion = static_cast<unsigned char>(s.text[s.pos++]);
    if (conversion != 's' && conversion != 'r' && conversion != 'a')
      return fail_expr(r, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
  }
  ast::Expr* spec = nullptr;
  if (s.pos >= s.end) return fail_expr(r, "f-string: expecting '}'");
  if (at(s, ':')) {
    if (++s.pos >= s.end) return fail_expr(r, "f-string: expecting '}'");
    spec = parse_format_spec(r, s, depth + 1);
    if (!spec) return nullptr;
  }
  if (!at(s, '}')) return fail_expr(r, "f-string: expecting '}'");
  s.pos++;
  if (!debug_text.empty() && !spec && conversion == -1) conversion = 'r';
  auto* fv = ast::make<ast::FormattedValue>(r.arena, span(r.first, r.last));
  fv->value = value;
  fv->conversion = conversion;
  fv->format_spec = spec;
  return fv;
}

// -- F-string bodies -----------------------------------------------------------------------------

// Adds the literal text and fields of [s] from the cursor to the end of the body ([depth] 0) or
// to the '}' that closes a format spec ([depth] > 0) to [parts].
bool scan_fstring(Run& r, Scan& s, int depth, Parts& parts) {
  for (;;) {
    LiteralEnd end = scan_literal(r, s, depth, parts);
    if (end == LiteralEnd::Error) return false;
    if (end == LiteralEnd::DoubledBrace) continue;
    if (s.pos >= s.end || s.text[s.pos] == '}') break;
    std::string debug_text;
    ast::Expr* field = scan_field(r, s, depth, debug_text);
    if (!field) return false;
    parts.text += debug_text;
    flush_text(r, parts, r.first, r.last);
    parts.values.push_back(field);
  }
  if (depth > 0 && !at(s, '}')) return fail(r, "f-string: expecting '}'");
  return true;
}

ast::Expr* parse_format_spec(Run& r, Scan& s, int depth) {
  Parts parts;
  if (!scan_fstring(r, s, depth, parts)) return nullptr;
  return make_joined(r, parts, s.tok, s.tok);
}

// -- Runs of tokens ------------------------------------------------------------------------------

// Adds token [t] to the run being built; its kind (bytes or not) must be the first token's.
bool add_token(Run& r, const Token& t, bool first, Parts& parts) {
  std::string_view text = parser_token_text(r.p, t);
  StringPrefix pre = split_string_token(text);
  std::string decoded;
  if (!pre.fstring && !decode_piece(r, pre.body, pre.raw, pre.bytes, decoded)) return false;
  if (!first && pre.bytes != r.bytes) return fail(r, "cannot mix bytes and nonbytes literals");
  r.bytes = pre.bytes;
  if (pre.bytes) {
    r.byte_value += decoded;
    return true;
  }
  if (!pre.fstring) {
    parts.text += decoded;
    return true;
  }
  r.fstring = true;
  size_t body = size_t(pre.body.data() - text.data());
  TPY_DCHECK(body <= text.size(), "string body outside its token");
  Scan s{t, text, body, body + pre.body.size(), pre.raw};
  return scan_fstring(r, s, 0, parts);
}

}  // namespace

ast::Expr* concatenate_strings(Parser& p, const Token* toks, size_t n) {
  TPY_DCHECK(n > 0, "concatenate_strings of no tokens");
  Run r{p, parser_arena(p), toks[0], toks[n - 1], false, false, {}};
  Parts parts;
  for (size_t i = 0; i < n; i++) {
    if (!add_token(r, toks[i], i == 0, parts)) return nullptr;
  }
  if (r.bytes) {
    ast::ConstValue v;
    v.kind = ast::ConstValue::Kind::Bytes;
    v.s = r.arena.copy(r.byte_value);
    return make_constant(r, v, r.first, r.last);
  }
  if (r.fstring) return make_joined(r, parts, r.first, r.last);
  return make_str(r, parts.text, r.first, r.last);
}

}  // namespace tpy::parse
