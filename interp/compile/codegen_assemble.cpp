// interp/compile/codegen_assemble.cpp -- The assembler: flow-graph optimisation, line numbers,
// stack depth, exception table, jump resolution and layout of the 16-bit code units (the
// second half of 3.11's compile.c).
#include <algorithm>

#include "interp/compile/codegen_internal.h"

namespace tpy::compile {

namespace {

constexpr int kMaxCopySize = 4;  // exit blocks this small are copied instead of jumped to

bool is_jump_op(int op) {
  return vm::op_is_jump(op) && op != int(Op::SETUP_FINALLY) && op != int(Op::SETUP_CLEANUP) &&
         op != int(Op::SETUP_WITH);
}
bool is_block_push(int op) {
  return op == int(Op::SETUP_FINALLY) || op == int(Op::SETUP_CLEANUP) ||
         op == int(Op::SETUP_WITH);
}
bool is_exit_op(int op) {
  return op == int(Op::RETURN_VALUE) || op == int(Op::RAISE_VARARGS) ||
         op == int(Op::RERAISE);
}
bool is_uncond_jump(int op) {
  return op == int(Op::JUMP) || op == int(Op::JUMP_NO_INTERRUPT) ||
         op == int(Op::JUMP_FORWARD) || op == int(Op::JUMP_BACKWARD) ||
         op == int(Op::JUMP_BACKWARD_NO_INTERRUPT);
}
bool is_exit_block(BasicBlock* b) {
  return !b->instrs.empty() && is_exit_op(b->instrs.back().op);
}
bool no_fallthrough(BasicBlock* b) {
  if (b->instrs.empty()) return false;
  int op = b->instrs.back().op;
  return is_exit_op(op) || is_uncond_jump(op);
}
bool has_fallthrough(BasicBlock* b) { return !no_fallthrough(b); }


int instr_size(const Instr& in) {
  int arg = in.arg;
  int ext = arg > 0xffffff ? 3 : arg > 0xffff ? 2 : arg > 0xff ? 1 : 0;
  return 1 + ext + vm::op_caches(in.op);
}

BasicBlock* skip_empty(BasicBlock* b) {
  while (b && b->instrs.empty() && b->next) b = b->next;
  return b;
}

}  // namespace

// The handlers active at a point of the graph, innermost last; handlers[0] is null.
struct ExceptStack {
  std::vector<BasicBlock*> handlers;
};

std::unique_ptr<CodeUnit> Compiler::assemble(bool add_none) {
  CompilerUnit& cu = *u;
  // Every path that falls off the end returns None (without a line of its own).
  if (!cur_ends_flow() || cu.cur->instrs.empty()) {
    unset_loc();
    if (add_none) emit_const(Constant::none());
    emit(Op::RETURN_VALUE);
  }
  BasicBlock* entry = cu.entry;

  // Jumps must end their blocks; empty jump targets resolve to the next non-empty block.
  auto resolve_targets = [&] {
    for (BasicBlock* b = entry; b; b = b->next) {
      for (Instr& in : b->instrs) {
        if (in.target) in.target = skip_empty(in.target);
      }
    }
  };
  resolve_targets();

  // Mark handlers (before the SETUP pseudo-instructions disappear).
  for (BasicBlock* b = entry; b; b = b->next) {
    for (Instr& in : b->instrs) {
      if (is_block_push(in.op)) in.target->except_handler = true;
    }
  }

  auto extend_block = [&](BasicBlock* b) {
    if (b->instrs.empty()) return;
    Instr& last = b->instrs.back();
    if (!is_uncond_jump(last.op)) return;
    BasicBlock* t = last.target;
    if (is_exit_block(t) && int(t->instrs.size()) <= kMaxCopySize) {
      // Only line-less exits (an implicit `return None`) are copied: copying real lines would
      // change what line tracing reports.
      for (const Instr& in : t->instrs) {
        if (in.loc.lineno >= 0) return;
      }
      last.op = int(Op::NOP);
      last.target = nullptr;
      std::vector<Instr> copy = t->instrs;
      b->instrs.insert(b->instrs.end(), copy.begin(), copy.end());
    }
  };
  for (auto& bp : cu.blocks) extend_block(bp.get());

  // -- the prologue: cells, free variables, generator creation --------------------------------
  uint32_t flags = 0;
  bool is_function = cu.ste.type == BlockType::Function;
  if (is_function) {
    flags |= CO_NEWLOCALS | CO_OPTIMIZED;
    if (cu.ste.nested) flags |= CO_NESTED;
    if (cu.ste.generator && !cu.ste.coroutine) flags |= CO_GENERATOR;
    if (!cu.ste.generator && cu.ste.coroutine) flags |= CO_COROUTINE;
    if (cu.ste.generator && cu.ste.coroutine) flags |= CO_ASYNC_GENERATOR;
    if (cu.ste.varargs) flags |= CO_VARARGS;
    if (cu.ste.varkeywords) flags |= CO_VARKEYWORDS;
  }
  flags |= opts_.flags;
  if (future_annotations_) flags |= 0x1000000;  // CO_FUTURE_ANNOTATIONS
  if (is_top_level_await() && cu.ste.coroutine && !cu.ste.generator) flags |= CO_COROUTINE;

  // localsplus layout: varnames, then cells that are not parameters/locals, then frees.
  int nlocals = int(cu.varnames.size());
  int ncells = int(cu.ste.cellvars.size());
  int nfree = int(cu.ste.freevars.size());
  std::vector<int> cell_offset(ncells + nfree);
  int numdropped = 0;
  for (int i = 0; i < ncells; i++) {
    auto it = cu.varname_index.find(cu.ste.cellvars[i]);
    if (it != cu.varname_index.end()) {
      cell_offset[i] = it->second;
      numdropped++;
    } else {
      cell_offset[i] = nlocals + i - numdropped;
    }
  }
  for (int j = 0; j < nfree; j++) cell_offset[ncells + j] = nlocals + ncells - numdropped + j;

  {
    std::vector<Instr> prefix;
    ast::Loc noloc{-1, -1, -1, -1};
    if (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
      ast::Loc l{cu.firstlineno, -1, cu.firstlineno, -1};
      prefix.push_back(Instr{int(Op::RETURN_GENERATOR), 0, nullptr, l, nullptr});
      prefix.push_back(Instr{int(Op::POP_TOP), 0, nullptr, l, nullptr});
    }
    if (ncells) {
      // MAKE_CELL in localsplus order.
      std::vector<std::pair<int, int>> order;
      for (int i = 0; i < ncells; i++) order.push_back({cell_offset[i], i});
      std::sort(order.begin(), order.end());
      std::vector<Instr> cells;
      for (auto& [off, i] : order) cells.push_back(Instr{int(Op::MAKE_CELL), i, nullptr, noloc, nullptr});
      prefix.insert(prefix.begin(), cells.begin(), cells.end());
    }
    if (nfree) {
      prefix.insert(prefix.begin(),
                    Instr{int(Op::COPY_FREE_VARS), nfree, nullptr, noloc, nullptr});
    }
    entry->instrs.insert(entry->instrs.begin(), prefix.begin(), prefix.end());
  }
  // Deref opargs (cell index, or ncells + free index) become localsplus offsets.
  for (BasicBlock* b = entry; b; b = b->next) {
    for (Instr& in : b->instrs) {
      switch (Op(in.op)) {
        case Op::MAKE_CELL: case Op::LOAD_CLOSURE: case Op::LOAD_DEREF: case Op::STORE_DEREF:
        case Op::DELETE_DEREF: case Op::LOAD_CLASSDEREF:
          in.arg = cell_offset[in.arg];
          break;
        default: break;
      }
    }
  }

  // -- optimize_cfg ---------------------------------------------------------------------------
  auto eliminate_empty_blocks = [&] {
    for (BasicBlock* b = entry; b; b = b->next) {
      BasicBlock* n = b->next;
      if (n) {
        while (n->instrs.empty() && n->next) n = n->next;
        b->next = n;
      }
    }
    resolve_targets();
  };

  auto clean_block = [&](BasicBlock* b) {
    // Remove NOPs unless they are the only carrier of a line number.
    std::vector<Instr>& v = b->instrs;
    size_t dest = 0;
    int prev_lineno = -1;
    for (size_t src = 0; src < v.size(); src++) {
      int lineno = v[src].loc.lineno;
      if (v[src].op == int(Op::NOP)) {
        if (lineno < 0) continue;
        if (prev_lineno == lineno) continue;
        if (src + 1 < v.size()) {
          int next_lineno = v[src + 1].loc.lineno;
          if (next_lineno < 0 || next_lineno == lineno) {
            v[src + 1].loc = v[src].loc;
            continue;
          }
        } else {
          BasicBlock* n = b->next;
          while (n && n->instrs.empty()) n = n->next;
          if (n && lineno == n->instrs[0].loc.lineno) continue;
        }
      }
      if (dest != src) v[dest] = v[src];
      dest++;
      prev_lineno = lineno;
    }
    v.resize(dest);
  };

  auto jump_thread = [](Instr& in, const Instr& target, int op) -> bool {
    if (in.loc.lineno == target.loc.lineno && in.target != target.target) {
      in.target = target.target;
      in.op = op;
      return true;
    }
    return false;
  };

  auto fold_tuple = [&](BasicBlock* b, size_t i, int n) {
    // LOAD_CONST x n; BUILD_TUPLE n -> LOAD_CONST (x...)
    if (int(i) < n) return;
    for (int k = 0; k < n; k++) {
      if (b->instrs[i - n + k].op != int(Op::LOAD_CONST)) return;
    }
    Constant t;
    t.kind = Constant::Kind::Tuple;
    for (int k = 0; k < n; k++) {
      Instr& ld = b->instrs[i - n + k];
      t.items.push_back(cu.consts[ld.arg].clone());
      ld.op = int(Op::NOP);
      ld.arg = 0;
    }
    b->instrs[i].op = int(Op::LOAD_CONST);
    b->instrs[i].arg = add_const(std::move(t));
  };

  // SWAP sequences: replace a run of SWAPs by the minimal permutation, and apply SWAPs
  // statically to the stores that follow when their order does not matter.
  auto swaptimize = [&](BasicBlock* b, size_t& ix) {
    Instr* ins = &b->instrs[ix];
    int depth = ins[0].arg;
    int len = 0;
    bool more = false;
    int limit = int(b->instrs.size() - ix);
    while (++len < limit) {
      int op = ins[len].op;
      if (op == int(Op::SWAP)) {
        depth = std::max(depth, ins[len].arg);
        more = true;
      } else if (op != int(Op::NOP)) {
        break;
      }
    }
    if (!more) return;  // a single SWAP is already optimal
    // Run the SWAPs on a model stack, then emit the permutation's cycles (each through
    // position 0, the only one a SWAP can reach), from the end of the run backwards.
    constexpr int kVisited = -1;
    std::vector<int> stack(depth);
    for (int k = 0; k < depth; k++) stack[k] = k;
    for (int k = 0; k < len; k++) {
      if (ins[k].op == int(Op::SWAP)) std::swap(stack[0], stack[ins[k].arg - 1]);
    }
    int current = len - 1;
    for (int k = 0; k < depth; k++) {
      if (stack[k] == kVisited || stack[k] == k) continue;
      int j = k;
      while (true) {
        if (j) {
          ins[current].op = int(Op::SWAP);
          ins[current--].arg = j + 1;
        }
        if (stack[j] == kVisited) break;
        int next_j = stack[j];
        stack[j] = kVisited;
        j = next_j;
      }
    }
    while (current >= 0) ins[current--].op = int(Op::NOP);
    ix += len - 1;
  };

  auto next_swappable = [&](BasicBlock* b, int i, int lineno) -> int {
    // The next STORE_FAST/POP_TOP on the same line that a static swap can exchange.
    while (++i < int(b->instrs.size())) {
      Instr& in = b->instrs[i];
      if (lineno >= 0 && in.loc.lineno != lineno) return -1;
      if (in.op == int(Op::NOP)) continue;
      if (in.op == int(Op::STORE_FAST) || in.op == int(Op::POP_TOP)) return i;
      return -1;
    }
    return -1;
  };
  auto apply_static_swaps = [&](BasicBlock* b, int i) {
    // SWAP k followed by k stores: swap the first and k-th stores instead.
    for (; i >= 0; i--) {
      Instr& swap = b->instrs[i];
      if (swap.op != int(Op::SWAP)) {
        if (swap.op == int(Op::NOP) || swap.op == int(Op::POP_TOP) ||
            swap.op == int(Op::STORE_FAST)) {
          continue;
        }
        return;
      }
      int j = next_swappable(b, i, -1);
      if (j < 0) return;
      int k = j, lineno = b->instrs[j].loc.lineno;
      for (int count = swap.arg - 1; count > 0; count--) {
        k = next_swappable(b, k, lineno);
        if (k < 0) return;
      }
      // Storing the same name twice: the order matters.
      if (b->instrs[j].op == int(Op::STORE_FAST) && b->instrs[k].op == int(Op::STORE_FAST) &&
          b->instrs[j].arg == b->instrs[k].arg) {
        return;
      }
      swap.op = int(Op::NOP);
      std::swap(b->instrs[j], b->instrs[k]);
    }
  };

  auto optimize_block = [&](BasicBlock* b) {
    Instr nop;
    nop.op = int(Op::NOP);
    for (size_t i = 0; i < b->instrs.size(); i++) {
      Instr* in = &b->instrs[i];
      int oparg = in->arg;
      int nextop = i + 1 < b->instrs.size() ? b->instrs[i + 1].op : 0;
      Instr* target = &nop;
      if (in->target) {
        in->target = skip_empty(in->target);
        if (!in->target->instrs.empty()) target = &in->target->instrs[0];
      }
      switch (Op(in->op)) {
        case Op::LOAD_CONST: {
          const Constant& k = cu.consts[oparg];
          switch (Op(nextop)) {
            case Op::POP_JUMP_IF_FALSE:
            case Op::POP_JUMP_IF_TRUE: {
              bool t = k.is_true();
              in->op = int(Op::NOP);
              bool jump_if_true = nextop == int(Op::POP_JUMP_IF_TRUE);
              if (t == jump_if_true) b->instrs[i + 1].op = int(Op::JUMP);
              else { b->instrs[i + 1].op = int(Op::NOP); b->instrs[i + 1].target = nullptr; }
              break;
            }
            case Op::JUMP_IF_FALSE_OR_POP:
            case Op::JUMP_IF_TRUE_OR_POP: {
              bool t = k.is_true();
              bool jump_if_true = nextop == int(Op::JUMP_IF_TRUE_OR_POP);
              if (t == jump_if_true) {
                b->instrs[i + 1].op = int(Op::JUMP);
              } else {
                in->op = int(Op::NOP);
                b->instrs[i + 1].op = int(Op::NOP);
                b->instrs[i + 1].target = nullptr;
              }
              break;
            }
            case Op::IS_OP: {
              if (k.kind != Constant::Kind::None || i + 2 >= b->instrs.size()) break;
              Instr& is_instr = b->instrs[i + 1];
              Instr& jump_instr = b->instrs[i + 2];
              if (jump_instr.op != int(Op::POP_JUMP_IF_FALSE) &&
                  jump_instr.op != int(Op::POP_JUMP_IF_TRUE)) {
                break;
              }
              bool invert = is_instr.arg;
              if (jump_instr.op == int(Op::POP_JUMP_IF_FALSE)) invert = !invert;
              in->op = int(Op::NOP);
              is_instr.op = int(Op::NOP);
              jump_instr.op = invert ? int(Op::POP_JUMP_IF_NOT_NONE) : int(Op::POP_JUMP_IF_NONE);
              break;
            }
            default: break;
          }
          break;
        }
        case Op::BUILD_TUPLE:
          if (nextop == int(Op::UNPACK_SEQUENCE) && oparg == b->instrs[i + 1].arg) {
            if (oparg == 1) {
              in->op = int(Op::NOP);
              b->instrs[i + 1].op = int(Op::NOP);
              continue;
            }
            if (oparg == 2 || oparg == 3) {
              in->op = int(Op::NOP);
              b->instrs[i + 1].op = int(Op::SWAP);
              continue;
            }
          }
          if (int(i) >= oparg) fold_tuple(b, i, oparg);
          break;
        case Op::JUMP_IF_FALSE_OR_POP:
          switch (Op(target->op)) {
            case Op::POP_JUMP_IF_FALSE:
              if (jump_thread(*in, *target, int(Op::POP_JUMP_IF_FALSE))) i--;
              break;
            case Op::JUMP:
            case Op::JUMP_IF_FALSE_OR_POP:
              if (jump_thread(*in, *target, int(Op::JUMP_IF_FALSE_OR_POP))) i--;
              break;
            case Op::JUMP_IF_TRUE_OR_POP:
            case Op::POP_JUMP_IF_TRUE:
              if (in->loc.lineno == target->loc.lineno) {
                // The second test fails whenever the first jumps: go just past it.
                BasicBlock* after = in->target->next;
                in->op = int(Op::POP_JUMP_IF_FALSE);
                in->target = after;
                i--;
              }
              break;
            default: break;
          }
          break;
        case Op::JUMP_IF_TRUE_OR_POP:
          switch (Op(target->op)) {
            case Op::POP_JUMP_IF_TRUE:
              if (jump_thread(*in, *target, int(Op::POP_JUMP_IF_TRUE))) i--;
              break;
            case Op::JUMP:
            case Op::JUMP_IF_TRUE_OR_POP:
              if (jump_thread(*in, *target, int(Op::JUMP_IF_TRUE_OR_POP))) i--;
              break;
            case Op::JUMP_IF_FALSE_OR_POP:
            case Op::POP_JUMP_IF_FALSE:
              if (in->loc.lineno == target->loc.lineno) {
                BasicBlock* after = in->target->next;
                in->op = int(Op::POP_JUMP_IF_TRUE);
                in->target = after;
                i--;
              }
              break;
            default: break;
          }
          break;
        case Op::POP_JUMP_IF_NOT_NONE:
        case Op::POP_JUMP_IF_NONE:
        case Op::POP_JUMP_IF_FALSE:
        case Op::POP_JUMP_IF_TRUE:
          if (target->op == int(Op::JUMP)) {
            if (jump_thread(*in, *target, in->op)) i--;
          }
          break;
        case Op::JUMP:
          if (target->op == int(Op::JUMP)) {
            if (jump_thread(*in, *target, int(Op::JUMP))) i--;
          }
          break;
        case Op::SWAP:
          if (oparg == 1) {
            in->op = int(Op::NOP);
            break;
          }
          swaptimize(b, i);
          apply_static_swaps(b, int(i));
          break;
        case Op::PUSH_NULL:
          if (nextop == int(Op::LOAD_GLOBAL) && (b->instrs[i + 1].arg & 1) == 0) {
            in->op = int(Op::NOP);
            in->arg = 0;
            b->instrs[i + 1].arg |= 1;
          }
          break;
        default: break;
      }
    }
  };

  for (BasicBlock* b = entry; b; b = b->next) {
    optimize_block(b);
    clean_block(b);
  }
  for (auto& bp : cu.blocks) extend_block(bp.get());

  // Reachability (and predecessor counts, used by line-number propagation).
  auto mark_reachable = [&] {
    for (auto& bp : cu.blocks) {
      bp->predecessors = 0;
      bp->visited = false;
    }
    std::vector<BasicBlock*> stack{entry};
    entry->predecessors = 1;
    while (!stack.empty()) {
      BasicBlock* b = stack.back();
      stack.pop_back();
      if (b->next && has_fallthrough(b)) {
        if (b->next->predecessors == 0) stack.push_back(b->next);
        b->next->predecessors++;
      }
      for (Instr& in : b->instrs) {
        if (in.target && (is_jump_op(in.op) || is_block_push(in.op))) {
          if (in.target->predecessors == 0) stack.push_back(in.target);
          in.target->predecessors++;
        }
      }
    }
  };
  mark_reachable();
  for (BasicBlock* b = entry; b; b = b->next) {
    if (b->predecessors == 0) b->instrs.clear();
  }
  eliminate_empty_blocks();
  for (BasicBlock* b = entry; b; b = b->next) clean_block(b);
  {
    bool maybe_empty = false;
    for (BasicBlock* b = entry; b; b = b->next) {
      if (b->instrs.empty()) continue;
      Instr& last = b->instrs.back();
      if ((last.op == int(Op::JUMP) || last.op == int(Op::JUMP_NO_INTERRUPT)) &&
          last.target == skip_empty(b->next)) {
        last.op = int(Op::NOP);
        last.target = nullptr;
        maybe_empty = true;
      }
    }
    if (maybe_empty) eliminate_empty_blocks();
  }
  mark_reachable();

  // -- line numbers ---------------------------------------------------------------------------
  auto is_exit_without_lineno = [](BasicBlock* b) {
    if (!is_exit_block(b)) return false;
    for (Instr& in : b->instrs) {
      if (in.loc.lineno >= 0) return false;
    }
    return true;
  };
  // Exit blocks without a line that several jumps reach are duplicated, one per jump.
  for (BasicBlock* b = entry; b; b = b->next) {
    if (b->instrs.empty() || !is_jump_op(b->instrs.back().op)) continue;
    BasicBlock* t = b->instrs.back().target;
    if (is_exit_without_lineno(t) && t->predecessors > 1) {
      BasicBlock* copy = new_block();
      copy->instrs = t->instrs;
      copy->instrs[0].loc = b->instrs.back().loc;
      b->instrs.back().target = copy;
      t->predecessors--;
      copy->predecessors = 1;
      copy->next = t->next;
      t->next = copy;
    }
  }
  eliminate_empty_blocks();
  for (BasicBlock* b = entry; b; b = b->next) {
    if (has_fallthrough(b) && b->next && !b->instrs.empty() && is_exit_without_lineno(b->next)) {
      b->next->instrs[0].loc = b->instrs.back().loc;
    }
  }
  // Trailing unused constants go (the first one, a function's docstring slot, always stays).
  {
    int max_index = 0;
    for (BasicBlock* b = entry; b; b = b->next) {
      for (Instr& in : b->instrs) {
        if (in.op == int(Op::LOAD_CONST) || in.op == int(Op::KW_NAMES)) {
          max_index = std::max(max_index, in.arg);
        }
      }
    }
    if (max_index + 1 < int(cu.consts.size())) cu.consts.resize(max_index + 1);
  }
  // Instructions without a line inherit their predecessor's location.
  for (BasicBlock* b = entry; b; b = b->next) {
    if (b->instrs.empty()) continue;
    ast::Loc prev{-1, -1, -1, -1};
    for (Instr& in : b->instrs) {
      if (in.loc.lineno < 0) in.loc = prev;
      else prev = in.loc;
    }
    if (has_fallthrough(b) && b->next && b->next->predecessors == 1 && !b->next->instrs.empty()) {
      if (b->next->instrs[0].loc.lineno < 0) b->next->instrs[0].loc = prev;
    }
    Instr& last = b->instrs.back();
    if (is_jump_op(last.op) && last.target->predecessors == 1 && !last.target->instrs.empty()) {
      if (last.target->instrs[0].loc.lineno < 0) last.target->instrs[0].loc = prev;
    }
  }
  // Every return has a line, even if the propagation could not give it one.
  {
    int lineno = cu.firstlineno;
    for (BasicBlock* b = entry; b; b = b->next) {
      if (b->instrs.empty()) continue;
      Instr& last = b->instrs.back();
      if (last.loc.lineno < 0) {
        if (last.op == int(Op::RETURN_VALUE)) {
          for (Instr& in : b->instrs) in.loc.lineno = lineno;
        }
      } else {
        lineno = last.loc.lineno;
      }
    }
  }

  // -- stack depth ----------------------------------------------------------------------------
  int maxdepth = 0;
  {
    for (auto& bp : cu.blocks) bp->startdepth = -1;
    std::vector<BasicBlock*> stack;
    auto push = [&](BasicBlock* b, int depth) {
      if (b->startdepth < depth && b->startdepth < 100) {
        b->startdepth = depth;
        stack.push_back(b);
      }
    };
    push(entry, (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) ? 1 : 0);
    while (!stack.empty()) {
      BasicBlock* b = stack.back();
      stack.pop_back();
      int depth = b->startdepth;
      BasicBlock* next = b->next;
      bool fell_off = true;
      for (Instr& in : b->instrs) {
        int effect = vm::stack_effect(in.op, in.arg, false);
        int new_depth = depth + effect;
        if (new_depth > maxdepth) maxdepth = new_depth;
        if (in.target && (is_jump_op(in.op) || is_block_push(in.op))) {
          int target_depth = depth + vm::stack_effect(in.op, in.arg, true);
          if (target_depth > maxdepth) maxdepth = target_depth;
          push(in.target, target_depth);
        }
        depth = new_depth;
        if (is_exit_op(in.op) || is_uncond_jump(in.op)) {
          fell_off = false;
          break;
        }
      }
      if (fell_off && next) push(next, depth);
    }
  }

  // -- exception table labels -----------------------------------------------------------------
  {
    for (auto& bp : cu.blocks) {
      bp->visited = false;
      bp->exc_stack = nullptr;
    }
    std::vector<std::unique_ptr<ExceptStack>> stacks;
    auto fresh = [&](const ExceptStack* from) {
      stacks.push_back(std::make_unique<ExceptStack>());
      if (from) *stacks.back() = *from;
      else stacks.back()->handlers.push_back(nullptr);
      return stacks.back().get();
    };
    std::vector<BasicBlock*> todo{entry};
    entry->exc_stack = fresh(nullptr);
    entry->visited = true;
    while (!todo.empty()) {
      BasicBlock* b = todo.back();
      todo.pop_back();
      ExceptStack* es = b->exc_stack;
      BasicBlock* handler = es->handlers.back();
      for (Instr& in : b->instrs) {
        if (is_block_push(in.op)) {
          if (!in.target->visited) {
            in.target->exc_stack = fresh(es);
            in.target->visited = true;
            todo.push_back(in.target);
          }
          if (in.op == int(Op::SETUP_WITH) || in.op == int(Op::SETUP_CLEANUP)) {
            in.target->preserve_lasti = true;
          }
          es->handlers.push_back(in.target);
          handler = in.target;
        } else if (in.op == int(Op::POP_BLOCK)) {
          if (es->handlers.size() > 1) es->handlers.pop_back();
          handler = es->handlers.back();
        } else if (is_jump_op(in.op)) {
          in.except = handler;
          if (!in.target->visited) {
            in.target->exc_stack = fresh(es);
            in.target->visited = true;
            todo.push_back(in.target);
          }
        } else {
          in.except = handler;
        }
      }
      if (has_fallthrough(b) && b->next && !b->next->visited) {
        b->next->exc_stack = fresh(es);
        b->next->visited = true;
        todo.push_back(b->next);
      }
    }
    for (BasicBlock* b = entry; b; b = b->next) {
      for (Instr& in : b->instrs) {
        if (is_block_push(in.op) || in.op == int(Op::POP_BLOCK)) {
          in.op = int(Op::NOP);
          in.target = nullptr;
        }
      }
    }
  }

  // (3.11 keeps handlers where the compiler put them; 3.12 moves cold blocks to the end.)
  for (BasicBlock* b = entry; b; b = b->next) clean_block(b);

  // -- jumps become directional ---------------------------------------------------------------
  for (auto& bp : cu.blocks) bp->visited = false;
  for (BasicBlock* b = entry; b; b = b->next) {
    b->visited = true;
    if (b->instrs.empty()) continue;
    Instr& last = b->instrs.back();
    if (!is_jump_op(last.op)) continue;
    last.target = skip_empty(last.target);
    bool forward = !last.target->visited;
    switch (Op(last.op)) {
      case Op::JUMP: last.op = int(forward ? Op::JUMP_FORWARD : Op::JUMP_BACKWARD); break;
      case Op::JUMP_NO_INTERRUPT:
        last.op = int(forward ? Op::JUMP_FORWARD : Op::JUMP_BACKWARD_NO_INTERRUPT);
        break;
      case Op::POP_JUMP_IF_NOT_NONE:
        last.op = int(forward ? Op::POP_JUMP_FORWARD_IF_NOT_NONE : Op::POP_JUMP_BACKWARD_IF_NOT_NONE);
        break;
      case Op::POP_JUMP_IF_NONE:
        last.op = int(forward ? Op::POP_JUMP_FORWARD_IF_NONE : Op::POP_JUMP_BACKWARD_IF_NONE);
        break;
      case Op::POP_JUMP_IF_FALSE:
        last.op = int(forward ? Op::POP_JUMP_FORWARD_IF_FALSE : Op::POP_JUMP_BACKWARD_IF_FALSE);
        break;
      case Op::POP_JUMP_IF_TRUE:
        last.op = int(forward ? Op::POP_JUMP_FORWARD_IF_TRUE : Op::POP_JUMP_BACKWARD_IF_TRUE);
        break;
      default: break;
    }
  }

  // -- offsets and jump arguments (EXTENDED_ARG may grow instructions: iterate) -----------------
  int totsize = 0;
  while (true) {
    totsize = 0;
    for (BasicBlock* b = entry; b; b = b->next) {
      b->offset = totsize;
      for (Instr& in : b->instrs) totsize += instr_size(in);
    }
    bool again = false;
    for (BasicBlock* b = entry; b; b = b->next) {
      int pos = b->offset;
      for (Instr& in : b->instrs) {
        int isize = instr_size(in);
        pos += isize;
        if (in.target && is_jump_op(in.op)) {
          int t = skip_empty(in.target)->offset;
          in.arg = t < pos ? pos - t : t - pos;
          if (instr_size(in) != isize) again = true;
        }
      }
    }
    if (!again) break;
  }

  // -- emit ---------------------------------------------------------------------------------------
  auto out = std::make_unique<CodeUnit>();
  out->code.reserve(totsize);
  out->positions.reserve(totsize);
  struct Range {
    uint32_t start;
    BasicBlock* handler;
  };
  std::vector<Range> ranges;
  for (BasicBlock* b = entry; b; b = b->next) {
    for (Instr& in : b->instrs) {
      uint32_t start = uint32_t(out->code.size());
      if (ranges.empty() || ranges.back().handler != in.except) ranges.push_back({start, in.except});
      Position pos;
      if (in.loc.lineno >= 0) {
        pos.line = in.loc.lineno;
        pos.end_line = in.loc.end_lineno;
        pos.col = in.loc.col_offset;
        pos.end_col = in.loc.end_col_offset;
      }
      int arg = in.arg;
      int ext = arg > 0xffffff ? 3 : arg > 0xffff ? 2 : arg > 0xff ? 1 : 0;
      for (int k = ext; k > 0; k--) {
        out->code.push_back(uint16_t(int(Op::EXTENDED_ARG) | (((arg >> (8 * k)) & 0xff) << 8)));
        out->positions.push_back(pos);
      }
      out->code.push_back(uint16_t(in.op | ((arg & 0xff) << 8)));
      out->positions.push_back(pos);
      for (int c = 0; c < vm::op_caches(in.op); c++) {
        out->code.push_back(0);
        out->positions.push_back(pos);
      }
    }
  }
  for (size_t r = 0; r < ranges.size(); r++) {
    if (!ranges[r].handler) continue;
    uint32_t end = r + 1 < ranges.size() ? ranges[r + 1].start : uint32_t(out->code.size());
    BasicBlock* h = skip_empty(ranges[r].handler);
    ExceptionEntry e;
    e.start = ranges[r].start;
    e.end = end;
    e.target = uint32_t(h->offset);
    int depth = h->startdepth - 1 - (h->preserve_lasti ? 1 : 0);
    e.depth = uint32_t(depth < 0 ? 0 : depth);
    e.lasti = h->preserve_lasti;
    if (e.end > e.start) out->exception_table.push_back(e);
  }

  out->name = cu.name;
  out->qualname = cu.qualname.empty() ? cu.name : cu.qualname;
  out->filename = filename_;
  out->firstlineno = cu.firstlineno;
  out->argcount = cu.argcount;
  out->posonlyargcount = cu.posonlyargcount;
  out->kwonlyargcount = cu.kwonlyargcount;
  out->flags = flags;
  out->stacksize = maxdepth;
  for (int i = 0; i < nlocals; i++) {
    out->localsplus_names.push_back(cu.varnames[i]);
    out->localsplus_kinds.push_back(CO_FAST_LOCAL);
  }
  for (int i = 0; i < ncells; i++) {
    if (cell_offset[i] < nlocals) {
      out->localsplus_kinds[cell_offset[i]] |= CO_FAST_CELL;
    } else {
      out->localsplus_names.push_back(cu.ste.cellvars[i]);
      out->localsplus_kinds.push_back(CO_FAST_CELL);
    }
  }
  for (int j = 0; j < nfree; j++) {
    out->localsplus_names.push_back(cu.ste.freevars[j]);
    out->localsplus_kinds.push_back(CO_FAST_FREE);
  }
  out->names = std::move(cu.names);
  out->consts = std::move(cu.consts);
  return out;
}

}  // namespace tpy::compile
