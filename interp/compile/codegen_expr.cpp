// interp/compile/codegen_expr.cpp -- Expressions: operators, calls, containers, f-strings,
// conditional jumps, yield/await (compile.c's compiler_visit_expr and friends).
#include "interp/compile/codegen_internal.h"

namespace tpy::compile {

using namespace ast;

namespace {
constexpr int kStackUseGuideline = 30;  // STACK_USE_GUIDELINE: beyond it, build incrementally

int binop_arg(Operator op) {
  switch (op) {
    case Operator::Add: return vm::NB_ADD;
    case Operator::Sub: return vm::NB_SUBTRACT;
    case Operator::Mult: return vm::NB_MULTIPLY;
    case Operator::MatMult: return vm::NB_MATRIX_MULTIPLY;
    case Operator::Div: return vm::NB_TRUE_DIVIDE;
    case Operator::Mod: return vm::NB_REMAINDER;
    case Operator::Pow: return vm::NB_POWER;
    case Operator::LShift: return vm::NB_LSHIFT;
    case Operator::RShift: return vm::NB_RSHIFT;
    case Operator::BitOr: return vm::NB_OR;
    case Operator::BitXor: return vm::NB_XOR;
    case Operator::BitAnd: return vm::NB_AND;
    case Operator::FloorDiv: return vm::NB_FLOOR_DIVIDE;
  }
  return 0;
}

bool has_starred(const Seq<Expr*>& elts) {
  for (Expr* e : elts) {
    if (e->tag == ExprKind::Starred) return true;
  }
  return false;
}

// The type name compile.c's infer_type() gives a literal, for its warnings; null if unknown.
const char* infer_type(Compiler& c, Expr* e) {
  switch (e->tag) {
    case ExprKind::Tuple: return "tuple";
    case ExprKind::List: case ExprKind::ListComp: return "list";
    case ExprKind::Dict: case ExprKind::DictComp: return "dict";
    case ExprKind::Set: case ExprKind::SetComp: return "set";
    case ExprKind::GeneratorExp: return "generator";
    case ExprKind::Lambda: return "function";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "str";
    default: break;
  }
  std::optional<Constant> k = c.fold(e);
  if (!k) return nullptr;
  switch (k->kind) {
    case Constant::Kind::None: return "NoneType";
    case Constant::Kind::True: case Constant::Kind::False: return "bool";
    case Constant::Kind::Ellipsis: return "ellipsis";
    case Constant::Kind::Int: return "int";
    case Constant::Kind::Float: return "float";
    case Constant::Kind::Complex: return "complex";
    case Constant::Kind::Str: return "str";
    case Constant::Kind::Bytes: return "bytes";
    case Constant::Kind::Tuple: return "tuple";
    case Constant::Kind::FrozenSet: return "frozenset";
    case Constant::Kind::Code: return "code";
  }
  return nullptr;
}
}  // namespace

bool Compiler::visit_exprs(const Seq<Expr*>& es) {
  for (Expr* e : es) {
    if (!visit_expr(e)) return false;
  }
  return true;
}

bool Compiler::visit_expr(Expr* e) {
  if (failed_) return false;
  ast::Loc saved = u->loc;
  set_loc(e->loc);
  bool ok = visit_expr_inner(e);
  u->loc = saved;
  return ok;
}

bool Compiler::visit_iter(Expr* e) {
  // CPython's AST optimiser turns a list display iterated over into a tuple (constant if it
  // can), and a constant set display into a frozenset.
  if (e->tag == ExprKind::List && !has_starred(as<List>(e)->elts)) {
    auto* l = as<List>(e);
    Tuple* t = make<Tuple>(scratch_, e->loc);
    t->elts = l->elts;
    t->ctx = ExprContext::Load;
    return visit_expr(t);
  }
  if (e->tag == ExprKind::Set) {
    auto* s = as<Set>(e);
    Constant fs;
    fs.kind = Constant::Kind::FrozenSet;
    bool all = true;
    for (Expr* x : s->elts) {
      std::optional<Constant> k = fold(x);
      if (!k) { all = false; break; }
      std::string key = k->key();
      bool dup = false;
      for (const Constant& it : fs.items) dup = dup || it.key() == key;
      if (!dup) fs.items.push_back(std::move(*k));
    }
    if (all) {
      ast::Loc saved = u->loc;
      set_loc(e->loc);
      emit_const(std::move(fs));
      u->loc = saved;
      return true;
    }
  }
  return visit_expr(e);
}

Expr* Compiler::simplify_not(UnaryOp* e) {
  if (e->op != UnaryOperator::Not) return nullptr;
  Expr* operand = e->operand;
  if (operand->tag == ExprKind::UnaryOp) {
    if (Expr* inner = simplify_not(as<UnaryOp>(operand))) operand = inner;
  }
  if (operand->tag != ExprKind::Compare) return nullptr;
  auto* c = as<Compare>(operand);
  if (c->ops.size() != 1) return nullptr;
  CmpOp inv;
  switch (c->ops[0]) {
    case CmpOp::Is: inv = CmpOp::IsNot; break;
    case CmpOp::IsNot: inv = CmpOp::Is; break;
    case CmpOp::In: inv = CmpOp::NotIn; break;
    case CmpOp::NotIn: inv = CmpOp::In; break;
    default: return nullptr;
  }
  Compare* n = make<Compare>(scratch_, c->loc);
  n->left = c->left;
  n->comparators = c->comparators;
  n->ops = make_seq(scratch_, &inv, 1);
  return n;
}

bool Compiler::forbidden_name(std::string_view name, ExprContext ctx, const ast::Loc& loc) {
  if (name != "__debug__") return true;
  if (ctx == ExprContext::Store) return error(loc, "cannot assign to __debug__");
  if (ctx == ExprContext::Del) return error(loc, "cannot delete __debug__");
  return true;
}

void Compiler::update_start_location_to_match_attr(Attribute* attr) {
  if (u->loc.lineno != attr->loc.end_lineno) {
    u->loc.lineno = attr->loc.end_lineno;
    int len = 0;  // the attribute's length in code points
    for (unsigned char ch : attr->attr) len += (ch & 0xC0) != 0x80;
    if (len <= attr->loc.end_col_offset) {
      u->loc.col_offset = attr->loc.end_col_offset - len;
    } else {
      u->loc.col_offset = -1;
      u->loc.end_col_offset = -1;
    }
    if (u->loc.end_lineno < u->loc.lineno) u->loc.end_lineno = u->loc.lineno;
  }
}

bool Compiler::is_async_context() const { return u->kind == UnitKind::AsyncFunction; }

bool Compiler::visit_expr_inner(Expr* e) {
  switch (e->tag) {
    case ExprKind::BinOp:
    case ExprKind::UnaryOp:
    case ExprKind::Constant:
      if (std::optional<Constant> k = fold(e)) {
        emit_const(std::move(*k));
        return true;
      }
      break;
    case ExprKind::Tuple:
      if (as<Tuple>(e)->ctx == ExprContext::Load) {
        if (std::optional<Constant> k = fold(e)) {
          emit_const(std::move(*k));
          return true;
        }
      }
      break;
    case ExprKind::Subscript:
      if (as<Subscript>(e)->ctx == ExprContext::Load) {
        if (std::optional<Constant> k = fold(e)) {
          emit_const(std::move(*k));
          return true;
        }
      }
      break;
    default: break;
  }
  switch (e->tag) {
    case ExprKind::NamedExpr: return named_expr(as<NamedExpr>(e));
    case ExprKind::BoolOp: return boolop(as<BoolOp>(e));
    case ExprKind::BinOp: {
      auto* b = as<BinOp>(e);
      if (Expr* f = format_as_fstring(b)) return visit_expr(f);
      if (!visit_expr(b->left) || !visit_expr(b->right)) return false;
      emit(Op::BINARY_OP, binop_arg(b->op));
      return true;
    }
    case ExprKind::UnaryOp: {
      auto* un = as<UnaryOp>(e);
      if (Expr* simple = simplify_not(un)) return visit_expr(simple);
      if (!visit_expr(un->operand)) return false;
      switch (un->op) {
        case UnaryOperator::Invert: emit(Op::UNARY_INVERT); break;
        case UnaryOperator::Not: emit(Op::UNARY_NOT); break;
        case UnaryOperator::UAdd: emit(Op::UNARY_POSITIVE); break;
        case UnaryOperator::USub: emit(Op::UNARY_NEGATIVE); break;
      }
      return true;
    }
    case ExprKind::Lambda: return lambda(as<Lambda>(e));
    case ExprKind::IfExp: return ifexp(as<IfExp>(e));
    case ExprKind::Dict: return dict_expr(as<Dict>(e));
    case ExprKind::Set: return set_expr(as<Set>(e));
    case ExprKind::GeneratorExp: {
      auto* g = as<GeneratorExp>(e);
      return comprehension(e, 0, "<genexpr>", g->generators, g->elt, nullptr);
    }
    case ExprKind::ListComp: {
      auto* g = as<ListComp>(e);
      return comprehension(e, 1, "<listcomp>", g->generators, g->elt, nullptr);
    }
    case ExprKind::SetComp: {
      auto* g = as<SetComp>(e);
      return comprehension(e, 2, "<setcomp>", g->generators, g->elt, nullptr);
    }
    case ExprKind::DictComp: {
      auto* g = as<DictComp>(e);
      return comprehension(e, 3, "<dictcomp>", g->generators, g->key, g->value);
    }
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return yield_expr(e);
    case ExprKind::Await: return await_expr(as<Await>(e));
    case ExprKind::Compare: return compare(as<Compare>(e));
    case ExprKind::Call: return call(as<Call>(e));
    case ExprKind::Constant: {
      std::optional<Constant> k = const_value(as<ast::Constant>(e)->value);
      if (!k) return error("constant out of range");
      emit_const(std::move(*k));
      return true;
    }
    case ExprKind::JoinedStr: return joined_str(as<JoinedStr>(e));
    case ExprKind::FormattedValue: return formatted_value(as<FormattedValue>(e));
    case ExprKind::Attribute: return attribute(as<Attribute>(e));
    case ExprKind::Subscript: return subscript(as<Subscript>(e));
    case ExprKind::Starred:
      if (as<Starred>(e)->ctx == ExprContext::Store) {
        return error("starred assignment target must be in a list or tuple");
      }
      return error("can't use starred expression here");
    case ExprKind::Slice: return slice(as<Slice>(e));
    case ExprKind::Name: {
      auto* n = as<Name>(e);
      name_op(n->id, n->ctx);
      return !failed_;
    }
    case ExprKind::List: {
      auto* l = as<List>(e);
      return list_or_tuple(e, l->elts, l->ctx, false);
    }
    case ExprKind::Tuple: {
      auto* t = as<Tuple>(e);
      return list_or_tuple(e, t->elts, t->ctx, true);
    }
  }
  return true;
}

// CPython's AST optimiser rewrites `'..%s..%r..' % (a, b)` (a str literal and a tuple display
// that is not itself constant) into an f-string when every conversion is %s, %r or %a with at
// most a two-digit width and precision.
Expr* Compiler::format_as_fstring(BinOp* b) {
  if (b->op != Operator::Mod || b->right->tag != ExprKind::Tuple) return nullptr;
  std::optional<Constant> lv = fold(b->left);
  if (!lv || lv->kind != Constant::Kind::Str) return nullptr;
  auto* tuple = as<Tuple>(b->right);
  if (has_starred(tuple->elts) || fold(b->right)) return nullptr;
  const std::string& fmt = lv->s;
  std::vector<Expr*> parts;
  auto literal = [&](std::string text) {
    ast::Constant* c = make<ast::Constant>(scratch_, ast::Loc{-1, -1, -1, -1});
    c->value.kind = ConstValue::Kind::Str;
    c->value.s = scratch_.copy(text);
    parts.push_back(c);
  };
  size_t pos = 0, cnt = 0;
  while (true) {
    std::string lit;
    size_t start = pos;
    while (pos < fmt.size()) {
      if (fmt[pos] != '%') {
        lit += fmt[pos++];
      } else if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') {
        lit += '%';
        pos += 2;
      } else {
        break;
      }
    }
    if (pos != start) literal(lit);
    if (pos >= fmt.size()) break;
    if (cnt >= tuple->elts.size()) return nullptr;
    Expr* arg = tuple->elts[cnt++];
    // %[flags][width][.prec]spec
    pos++;  // the '%'
    bool ljust = false;
    int width = -1, prec = -1;
    auto next = [&](char& ch) {
      if (pos >= fmt.size()) return false;
      ch = fmt[pos++];
      return true;
    };
    char ch;
    while (true) {
      if (!next(ch)) return nullptr;
      if (ch == '-') { ljust = true; continue; }
      if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') continue;
      break;
    }
    if (ch >= '0' && ch <= '9') {
      width = 0;
      int digits = 0;
      while (ch >= '0' && ch <= '9') {
        width = width * 10 + (ch - '0');
        if (!next(ch)) return nullptr;
        if (++digits >= 3) return nullptr;
      }
    }
    if (ch == '.') {
      if (!next(ch)) return nullptr;
      prec = 0;
      int digits = 0;
      while (ch >= '0' && ch <= '9') {
        prec = prec * 10 + (ch - '0');
        if (!next(ch)) return nullptr;
        if (++digits >= 3) return nullptr;
      }
    }
    if (ch != 's' && ch != 'r' && ch != 'a') return nullptr;
    std::string spec;
    if (!ljust && width > 0) spec += '>';
    if (width >= 0) spec += std::to_string(width);
    if (prec >= 0) spec += "." + std::to_string(prec);
    FormattedValue* fv = make<FormattedValue>(scratch_, arg->loc);
    fv->value = arg;
    fv->conversion = ch;
    if (!spec.empty()) {
      ast::Constant* c = make<ast::Constant>(scratch_, ast::Loc{-1, -1, -1, -1});
      c->value.kind = ConstValue::Kind::Str;
      c->value.s = scratch_.copy(spec);
      fv->format_spec = c;
    }
    parts.push_back(fv);
  }
  if (cnt < tuple->elts.size()) return nullptr;
  JoinedStr* js = make<JoinedStr>(scratch_, b->loc);
  js->values = make_seq(scratch_, parts.data(), uint32_t(parts.size()));
  return js;
}

