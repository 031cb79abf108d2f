// interp/parse/parser_stmt.cpp -- Statement rules of the 3.11 grammar (start rules included).
//
// Each method is the grammar rule of the same name in CPython's Grammar/python.gram; the
// alternatives are tried in the grammar's order so that the furthest token reached, and so the
// error location, match CPython's.
#include "interp/parse/parser_internal.h"

namespace tpy::parse {

using namespace ast;

// Fail the rule when an error has been raised somewhere below.
#define BAIL() \
  if (m_error) return {}

// -- Start rules ----------------------------------------------------------------------------------

Mod* Parser::file_rule() {
  Seq<Stmt*> body;
  statements(body);
  BAIL();
  if (!expect(Tok::EndMarker)) return nullptr;
  Module* m = m_arena.make<Module>();
  m->tag = ModKind::Module;
  m->body = body;
  return m;
}

Mod* Parser::interactive_rule() {
  Seq<Stmt*> body;
  if (!statement_newline(body)) return nullptr;
  Interactive* m = m_arena.make<Interactive>();
  m->tag = ModKind::Interactive;
  m->body = body;
  return m;
}

Mod* Parser::eval_rule() {
  Expr* e = expressions();
  if (!e) return nullptr;
  while (expect(Tok::Newline)) {
  }
  if (!expect(Tok::EndMarker)) return nullptr;
  Expression* m = m_arena.make<Expression>();
  m->tag = ModKind::Expression;
  m->body = e;
  return m;
}

Mod* Parser::func_type_rule() {
  if (!expect(Tok::LPar)) return nullptr;
  Seq<Expr*> argtypes;
  type_expressions(argtypes);
  BAIL();
  if (!expect(Tok::RPar) || !expect(Tok::RArrow)) return nullptr;
  Expr* ret = expression();
  if (!ret) return nullptr;
  while (expect(Tok::Newline)) {
  }
  if (!expect(Tok::EndMarker)) return nullptr;
  FunctionType* m = m_arena.make<FunctionType>();
  m->tag = ModKind::FunctionType;
  m->argtypes = argtypes;
  m->returns = ret;
  return m;
}

// -- Statement lists ------------------------------------------------------------------------------

bool Parser::statements(Seq<Stmt*>& out) {
  Scratch list(*this);
  while (statement(list)) {
  }
  if (m_error || list.size() == 0) return false;
  out = list.seq<Stmt*>();
  return true;
}

bool Parser::statement(Scratch& out) {
  BAIL();
  if (Stmt* s = compound_stmt()) {
    out.push(s);
    return true;
  }
  BAIL();
  return simple_stmts(out);
}

bool Parser::statement_newline(Seq<Stmt*>& out) {
  int m = m_mark;
  if (Stmt* s = compound_stmt()) {
    if (expect(Tok::Newline)) {
      out = one(s);
      return true;
    }
  }
  BAIL();
  m_mark = m;
  {
    Scratch list(*this);
    if (simple_stmts(list)) {
      out = list.seq<Stmt*>();
      return true;
    }
  }
  BAIL();
  if (const Token* t = expect(Tok::Newline)) {
    out = one<Stmt*>(ast::make<Pass>(m_arena, tok_loc(*t)));
    return true;
  }
  return false;
}

bool Parser::simple_stmts(Scratch& out) {
  BAIL();
  int m = m_mark;
  if (Stmt* s = simple_stmt()) {
    if (!check(Tok::Semi) && expect(Tok::Newline)) {
      out.push(s);
      return true;
    }
  }
  BAIL();
  m_mark = m;
  size_t base = out.size();
  Stmt* s = simple_stmt();
  if (!s) return false;
  out.push(s);
  for (;;) {
    int m2 = m_mark;
    if (!expect(Tok::Semi)) break;
    Stmt* next = simple_stmt();
    if (!next) {
      m_mark = m2;
      break;
    }
    out.push(next);
  }
  BAIL();
  expect(Tok::Semi);
  if (!expect(Tok::Newline)) {
    out.truncate(base);
    m_mark = m;
    return false;
  }
  return true;
}

Stmt* Parser::simple_stmt() {
  BAIL();
  int m = m_mark;
  void* r;
  if (memo_get(Memo::SimpleStmt, r)) return static_cast<Stmt*>(r);
  Stmt* s = simple_stmt_raw();
  if (!s) m_mark = m;
  memo_put(Memo::SimpleStmt, m, s);
  return s;
}

Stmt* Parser::simple_stmt_raw() {
  int m = m_mark;
  const Token& t = cur();
  // Statements that start with a keyword no expression can start with: assignment and
  // star_expressions would fail on that first token anyway.
  switch (t.kind) {
    case Tok::KwReturn: return return_stmt();
    case Tok::KwImport: return import_name();
    case Tok::KwFrom: return import_from();
    case Tok::KwRaise: return raise_stmt();
    case Tok::KwPass: m_mark++; return ast::make<Pass>(m_arena, tok_loc(t));
    case Tok::KwDel: return del_stmt();
    case Tok::KwAssert: return assert_stmt();
    case Tok::KwBreak: m_mark++; return ast::make<Break>(m_arena, tok_loc(t));
    case Tok::KwContinue: m_mark++; return ast::make<Continue>(m_arena, tok_loc(t));
    case Tok::KwGlobal: return global_stmt(false);
    case Tok::KwNonlocal: return global_stmt(true);
    default: break;
  }
  if (Stmt* s = assignment()) return s;
  BAIL();
  m_mark = m;
  if (Expr* e = star_expressions()) {
    ExprStmt* s = ast::make<ExprStmt>(m_arena, loc_from(m));
    s->value = e;
    return s;
  }
  BAIL();
  m_mark = m;
  if (t.kind == Tok::KwYield) {
    if (Expr* e = yield_expr()) {
      ExprStmt* s = ast::make<ExprStmt>(m_arena, loc_from(m));
      s->value = e;
      return s;
    }
  }
  return nullptr;
}

Stmt* Parser::compound_stmt() {
  BAIL();
  Tok k = kind();
  Stmt* s = nullptr;
  int m = m_mark;
  if (k == Tok::KwDef || k == Tok::At || k == Tok::KwAsync) {
    if ((s = function_def())) return s;
    BAIL();
    m_mark = m;
  }
  if (k == Tok::KwIf) return if_stmt(false);
  if (k == Tok::KwClass || k == Tok::At) {
    if ((s = class_def())) return s;
    BAIL();
    m_mark = m;
  }
  if (k == Tok::KwWith || k == Tok::KwAsync) {
    if ((s = with_stmt())) return s;
    BAIL();
    m_mark = m;
  }
  if (k == Tok::KwFor || k == Tok::KwAsync) {
    if ((s = for_stmt())) return s;
    BAIL();
    m_mark = m;
  }
  if (k == Tok::KwTry) return try_stmt();
  if (k == Tok::KwWhile) return while_stmt();
  if (k == Tok::Name) return match_stmt();
  return nullptr;
}

// -- Simple statements ----------------------------------------------------------------------------

Expr* Parser::annotated_rhs() {
  BAIL();
  if (check(Tok::KwYield)) {
    if (Expr* e = yield_expr()) return e;
    BAIL();
  }
  return star_expressions();
}

Stmt* Parser::assignment() {
  BAIL();
  int m = m_mark;
  // NAME ':' expression ['=' annotated_rhs]
  // ('(' single_target ')' | single_subscript_attribute_target) ':' expression [...]
  for (int alt = 0; alt < 2; alt++) {
    m_mark = m;
    Expr* target = nullptr;
    if (alt == 0) {
      const Token* n = expect(Tok::Name);
      if (n && check(Tok::Colon)) target = name_node(*n, ExprContext::Store);
    } else {
      if (expect(Tok::LPar)) {
        target = single_target();
        if (!target || !expect(Tok::RPar)) target = nullptr;
      }
      BAIL();
      if (!target) {
        m_mark = m;
        target = single_subscript_attribute_target();
      }
    }
    BAIL();
    if (!target || !expect(Tok::Colon)) continue;
    Expr* ann = expression();
    if (!ann) continue;
    Expr* value = nullptr;
    int m2 = m_mark;
    if (expect(Tok::Equal)) {
      value = annotated_rhs();
      if (!value) m_mark = m2;
    }
    BAIL();
    AnnAssign* s = ast::make<AnnAssign>(m_arena, loc_from(m));
    s->target = target;
    s->annotation = ann;
    s->value = value;
    s->simple = alt == 0;
    return s;
  }
  BAIL();
  m_mark = m;
  // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
  {
    Scratch targets(*this);
    for (;;) {
      int m2 = m_mark;
      Expr* t = star_targets();
      if (!t || !expect(Tok::Equal)) {
        m_mark = m2;
        break;
      }
      targets.push(t);
    }
    BAIL();
    if (targets.size() > 0) {
      Expr* value = annotated_rhs();
      if (value && !check(Tok::Equal)) {
        Assign* s = ast::make<Assign>(m_arena, loc_from(m));
        s->targets = targets.seq<Expr*>();
        s->value = value;
        return s;
      }
      BAIL();
    }
  }
  m_mark = m;
  // single_target augassign ~ (yield_expr | star_expressions)
  if (Expr* target = single_target()) {
    Operator op;
    if (augassign(op)) {
      Expr* value = annotated_rhs();
      if (!value) return nullptr;  // cut
      AugAssign* s = ast::make<AugAssign>(m_arena, loc_from(m));
      s->target = target;
      s->op = op;
      s->value = value;
      return s;
    }
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_assignment();
    m_mark = m;
  }
  return nullptr;
}

bool Parser::augassign(Operator& op) {
  switch (kind()) {
    case Tok::PlusEqual: op = Operator::Add; break;
    case Tok::MinEqual: op = Operator::Sub; break;
    case Tok::StarEqual: op = Operator::Mult; break;
    case Tok::AtEqual: op = Operator::MatMult; break;
    case Tok::SlashEqual: op = Operator::Div; break;
    case Tok::PercentEqual: op = Operator::Mod; break;
    case Tok::AmperEqual: op = Operator::BitAnd; break;
    case Tok::VBarEqual: op = Operator::BitOr; break;
    case Tok::CircumflexEqual: op = Operator::BitXor; break;
    case Tok::LeftShiftEqual: op = Operator::LShift; break;
    case Tok::RightShiftEqual: op = Operator::RShift; break;
    case Tok::DoubleStarEqual: op = Operator::Pow; break;
    case Tok::DoubleSlashEqual: op = Operator::FloorDiv; break;
    default: return false;
  }
  m_mark++;
  return true;
}

Stmt* Parser::return_stmt() {
  int m = m_mark;
  if (!expect(Tok::KwReturn)) return nullptr;
  Expr* value = star_expressions();
  BAIL();
  Return* s = ast::make<Return>(m_arena, loc_from(m));
  s->value = value;
  return s;
}

Stmt* Parser::raise_stmt() {
  int m = m_mark;
  if (!expect(Tok::KwRaise)) return nullptr;
  Expr* exc = expression();
  BAIL();
  Expr* cause = nullptr;
  if (exc) {
    int m2 = m_mark;
    if (expect(Tok::KwFrom)) {
      cause = expression();
      if (!cause) m_mark = m2;
    }
    BAIL();
  }
  Raise* s = ast::make<Raise>(m_arena, loc_from(m));
  s->exc = exc;
  s->cause = cause;
  return s;
}

Stmt* Parser::global_stmt(bool nonlocal) {
  int m = m_mark;
  m_mark++;
  Scratch names(*this);
  for (;;) {
    const Token* n = expect(Tok::Name);
    if (!n) {
      if (names.size() == 0) {
        m_mark = m;
        return nullptr;
      }
      m_mark--;  // give back the ','
      break;
    }
    Ident* id = m_arena.make<Ident>(ident(*n));
    names.push(id);
    if (!expect(Tok::Comma)) break;
  }
  Seq<Ident> ids;
  ids.count = static_cast<uint32_t>(names.size());
  ids.items = static_cast<Ident*>(m_arena.alloc(sizeof(Ident) * ids.count));
  for (uint32_t i = 0; i < ids.count; i++) ids.items[i] = *static_cast<Ident*>(names[i]);
  Loc loc = loc_from(m);
  if (nonlocal) {
    Nonlocal* s = ast::make<Nonlocal>(m_arena, loc);
    s->names = ids;
    return s;
  }
  Global* s = ast::make<Global>(m_arena, loc);
  s->names = ids;
  return s;
}

Stmt* Parser::del_stmt() {
  int m = m_mark;
  m_mark++;
  Seq<Expr*> targets;
  if (del_targets(targets) && (check(Tok::Semi) || check(Tok::Newline))) {
    Delete* s = ast::make<Delete>(m_arena, loc_from(m));
    s->targets = targets;
    return s;
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_del_stmt();
    m_mark = m;
  }
  return nullptr;
}

Stmt* Parser::assert_stmt() {
  int m = m_mark;
  m_mark++;
  Expr* test = expression();
  if (!test) {
    m_mark = m;
    return nullptr;
  }
  Expr* msg = nullptr;
  int m2 = m_mark;
  if (expect(Tok::Comma)) {
    msg = expression();
    if (!msg) m_mark = m2;
  }
  BAIL();
  Assert* s = ast::make<Assert>(m_arena, loc_from(m));
  s->test = test;
  s->msg = msg;
  return s;
}

// -- Imports --------------------------------------------------------------------------------------

Stmt* Parser::import_name() {
  int m = m_mark;
  m_mark++;
  Scratch names(*this);
  for (;;) {
    Alias* a = dotted_as_name();
    if (!a) {
      if (names.size() == 0) {
        m_mark = m;
        return nullptr;
      }
      m_mark--;
      break;
    }
    names.push(a);
    if (!expect(Tok::Comma)) break;
  }
  BAIL();
  Import* s = ast::make<Import>(m_arena, loc_from(m));
  s->names = names.seq<Alias*>();
  return s;
}

Stmt* Parser::import_from() {
  int m = m_mark;
  m_mark++;
  int level = 0;
  for (;;) {
    if (expect(Tok::Dot)) level += 1;
    else if (expect(Tok::Ellipsis)) level += 3;
    else break;
  }
  int after_dots = m_mark;
  Ident module;
  Seq<Alias*> names;
  if (dotted_name(module) && expect(Tok::KwImport) && import_from_targets(names)) {
    ImportFrom* s = ast::make<ImportFrom>(m_arena, loc_from(m));
    s->module = module;
    s->names = names;
    s->level = level;
    return s;
  }
  BAIL();
  m_mark = after_dots;
  if (level > 0 && expect(Tok::KwImport) && import_from_targets(names)) {
    ImportFrom* s = ast::make<ImportFrom>(m_arena, loc_from(m));
    s->names = names;
    s->level = level;
    return s;
  }
  BAIL();
  m_mark = m;
  return nullptr;
}

bool Parser::import_from_targets(Seq<Alias*>& out) {
  BAIL();
  int m = m_mark;
  if (expect(Tok::LPar)) {
    if (import_from_as_names(out)) {
      expect(Tok::Comma);
      if (expect(Tok::RPar)) return true;
    }
    BAIL();
  }
  m_mark = m;
  if (import_from_as_names(out) && !check(Tok::Comma)) return true;
  BAIL();
  m_mark = m;
  if (const Token* t = expect(Tok::Star)) {
    Alias* a = m_arena.make<Alias>();
    a->loc = tok_loc(*t);
    a->name = m_arena.copy("*");
    out = one(a);
    return true;
  }
  if (m_call_invalid) {
    invalid_import_from_targets();
    m_mark = m;
  }
  return false;
}

bool Parser::import_from_as_names(Seq<Alias*>& out) {
  int m = m_mark;
  Scratch names(*this);
  for (;;) {
    int m2 = m_mark;
    Alias* a = import_from_as_name();
    if (!a) {
      m_mark = m2;
      if (names.size() == 0) return false;
      m_mark--;
      break;
    }
    names.push(a);
    if (!expect(Tok::Comma)) break;
  }
  BAIL();
  (void)m;
  out = names.seq<Alias*>();
  return true;
}

Alias* Parser::import_from_as_name() {
  int m = m_mark;
  const Token* n = expect(Tok::Name);
  if (!n) return nullptr;
  Ident asname;
  int m2 = m_mark;
  if (expect(Tok::KwAs)) {
    if (const Token* a = expect(Tok::Name)) asname = ident(*a);
    else m_mark = m2;
  }
  Alias* a = m_arena.make<Alias>();
  a->name = ident(*n);
  a->asname = asname;
  a->loc = loc_from(m);
  return a;
}

Alias* Parser::dotted_as_name() {
  int m = m_mark;
  Ident name;
  if (!dotted_name(name)) return nullptr;
  Ident asname;
  int m2 = m_mark;
  if (expect(Tok::KwAs)) {
    if (const Token* a = expect(Tok::Name)) asname = ident(*a);
    else m_mark = m2;
  }
  Alias* a = m_arena.make<Alias>();
  a->name = name;
  a->asname = asname;
  a->loc = loc_from(m);
  return a;
}

const Token* Parser::dotted_name(Ident& out) {
  const Token* first = expect(Tok::Name);
  if (!first) return nullptr;
  out = ident(*first);
  if (!check(Tok::Dot) || !check_at(m_mark + 1, Tok::Name)) return first;
  std::string joined(out);
  while (check(Tok::Dot) && check_at(m_mark + 1, Tok::Name)) {
    m_mark++;
    joined += '.';
    joined += ident(cur());
    m_mark++;
  }
  out = m_arena.copy(joined);
  return first;
}

// -- Blocks and definitions -----------------------------------------------------------------------

bool Parser::block(Seq<Stmt*>& out) {
  BAIL();
  int m = m_mark;
  void* r;
  if (memo_get(Memo::Block, r)) {
    if (!r) return false;
    out = *static_cast<Seq<Stmt*>*>(r);
    return true;
  }
  bool ok = block_raw(out);
  if (!ok) m_mark = m;
  memo_put(Memo::Block, m, ok ? m_arena.make<Seq<Stmt*>>(out) : nullptr);
  return ok;
}

bool Parser::block_raw(Seq<Stmt*>& out) {
  int m = m_mark;
  if (expect(Tok::Newline) && expect(Tok::Indent) && statements(out) && expect(Tok::Dedent))
    return true;
  BAIL();
  m_mark = m;
  {
    Scratch list(*this);
    if (simple_stmts(list)) {
      out = list.seq<Stmt*>();
      return true;
    }
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_block();
    m_mark = m;
  }
  return false;
}

bool Parser::decorators(Seq<Expr*>& out) {
  Scratch list(*this);
  for (;;) {
    int m = m_mark;
    if (!expect(Tok::At)) break;
    Expr* e = named_expression();
    if (!e || !expect(Tok::Newline)) {
      m_mark = m;
      break;
    }
    list.push(e);
  }
  BAIL();
  if (list.size() == 0) return false;
  out = list.seq<Expr*>();
  return true;
}

Stmt* Parser::class_def() {
  int m = m_mark;
  Seq<Expr*> decos;
  if (decorators(decos)) {
    if (Stmt* s = class_def_raw()) return decorate(decos, s);
  }
  BAIL();
  m_mark = m;
  return class_def_raw();
}

Stmt* Parser::class_def_raw() {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_class_def_raw();
    BAIL();
    m_mark = m;
  }
  if (!expect(Tok::KwClass)) return nullptr;
  const Token* name = expect(Tok::Name);
  if (!name) {
    m_mark = m;
    return nullptr;
  }
  Expr* call = nullptr;
  int m2 = m_mark;
  if (expect(Tok::LPar)) {
    int m3 = m_mark;
    call = arguments();
    if (!call) m_mark = m3;
    BAIL();
    if (!expect(Tok::RPar)) {
      m_mark = m2;
      call = nullptr;
    } else if (!call) {
      call = ast::make<Call>(m_arena, Loc{});
    }
  }
  Seq<Stmt*> body;
  if (!expect(Tok::Colon) || !block(body)) {
    m_mark = m;
    return nullptr;
  }
  ClassDef* s = ast::make<ClassDef>(m_arena, loc_from(m));
  s->name = ident(*name);
  if (call) {
    s->bases = as<Call>(call)->args;
    s->keywords = as<Call>(call)->keywords;
  }
  s->body = body;
  return s;
}

