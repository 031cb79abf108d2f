// interp/compile/codegen_pattern.cpp -- The match statement: pattern compilation with the
// subject and captures on the value stack and per-depth failure blocks (compile.c's model).
#include <algorithm>

#include "interp/compile/codegen_internal.h"

namespace tpy::compile {

using namespace ast;

namespace {
bool is_wildcard(Pattern* p) {
  return p->tag == PatternKind::MatchAs && !as<MatchAs>(p)->pattern && !as<MatchAs>(p)->name.data();
}
bool is_star_wildcard(Pattern* p) {
  return p->tag == PatternKind::MatchStar && !as<MatchStar>(p)->name.data();
}
bool contains(const std::vector<std::string>& v, std::string_view n) {
  return std::find(v.begin(), v.end(), n) != v.end();
}
// Mapping keys are compared with ==: 1, 1.0 and True are the same key.
std::string equality_key(const Constant& c) {
  using K = Constant::Kind;
  if (c.kind == K::True) return Constant::integer(1).key();
  if (c.kind == K::False) return Constant::integer(0).key();
  if (c.kind == K::Float && c.f == double(int64_t(c.f)) && c.f > -9e18 && c.f < 9e18) {
    return Constant::integer(int64_t(c.f)).key();
  }
  if (c.kind == K::Complex && c.imag == 0) {
    Constant f;
    f.kind = K::Float;
    f.f = c.f;
    return equality_key(f);
  }
  return c.key();
}
}  // namespace

bool Compiler::validate_pattern_name(std::string_view n, const ast::Loc& loc) {
  return forbidden_name(n, ExprContext::Store, loc);
}

bool Compiler::ensure_fail_pop(PatternContext& pc, size_t n) {
  while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(new_block());
  return true;
}

bool Compiler::jump_to_fail_pop(PatternContext& pc, Op op) {
  size_t pops = size_t(pc.on_top) + pc.stores.size();
  ensure_fail_pop(pc, pops);
  emit_jump(op, pc.fail_pop[pops]);
  return true;
}

bool Compiler::emit_and_reset_fail_pop(PatternContext& pc) {
  if (pc.fail_pop.empty()) return true;
  for (size_t k = pc.fail_pop.size() - 1; k > 0; k--) {
    use_block(pc.fail_pop[k]);
    emit(Op::POP_TOP);
  }
  use_block(pc.fail_pop[0]);
  pc.fail_pop.clear();
  return true;
}

bool Compiler::pattern_helper_rotate(int count) {
  while (count > 1) emit(Op::SWAP, count--);
  return true;
}

bool Compiler::pattern_helper_store_name(std::string_view n, PatternContext& pc,
                                         const ast::Loc& loc) {
  if (!n.data()) {
    emit(Op::POP_TOP);
    return true;
  }
  if (!validate_pattern_name(n, loc)) return false;
  if (contains(pc.stores, n)) {
    std::string r;
    text_repr_str(r, n);
    return error("multiple assignments to name " + r + " in pattern");
  }
  pattern_helper_rotate(pc.on_top + int(pc.stores.size()) + 1);
  pc.stores.emplace_back(n);
  return true;
}

bool Compiler::pattern_helper_sequence_unpack(const Seq<Pattern*>& pats, int star,
                                              PatternContext& pc) {
  (void)star;
  uint32_t n = pats.size();
  bool seen_star = false;
  for (uint32_t i = 0; i < n; i++) {
    Pattern* elt = pats[i];
    if (elt->tag == PatternKind::MatchStar && !seen_star) {
      if (i >= (1u << 8) || (n - i - 1) >= (0x7fffffffu >> 8)) {
        return error("too many expressions in star-unpacking sequence pattern");
      }
      emit(Op::UNPACK_EX, int(i + ((n - i - 1) << 8)));
      seen_star = true;
    } else if (elt->tag == PatternKind::MatchStar) {
      return error("multiple starred expressions in sequence pattern");
    }
  }
  if (!seen_star) emit(Op::UNPACK_SEQUENCE, int(n));
  pc.on_top += int(n);
  for (uint32_t i = 0; i < n; i++) {
    pc.on_top--;
    if (!pattern_subpattern(pats[i], pc)) return false;
  }
  return true;
}

bool Compiler::pattern_helper_sequence_subscr(const Seq<Pattern*>& pats, int star,
                                              PatternContext& pc) {
  pc.on_top++;
  int size = int(pats.size());
  for (int i = 0; i < size; i++) {
    Pattern* p = pats[i];
    if (is_wildcard(p)) continue;
    if (i == star) continue;
    emit(Op::COPY, 1);
    if (i < star) {
      emit_const(Constant::integer(i));
    } else {
      // The subject may not support negative indexing: compute a nonnegative index.
      emit(Op::GET_LEN);
      emit_const(Constant::integer(size - i));
      emit(Op::BINARY_OP, vm::NB_SUBTRACT);
    }
    emit(Op::BINARY_SUBSCR);
    if (!pattern_subpattern(p, pc)) return false;
  }
  pc.on_top--;
  emit(Op::POP_TOP);
  return true;
}

bool Compiler::pattern_subpattern(Pattern* p, PatternContext& pc) {
  bool allow = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  if (!pattern(p, pc)) return false;
  pc.allow_irrefutable = allow;
  return true;
}

bool Compiler::pattern_as(Pattern* pp, PatternContext& pc) {
  auto* p = as<MatchAs>(pp);
  if (!p->pattern) {
    if (!pc.allow_irrefutable) {
      if (p->name.data()) {
        std::string r;
        text_repr_str(r, p->name);
        return error("name capture " + r + " makes remaining patterns unreachable");
      }
      return error("wildcard makes remaining patterns unreachable");
    }
    return pattern_helper_store_name(p->name, pc, pp->loc);
  }
  pc.on_top++;
  emit(Op::COPY, 1);
  if (!pattern(p->pattern, pc)) return false;
  pc.on_top--;
  return pattern_helper_store_name(p->name, pc, pp->loc);
}

bool Compiler::pattern_star(Pattern* p, PatternContext& pc) {
  return pattern_helper_store_name(as<MatchStar>(p)->name, pc, p->loc);
}

bool Compiler::pattern_class(Pattern* pp, PatternContext& pc) {
  auto* p = as<MatchClass>(pp);
  uint32_t nargs = p->patterns.size();
  uint32_t nattrs = p->kwd_attrs.size();
  if (nattrs != p->kwd_patterns.size()) {
    return error("kwd_attrs (" + std::to_string(nattrs) + ") / kwd_patterns (" +
                 std::to_string(p->kwd_patterns.size()) + ") length mismatch in class pattern");
  }
  if (nattrs) {
    for (uint32_t i = 0; i < nattrs; i++) {
      Ident attr = p->kwd_attrs[i];
      set_loc(p->kwd_patterns[i]->loc);
      if (!forbidden_name(attr, ExprContext::Store, u->loc)) return false;
      for (uint32_t j = i + 1; j < nattrs; j++) {
        if (p->kwd_attrs[j] == attr) {
          set_loc(p->kwd_patterns[j]->loc);
          return error("attribute name repeated in class pattern: " + std::string(attr));
        }
      }
    }
    set_loc(pp->loc);
  }
  if (!visit_expr(p->cls)) return false;
  Constant names;
  names.kind = Constant::Kind::Tuple;
  for (Ident a : p->kwd_attrs) names.items.push_back(Constant::str(std::string(a)));
  emit_const(std::move(names));
  emit(Op::MATCH_CLASS, int(nargs));
  emit(Op::COPY, 1);
  emit_const(Constant::none());
  emit(Op::IS_OP, 1);
  pc.on_top++;
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  emit(Op::UNPACK_SEQUENCE, int(nargs + nattrs));
  pc.on_top += int(nargs + nattrs) - 1;
  for (uint32_t i = 0; i < nargs + nattrs; i++) {
    pc.on_top--;
    Pattern* sub = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
    if (is_wildcard(sub)) {
      emit(Op::POP_TOP);
      continue;
    }
    if (!pattern_subpattern(sub, pc)) return false;
  }
  return true;
}

bool Compiler::pattern_mapping(Pattern* pp, PatternContext& pc) {
  auto* p = as<MatchMapping>(pp);
  uint32_t size = p->keys.size();
  if (size != p->patterns.size()) {
    return error("keys (" + std::to_string(size) + ") / patterns (" +
                 std::to_string(p->patterns.size()) + ") length mismatch in mapping pattern");
  }
  bool star_target = p->rest.data() != nullptr;
  pc.on_top++;
  emit(Op::MATCH_MAPPING);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (!size && !star_target) {
    pc.on_top--;
    emit(Op::POP_TOP);
    return true;
  }
  if (size) {
    emit(Op::GET_LEN);
    emit_const(Constant::integer(size));
    emit(Op::COMPARE_OP, vm::CMP_GE);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  }
  std::vector<std::string> seen;
  for (uint32_t i = 0; i < size; i++) {
    Expr* key = p->keys[i];
    if (!key) {
      set_loc(p->patterns[i]->loc);
      return error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
    }
    std::optional<Constant> k = key->tag == ExprKind::Attribute ? std::nullopt : fold(key);
    if (k) {
      std::string ek = equality_key(*k);
      if (contains(seen, ek)) return error("mapping pattern checks duplicate key (" + k->repr() + ")");
      seen.push_back(ek);
    } else if (key->tag != ExprKind::Attribute) {
      return error("mapping pattern keys may only match literals and attribute lookups");
    }
    if (!visit_expr(key)) return false;
  }
  emit(Op::BUILD_TUPLE, int(size));
  emit(Op::MATCH_KEYS);
  pc.on_top += 2;
  emit(Op::COPY, 1);
  emit_const(Constant::none());
  emit(Op::IS_OP, 1);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  emit(Op::UNPACK_SEQUENCE, int(size));
  pc.on_top += int(size) - 1;
  for (uint32_t i = 0; i < size; i++) {
    pc.on_top--;
    if (!pattern_subpattern(p->patterns[i], pc)) return false;
  }
  pc.on_top -= 2;
  if (star_target) {
    // rest = dict(subject); for key in keys: del rest[key]
    emit(Op::BUILD_MAP, 0);
    emit(Op::SWAP, 3);
    emit(Op::DICT_UPDATE, 2);
    emit(Op::UNPACK_SEQUENCE, int(size));
    int n = int(size);
    while (n) {
      emit(Op::COPY, 1 + n--);
      emit(Op::SWAP, 2);
      emit(Op::DELETE_SUBSCR);
    }
    return pattern_helper_store_name(p->rest, pc, pp->loc);
  }
  emit(Op::POP_TOP);
  emit(Op::POP_TOP);
  return true;
}

bool Compiler::pattern_or(Pattern* pp, PatternContext& pc) {
  auto* p = as<MatchOr>(pp);
  BasicBlock* end = new_block();
  uint32_t size = p->patterns.size();
  PatternContext old_pc = pc;
  std::vector<std::string> control;
  for (uint32_t i = 0; i < size; i++) {
    Pattern* alt = p->patterns[i];
    set_loc(alt->loc);
    pc.stores.clear();
    pc.allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
    pc.fail_pop.clear();
    pc.on_top = 0;
    emit(Op::COPY, 1);
    if (!pattern(alt, pc)) return false;
    size_t nstores = pc.stores.size();
    if (i == 0) {
      control = pc.stores;
    } else if (nstores != control.size()) {
      return error("alternative patterns bind different names");
    } else if (nstores) {
      for (size_t icontrol = nstores; icontrol-- > 0;) {
        const std::string& name = control[icontrol];
        auto it = std::find(pc.stores.begin(), pc.stores.end(), name);
        if (it == pc.stores.end()) return error("alternative patterns bind different names");
        size_t istores = size_t(it - pc.stores.begin());
        if (icontrol != istores) {
          // Reorder the captures (and the names) to the first alternative's order.
          size_t rotations = istores + 1;
          std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + rotations);
          pc.stores.erase(pc.stores.begin(), pc.stores.begin() + rotations);
          pc.stores.insert(pc.stores.begin() + (icontrol - istores), rotated.begin(), rotated.end());
          while (rotations--) pattern_helper_rotate(int(icontrol) + 1);
        }
      }
    }
    emit_jump(Op::JUMP, end);
    emit_and_reset_fail_pop(pc);
  }
  std::vector<BasicBlock*> keep_fail = old_pc.fail_pop;
  pc = old_pc;
  pc.fail_pop = keep_fail;
  emit(Op::POP_TOP);
  jump_to_fail_pop(pc, Op::JUMP);
  use_block(end);
  size_t nstores = control.size();
  int nrots = int(nstores) + 1 + pc.on_top + int(pc.stores.size());
  for (size_t i = 0; i < nstores; i++) {
    pattern_helper_rotate(nrots);
    const std::string& name = control[i];
    if (contains(pc.stores, name)) {
      std::string r;
      text_repr_str(r, name);
      return error("multiple assignments to name " + r + " in pattern");
    }
    pc.stores.push_back(name);
  }
  emit(Op::POP_TOP);
  return true;
}