bool Compiler::named_expr(NamedExpr* e) {
  if (!visit_expr(e->value)) return false;
  emit(Op::COPY, 1);
  return visit_expr(e->target);
}

bool Compiler::attribute(Attribute* e) {
  if (!visit_expr(e->value)) return false;
  update_start_location_to_match_attr(e);
  switch (e->ctx) {
    case ExprContext::Load: emit_name(Op::LOAD_ATTR, e->attr); break;
    case ExprContext::Store:
      if (!forbidden_name(e->attr, ExprContext::Store, u->loc)) return false;
      emit_name(Op::STORE_ATTR, e->attr);
      break;
    case ExprContext::Del: emit_name(Op::DELETE_ATTR, e->attr); break;
  }
  return true;
}

bool Compiler::subscript(Subscript* e) {
  if (e->ctx == ExprContext::Load) {
    check_subscripter(e->value);
    check_index(e->value, e->slice);
  }
  if (!visit_expr(e->value) || !visit_expr(e->slice)) return false;
  emit(e->ctx == ExprContext::Load ? Op::BINARY_SUBSCR
       : e->ctx == ExprContext::Store ? Op::STORE_SUBSCR : Op::DELETE_SUBSCR);
  return true;
}

bool Compiler::slice(Slice* s) {
  int n = 2;
  if (s->lower) { if (!visit_expr(s->lower)) return false; } else emit_const(Constant::none());
  if (s->upper) { if (!visit_expr(s->upper)) return false; } else emit_const(Constant::none());
  if (s->step) {
    n++;
    if (!visit_expr(s->step)) return false;
  }
  emit(Op::BUILD_SLICE, n);
  return true;
}

