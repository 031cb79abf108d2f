// interp/parse/parser_internal.h -- The Parser class shared by parser*.cpp and the string layer.
//
// A hand-written PEG parser that follows CPython 3.11's Grammar/python.gram rule for rule, so
// that it accepts the same language, builds the same AST (locations included) and fails at the
// same token. The shape of the code mirrors the grammar:
//
//   1. Tokens are produced up front into one array; `m_mark` is the position, `mark()` /
//      `reset()` backtrack. `m_fill` records the furthest token any rule looked at, because
//      CPython reports a generic "invalid syntax" at the last token its lazy tokenizer fetched.
//      A tokenizer error is raised only when a rule reaches the token where it happened.
//   2. Each grammar rule is a method returning a node pointer (null = no match; the mark is then
//      back where it started). Left-recursive rules (primary, t_primary, the binary operators)
//      are loops. Rules that CPython memoises are memoised here too, keyed by (position, rule),
//      because the statement rules re-parse the same text several times (assignment targets,
//      then expressions).
//   3. Errors follow pegen: a first pass without the invalid_* rules; when it fails without an
//      error, a second pass with them enabled (m_call_invalid) reports a specialised message or,
//      failing that, "invalid syntax" at the furthest token of the first pass. The first error
//      raised wins and stops the parse (m_error makes every rule fail).
//   4. Sequences are collected on one shared scratch stack (`Scratch`), copied into the arena
//      when a rule succeeds, so a list costs no heap allocation of its own.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interp/parse/ast.h"
#include "interp/parse/parser.h"
#include "interp/parse/syntax_error.h"
#include "interp/parse/token.h"
#include "interp/parse/tokenizer.h"

namespace tpy::parse {

// Rules whose results are memoised (CPython's `(memo)` rules and its left-recursive ones).
enum class Memo : uint8_t {
  SimpleStmt, Block, Expression, StarExpression, Disjunction, Conjunction, Inversion, Factor,
  AwaitPrimary, Primary, BitwiseOr, Arguments, StarTarget, TargetWithStarAtom, TPrimary,
  DelTarget, Strings, ClosedPattern, StarPattern, InvalidNamedExpr, BitwiseXor, BitwiseAnd,
  ShiftExpr, Sum, Term, Count
};

// What _PyPegen_get_invalid_target is looking for.
enum class TargetsType { Star, Del, For };

// A parameter with its default (NameDefaultPair), and the pieces that make `arguments`.
struct NameDefault {
  ast::Arg* arg;
  ast::Expr* value;  // may be null in a star_etc's keyword-only list
};
struct SlashWithDefault {
  ast::Seq<ast::Arg*> plain;
  ast::Seq<NameDefault*> with_default;
};
struct StarEtc {
  ast::Arg* vararg = nullptr;
  ast::Seq<NameDefault*> kwonly;
  ast::Arg* kwarg = nullptr;
};
// A call argument that is either a keyword or a starred expression (KeywordOrStarred).
struct KeywordOrStarred {
  void* element;
  bool is_keyword;
};
struct KeyValue {
  ast::Expr* key;  // null for `**value`
  ast::Expr* value;
};
struct KeyPattern {
  ast::Expr* key;  // a Name for class keyword patterns
  ast::Pattern* pattern;
};
struct CmpPair {
  ast::CmpOp op;
  ast::Expr* expr;
};

class Parser {
 public:
  Parser(Arena& arena, std::string_view text, std::string_view filename, ParseMode mode);

  // Runs both passes as _PyPegen_run_parser does; null on error (see error()).
  ast::Mod* run();
  const SyntaxErrorInfo& error() const { return m_err; }
  // The SyntaxWarnings CPython would have issued for what it read (ParseResult::warnings).
  std::vector<SyntaxErrorInfo> warnings() const;
  bool failed() const { return m_error; }
  Arena& arena() { return m_arena; }
  std::string_view text() const { return m_text; }