bool Compiler::pattern_sequence(Pattern* pp, PatternContext& pc) {
  auto* p = as<MatchSequence>(pp);
  int size = int(p->patterns.size());
  int star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (int i = 0; i < size; i++) {
    Pattern* sub = p->patterns[i];
    if (sub->tag == PatternKind::MatchStar) {
      if (star >= 0) return error("multiple starred names in sequence pattern");
      star_wildcard = is_star_wildcard(sub);
      only_wildcard = only_wildcard && star_wildcard;
      star = i;
      continue;
    }
    only_wildcard = only_wildcard && is_wildcard(sub);
  }
  pc.on_top++;
  emit(Op::MATCH_SEQUENCE);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (star < 0) {
    emit(Op::GET_LEN);
    emit_const(Constant::integer(size));
    emit(Op::COMPARE_OP, vm::CMP_EQ);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  } else if (size - 1) {
    emit(Op::GET_LEN);
    emit_const(Constant::integer(size - 1));
    emit(Op::COMPARE_OP, vm::CMP_GE);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  }
  pc.on_top--;
  if (only_wildcard) {
    emit(Op::POP_TOP);
    return true;
  }
  if (star_wildcard) return pattern_helper_sequence_subscr(p->patterns, star, pc);
  return pattern_helper_sequence_unpack(p->patterns, star, pc);
}