bool Compiler::boolop(BoolOp* e) {
  Op jumpi = e->op == BoolOperator::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
  BasicBlock* end = new_block();
  uint32_t n = e->values.size() - 1;
  for (uint32_t i = 0; i < n; i++) {
    if (!visit_expr(e->values[i])) return false;
    emit_jump(jumpi, end);
  }
  if (!visit_expr(e->values[n])) return false;
  use_block(end);
  return true;
}

bool Compiler::ifexp(IfExp* e) {
  BasicBlock* end = new_block();
  BasicBlock* next = new_block();
  if (!jump_if(e->test, next, false)) return false;
  if (!visit_expr(e->body)) return false;
  emit_jump_noline(Op::JUMP, end);
  use_block(next);
  if (!visit_expr(e->orelse)) return false;
  use_block(end);
  return true;
}

void Compiler::compare_op(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: emit(Op::COMPARE_OP, vm::CMP_EQ); break;
    case CmpOp::NotEq: emit(Op::COMPARE_OP, vm::CMP_NE); break;
    case CmpOp::Lt: emit(Op::COMPARE_OP, vm::CMP_LT); break;
    case CmpOp::LtE: emit(Op::COMPARE_OP, vm::CMP_LE); break;
    case CmpOp::Gt: emit(Op::COMPARE_OP, vm::CMP_GT); break;
    case CmpOp::GtE: emit(Op::COMPARE_OP, vm::CMP_GE); break;
    case CmpOp::Is: emit(Op::IS_OP, 0); break;
    case CmpOp::IsNot: emit(Op::IS_OP, 1); break;
    case CmpOp::In: emit(Op::CONTAINS_OP, 0); break;
    case CmpOp::NotIn: emit(Op::CONTAINS_OP, 1); break;
  }
}

