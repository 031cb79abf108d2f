// interp/parse/parser_pattern.cpp -- The match statement and its patterns (PEP 634).
#include "interp/parse/parser_internal.h"

namespace tpy::parse {

using namespace ast;

#define BAIL() \
  if (m_error) return {}

// -- match / case ---------------------------------------------------------------------------------

Stmt* Parser::match_stmt() {
  BAIL();
  int m = m_mark;
  if (expect_soft("match")) {
    Expr* subject = subject_expr();
    if (subject && expect(Tok::Colon) && expect(Tok::Newline) && expect(Tok::Indent)) {
      Scratch cases(*this);
      while (MatchCase* c = case_block()) cases.push(c);
      BAIL();
      if (cases.size() > 0 && expect(Tok::Dedent)) {
        Match* s = ast::make<Match>(m_arena, loc_from(m));
        s->subject = subject;
        s->cases = cases.seq<MatchCase*>();
        return s;
      }
    }
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_match_stmt();
    m_mark = m;
  }
  return nullptr;
}

Expr* Parser::subject_expr() {
  BAIL();
  int m = m_mark;
  if (Expr* value = star_named_expression()) {
    if (expect(Tok::Comma)) {
      Seq<Expr*> values;
      star_named_expressions(values);
      BAIL();
      return make_tuple_of(value, values, ExprContext::Load, loc_from(m));
    }
  }
  BAIL();
  m_mark = m;
  return named_expression();
}

MatchCase* Parser::case_block() {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_case_block();
    BAIL();
    m_mark = m;
  }
  if (!expect_soft("case")) return nullptr;
  Pattern* pat = patterns();
  if (pat) {
    Expr* g = guard();
    BAIL();
    Seq<Stmt*> body;
    if (expect(Tok::Colon) && block(body)) {
      MatchCase* c = m_arena.make<MatchCase>();
      c->pattern = pat;
      c->guard = g;
      c->body = body;
      return c;
    }
  }
  m_mark = m;
  return nullptr;
}

Expr* Parser::guard() {
  int m = m_mark;
  if (!expect(Tok::KwIf)) return nullptr;
  if (Expr* e = named_expression()) return e;
  m_mark = m;
  return nullptr;
}

// -- Pattern structure ----------------------------------------------------------------------------

Pattern* Parser::patterns() {
  BAIL();
  int m = m_mark;
  Seq<Pattern*> list;
  if (open_sequence_pattern(list)) {
    MatchSequence* p = ast::make<MatchSequence>(m_arena, loc_from(m));
    p->patterns = list;
    return p;
  }
  BAIL();
  m_mark = m;
  return pattern();
}

Pattern* Parser::pattern() {
  BAIL();
  Depth d(*this, 4);
  if (d.overflow()) return nullptr;
  int m = m_mark;
  if (Pattern* p = as_pattern()) return p;
  BAIL();
  m_mark = m;
  return or_pattern();
}

Pattern* Parser::as_pattern() {
  int m = m_mark;
  Pattern* p = or_pattern();
  if (p && expect(Tok::KwAs)) {
    if (const Token* t = pattern_capture_target()) {
      MatchAs* a = ast::make<MatchAs>(m_arena, loc_from(m));
      a->pattern = p;
      a->name = ident(*t);
      return a;
    }
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_as_pattern();
    m_mark = m;
  }
  return nullptr;
}

Pattern* Parser::or_pattern() {
  int m = m_mark;
  Scratch list(*this);
  for (;;) {
    int m2 = m_mark;
    Pattern* p = closed_pattern();
    if (!p) {
      m_mark = m2;
      if (list.size() == 0) return nullptr;
      m_mark--;  // give back the '|'
      break;
    }
    list.push(p);
    if (!expect(Tok::VBar)) break;
  }
  BAIL();
  if (list.size() == 1) return static_cast<Pattern*>(list[0]);
  MatchOr* o = ast::make<MatchOr>(m_arena, loc_from(m));
  o->patterns = list.seq<Pattern*>();
  return o;
}

Pattern* Parser::closed_pattern() {
  BAIL();
  int m = m_mark;
  void* r;
  if (memo_get(Memo::ClosedPattern, r)) return static_cast<Pattern*>(r);
  Pattern* p = closed_pattern_raw();
  if (!p) m_mark = m;
  memo_put(Memo::ClosedPattern, m, p);
  return p;
}

