// interp/parse/parser.cpp -- Parser driver: tokens, memo, the two passes, errors, AST helpers.
//
// The grammar itself lives in parser_stmt.cpp, parser_expr.cpp, parser_params.cpp,
// parser_pattern.cpp and (the invalid_* rules) parser_errors.cpp; see parser_internal.h for
// how they fit together.
#include "interp/parse/parser.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "interp/parse/literals.h"
#include "interp/parse/parser_internal.h"
#include "interp/parse/source.h"
#include "interp/parse/string_parser.h"
#include "interp/parse/tokenizer.h"
#include "interp/unicode/unicode.h"

namespace tpy::parse {

using namespace ast;

namespace {

// CPython's MAXSTACK (6000) counts every rule call; ours counts only the recursive rules, each
// weighted by the calls CPython makes per nesting level (one per unary operator, conditional
// or elif, two per lambda or '**', eight per lambda default), so that deep input fails at
// about the same depth. The rules above the expression (statements, assignment targets)
// take about 30 of CPython's levels, which the limit leaves for them.
constexpr int kMaxDepth = 5970;

// sys.get_int_max_str_digits() at its default (PyLong_FromString's limit on decimal digits).
constexpr size_t kMaxStrDigits = 4300;

Token g_error_token = {Tok::ErrorToken, 0, 0, 0, 0, 0, 0};

bool has_non_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

// _PyPegen_byte_offset_to_character_offset: [col] is 1-based in bytes; the result counts the
// characters of the first [col] bytes, a cut multi-byte sequence counting as one.
int byte_to_char_offset(std::string_view line, int col) {
  if (col > static_cast<int>(line.size()) + 1) col = static_cast<int>(line.size()) + 1;
  int n = 0;
  for (int i = 0; i < col; i++) {
    if (i >= static_cast<int>(line.size())) {
      n++;
      continue;
    }
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) n++;
  }
  return n;
}

// A str is not decoded, but its \r\n and lone \r become \n as in any source CPython reads.
std::string translate_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] != '\r') {
      out += s[i];
      continue;
    }
    out += '\n';
    if (i + 1 < s.size() && s[i + 1] == '\n') i++;
  }
  return out;
}

}  // namespace

bool Depth::overflow() {
  if (m_p.m_level <= kMaxDepth) [[likely]] return false;
  if (!m_p.m_error) {
    // CPython 3.11 raises a bare MemoryError here (no message, no location).
    m_p.m_error = true;
    m_p.m_err = SyntaxErrorInfo{};
    m_p.m_err.type = SyntaxErrorInfo::Type::MemoryError;
    m_p.m_err.filename = m_p.m_filename;
  }
  return true;
}

// -- Construction and tokens ----------------------------------------------------------------------

Parser::Parser(Arena& arena, std::string_view text, std::string_view filename, ParseMode mode)
    : m_arena(arena), m_text(text), m_filename(filename), m_mode(mode) {
  m_scratch.reserve(256);
}

// Source line [lineno] (1-based, with its newline), for error texts; split on first use.
std::string_view Parser::source_line(int lineno) {
  if (m_lines.empty()) {
    size_t start = 0;
    for (size_t i = 0; i < m_text.size(); i++) {
      if (m_text[i] == '\n') {
        m_lines.push_back(m_text.substr(start, i + 1 - start));
        start = i + 1;
      }
    }
    if (start < m_text.size()) m_lines.push_back(m_text.substr(start));
  }
  if (m_fstring) lineno -= m_starting_lineno - 1;
  if (lineno < 1 || lineno > static_cast<int>(m_lines.size())) return {};
  return m_lines[lineno - 1];
}

TokenizerOptions Parser::tokenizer_options() const {
  TokenizerOptions opts;
  opts.exec_input = m_mode == ParseMode::Exec || m_fstring;
  opts.byte_columns = !m_convert_cols;
  opts.string_input = m_string_input || m_fstring;
  opts.buffer_text = m_buffer_text;
  return opts;
}

