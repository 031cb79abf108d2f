// interp/parse/parser_errors.cpp -- Syntax errors: the invalid_* rules of the second pass and
// the reporting logic of CPython's pegen_errors.c.
//
// Rules to keep, as pegen has them:
//   1. An invalid_* rule stops at its first alternative whose items all match, whether or not
//      that alternative's action raises (a few actions decide not to and return nothing).
//   2. The first error raised wins; m_error then makes every rule fail on the way out.
//   3. A generic "invalid syntax" points at the furthest token the *first* pass fetched; a
//      tokenizer error later in the file overrides it (tokenize_full_source_check).
#include <string>

#include "interp/parse/parser_internal.h"

namespace tpy::parse {

using namespace ast;

namespace {

const char* expr_name(const Expr* e) {
  switch (e->tag) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant:
      switch (static_cast<const Constant*>(e)->value.kind) {
        case ConstValue::Kind::None: return "None";
        case ConstValue::Kind::False: return "False";
        case ConstValue::Kind::True: return "True";
        case ConstValue::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    default: return "expression";
  }
}

// _PyPegen_get_invalid_target: the sub-expression that makes [e] an invalid target, if any.
Expr* invalid_target(Expr* e, TargetsType type) {
  if (!e) return nullptr;
  switch (e->tag) {
    case ExprKind::List:
    case ExprKind::Tuple: {
      Seq<Expr*> elts = e->tag == ExprKind::List ? as<List>(e)->elts : as<Tuple>(e)->elts;
      for (Expr* x : elts)
        if (Expr* bad = invalid_target(x, type)) return bad;
      return nullptr;
    }
    case ExprKind::Starred:
      if (type == TargetsType::Del) return e;
      return invalid_target(as<Starred>(e)->value, type);
    case ExprKind::Compare:
      // `for a in b`: the target was parsed as the comparison `a in b`.
      if (type == TargetsType::For) {
        Compare* c = as<Compare>(e);
        return c->ops[0] == CmpOp::In ? invalid_target(c->left, type) : nullptr;
      }
      return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute: return nullptr;
    default: return e;
  }
}

Expr* last_comprehension_item(Seq<Comprehension*> comps) {
  Comprehension* c = comps[comps.count - 1];
  return c->ifs.count ? c->ifs[c->ifs.count - 1] : c->iter;
}

}  // namespace

// -- Raising --------------------------------------------------------------------------------------

void Parser::raise_token(const Token& t, std::string msg, SyntaxErrorInfo::Type type) {
  raise_at(type, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset, std::move(msg));
}

void Parser::raise_node(const Loc& a, std::string msg) {
  raise_at(SyntaxErrorInfo::Type::SyntaxError, a.lineno, a.col_offset, a.end_lineno,
           a.end_col_offset, std::move(msg));
}

void Parser::raise_range(const Loc& a, const Loc& b, std::string msg) {
  raise_at(SyntaxErrorInfo::Type::SyntaxError, a.lineno, a.col_offset, b.end_lineno,
           b.end_col_offset, std::move(msg));
}

void Parser::raise_starting_from(const Loc& a, std::string msg) {
  raise_at(SyntaxErrorInfo::Type::SyntaxError, a.lineno, a.col_offset, kCurrentPos, kCurrentPos,
           std::move(msg));
}

// RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token fetched. INDENT, DEDENT and
// ENDMARKER have no columns (-1); the tokenizer's cursor stands in, as in _PyPegen_raise_error.
void Parser::raise_here(std::string msg, SyntaxErrorInfo::Type type) {
  const Token* t = last_token();
  if (!t) {
    raise_known(type, 0, 0, 0, -1, std::move(msg));
    return;
  }
  if (t->col_offset == -1) {
    raise_known(type, t->lineno, empty_token_col(*t), t->end_lineno, -1, std::move(msg));
    return;
  }
  raise_known(type, t->lineno, t->col_offset + 1, t->end_lineno, t->end_col_offset + 1,
              std::move(msg));
}

void Parser::raise_invalid_target(TargetsType type, Expr* e) {
  Expr* bad = invalid_target(e, type);
  if (!bad) return;
  const char* fmt = type == TargetsType::Del ? "cannot delete " : "cannot assign to ";
  raise_node(bad->loc, std::string(fmt) + expr_name(bad));
}

bool Parser::check_legacy_stmt(Expr* name) {
  if (name->tag != ExprKind::Name) return false;
  Ident id = as<Name>(name)->id;
  return id == "print" || id == "exec";
}

void Parser::arguments_parsing_error(Expr* call) {
  bool keyword_unpacking = false;
  for (Keyword* k : as<Call>(call)->keywords)
    if (!k->arg.data()) keyword_unpacking = true;
  raise_here(keyword_unpacking ? "positional argument follows keyword argument unpacking"
                               : "positional argument follows keyword argument");
}

void Parser::nonparen_genexp_in_call(Expr* args, Seq<Comprehension*> comps) {
  Seq<Expr*> a = as<Call>(args)->args;
  if (a.count <= 1) return;
  raise_range(a[a.count - 1]->loc, last_comprehension_item(comps)->loc,
              "Generator expression must be parenthesized");
}

// _Pypegen_set_syntax_error, after the second pass.
void Parser::set_syntax_error(int last_index) {
  if (m_error) {
    if (!m_tok_error_raised) tokenize_full_source_check(true);
    return;
  }
  if (last_index < 0) {
    raise_here("error at start before reading any input");
    return;
  }
  const Token& last = m_toks[last_index];
  if (last.kind == Tok::Indent || last.kind == Tok::Dedent) {
    raise_here(last.kind == Tok::Indent ? "unexpected indent" : "unexpected unindent",
               SyntaxErrorInfo::Type::IndentationError);
    return;
  }
  raise_token(last, "invalid syntax");
  tokenize_full_source_check(false);
}

namespace {
// Tokenizer errors that CPython's tokenizer only records in tok->done (the parser turns them
// into exceptions); the rest are raised by the tokenizer itself.
bool is_deferred_tokenizer_error(const SyntaxErrorInfo& e) {
  if (e.type != SyntaxErrorInfo::Type::SyntaxError) return true;  // IndentationError, TabError
  const std::string& m = e.msg;
  return m == "unexpected EOF while parsing" ||
         m == "unexpected character after line continuation character" ||
         m.find("was never closed") != std::string::npos;
}
}  // namespace

// _PyPegen_tokenize_full_source_to_check_for_errors: a tokenizer error anywhere after the parse
// error replaces it, except the deferred kinds; an unclosed bracket replaces it only when it
// was opened on an earlier line. A specialised error is checked so only while the tokenizer
// has not yet read the end of input (a last token without a newline after it reads it).
void Parser::tokenize_full_source_check(bool specialised) {
  if (m_fstring) return;
  // CPython checks a specialised error only if it is a SyntaxError (not the nesting limit's
  // MemoryError) raised while its tokenizer is still fine.
  if (specialised &&
      (m_fill - 1 >= m_eof_token || m_err.type == SyntaxErrorInfo::Type::MemoryError))
    return;
  m_tokenized_all = true;
  if (!m_tok_failed) return;
  if (!is_deferred_tokenizer_error(m_tok_err)) {
    m_err = m_tok_err;
    return;
  }
  // Any deferred error (end of input, a bad continuation) while brackets are open.
  const Token* t = last_token();
  int err_line = t ? t->lineno : 0;
  if (!m_tok_unclosed.msg.empty() && err_line > m_tok_unclosed.lineno) m_err = m_tok_unclosed;
}

// -- Helpers for the rules below ------------------------------------------------------------------

#define BAIL() \
  if (m_error) return nullptr

// After `... ':' NEWLINE`: !INDENT raises the "expected an indented block after ..." error.
bool Parser::block_indent_error(const Token& kw, const char* what) {
  if (!expect(Tok::Newline) || check(Tok::Indent)) return false;
  raise_here(std::string("expected an indented block after ") + what + " on line " +
                 std::to_string(kw.lineno),
             SyntaxErrorInfo::Type::IndentationError);
  return true;
}

// ['as' NAME]
bool Parser::skip_as_name() {
  int m = m_mark;
  if (expect(Tok::KwAs) && expect(Tok::Name)) return true;
  m_mark = m;
  return false;
}

// ','.(expression ['as' star_target])+ (or with `expressions` when [parenthesized]).
bool Parser::with_item_list_for_error(bool parenthesized) {
  int count = 0;
  for (;;) {
    int m = m_mark;
    Expr* e = parenthesized ? expressions() : expression();
    if (!e) {
      m_mark = m;
      if (count == 0) return false;
      m_mark--;
      return true;
    }
    int m2 = m_mark;
    if (!expect(Tok::KwAs) || !star_target()) m_mark = m2;
    if (m_error) return false;
    count++;
    if (!expect(Tok::Comma)) return true;
  }
}

// -- Call arguments -------------------------------------------------------------------------------

void* Parser::invalid_arguments() {
  BAIL();
  int m = m_mark;
  static int matched;
  void* done = &matched;
  // a=args ',' '*'
  if (Expr* a = args()) {
    if (expect(Tok::Comma) && expect(Tok::Star)) {
      raise_node(a->loc, "iterable argument unpacking follows keyword argument unpacking");
      return done;
    }
  }
  BAIL();
  m_mark = m;
  // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
  if (Expr* a = expression()) {
    Seq<Comprehension*> b;
    if (for_if_clauses(b) && expect(Tok::Comma)) {
      int m2 = m_mark;
      if (!args()) {
        m_mark = m2;
        Seq<Comprehension*> c;
        if (!expression() || !for_if_clauses(c)) m_mark = m2;
      }
      BAIL();
      raise_range(a->loc, last_comprehension_item(b)->loc,
                  "Generator expression must be parenthesized");
      return done;
    }
  }
  BAIL();
  m_mark = m;
  // a=NAME b='=' expression for_if_clauses
  if (const Token* a = expect(Tok::Name)) {
    if (const Token* b = expect(Tok::Equal)) {
      Seq<Comprehension*> c;
      if (expression() && for_if_clauses(c)) {
        raise_range(tok_loc(*a), tok_loc(*b),
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return done;
      }
    }
  }
  BAIL();
  m_mark = m;
  // a=args b=for_if_clauses
  if (Expr* a = args()) {
    Seq<Comprehension*> b;
    if (for_if_clauses(b)) {
      nonparen_genexp_in_call(a, b);
      return done;
    }
  }
  BAIL();
  m_mark = m;
  // args ',' a=expression b=for_if_clauses
  if (args() && expect(Tok::Comma)) {
    if (Expr* a = expression()) {
      Seq<Comprehension*> b;
      if (for_if_clauses(b)) {
        raise_range(a->loc, last_comprehension_item(b)->loc,
                    "Generator expression must be parenthesized");
        return done;
      }
    }
  }
  BAIL();
  m_mark = m;
  // a=args ',' args
  if (Expr* a = args()) {
    if (expect(Tok::Comma) && args()) {
      arguments_parsing_error(a);
      return done;
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_kwarg() {
  BAIL();
  int m = m_mark;
  static int matched;
  void* done = &matched;
  // a=('True'|'False'|'None') b='='
  const Token& a = cur();
  if (a.kind == Tok::KwTrue || a.kind == Tok::KwFalse || a.kind == Tok::KwNone) {
    m_mark++;
    if (const Token* b = expect(Tok::Equal)) {
      raise_range(tok_loc(a), tok_loc(*b), "cannot assign to " + std::string(tok_text(a)));
      return done;
    }
  }
  m_mark = m;
  // a=NAME b='=' expression for_if_clauses
  if (const Token* n = expect(Tok::Name)) {
    if (const Token* b = expect(Tok::Equal)) {
      Seq<Comprehension*> c;
      if (expression() && for_if_clauses(c)) {
        raise_range(tok_loc(*n), tok_loc(*b),
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return done;
      }
    }
  }
  BAIL();
  m_mark = m;
  // !(NAME '=') a=expression b='='
  if (!(check(Tok::Name) && check_at(m_mark + 1, Tok::Equal))) {
    if (Expr* e = expression()) {
      if (const Token* b = expect(Tok::Equal)) {
        raise_range(e->loc, tok_loc(*b),
                    "expression cannot contain assignment, perhaps you meant \"==\"?");
        return done;
      }
    }
  }
  m_mark = m;
  return nullptr;
}

// -- Expressions ----------------------------------------------------------------------------------

void* Parser::invalid_legacy_expression() {
  BAIL();
  int m = m_mark;
  static int matched;
  const Token* a = expect(Tok::Name);
  if (a && !check(Tok::LPar)) {
    if (Expr* b = star_expressions()) {
      Name* name = name_node(*a);
      if (check_legacy_stmt(name)) {
        std::string id(name->id);
        raise_range(name->loc, b->loc,
                    "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
      }
      return &matched;
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_expression() {
  BAIL();
  int m = m_mark;
  static int matched;
  // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
  bool name_string = check(Tok::Name) && check_at(m_mark + 1, Tok::String);
  // pegen's SOFT_KEYWORD compares only the name's length of each soft keyword, so in 3.11 any
  // prefix of one counts too: `(c a)` is not reported as a missing comma, `(x a)` is.
  bool soft = false;
  if (check(Tok::Name)) {
    std::string_view s = tok_text(cur());
    for (std::string_view kw : {"_", "case", "match"})
      if (kw.substr(0, s.size()) == s) soft = true;
  }
  if (!name_string && !soft) {
    if (Expr* a = disjunction()) {
      // Invalid rules stay off below, as in pegen's *_without_invalid rules.
      bool saved = m_call_invalid;
      m_call_invalid = false;
      Expr* b = expression_without_invalid();
      m_call_invalid = saved;
      if (b) {
        if (!check_legacy_stmt(a) && m_levels[m_mark - 1] != 0)
          raise_range(a->loc, b->loc, "invalid syntax. Perhaps you forgot a comma?");
        return &matched;
      }
    }
  }
  BAIL();
  m_mark = m;
  // a=disjunction 'if' b=disjunction !('else'|':')
  if (Expr* a = disjunction()) {
    if (expect(Tok::KwIf)) {
      if (Expr* b = disjunction()) {
        if (!check(Tok::KwElse) && !check(Tok::Colon)) {
          raise_range(a->loc, b->loc, "expected 'else' after 'if' expression");
          return &matched;
        }
      }
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_named_expression() {
  BAIL();
  int m = m_mark;
  void* r;
  if (memo_get(Memo::InvalidNamedExpr, r)) return r;
  r = invalid_named_expression_raw();
  if (!r) m_mark = m;
  memo_put(Memo::InvalidNamedExpr, m, r);
  return r;
}

void* Parser::invalid_named_expression_raw() {
  int m = m_mark;
  static int matched;
  // a=expression ':=' expression
  if (Expr* a = expression()) {
    if (expect(Tok::ColonEqual) && expression()) {
      raise_node(a->loc,
                 std::string("cannot use assignment expressions with ") + expr_name(a));
      return &matched;
    }
  }
  BAIL();
  m_mark = m;
  // a=NAME '=' b=bitwise_or !('='|':=')
  if (const Token* a = expect(Tok::Name)) {
    if (expect(Tok::Equal)) {
      if (Expr* b = bitwise_or()) {
        if (!check(Tok::Equal) && !check(Tok::ColonEqual)) {
          raise_range(tok_loc(*a), b->loc,
                      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
          return &matched;
        }
      }
    }
  }
  BAIL();
  m_mark = m;
  // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
  bool excluded = false;
  Tok k = kind();
  if (k == Tok::KwTrue || k == Tok::KwNone || k == Tok::KwFalse) {
    excluded = true;
  } else if (k == Tok::LSqb) {
    excluded = list() != nullptr;
  } else if (k == Tok::LPar) {
    excluded = tuple() != nullptr;
    BAIL();
    m_mark = m;
    if (!excluded) excluded = genexp() != nullptr;
  }
  BAIL();
  m_mark = m;
  if (!excluded) {
    if (Expr* a = bitwise_or()) {
      if (expect(Tok::Equal) && bitwise_or() && !check(Tok::Equal) && !check(Tok::ColonEqual)) {
        raise_node(a->loc, std::string("cannot assign to ") + expr_name(a) +
                               " here. Maybe you meant '==' instead of '='?");
        return &matched;
      }
    }
  }
  m_mark = m;
  return nullptr;
}

// -- Assignments ----------------------------------------------------------------------------------

Expr* Parser::invalid_ann_assign_target() {
  BAIL();
  int m = m_mark;
  if (Expr* e = list()) return e;
  BAIL();
  m_mark = m;
  if (Expr* e = tuple()) return e;
  BAIL();
  m_mark = m;
  if (expect(Tok::LPar)) {
    Expr* a = invalid_ann_assign_target();
    if (a && expect(Tok::RPar)) return a;
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_assignment() {
  BAIL();
  int m = m_mark;
  static int matched;
  // a=invalid_ann_assign_target ':' expression
  if (Expr* a = invalid_ann_assign_target()) {
    if (expect(Tok::Colon) && expression()) {
      raise_node(a->loc, std::string("only single target (not ") + expr_name(a) +
                             ") can be annotated");
      return &matched;
    }
  }
  BAIL();
  m_mark = m;
  // a=star_named_expression ',' star_named_expressions* ':' expression
  if (Expr* a = star_named_expression()) {
    if (expect(Tok::Comma)) {
      Seq<Expr*> rest;
      while (star_named_expressions(rest)) {
      }
      if (expect(Tok::Colon) && expression()) {
        raise_node(a->loc, "only single target (not tuple) can be annotated");
        return &matched;
      }
    }
  }
  BAIL();
  m_mark = m;
  // a=expression ':' expression
  if (Expr* a = expression()) {
    if (expect(Tok::Colon) && expression()) {
      raise_node(a->loc, "illegal target for annotation");
      return &matched;
    }
  }
  BAIL();
  // (star_targets '=')* a=star_expressions '='
  // (star_targets '=')* a=yield_expr '='
  for (int alt = 0; alt < 2; alt++) {
    m_mark = m;
    for (;;) {
      int m2 = m_mark;
      if (!star_targets() || !expect(Tok::Equal)) {
        m_mark = m2;
        break;
      }
    }
    BAIL();
    Expr* a = alt == 0 ? star_expressions() : yield_expr();
    if (a && expect(Tok::Equal)) {
      if (alt == 0) raise_invalid_target(TargetsType::Star, a);
      else raise_node(a->loc, "assignment to yield expression not possible");
      return &matched;
    }
    BAIL();
  }
  m_mark = m;
  // a=star_expressions augassign (yield_expr | star_expressions)
  if (Expr* a = star_expressions()) {
    Operator op;
    if (augassign(op) && annotated_rhs()) {
      raise_node(a->loc, std::string("'") + expr_name(a) +
                             "' is an illegal expression for augmented assignment");
      return &matched;
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_del_stmt() {
  BAIL();
  static int matched;
  int m = m_mark;
  if (expect(Tok::KwDel)) {
    if (Expr* a = star_expressions()) {
      raise_invalid_target(TargetsType::Del, a);
      return &matched;
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_block() {
  BAIL();
  static int matched;
  int m = m_mark;
  if (expect(Tok::Newline) && !check(Tok::Indent)) {
    raise_here("expected an indented block", SyntaxErrorInfo::Type::IndentationError);
    return &matched;
  }
  m_mark = m;
  return nullptr;
}

// -- Comprehensions and displays ------------------------------------------------------------------

void* Parser::invalid_comprehension() {
  BAIL();
  static int matched;
  int m = m_mark;
  Tok open = kind();
  if (open != Tok::LSqb && open != Tok::LPar && open != Tok::LBrace) return nullptr;
  m_mark++;
  // ('[' | '(' | '{') a=starred_expression for_if_clauses
  if (Expr* a = starred_expression()) {
    Seq<Comprehension*> c;
    if (for_if_clauses(c)) {
      raise_node(a->loc, "iterable unpacking cannot be used in comprehension");
      return &matched;
    }
  }
  BAIL();
  if (open == Tok::LPar) {
    m_mark = m;
    return nullptr;
  }
  // ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
  m_mark = m + 1;
  if (Expr* a = star_named_expression()) {
    if (expect(Tok::Comma)) {
      Seq<Expr*> b;
      Seq<Comprehension*> c;
      if (star_named_expressions(b) && for_if_clauses(c)) {
        raise_range(a->loc, b[b.count - 1]->loc,
                    "did you forget parentheses around the comprehension target?");
        return &matched;
      }
    }
  }
  BAIL();
  // ('[' | '{') a=star_named_expression b=',' for_if_clauses
  m_mark = m + 1;
  if (Expr* a = star_named_expression()) {
    if (const Token* b = expect(Tok::Comma)) {
      Seq<Comprehension*> c;
      if (for_if_clauses(c)) {
        raise_range(a->loc, tok_loc(*b),
                    "did you forget parentheses around the comprehension target?");
        return &matched;
      }
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_dict_comprehension() {
  BAIL();
  static int matched;
  int m = m_mark;
  if (expect(Tok::LBrace)) {
    if (const Token* a = expect(Tok::DoubleStar)) {
      Seq<Comprehension*> c;
      if (bitwise_or() && for_if_clauses(c) && expect(Tok::RBrace)) {
        raise_token(*a, "dict unpacking cannot be used in dict comprehension");
        return &matched;
      }
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_double_starred_kvpairs() {
  BAIL();
  static int matched;
  int m = m_mark;
  // ','.double_starred_kvpair+ ',' invalid_kvpair
  Seq<KeyValue*> pairs;
  if (double_starred_kvpairs_plain(pairs) && expect(Tok::Comma) && invalid_kvpair())
    return &matched;
  BAIL();
  m_mark = m;
  return invalid_kvpair_tail(false);
}

// ','.double_starred_kvpair+ without the trailing comma.
bool Parser::double_starred_kvpairs_plain(Seq<KeyValue*>& out) {
  int count = 0;
  for (;;) {
    int m = m_mark;
    if (!double_starred_kvpair()) {
      m_mark = m;
      if (count == 0) return false;
      m_mark--;
      return true;
    }
    count++;
    if (!expect(Tok::Comma)) return true;
  }
  (void)out;
}

void* Parser::invalid_kvpair() {
  BAIL();
  static int matched;
  int m = m_mark;
  // a=expression !(':')
  if (Expr* a = expression()) {
    if (!check(Tok::Colon)) {
      raise_at(SyntaxErrorInfo::Type::SyntaxError, a->loc.lineno, a->loc.end_col_offset - 1,
               a->loc.end_lineno, -1, "':' expected after dictionary key");
      return &matched;
    }
  }
  BAIL();
  m_mark = m;
  return invalid_kvpair_tail(true);
}

// The two alternatives shared by invalid_double_starred_kvpairs and invalid_kvpair:
// expression ':' a='*' bitwise_or | expression a=':' &('}'|',')
void* Parser::invalid_kvpair_tail(bool) {
  static int matched;
  int m = m_mark;
  if (expression()) {
    if (expect(Tok::Colon)) {
      if (const Token* a = expect(Tok::Star)) {
        if (bitwise_or()) {
          raise_starting_from(tok_loc(*a),
                              "cannot use a starred expression in a dictionary value");
          return &matched;
        }
      }
    }
  }
  BAIL();
  m_mark = m;
  if (expression()) {
    if (const Token* a = expect(Tok::Colon)) {
      if (check(Tok::RBrace) || check(Tok::Comma)) {
        raise_token(*a, "expression expected after dictionary key and ':'");
        return &matched;
      }
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_group() {
  BAIL();
  static int matched;
  int m = m_mark;
  if (expect(Tok::LPar)) {
    if (Expr* a = starred_expression()) {
      if (expect(Tok::RPar)) {
        raise_node(a->loc, "cannot use starred expression here");
        return &matched;
      }
    }
    BAIL();
    m_mark = m + 1;
    if (const Token* a = expect(Tok::DoubleStar)) {
      if (expression() && expect(Tok::RPar)) {
        raise_token(*a, "cannot use double starred expression here");
        return &matched;
      }
    }
  }
  m_mark = m;
  return nullptr;
}

// -- Parameters -----------------------------------------------------------------------------------

void* Parser::invalid_parameters_helper(bool lambda) {
  static int matched;
  int m = m_mark;
  if (slash_with_default(lambda)) return &matched;
  BAIL();
  m_mark = m;
  Seq<NameDefault*> list;
  if (param_with_default_star(lambda, list, true)) return &matched;
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_parameters(bool lambda) {
  BAIL();
  static int matched;
  int m = m_mark;
  Seq<Arg*> plain;
  // param_no_default* invalid_parameters_helper a=param_no_default
  param_no_default_star(lambda, plain, false);
  if (invalid_parameters_helper(lambda)) {
    if (Arg* a = param_no_default(lambda)) {
      raise_node(a->loc, "non-default argument follows default argument");
      return &matched;
    }
  }
  BAIL();
  m_mark = m;
  // param_no_default* a='(' param_no_default+ ','? b=')'       (def)
  // lambda_param_no_default* a='(' ','.lambda_param+ ','? b=')'  (lambda)
  param_no_default_star(lambda, plain, false);
  if (const Token* a = expect(Tok::LPar)) {
    bool ok;
    if (lambda) {
      int count = 0;
      for (;;) {
        int m2 = m_mark;
        if (!param(true)) {
          m_mark = m2;
          if (count > 0) m_mark--;
          break;
        }
        count++;
        if (!expect(Tok::Comma)) break;
      }
      ok = count > 0;
    } else {
      Seq<Arg*> inner;
      ok = param_no_default_star(false, inner, true);
    }
    if (ok) {
      expect(Tok::Comma);
      if (const Token* b = expect(Tok::RPar)) {
        raise_range(tok_loc(*a), tok_loc(*b),
                    lambda ? "Lambda expression parameters cannot be parenthesized"
                           : "Function parameters cannot be parenthesized");
        return &matched;
      }
    }
  }
  BAIL();
  m_mark = m;
  // a="/" ','
  if (const Token* a = expect(Tok::Slash)) {
    if (expect(Tok::Comma)) {
      raise_token(*a, "at least one argument must precede /");
      return &matched;
    }
  }
  m_mark = m;
  // (slash_no_default | slash_with_default) param_maybe_default* a='/'
  Seq<NameDefault*> maybe;
  bool slash = slash_no_default(lambda, plain);
  BAIL();
  if (!slash) {
    m_mark = m;
    slash = slash_with_default(lambda) != nullptr;
  }
  BAIL();
  if (slash) {
    param_maybe_default_star(lambda, maybe, false);
    if (const Token* a = expect(Tok::Slash)) {
      raise_token(*a, "/ may appear only once");
      return &matched;
    }
  }
  BAIL();
  m_mark = m;
  // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
  //     param_maybe_default* a='/'
  if (!slash_no_default(lambda, plain)) {
    BAIL();
    m_mark = m;
    if (!slash_with_default(lambda)) m_mark = m;
  }
  BAIL();
  param_maybe_default_star(lambda, maybe, false);
  if (expect(Tok::Star)) {
    if (expect(Tok::Comma) || param_no_default(lambda)) {
      param_maybe_default_star(lambda, maybe, false);
      if (const Token* a = expect(Tok::Slash)) {
        raise_token(*a, "/ must be ahead of *");
        return &matched;
      }
    }
  }
  BAIL();
  m_mark = m;
  // param_maybe_default+ '/' a='*'
  if (param_maybe_default_star(lambda, maybe, true) && expect(Tok::Slash)) {
    if (const Token* a = expect(Tok::Star)) {
      raise_token(*a, "expected comma between / and *");
      return &matched;
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_default() {
  BAIL();
  static int matched;
  int m = m_mark;
  if (const Token* a = expect(Tok::Equal)) {
    if (check(Tok::RPar) || check(Tok::Comma)) {
      raise_token(*a, "expected default value expression");
      return &matched;
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_star_etc(bool lambda) {
  BAIL();
  static int matched;
  int m = m_mark;
  Tok close = lambda ? Tok::Colon : Tok::RPar;
  // a='*' (')' | ',' (')' | '**'))        (lambda: ':' instead of ')')
  if (const Token* a = expect(Tok::Star)) {
    bool hit = check(close);
    if (!hit && check(Tok::Comma)) {
      Tok k = token_at(m_mark + 1).kind;
      hit = k == close || k == Tok::DoubleStar;
    }
    if (hit) {
      if (lambda) raise_here("named arguments must follow bare *");
      else raise_token(*a, "named arguments must follow bare *");
      return &matched;
    }
  }
  m_mark = m;
  // '*' param a='='
  if (expect(Tok::Star) && param(lambda)) {
    if (const Token* a = expect(Tok::Equal)) {
      raise_token(*a, "var-positional argument cannot have default value");
      return &matched;
    }
  }
  BAIL();
  m_mark = m;
  // '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
  if (expect(Tok::Star) && (param_no_default(lambda) || expect(Tok::Comma))) {
    Seq<NameDefault*> maybe;
    param_maybe_default_star(lambda, maybe, false);
    if (const Token* a = expect(Tok::Star)) {
      if (param_no_default(lambda) || expect(Tok::Comma)) {
        raise_token(*a, "* argument may appear only once");
        return &matched;
      }
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_kwds(bool lambda) {
  BAIL();
  static int matched;
  int m = m_mark;
  if (expect(Tok::DoubleStar) && param(lambda)) {
    if (const Token* a = expect(Tok::Equal)) {
      raise_token(*a, "var-keyword argument cannot have default value");
      return &matched;
    }
    if (expect(Tok::Comma)) {
      int m2 = m_mark;
      if (Arg* a = param(lambda)) {
        raise_node(a->loc, "arguments cannot follow var-keyword argument");
        return &matched;
      }
      BAIL();
      m_mark = m2;
      const Token& t = cur();
      if (t.kind == Tok::Star || t.kind == Tok::DoubleStar || t.kind == Tok::Slash) {
        m_mark++;
        raise_token(t, "arguments cannot follow var-keyword argument");
        return &matched;
      }
    }
  }
  m_mark = m;
  return nullptr;
}

// -- Compound statements --------------------------------------------------------------------------

void* Parser::invalid_with_item() {
  BAIL();
  static int matched;
  int m = m_mark;
  if (expression() && expect(Tok::KwAs)) {
    if (Expr* a = expression()) {
      if (check(Tok::Comma) || check(Tok::RPar) || check(Tok::Colon)) {
        raise_invalid_target(TargetsType::Star, a);
        return &matched;
      }
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_for_target() {
  BAIL();
  static int matched;
  int m = m_mark;
  expect(Tok::KwAsync);
  if (expect(Tok::KwFor)) {
    if (Expr* a = star_expressions()) {
      raise_invalid_target(TargetsType::For, a);
      return &matched;
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_import_from_targets() {
  BAIL();
  static int matched;
  int m = m_mark;
  Seq<Alias*> names;
  if (import_from_as_names(names) && expect(Tok::Comma) && expect(Tok::Newline)) {
    raise_here("trailing comma not allowed without surrounding parentheses");
    return &matched;
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_with_stmt() {
  BAIL();
  static int matched;
  int m = m_mark;
  for (int paren = 0; paren < 2; paren++) {
    m_mark = m;
    expect(Tok::KwAsync);
    if (!expect(Tok::KwWith)) break;
    if (paren && !expect(Tok::LPar)) continue;
    if (!with_item_list_for_error(paren)) continue;
    if (paren) {
      expect(Tok::Comma);
      if (!expect(Tok::RPar)) continue;
    }
    if (expect(Tok::Newline)) {
      raise_here("expected ':'");
      return &matched;
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_with_stmt_indent() {
  BAIL();
  static int matched;
  int m = m_mark;
  for (int paren = 0; paren < 2; paren++) {
    m_mark = m;
    expect(Tok::KwAsync);
    const Token* a = expect(Tok::KwWith);
    if (!a) break;
    if (paren && !expect(Tok::LPar)) continue;
    if (!with_item_list_for_error(paren)) continue;
    if (paren) {
      expect(Tok::Comma);
      if (!expect(Tok::RPar)) continue;
    }
    if (expect(Tok::Colon) && block_indent_error(*a, "'with' statement")) return &matched;
    if (m_error) return nullptr;
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_try_stmt() {
  BAIL();
  static int matched;
  int m = m_mark;
  const Token* a = expect(Tok::KwTry);
  if (!a) return nullptr;
  // a='try' ':' NEWLINE !INDENT
  if (expect(Tok::Colon) && block_indent_error(*a, "'try' statement")) return &matched;
  BAIL();
  // 'try' ':' block !('except' | 'finally')
  m_mark = m + 1;
  Seq<Stmt*> body;
  if (expect(Tok::Colon) && block(body) && !check(Tok::KwExcept) && !check(Tok::KwFinally)) {
    raise_here("expected 'except' or 'finally' block");
    return &matched;
  }
  BAIL();
  // 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
  // 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
  for (int star = 0; star < 2; star++) {
    m_mark = m + 1;
    if (!expect(Tok::Colon)) break;
    while (block(body)) {
    }
    BAIL();
    int handlers = 0;
    while (except_block(star)) handlers++;
    BAIL();
    if (handlers == 0) continue;
    const Token* e = expect(Tok::KwExcept);
    if (!e) continue;
    if (!star) {
      const Token* b = expect(Tok::Star);
      if (b && expression()) {
        skip_as_name();
        if (expect(Tok::Colon)) {
          raise_range(tok_loc(*e), tok_loc(*b),
                      "cannot have both 'except' and 'except*' on the same 'try'");
          return &matched;
        }
      }
    } else {
      int m2 = m_mark;
      if (expression()) skip_as_name();
      else m_mark = m2;
      if (expect(Tok::Colon)) {
        raise_token(*e, "cannot have both 'except' and 'except*' on the same 'try'");
        return &matched;
      }
    }
    BAIL();
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_except_stmt() {
  BAIL();
  static int matched;
  int m = m_mark;
  if (!expect(Tok::KwExcept)) return nullptr;
  // 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
  expect(Tok::Star);
  if (Expr* a = expression()) {
    if (expect(Tok::Comma) && expressions()) {
      skip_as_name();
      if (expect(Tok::Colon)) {
        raise_starting_from(a->loc, "multiple exception types must be parenthesized");
        return &matched;
      }
    }
  }
  BAIL();
  // a='except' '*'? expression ['as' NAME ] NEWLINE
  m_mark = m + 1;
  expect(Tok::Star);
  if (expression()) {
    skip_as_name();
    if (expect(Tok::Newline)) {
      raise_here("expected ':'");
      return &matched;
    }
  }
  BAIL();
  // a='except' NEWLINE
  m_mark = m + 1;
  if (expect(Tok::Newline)) {
    raise_here("expected ':'");
    return &matched;
  }
  // a='except' '*' (NEWLINE | ':')
  if (expect(Tok::Star) && (expect(Tok::Newline) || expect(Tok::Colon))) {
    raise_here("expected one or more exception types");
    return &matched;
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_finally_stmt() {
  BAIL();
  static int matched;
  int m = m_mark;
  const Token* a = expect(Tok::KwFinally);
  if (a && expect(Tok::Colon) && block_indent_error(*a, "'finally' statement")) return &matched;
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_except_stmt_indent() {
  BAIL();
  static int matched;
  int m = m_mark;
  const Token* a = expect(Tok::KwExcept);
  if (!a) return nullptr;
  if (expression()) {
    skip_as_name();
    if (expect(Tok::Colon) && block_indent_error(*a, "'except' statement")) return &matched;
  }
  BAIL();
  m_mark = m + 1;
  if (expect(Tok::Colon) && block_indent_error(*a, "'except' statement")) return &matched;
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_except_star_stmt_indent() {
  BAIL();
  static int matched;
  int m = m_mark;
  const Token* a = expect(Tok::KwExcept);
  if (a && expect(Tok::Star) && expression()) {
    skip_as_name();
    if (expect(Tok::Colon) && block_indent_error(*a, "'except*' statement")) return &matched;
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_match_stmt() {
  BAIL();
  static int matched;
  int m = m_mark;
  const Token* a = expect_soft("match");
  if (!a) return nullptr;
  if (subject_expr() && expect(Tok::Newline)) {
    raise_here("expected ':'");
    return &matched;
  }
  BAIL();
  m_mark = m + 1;
  if (subject_expr() && expect(Tok::Colon) && block_indent_error(*a, "'match' statement"))
    return &matched;
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_case_block() {
  BAIL();
  static int matched;
  int m = m_mark;
  const Token* a = expect_soft("case");
  if (!a) return nullptr;
  for (int alt = 0; alt < 2; alt++) {
    m_mark = m + 1;
    if (!patterns()) break;
    int m2 = m_mark;
    if (!guard()) m_mark = m2;
    BAIL();
    if (alt == 0 && expect(Tok::Newline)) {
      raise_here("expected ':'");
      return &matched;
    }
    if (alt == 1 && expect(Tok::Colon) && block_indent_error(*a, "'case' statement"))
      return &matched;
    BAIL();
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_as_pattern() {
  BAIL();
  static int matched;
  int m = m_mark;
  if (or_pattern() && expect(Tok::KwAs)) {
    int m2 = m_mark;
    if (const Token* a = expect_soft("_")) {
      raise_token(*a, "cannot use '_' as a target");
      return &matched;
    }
    if (!check(Tok::Name)) {
      if (Expr* a = expression()) {
        raise_node(a->loc, "invalid pattern target");
        return &matched;
      }
    }
    (void)m2;
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_class_pattern() {
  BAIL();
  static int matched;
  int m = m_mark;
  if (name_or_attr() && expect(Tok::LPar)) {
    // invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ','
    //     a=positional_patterns
    int m2 = m_mark;
    Seq<Pattern*> pos;
    if (!(positional_patterns(pos) && expect(Tok::Comma))) m_mark = m2;
    BAIL();
    Seq<KeyPattern*> kws;
    Seq<Pattern*> a;
    if (keyword_patterns(kws) && expect(Tok::Comma) && positional_patterns(a)) {
      raise_range(a[0]->loc, a[a.count - 1]->loc, "positional patterns follow keyword patterns");
      return &matched;
    }
  }
  m_mark = m;
  return nullptr;
}

// invalid_if_stmt / invalid_elif_stmt / invalid_while_stmt: KW named_expression NEWLINE, or
// KW named_expression ':' NEWLINE !INDENT.
void* Parser::invalid_cond_stmt(Tok kw, const char* what) {
  BAIL();
  static int matched;
  int m = m_mark;
  const Token* a = expect(kw);
  if (!a) return nullptr;
  if (named_expression() && expect(Tok::Newline)) {
    raise_here("expected ':'");
    return &matched;
  }
  BAIL();
  m_mark = m + 1;
  if (Expr* cond = named_expression()) {
    // invalid_if_stmt names the condition, not the keyword, for its line number.
    Token at = *a;
    if (kw == Tok::KwIf) at.lineno = cond->loc.lineno;
    if (expect(Tok::Colon) && block_indent_error(at, what)) return &matched;
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_if_stmt(bool elif) {
  return elif ? invalid_cond_stmt(Tok::KwElif, "'elif' statement")
              : invalid_cond_stmt(Tok::KwIf, "'if' statement");
}

void* Parser::invalid_while_stmt() { return invalid_cond_stmt(Tok::KwWhile, "'while' statement"); }

void* Parser::invalid_else_stmt() {
  BAIL();
  static int matched;
  int m = m_mark;
  const Token* a = expect(Tok::KwElse);
  if (a && expect(Tok::Colon) && block_indent_error(*a, "'else' statement")) return &matched;
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_for_stmt() {
  BAIL();
  static int matched;
  int m = m_mark;
  for (int alt = 0; alt < 2; alt++) {
    m_mark = m;
    expect(Tok::KwAsync);
    const Token* a = expect(Tok::KwFor);
    if (!a) break;
    if (!star_targets() || !expect(Tok::KwIn) || !star_expressions()) {
      BAIL();
      continue;
    }
    if (alt == 0 && expect(Tok::Newline)) {
      raise_here("expected ':'");
      return &matched;
    }
    if (alt == 1 && expect(Tok::Colon) && block_indent_error(*a, "'for' statement"))
      return &matched;
    BAIL();
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_def_raw() {
  BAIL();
  static int matched;
  int m = m_mark;
  expect(Tok::KwAsync);
  const Token* a = expect(Tok::KwDef);
  if (a && expect(Tok::Name) && expect(Tok::LPar)) {
    int m2 = m_mark;
    if (!params(false)) m_mark = m2;
    BAIL();
    if (expect(Tok::RPar)) {
      int m3 = m_mark;
      if (!(expect(Tok::RArrow) && expression())) m_mark = m3;
      BAIL();
      if (expect(Tok::Colon) && block_indent_error(*a, "function definition")) return &matched;
    }
  }
  m_mark = m;
  return nullptr;
}

void* Parser::invalid_class_def_raw() {
  BAIL();
  static int matched;
  int m = m_mark;
  for (int alt = 0; alt < 2; alt++) {
    m_mark = m;
    const Token* a = expect(Tok::KwClass);
    if (!a || !expect(Tok::Name)) break;
    int m2 = m_mark;
    if (expect(Tok::LPar)) {
      int m3 = m_mark;
      if (!arguments()) m_mark = m3;
      BAIL();
      if (!expect(Tok::RPar)) m_mark = m2;
    }
    if (alt == 0 && expect(Tok::Newline)) {
      raise_here("expected ':'");
      return &matched;
    }
    if (alt == 1 && expect(Tok::Colon) && block_indent_error(*a, "class definition"))
      return &matched;
    BAIL();
  }
  m_mark = m;
  return nullptr;
}

#undef BAIL

}  // namespace tpy::parse