Stmt* Parser::function_def() {
  int m = m_mark;
  Seq<Expr*> decos;
  if (decorators(decos)) {
    if (Stmt* s = function_def_raw()) return decorate(decos, s);
  }
  BAIL();
  m_mark = m;
  return function_def_raw();
}

Stmt* Parser::function_def_raw() {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_def_raw();
    BAIL();
    m_mark = m;
  }
  bool is_async = expect(Tok::KwAsync) != nullptr;
  if (!expect(Tok::KwDef)) {
    m_mark = m;
    return nullptr;
  }
  const Token* name = expect(Tok::Name);
  if (!name || !expect_forced(Tok::LPar, "(")) {
    m_mark = m;
    return nullptr;
  }
  int m2 = m_mark;
  Arguments* args = params(false);
  BAIL();
  if (!args) m_mark = m2;
  if (!expect(Tok::RPar)) {
    m_mark = m;
    return nullptr;
  }
  Expr* returns = nullptr;
  int m3 = m_mark;
  if (expect(Tok::RArrow)) {
    returns = expression();
    if (!returns) m_mark = m3;
  }
  BAIL();
  Seq<Stmt*> body;
  if (!expect_forced(Tok::Colon, ":") || !block(body)) {
    m_mark = m;
    return nullptr;
  }
  if (!args) args = empty_arguments();
  Loc loc = loc_from(m);
  if (is_async) {
    AsyncFunctionDef* s = ast::make<AsyncFunctionDef>(m_arena, loc);
    s->name = ident(*name);
    s->args = args;
    s->body = body;
    s->returns = returns;
    return s;
  }
  FunctionDef* s = ast::make<FunctionDef>(m_arena, loc);
  s->name = ident(*name);
  s->args = args;
  s->body = body;
  s->returns = returns;
  return s;
}