void Parser::tokenize_all() {
  Tokenizer tz(m_text, m_filename, tokenizer_options());
  m_toks.reserve(m_text.size() / 4 + 16);
  m_levels.reserve(m_toks.capacity());
  Token t;
  int level = 0;
  for (;;) {
    bool ok = tz.next(t);
    take_warnings(tz);
    if (!ok) {
      m_tok_failed = true;
      m_tok_err = tz.error();
      if (tz.bracket_depth() > 0) m_tok_unclosed = tz.unclosed_bracket_error();
      break;
    }
    if (m_fstring) {
      // As pegen's initialize_token with starting_lineno / starting_col_offset: columns move
      // only for tokens that end on the first line.
      bool first_line = t.end_lineno == 1;
      t.lineno += m_starting_lineno - 1;
      t.end_lineno += m_starting_lineno - 1;
      if (first_line) {
        t.col_offset += m_starting_col;
        t.end_col_offset += m_starting_col;
      }
    }
    m_toks.push_back(t);
    if (tz.at_eof() && m_eof_token > static_cast<int>(m_toks.size()))
      m_eof_token = static_cast<int>(m_toks.size()) - 1;
    if (t.kind == Tok::LPar || t.kind == Tok::LSqb || t.kind == Tok::LBrace) level++;
    else if ((t.kind == Tok::RPar || t.kind == Tok::RSqb || t.kind == Tok::RBrace) && level > 0)
      level--;
    m_levels.push_back(static_cast<int16_t>(level));
    if (t.kind == Tok::EndMarker) break;
  }
  if (m_mode == ParseMode::Single && !m_tok_failed && m_toks.size() > 1) imply_final_newline();
  m_ntoks = static_cast<int>(m_toks.size());
  m_memo_head.assign(m_toks.size() + 1, -1);
  m_memo.reserve(m_toks.size() * 2);
}

// pegen turns single input's ENDMARKER into a NEWLINE (closing a compound statement) unless
// the token before was such a NEWLINE, and dedents what is still indented (a last line without
// '\n' got no DEDENT): "NEWLINE ENDMARKER", or "NEWLINE DEDENT... NEWLINE ENDMARKER".
void Parser::imply_final_newline() {
  int indent = 0;
  for (const Token& t : m_toks) {
    if (t.kind == Tok::Indent) indent++;
    else if (t.kind == Tok::Dedent) indent--;
  }
  Token end = m_toks.back();
  m_toks.pop_back();
  auto push = [&](Tok kind) {
    m_toks.push_back(end);
    m_toks.back().kind = kind;
  };
  push(Tok::Newline);
  for (int i = 0; i < indent; i++) push(Tok::Dedent);
  if (indent > 0) push(Tok::Newline);
  push(Tok::EndMarker);
  m_levels.resize(m_toks.size(), m_levels.back());
}

// The tokenizer's new warnings, tagged with the token being produced: CPython issues a warning
// only if its parser asks for that token.
void Parser::take_warnings(const Tokenizer& tz) {
  const std::vector<SyntaxErrorInfo>& all = tz.warnings();
  for (size_t i = m_warnings_seen; i < all.size(); i++) {
    SyntaxErrorInfo w = all[i];
    if (m_fstring) w.lineno = w.end_lineno = w.lineno + m_starting_lineno - 1;
    m_warnings.push_back({static_cast<int>(m_toks.size()), std::move(w)});
  }
  m_warnings_seen = all.size();
}

std::vector<SyntaxErrorInfo> Parser::warnings() const {
  std::vector<SyntaxErrorInfo> out;
  for (const auto& [token, w] : m_warnings)
    if (m_tokenized_all || token < m_fill || (token == m_ntoks && m_tok_error_raised))
      out.push_back(w);
  return out;
}

const Token& Parser::fetch(int i) {
  if (i < m_ntoks) [[likely]] {
    m_fill = i + 1;
    return m_toks[i];
  }
  if (m_tok_failed) {
    raise_tokenizer_error();
    return g_error_token;
  }
  return m_toks[m_ntoks - 1];  // ENDMARKER repeats
}