  // -- Sub-parser for f-string fields (string_parser.h) ---------------------------------------
  void set_fstring_offsets(int starting_lineno, int starting_col_offset);
  // Error columns become character offsets only when the source declared its encoding (BOM or
  // coding cookie), as in CPython's tokenizer; with a BOM, line 1's text keeps it.
  void set_declared_encoding(bool declared, bool bom) {
    m_convert_cols = declared;
    m_bom = bom;
  }
  // A file is re-read for the text of errors in 'exec' mode; a str, or 'eval' / 'single'
  // input, is quoted from the tokenizer's buffer. Bytes and str are strings to the tokenizer.
  void set_origin(SourceOrigin origin) {
    m_string_input = origin != SourceOrigin::File;
    m_buffer_text = origin == SourceOrigin::Text || m_mode != ParseMode::Exec;
  }
  // How many lines a re-read of the file finds, when the text has more (see parse()).
  void set_file_lines(int n) { m_file_lines = n; }
  ast::Expr* run_fstring();

  // -- Error reporting (parser_errors.cpp) ----------------------------------------------------
  // RAISE_ERROR_KNOWN_LOCATION: byte columns (0-based); [end_col] may be kCurrentPos or -1.
  void raise_at(SyntaxErrorInfo::Type type, int lineno, int col, int end_lineno, int end_col,
                std::string msg);
  // _PyPegen_raise_error_known_location: 1-based byte columns, end may be -1 / kCurrentPos.
  void raise_known(SyntaxErrorInfo::Type type, int lineno, int col1, int end_lineno, int end1,
                   std::string msg);
  static constexpr int kCurrentPos = -5;

  // -- Tokens -----------------------------------------------------------------------------------
  const Token& token_at(int i) {
    if (i >= m_fill) [[unlikely]] return fetch(i);
    return m_toks[i];
  }
  const Token& cur() { return token_at(m_mark); }
  Tok kind() { return token_at(m_mark).kind; }
  std::string_view tok_text(const Token& t) const {
    return m_text.substr(t.start, t.end - t.start);
  }

 private:
  friend ast::Expr* parse_fstring_expr(Parser&, std::string_view, int, int);
  friend void raise_syntax_error_at_last_token(Parser& p, std::string msg);
  friend struct Scratch;
  friend struct Depth;

  // -- Token primitives (parser.cpp) ------------------------------------------------------------
  void tokenize_all();
  void imply_final_newline();
  void take_warnings(const Tokenizer& tz);
  TokenizerOptions tokenizer_options() const;
  std::string buffer_error_line(int lineno);
  int empty_token_col(const Token& t);
  const Token& fetch(int i);
  const Token* expect(Tok k) {
    const Token& t = token_at(m_mark);
    if (t.kind != k) return nullptr;
    m_mark++;
    return &t;
  }
  bool check(Tok k) { return token_at(m_mark).kind == k; }
  bool check_at(int i, Tok k) { return token_at(i).kind == k; }
  const Token* expect_forced(Tok k, const char* text);
  const Token* expect_soft(std::string_view kw);
  bool check_soft(std::string_view kw);
  const Token* last_token() { return m_fill > 0 ? &m_toks[m_fill - 1] : nullptr; }

  // EXTRA: the location from the token at [start] to the last non-whitespace token before the
  // mark.
  ast::Loc loc_from(int start);
  ast::Loc tok_loc(const Token& t) {
    return {t.lineno, t.col_offset, t.end_lineno, t.end_col_offset};
  }

  // -- Memo ------------------------------------------------------------------------------------
  struct MemoEntry {
    void* node;
    int32_t end;
    int32_t next;  // next entry for the same token, or -1
    Memo rule;
  };
  bool memo_get(Memo rule, void*& node);
  void memo_put(Memo rule, int start, void* node);
  void memo_clear();