bool Compiler::check_compare(Compare* e) {
  auto is_arg_ok = [&](Expr* x) {
    std::optional<Constant> k = fold(x);
    if (!k) return true;
    return k->kind == Constant::Kind::None || k->kind == Constant::Kind::True ||
           k->kind == Constant::Kind::False || k->kind == Constant::Kind::Ellipsis;
  };
  bool left = is_arg_ok(e->left);
  for (uint32_t i = 0; i < e->ops.size(); i++) {
    bool right = is_arg_ok(e->comparators[i]);
    CmpOp op = e->ops[i];
    if ((op == CmpOp::Is || op == CmpOp::IsNot) && (!right || !left)) {
      warn(u->loc, op == CmpOp::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                   : "\"is not\" with a literal. Did you mean \"!=\"?");
      return true;
    }
    left = right;
  }
  return true;
}

// The comparand at [i]: the last one of an `in`/`not in` is an iterable the optimiser rewrites.
static bool visit_comparand(Compiler& c, Compare* e, uint32_t i) {
  CmpOp op = e->ops[i];
  if (i + 1 == e->ops.size() && (op == CmpOp::In || op == CmpOp::NotIn)) {
    return c.visit_iter(e->comparators[i]);
  }
  return c.visit_expr(e->comparators[i]);
}

bool Compiler::compare(Compare* e) {
  check_compare(e);
  if (!visit_expr(e->left)) return false;
  uint32_t n = e->ops.size() - 1;
  if (n == 0) {
    if (!visit_comparand(*this, e, 0)) return false;
    compare_op(e->ops[0]);
    return true;
  }
  BasicBlock* cleanup = new_block();
  for (uint32_t i = 0; i < n; i++) {
    if (!visit_comparand(*this, e, i)) return false;
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    compare_op(e->ops[i]);
    emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  if (!visit_comparand(*this, e, n)) return false;
  compare_op(e->ops[n]);
  BasicBlock* end = new_block();
  emit_jump_noline(Op::JUMP, end);
  use_block(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_TOP);
  use_block(end);
  return true;
}

bool Compiler::jump_if(Expr* e, BasicBlock* next, bool cond) {
  if (failed_) return false;
  if (!fold(e)) {
    switch (e->tag) {
      case ExprKind::UnaryOp: {
        auto* un = as<UnaryOp>(e);
        if (un->op != UnaryOperator::Not) break;
        if (Expr* simple = simplify_not(un)) return jump_if(simple, next, cond);
        return jump_if(un->operand, next, !cond);
      }
      case ExprKind::BoolOp: {
        auto* b = as<BoolOp>(e);
        uint32_t n = b->values.size() - 1;
        bool cond2 = b->op == BoolOperator::Or;
        BasicBlock* next2 = next;
        if (cond2 != cond) next2 = new_block();
        for (uint32_t i = 0; i < n; i++) {
          if (!jump_if(b->values[i], next2, cond2)) return false;
        }
        if (!jump_if(b->values[n], next, cond)) return false;
        if (next2 != next) use_block(next2);
        return true;
      }
      case ExprKind::IfExp: {
        auto* x = as<IfExp>(e);
        BasicBlock* end = new_block();
        BasicBlock* next2 = new_block();
        if (!jump_if(x->test, next2, false)) return false;
        if (!jump_if(x->body, next, cond)) return false;
        emit_jump_noline(Op::JUMP, end);
        use_block(next2);
        if (!jump_if(x->orelse, next, cond)) return false;
        use_block(end);
        return true;
      }
      case ExprKind::Compare: {
        auto* c = as<Compare>(e);
        uint32_t n = c->ops.size() - 1;
        if (n == 0) break;
        check_compare(c);
        BasicBlock* cleanup = new_block();
        if (!visit_expr(c->left)) return false;
        for (uint32_t i = 0; i < n; i++) {
          if (!visit_comparand(*this, c, i)) return false;
          emit(Op::SWAP, 2);
          emit(Op::COPY, 2);
          compare_op(c->ops[i]);
          emit_jump(Op::POP_JUMP_IF_FALSE, cleanup);
        }
        if (!visit_comparand(*this, c, n)) return false;
        compare_op(c->ops[n]);
        emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, next);
        BasicBlock* end = new_block();
        emit_jump_noline(Op::JUMP, end);
        use_block(cleanup);
        emit(Op::POP_TOP);
        if (!cond) emit_jump_noline(Op::JUMP, next);
        use_block(end);
        return true;
      }
      default: break;
    }
  }
  if (!visit_expr(e)) return false;
  emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, next);
  return true;
}

// -- calls -------------------------------------------------------------------------------------------

bool Compiler::check_caller(Expr* e) {
  switch (e->tag) {
    case ExprKind::Constant: case ExprKind::Tuple: case ExprKind::List: case ExprKind::ListComp:
    case ExprKind::Dict: case ExprKind::DictComp: case ExprKind::Set: case ExprKind::SetComp:
    case ExprKind::GeneratorExp: case ExprKind::JoinedStr: case ExprKind::FormattedValue: {
      const char* t = infer_type(*this, e);
      if (t) warn(u->loc, std::string("'") + t + "' object is not callable; perhaps you missed a comma?");
      return true;
    }
    default: return true;
  }
}

bool Compiler::check_subscripter(Expr* e) {
  switch (e->tag) {
    case ExprKind::Constant: {
      std::optional<Constant> k = fold(e);
      if (!k) return true;
      using K = Constant::Kind;
      if (!(k->kind == K::None || k->kind == K::Ellipsis || k->kind == K::Int ||
            k->kind == K::True || k->kind == K::False || k->kind == K::Float ||
            k->kind == K::Complex || k->kind == K::FrozenSet)) {
        return true;
      }
      [[fallthrough]];
    }
    case ExprKind::Set: case ExprKind::SetComp: case ExprKind::GeneratorExp:
    case ExprKind::Lambda: {
      const char* t = infer_type(*this, e);
      if (t) warn(u->loc, std::string("'") + t + "' object is not subscriptable; perhaps you missed a comma?");
      return true;
    }
    default: return true;
  }
}