bool Parser::raise_tokenizer_error() {
  if (!m_error) {
    m_error = true;
    m_tok_error_raised = true;
    m_err = m_tok_err;
    if (m_fstring) {
      m_err.lineno += m_starting_lineno - 1;
      if (m_err.end_lineno > 0) m_err.end_lineno += m_starting_lineno - 1;
    }
  }
  return false;
}

const Token* Parser::expect_forced(Tok k, const char* text) {
  if (m_error) return nullptr;
  const Token& t = cur();
  if (t.kind != k) {
    if (!m_error) raise_token(t, std::string("expected '") + text + "'");
    return nullptr;
  }
  m_mark++;
  return &t;
}

bool Parser::check_soft(std::string_view kw) {
  const Token& t = cur();
  return t.kind == Tok::Name && tok_text(t) == kw;
}

const Token* Parser::expect_soft(std::string_view kw) {
  const Token& t = cur();
  if (t.kind != Tok::Name || tok_text(t) != kw) return nullptr;
  m_mark++;
  return &t;
}

Loc Parser::loc_from(int start) {
  const Token& s = m_toks[start];
  const Token* e = &s;
  for (int m = m_mark - 1; m >= 0; m--) {
    e = &m_toks[m];
    Tok k = e->kind;
    if (k != Tok::EndMarker && k != Tok::Newline && k != Tok::Indent && k != Tok::Dedent) break;
  }
  return {s.lineno, s.col_offset, e->end_lineno, e->end_col_offset};
}

// -- Memo -----------------------------------------------------------------------------------------
//
// Each token heads a short list of (rule, result) entries in one pool: a token is the start of
// few memoised rules, and entries are appended in parse order, so lookups stay in cache.

bool Parser::memo_get(Memo rule, void*& node) {
  for (int32_t i = m_memo_head[m_mark]; i >= 0;) {
    const MemoEntry& e = m_memo[i];
    if (e.rule == rule) {
      node = e.node;
      m_mark = e.end;
      return true;
    }
    i = e.next;
  }
  return false;
}

void Parser::memo_put(Memo rule, int start, void* node) {
  int32_t& head = m_memo_head[start];
  for (int32_t i = head; i >= 0; i = m_memo[i].next) {
    if (m_memo[i].rule == rule) {
      m_memo[i].node = node;
      m_memo[i].end = m_mark;
      return;
    }
  }
  m_memo.push_back(MemoEntry{node, m_mark, head, rule});
  head = static_cast<int32_t>(m_memo.size() - 1);
}

void Parser::memo_clear() {
  m_memo.clear();
  std::fill(m_memo_head.begin(), m_memo_head.end(), -1);
}

// -- Passes ---------------------------------------------------------------------------------------

ast::Mod* Parser::run() {
  tokenize_all();
  ast::Mod* res = nullptr;
  switch (m_mode) {
    case ParseMode::Exec: res = file_rule(); break;
    case ParseMode::Eval: res = eval_rule(); break;
    case ParseMode::Single: res = interactive_rule(); break;
    case ParseMode::FuncType: res = func_type_rule(); break;
  }
  if (res && !m_error) {
    if (m_mode == ParseMode::Single && bad_single_statement()) {
      raise_here("multiple statements found while compiling a single statement");
      return nullptr;
    }
    return res;
  }
  generic_error_pass();
  return nullptr;
}

// Anything but blanks and comments after the tokens read so far.
bool Parser::bad_single_statement() {
  const Token* t = last_token();
  size_t i = t ? t->end : 0;
  while (i < m_text.size()) {
    char c = m_text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
      i++;
    } else if (c == '#') {
      while (i < m_text.size() && m_text[i] != '\n') i++;
    } else {
      return true;
    }
  }
  return false;
}

// The second pass of _PyPegen_run_parser and _Pypegen_set_syntax_error.
void Parser::generic_error_pass() {
  if (m_error) {
    if (!m_tok_error_raised) tokenize_full_source_check(true);
    return;
  }
  int last_token = m_fill - 1;
  m_mark = 0;
  memo_clear();
  m_call_invalid = true;
  m_second_pass = true;
  switch (m_mode) {
    case ParseMode::Exec: file_rule(); break;
    case ParseMode::Eval: eval_rule(); break;
    case ParseMode::Single: interactive_rule(); break;
    case ParseMode::FuncType: func_type_rule(); break;
  }
  set_syntax_error(last_token);
}