  // -- Node helpers (parser_helpers.cpp) --------------------------------------------------------
  ast::Ident ident(const Token& t);
  ast::Name* name_node(const Token& t, ast::ExprContext ctx = ast::ExprContext::Load);
  ast::Expr* set_ctx(ast::Expr* e, ast::ExprContext ctx);
  ast::Seq<ast::Expr*> set_seq_ctx(ast::Seq<ast::Expr*> s, ast::ExprContext ctx);
  ast::Expr* constant(ast::ConstValue::Kind kind, const Token& t);
  ast::Expr* number(const Token& t);
  ast::Arguments* empty_arguments();
  ast::Arguments* make_arguments(ast::Seq<ast::Arg*>* slash_no_default,
                                 SlashWithDefault* slash_with_default,
                                 ast::Seq<ast::Arg*>* plain, ast::Seq<NameDefault*>* with_default,
                                 StarEtc* star_etc);
  ast::Expr* collect_call_seqs(ast::Seq<ast::Expr*> a, ast::Seq<KeywordOrStarred*>* b,
                               ast::Loc loc);
  ast::Expr* make_tuple_of(ast::Expr* first, ast::Seq<ast::Expr*> rest, ast::ExprContext ctx,
                           ast::Loc loc);
  template <class T>
  ast::Seq<T> one(T x) {
    return ast::make_seq(m_arena, &x, 1);
  }
  ast::Seq<ast::Expr*> prepend(ast::Expr* first, ast::Seq<ast::Expr*> rest);
  ast::Stmt* decorate(ast::Seq<ast::Expr*> decorators, ast::Stmt* def);

  // -- Statements (parser_stmt.cpp) -----------------------------------------------------------
  ast::Mod* file_rule();
  ast::Mod* interactive_rule();
  ast::Mod* eval_rule();
  ast::Mod* func_type_rule();
  bool statements(ast::Seq<ast::Stmt*>& out);
  bool statement(struct Scratch& out);
  bool statement_newline(ast::Seq<ast::Stmt*>& out);
  bool simple_stmts(struct Scratch& out);
  ast::Stmt* simple_stmt();
  ast::Stmt* simple_stmt_raw();
  ast::Stmt* compound_stmt();
  ast::Stmt* assignment();
  ast::Expr* annotated_rhs();
  bool augassign(ast::Operator& op);
  ast::Stmt* return_stmt();
  ast::Stmt* raise_stmt();
  ast::Stmt* global_stmt(bool nonlocal);
  ast::Stmt* del_stmt();
  ast::Stmt* assert_stmt();
  ast::Stmt* import_name();
  ast::Stmt* import_from();
  bool import_from_targets(ast::Seq<ast::Alias*>& out);
  bool import_from_as_names(ast::Seq<ast::Alias*>& out);
  ast::Alias* import_from_as_name();
  ast::Alias* dotted_as_name();
  const Token* dotted_name(ast::Ident& out);
  bool block(ast::Seq<ast::Stmt*>& out);
  bool block_raw(ast::Seq<ast::Stmt*>& out);
  bool decorators(ast::Seq<ast::Expr*>& out);
  ast::Stmt* class_def();
  ast::Stmt* class_def_raw();
  ast::Stmt* function_def();
  ast::Stmt* function_def_raw();
  ast::Stmt* if_stmt(bool elif);
  bool else_block(ast::Seq<ast::Stmt*>& out);
  ast::Stmt* while_stmt();
  ast::Stmt* for_stmt();
  ast::Stmt* with_stmt();
  bool with_items(Scratch& items);
  ast::WithItem* with_item();
  ast::Stmt* try_stmt();
  ast::ExceptHandler* except_block(bool star);
  bool finally_block(ast::Seq<ast::Stmt*>& out);

  // -- Match statement (parser_pattern.cpp) -------------------------------------------------
  ast::Stmt* match_stmt();
  ast::Expr* subject_expr();
  ast::MatchCase* case_block();
  ast::Expr* guard();
  ast::Pattern* patterns();
  ast::Pattern* pattern();
  ast::Pattern* as_pattern();
  ast::Pattern* or_pattern();
  ast::Pattern* closed_pattern();
  ast::Pattern* closed_pattern_raw();
  ast::Pattern* literal_pattern();
  ast::Expr* literal_expr();
  ast::Expr* complex_number();
  ast::Expr* signed_number();
  ast::Expr* signed_real_number();
  ast::Expr* real_number();
  ast::Expr* imaginary_number();
  ast::Pattern* capture_pattern();
  const Token* pattern_capture_target();
  ast::Pattern* wildcard_pattern();
  ast::Pattern* value_pattern();
  ast::Expr* attr();
  ast::Expr* name_or_attr();
  ast::Pattern* group_pattern();
  ast::Pattern* sequence_pattern();
  bool open_sequence_pattern(ast::Seq<ast::Pattern*>& out);
  bool maybe_sequence_pattern(ast::Seq<ast::Pattern*>& out);
  ast::Pattern* maybe_star_pattern();
  ast::Pattern* star_pattern();
  ast::Pattern* star_pattern_raw();
  ast::Pattern* mapping_pattern();
  bool items_pattern(ast::Seq<KeyPattern*>& out);
  KeyPattern* key_value_pattern();
  const Token* double_star_pattern();
  ast::Pattern* class_pattern();
  bool positional_patterns(ast::Seq<ast::Pattern*>& out);
  bool keyword_patterns(ast::Seq<KeyPattern*>& out);
  KeyPattern* keyword_pattern();