Pattern* Parser::closed_pattern_raw() {
  using Rule = Pattern* (Parser::*)();
  static constexpr Rule kAlternatives[] = {
      &Parser::literal_pattern, &Parser::capture_pattern, &Parser::wildcard_pattern,
      &Parser::value_pattern,   &Parser::group_pattern,   &Parser::sequence_pattern,
      &Parser::mapping_pattern, &Parser::class_pattern};
  int m = m_mark;
  for (Rule r : kAlternatives) {
    if (Pattern* p = (this->*r)()) return p;
    BAIL();
    m_mark = m;
  }
  return nullptr;
}

// -- Literals -------------------------------------------------------------------------------------

namespace {
Pattern* match_value(Arena& a, Expr* value, Loc loc) {
  MatchValue* p = ast::make<MatchValue>(a, loc);
  p->value = value;
  return p;
}
}  // namespace

Pattern* Parser::literal_pattern() {
  int m = m_mark;
  const Token& t = cur();
  ConstValue::Kind k;
  switch (t.kind) {
    case Tok::KwNone: k = ConstValue::Kind::None; break;
    case Tok::KwTrue: k = ConstValue::Kind::True; break;
    case Tok::KwFalse: k = ConstValue::Kind::False; break;
    default: {
      Expr* e = literal_expr();
      return e ? match_value(m_arena, e, loc_from(m)) : nullptr;
    }
  }
  m_mark++;
  MatchSingleton* p = ast::make<MatchSingleton>(m_arena, tok_loc(t));
  p->value.kind = k;
  return p;
}

// signed_number !('+' | '-') | complex_number | strings | None | True | False
Expr* Parser::literal_expr() {
  int m = m_mark;
  if (Expr* e = signed_number()) {
    if (!check(Tok::Plus) && !check(Tok::Minus)) return e;
  }
  BAIL();
  m_mark = m;
  if (Expr* e = complex_number()) return e;
  BAIL();
  m_mark = m;
  const Token& t = cur();
  switch (t.kind) {
    case Tok::String: return strings();
    case Tok::KwNone: m_mark++; return constant(ConstValue::Kind::None, t);
    case Tok::KwTrue: m_mark++; return constant(ConstValue::Kind::True, t);
    case Tok::KwFalse: m_mark++; return constant(ConstValue::Kind::False, t);
    default: return nullptr;
  }
}

Expr* Parser::complex_number() {
  int m = m_mark;
  Expr* real = signed_real_number();
  if (!real) return nullptr;
  Operator op;
  if (check(Tok::Plus)) op = Operator::Add;
  else if (check(Tok::Minus)) op = Operator::Sub;
  else {
    m_mark = m;
    return nullptr;
  }
  m_mark++;
  Expr* imag = imaginary_number();
  if (!imag) {
    m_mark = m;
    return nullptr;
  }
  BinOp* e = ast::make<BinOp>(m_arena, loc_from(m));
  e->left = real;
  e->op = op;
  e->right = imag;
  return e;
}

namespace {
Expr* negate(Arena& a, Expr* operand, Loc loc) {
  UnaryOp* e = ast::make<UnaryOp>(a, loc);
  e->op = UnaryOperator::USub;
  e->operand = operand;
  return e;
}
}  // namespace

Expr* Parser::signed_number() {
  int m = m_mark;
  if (const Token* t = expect(Tok::Number)) return number(*t);
  if (expect(Tok::Minus)) {
    if (const Token* t = expect(Tok::Number)) {
      Expr* e = number(*t);
      return e ? negate(m_arena, e, loc_from(m)) : nullptr;
    }
  }
  m_mark = m;
  return nullptr;
}

Expr* Parser::signed_real_number() {
  int m = m_mark;
  if (Expr* e = real_number()) return e;
  BAIL();
  if (expect(Tok::Minus)) {
    if (Expr* e = real_number()) return negate(m_arena, e, loc_from(m));
  }
  m_mark = m;
  return nullptr;
}