ast::Expr* Parser::run_fstring() {
  tokenize_all();
  Expr* e = star_expressions();
  if (e && !m_error) return e;
  generic_error_pass();
  return nullptr;
}

void Parser::set_fstring_offsets(int starting_lineno, int starting_col_offset) {
  m_fstring = true;
  m_convert_cols = false;  // 3.11 never converts a field's error columns to characters
  m_starting_lineno = starting_lineno;
  m_starting_col = starting_col_offset;
}

// -- Node helpers ---------------------------------------------------------------------------------

Ident Parser::ident(const Token& t) {
  std::string_view s = tok_text(t);
  if (has_non_ascii(s) && !unicode::is_nfkc(s)) return m_arena.copy(unicode::nfkc(s));
  return m_arena.copy(s);
}

Name* Parser::name_node(const Token& t, ExprContext ctx) {
  Name* n = ast::make<Name>(m_arena, tok_loc(t));
  n->id = ident(t);
  n->ctx = ctx;
  return n;
}

Seq<Expr*> Parser::set_seq_ctx(Seq<Expr*> s, ExprContext ctx) {
  Seq<Expr*> r;
  r.count = s.count;
  r.items = s.count ? static_cast<Expr**>(m_arena.alloc(sizeof(Expr*) * s.count)) : nullptr;
  for (uint32_t i = 0; i < s.count; i++) r.items[i] = set_ctx(s.items[i], ctx);
  return r;
}

// _PyPegen_set_expr_context: copies rather than mutates, since memoised nodes are shared.
Expr* Parser::set_ctx(Expr* e, ExprContext ctx) {
  switch (e->tag) {
    case ExprKind::Name: {
      Name* n = ast::make<Name>(m_arena, e->loc);
      n->id = as<Name>(e)->id;
      n->ctx = ctx;
      return n;
    }
    case ExprKind::Tuple: {
      Tuple* n = ast::make<Tuple>(m_arena, e->loc);
      n->elts = set_seq_ctx(as<Tuple>(e)->elts, ctx);
      n->ctx = ctx;
      return n;
    }
    case ExprKind::List: {
      List* n = ast::make<List>(m_arena, e->loc);
      n->elts = set_seq_ctx(as<List>(e)->elts, ctx);
      n->ctx = ctx;
      return n;
    }
    case ExprKind::Subscript: {
      Subscript* n = ast::make<Subscript>(m_arena, e->loc);
      *n = *as<Subscript>(e);
      n->ctx = ctx;
      return n;
    }
    case ExprKind::Attribute: {
      Attribute* n = ast::make<Attribute>(m_arena, e->loc);
      *n = *as<Attribute>(e);
      n->ctx = ctx;
      return n;
    }
    case ExprKind::Starred: {
      Starred* n = ast::make<Starred>(m_arena, e->loc);
      n->value = set_ctx(as<Starred>(e)->value, ctx);
      n->ctx = ctx;
      return n;
    }
    default:
      return e;
  }
}

Expr* Parser::constant(ConstValue::Kind kind, const Token& t) {
  Constant* c = ast::make<Constant>(m_arena, tok_loc(t));
  c->value.kind = kind;
  return c;
}

// _PyPegen_number_token: a decimal integer literal goes through PyLong_FromString, which refuses
// more than sys.get_int_max_str_digits() digits. The parser reports that without columns, so no
// wall of carets is printed under the literal. (Literals that start with 0 are read another
// way and have no limit; nor have the power-of-two bases, floats and imaginaries.)
Expr* Parser::number(const Token& t) {
  std::string_view s = tok_text(t);
  if (s.size() > kMaxStrDigits && s[0] != '0') {
    size_t digits = 0;
    bool integer = true;
    for (char c : s) {
      if (c >= '0' && c <= '9') digits++;
      else if (c != '_') integer = false;
    }
    if (integer && digits > kMaxStrDigits) {
      raise_at(SyntaxErrorInfo::Type::SyntaxError, t.lineno, -1, t.end_lineno, -1,
               "Exceeds the limit (" + std::to_string(kMaxStrDigits) +
                   " digits) for integer string conversion: value has " +
                   std::to_string(digits) +
                   " digits; use sys.set_int_max_str_digits() to increase the limit - "
                   "Consider hexadecimal for huge integer literals to avoid decimal conversion "
                   "limits.");
      return nullptr;
    }
  }
  Constant* c = ast::make<Constant>(m_arena, tok_loc(t));
  c->value = decode_number(s, m_arena);
  return c;
}