  // -- Expressions (parser_expr.cpp) ------------------------------------------------------------
  ast::Expr* expressions();
  ast::Expr* expression();
  ast::Expr* expression_raw();
  ast::Expr* expression_without_invalid();
  ast::Expr* star_expression_raw();
  ast::Expr* starred_bitwise_or_or(ast::Expr* (Parser::*plain)());
  ast::Expr* disjunction_raw();
  ast::Expr* conjunction_raw();
  ast::Expr* inversion_raw();
  ast::Expr* factor_raw();
  ast::Expr* await_primary_raw();
  ast::Expr* strings_raw();
  ast::Expr* make_call(ast::Expr* func, ast::Expr* args_call, ast::Loc loc);
  ast::Expr* primary_step(ast::Expr* a, int start, bool t);
  ast::Expr* simple_comp(Tok open, Tok close, ast::ExprKind kind);
  ast::Expr* positional_arg();
  bool star_target_seq(ast::Seq<ast::Expr*>& out, bool need_comma);
  ast::Expr* subscript_attribute_target(ast::ExprContext ctx);
  ast::Expr* yield_expr();
  ast::Expr* star_expressions();
  ast::Expr* star_expression();
  bool star_named_expressions(ast::Seq<ast::Expr*>& out);
  ast::Expr* star_named_expression();
  ast::Expr* assignment_expression();
  ast::Expr* named_expression();
  ast::Expr* disjunction();
  ast::Expr* conjunction();
  ast::Expr* inversion();
  ast::Expr* comparison();
  bool compare_op_pair(CmpPair& out);
  ast::Expr* bitwise_or();
  ast::Expr* bitwise_or_raw();
  ast::Expr* bitwise_xor();
  ast::Expr* bitwise_xor_raw();
  ast::Expr* bitwise_and();
  ast::Expr* bitwise_and_raw();
  ast::Expr* shift_expr();
  ast::Expr* shift_expr_raw();
  ast::Expr* sum();
  ast::Expr* sum_raw();
  ast::Expr* term();
  ast::Expr* term_raw();
  ast::Expr* factor();
  ast::Expr* power();
  ast::Expr* await_primary();
  ast::Expr* primary();
  ast::Expr* primary_raw();
  ast::Expr* slices();
  ast::Expr* slice();
  ast::Expr* atom();
  ast::Expr* group();
  ast::Expr* lambdef();
  ast::Expr* strings();
  ast::Expr* list();
  ast::Expr* tuple();
  ast::Expr* set();
  ast::Expr* dict();
  bool double_starred_kvpairs(ast::Seq<KeyValue*>& out);
  KeyValue* double_starred_kvpair();
  KeyValue* kvpair();
  bool for_if_clauses(ast::Seq<ast::Comprehension*>& out);
  ast::Comprehension* for_if_clause();
  ast::Expr* listcomp();
  ast::Expr* setcomp();
  ast::Expr* genexp();
  void comprehension_error();
  ast::Expr* dictcomp();
  ast::Expr* arguments();
  ast::Expr* arguments_raw();
  ast::Expr* args();
  bool kwargs(ast::Seq<KeywordOrStarred*>& out);
  bool kwarg_list(ast::Seq<KeywordOrStarred*>& out, bool double_starred);
  ast::Expr* starred_expression();
  KeywordOrStarred* kwarg_or_starred(bool double_starred);
  ast::Expr* genexp_or_plain_arg();

