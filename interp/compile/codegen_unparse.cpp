// interp/compile/codegen_unparse.cpp -- Expression source text for postponed annotations
// (`from __future__ import annotations`), with ast_unparse.c's precedence and spelling.
#include <cmath>

#include "interp/compile/codegen_internal.h"

namespace tpy::compile {

using namespace ast;

namespace {

enum Prec {
  PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR, PR_BAND,
  PR_SHIFT, PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM
};

class Unparser {
 public:
  std::string out;

  void expr(Expr* e, int level);

 private:
  void constant_value(const ConstValue& v, bool u_prefix) {
    std::string s;
    switch (v.kind) {
      case ConstValue::Kind::None: out += "None"; return;
      case ConstValue::Kind::True: out += "True"; return;
      case ConstValue::Kind::False: out += "False"; return;
      case ConstValue::Kind::Ellipsis: out += "..."; return;
      case ConstValue::Kind::Int: out += v.s.empty() ? std::to_string(v.i) : std::string(v.s); return;
      case ConstValue::Kind::Float:
        if (std::isinf(v.f)) { out += "1e309"; return; }
        text::float_repr(s, v.f);
        out += s;
        return;
      case ConstValue::Kind::Complex:
        if (std::isinf(v.f)) { out += "1e309j"; return; }
        text::complex_repr(s, 0, v.f);
        out += s;
        return;
      case ConstValue::Kind::Str:
        if (u_prefix) out += "u";
        text::str_repr(s, v.s);
        out += s;
        return;
      case ConstValue::Kind::Bytes:
        text::bytes_repr(s, v.s);
        out += s;
        return;
    }
  }
  void seq(const Seq<Expr*>& es, int level) {
    for (uint32_t i = 0; i < es.size(); i++) {
      if (i) out += ", ";
      expr(es[i], level);
    }
  }
  void args(Arguments* a) {
    bool first = true;
    auto sep = [&] { if (!first) out += ", "; first = false; };
    uint32_t npos = a->posonlyargs.size() + a->args.size();
    uint32_t ndef = a->defaults.size();
    for (uint32_t i = 0; i < npos; i++) {
      Arg* arg = i < a->posonlyargs.size() ? a->posonlyargs[i] : a->args[i - a->posonlyargs.size()];
      sep();
      out += arg->arg;
      if (i + ndef >= npos) {
        out += "=";
        expr(a->defaults[i + ndef - npos], PR_TEST);
      }
      if (i + 1 == a->posonlyargs.size()) out += ", /";
    }
    if (a->vararg || !a->kwonlyargs.empty()) {
      sep();
      out += "*";
      if (a->vararg) out += a->vararg->arg;
    }
    for (uint32_t i = 0; i < a->kwonlyargs.size(); i++) {
      sep();
      out += a->kwonlyargs[i]->arg;
      if (i < a->kw_defaults.size() && a->kw_defaults[i]) {
        out += "=";
        expr(a->kw_defaults[i], PR_TEST);
      }
    }
    if (a->kwarg) {
      sep();
      out += "**";
      out += a->kwarg->arg;
    }
  }
  void comprehensions(const Seq<Comprehension*>& gens) {
    for (Comprehension* g : gens) {
      out += g->is_async ? " async for " : " for ";
      expr(g->target, PR_TUPLE);
      out += " in ";
      expr(g->iter, PR_TEST + 1);
      for (Expr* c : g->ifs) {
        out += " if ";
        expr(c, PR_TEST + 1);
      }
    }
  }
  void fstring_body(Expr* e);
};

const char* binop_text(Operator op, int& pr) {
  switch (op) {
    case Operator::Add: pr = PR_ARITH; return " + ";
    case Operator::Sub: pr = PR_ARITH; return " - ";
    case Operator::Mult: pr = PR_TERM; return " * ";
    case Operator::MatMult: pr = PR_TERM; return " @ ";
    case Operator::Div: pr = PR_TERM; return " / ";
    case Operator::Mod: pr = PR_TERM; return " % ";
    case Operator::LShift: pr = PR_SHIFT; return " << ";
    case Operator::RShift: pr = PR_SHIFT; return " >> ";
    case Operator::BitOr: pr = PR_BOR; return " | ";
    case Operator::BitXor: pr = PR_BXOR; return " ^ ";
    case Operator::BitAnd: pr = PR_BAND; return " & ";
    case Operator::FloorDiv: pr = PR_TERM; return " // ";
    case Operator::Pow: pr = PR_POWER; return " ** ";
  }
  return "";
}

const char* cmp_text(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: return " == ";
    case CmpOp::NotEq: return " != ";
    case CmpOp::Lt: return " < ";
    case CmpOp::LtE: return " <= ";
    case CmpOp::Gt: return " > ";
    case CmpOp::GtE: return " >= ";
    case CmpOp::Is: return " is ";
    case CmpOp::IsNot: return " is not ";
    case CmpOp::In: return " in ";
    case CmpOp::NotIn: return " not in ";
  }
  return "";
}

void Unparser::fstring_body(Expr* e) {
  // Inside f'...': literal text with braces doubled, fields as {expr!c:spec}.
  if (e->tag == ExprKind::Constant) {
    const ConstValue& v = as<ast::Constant>(e)->value;
    for (char ch : v.s) {
      if (ch == '{' || ch == '}') out += ch;
      out += ch;
    }
    return;
  }
  if (e->tag == ExprKind::JoinedStr) {
    for (Expr* v : as<JoinedStr>(e)->values) fstring_body(v);
    return;
  }
  auto* fv = as<FormattedValue>(e);
  Unparser inner;
  inner.expr(fv->value, PR_TEST + 1);
  out += "{";
  if (!inner.out.empty() && inner.out[0] == '{') out += " ";
  out += inner.out;
  if (fv->conversion > 0) {
    out += "!";
    out += char(fv->conversion);
  }
  if (fv->format_spec) {
    out += ":";
    fstring_body(fv->format_spec);
  }
  out += "}";
}

void Unparser::expr(Expr* e, int level) {
  switch (e->tag) {
    case ExprKind::BoolOp: {
      auto* b = as<BoolOp>(e);
      int pr = b->op == BoolOperator::And ? PR_AND : PR_OR;
      if (level > pr) out += "(";
      for (uint32_t i = 0; i < b->values.size(); i++) {
        if (i) out += b->op == BoolOperator::And ? " and " : " or ";
        expr(b->values[i], pr + 1);
      }
      if (level > pr) out += ")";
      return;
    }
    case ExprKind::NamedExpr: {
      auto* n = as<NamedExpr>(e);
      if (level > PR_TUPLE) out += "(";
      expr(n->target, PR_ATOM);
      out += " := ";
      expr(n->value, PR_ATOM);
      if (level > PR_TUPLE) out += ")";
      return;
    }
    case ExprKind::BinOp: {
      auto* b = as<BinOp>(e);
      int pr = 0;
      const char* op = binop_text(b->op, pr);
      bool rassoc = b->op == Operator::Pow;
      if (level > pr) out += "(";
      expr(b->left, pr + rassoc);
      out += op;
      expr(b->right, pr + !rassoc);
      if (level > pr) out += ")";
      return;
    }
    case ExprKind::UnaryOp: {
      auto* un = as<UnaryOp>(e);
      const char* op = "";
      int pr = PR_FACTOR;
      switch (un->op) {
        case UnaryOperator::Invert: op = "~"; break;
        case UnaryOperator::Not: op = "not "; pr = PR_NOT; break;
        case UnaryOperator::UAdd: op = "+"; break;
        case UnaryOperator::USub: op = "-"; break;
      }
      if (level > pr) out += "(";
      out += op;
      expr(un->operand, pr);
      if (level > pr) out += ")";
      return;
    }
    case ExprKind::Lambda: {
      auto* l = as<Lambda>(e);
      if (level > PR_TEST) out += "(";
      bool any = !l->args->posonlyargs.empty() || !l->args->args.empty() || l->args->vararg ||
                 !l->args->kwonlyargs.empty() || l->args->kwarg;
      out += any ? "lambda " : "lambda";
      args(l->args);
      out += ": ";
      expr(l->body, PR_TEST);
      if (level > PR_TEST) out += ")";
      return;
    }
    case ExprKind::IfExp: {
      auto* x = as<IfExp>(e);
      if (level > PR_TEST) out += "(";
      expr(x->body, PR_TEST + 1);
      out += " if ";
      expr(x->test, PR_TEST + 1);
      out += " else ";
      expr(x->orelse, PR_TEST);
      if (level > PR_TEST) out += ")";
      return;
    }
    case ExprKind::Dict: {
      auto* d = as<Dict>(e);
      out += "{";
      for (uint32_t i = 0; i < d->values.size(); i++) {
        if (i) out += ", ";
        if (d->keys[i]) {
          expr(d->keys[i], PR_TEST);
          out += ": ";
          expr(d->values[i], PR_TEST);
        } else {
          out += "**";
          expr(d->values[i], PR_EXPR);
        }
      }
      out += "}";
      return;
    }
    case ExprKind::Set: {
      auto* s = as<Set>(e);
      if (s->elts.empty()) { out += "{*()}"; return; }
      out += "{";
      seq(s->elts, PR_TEST);
      out += "}";
      return;
    }
    case ExprKind::ListComp: {
      auto* c = as<ListComp>(e);
      out += "[";
      expr(c->elt, PR_TEST);
      comprehensions(c->generators);
      out += "]";
      return;
    }
    case ExprKind::SetComp: {
      auto* c = as<SetComp>(e);
      out += "{";
      expr(c->elt, PR_TEST);
      comprehensions(c->generators);
      out += "}";
      return;
    }
    case ExprKind::DictComp: {
      auto* c = as<DictComp>(e);
      out += "{";
      expr(c->key, PR_TEST);
      out += ": ";
      expr(c->value, PR_TEST);
      comprehensions(c->generators);
      out += "}";
      return;
    }
    case ExprKind::GeneratorExp: {
      auto* c = as<GeneratorExp>(e);
      out += "(";
      expr(c->elt, PR_TEST);
      comprehensions(c->generators);
      out += ")";
      return;
    }
    case ExprKind::Await: {
      if (level > PR_AWAIT) out += "(";
      out += "await ";
      expr(as<Await>(e)->value, PR_ATOM);
      if (level > PR_AWAIT) out += ")";
      return;
    }
    case ExprKind::Yield: {
      auto* y = as<Yield>(e);
      if (!y->value) { out += "(yield)"; return; }
      out += "(yield ";
      expr(y->value, PR_TEST);
      out += ")";
      return;
    }
    case ExprKind::YieldFrom:
      out += "(yield from ";
      expr(as<YieldFrom>(e)->value, PR_TEST);
      out += ")";
      return;
    case ExprKind::Compare: {
      auto* c = as<Compare>(e);
      if (level > PR_CMP) out += "(";
      expr(c->left, PR_CMP + 1);
      for (uint32_t i = 0; i < c->ops.size(); i++) {
        out += cmp_text(c->ops[i]);
        expr(c->comparators[i], PR_CMP + 1);
      }
      if (level > PR_CMP) out += ")";
      return;
    }
    case ExprKind::Call: {
      auto* c = as<Call>(e);
      expr(c->func, PR_ATOM);
      if (c->args.size() == 1 && c->keywords.empty() && c->args[0]->tag == ExprKind::GeneratorExp) {
        expr(c->args[0], PR_TEST);  // the generator's parentheses serve the call
        return;
      }
      out += "(";
      bool first = true;
      for (Expr* a : c->args) {
        if (!first) out += ", ";
        first = false;
        expr(a, PR_TEST);
      }
      for (Keyword* k : c->keywords) {
        if (!first) out += ", ";
        first = false;
        if (k->arg.data()) {
          out += k->arg;
          out += "=";
          expr(k->value, PR_TEST);
        } else {
          out += "**";
          expr(k->value, PR_EXPR);
        }
      }
      out += ")";
      return;
    }
    case ExprKind::FormattedValue:
    case ExprKind::JoinedStr: {
      Unparser body;
      body.fstring_body(e);
      std::string r;
      text::str_repr(r, body.out);
      out += "f";
      out += r;
      return;
    }
    case ExprKind::Constant: {
      auto* c = as<ast::Constant>(e);
      constant_value(c->value, c->kind.data() && c->kind == "u");
      return;
    }
    case ExprKind::Attribute: {
      auto* a = as<Attribute>(e);
      expr(a->value, PR_ATOM);
      bool int_value = a->value->tag == ExprKind::Constant &&
                       as<ast::Constant>(a->value)->value.kind == ConstValue::Kind::Int;
      out += int_value ? " ." : ".";
      out += a->attr;
      return;
    }
    case ExprKind::Subscript: {
      auto* s = as<Subscript>(e);
      expr(s->value, PR_ATOM);
      out += "[";
      if (s->slice->tag == ExprKind::Tuple && !as<Tuple>(s->slice)->elts.empty()) {
        auto* t = as<Tuple>(s->slice);
        seq(t->elts, PR_TEST);
        if (t->elts.size() == 1) out += ",";
      } else {
        expr(s->slice, PR_TUPLE);
      }
      out += "]";
      return;
    }
    case ExprKind::Starred:
      out += "*";
      expr(as<Starred>(e)->value, PR_EXPR);
      return;
    case ExprKind::Name: out += as<Name>(e)->id; return;
    case ExprKind::List:
      out += "[";
      seq(as<List>(e)->elts, PR_TEST);
      out += "]";
      return;
    case ExprKind::Tuple: {
      auto* t = as<Tuple>(e);
      if (t->elts.empty()) { out += "()"; return; }
      if (level > PR_TUPLE) out += "(";
      seq(t->elts, PR_TEST);
      if (t->elts.size() == 1) out += ",";
      if (level > PR_TUPLE) out += ")";
      return;
    }
    case ExprKind::Slice: {
      auto* s = as<Slice>(e);
      if (s->lower) expr(s->lower, PR_TEST);
      out += ":";
      if (s->upper) expr(s->upper, PR_TEST);
      if (s->step) {
        out += ":";
        expr(s->step, PR_TEST);
      }
      return;
    }
  }
}

}  // namespace

std::string unparse_annotation(Expr* e) {
  Unparser u;
  u.expr(e, PR_TEST);
  return u.out;
}

bool Compiler::annotation_expr(Expr* annotation) {
  if (annotation->tag == ExprKind::Starred) {
    // `*args: *Ts` keeps its star in the string.
    Unparser up;
    up.expr(as<Starred>(annotation)->value, PR_EXPR);
    emit_const(Constant::str("*" + up.out));
    return true;
  }
  emit_const(Constant::str(unparse_annotation(annotation)));
  return true;
}

}  // namespace tpy::compile