Expr* Parser::real_number() {
  const Token* t = expect(Tok::Number);
  if (!t) return nullptr;
  Expr* e = number(*t);
  if (!e) return nullptr;
  if (as<Constant>(e)->value.kind == ConstValue::Kind::Complex) {
    raise_node(e->loc, "real number required in complex literal");
    return nullptr;
  }
  return e;
}

Expr* Parser::imaginary_number() {
  const Token* t = expect(Tok::Number);
  if (!t) return nullptr;
  Expr* e = number(*t);
  if (!e) return nullptr;
  if (as<Constant>(e)->value.kind != ConstValue::Kind::Complex) {
    raise_node(e->loc, "imaginary number required in complex literal");
    return nullptr;
  }
  return e;
}

// -- Names ----------------------------------------------------------------------------------------

Pattern* Parser::capture_pattern() {
  const Token* t = pattern_capture_target();
  if (!t) return nullptr;
  MatchAs* p = ast::make<MatchAs>(m_arena, tok_loc(*t));
  p->name = ident(*t);
  return p;
}

// !"_" NAME !('.' | '(' | '=')
const Token* Parser::pattern_capture_target() {
  const Token& t = cur();
  if (t.kind != Tok::Name || tok_text(t) == "_") return nullptr;
  m_mark++;
  Tok k = kind();
  if (k == Tok::Dot || k == Tok::LPar || k == Tok::Equal) {
    m_mark--;
    return nullptr;
  }
  return &t;
}

Pattern* Parser::wildcard_pattern() {
  const Token* t = expect_soft("_");
  return t ? ast::make<MatchAs>(m_arena, tok_loc(*t)) : nullptr;
}

Pattern* Parser::value_pattern() {
  int m = m_mark;
  Expr* a = attr();
  if (!a) return nullptr;
  Tok k = kind();
  if (k == Tok::Dot || k == Tok::LPar || k == Tok::Equal) {
    m_mark = m;
    return nullptr;
  }
  return match_value(m_arena, a, loc_from(m));
}

// attr: name_or_attr '.' NAME (left-recursive: NAME ('.' NAME)+).
Expr* Parser::attr() {
  int m = m_mark;
  Expr* a = name_or_attr();
  if (!a || a->tag != ExprKind::Attribute) {
    m_mark = m;
    return nullptr;
  }
  return a;
}

Expr* Parser::name_or_attr() {
  int m = m_mark;
  const Token* n = expect(Tok::Name);
  if (!n) return nullptr;
  Expr* a = name_node(*n);
  while (check(Tok::Dot) && check_at(m_mark + 1, Tok::Name)) {
    const Token& name = token_at(m_mark + 1);
    m_mark += 2;
    Attribute* e = ast::make<Attribute>(m_arena, loc_from(m));
    e->value = a;
    e->attr = ident(name);
    e->ctx = ExprContext::Load;
    a = e;
  }
  return a;
}

// -- Group, sequence, mapping, class --------------------------------------------------------------

Pattern* Parser::group_pattern() {
  int m = m_mark;
  if (expect(Tok::LPar)) {
    Pattern* p = pattern();
    if (p && expect(Tok::RPar)) return p;
  }
  m_mark = m;
  return nullptr;
}

Pattern* Parser::sequence_pattern() {
  int m = m_mark;
  Seq<Pattern*> list;
  if (expect(Tok::LSqb)) {
    maybe_sequence_pattern(list);
    BAIL();
    if (!expect(Tok::RSqb)) {
      m_mark = m;
      return nullptr;
    }
  } else if (expect(Tok::LPar)) {
    open_sequence_pattern(list);
    BAIL();
    if (!expect(Tok::RPar)) {
      m_mark = m;
      return nullptr;
    }
  } else {
    return nullptr;
  }
  MatchSequence* p = ast::make<MatchSequence>(m_arena, loc_from(m));
  p->patterns = list;
  return p;
}

// maybe_star_pattern ',' maybe_sequence_pattern?
bool Parser::open_sequence_pattern(Seq<Pattern*>& out) {
  int m = m_mark;
  Pattern* first = maybe_star_pattern();
  if (!first || !expect(Tok::Comma)) {
    m_mark = m;
    return false;
  }
  Seq<Pattern*> rest;
  maybe_sequence_pattern(rest);
  BAIL();
  Scratch list(*this);
  list.push(first);
  for (Pattern* p : rest) list.push(p);
  out = list.seq<Pattern*>();
  return true;
}