  // -- Parameters (parser_params.cpp) -----------------------------------------------------------
  ast::Arguments* params(bool lambda);
  ast::Arguments* parameters(bool lambda);
  bool slash_no_default(bool lambda, ast::Seq<ast::Arg*>& out);
  SlashWithDefault* slash_with_default(bool lambda);
  StarEtc* star_etc(bool lambda);
  ast::Arg* kwds(bool lambda);
  ast::Arg* param_no_default(bool lambda);
  ast::Arg* param_no_default_star_annotation();
  NameDefault* param_with_default(bool lambda);
  NameDefault* param_maybe_default(bool lambda);
  ast::Arg* param(bool lambda);
  ast::Arg* param_star_annotation();
  ast::Expr* default_value();
  bool param_tail(bool lambda);
  bool param_no_default_star(bool lambda, ast::Seq<ast::Arg*>& out, bool plus);
  bool param_with_default_star(bool lambda, ast::Seq<NameDefault*>& out, bool plus);
  bool param_maybe_default_star(bool lambda, ast::Seq<NameDefault*>& out, bool plus);

  // -- Targets (parser_expr.cpp) ----------------------------------------------------------------
  ast::Expr* star_targets();
  bool star_targets_list_seq(ast::Seq<ast::Expr*>& out);
  bool star_targets_tuple_seq(ast::Seq<ast::Expr*>& out);
  ast::Expr* star_target();
  ast::Expr* star_target_raw();
  ast::Expr* target_with_star_atom();
  ast::Expr* target_with_star_atom_raw();
  ast::Expr* star_atom();
  ast::Expr* single_target();
  ast::Expr* single_subscript_attribute_target();
  ast::Expr* t_primary();
  ast::Expr* t_primary_raw();
  bool t_lookahead();
  bool del_targets(ast::Seq<ast::Expr*>& out);
  ast::Expr* del_target();
  ast::Expr* del_target_raw();
  ast::Expr* del_t_atom();
  bool type_expressions(ast::Seq<ast::Expr*>& out);

  // -- invalid_* rules (parser_errors.cpp) ------------------------------------------------------
  void raise_token(const Token& t, std::string msg,
                   SyntaxErrorInfo::Type type = SyntaxErrorInfo::Type::SyntaxError);
  void raise_here(std::string msg,
                  SyntaxErrorInfo::Type type = SyntaxErrorInfo::Type::SyntaxError);
  void raise_node(const ast::Loc& a, std::string msg);
  void raise_range(const ast::Loc& a, const ast::Loc& b, std::string msg);
  void raise_starting_from(const ast::Loc& a, std::string msg);
  void raise_invalid_target(TargetsType type, ast::Expr* e);
  void set_syntax_error(int last_token);
  void tokenize_full_source_check(bool specialised);
  bool raise_tokenizer_error();
  void generic_error_pass();
  bool bad_single_statement();
  bool check_legacy_stmt(ast::Expr* name);
  void arguments_parsing_error(ast::Expr* call);
  void nonparen_genexp_in_call(ast::Expr* args, ast::Seq<ast::Comprehension*> comps);

  void* invalid_arguments();
  void* invalid_kwarg();
  void* invalid_legacy_expression();
  void* invalid_expression();
  void* invalid_named_expression();
  void* invalid_named_expression_raw();
  void* invalid_assignment();
  ast::Expr* invalid_ann_assign_target();
  void* invalid_del_stmt();
  void* invalid_block();
  void* invalid_comprehension();
  void* invalid_dict_comprehension();
  void* invalid_parameters(bool lambda);
  void* invalid_parameters_helper(bool lambda);
  void* invalid_default();
  void* invalid_star_etc(bool lambda);
  void* invalid_kwds(bool lambda);
  void* invalid_with_item();
  void* invalid_for_target();
  void* invalid_group();
  void* invalid_import_from_targets();
  void* invalid_with_stmt();
  void* invalid_with_stmt_indent();
  void* invalid_try_stmt();
  void* invalid_except_stmt();
  void* invalid_finally_stmt();
  void* invalid_except_stmt_indent();
  void* invalid_except_star_stmt_indent();
  void* invalid_match_stmt();
  void* invalid_case_block();
  void* invalid_as_pattern();
  void* invalid_class_pattern();
  void* invalid_if_stmt(bool elif);
  void* invalid_cond_stmt(Tok kw, const char* what);
  void* invalid_kvpair_tail(bool);
  bool double_starred_kvpairs_plain(ast::Seq<KeyValue*>& out);
  int cursor_col(const Token& t);
  std::string_view source_line(int lineno);
  void* invalid_else_stmt();
  void* invalid_while_stmt();
  void* invalid_for_stmt();
  void* invalid_def_raw();
  void* invalid_class_def_raw();
  void* invalid_double_starred_kvpairs();
  void* invalid_kvpair();
  bool with_item_list_for_error(bool parenthesized);
  bool block_indent_error(const Token& kw, const char* what);
  bool skip_as_name();