Seq<Expr*> Parser::prepend(Expr* first, Seq<Expr*> rest) {
  Seq<Expr*> r;
  r.count = rest.count + 1;
  r.items = static_cast<Expr**>(m_arena.alloc(sizeof(Expr*) * r.count));
  r.items[0] = first;
  for (uint32_t i = 0; i < rest.count; i++) r.items[i + 1] = rest.items[i];
  return r;
}

Expr* Parser::make_tuple_of(Expr* first, Seq<Expr*> rest, ExprContext ctx, Loc loc) {
  Tuple* t = ast::make<Tuple>(m_arena, loc);
  t->elts = prepend(first, rest);
  t->ctx = ctx;
  return t;
}

Arguments* Parser::empty_arguments() { return m_arena.make<Arguments>(); }

namespace {
template <class T>
Seq<T> concat(Arena& a, Seq<T> x, Seq<T> y) {
  Seq<T> r;
  r.count = x.count + y.count;
  r.items = r.count ? static_cast<T*>(a.alloc(sizeof(T) * r.count, alignof(T))) : nullptr;
  for (uint32_t i = 0; i < x.count; i++) r.items[i] = x.items[i];
  for (uint32_t i = 0; i < y.count; i++) r.items[x.count + i] = y.items[i];
  return r;
}
Seq<Arg*> args_of(Arena& a, Seq<NameDefault*> s) {
  Seq<Arg*> r;
  r.count = s.count;
  r.items = s.count ? static_cast<Arg**>(a.alloc(sizeof(Arg*) * s.count)) : nullptr;
  for (uint32_t i = 0; i < s.count; i++) r.items[i] = s.items[i]->arg;
  return r;
}
Seq<Expr*> values_of(Arena& a, Seq<NameDefault*> s) {
  Seq<Expr*> r;
  r.count = s.count;
  r.items = s.count ? static_cast<Expr**>(a.alloc(sizeof(Expr*) * s.count)) : nullptr;
  for (uint32_t i = 0; i < s.count; i++) r.items[i] = s.items[i]->value;
  return r;
}
}  // namespace

// _PyPegen_make_arguments.
Arguments* Parser::make_arguments(Seq<Arg*>* slash_no_default,
                                  SlashWithDefault* slash_with_default, Seq<Arg*>* plain,
                                  Seq<NameDefault*>* with_default, StarEtc* star_etc) {
  Arguments* a = m_arena.make<Arguments>();
  if (slash_no_default) {
    a->posonlyargs = *slash_no_default;
  } else if (slash_with_default) {
    a->posonlyargs = concat(m_arena, slash_with_default->plain,
                            args_of(m_arena, slash_with_default->with_default));
  }
  Seq<Arg*> posargs = plain ? *plain : Seq<Arg*>{};
  if (with_default) posargs = concat(m_arena, posargs, args_of(m_arena, *with_default));
  a->args = posargs;
  Seq<Expr*> defaults;
  if (slash_with_default) defaults = values_of(m_arena, slash_with_default->with_default);
  if (with_default) defaults = concat(m_arena, defaults, values_of(m_arena, *with_default));
  a->defaults = defaults;
  if (star_etc) {
    a->vararg = star_etc->vararg;
    a->kwonlyargs = args_of(m_arena, star_etc->kwonly);
    a->kw_defaults = values_of(m_arena, star_etc->kwonly);
    a->kwarg = star_etc->kwarg;
  }
  return a;
}