bool Compiler::pattern_value(Pattern* pp, PatternContext& pc) {
  Expr* value = as<MatchValue>(pp)->value;
  if (value->tag != ExprKind::Attribute && !fold(value)) {
    return error("patterns may only match literals and attribute lookups");
  }
  if (!visit_expr(value)) return false;
  emit(Op::COMPARE_OP, vm::CMP_EQ);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  return true;
}

bool Compiler::pattern_singleton(Pattern* pp, PatternContext& pc) {
  std::optional<Constant> k = const_value(as<MatchSingleton>(pp)->value);
  emit_const(std::move(*k));
  emit(Op::IS_OP, 0);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  return true;
}

bool Compiler::pattern(Pattern* p, PatternContext& pc) {
  if (failed_) return false;
  set_loc(p->loc);
  switch (p->tag) {
    case PatternKind::MatchValue: return pattern_value(p, pc);
    case PatternKind::MatchSingleton: return pattern_singleton(p, pc);
    case PatternKind::MatchSequence: return pattern_sequence(p, pc);
    case PatternKind::MatchMapping: return pattern_mapping(p, pc);
    case PatternKind::MatchClass: return pattern_class(p, pc);
    case PatternKind::MatchStar: return pattern_star(p, pc);
    case PatternKind::MatchAs: return pattern_as(p, pc);
    case PatternKind::MatchOr: return pattern_or(p, pc);
  }
  return true;
}