// -- if / while / for -----------------------------------------------------------------------------

Stmt* Parser::if_stmt(bool elif) {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_if_stmt(elif);
    BAIL();
    m_mark = m;
  }
  if (!expect(elif ? Tok::KwElif : Tok::KwIf)) return nullptr;
  Expr* test = named_expression();
  Seq<Stmt*> body;
  if (!test || !expect(Tok::Colon) || !block(body)) {
    m_mark = m;
    return nullptr;
  }
  Seq<Stmt*> orelse;
  if (check(Tok::KwElif)) {
    Depth d(*this, 1);  // elif_stmt nests one level per elif
    if (d.overflow()) return nullptr;
    if (Stmt* e = if_stmt(true)) orelse = one(e);
    BAIL();
  }
  if (!orelse.count) else_block(orelse);
  BAIL();
  If* s = ast::make<If>(m_arena, loc_from(m));
  s->test = test;
  s->body = body;
  s->orelse = orelse;
  return s;
}

bool Parser::else_block(Seq<Stmt*>& out) {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_else_stmt();
    BAIL();
    m_mark = m;
  }
  if (!expect(Tok::KwElse)) return false;
  if (!expect_forced(Tok::Colon, ":") || !block(out)) {
    m_mark = m;
    return false;
  }
  return true;
}

