// interp/parse/parser_expr.cpp -- Expression, call-argument and assignment-target rules.
//
// CPython's left-recursive rules (bitwise_or ... term, primary, t_primary) are loops here: each
// turn tries the recursive alternatives in grammar order on the result so far and stops when
// none extends it, which is what pegen's left-recursion growing computes.
#include "interp/parse/parser_internal.h"
#include "interp/parse/string_parser.h"

namespace tpy::parse {

using namespace ast;

#define BAIL() \
  if (m_error) return {}

// Memoised rule wrapper: [raw] computes the rule at the current mark.
#define MEMO_RULE(Type, rule, memo_kind, raw)          \
  Type Parser::rule() {                                \
    BAIL();                                            \
    int m = m_mark;                                    \
    void* r;                                           \
    if (memo_get(memo_kind, r)) return static_cast<Type>(r); \
    Type res = raw();                                  \
    if (!res) m_mark = m;                              \
    memo_put(memo_kind, m, res);                       \
    return res;                                        \
  }

// Rules CPython memoises that the first pass does not need to: in the second pass they are
// memoised too, because a result computed with the invalid_* rules off (under
// expression_without_invalid) is then reused where they are on, and that changes which error
// is found.
#define MEMO2_RULE(Type, rule, memo_kind, raw)              \
  Type Parser::rule() {                                     \
    BAIL();                                                 \
    if (!m_second_pass) return raw();                       \
    int m = m_mark;                                         \
    void* r;                                                \
    if (memo_get(memo_kind, r)) return static_cast<Type>(r); \
    Type res = raw();                                       \
    if (!res) m_mark = m;                                   \
    memo_put(memo_kind, m, res);                            \
    return res;                                             \
  }

// -- Tuples of expressions ------------------------------------------------------------------------

// expressions / star_expressions: e (',' e)* [','] as a Tuple when there is a comma.
#define TUPLE_RULE(rule, elem)                                  \
  Expr* Parser::rule() {                                        \
    BAIL();                                                     \
    int m = m_mark;                                             \
    Expr* first = elem();                                       \
    if (!first) return nullptr;                                 \
    Scratch rest(*this);                                        \
    for (;;) {                                                  \
      int m2 = m_mark;                                          \
      if (!expect(Tok::Comma)) break;                           \
      Expr* e = elem();                                         \
      if (!e) {                                                 \
        m_mark = m2;                                            \
        break;                                                  \
      }                                                         \
      rest.push(e);                                             \
    }                                                           \
    BAIL();                                                     \
    if (rest.size() == 0 && !check(Tok::Comma)) return first;   \
    expect(Tok::Comma);                                         \
    return make_tuple_of(first, rest.seq<Expr*>(), ExprContext::Load, loc_from(m)); \
  }

TUPLE_RULE(expressions, expression)
TUPLE_RULE(star_expressions, star_expression)
#undef TUPLE_RULE

// -- expression -----------------------------------------------------------------------------------

MEMO_RULE(Expr*, expression, Memo::Expression, expression_raw)

Expr* Parser::expression_raw() {
  Depth d(*this, 1);
  if (d.overflow()) return nullptr;
  int m = m_mark;
  if (m_call_invalid) {
    invalid_expression();
    BAIL();
    m_mark = m;
    invalid_legacy_expression();
    BAIL();
    m_mark = m;
  }
  return expression_without_invalid();
}

Expr* Parser::expression_without_invalid() {
  int m = m_mark;
  Expr* a = disjunction();
  if (a) {
    int m2 = m_mark;
    if (expect(Tok::KwIf)) {
      Expr* b = disjunction();
      if (b && expect(Tok::KwElse)) {
        if (Expr* c = expression()) {
          IfExp* e = ast::make<IfExp>(m_arena, loc_from(m));
          e->test = b;
          e->body = a;
          e->orelse = c;
          return e;
        }
      }
      BAIL();
    }
    m_mark = m2;
    return a;
  }
  BAIL();
  m_mark = m;
  return lambdef();
}

Expr* Parser::yield_expr() {
  BAIL();
  int m = m_mark;
  if (!expect(Tok::KwYield)) return nullptr;
  if (expect(Tok::KwFrom)) {
    if (Expr* a = expression()) {
      YieldFrom* e = ast::make<YieldFrom>(m_arena, loc_from(m));
      e->value = a;
      return e;
    }
    BAIL();
    m_mark = m + 1;
  }
  Expr* a = star_expressions();
  BAIL();
  Yield* e = ast::make<Yield>(m_arena, loc_from(m));
  e->value = a;
  return e;
}

MEMO2_RULE(Expr*, star_expression, Memo::StarExpression, star_expression_raw)

Expr* Parser::star_expression_raw() { return starred_bitwise_or_or(&Parser::expression); }

bool Parser::star_named_expressions(Seq<Expr*>& out) {
  Scratch list(*this);
  for (;;) {
    int m = m_mark;
    Expr* e = star_named_expression();
    if (!e) {
      m_mark = m;
      if (list.size() == 0) return false;
      m_mark--;  // give back the ','
      break;
    }
    list.push(e);
    if (!expect(Tok::Comma)) break;
  }
  BAIL();
  expect(Tok::Comma);
  out = list.seq<Expr*>();
  return true;
}

// '*' bitwise_or | [plain]: star_expression (plain = expression) and star_named_expression
// (plain = named_expression).
Expr* Parser::starred_bitwise_or_or(Expr* (Parser::*plain)()) {
  BAIL();
  int m = m_mark;
  if (expect(Tok::Star)) {
    if (Expr* a = bitwise_or()) {
      Starred* e = ast::make<Starred>(m_arena, loc_from(m));
      e->value = a;
      e->ctx = ExprContext::Load;
      return e;
    }
    BAIL();
    m_mark = m;
  }
  return (this->*plain)();
}

Expr* Parser::star_named_expression() {
  return starred_bitwise_or_or(&Parser::named_expression);
}

Expr* Parser::assignment_expression() {
  int m = m_mark;
  const Token* n = expect(Tok::Name);
  if (!n || !expect(Tok::ColonEqual)) {
    m_mark = m;
    return nullptr;
  }
  Expr* b = expression();
  if (!b) {
    m_mark = m;
    return nullptr;
  }
  NamedExpr* e = ast::make<NamedExpr>(m_arena, loc_from(m));
  e->target = name_node(*n, ExprContext::Store);
  e->value = b;
  return e;
}

Expr* Parser::named_expression() {
  BAIL();
  int m = m_mark;
  if (Expr* e = assignment_expression()) return e;
  BAIL();
  if (m_call_invalid) {
    invalid_named_expression();
    BAIL();
    m_mark = m;
  }
  Expr* e = expression();
  if (e && !check(Tok::ColonEqual)) return e;
  m_mark = m;
  return nullptr;
}

// -- Boolean operators and comparisons ------------------------------------------------------------

namespace {
Expr* make_boolop(Arena& a, BoolOperator op, Seq<Expr*> values, Loc loc) {
  BoolOp* e = ast::make<BoolOp>(a, loc);
  e->op = op;
  e->values = values;
  return e;
}
}  // namespace

#define BOOL_RULE(rule, raw, memo_kind, elem, tok, op)                 \
  MEMO2_RULE(Expr*, rule, memo_kind, raw)                              \
  Expr* Parser::raw() {                                                \
    int m = m_mark;                                                    \
    Expr* a = elem();                                                  \
    if (!a || !check(tok)) return a;                                   \
    Scratch values(*this);                                             \
    values.push(a);                                                    \
    for (;;) {                                                         \
      int m2 = m_mark;                                                 \
      if (!expect(tok)) break;                                         \
      Expr* b = elem();                                                \
      if (!b) {                                                        \
        m_mark = m2;                                                   \
        break;                                                         \
      }                                                                \
      values.push(b);                                                  \
    }                                                                  \
    BAIL();                                                            \
    if (values.size() == 1) return a;                                  \
    return make_boolop(m_arena, op, values.seq<Expr*>(), loc_from(m)); \
  }

BOOL_RULE(disjunction, disjunction_raw, Memo::Disjunction, conjunction, Tok::KwOr,
          BoolOperator::Or)
BOOL_RULE(conjunction, conjunction_raw, Memo::Conjunction, inversion, Tok::KwAnd,
          BoolOperator::And)
#undef BOOL_RULE

MEMO2_RULE(Expr*, inversion, Memo::Inversion, inversion_raw)

Expr* Parser::inversion_raw() {
  Depth d(*this, 1);
  if (d.overflow()) return nullptr;
  int m = m_mark;
  if (expect(Tok::KwNot)) {
    if (Expr* a = inversion()) {
      UnaryOp* e = ast::make<UnaryOp>(m_arena, loc_from(m));
      e->op = UnaryOperator::Not;
      e->operand = a;
      return e;
    }
    BAIL();
    m_mark = m;
  }
  return comparison();
}

bool Parser::compare_op_pair(CmpPair& out) {
  int m = m_mark;
  CmpOp op;
  switch (kind()) {
    case Tok::EqEqual: op = CmpOp::Eq; break;
    case Tok::NotEqual:
      // _PyPegen_check_barry_as_flufl: `<>` is only for `from __future__ import barry_as_FLUFL`.
      if (tok_text(cur()) != "!=") return false;
      op = CmpOp::NotEq;
      break;
    case Tok::LessEqual: op = CmpOp::LtE; break;
    case Tok::Less: op = CmpOp::Lt; break;
    case Tok::GreaterEqual: op = CmpOp::GtE; break;
    case Tok::Greater: op = CmpOp::Gt; break;
    case Tok::KwIn: op = CmpOp::In; break;
    case Tok::KwNot:
      if (!check_at(m_mark + 1, Tok::KwIn)) return false;
      op = CmpOp::NotIn;
      m_mark++;
      break;
    case Tok::KwIs:
      op = CmpOp::Is;
      if (check_at(m_mark + 1, Tok::KwNot)) {
        m_mark += 2;
        if (Expr* e = bitwise_or()) {
          out = {CmpOp::IsNot, e};
          return true;
        }
        BAIL();
        m_mark = m;
      }
      break;
    default: return false;
  }
  m_mark++;
  Expr* e = bitwise_or();
  if (!e) {
    m_mark = m;
    return false;
  }
  out = {op, e};
  return true;
}

Expr* Parser::comparison() {
  int m = m_mark;
  Expr* a = bitwise_or();
  if (!a) return nullptr;
  Scratch pairs(*this);
  CmpPair pair;
  while (compare_op_pair(pair)) pairs.push(m_arena.make<CmpPair>(pair));
  BAIL();
  if (pairs.size() == 0) return a;
  Compare* e = ast::make<Compare>(m_arena, loc_from(m));
  e->left = a;
  uint32_t n = static_cast<uint32_t>(pairs.size());
  e->ops.count = n;
  e->ops.items = static_cast<CmpOp*>(m_arena.alloc(sizeof(CmpOp) * n, alignof(CmpOp)));
  e->comparators.count = n;
  e->comparators.items = static_cast<Expr**>(m_arena.alloc(sizeof(Expr*) * n));
  for (uint32_t i = 0; i < n; i++) {
    CmpPair* p = static_cast<CmpPair*>(pairs[i]);
    e->ops.items[i] = p->op;
    e->comparators.items[i] = p->expr;
  }
  return e;
}

// -- Binary operators -----------------------------------------------------------------------------

namespace {
Expr* make_binop(Arena& a, Expr* l, Operator op, Expr* r, Loc loc) {
  BinOp* e = ast::make<BinOp>(a, loc);
  e->left = l;
  e->op = op;
  e->right = r;
  return e;
}

bool binop_of(Tok t, int level, Operator& op) {
  switch (level) {
    case 0: if (t == Tok::VBar) { op = Operator::BitOr; return true; } return false;
    case 1: if (t == Tok::Circumflex) { op = Operator::BitXor; return true; } return false;
    case 2: if (t == Tok::Amper) { op = Operator::BitAnd; return true; } return false;
    case 3:
      if (t == Tok::LeftShift) { op = Operator::LShift; return true; }
      if (t == Tok::RightShift) { op = Operator::RShift; return true; }
      return false;
    case 4:
      if (t == Tok::Plus) { op = Operator::Add; return true; }
      if (t == Tok::Minus) { op = Operator::Sub; return true; }
      return false;
    default:
      switch (t) {
        case Tok::Star: op = Operator::Mult; return true;
        case Tok::Slash: op = Operator::Div; return true;
        case Tok::DoubleSlash: op = Operator::FloorDiv; return true;
        case Tok::Percent: op = Operator::Mod; return true;
        case Tok::At: op = Operator::MatMult; return true;
        default: return false;
      }
  }
}
}  // namespace

#define BINOP_RULE(rule, level, operand)                       \
  Expr* Parser::rule() {                                       \
    int m = m_mark;                                            \
    Expr* a = operand();                                       \
    if (!a) return nullptr;                                    \
    Operator op;                                               \
    while (binop_of(kind(), level, op)) {                      \
      int m2 = m_mark;                                         \
      m_mark++;                                                \
      Expr* b = operand();                                     \
      if (!b) {                                                \
        m_mark = m2;                                           \
        break;                                                 \
      }                                                        \
      a = make_binop(m_arena, a, op, b, loc_from(m));          \
    }                                                          \
    BAIL();                                                    \
    return a;                                                  \
  }

MEMO2_RULE(Expr*, bitwise_or, Memo::BitwiseOr, bitwise_or_raw)
BINOP_RULE(bitwise_or_raw, 0, bitwise_xor)
MEMO2_RULE(Expr*, bitwise_xor, Memo::BitwiseXor, bitwise_xor_raw)
BINOP_RULE(bitwise_xor_raw, 1, bitwise_and)
MEMO2_RULE(Expr*, bitwise_and, Memo::BitwiseAnd, bitwise_and_raw)
BINOP_RULE(bitwise_and_raw, 2, shift_expr)
MEMO2_RULE(Expr*, shift_expr, Memo::ShiftExpr, shift_expr_raw)
BINOP_RULE(shift_expr_raw, 3, sum)
MEMO2_RULE(Expr*, sum, Memo::Sum, sum_raw)
BINOP_RULE(sum_raw, 4, term)
MEMO2_RULE(Expr*, term, Memo::Term, term_raw)
BINOP_RULE(term_raw, 5, factor)
#undef BINOP_RULE

MEMO2_RULE(Expr*, factor, Memo::Factor, factor_raw)

Expr* Parser::factor_raw() {
  Depth d(*this, 1);
  if (d.overflow()) return nullptr;
  int m = m_mark;
  UnaryOperator op;
  switch (kind()) {
    case Tok::Plus: op = UnaryOperator::UAdd; break;
    case Tok::Minus: op = UnaryOperator::USub; break;
    case Tok::Tilde: op = UnaryOperator::Invert; break;
    default: return power();
  }
  m_mark++;
  if (Expr* a = factor()) {
    UnaryOp* e = ast::make<UnaryOp>(m_arena, loc_from(m));
    e->op = op;
    e->operand = a;
    return e;
  }
  m_mark = m;
  return nullptr;
}

Expr* Parser::power() {
  int m = m_mark;
  Expr* a = await_primary();
  if (!a) return nullptr;
  int m2 = m_mark;
  if (expect(Tok::DoubleStar)) {
    Depth d(*this, 1);  // power and factor: two of CPython's levels per '**'
    if (d.overflow()) return nullptr;
    if (Expr* b = factor()) return make_binop(m_arena, a, Operator::Pow, b, loc_from(m));
    BAIL();
    m_mark = m2;
  }
  return a;
}

MEMO2_RULE(Expr*, await_primary, Memo::AwaitPrimary, await_primary_raw)

Expr* Parser::await_primary_raw() {
  int m = m_mark;
  if (expect(Tok::KwAwait)) {
    if (Expr* a = primary()) {
      Await* e = ast::make<Await>(m_arena, loc_from(m));
      e->value = a;
      return e;
    }
    BAIL();
    m_mark = m;
    return nullptr;
  }
  return primary();
}

// -- Primaries ------------------------------------------------------------------------------------

Expr* Parser::make_call(Expr* func, Expr* args_call, Loc loc) {
  Call* c = ast::make<Call>(m_arena, loc);
  c->func = func;
  if (args_call) {
    c->args = as<Call>(args_call)->args;
    c->keywords = as<Call>(args_call)->keywords;
  }
  return c;
}

// One turn of the primary / t_primary loops: '.' NAME, genexp, '(' [arguments] ')',
// '[' slices ']' applied to [a] (which started at token [start]). With [t] (t_primary) each
// alternative must also be followed by t_lookahead. Null when none matches (mark restored).
Expr* Parser::primary_step(Expr* a, int start, bool t) {
  int m = m_mark;
  switch (kind()) {
    case Tok::Dot: {
      m_mark++;
      const Token* n = expect(Tok::Name);
      if (n && (!t || t_lookahead())) {
        Attribute* e = ast::make<Attribute>(m_arena, loc_from(start));
        e->value = a;
        e->attr = ident(*n);
        e->ctx = ExprContext::Load;
        return e;
      }
      break;
    }
    case Tok::LSqb: {
      // primary tries `primary genexp` before the subscript, t_primary after it; genexp's
      // invalid_comprehension also starts at '[' (or '{'), so it runs here in both.
      if (!t) comprehension_error();
      BAIL();
      m_mark = m + 1;
      Expr* s = slices();
      if (s && expect(Tok::RSqb) && (!t || t_lookahead())) {
        Subscript* e = ast::make<Subscript>(m_arena, loc_from(start));
        e->value = a;
        e->slice = s;
        e->ctx = ExprContext::Load;
        return e;
      }
      BAIL();
      m_mark = m;
      if (t) comprehension_error();
      break;
    }
    case Tok::LBrace:
      comprehension_error();
      break;
    case Tok::LPar: {
      Expr* g = genexp();
      if (g && (!t || t_lookahead())) {
        Call* c = ast::make<Call>(m_arena, loc_from(start));
        c->func = a;
        c->args = one(g);
        return c;
      }
      BAIL();
      m_mark = m + 1;
      Expr* args_call = arguments();
      BAIL();
      if (!args_call) m_mark = m + 1;
      if (expect(Tok::RPar) && (!t || t_lookahead()))
        return make_call(a, args_call, loc_from(start));
      break;
    }
    default: break;
  }
  BAIL();
  m_mark = m;
  return nullptr;
}

MEMO2_RULE(Expr*, primary, Memo::Primary, primary_raw)

Expr* Parser::primary_raw() {
  int m = m_mark;
  Expr* a = atom();
  if (!a) return nullptr;
  while (Expr* b = primary_step(a, m, false)) a = b;
  BAIL();
  return a;
}

Expr* Parser::slices() {
  BAIL();
  int m = m_mark;
  Expr* a = slice();
  if (a && !check(Tok::Comma)) return a;
  BAIL();
  m_mark = m;
  Scratch elts(*this);
  for (;;) {
    int m2 = m_mark;
    Expr* e = slice();
    BAIL();
    if (!e) {
      m_mark = m2;
      e = starred_expression();
      BAIL();
    }
    if (!e) {
      m_mark = m2;
      if (elts.size() == 0) return nullptr;
      m_mark--;
      break;
    }
    elts.push(e);
    if (!expect(Tok::Comma)) break;
  }
  expect(Tok::Comma);
  Tuple* t = ast::make<Tuple>(m_arena, loc_from(m));
  t->elts = elts.seq<Expr*>();
  t->ctx = ExprContext::Load;
  return t;
}

Expr* Parser::slice() {
  BAIL();
  int m = m_mark;
  Expr* lower = expression();
  BAIL();
  if (!lower) m_mark = m;
  if (expect(Tok::Colon)) {
    int m2 = m_mark;
    Expr* upper = expression();
    BAIL();
    if (!upper) m_mark = m2;
    Expr* step = nullptr;
    int m3 = m_mark;
    if (expect(Tok::Colon)) {
      int m4 = m_mark;
      step = expression();
      BAIL();
      if (!step) m_mark = m4;
    } else {
      m_mark = m3;
    }
    Slice* s = ast::make<Slice>(m_arena, loc_from(m));
    s->lower = lower;
    s->upper = upper;
    s->step = step;
    return s;
  }
  m_mark = m;
  return named_expression();
}

Expr* Parser::atom() {
  BAIL();
  const Token& t = cur();
  switch (t.kind) {
    case Tok::Name: m_mark++; return name_node(t);
    case Tok::KwTrue: m_mark++; return constant(ConstValue::Kind::True, t);
    case Tok::KwFalse: m_mark++; return constant(ConstValue::Kind::False, t);
    case Tok::KwNone: m_mark++; return constant(ConstValue::Kind::None, t);
    case Tok::String: return strings();
    case Tok::Number: m_mark++; return number(t);
    case Tok::Ellipsis: m_mark++; return constant(ConstValue::Kind::Ellipsis, t);
    case Tok::LPar: {
      int m = m_mark;
      if (Expr* e = tuple()) return e;
      BAIL();
      m_mark = m;
      if (Expr* e = group()) return e;
      BAIL();
      m_mark = m;
      return genexp();
    }
    case Tok::LSqb: {
      int m = m_mark;
      if (Expr* e = list()) return e;
      BAIL();
      m_mark = m;
      return listcomp();
    }
    case Tok::LBrace: {
      int m = m_mark;
      if (Expr* e = dict()) return e;
      BAIL();
      m_mark = m;
      if (Expr* e = set()) return e;
      BAIL();
      m_mark = m;
      if (Expr* e = dictcomp()) return e;
      BAIL();
      m_mark = m;
      return setcomp();
    }
    default: return nullptr;
  }
}

Expr* Parser::group() {
  int m = m_mark;
  if (expect(Tok::LPar)) {
    Expr* a = check(Tok::KwYield) ? yield_expr() : nullptr;
    BAIL();
    if (!a) a = named_expression();
    if (a && expect(Tok::RPar)) return a;
    BAIL();
  }
  m_mark = m;
  if (m_call_invalid) {
    invalid_group();
    m_mark = m;
  }
  return nullptr;
}

Expr* Parser::lambdef() {
  int m = m_mark;
  if (!check(Tok::KwLambda)) return nullptr;
  Depth d(*this, 1);
  if (d.overflow()) return nullptr;
  m_mark++;
  int m2 = m_mark;
  Arguments* args = params(true);
  BAIL();
  if (!args) m_mark = m2;
  if (expect(Tok::Colon)) {
    if (Expr* body = expression()) {
      Lambda* e = ast::make<Lambda>(m_arena, loc_from(m));
      e->args = args ? args : empty_arguments();
      e->body = body;
      return e;
    }
  }
  m_mark = m;
  return nullptr;
}

MEMO_RULE(Expr*, strings, Memo::Strings, strings_raw)

Expr* Parser::strings_raw() {
  int m = m_mark;
  while (check(Tok::String)) m_mark++;
  if (m_mark == m) return nullptr;
  return concatenate_strings(*this, &m_toks[m], static_cast<size_t>(m_mark - m));
}

// -- Displays -------------------------------------------------------------------------------------

Expr* Parser::list() {
  int m = m_mark;
  if (!expect(Tok::LSqb)) return nullptr;
  Seq<Expr*> elts;
  star_named_expressions(elts);
  BAIL();
  if (!expect(Tok::RSqb)) {
    m_mark = m;
    return nullptr;
  }
  List* e = ast::make<List>(m_arena, loc_from(m));
  e->elts = elts;
  e->ctx = ExprContext::Load;
  return e;
}

Expr* Parser::tuple() {
  int m = m_mark;
  if (!expect(Tok::LPar)) return nullptr;
  Seq<Expr*> elts;
  int m2 = m_mark;
  if (Expr* y = star_named_expression()) {
    if (expect(Tok::Comma)) {
      Seq<Expr*> z;
      star_named_expressions(z);
      elts = prepend(y, z);
    } else {
      m_mark = m2;
    }
  } else {
    m_mark = m2;
  }
  BAIL();
  if (!expect(Tok::RPar)) {
    m_mark = m;
    return nullptr;
  }
  Tuple* e = ast::make<Tuple>(m_arena, loc_from(m));
  e->elts = elts;
  e->ctx = ExprContext::Load;
  return e;
}

Expr* Parser::set() {
  int m = m_mark;
  if (!expect(Tok::LBrace)) return nullptr;
  Seq<Expr*> elts;
  if (!star_named_expressions(elts) || !expect(Tok::RBrace)) {
    m_mark = m;
    return nullptr;
  }
  Set* e = ast::make<Set>(m_arena, loc_from(m));
  e->elts = elts;
  return e;
}

Expr* Parser::dict() {
  int m = m_mark;
  if (!expect(Tok::LBrace)) return nullptr;
  Seq<KeyValue*> pairs;
  double_starred_kvpairs(pairs);
  BAIL();
  if (expect(Tok::RBrace)) {
    Dict* e = ast::make<Dict>(m_arena, loc_from(m));
    uint32_t n = pairs.count;
    e->keys.count = e->values.count = n;
    e->keys.items = static_cast<Expr**>(m_arena.alloc(sizeof(Expr*) * n));
    e->values.items = static_cast<Expr**>(m_arena.alloc(sizeof(Expr*) * n));
    for (uint32_t i = 0; i < n; i++) {
      e->keys.items[i] = pairs[i]->key;
      e->values.items[i] = pairs[i]->value;
    }
    return e;
  }
  // '{' invalid_double_starred_kvpairs '}': pegen guards only alternatives that are a lone
  // invalid_ rule, so this one runs in the first pass too (and its errors win there).
  m_mark = m + 1;
  invalid_double_starred_kvpairs();
  m_mark = m;
  return nullptr;
}

bool Parser::double_starred_kvpairs(Seq<KeyValue*>& out) {
  Scratch list(*this);
  for (;;) {
    int m = m_mark;
    KeyValue* kv = double_starred_kvpair();
    if (!kv) {
      m_mark = m;
      if (list.size() == 0) return false;
      m_mark--;
      break;
    }
    list.push(kv);
    if (!expect(Tok::Comma)) break;
  }
  BAIL();
  expect(Tok::Comma);
  out = list.seq<KeyValue*>();
  return true;
}

KeyValue* Parser::double_starred_kvpair() {
  BAIL();
  int m = m_mark;
  if (expect(Tok::DoubleStar)) {
    if (Expr* a = bitwise_or()) return m_arena.make<KeyValue>(KeyValue{nullptr, a});
    BAIL();
    m_mark = m;
  }
  return kvpair();
}

KeyValue* Parser::kvpair() {
  int m = m_mark;
  Expr* a = expression();
  if (a && expect(Tok::Colon)) {
    if (Expr* b = expression()) return m_arena.make<KeyValue>(KeyValue{a, b});
  }
  m_mark = m;
  return nullptr;
}

// -- Comprehensions -------------------------------------------------------------------------------

bool Parser::for_if_clauses(Seq<Comprehension*>& out) {
  Scratch list(*this);
  for (;;) {
    int m = m_mark;
    Comprehension* c = for_if_clause();
    if (!c) {
      m_mark = m;
      break;
    }
    list.push(c);
  }
  BAIL();
  if (list.size() == 0) return false;
  out = list.seq<Comprehension*>();
  return true;
}

Comprehension* Parser::for_if_clause() {
  BAIL();
  int m = m_mark;
  bool is_async = expect(Tok::KwAsync) != nullptr;
  if (expect(Tok::KwFor)) {
    Expr* target = star_targets();
    if (target && expect(Tok::KwIn)) {
      Expr* iter = disjunction();
      if (!iter) return nullptr;  // cut
      Scratch ifs(*this);
      for (;;) {
        int m2 = m_mark;
        if (!expect(Tok::KwIf)) break;
        Expr* cond = disjunction();
        if (!cond) {
          m_mark = m2;
          break;
        }
        ifs.push(cond);
      }
      BAIL();
      Comprehension* c = m_arena.make<Comprehension>();
      c->target = target;
      c->iter = iter;
      c->ifs = ifs.seq<Expr*>();
      c->is_async = is_async;
      return c;
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

// listcomp / setcomp: open named_expression for_if_clauses close.
Expr* Parser::listcomp() { return simple_comp(Tok::LSqb, Tok::RSqb, ExprKind::ListComp); }
Expr* Parser::setcomp() { return simple_comp(Tok::LBrace, Tok::RBrace, ExprKind::SetComp); }

Expr* Parser::simple_comp(Tok open, Tok close, ExprKind kind) {
  int m = m_mark;
  if (expect(open)) {
    Expr* elt = named_expression();
    Seq<Comprehension*> gens;
    if (elt && for_if_clauses(gens) && expect(close)) {
      Loc loc = loc_from(m);
      if (kind == ExprKind::ListComp) {
        ListComp* e = ast::make<ListComp>(m_arena, loc);
        e->elt = elt;
        e->generators = gens;
        return e;
      }
      SetComp* e = ast::make<SetComp>(m_arena, loc);
      e->elt = elt;
      e->generators = gens;
      return e;
    }
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_comprehension();
    m_mark = m;
  }
  return nullptr;
}

// The element of a genexp or of a positional call argument:
// assignment_expression | expression !':='.
Expr* Parser::genexp_or_plain_arg() {
  int m = m_mark;
  if (Expr* e = assignment_expression()) return e;
  BAIL();
  Expr* e = expression();
  if (e && !check(Tok::ColonEqual)) return e;
  m_mark = m;
  return nullptr;
}

Expr* Parser::genexp() {
  BAIL();
  int m = m_mark;
  if (expect(Tok::LPar)) {
    Expr* elt = genexp_or_plain_arg();
    Seq<Comprehension*> gens;
    if (elt && for_if_clauses(gens) && expect(Tok::RPar)) {
      GeneratorExp* e = ast::make<GeneratorExp>(m_arena, loc_from(m));
      e->elt = elt;
      e->generators = gens;
      return e;
    }
  }
  BAIL();
  m_mark = m;
  comprehension_error();
  return nullptr;
}

// genexp's last alternative, invalid_comprehension, on its own: it matches at '(', '[' or '{'
// after any primary (a call's genexp alternative), which is how `f [a, b for b in c]` and
// `x {a=1}` reach it.
void Parser::comprehension_error() {
  if (!m_call_invalid) return;
  int m = m_mark;
  invalid_comprehension();
  m_mark = m;
}

Expr* Parser::dictcomp() {
  int m = m_mark;
  if (expect(Tok::LBrace)) {
    KeyValue* kv = kvpair();
    Seq<Comprehension*> gens;
    if (kv && for_if_clauses(gens) && expect(Tok::RBrace)) {
      DictComp* e = ast::make<DictComp>(m_arena, loc_from(m));
      e->key = kv->key;
      e->value = kv->value;
      e->generators = gens;
      return e;
    }
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_dict_comprehension();
    m_mark = m;
  }
  return nullptr;
}

// -- Call arguments -------------------------------------------------------------------------------

MEMO_RULE(Expr*, arguments, Memo::Arguments, arguments_raw)

Expr* Parser::arguments_raw() {
  int m = m_mark;
  if (Expr* a = args()) {
    expect(Tok::Comma);
    if (check(Tok::RPar)) return a;
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_arguments();
    m_mark = m;
  }
  return nullptr;
}

Expr* Parser::positional_arg() {
  int m = m_mark;
  if (Expr* e = starred_expression()) return e;
  BAIL();
  Expr* e = genexp_or_plain_arg();
  if (e && !check(Tok::Equal)) return e;
  m_mark = m;
  return nullptr;
}

Expr* Parser::args() {
  BAIL();
  int m = m_mark;
  {
    Scratch pos(*this);
    for (;;) {
      int m2 = m_mark;
      Expr* e = positional_arg();
      if (!e) {
        m_mark = m2;
        if (pos.size() > 0) m_mark--;
        break;
      }
      pos.push(e);
      if (!expect(Tok::Comma)) break;
    }
    BAIL();
    if (pos.size() > 0) {
      Seq<Expr*> a = pos.seq<Expr*>();
      int m2 = m_mark;
      Seq<KeywordOrStarred*> kw;
      bool has_kw = false;
      if (expect(Tok::Comma)) {
        has_kw = kwargs(kw);
        if (!has_kw) m_mark = m2;
      }
      BAIL();
      return collect_call_seqs(a, has_kw ? &kw : nullptr, loc_from(m));
    }
  }
  m_mark = m;
  Seq<KeywordOrStarred*> kw;
  if (!kwargs(kw)) return nullptr;
  return collect_call_seqs({}, &kw, loc_from(m));
}

bool Parser::kwarg_list(Seq<KeywordOrStarred*>& out, bool double_starred) {
  Scratch list(*this);
  for (;;) {
    int m = m_mark;
    KeywordOrStarred* k = kwarg_or_starred(double_starred);
    if (!k) {
      m_mark = m;
      if (list.size() == 0) return false;
      m_mark--;
      break;
    }
    list.push(k);
    if (!expect(Tok::Comma)) break;
  }
  BAIL();
  out = list.seq<KeywordOrStarred*>();
  return true;
}

bool Parser::kwargs(Seq<KeywordOrStarred*>& out) {
  BAIL();
  int m = m_mark;
  Seq<KeywordOrStarred*> a, b;
  if (kwarg_list(a, false)) {
    int m2 = m_mark;
    if (expect(Tok::Comma) && kwarg_list(b, true)) {
      Scratch all(*this);
      for (KeywordOrStarred* k : a) all.push(k);
      for (KeywordOrStarred* k : b) all.push(k);
      out = all.seq<KeywordOrStarred*>();
      return true;
    }
    BAIL();
    m_mark = m2;
    out = a;
    return true;
  }
  BAIL();
  m_mark = m;
  return kwarg_list(out, true);
}

Expr* Parser::starred_expression() {
  int m = m_mark;
  if (!expect(Tok::Star)) return nullptr;
  Expr* a = expression();
  if (!a) {
    m_mark = m;
    return nullptr;
  }
  Starred* e = ast::make<Starred>(m_arena, loc_from(m));
  e->value = a;
  e->ctx = ExprContext::Load;
  return e;
}

KeywordOrStarred* Parser::kwarg_or_starred(bool double_starred) {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_kwarg();
    BAIL();
    m_mark = m;
  }
  if (const Token* n = expect(Tok::Name)) {
    if (expect(Tok::Equal)) {
      if (Expr* b = expression()) {
        Keyword* k = m_arena.make<Keyword>();
        k->arg = ident(*n);
        k->value = b;
        k->loc = loc_from(m);
        return m_arena.make<KeywordOrStarred>(KeywordOrStarred{k, true});
      }
    }
    BAIL();
    m_mark = m;
  }
  if (!double_starred) {
    if (Expr* e = starred_expression()) return m_arena.make<KeywordOrStarred>(
        KeywordOrStarred{e, false});
    return nullptr;
  }
  if (expect(Tok::DoubleStar)) {
    if (Expr* a = expression()) {
      Keyword* k = m_arena.make<Keyword>();
      k->value = a;
      k->loc = loc_from(m);
      return m_arena.make<KeywordOrStarred>(KeywordOrStarred{k, true});
    }
  }
  m_mark = m;
  return nullptr;
}

// -- Assignment targets ---------------------------------------------------------------------------

Expr* Parser::star_targets() {
  BAIL();
  int m = m_mark;
  Expr* a = star_target();
  if (!a) return nullptr;
  if (!check(Tok::Comma)) return a;
  Scratch rest(*this);
  for (;;) {
    int m2 = m_mark;
    if (!expect(Tok::Comma)) break;
    Expr* e = star_target();
    if (!e) {
      m_mark = m2;
      break;
    }
    rest.push(e);
  }
  BAIL();
  expect(Tok::Comma);
  return make_tuple_of(a, rest.seq<Expr*>(), ExprContext::Store, loc_from(m));
}

// ','.star_target+ [','] ; with [need_comma] (the tuple form) a single target needs a comma.
bool Parser::star_target_seq(Seq<Expr*>& out, bool need_comma) {
  Scratch list(*this);
  bool trailing = false;
  for (;;) {
    int m = m_mark;
    Expr* e = star_target();
    if (!e) {
      m_mark = m;
      if (list.size() == 0) return false;
      break;
    }
    list.push(e);
    trailing = false;
    if (!expect(Tok::Comma)) break;
    trailing = true;
  }
  BAIL();
  if (need_comma && list.size() == 1 && !trailing) return false;
  out = list.seq<Expr*>();
  return true;
}

bool Parser::star_targets_list_seq(Seq<Expr*>& out) { return star_target_seq(out, false); }
bool Parser::star_targets_tuple_seq(Seq<Expr*>& out) { return star_target_seq(out, true); }

MEMO_RULE(Expr*, star_target, Memo::StarTarget, star_target_raw)

Expr* Parser::star_target_raw() {
  int m = m_mark;
  if (expect(Tok::Star)) {
    if (check(Tok::Star)) {
      m_mark = m;
      return nullptr;
    }
    Expr* a = star_target();
    if (!a) {
      m_mark = m;
      return nullptr;
    }
    Starred* e = ast::make<Starred>(m_arena, loc_from(m));
    e->value = set_ctx(a, ExprContext::Store);
    e->ctx = ExprContext::Store;
    return e;
  }
  return target_with_star_atom();
}

MEMO_RULE(Expr*, target_with_star_atom, Memo::TargetWithStarAtom, target_with_star_atom_raw)

Expr* Parser::target_with_star_atom_raw() {
  if (Expr* e = subscript_attribute_target(ExprContext::Store)) return e;
  BAIL();
  return star_atom();
}

// t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead, in context [ctx].
Expr* Parser::subscript_attribute_target(ExprContext ctx) {
  int m = m_mark;
  Expr* a = t_primary();
  if (!a) return nullptr;
  int m2 = m_mark;
  if (expect(Tok::Dot)) {
    const Token* n = expect(Tok::Name);
    if (n && !t_lookahead()) {
      Attribute* e = ast::make<Attribute>(m_arena, loc_from(m));
      e->value = a;
      e->attr = ident(*n);
      e->ctx = ctx;
      return e;
    }
  }
  m_mark = m2;
  if (expect(Tok::LSqb)) {
    Expr* s = slices();
    if (s && expect(Tok::RSqb) && !t_lookahead()) {
      Subscript* e = ast::make<Subscript>(m_arena, loc_from(m));
      e->value = a;
      e->slice = s;
      e->ctx = ctx;
      return e;
    }
  }
  BAIL();
  m_mark = m;
  return nullptr;
}

Expr* Parser::star_atom() {
  int m = m_mark;
  const Token& t = cur();
  if (t.kind == Tok::Name) {
    m_mark++;
    return name_node(t, ExprContext::Store);
  }
  if (expect(Tok::LPar)) {
    Expr* a = target_with_star_atom();
    if (a && expect(Tok::RPar)) return set_ctx(a, ExprContext::Store);
    BAIL();
    m_mark = m + 1;
    Seq<Expr*> elts;
    star_targets_tuple_seq(elts);
    BAIL();
    if (expect(Tok::RPar)) {
      Tuple* e = ast::make<Tuple>(m_arena, loc_from(m));
      e->elts = elts;
      e->ctx = ExprContext::Store;
      return e;
    }
    m_mark = m;
    return nullptr;
  }
  if (expect(Tok::LSqb)) {
    Seq<Expr*> elts;
    star_targets_list_seq(elts);
    BAIL();
    if (expect(Tok::RSqb)) {
      List* e = ast::make<List>(m_arena, loc_from(m));
      e->elts = elts;
      e->ctx = ExprContext::Store;
      return e;
    }
    m_mark = m;
  }
  return nullptr;
}

Expr* Parser::single_target() {
  BAIL();
  int m = m_mark;
  if (Expr* e = single_subscript_attribute_target()) return e;
  BAIL();
  const Token& t = cur();
  if (t.kind == Tok::Name) {
    m_mark++;
    return name_node(t, ExprContext::Store);
  }
  if (expect(Tok::LPar)) {
    Expr* a = single_target();
    if (a && expect(Tok::RPar)) return a;
  }
  m_mark = m;
  return nullptr;
}

Expr* Parser::single_subscript_attribute_target() {
  return subscript_attribute_target(ExprContext::Store);
}

bool Parser::t_lookahead() {
  Tok k = kind();
  return k == Tok::LPar || k == Tok::LSqb || k == Tok::Dot;
}

MEMO_RULE(Expr*, t_primary, Memo::TPrimary, t_primary_raw)

Expr* Parser::t_primary_raw() {
  int m = m_mark;
  Expr* a = atom();
  if (!a || !t_lookahead()) return nullptr;
  while (Expr* b = primary_step(a, m, true)) a = b;
  BAIL();
  return a;
}

bool Parser::del_targets(Seq<Expr*>& out) {
  Scratch list(*this);
  for (;;) {
    int m = m_mark;
    Expr* e = del_target();
    if (!e) {
      m_mark = m;
      if (list.size() == 0) return false;
      m_mark--;
      break;
    }
    list.push(e);
    if (!expect(Tok::Comma)) break;
  }
  BAIL();
  expect(Tok::Comma);
  out = list.seq<Expr*>();
  return true;
}

MEMO_RULE(Expr*, del_target, Memo::DelTarget, del_target_raw)

Expr* Parser::del_target_raw() {
  if (Expr* e = subscript_attribute_target(ExprContext::Del)) return e;
  BAIL();
  return del_t_atom();
}

Expr* Parser::del_t_atom() {
  int m = m_mark;
  const Token& t = cur();
  if (t.kind == Tok::Name) {
    m_mark++;
    return name_node(t, ExprContext::Del);
  }
  bool paren = t.kind == Tok::LPar;
  if (!paren && t.kind != Tok::LSqb) return nullptr;
  m_mark++;
  if (paren) {
    Expr* a = del_target();
    if (a && expect(Tok::RPar)) return set_ctx(a, ExprContext::Del);
    BAIL();
    m_mark = m + 1;
  }
  Seq<Expr*> elts;
  del_targets(elts);
  BAIL();
  if (!expect(paren ? Tok::RPar : Tok::RSqb)) {
    m_mark = m;
    return nullptr;
  }
  if (paren) {
    Tuple* e = ast::make<Tuple>(m_arena, loc_from(m));
    e->elts = elts;
    e->ctx = ExprContext::Del;
    return e;
  }
  List* e = ast::make<List>(m_arena, loc_from(m));
  e->elts = elts;
  e->ctx = ExprContext::Del;
  return e;
}

// type_expressions: the func_type argument list, plain expressions then optionally
// '*' expression and '**' expression; the stars are dropped.
bool Parser::type_expressions(Seq<Expr*>& out) {
  Scratch list(*this);
  for (;;) {
    int m = m_mark;
    Expr* e = expression();
    if (!e) {
      m_mark = m;
      if (list.size() > 0) m_mark--;  // give back the ','
      break;
    }
    list.push(e);
    Tok next = token_at(m_mark + 1).kind;
    if (!check(Tok::Comma) || next == Tok::Star || next == Tok::DoubleStar) break;
    m_mark++;
  }
  BAIL();
  int m = m_mark;
  if (list.size() == 0 || expect(Tok::Comma)) {
    size_t n = list.size();
    if (expect(Tok::Star)) {
      if (Expr* b = expression()) {
        list.push(b);
        int m2 = m_mark;
        Expr* c = nullptr;
        if (expect(Tok::Comma) && expect(Tok::DoubleStar)) c = expression();
        if (c) list.push(c);
        else m_mark = m2;
      }
    } else if (expect(Tok::DoubleStar)) {
      if (Expr* b = expression()) list.push(b);
    }
    BAIL();
    if (list.size() == n) m_mark = m;
  }
  if (list.size() == 0) return false;
  out = list.seq<Expr*>();
  return true;
}

#undef MEMO_RULE
#undef MEMO2_RULE
#undef BAIL

}  // namespace tpy::parse