bool Compiler::match_stmt(Match* s) {
  if (!visit_expr(s->subject)) return false;
  BasicBlock* end = new_block();
  uint32_t cases = s->cases.size();
  MatchCase* m = s->cases[cases - 1];
  uint32_t has_default = is_wildcard(m->pattern) && cases > 1;
  PatternContext pc;
  for (uint32_t i = 0; i < cases - has_default; i++) {
    m = s->cases[i];
    set_loc(m->pattern->loc);
    if (i != cases - has_default - 1) emit(Op::COPY, 1);
    pc.stores.clear();
    pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
    pc.fail_pop.clear();
    pc.on_top = 0;
    if (!pattern(m->pattern, pc)) return false;
    for (const std::string& name : pc.stores) name_op(name, ExprContext::Store);
    if (m->guard) {
      ensure_fail_pop(pc, 0);
      if (!jump_if(m->guard, pc.fail_pop[0], false)) return false;
    }
    if (i != cases - has_default - 1) emit(Op::POP_TOP);
    if (!visit_body(m->body)) return false;
    emit_jump(Op::JUMP, end);
    // A failed pattern's cleanup belongs to the pattern's line, not the body's last.
    set_loc(m->pattern->loc);
    emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    m = s->cases[cases - 1];
    set_loc(m->pattern->loc);
    if (cases == 1) emit(Op::POP_TOP);
    else emit(Op::NOP);
    if (m->guard && !jump_if(m->guard, end, false)) return false;
    if (!visit_body(m->body)) return false;
  }
  use_block(end);
  return true;
}

}  // namespace tpy::compile