Stmt* Parser::while_stmt() {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_while_stmt();
    BAIL();
    m_mark = m;
  }
  if (!expect(Tok::KwWhile)) return nullptr;
  Expr* test = named_expression();
  Seq<Stmt*> body;
  if (!test || !expect(Tok::Colon) || !block(body)) {
    m_mark = m;
    return nullptr;
  }
  Seq<Stmt*> orelse;
  else_block(orelse);
  BAIL();
  While* s = ast::make<While>(m_arena, loc_from(m));
  s->test = test;
  s->body = body;
  s->orelse = orelse;
  return s;
}

Stmt* Parser::for_stmt() {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_for_stmt();
    BAIL();
    m_mark = m;
  }
  bool is_async = expect(Tok::KwAsync) != nullptr;
  if (expect(Tok::KwFor)) {
    Expr* target = star_targets();
    if (target && expect(Tok::KwIn)) {
      // Cut: past 'in', no other alternative is tried.
      Expr* iter = star_expressions();
      Seq<Stmt*> body;
      if (!iter || !expect(Tok::Colon) || !block(body)) return nullptr;
      Seq<Stmt*> orelse;
      else_block(orelse);
      BAIL();
      Loc loc = loc_from(m);
      if (is_async) {
        AsyncFor* s = ast::make<AsyncFor>(m_arena, loc);
        s->target = target;
        s->iter = iter;
        s->body = body;
        s->orelse = orelse;
        return s;
      }
      For* s = ast::make<For>(m_arena, loc);
      s->target = target;
      s->iter = iter;
      s->body = body;
      s->orelse = orelse;
      return s;
    }
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_for_target();
    m_mark = m;
  }
  return nullptr;
}