// _PyPegen_collect_call_seqs: a dummy Call holding positional args and keywords.
Expr* Parser::collect_call_seqs(Seq<Expr*> a, Seq<KeywordOrStarred*>* b, Loc loc) {
  Call* c = ast::make<Call>(m_arena, loc);
  if (!b) {
    c->args = a;
    return c;
  }
  {
    Scratch args(*this);
    for (Expr* e : a) args.push(e);
    for (KeywordOrStarred* k : *b)
      if (!k->is_keyword) args.push(k->element);
    c->args = args.seq<Expr*>();
  }
  Scratch kw(*this);
  for (KeywordOrStarred* k : *b)
    if (k->is_keyword) kw.push(k->element);
  c->keywords = kw.seq<Keyword*>();
  return c;
}

// _PyPegen_function_def_decorators / _PyPegen_class_def_decorators: the node keeps the location
// of the `def` / `class`, not of the first decorator.
Stmt* Parser::decorate(Seq<Expr*> decorators, Stmt* def) {
  switch (def->tag) {
    case StmtKind::FunctionDef: {
      FunctionDef* n = ast::make<FunctionDef>(m_arena, def->loc);
      *n = *as<FunctionDef>(def);
      n->decorator_list = decorators;
      return n;
    }
    case StmtKind::AsyncFunctionDef: {
      AsyncFunctionDef* n = ast::make<AsyncFunctionDef>(m_arena, def->loc);
      *n = *as<AsyncFunctionDef>(def);
      n->decorator_list = decorators;
      return n;
    }
    default: {
      ClassDef* n = ast::make<ClassDef>(m_arena, def->loc);
      *n = *as<ClassDef>(def);
      n->decorator_list = decorators;
      return n;
    }
  }
}

// -- Entry points ---------------------------------------------------------------------------------

ParseResult parse(std::string_view source, std::string_view filename, ParseMode mode,
                  Arena& arena, SourceOrigin origin) {
  ParseResult r;
  std::string text;
  SourceInfo info;
  if (origin == SourceOrigin::Text) {
    text = translate_newlines(source);
    info.declared_encoding = true;  // a str's error columns count characters
  } else if (!decode_source(source, filename, origin, text, r.error, &info)) {
    return r;
  }
  // CPython's translate_newlines, which prepares a string for 'exec', appends a newline after a
  // final "\r\n" even though it has just written one: an empty line the file does not have.
  bool extra_line = origin != SourceOrigin::File && mode == ParseMode::Exec &&
                    source.size() >= 2 && source.substr(source.size() - 2) == "\r\n";
  if (extra_line) text += '\n';
  // The AST never points into [text]: identifiers and constants are copied into the arena.
  Parser p(arena, text, filename, mode);
  p.set_declared_encoding(info.declared_encoding,
                          origin != SourceOrigin::Text && source.substr(0, 3) == "\xEF\xBB\xBF");
  p.set_origin(origin);
  if (extra_line) {
    auto lines = std::count(text.begin(), text.end(), '\n');
    p.set_file_lines(static_cast<int>(lines) - 1);
  }
  r.mod = p.run();
  if (!r.mod) r.error = p.error();
  r.warnings = p.warnings();
  return r;
}

ast::Expr* parse_fstring_expr(Parser& p, std::string_view src, int starting_lineno,
                              int starting_col_offset) {
  if (p.m_error) return nullptr;
  std::string_view text = p.m_arena.copy(src);
  Parser sub(p.m_arena, text, p.m_filename, ParseMode::Eval);
  sub.set_fstring_offsets(starting_lineno, starting_col_offset);
  Expr* e = sub.run_fstring();
  for (SyntaxErrorInfo& w : sub.warnings()) p.m_warnings.push_back({-1, std::move(w)});
  if (!e) {
    p.m_error = true;
    p.m_err = sub.error();
    return nullptr;
  }
  return e;
}

Arena& parser_arena(Parser& p) { return p.arena(); }

std::string_view parser_token_text(Parser& p, const Token& t) { return p.tok_text(t); }

void raise_syntax_error_at(Parser& p, SyntaxErrorInfo::Type type, int lineno, int col_offset,
                           int end_lineno, int end_col_offset, std::string msg) {
  p.raise_at(type, lineno, col_offset, end_lineno, end_col_offset, std::move(msg));
}