bool Compiler::check_index(Expr* e, Expr* s) {
  const char* index_type = infer_type(*this, s);
  if (!index_type || std::string_view(index_type) == "int" ||
      std::string_view(index_type) == "bool" || s->tag == ExprKind::Slice) {
    return true;
  }
  switch (e->tag) {
    case ExprKind::Constant: {
      std::optional<Constant> k = fold(e);
      if (!k) return true;
      using K = Constant::Kind;
      if (!(k->kind == K::Str || k->kind == K::Bytes || k->kind == K::Tuple)) return true;
      [[fallthrough]];
    }
    case ExprKind::Tuple: case ExprKind::List: case ExprKind::ListComp:
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: {
      const char* t = infer_type(*this, e);
      if (t) {
        warn(u->loc, std::string(t) + " indices must be integers or slices, not " + index_type +
                         "; perhaps you missed a comma?");
      }
      return true;
    }
    default: return true;
  }
}

bool Compiler::validate_kwd_names(const Seq<Keyword*>& kws) {
  for (uint32_t i = 0; i < kws.size(); i++) {
    Keyword* k = kws[i];
    if (!k->arg.data()) continue;
    if (!forbidden_name(k->arg, ExprContext::Store, k->loc)) return false;
    for (uint32_t j = i + 1; j < kws.size(); j++) {
      Keyword* o = kws[j];
      if (o->arg.data() && o->arg == k->arg) {
        return error(o->loc, "keyword argument repeated: " + std::string(k->arg));
      }
    }
  }
  return true;
}

bool Compiler::call_simple_kw_helper(const Seq<Keyword*>& kws, int nkw) {
  Constant names;
  names.kind = Constant::Kind::Tuple;
  for (int i = 0; i < nkw; i++) names.items.push_back(Constant::str(std::string(kws[i]->arg)));
  emit(Op::KW_NAMES, add_const(std::move(names)));
  return true;
}

bool Compiler::maybe_call_method(Call* e) {
  Expr* meth = e->func;
  auto* attr = as<Attribute>(meth);
  if (!visit_expr(attr->value)) return false;
  ast::Loc saved = u->loc;
  update_start_location_to_match_attr(attr);
  emit_name(Op::LOAD_METHOD, attr->attr);
  if (!visit_exprs(e->args)) return false;
  int nkw = int(e->keywords.size());
  if (nkw) {
    for (Keyword* k : e->keywords) {
      if (!visit_expr(k->value)) return false;
    }
    call_simple_kw_helper(e->keywords, nkw);
  }
  update_start_location_to_match_attr(attr);
  emit(Op::PRECALL, int(e->args.size()) + nkw);
  emit(Op::CALL, int(e->args.size()) + nkw);
  u->loc = saved;
  return true;
}

bool Compiler::call(Call* e) {
  // Method calls (obj.m(args) without * or ** and not too many arguments) use LOAD_METHOD.
  if (e->func->tag == ExprKind::Attribute && as<Attribute>(e->func)->ctx == ExprContext::Load) {
    uint32_t argsl = e->args.size(), kwdsl = e->keywords.size();
    bool ok = argsl + kwdsl + (kwdsl != 0) < uint32_t(kStackUseGuideline);
    // 3.11 calls methods of imported modules (a module-level import binds the name) as plain
    // attribute calls.
    Expr* base = as<Attribute>(e->func)->value;
    if (base->tag == ExprKind::Name) {
      const Symbol* sym = symtable_.top()->lookup(as<Name>(base)->id);
      if (sym && sym->has(sym::kDefImport)) ok = false;
    }
    for (Expr* a : e->args) ok = ok && a->tag != ExprKind::Starred;
    for (Keyword* k : e->keywords) ok = ok && k->arg.data();
    if (ok) {
      if (!validate_kwd_names(e->keywords)) return false;
      return maybe_call_method(e);
    }
  }
  check_caller(e->func);
  ast::Loc saved = u->loc;
  set_loc(e->func->loc);
  emit(Op::PUSH_NULL);
  u->loc = saved;
  if (!visit_expr(e->func)) return false;
  return call_helper(0, e->args, e->keywords);
}

bool Compiler::subkwargs(const Seq<Keyword*>& kws, uint32_t begin, uint32_t end) {
  uint32_t n = end - begin;
  bool big = n * 2 > uint32_t(kStackUseGuideline);
  if (n > 1 && !big) {
    for (uint32_t i = begin; i < end; i++) {
      if (!visit_expr(kws[i]->value)) return false;
    }
    Constant keys;
    keys.kind = Constant::Kind::Tuple;
    for (uint32_t i = begin; i < end; i++) keys.items.push_back(Constant::str(std::string(kws[i]->arg)));
    emit_const(std::move(keys));
    emit(Op::BUILD_CONST_KEY_MAP, int(n));
    return true;
  }
  if (big) emit_noline(Op::BUILD_MAP, 0);
  for (uint32_t i = begin; i < end; i++) {
    emit_const(Constant::str(std::string(kws[i]->arg)));
    if (!visit_expr(kws[i]->value)) return false;
    if (big) emit_noline(Op::MAP_ADD, 1);
  }
  if (!big) emit(Op::BUILD_MAP, int(n));
  return true;
}