// -- with -----------------------------------------------------------------------------------------

bool Parser::with_items(Scratch& items) {
  for (;;) {
    int m = m_mark;
    WithItem* w = with_item();
    if (!w) {
      m_mark = m;
      if (items.size() == 0) return false;
      m_mark--;
      return true;
    }
    items.push(w);
    if (!expect(Tok::Comma)) return true;
  }
}

Stmt* Parser::with_stmt() {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_with_stmt_indent();
    BAIL();
    m_mark = m;
  }
  bool is_async = expect(Tok::KwAsync) != nullptr;
  if (!expect(Tok::KwWith)) {
    m_mark = m;
    return nullptr;
  }
  int after_with = m_mark;
  for (int paren = 1; paren >= 0; paren--) {
    m_mark = after_with;
    Scratch items(*this);
    if (paren && !expect(Tok::LPar)) continue;
    if (!with_items(items)) {
      BAIL();
      continue;
    }
    BAIL();
    if (paren) {
      expect(Tok::Comma);
      if (!expect(Tok::RPar)) continue;
    }
    Seq<Stmt*> body;
    if (!expect(Tok::Colon) || !block(body)) {
      BAIL();
      continue;
    }
    Loc loc = loc_from(m);
    if (is_async) {
      AsyncWith* s = ast::make<AsyncWith>(m_arena, loc);
      s->items = items.seq<WithItem*>();
      s->body = body;
      return s;
    }
    With* s = ast::make<With>(m_arena, loc);
    s->items = items.seq<WithItem*>();
    s->body = body;
    return s;
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_with_stmt();
    m_mark = m;
  }
  return nullptr;
}