  // -- State ------------------------------------------------------------------------------------
  Arena& m_arena;
  std::string_view m_text;
  std::string m_filename;
  ParseMode m_mode;
  std::vector<Token> m_toks;
  std::vector<int16_t> m_levels;  // bracket depth after each token (CPython's token->level)
  int m_ntoks = 0;            // tokens produced before a tokenizer error (or through ENDMARKER)
  int m_eof_token = 1 << 30;  // the first token whose scan read the end of input
  bool m_tok_failed = false;  // the tokenizer stopped on an error (m_tok_err)
  SyntaxErrorInfo m_tok_err;
  SyntaxErrorInfo m_tok_unclosed;  // the innermost bracket still open at m_tok_err, if any
  std::vector<std::pair<int, SyntaxErrorInfo>> m_warnings;  // (token index or -1, warning)
  size_t m_warnings_seen = 0;
  bool m_tokenized_all = false;    // an error check read the rest of the input
  std::vector<std::string_view> m_lines;  // source lines, for error texts
  int m_mark = 0;
  int m_fill = 0;                  // tokens fetched so far (CPython's p->fill)
  bool m_error = false;            // p->error_indicator
  bool m_tok_error_raised = false; // the error in m_err came from the tokenizer
  bool m_call_invalid = false;     // invalid_* rules enabled (second pass)
  bool m_second_pass = false;
  int m_level = 0;                 // recursion depth (see Depth)
  bool m_fstring = false;          // parsing an f-string field (Py_fstring_input)
  bool m_convert_cols = false;
  bool m_bom = false;
  bool m_string_input = false;     // TokenizerOptions::string_input
  bool m_buffer_text = false;      // TokenizerOptions::buffer_text
  int m_file_lines = 1 << 30;
  int m_starting_lineno = 0;
  int m_starting_col = 0;
  SyntaxErrorInfo m_err;
  std::vector<void*> m_scratch;
  std::vector<MemoEntry> m_memo;
  std::vector<int32_t> m_memo_head;  // per token: first memo entry, or -1
};

// A region of the parser's scratch stack; popped when it goes out of scope.
struct Scratch {
  explicit Scratch(Parser& p) : m_p(p), m_base(p.m_scratch.size()) {}
  ~Scratch() { m_p.m_scratch.resize(m_base); }
  Scratch(const Scratch&) = delete;
  void push(void* x) { m_p.m_scratch.push_back(x); }
  size_t size() const { return m_p.m_scratch.size() - m_base; }
  void* operator[](size_t i) const { return m_p.m_scratch[m_base + i]; }
  void truncate(size_t n) { m_p.m_scratch.resize(m_base + n); }
  template <class T>
  ast::Seq<T> seq() const {
    ast::Seq<T> s;
    s.count = static_cast<uint32_t>(size());
    s.items = s.count ? static_cast<T*>(m_p.m_arena.alloc(sizeof(T) * s.count, alignof(T)))
                      : nullptr;
    for (uint32_t i = 0; i < s.count; i++) s.items[i] = static_cast<T>((*this)[i]);
    return s;
  }
  Parser& m_p;
  size_t m_base;
};

// Counts nesting of the recursive rules so that deep input fails cleanly instead of
// overflowing the native stack (CPython's MAXSTACK).
struct Depth {
  Depth(Parser& p, int weight) : m_p(p), m_weight(weight) { m_p.m_level += weight; }
  ~Depth() { m_p.m_level -= m_weight; }
  bool overflow();
  Parser& m_p;
  int m_weight;
};

}  // namespace tpy::parse