bool Compiler::call_helper(int n, const Seq<Expr*>& args, const Seq<Keyword*>& kws) {
  if (!validate_kwd_names(kws)) return false;
  uint32_t nelts = args.size(), nkwelts = kws.size();
  bool ex_call = nelts + nkwelts * 2 > uint32_t(kStackUseGuideline);
  for (Expr* a : args) ex_call = ex_call || a->tag == ExprKind::Starred;
  for (Keyword* k : kws) ex_call = ex_call || !k->arg.data();
  if (!ex_call) {
    if (!visit_exprs(args)) return false;
    if (nkwelts) {
      for (Keyword* k : kws) {
        if (!visit_expr(k->value)) return false;
      }
      call_simple_kw_helper(kws, int(nkwelts));
    }
    emit(Op::PRECALL, n + int(nelts + nkwelts));
    emit(Op::CALL, n + int(nelts + nkwelts));
    return true;
  }
  if (n == 0 && nelts == 1 && args[0]->tag == ExprKind::Starred) {
    if (!visit_expr(as<Starred>(args[0])->value)) return false;
  } else if (!starunpack_helper(args, n, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true)) {
    return false;
  }
  if (nkwelts) {
    bool have_dict = false;
    uint32_t nseen = 0;
    for (uint32_t i = 0; i < nkwelts; i++) {
      Keyword* k = kws[i];
      if (!k->arg.data()) {
        if (nseen) {
          if (!subkwargs(kws, i - nseen, i)) return false;
          if (have_dict) emit(Op::DICT_MERGE, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          emit(Op::BUILD_MAP, 0);
          have_dict = true;
        }
        if (!visit_expr(k->value)) return false;
        emit(Op::DICT_MERGE, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      if (!subkwargs(kws, nkwelts - nseen, nkwelts)) return false;
      if (have_dict) emit(Op::DICT_MERGE, 1);
    }
  }
  emit(Op::CALL_FUNCTION_EX, nkwelts > 0);
  return true;
}

// -- containers -------------------------------------------------------------------------------------

bool Compiler::starunpack_helper(const Seq<Expr*>& elts, int pushed, Op build, Op add, Op extend,
                                 bool tuple) {
  uint32_t n = elts.size();
  if (n > 2) {
    std::vector<Constant> items;
    bool all = true;
    for (Expr* x : elts) {
      std::optional<Constant> k = x->tag == ExprKind::Starred ? std::nullopt : fold(x);
      if (!k) { all = false; break; }
      items.push_back(std::move(*k));
    }
    if (all) {
      Constant folded;
      folded.kind = Constant::Kind::Tuple;
      if (add == Op::SET_ADD) {
        folded.kind = Constant::Kind::FrozenSet;
        for (Constant& it : items) {
          bool dup = false;
          std::string key = it.key();
          for (const Constant& f : folded.items) dup = dup || f.key() == key;
          if (!dup) folded.items.push_back(std::move(it));
        }
      } else {
        folded.items = std::move(items);
      }
      if (tuple && !pushed) {
        emit_const(std::move(folded));
      } else {
        emit(build, pushed);
        emit_const(std::move(folded));
        emit(extend, 1);
        if (tuple) emit(Op::LIST_TO_TUPLE);
      }
      return true;
    }
  }
  bool big = int(n) + pushed > kStackUseGuideline;
  bool seen_star = has_starred(elts);
  if (!seen_star && !big) {
    if (!visit_exprs(elts)) return false;
    emit(tuple ? Op::BUILD_TUPLE : build, int(n) + pushed);
    return true;
  }
  bool built = false;
  if (big) {
    emit(build, pushed);
    built = true;
  }
  for (uint32_t i = 0; i < n; i++) {
    Expr* x = elts[i];
    if (x->tag == ExprKind::Starred) {
      if (!built) {
        emit(build, int(i) + pushed);
        built = true;
      }
      if (!visit_expr(as<Starred>(x)->value)) return false;
      emit(extend, 1);
    } else {
      if (!visit_expr(x)) return false;
      if (built) emit(add, 1);
    }
  }
  if (tuple) emit(Op::LIST_TO_TUPLE);
  return true;
}

bool Compiler::unpack_helper(const Seq<Expr*>& elts) {
  uint32_t n = elts.size();
  bool seen_star = false;
  for (uint32_t i = 0; i < n; i++) {
    Expr* x = elts[i];
    if (x->tag == ExprKind::Starred && !seen_star) {
      if (i >= (1u << 8) || (n - i - 1) >= (0x7fffffffu >> 8)) {
        return error("too many expressions in star-unpacking assignment");
      }
      emit(Op::UNPACK_EX, int(i + ((n - i - 1) << 8)));
      seen_star = true;
    } else if (x->tag == ExprKind::Starred) {
      return error("multiple starred expressions in assignment");
    }
  }
  if (!seen_star) emit(Op::UNPACK_SEQUENCE, int(n));
  return true;
}

bool Compiler::assignment_helper(const Seq<Expr*>& elts) {
  if (!unpack_helper(elts)) return false;
  for (Expr* x : elts) {
    if (!visit_expr(x->tag == ExprKind::Starred ? as<Starred>(x)->value : x)) return false;
  }
  return true;
}

bool Compiler::list_or_tuple(Expr* e, const Seq<Expr*>& elts, ExprContext ctx, bool is_tuple) {
  (void)e;
  if (ctx == ExprContext::Store) return assignment_helper(elts);
  if (ctx == ExprContext::Load) {
    return starunpack_helper(elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, is_tuple);
  }
  return visit_exprs(elts);
}

bool Compiler::set_expr(Set* e) {
  return starunpack_helper(e->elts, 0, Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE, false);
}

bool Compiler::subdict(Dict* e, uint32_t begin, uint32_t end) {
  uint32_t n = end - begin;
  bool big = n * 2 > uint32_t(kStackUseGuideline);
  if (n > 1 && !big) {
    std::vector<Constant> keys;
    bool all = true;
    for (uint32_t i = begin; i < end; i++) {
      std::optional<Constant> k = fold(e->keys[i]);
      if (!k) { all = false; break; }
      keys.push_back(std::move(*k));
    }
    if (all) {
      for (uint32_t i = begin; i < end; i++) {
        if (!visit_expr(e->values[i])) return false;
      }
      Constant t;
      t.kind = Constant::Kind::Tuple;
      t.items = std::move(keys);
      emit_const(std::move(t));
      emit(Op::BUILD_CONST_KEY_MAP, int(n));
      return true;
    }
  }
  if (big) emit(Op::BUILD_MAP, 0);
  for (uint32_t i = begin; i < end; i++) {
    if (!visit_expr(e->keys[i]) || !visit_expr(e->values[i])) return false;
    if (big) emit(Op::MAP_ADD, 1);
  }
  if (!big) emit(Op::BUILD_MAP, int(n));
  return true;
}

bool Compiler::dict_expr(Dict* e) {
  uint32_t n = e->values.size();
  bool have_dict = false;
  uint32_t elements = 0;
  for (uint32_t i = 0; i < n; i++) {
    bool unpacking = e->keys[i] == nullptr;
    if (unpacking) {
      if (elements) {
        if (!subdict(e, i - elements, i)) return false;
        if (have_dict) emit(Op::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(Op::BUILD_MAP, 0);
        have_dict = true;
      }
      if (!visit_expr(e->values[i])) return false;
      emit(Op::DICT_UPDATE, 1);
    } else if (elements * 2 > uint32_t(kStackUseGuideline)) {
      if (!subdict(e, i - elements, i + 1)) return false;
      if (have_dict) emit(Op::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    if (!subdict(e, n - elements, n)) return false;
    if (have_dict) emit(Op::DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) emit(Op::BUILD_MAP, 0);
  return true;
}

// -- f-strings ------------------------------------------------------------------------------------

bool Compiler::joined_str(JoinedStr* e) {
  uint32_t n = e->values.size();
  if (n > uint32_t(kStackUseGuideline)) {
    emit_const(Constant::str(""));
    emit_name(Op::LOAD_METHOD, "join");
    emit(Op::BUILD_LIST, 0);
    for (Expr* v : e->values) {
      if (!visit_expr(v)) return false;
      emit(Op::LIST_APPEND, 1);
    }
    emit(Op::PRECALL, 1);
    emit(Op::CALL, 1);
    return true;
  }
  if (!visit_exprs(e->values)) return false;
  if (n != 1) emit(Op::BUILD_STRING, int(n));
  return true;
}

bool Compiler::formatted_value(FormattedValue* e) {
  if (!visit_expr(e->value)) return false;
  int oparg = vm::FVC_NONE;
  switch (e->conversion) {
    case 's': oparg = vm::FVC_STR; break;
    case 'r': oparg = vm::FVC_REPR; break;
    case 'a': oparg = vm::FVC_ASCII; break;
    default: break;
  }
  if (e->format_spec) {
    if (!visit_expr(e->format_spec)) return false;
    oparg |= vm::FVS_HAVE_SPEC;
  }
  emit(Op::FORMAT_VALUE, oparg);
  return true;
}

// -- functions, generators, coroutines -------------------------------------------------------------

bool check_debug_args_of(Compiler& c, Arguments* args);

bool Compiler::lambda(Lambda* e) {
  Arguments* args = e->args;
  if (!check_debug_args_of(*this, args)) return false;
  int flags = 0;
  if (!default_arguments(args, flags)) return false;
  if (!enter_scope("<lambda>", UnitKind::Lambda, e, e->loc.lineno)) return false;
  add_const(Constant::none());  // so that a lambda never has a docstring
  u->argcount = int(args->args.size() + args->posonlyargs.size());
  u->posonlyargcount = int(args->posonlyargs.size());
  u->kwonlyargcount = int(args->kwonlyargs.size());
  visit_expr(e->body);
  bool gen = u->ste.generator;
  if (!gen) emit(Op::RETURN_VALUE);
  std::string qualname = u->qualname;
  std::unique_ptr<CodeUnit> code = exit_scope_assemble(!gen);
  if (!code) return false;
  return make_closure(std::move(code), flags, qualname);
}

void Compiler::add_yield_from(bool await) {
  BasicBlock* start = new_block();
  BasicBlock* resume = new_block();
  BasicBlock* exit = new_block();
  use_block(start);
  emit_jump(Op::SEND, exit);
  use_block(resume);
  emit(Op::YIELD_VALUE);
  emit(Op::RESUME, await ? vm::RESUME_AFTER_AWAIT : vm::RESUME_AFTER_YIELD_FROM);
  emit_jump(Op::JUMP_NO_INTERRUPT, start);
  use_block(exit);
}

bool Compiler::yield_expr(Expr* e) {
  if (u->ste.type != BlockType::Function) return error("'yield' outside function");
  if (e->tag == ExprKind::Yield) {
    auto* y = as<Yield>(e);
    if (y->value) {
      if (!visit_expr(y->value)) return false;
    } else {
      emit_const(Constant::none());
    }
    if (u->ste.generator && u->ste.coroutine) emit(Op::ASYNC_GEN_WRAP);
    emit(Op::YIELD_VALUE);
    emit(Op::RESUME, vm::RESUME_AFTER_YIELD);
    return true;
  }
  if (u->kind == UnitKind::AsyncFunction) return error("'yield from' inside async function");
  if (!visit_expr(as<YieldFrom>(e)->value)) return false;
  emit(Op::GET_YIELD_FROM_ITER);
  emit_const(Constant::none());
  add_yield_from(false);
  return true;
}

bool Compiler::await_expr(Await* e) {
  if (!is_top_level_await()) {
    if (u->ste.type != BlockType::Function) return error("'await' outside function");
    if (u->kind != UnitKind::AsyncFunction && u->kind != UnitKind::Comprehension) {
      return error("'await' outside async function");
    }
  }
  if (!visit_expr(e->value)) return false;
  emit(Op::GET_AWAITABLE, 0);
  emit_const(Constant::none());
  add_yield_from(true);
  return true;
}

// -- comprehensions --------------------------------------------------------------------------------

bool Compiler::comprehension(Expr* e, int type, std::string_view name,
                             const Seq<Comprehension*>& gens, Expr* elt, Expr* val) {
  UnitKind outer_kind = u->kind;
  bool top_level_await = is_top_level_await();
  Comprehension* outermost = gens[0];
  if (!enter_scope(name, UnitKind::Comprehension, e, e->loc.lineno)) return false;
  set_loc(e->loc);
  bool is_async_generator = u->ste.coroutine;
  if (is_async_generator && type != 0 && outer_kind != UnitKind::AsyncFunction &&
      outer_kind != UnitKind::Comprehension && !top_level_await) {
    error("asynchronous comprehension outside of an asynchronous function");
    exit_scope_assemble(true);
    return false;
  }
  if (type != 0) emit(type == 1 ? Op::BUILD_LIST : type == 2 ? Op::BUILD_SET : Op::BUILD_MAP, 0);
  if (comprehension_generator(gens, 0, 0, elt, val, type) && type != 0) emit(Op::RETURN_VALUE);
  std::string qualname = u->qualname;
  std::unique_ptr<CodeUnit> code = exit_scope_assemble(true);
  if (top_level_await && is_async_generator) u->ste.coroutine = true;
  if (!code) return false;
  if (!make_closure(std::move(code), 0, qualname)) return false;
  if (!visit_iter(outermost->iter)) return false;
  emit(outermost->is_async ? Op::GET_AITER : Op::GET_ITER);
  emit(Op::PRECALL, 0);
  emit(Op::CALL, 0);
  if (is_async_generator && type != 0) {
    emit(Op::GET_AWAITABLE, 0);
    emit_const(Constant::none());
    add_yield_from(true);
  }
  return true;
}

bool Compiler::comprehension_generator(const Seq<Comprehension*>& gens, uint32_t gen_index,
                                       int depth, Expr* elt, Expr* val, int type) {
  if (gens[gen_index]->is_async) {
    return async_comprehension_generator(gens, gen_index, depth, elt, val, type);
  }
  return sync_comprehension_generator(gens, gen_index, depth, elt, val, type);
}

namespace {
bool comprehension_element(Compiler& c, Expr* elt, Expr* val, int type, int depth) {
  switch (type) {
    case 0:
      if (!c.visit_expr(elt)) return false;
      if (c.u->ste.generator && c.u->ste.coroutine) c.emit(Op::ASYNC_GEN_WRAP);
      c.emit(Op::YIELD_VALUE);
      c.emit(Op::RESUME, vm::RESUME_AFTER_YIELD);
      c.emit(Op::POP_TOP);
      return true;
    case 1:
      if (!c.visit_expr(elt)) return false;
      c.emit(Op::LIST_APPEND, depth + 1);
      return true;
    case 2:
      if (!c.visit_expr(elt)) return false;
      c.emit(Op::SET_ADD, depth + 1);
      return true;
    default:
      if (!c.visit_expr(elt) || !c.visit_expr(val)) return false;
      c.emit(Op::MAP_ADD, depth + 1);
      return true;
  }
}
}  // namespace

bool Compiler::sync_comprehension_generator(const Seq<Comprehension*>& gens, uint32_t gen_index,
                                            int depth, Expr* elt, Expr* val, int type) {
  BasicBlock* start = new_block();
  BasicBlock* if_cleanup = new_block();
  BasicBlock* anchor = new_block();
  Comprehension* gen = gens[gen_index];
  if (gen_index == 0) {
    u->argcount = 1;
    emit(Op::LOAD_FAST, 0);
  } else {
    // `for y in [f(x)]` binds a temporary without iterating.
    const Seq<Expr*>* elts = nullptr;
    if (gen->iter->tag == ExprKind::List) elts = &as<List>(gen->iter)->elts;
    else if (gen->iter->tag == ExprKind::Tuple) elts = &as<Tuple>(gen->iter)->elts;
    if (elts && elts->size() == 1 && (*elts)[0]->tag != ExprKind::Starred) {
      if (!visit_expr((*elts)[0])) return false;
      start = nullptr;
    }
    if (start) {
      if (!visit_iter(gen->iter)) return false;
      emit(Op::GET_ITER);
    }
  }
  if (start) {
    depth++;
    use_block(start);
    emit_jump(Op::FOR_ITER, anchor);
  }
  if (!visit_expr(gen->target)) return false;
  for (Expr* cond : gen->ifs) {
    if (!jump_if(cond, if_cleanup, false)) return false;
  }
  if (++gen_index < gens.size()) {
    if (!comprehension_generator(gens, gen_index, depth, elt, val, type)) return false;
  }
  if (gen_index >= gens.size()) {
    if (!comprehension_element(*this, elt, val, type, depth)) return false;
  }
  use_block(if_cleanup);
  if (start) {
    emit_jump(Op::JUMP, start);
    use_block(anchor);
  }
  return true;
}

bool Compiler::async_comprehension_generator(const Seq<Comprehension*>& gens, uint32_t gen_index,
                                             int depth, Expr* elt, Expr* val, int type) {
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* if_cleanup = new_block();
  Comprehension* gen = gens[gen_index];
  if (gen_index == 0) {
    u->argcount = 1;
    emit(Op::LOAD_FAST, 0);
  } else {
    if (!visit_iter(gen->iter)) return false;
    emit(Op::GET_AITER);
  }
  use_block(start);
  if (!push_fblock(FBlock::AsyncComprehensionGenerator, start, nullptr)) return false;
  emit_jump(Op::SETUP_FINALLY, except);
  emit(Op::GET_ANEXT);
  emit_const(Constant::none());
  add_yield_from(true);
  emit(Op::POP_BLOCK);
  if (!visit_expr(gen->target)) return false;
  for (Expr* cond : gen->ifs) {
    if (!jump_if(cond, if_cleanup, false)) return false;
  }
  depth++;
  if (++gen_index < gens.size()) {
    if (!comprehension_generator(gens, gen_index, depth, elt, val, type)) return false;
  }
  if (gen_index >= gens.size()) {
    if (!comprehension_element(*this, elt, val, type, depth)) return false;
  }
  use_block(if_cleanup);
  emit_jump(Op::JUMP, start);
  pop_fblock(FBlock::AsyncComprehensionGenerator, start);
  use_block(except);
  emit(Op::END_ASYNC_FOR);
  return true;
}

}  // namespace tpy::compile