WithItem* Parser::with_item() {
  BAIL();
  int m = m_mark;
  Expr* e = expression();
  if (!e) return nullptr;
  int after_expr = m_mark;
  if (expect(Tok::KwAs)) {
    Expr* t = star_target();
    if (t && (check(Tok::Comma) || check(Tok::RPar) || check(Tok::Colon))) {
      WithItem* w = m_arena.make<WithItem>();
      w->context_expr = e;
      w->optional_vars = t;
      return w;
    }
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_with_item();
    BAIL();
  }
  m_mark = after_expr;
  WithItem* w = m_arena.make<WithItem>();
  w->context_expr = e;
  return w;
}

// -- try ------------------------------------------------------------------------------------------

Stmt* Parser::try_stmt() {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_try_stmt();
    BAIL();
    m_mark = m;
  }
  if (!expect(Tok::KwTry)) return nullptr;
  Seq<Stmt*> body;
  if (!expect_forced(Tok::Colon, ":") || !block(body)) {
    m_mark = m;
    return nullptr;
  }
  int after_body = m_mark;
  Seq<Stmt*> finalbody;
  if (finally_block(finalbody)) {
    Try* s = ast::make<Try>(m_arena, loc_from(m));
    s->body = body;
    s->finalbody = finalbody;
    return s;
  }
  BAIL();
  for (int star = 0; star < 2; star++) {
    m_mark = after_body;
    Scratch handlers(*this);
    while (ExceptHandler* h = except_block(star)) handlers.push(h);
    BAIL();
    if (handlers.size() == 0) continue;
    Seq<Stmt*> orelse;
    else_block(orelse);
    BAIL();
    finally_block(finalbody);
    BAIL();
    Loc loc = loc_from(m);
    if (star) {
      TryStar* s = ast::make<TryStar>(m_arena, loc);
      s->body = body;
      s->handlers = handlers.seq<ExceptHandler*>();
      s->orelse = orelse;
      s->finalbody = finalbody;
      return s;
    }
    Try* s = ast::make<Try>(m_arena, loc);
    s->body = body;
    s->handlers = handlers.seq<ExceptHandler*>();
    s->orelse = orelse;
    s->finalbody = finalbody;
    return s;
  }
  m_mark = m;
  return nullptr;
}

