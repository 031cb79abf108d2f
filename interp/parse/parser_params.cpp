// interp/parse/parser_params.cpp -- Parameter lists of `def` and `lambda`.
//
// The grammar duplicates every parameter rule for lambdas (no annotations, ':' instead of ')'
// after the last parameter); here one set of methods takes a [lambda] flag.
#include "interp/parse/parser_internal.h"

namespace tpy::parse {

using namespace ast;

#define BAIL() \
  if (m_error) return {}

Arguments* Parser::params(bool lambda) {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_parameters(lambda);
    BAIL();
    m_mark = m;
  }
  return parameters(lambda);
}

Arguments* Parser::parameters(bool lambda) {
  int m = m_mark;
  // slash_no_default param_no_default* param_with_default* [star_etc]
  {
    Seq<Arg*> slash, plain;
    Seq<NameDefault*> with_default;
    if (slash_no_default(lambda, slash)) {
      param_no_default_star(lambda, plain, false);
      param_with_default_star(lambda, with_default, false);
      StarEtc* se = star_etc(lambda);
      BAIL();
      return make_arguments(&slash, nullptr, &plain, &with_default, se);
    }
  }
  BAIL();
  m_mark = m;
  // slash_with_default param_with_default* [star_etc]
  if (SlashWithDefault* swd = slash_with_default(lambda)) {
    Seq<NameDefault*> with_default;
    param_with_default_star(lambda, with_default, false);
    StarEtc* se = star_etc(lambda);
    BAIL();
    return make_arguments(nullptr, swd, nullptr, &with_default, se);
  }
  BAIL();
  m_mark = m;
  // param_no_default+ param_with_default* [star_etc]
  {
    Seq<Arg*> plain;
    if (param_no_default_star(lambda, plain, true)) {
      Seq<NameDefault*> with_default;
      param_with_default_star(lambda, with_default, false);
      StarEtc* se = star_etc(lambda);
      BAIL();
      return make_arguments(nullptr, nullptr, &plain, &with_default, se);
    }
  }
  BAIL();
  m_mark = m;
  // param_with_default+ [star_etc]
  {
    Seq<NameDefault*> with_default;
    if (param_with_default_star(lambda, with_default, true)) {
      StarEtc* se = star_etc(lambda);
      BAIL();
      return make_arguments(nullptr, nullptr, nullptr, &with_default, se);
    }
  }
  BAIL();
  m_mark = m;
  if (StarEtc* se = star_etc(lambda)) return make_arguments(nullptr, nullptr, nullptr, nullptr, se);
  return nullptr;
}

// param_no_default+ '/' (',' | &')')
bool Parser::slash_no_default(bool lambda, Seq<Arg*>& out) {
  int m = m_mark;
  Seq<Arg*> list;
  if (param_no_default_star(lambda, list, true) && expect(Tok::Slash) && param_tail(lambda)) {
    out = list;
    return true;
  }
  m_mark = m;
  return false;
}

// param_no_default* param_with_default+ '/' (',' | &')')
SlashWithDefault* Parser::slash_with_default(bool lambda) {
  int m = m_mark;
  SlashWithDefault swd;
  param_no_default_star(lambda, swd.plain, false);
  if (param_with_default_star(lambda, swd.with_default, true) && expect(Tok::Slash) &&
      param_tail(lambda)) {
    return m_arena.make<SlashWithDefault>(swd);
  }
  m_mark = m;
  return nullptr;
}

// ',' | &')' (def) or ',' | &':' (lambda): how every parameter rule ends.
bool Parser::param_tail(bool lambda) {
  if (expect(Tok::Comma)) {
    // A def's parameter looks for a TYPE_COMMENT after its comma: that reads the next token,
    // which may be where the tokenizer failed ("'(' was never closed").
    if (!lambda) kind();
    return !m_error;
  }
  return check(lambda ? Tok::Colon : Tok::RPar);
}

StarEtc* Parser::star_etc(bool lambda) {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_star_etc(lambda);
    BAIL();
    m_mark = m;
  }
  if (expect(Tok::Star)) {
    int after_star = m_mark;
    // '*' param_no_default param_maybe_default* [kwds]
    // '*' param_no_default_star_annotation param_maybe_default* [kwds]   (def only)
    for (int alt = 0; alt < (lambda ? 1 : 2); alt++) {
      m_mark = after_star;
      Arg* vararg = alt == 0 ? param_no_default(lambda) : param_no_default_star_annotation();
      BAIL();
      if (!vararg) continue;
      StarEtc* se = m_arena.make<StarEtc>();
      se->vararg = vararg;
      param_maybe_default_star(lambda, se->kwonly, false);
      se->kwarg = kwds(lambda);
      BAIL();
      return se;
    }
    // '*' ',' param_maybe_default+ [kwds]
    m_mark = after_star;
    if (expect(Tok::Comma)) {
      StarEtc* se = m_arena.make<StarEtc>();
      if (param_maybe_default_star(lambda, se->kwonly, true)) {
        se->kwarg = kwds(lambda);
        BAIL();
        return se;
      }
    }
    BAIL();
    m_mark = m;
  }
  if (Arg* kw = kwds(lambda)) {
    StarEtc* se = m_arena.make<StarEtc>();
    se->kwarg = kw;
    return se;
  }
  m_mark = m;
  return nullptr;
}