bool Parser::maybe_sequence_pattern(Seq<Pattern*>& out) {
  Scratch list(*this);
  for (;;) {
    int m = m_mark;
    Pattern* p = maybe_star_pattern();
    if (!p) {
      m_mark = m;
      if (list.size() == 0) return false;
      m_mark--;
      break;
    }
    list.push(p);
    if (!expect(Tok::Comma)) break;
  }
  BAIL();
  expect(Tok::Comma);
  out = list.seq<Pattern*>();
  return true;
}

Pattern* Parser::maybe_star_pattern() {
  int m = m_mark;
  if (Pattern* p = star_pattern()) return p;
  BAIL();
  m_mark = m;
  return pattern();
}

Pattern* Parser::star_pattern() {
  BAIL();
  int m = m_mark;
  void* r;
  if (memo_get(Memo::StarPattern, r)) return static_cast<Pattern*>(r);
  Pattern* p = star_pattern_raw();
  if (!p) m_mark = m;
  memo_put(Memo::StarPattern, m, p);
  return p;
}

Pattern* Parser::star_pattern_raw() {
  int m = m_mark;
  if (!expect(Tok::Star)) return nullptr;
  Ident name;
  if (const Token* t = pattern_capture_target()) {
    name = ident(*t);
  } else if (!wildcard_pattern()) {
    m_mark = m;
    return nullptr;
  }
  MatchStar* p = ast::make<MatchStar>(m_arena, loc_from(m));
  p->name = name;
  return p;
}

namespace {
Seq<Expr*> keys_of(Arena& a, Seq<KeyPattern*> s) {
  Seq<Expr*> r;
  r.count = s.count;
  r.items = s.count ? static_cast<Expr**>(a.alloc(sizeof(Expr*) * s.count)) : nullptr;
  for (uint32_t i = 0; i < s.count; i++) r.items[i] = s.items[i]->key;
  return r;
}
Seq<Pattern*> patterns_of(Arena& a, Seq<KeyPattern*> s) {
  Seq<Pattern*> r;
  r.count = s.count;
  r.items = s.count ? static_cast<Pattern**>(a.alloc(sizeof(Pattern*) * s.count)) : nullptr;
  for (uint32_t i = 0; i < s.count; i++) r.items[i] = s.items[i]->pattern;
  return r;
}
Seq<Ident> names_of(Arena& a, Seq<KeyPattern*> s) {
  Seq<Ident> r;
  r.count = s.count;
  r.items = s.count ? static_cast<Ident*>(a.alloc(sizeof(Ident) * s.count)) : nullptr;
  for (uint32_t i = 0; i < s.count; i++) r.items[i] = as<Name>(s.items[i]->key)->id;
  return r;
}
}  // namespace

Pattern* Parser::mapping_pattern() {
  int m = m_mark;
  if (!expect(Tok::LBrace)) return nullptr;
  int after_brace = m_mark;
  Seq<KeyPattern*> items;
  const Token* rest = nullptr;
  bool ok = false;
  if (expect(Tok::RBrace)) {
    ok = true;
  } else if ((rest = double_star_pattern())) {
    expect(Tok::Comma);
    ok = expect(Tok::RBrace) != nullptr;
  }
  BAIL();
  if (!ok) {
    rest = nullptr;
    m_mark = after_brace;
    if (items_pattern(items)) {
      int m2 = m_mark;
      if (expect(Tok::Comma) && (rest = double_star_pattern())) {
        expect(Tok::Comma);
        ok = expect(Tok::RBrace) != nullptr;
      }
      BAIL();
      if (!ok) {
        rest = nullptr;
        m_mark = m2;
        expect(Tok::Comma);
        ok = expect(Tok::RBrace) != nullptr;
      }
    }
    BAIL();
  }
  if (!ok) {
    m_mark = m;
    return nullptr;
  }
  MatchMapping* p = ast::make<MatchMapping>(m_arena, loc_from(m));
  p->keys = keys_of(m_arena, items);
  p->patterns = patterns_of(m_arena, items);
  if (rest) p->rest = ident(*rest);
  return p;
}