void raise_syntax_error_at_last_token(Parser& p, std::string msg) {
  p.raise_here(std::move(msg));
}

// -- Raising --------------------------------------------------------------------------------------

// RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns become 1-based.
void Parser::raise_at(SyntaxErrorInfo::Type type, int lineno, int col, int end_lineno,
                      int end_col, std::string msg) {
  raise_known(type, lineno, col == kCurrentPos ? col : col + 1, end_lineno,
              end_col == kCurrentPos ? end_col : end_col + 1, std::move(msg));
}

// _PyPegen_raise_error_known_location.
void Parser::raise_known(SyntaxErrorInfo::Type type, int lineno, int col1, int end_lineno,
                         int end1, std::string msg) {
  if (m_error) return;
  m_error = true;
  SyntaxErrorInfo& e = m_err;
  e = SyntaxErrorInfo{};
  e.type = type;
  e.filename = m_filename;
  e.msg = m_fstring ? "f-string: " + msg : std::move(msg);
  // CURRENT_POS: where the tokenizer stands, just past the last token fetched.
  const Token* last = last_token();
  if (end_lineno == kCurrentPos) end_lineno = last ? last->end_lineno : lineno;
  if (end1 == kCurrentPos) end1 = last ? cursor_col(*last) : 0;
  if (m_fstring) {
    col1 -= m_starting_col;
    end1 -= m_starting_col;
  }
  e.lineno = lineno;
  e.end_lineno = end_lineno;
  if (m_buffer_text || m_fstring) {
    e.text = buffer_error_line(lineno);  // an f-string field is always a string
  } else {
    // CPython re-reads the file, BOM included.
    std::string line(source_line(lineno));
    if (m_bom && lineno == 1) line.insert(0, "\xEF\xBB\xBF");
    if (lineno > m_file_lines || !file_error_line(line, e.text))
      e.text = buffer_error_line(lineno);
  }
  e.blank_text = e.text.empty();
  e.offset = col1;
  e.end_offset = end1;
  if (m_convert_cols) {
    e.offset = col1 >= 0 ? byte_to_char_offset(e.text, col1) : col1;
    if (end1 > 0) e.end_offset = byte_to_char_offset(e.text, end1);
  }
}

// The text of an error quoted from the tokenizer's buffer, which CPython's tokenizer has filled
// up to the last token the parser fetched: tokens are produced up front here, so a second
// tokenizer replays them to that point (errors are rare; this costs one more tokenization).
std::string Parser::buffer_error_line(int lineno) {
  Tokenizer tz(m_text, m_filename, tokenizer_options());
  Token t;
  for (int i = 0; i < m_fill && tz.next(t); i++) {
  }
  return tz.error_line(lineno, m_fstring ? m_starting_lineno - 1 : 0);
}

// The column (1-based bytes) _PyPegen_raise_error takes for an INDENT, DEDENT or ENDMARKER:
// the tokenizer's cursor, after the indentation or at the end of input. There a file reader
// has emptied its buffer (column 0) while a string stays at the end of its last line.
int Parser::empty_token_col(const Token& t) {
  bool at_eof = t.kind == Tok::EndMarker || t.end >= m_text.size();
  if (!at_eof) return cursor_col(t);
  std::string_view line = source_line(t.lineno);
  if (!m_string_input || line.empty()) return 0;
  bool implied_newline = (m_mode == ParseMode::Exec || m_fstring) && line.back() != '\n';
  return static_cast<int>(line.size()) + (implied_newline ? 1 : 0);
}

// The column (bytes, unshifted) of CPython's tokenizer cursor right after it produced [t]:
// past the '\n' of a NEWLINE, where the empty INDENT / DEDENT / ENDMARKER tokens sit.
int Parser::cursor_col(const Token& t) {
  std::string_view line = source_line(t.end_lineno);
  if (line.empty()) return 0;
  long col = static_cast<long>(t.end) - (line.data() - m_text.data());
  if (t.kind == Tok::Newline) col++;
  return col < 0 ? 0 : static_cast<int>(col);
}

}  // namespace tpy::parse