Arg* Parser::kwds(bool lambda) {
  BAIL();
  int m = m_mark;
  if (m_call_invalid) {
    invalid_kwds(lambda);
    BAIL();
    m_mark = m;
  }
  if (expect(Tok::DoubleStar)) {
    if (Arg* a = param_no_default(lambda)) return a;
  }
  m_mark = m;
  return nullptr;
}

Arg* Parser::param_no_default(bool lambda) {
  int m = m_mark;
  Arg* a = param(lambda);
  if (a && param_tail(lambda)) return a;
  m_mark = m;
  return nullptr;
}

Arg* Parser::param_no_default_star_annotation() {
  int m = m_mark;
  Arg* a = param_star_annotation();
  if (a && param_tail(false)) return a;
  m_mark = m;
  return nullptr;
}

NameDefault* Parser::param_with_default(bool lambda) {
  int m = m_mark;
  Arg* a = param(lambda);
  if (a) {
    Expr* d = default_value();
    if (d && param_tail(lambda)) return m_arena.make<NameDefault>(NameDefault{a, d});
  }
  m_mark = m;
  return nullptr;
}

NameDefault* Parser::param_maybe_default(bool lambda) {
  int m = m_mark;
  Arg* a = param(lambda);
  if (a) {
    int m2 = m_mark;
    Expr* d = default_value();
    BAIL();
    if (!d) m_mark = m2;
    if (param_tail(lambda)) return m_arena.make<NameDefault>(NameDefault{a, d});
  }
  m_mark = m;
  return nullptr;
}

Arg* Parser::param(bool lambda) {
  BAIL();
  int m = m_mark;
  const Token* n = expect(Tok::Name);
  if (!n) return nullptr;
  Expr* ann = nullptr;
  if (!lambda) {
    int m2 = m_mark;
    if (expect(Tok::Colon)) {
      ann = expression();
      if (!ann) m_mark = m2;
    }
    BAIL();
  }
  Arg* a = m_arena.make<Arg>();
  a->arg = ident(*n);
  a->annotation = ann;
  a->loc = loc_from(m);
  return a;
}

// NAME ':' star_expression (PEP 646: `*args: *Ts`).
Arg* Parser::param_star_annotation() {
  int m = m_mark;
  const Token* n = expect(Tok::Name);
  if (!n || !expect(Tok::Colon)) {
    m_mark = m;
    return nullptr;
  }
  Expr* ann = star_expression();
  if (!ann) {
    m_mark = m;
    return nullptr;
  }
  Arg* a = m_arena.make<Arg>();
  a->arg = ident(*n);
  a->annotation = ann;
  a->loc = loc_from(m);
  return a;
}

Expr* Parser::default_value() {
  BAIL();
  int m = m_mark;
  if (expect(Tok::Equal)) {
    // The parameter rules between a lambda and its default's expression, as CPython counts
    // them (its slash_with_default alternative parses the default first).
    Depth d(*this, 6);
    if (d.overflow()) return nullptr;
    if (Expr* e = expression()) return e;
  }
  BAIL();
  m_mark = m;
  if (m_call_invalid) {
    invalid_default();
    m_mark = m;
  }
  return nullptr;
}

// -- Repetitions ----------------------------------------------------------------------------------

// The `*` / `+` loops over one parameter rule; [plus] requires at least one.
#define PARAM_LOOP(fn, T, elem)                                   \
  bool Parser::fn(bool lambda, Seq<T>& out, bool plus) {          \
    Scratch list(*this);                                          \
    for (;;) {                                                    \
      T x = elem(lambda);                                         \
      if (!x) break;                                              \
      list.push(x);                                               \
    }                                                             \
    BAIL();                                                       \
    out = list.seq<T>();                                          \
    return !plus || list.size() > 0;                              \
  }

PARAM_LOOP(param_no_default_star, Arg*, param_no_default)
PARAM_LOOP(param_with_default_star, NameDefault*, param_with_default)
PARAM_LOOP(param_maybe_default_star, NameDefault*, param_maybe_default)
#undef PARAM_LOOP
#undef BAIL

}  // namespace tpy::parse