bool Parser::items_pattern(Seq<KeyPattern*>& out) {
  Scratch list(*this);
  for (;;) {
    int m = m_mark;
    KeyPattern* kp = key_value_pattern();
    if (!kp) {
      m_mark = m;
      if (list.size() == 0) return false;
      m_mark--;
      break;
    }
    list.push(kp);
    if (!expect(Tok::Comma)) break;
  }
  BAIL();
  out = list.seq<KeyPattern*>();
  return true;
}

KeyPattern* Parser::key_value_pattern() {
  BAIL();
  int m = m_mark;
  Expr* key = literal_expr();
  BAIL();
  if (!key) {
    m_mark = m;
    key = attr();
  }
  if (key && expect(Tok::Colon)) {
    if (Pattern* p = pattern()) return m_arena.make<KeyPattern>(KeyPattern{key, p});
  }
  m_mark = m;
  return nullptr;
}

const Token* Parser::double_star_pattern() {
  int m = m_mark;
  if (expect(Tok::DoubleStar)) {
    if (const Token* t = pattern_capture_target()) return t;
  }
  m_mark = m;
  return nullptr;
}

Pattern* Parser::class_pattern() {
  int m = m_mark;
  Expr* cls = name_or_attr();
  if (!cls || !expect(Tok::LPar)) {
    m_mark = m;
    return nullptr;
  }
  int after_paren = m_mark;
  Seq<Pattern*> positional;
  Seq<KeyPattern*> keywords;
  bool ok = expect(Tok::RPar) != nullptr;
  if (!ok) {
    // positional_patterns ','? ')'
    if (positional_patterns(positional)) {
      int m2 = m_mark;
      expect(Tok::Comma);
      ok = expect(Tok::RPar) != nullptr;
      if (!ok) m_mark = m2;
    }
    BAIL();
  }
  if (!ok) {
    // keyword_patterns ','? ')'
    m_mark = after_paren;
    positional = {};
    if (keyword_patterns(keywords)) {
      expect(Tok::Comma);
      ok = expect(Tok::RPar) != nullptr;
    }
    BAIL();
  }
  if (!ok) {
    // positional_patterns ',' keyword_patterns ','? ')'
    m_mark = after_paren;
    keywords = {};
    if (positional_patterns(positional) && expect(Tok::Comma) && keyword_patterns(keywords)) {
      expect(Tok::Comma);
      ok = expect(Tok::RPar) != nullptr;
    }
    BAIL();
  }
  if (!ok) {
    m_mark = m;
    if (m_call_invalid) {
      invalid_class_pattern();
      m_mark = m;
    }
    return nullptr;
  }
  MatchClass* p = ast::make<MatchClass>(m_arena, loc_from(m));
  p->cls = cls;
  p->patterns = positional;
  p->kwd_attrs = names_of(m_arena, keywords);
  p->kwd_patterns = patterns_of(m_arena, keywords);
  return p;
}

bool Parser::positional_patterns(Seq<Pattern*>& out) {
  Scratch list(*this);
  for (;;) {
    int m = m_mark;
    Pattern* p = pattern();
    if (!p) {
      m_mark = m;
      if (list.size() == 0) return false;
      m_mark--;
      break;
    }
    list.push(p);
    if (!expect(Tok::Comma)) break;
  }
  BAIL();
  out = list.seq<Pattern*>();
  return true;
}

bool Parser::keyword_patterns(Seq<KeyPattern*>& out) {
  Scratch list(*this);
  for (;;) {
    int m = m_mark;
    KeyPattern* kp = keyword_pattern();
    if (!kp) {
      m_mark = m;
      if (list.size() == 0) return false;
      m_mark--;
      break;
    }
    list.push(kp);
    if (!expect(Tok::Comma)) break;
  }
  BAIL();
  out = list.seq<KeyPattern*>();
  return true;
}

KeyPattern* Parser::keyword_pattern() {
  int m = m_mark;
  const Token* n = expect(Tok::Name);
  if (n && expect(Tok::Equal)) {
    if (Pattern* p = pattern()) return m_arena.make<KeyPattern>(KeyPattern{name_node(*n), p});
  }
  BAIL();
  m_mark = m;
  return nullptr;
}

#undef BAIL

}  // namespace tpy::parse