ExceptHandler* Parser::except_block(bool star) {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    if (star) invalid_except_star_stmt_indent();
    else invalid_except_stmt_indent();
    BAIL();
    m_mark = m;
  }
  if (expect(Tok::KwExcept) && (!star || expect(Tok::Star))) {
    int m2 = m_mark;
    Expr* type = expression();
    if (type) {
      Ident name;
      int m3 = m_mark;
      if (expect(Tok::KwAs)) {
        if (const Token* n = expect(Tok::Name)) name = ident(*n);
        else m_mark = m3;
      }
      Seq<Stmt*> body;
      if (expect(Tok::Colon) && block(body)) {
        ExceptHandler* h = m_arena.make<ExceptHandler>();
        h->type = type;
        h->name = name;
        h->body = body;
        h->loc = loc_from(m);
        return h;
      }
    }
    BAIL();
    m_mark = m2;
    Seq<Stmt*> body;
    if (!star && expect(Tok::Colon) && block(body)) {
      ExceptHandler* h = m_arena.make<ExceptHandler>();
      h->body = body;
      h->loc = loc_from(m);
      return h;
    }
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_except_stmt();
    m_mark = m;
  }
  return nullptr;
}

bool Parser::finally_block(Seq<Stmt*>& out) {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_finally_stmt();
    BAIL();
    m_mark = m;
  }
  if (!expect(Tok::KwFinally)) return false;
  if (!expect_forced(Tok::Colon, ":") || !block(out)) {
    m_mark = m;
    return false;
  }
  return true;
}

#undef BAIL

}  // namespace tpy::parse
