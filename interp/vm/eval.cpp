// interp/vm/eval.cpp -- The interpreter loop: every 3.11 instruction, computed-goto dispatch.
//
// One invocation of eval_frame runs an entry frame and every Python function it calls
// through CALL (those frames are pushed on the thread's frame stack and run in the same
// loop, as 3.11 inlines them), until the entry frame returns, yields or raises. Calls that
// go through C++ (slots, builtins calling back) re-enter eval_frame.
//
// Quickening (PEP 659): an instruction with inline caches counts down in its first cache
// unit; at zero it tries to rewrite itself into a specialised variant (opcodes.def's
// TPY_OP_SPEC rows). A specialised instruction checks its guard and, when the guard fails,
// rewrites itself back to the base instruction with a back-off count ("deoptimises").
#include <csignal>

#include "gc/barrier.h"
#include "gc/collector.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/instance.h"
#include "interp/objects/shape.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/code.h"
#include "interp/vm/coroutine_warn.h"
#include "interp/vm/eval.h"
#include "interp/vm/eval_support.h"
#include "interp/vm/import.h"
#include "interp/vm/frame.h"
#include "interp/vm/function.h"
#include "interp/vm/generator.h"
#include "interp/vm/module.h"
#include "interp/vm/opcode.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm_deps.h"
#include "interp/vm/vm_internal.h"

namespace tpy {

namespace vm {
// Set by the SIGINT handler; polled at function entry and backward jumps (the eval breaker).
volatile std::sig_atomic_t g_pending_sigint = 0;
}  // namespace vm

namespace {

using vm::Op;

constexpr uint16_t kBackoff = 53;  // executions before retrying a failed specialisation

inline uint16_t make_unit(int op, int oparg) {
  return static_cast<uint16_t>((op & 0xFF) | ((oparg & 0xFF) << 8));
}

// Rewrites the opcode of the instruction at [instr], keeping its oparg.
inline void set_opcode(uint16_t* instr, Op op) {
  *instr = static_cast<uint16_t>((*instr & 0xFF00) | static_cast<uint16_t>(op));
}

bool eval_breaker_fired() {
  // Finalizers and weakref callbacks of the last automatic collection (gc/collector.h).
  if (gc::g_finalizers_pending) gc::run_finalizers();
  if (vm::g_pending_sigint) {
    vm::g_pending_sigint = 0;
    raise_empty(exc_KeyboardInterrupt);
    return true;
  }
  return false;
}

}  // namespace

Value eval_frame(Frame* entry, bool throwflag) {
  ThreadState& t = ts();

  // The dispatch table, generated from opcodes.def: every real and specialised opcode has
  // a label op_NAME below (a missing one is a compile error).
  static void* table[256];
  if (!table[1]) {
    for (auto& p : table) p = &&op_unknown;
#define TPY_OP(name, num, kind, caches, effect) table[num] = &&op_##name;
#define TPY_OP_SPEC(name, num, family) table[num] = &&op_##name;
#include "interp/vm/opcodes.def"
  }

  if (!enter_recursive_call("")) return Value();
  entry->previous = t.frame;
  entry->is_entry = true;
  t.frame = entry;

  Frame* frame = entry;
  CodeObject* co;
  uint16_t* first_instr;
  uint16_t* next_instr;
  Value* sp;
  Value* localsplus;
  Value* stack_base;
  Value kwnames;  // set by KW_NAMES for the next CALL
  Frame* new_frame = nullptr;
  int opcode;
  int oparg;
  Value retval;

#define LOAD_FRAME_STATE()                                       \
  do {                                                           \
    co = frame->code;                                            \
    first_instr = co->code;                                      \
    next_instr = first_instr + frame->lasti + 1;                 \
    localsplus = frame->localsplus;                              \
    stack_base = localsplus + co->nlocalsplus;                   \
    sp = stack_base + frame->stacktop;                           \
  } while (0)
#define SYNC_SP() (frame->stacktop = static_cast<int32_t>(sp - stack_base))
#define DISPATCH()                                                     \
  do {                                                                 \
    frame->lasti = static_cast<int32_t>(next_instr - first_instr);     \
    uint16_t word_ = *next_instr++;                                    \
    opcode = word_ & 0xFF;                                             \
    oparg = word_ >> 8;                                                \
    goto* table[opcode];                                               \
  } while (0)
#define DISPATCH_SAME_OPARG()                                          \
  do {                                                                 \
    opcode = next_instr[-1] & 0xFF;                                    \
    goto* table[opcode];                                               \
  } while (0)
#define TARGET(name) op_##name:
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define STACK_SHRINK(n) (sp -= (n))
#define JUMPBY(n) (next_instr += (n))
#define SKIP_CACHES(op) JUMPBY(vm::op_caches(Op::op))
#define CACHE_COUNTER() (next_instr[0])
#define CACHE_ENTRY() (&co->cache[next_instr[1]])
#define THIS_INSTR() (next_instr - 1)
#define GETLOCAL(i) (localsplus[i])
#define ERROR_IF(cond) \
  do {                 \
    if (cond) goto error; \
  } while (0)
#define DEOPT(base)                                 \
  do {                                              \
    set_opcode(THIS_INSTR(), Op::base);             \
    CACHE_COUNTER() = kBackoff;                     \
    goto op_##base;                                 \
  } while (0)
#define NAME(i) tuple_at(co->names, (i))
#define CONST(i) tuple_at(co->consts, (i))

  LOAD_FRAME_STATE();
  if (throwflag) goto error;
  DISPATCH();

  // == Simple stack and local operations ===========================================================
  TARGET(NOP) DISPATCH();
  TARGET(RESUME)
  TARGET(RESUME_QUICK) {
    if (oparg == vm::RESUME_START) co->hot_calls++;
    if ((vm::g_pending_sigint || gc::g_finalizers_pending) && eval_breaker_fired()) goto error;
    DISPATCH();
  }
  TARGET(CACHE)
  op_unknown: {
    raise_format(exc_SystemError, "unknown opcode %d", opcode);
    goto error;
  }
  TARGET(POP_TOP) {
    Value v = POP();
    if (is_coroutine(v)) [[unlikely]] coroutine_dropped(v, frame, THIS_INSTR());
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(Value());
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    PUSH(CONST(oparg));
    DISPATCH();
  }
  TARGET(LOAD_CONST__LOAD_FAST) {
    set_opcode(THIS_INSTR(), Op::LOAD_CONST);
    goto op_LOAD_CONST;
  }
  TARGET(LOAD_FAST) {
    Value v = GETLOCAL(oparg);
    if (v.is_null()) {
      vm::raise_unbound_local(co, oparg);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_FAST__LOAD_CONST)
  TARGET(LOAD_FAST__LOAD_FAST) {
    set_opcode(THIS_INSTR(), Op::LOAD_FAST);
    goto op_LOAD_FAST;
  }
  TARGET(STORE_FAST) {
    GETLOCAL(oparg) = POP();
    DISPATCH();
  }
  TARGET(STORE_FAST__LOAD_FAST)
  TARGET(STORE_FAST__STORE_FAST) {
    set_opcode(THIS_INSTR(), Op::STORE_FAST);
    goto op_STORE_FAST;
  }
  TARGET(DELETE_FAST) {
    if (GETLOCAL(oparg).is_null()) {
      vm::raise_unbound_local(co, oparg);
      goto error;
    }
    GETLOCAL(oparg) = Value();
    DISPATCH();
  }
  TARGET(COPY) {
    Value v = PEEK(oparg);
    PUSH(v);
    DISPATCH();
  }
  TARGET(SWAP) {
    Value top = TOP();
    SET_TOP(PEEK(oparg));
    PEEK(oparg) = top;
    DISPATCH();
  }
  TARGET(EXTENDED_ARG)
  TARGET(EXTENDED_ARG_QUICK) {
    int prev = oparg;
    uint16_t word = *next_instr++;
    opcode = word & 0xFF;
    oparg = (prev << 8) | (word >> 8);
    frame->lasti = static_cast<int32_t>(next_instr - 1 - first_instr);
    goto* table[opcode];
  }

  // == Unary and binary operators ===================================================================
  TARGET(UNARY_POSITIVE) {
    Value r = unary_pos(TOP());
    ERROR_IF(r.is_null());
    SET_TOP(r);
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    Value v = TOP();
    Value r = v.is_int() ? int_neg(v) : unary_neg(v);
    ERROR_IF(r.is_null());
    SET_TOP(r);
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    int b = object_truthy(TOP());
    ERROR_IF(b < 0);
    SET_TOP(Bool(!b));
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    Value r = unary_invert(TOP());
    ERROR_IF(r.is_null());
    SET_TOP(r);
    DISPATCH();
  }
  TARGET(BINARY_OP) {
    if (CACHE_COUNTER() == 0) {
      Value l = SECOND(), r = TOP();
      Op spec = Op::BINARY_OP;
      if (l.is_int() && r.is_int()) {
        if (oparg == vm::NB_ADD || oparg == vm::NB_INPLACE_ADD) spec = Op::BINARY_OP_ADD_INT;
        else if (oparg == vm::NB_SUBTRACT || oparg == vm::NB_INPLACE_SUBTRACT) spec = Op::BINARY_OP_SUBTRACT_INT;
        else if (oparg == vm::NB_MULTIPLY || oparg == vm::NB_INPLACE_MULTIPLY) spec = Op::BINARY_OP_MULTIPLY_INT;
      } else if (l.is_object() && r.is_object() && type_of(l) == &float_type &&
                 type_of(r) == &float_type) {
        if (oparg == vm::NB_ADD || oparg == vm::NB_INPLACE_ADD) spec = Op::BINARY_OP_ADD_FLOAT;
        else if (oparg == vm::NB_SUBTRACT || oparg == vm::NB_INPLACE_SUBTRACT) spec = Op::BINARY_OP_SUBTRACT_FLOAT;
        else if (oparg == vm::NB_MULTIPLY || oparg == vm::NB_INPLACE_MULTIPLY) spec = Op::BINARY_OP_MULTIPLY_FLOAT;
      } else if (is_exact_str(l) && is_exact_str(r) &&
                 (oparg == vm::NB_ADD || oparg == vm::NB_INPLACE_ADD)) {
        spec = Op::BINARY_OP_ADD_UNICODE;
      }
      if (spec != Op::BINARY_OP) {
        set_opcode(THIS_INSTR(), spec);
        DISPATCH_SAME_OPARG();
      }
      CACHE_COUNTER() = kBackoff;
    } else {
      CACHE_COUNTER()--;
    }
  {
    Value r = POP();
    Value l = TOP();
    Value res;
    if (oparg == vm::NB_POWER || oparg == vm::NB_INPLACE_POWER)
      res = oparg == vm::NB_POWER ? power(l, r, None()) : binary_op(l, r, BinOp::InplacePower);
    else
      res = binary_op(l, r, static_cast<BinOp>(oparg));
    ERROR_IF(res.is_null());
    SET_TOP(res);
    SKIP_CACHES(BINARY_OP);
    DISPATCH();
  }
  }
  TARGET(BINARY_OP_ADAPTIVE) DEOPT(BINARY_OP);
#define INT_BINOP(name, fn)                                 \
  TARGET(name) {                                            \
    Value l = SECOND(), r = TOP();                          \
    if (!l.is_int() || !r.is_int()) DEOPT(BINARY_OP);       \
    Value res = fn(l, r);                                   \
    ERROR_IF(res.is_null());                                \
    STACK_SHRINK(1);                                        \
    SET_TOP(res);                                           \
    SKIP_CACHES(BINARY_OP);                                 \
    DISPATCH();                                             \
  }
  INT_BINOP(BINARY_OP_ADD_INT, int_add)
  INT_BINOP(BINARY_OP_SUBTRACT_INT, int_sub)
  INT_BINOP(BINARY_OP_MULTIPLY_INT, int_mul)
#undef INT_BINOP
#define FLOAT_BINOP(name, OPER)                                                      \
  TARGET(name) {                                                                     \
    Value l = SECOND(), r = TOP();                                                   \
    if (!l.is_object() || !r.is_object() || type_of(l) != &float_type ||             \
        type_of(r) != &float_type)                                                   \
      DEOPT(BINARY_OP);                                                              \
    Value res = float_from_double(float_as_double(l) OPER float_as_double(r));       \
    ERROR_IF(res.is_null());                                                         \
    STACK_SHRINK(1);                                                                 \
    SET_TOP(res);                                                                    \
    SKIP_CACHES(BINARY_OP);                                                          \
    DISPATCH();                                                                      \
  }
  FLOAT_BINOP(BINARY_OP_ADD_FLOAT, +)
  FLOAT_BINOP(BINARY_OP_SUBTRACT_FLOAT, -)
  FLOAT_BINOP(BINARY_OP_MULTIPLY_FLOAT, *)
#undef FLOAT_BINOP
  TARGET(BINARY_OP_ADD_UNICODE)
  TARGET(BINARY_OP_INPLACE_ADD_UNICODE) {
    Value l = SECOND(), r = TOP();
    if (!is_exact_str(l) || !is_exact_str(r)) DEOPT(BINARY_OP);
    Value res = str_concat(l, r);
    ERROR_IF(res.is_null());
    STACK_SHRINK(1);
    SET_TOP(res);
    SKIP_CACHES(BINARY_OP);
    DISPATCH();
  }

  TARGET(COMPARE_OP) {
    if (CACHE_COUNTER() == 0) {
      Value l = SECOND(), r = TOP();
      uint16_t next = next_instr[vm::op_caches(Op::COMPARE_OP)];
      int nop = next & 0xFF;
      bool fusable = nop == int(Op::POP_JUMP_FORWARD_IF_FALSE) ||
                     nop == int(Op::POP_JUMP_FORWARD_IF_TRUE) ||
                     nop == int(Op::POP_JUMP_BACKWARD_IF_FALSE) ||
                     nop == int(Op::POP_JUMP_BACKWARD_IF_TRUE);
      if (fusable && l.is_int() && r.is_int()) {
        set_opcode(THIS_INSTR(), Op::COMPARE_OP_INT_JUMP);
        DISPATCH_SAME_OPARG();
      }
      if (fusable && is_exact_str(l) && is_exact_str(r) &&
          (oparg == vm::CMP_EQ || oparg == vm::CMP_NE)) {
        set_opcode(THIS_INSTR(), Op::COMPARE_OP_STR_JUMP);
        DISPATCH_SAME_OPARG();
      }
      CACHE_COUNTER() = kBackoff;
    } else {
      CACHE_COUNTER()--;
    }
    Value r = POP();
    Value l = TOP();
    Value res = compare(l, r, static_cast<CompareOp>(oparg));
    ERROR_IF(res.is_null());
    SET_TOP(res);
    SKIP_CACHES(COMPARE_OP);
    DISPATCH();
  }
  TARGET(COMPARE_OP_ADAPTIVE)
  TARGET(COMPARE_OP_FLOAT_JUMP) DEOPT(COMPARE_OP);
  TARGET(COMPARE_OP_INT_JUMP)
  TARGET(COMPARE_OP_STR_JUMP) {
    Value l = SECOND(), r = TOP();
    bool res;
    if (opcode == int(Op::COMPARE_OP_INT_JUMP)) {
      if (!l.is_int() || !r.is_int()) DEOPT(COMPARE_OP);
      int64_t a = l.as_int(), b = r.as_int();
      switch (oparg) {
        case vm::CMP_LT: res = a < b; break;
        case vm::CMP_LE: res = a <= b; break;
        case vm::CMP_EQ: res = a == b; break;
        case vm::CMP_NE: res = a != b; break;
        case vm::CMP_GT: res = a > b; break;
        default: res = a >= b; break;
      }
    } else {
      if (!is_exact_str(l) || !is_exact_str(r)) DEOPT(COMPARE_OP);
      res = str_equal(l, r) == (oparg == vm::CMP_EQ);
    }
    STACK_SHRINK(2);
    SKIP_CACHES(COMPARE_OP);
    // The fused POP_JUMP_*_IF_TRUE/FALSE that follows.
    uint16_t word = *next_instr++;
    int jop = word & 0xFF, jarg = word >> 8;
    bool jump_if = jop == int(Op::POP_JUMP_FORWARD_IF_TRUE) || jop == int(Op::POP_JUMP_BACKWARD_IF_TRUE);
    if (res == jump_if) {
      if (jop == int(Op::POP_JUMP_FORWARD_IF_TRUE) || jop == int(Op::POP_JUMP_FORWARD_IF_FALSE))
        JUMPBY(jarg);
      else
        JUMPBY(-jarg);
    }
    DISPATCH();
  }
  TARGET(IS_OP) {
    Value r = POP();
    Value l = TOP();
    SET_TOP(Bool((l == r) != (oparg != 0)));
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    Value r = POP();
    Value l = TOP();
    int res = contains(r, l);
    ERROR_IF(res < 0);
    SET_TOP(Bool((res != 0) != (oparg != 0)));
    DISPATCH();
  }

  // == Subscripts ===================================================================================
  TARGET(BINARY_SUBSCR) {
    if (CACHE_COUNTER() == 0) {
      Value c = SECOND(), k = TOP();
      Op spec = Op::BINARY_SUBSCR;
      if (is_exact_list(c) && k.is_int()) spec = Op::BINARY_SUBSCR_LIST_INT;
      else if (is_exact_tuple(c) && k.is_int()) spec = Op::BINARY_SUBSCR_TUPLE_INT;
      else if (is_exact_dict(c)) spec = Op::BINARY_SUBSCR_DICT;
      if (spec != Op::BINARY_SUBSCR) {
        set_opcode(THIS_INSTR(), spec);
        DISPATCH_SAME_OPARG();
      }
      CACHE_COUNTER() = kBackoff;
    } else {
      CACHE_COUNTER()--;
    }
  binary_subscr_generic: {
    Value k = POP();
    Value c = TOP();
    Value r = getitem(c, k);
    ERROR_IF(r.is_null());
    SET_TOP(r);
    SKIP_CACHES(BINARY_SUBSCR);
    DISPATCH();
  }
  }
  TARGET(BINARY_SUBSCR_ADAPTIVE)
  TARGET(BINARY_SUBSCR_GETITEM) DEOPT(BINARY_SUBSCR);
  TARGET(BINARY_SUBSCR_LIST_INT) {
    Value c = SECOND(), k = TOP();
    if (!is_exact_list(c) || !k.is_int()) DEOPT(BINARY_SUBSCR);
    int64_t i = k.as_int();
    if (i < 0 || i >= list_length(c)) goto binary_subscr_generic;  // negative, or IndexError
    STACK_SHRINK(1);
    SET_TOP(list_at(c, i));
    SKIP_CACHES(BINARY_SUBSCR);
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR_TUPLE_INT) {
    Value c = SECOND(), k = TOP();
    if (!is_exact_tuple(c) || !k.is_int()) DEOPT(BINARY_SUBSCR);
    int64_t i = k.as_int();
    if (i < 0 || i >= tuple_length(c)) goto binary_subscr_generic;
    STACK_SHRINK(1);
    SET_TOP(tuple_at(c, i));
    SKIP_CACHES(BINARY_SUBSCR);
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR_DICT) {
    Value c = SECOND(), k = TOP();
    if (!is_exact_dict(c)) DEOPT(BINARY_SUBSCR);
    Value v = dict_get(c, k);
    if (v.is_null()) {
      ERROR_IF(error_occurred());
      goto binary_subscr_generic;  // KeyError with CPython's details
    }
    STACK_SHRINK(1);
    SET_TOP(v);
    SKIP_CACHES(BINARY_SUBSCR);
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    if (CACHE_COUNTER() == 0) {
      Value c = SECOND(), k = TOP();
      Op spec = Op::STORE_SUBSCR;
      if (is_exact_list(c) && k.is_int()) spec = Op::STORE_SUBSCR_LIST_INT;
      else if (is_exact_dict(c)) spec = Op::STORE_SUBSCR_DICT;
      if (spec != Op::STORE_SUBSCR) {
        set_opcode(THIS_INSTR(), spec);
        DISPATCH_SAME_OPARG();
      }
      CACHE_COUNTER() = kBackoff;
    } else {
      CACHE_COUNTER()--;
    }
  store_subscr_generic: {
    Value k = POP();
    Value c = POP();
    Value v = POP();
    ERROR_IF(setitem(c, k, v) < 0);
    SKIP_CACHES(STORE_SUBSCR);
    DISPATCH();
  }
  }
  TARGET(STORE_SUBSCR_ADAPTIVE) DEOPT(STORE_SUBSCR);
  TARGET(STORE_SUBSCR_LIST_INT) {
    Value c = SECOND(), k = TOP();
    if (!is_exact_list(c) || !k.is_int()) DEOPT(STORE_SUBSCR);
    int64_t i = k.as_int();
    if (i < 0 || i >= list_length(c)) goto store_subscr_generic;
    list_set_item(c, i, THIRD());
    STACK_SHRINK(3);
    SKIP_CACHES(STORE_SUBSCR);
    DISPATCH();
  }
  TARGET(STORE_SUBSCR_DICT) {
    Value c = SECOND(), k = TOP();
    if (!is_exact_dict(c)) DEOPT(STORE_SUBSCR);
    ERROR_IF(dict_set(c, k, THIRD()) < 0);
    STACK_SHRINK(3);
    SKIP_CACHES(STORE_SUBSCR);
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    Value k = POP();
    Value c = POP();
    ERROR_IF(delitem(c, k) < 0);
    DISPATCH();
  }

  // == Names, globals, attributes ==================================================================
  TARGET(STORE_NAME) {
    Value name = NAME(oparg);
    Value v = POP();
    if (frame->locals.is_null()) {
      raise_format(exc_SystemError, "no locals found when storing %R", name);
      goto error;
    }
    int r = is_exact_dict(frame->locals) ? dict_set(frame->locals, name, v)
                                          : setitem(frame->locals, name, v);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    Value name = NAME(oparg);
    if (frame->locals.is_null()) {
      raise_format(exc_SystemError, "no locals when deleting %R", name);
      goto error;
    }
    if (is_exact_dict(frame->locals)) {
      int r = dict_del(frame->locals, name);
      ERROR_IF(r < 0);
      if (r == 0) {
        vm::raise_name_error(name);
        goto error;
      }
    } else if (delitem(frame->locals, name) < 0) {
      if (error_matches(exc_KeyError)) {
        clear_exception();
        vm::raise_name_error(name);
      }
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    Value v = vm::load_name(frame, NAME(oparg));
    ERROR_IF(v.is_null());
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    Value v = POP();
    ERROR_IF(dict_set(frame->globals, NAME(oparg), v) < 0);
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    Value name = NAME(oparg);
    int r = dict_del(frame->globals, name);
    ERROR_IF(r < 0);
    if (r == 0) {
      vm::raise_name_error(name);
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    Value name = NAME(oparg >> 1);
    if (CACHE_COUNTER() == 0 && is_exact_dict(frame->globals) && is_exact_dict(frame->builtins)) {
      // As CPython 3.11: the caches hold an entry index guarded by keys versions, so storing
      // a new value into a global (or builtin) does not deoptimise the loads of it.
      CacheEntry* e = CACHE_ENTRY();
      int64_t ix = dict_str_entry_index(frame->globals, name);
      if (ix >= 0) {
        e->version1 = dict_keys_version(frame->globals);
        e->aux = ix;
        set_opcode(THIS_INSTR(), Op::LOAD_GLOBAL_MODULE);
      } else if (dict_get_str(frame->globals, name).is_null() &&
                 (ix = dict_str_entry_index(frame->builtins, name)) >= 0) {
        e->version1 = dict_keys_version(frame->globals);
        e->version2 = dict_keys_version(frame->builtins);
        e->aux = ix;
        set_opcode(THIS_INSTR(), Op::LOAD_GLOBAL_BUILTIN);
      } else {
        CACHE_COUNTER() = kBackoff;
      }
    }
    if (CACHE_COUNTER() > 0) CACHE_COUNTER()--;
    Value v = vm::load_global(frame, name);
    ERROR_IF(v.is_null());
    if (oparg & 1) PUSH(Value());
    PUSH(v);
    SKIP_CACHES(LOAD_GLOBAL);
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL_ADAPTIVE) DEOPT(LOAD_GLOBAL);
  TARGET(LOAD_GLOBAL_MODULE) {
    // Keys versions come from one global counter, so a match also proves the dict's identity.
    CacheEntry* e = CACHE_ENTRY();
    if (!is_exact_dict(frame->globals) || dict_keys_version(frame->globals) != e->version1)
      DEOPT(LOAD_GLOBAL);
    Value v = dict_entry_value(frame->globals, e->aux);
    if (oparg & 1) PUSH(Value());
    PUSH(v);
    SKIP_CACHES(LOAD_GLOBAL);
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL_BUILTIN) {
    CacheEntry* e = CACHE_ENTRY();
    if (!is_exact_dict(frame->globals) || dict_keys_version(frame->globals) != e->version1 ||
        !is_exact_dict(frame->builtins) || dict_keys_version(frame->builtins) != e->version2)
      DEOPT(LOAD_GLOBAL);
    Value v = dict_entry_value(frame->builtins, e->aux);
    if (oparg & 1) PUSH(Value());
    PUSH(v);
    SKIP_CACHES(LOAD_GLOBAL);
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    Value owner = TOP();
    Value name = NAME(oparg);
    if (CACHE_COUNTER() == 0) {
      if (owner.is_object() && instance_attrs(owner) &&
          type_of(owner)->slots.getattro == generic_getattr) {
        // An attribute in the instance's shape, not shadowed by a data descriptor.
        Object* o = owner.as_object();
        Type* tp = type_of(owner);
        Value shape = instance_shape(o);
        int64_t idx = shape.is_null() ? -1 : shape_lookup(shape, name);
        Value d = idx >= 0 ? type_lookup(tp, name) : Value();
        bool data_descr = !d.is_null() && type_of(d)->slots.descr_set != nullptr;
        uint32_t ver = idx >= 0 ? type_version(tp) : 0;
        if (idx >= 0 && !data_descr && ver != 0 && idx < 0xFFFF) {
          CacheEntry* e = CACHE_ENTRY();
          e->version1 = ver;
          e->version2 = shape.bits();
          e->aux = idx;
          set_opcode(THIS_INSTR(), Op::LOAD_ATTR_INSTANCE_VALUE);
          SET_TOP(instance_slots(o)[idx]);
          SKIP_CACHES(LOAD_ATTR);
          DISPATCH();
        }
      }
      if (owner.is_object() && type_of(owner) == &module_type) {
        Value d = module_dict(owner);
        Value v = dict_get_str(d, name);
        if (!v.is_null()) {
          CacheEntry* e = CACHE_ENTRY();
          e->version1 = dict_version(d);
          e->aux = static_cast<int64_t>(d.bits());
          gc::store(co, &e->value, v);
          set_opcode(THIS_INSTR(), Op::LOAD_ATTR_MODULE);
          SET_TOP(v);
          SKIP_CACHES(LOAD_ATTR);
          DISPATCH();
        }
      }
      CACHE_COUNTER() = kBackoff;
    } else {
      CACHE_COUNTER()--;
    }
    Value v = getattr(owner, name);
    ERROR_IF(v.is_null());
    SET_TOP(v);
    SKIP_CACHES(LOAD_ATTR);
    DISPATCH();
  }
  TARGET(LOAD_ATTR_MODULE) {
    Value owner = TOP();
    CacheEntry* e = CACHE_ENTRY();
    if (!owner.is_object() || type_of(owner) != &module_type ||
        static_cast<int64_t>(module_dict(owner).bits()) != e->aux ||
        dict_version(module_dict(owner)) != e->version1)
      DEOPT(LOAD_ATTR);
    SET_TOP(e->value);
    SKIP_CACHES(LOAD_ATTR);
    DISPATCH();
  }
  TARGET(LOAD_ATTR_INSTANCE_VALUE) {
    Value owner = TOP();
    CacheEntry* e = CACHE_ENTRY();
    if (!owner.is_object() || type_of(owner)->m_version != e->version1 ||
        instance_shape(owner.as_object()).bits() != e->version2)
      DEOPT(LOAD_ATTR);
    SET_TOP(instance_slots(owner.as_object())[e->aux]);
    SKIP_CACHES(LOAD_ATTR);
    DISPATCH();
  }
  TARGET(LOAD_ATTR_ADAPTIVE)
  TARGET(LOAD_ATTR_SLOT)
  TARGET(LOAD_ATTR_WITH_HINT) DEOPT(LOAD_ATTR);
  TARGET(STORE_ATTR) {
    if (CACHE_COUNTER() == 0) {
      Value owner = TOP();
      Value name = NAME(oparg);
      if (owner.is_object() && instance_attrs(owner) &&
          type_of(owner)->slots.setattro == generic_setattr) {
        // Overwriting an attribute the shape already has (no data descriptor in the way).
        Object* o = owner.as_object();
        Type* tp = type_of(owner);
        Value shape = instance_shape(o);
        int64_t idx = shape.is_null() ? -1 : shape_lookup(shape, name);
        Value d = idx >= 0 ? type_lookup(tp, name) : Value();
        bool data_descr = !d.is_null() && type_of(d)->slots.descr_set != nullptr;
        uint32_t ver = idx >= 0 ? type_version(tp) : 0;
        if (idx >= 0 && !data_descr && ver != 0) {
          CacheEntry* e = CACHE_ENTRY();
          e->version1 = ver;
          e->version2 = shape.bits();
          e->aux = idx;
          set_opcode(THIS_INSTR(), Op::STORE_ATTR_INSTANCE_VALUE);
          DISPATCH_SAME_OPARG();
        }
      }
      CACHE_COUNTER() = kBackoff;
    } else {
      CACHE_COUNTER()--;
    }
    Value owner = POP();
    Value v = POP();
    ERROR_IF(setattr(owner, NAME(oparg), v) < 0);
    SKIP_CACHES(STORE_ATTR);
    DISPATCH();
  }
  TARGET(STORE_ATTR_INSTANCE_VALUE) {
    Value owner = TOP();
    CacheEntry* e = CACHE_ENTRY();
    if (!owner.is_object() || type_of(owner)->m_version != e->version1 ||
        instance_shape(owner.as_object()).bits() != e->version2)
      DEOPT(STORE_ATTR);
    Object* o = owner.as_object();
    gc::store(instance_values_object(o), &instance_slots(o)[e->aux], SECOND());
    STACK_SHRINK(2);
    SKIP_CACHES(STORE_ATTR);
    DISPATCH();
  }
  TARGET(STORE_ATTR_ADAPTIVE)
  TARGET(STORE_ATTR_SLOT)
  TARGET(STORE_ATTR_WITH_HINT) DEOPT(STORE_ATTR);
  TARGET(DELETE_ATTR) {
    Value owner = POP();
    ERROR_IF(setattr(owner, NAME(oparg), Value()) < 0);
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    Value obj = TOP();
    Value name = NAME(oparg);
    if (CACHE_COUNTER() == 0) {
      // A method found on a type whose instances have no attributes of their own and no
      // custom __getattribute__: guard on the type and its version.
      // (With attributes: the instance's shape must not have the name; the shape pointer
      // is then part of the guard.)
      Type* tp = type_of(obj);
      if (tp->slots.getattro == generic_getattr && !is_type(obj) && !is_module(obj) &&
          tp->m_dict_offset == 0) {
        Value m = type_lookup(tp, name);
        uint32_t ver = m.is_null() ? 0 : type_version(tp);
        if (!m.is_null() && is_function(m) && ver != 0) {
          Value shape;
          bool ok = true;
          if (tp->m_attrs_offset != 0) {
            shape = instance_shape(obj.as_object());
            ok = !shape.is_null() && shape_lookup(shape, name) < 0;
          }
          if (ok) {
            CacheEntry* e = CACHE_ENTRY();
            e->version1 = ver;
            e->version2 = shape.bits();
            e->aux = reinterpret_cast<int64_t>(tp);
            gc::store(co, &e->value, m);
            set_opcode(THIS_INSTR(), tp->m_attrs_offset ? Op::LOAD_METHOD_WITH_VALUES
                                                        : Op::LOAD_METHOD_NO_DICT);
            SET_TOP(m);
            PUSH(obj);
            SKIP_CACHES(LOAD_METHOD);
            DISPATCH();
          }
        }
      }
      CACHE_COUNTER() = kBackoff;
    } else {
      CACHE_COUNTER()--;
    }
  {
    bool is_meth = false;
    Value m = lookup_method(obj, name, &is_meth);
    ERROR_IF(m.is_null());
    if (is_meth) {
      SET_TOP(m);
      PUSH(obj);
    } else {
      SET_TOP(Value());
      PUSH(m);
    }
    SKIP_CACHES(LOAD_METHOD);
    DISPATCH();
  }
  }
  TARGET(LOAD_METHOD_NO_DICT) {
    Value obj = TOP();
    CacheEntry* e = CACHE_ENTRY();
    Type* tp = type_of(obj);
    if (reinterpret_cast<int64_t>(tp) != e->aux || tp->m_version != e->version1)
      DEOPT(LOAD_METHOD);
    SET_TOP(e->value);
    PUSH(obj);
    SKIP_CACHES(LOAD_METHOD);
    DISPATCH();
  }
  TARGET(LOAD_METHOD_WITH_VALUES) {
    Value obj = TOP();
    CacheEntry* e = CACHE_ENTRY();
    Type* tp = type_of(obj);
    if (reinterpret_cast<int64_t>(tp) != e->aux || tp->m_version != e->version1 ||
        instance_shape(obj.as_object()).bits() != e->version2)
      DEOPT(LOAD_METHOD);
    SET_TOP(e->value);
    PUSH(obj);
    SKIP_CACHES(LOAD_METHOD);
    DISPATCH();
  }
  TARGET(LOAD_METHOD_ADAPTIVE)
  TARGET(LOAD_METHOD_CLASS)
  TARGET(LOAD_METHOD_MODULE)
  TARGET(LOAD_METHOD_WITH_DICT) DEOPT(LOAD_METHOD);

  // == Cells and closures ============================================================================
  TARGET(MAKE_CELL) {
    Value c = cell_new(GETLOCAL(oparg));
    ERROR_IF(c.is_null());
    GETLOCAL(oparg) = c;
    DISPATCH();
  }
  TARGET(COPY_FREE_VARS) {
    Value closure = as_function(frame->func)->closure;
    int offset = co->nlocalsplus - oparg;
    for (int i = 0; i < oparg; i++) localsplus[offset + i] = tuple_at(closure, i);
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(GETLOCAL(oparg));
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Value v = as_cell(GETLOCAL(oparg))->ref;
    if (v.is_null()) {
      vm::raise_unbound_local(co, oparg);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    Value name = tuple_at(co->localsplus_names, oparg);
    Value v;
    if (is_exact_dict(frame->locals)) {
      v = dict_get(frame->locals, name);
      ERROR_IF(v.is_null() && error_occurred());
    } else {
      v = getitem(frame->locals, name);
      if (v.is_null()) {
        if (!error_matches(exc_KeyError)) goto error;
        clear_exception();
      }
    }
    if (v.is_null()) {
      v = as_cell(GETLOCAL(oparg))->ref;
      if (v.is_null()) {
        vm::raise_unbound_local(co, oparg);
        goto error;
      }
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    Value cell = GETLOCAL(oparg);
    gc::store(cell.as_object(), &as_cell(cell)->ref, POP());
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    CellObject* c = as_cell(GETLOCAL(oparg));
    if (c->ref.is_null()) {
      vm::raise_unbound_local(co, oparg);
      goto error;
    }
    c->ref = Value();
    DISPATCH();
  }

  // == Building containers and strings ==============================================================
  TARGET(BUILD_TUPLE) {
    Value tup = tuple_from_array(sp - oparg, oparg);
    ERROR_IF(tup.is_null());
    STACK_SHRINK(oparg);
    PUSH(tup);
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    Value l = list_from_array(sp - oparg, oparg);
    ERROR_IF(l.is_null());
    STACK_SHRINK(oparg);
    PUSH(l);
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    Value tup = list_as_tuple(TOP());
    ERROR_IF(tup.is_null());
    SET_TOP(tup);
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    Value s = set_new();
    ERROR_IF(s.is_null());
    for (int i = oparg; i > 0; i--) ERROR_IF(set_add(s, PEEK(i)) < 0);
    STACK_SHRINK(oparg);
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    Value d = dict_new(oparg);
    ERROR_IF(d.is_null());
    for (int i = oparg; i > 0; i--) ERROR_IF(dict_set(d, PEEK(2 * i), PEEK(2 * i - 1)) < 0);
    STACK_SHRINK(2 * oparg);
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_CONST_KEY_MAP) {
    Value keys = TOP();
    if (!is_exact_tuple(keys) || tuple_length(keys) != oparg) {
      raise_error(exc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
      goto error;
    }
    Value d = dict_new(oparg);
    ERROR_IF(d.is_null());
    for (int i = 0; i < oparg; i++)
      ERROR_IF(dict_set(d, tuple_at(keys, i), PEEK(oparg + 1 - i)) < 0);
    STACK_SHRINK(oparg + 1);
    PUSH(d);
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    Value v = POP();
    ERROR_IF(list_append(PEEK(oparg), v) < 0);
    DISPATCH();
  }
  TARGET(SET_ADD) {
    Value v = POP();
    ERROR_IF(set_add(PEEK(oparg), v) < 0);
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    Value v = POP();
    Value k = POP();
    ERROR_IF(dict_set(PEEK(oparg), k, v) < 0);
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    Value it = POP();
    ERROR_IF(!vm::list_extend_star(PEEK(oparg), it));
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    Value it = POP();
    ERROR_IF(set_update(PEEK(oparg), it) < 0);
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    Value u = POP();
    ERROR_IF(!vm::dict_update_mapping(PEEK(oparg), u));
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    Value u = POP();
    ERROR_IF(!vm::dict_merge_kwargs(PEEK(2 + oparg), PEEK(oparg), u));
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    Value step = oparg == 3 ? POP() : None();
    Value stop = POP();
    Value start = TOP();
    Value s = slice_new(start, stop, step);
    ERROR_IF(s.is_null());
    SET_TOP(s);
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    Value spec = (oparg & vm::FVS_HAVE_SPEC) ? POP() : Value();
    Value v = vm::format_value(TOP(), oparg & vm::FVC_MASK, spec);
    ERROR_IF(v.is_null());
    SET_TOP(v);
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    Value parts = tuple_from_array(sp - oparg, oparg);
    ERROR_IF(parts.is_null());
    Value s = str_join(str_empty(), parts);
    ERROR_IF(s.is_null());
    STACK_SHRINK(oparg);
    PUSH(s);
    DISPATCH();
  }

  // == Unpacking ======================================================================================
  TARGET(UNPACK_SEQUENCE) {
    if (CACHE_COUNTER() == 0) {
      Value seq = TOP();
      Op spec = Op::UNPACK_SEQUENCE;
      if (is_exact_tuple(seq) && tuple_length(seq) == oparg)
        spec = oparg == 2 ? Op::UNPACK_SEQUENCE_TWO_TUPLE : Op::UNPACK_SEQUENCE_TUPLE;
      else if (is_exact_list(seq) && list_length(seq) == oparg)
        spec = Op::UNPACK_SEQUENCE_LIST;
      if (spec != Op::UNPACK_SEQUENCE) {
        set_opcode(THIS_INSTR(), spec);
        DISPATCH_SAME_OPARG();
      }
      CACHE_COUNTER() = kBackoff;
    } else {
      CACHE_COUNTER()--;
    }
    Value seq = POP();
    // Items are pushed so that the first ends on top.
    ERROR_IF(!vm::unpack_iterable(seq, oparg, false, 0, sp));
    for (int i = 0, j = oparg - 1; i < j; i++, j--) {
      Value tmp = sp[i];
      sp[i] = sp[j];
      sp[j] = tmp;
    }
    sp += oparg;
    SKIP_CACHES(UNPACK_SEQUENCE);
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE_ADAPTIVE) DEOPT(UNPACK_SEQUENCE);
  TARGET(UNPACK_SEQUENCE_TWO_TUPLE)
  TARGET(UNPACK_SEQUENCE_TUPLE) {
    Value seq = TOP();
    if (!is_exact_tuple(seq) || tuple_length(seq) != oparg) DEOPT(UNPACK_SEQUENCE);
    STACK_SHRINK(1);
    for (int i = oparg - 1; i >= 0; i--) PUSH(tuple_at(seq, i));
    SKIP_CACHES(UNPACK_SEQUENCE);
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE_LIST) {
    Value seq = TOP();
    if (!is_exact_list(seq) || list_length(seq) != oparg) DEOPT(UNPACK_SEQUENCE);
    STACK_SHRINK(1);
    for (int i = oparg - 1; i >= 0; i--) PUSH(list_at(seq, i));
    SKIP_CACHES(UNPACK_SEQUENCE);
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    int before = oparg & 0xFF, after = oparg >> 8;
    int total = before + 1 + after;
    Value seq = POP();
    ERROR_IF(!vm::unpack_iterable(seq, before, true, after, sp));
    for (int i = 0, j = total - 1; i < j; i++, j--) {
      Value tmp = sp[i];
      sp[i] = sp[j];
      sp[j] = tmp;
    }
    sp += total;
    DISPATCH();
  }

  // == Jumps and loops =================================================================================
  TARGET(JUMP_FORWARD) {
    JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD)
  TARGET(JUMP_BACKWARD_QUICK) {
    JUMPBY(-oparg);
    co->hot[next_instr - first_instr]++;
    if ((vm::g_pending_sigint || gc::g_finalizers_pending) && eval_breaker_fired()) goto error;
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
    JUMPBY(-oparg);
    DISPATCH();
  }
#define POP_JUMP_IF(name, delta, cond_true)                \
  TARGET(name) {                                           \
    Value v = POP();                                       \
    int b;                                                 \
    if (v == True()) b = 1;                                \
    else if (v == False()) b = 0;                          \
    else {                                                 \
      b = object_truthy(v);                                \
      ERROR_IF(b < 0);                                     \
    }                                                      \
    if (b == (cond_true)) JUMPBY(delta);                   \
    DISPATCH();                                            \
  }
  POP_JUMP_IF(POP_JUMP_FORWARD_IF_FALSE, oparg, 0)
  POP_JUMP_IF(POP_JUMP_FORWARD_IF_TRUE, oparg, 1)
  POP_JUMP_IF(POP_JUMP_BACKWARD_IF_FALSE, -oparg, 0)
  POP_JUMP_IF(POP_JUMP_BACKWARD_IF_TRUE, -oparg, 1)
#undef POP_JUMP_IF
  TARGET(POP_JUMP_FORWARD_IF_NONE) {
    if (is_none(POP())) JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(POP_JUMP_FORWARD_IF_NOT_NONE) {
    if (!is_none(POP())) JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(POP_JUMP_BACKWARD_IF_NONE) {
    if (is_none(POP())) JUMPBY(-oparg);
    DISPATCH();
  }
  TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE) {
    if (!is_none(POP())) JUMPBY(-oparg);
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP)
  TARGET(JUMP_IF_TRUE_OR_POP) {
    int b = object_truthy(TOP());
    ERROR_IF(b < 0);
    if (b == (opcode == int(Op::JUMP_IF_TRUE_OR_POP))) JUMPBY(oparg);
    else (void)POP();
    DISPATCH();
  }
  TARGET(GET_ITER) {
    Value it = get_iter(TOP());
    ERROR_IF(it.is_null());
    SET_TOP(it);
    DISPATCH();
  }
  TARGET(GET_YIELD_FROM_ITER) {
    Value v = TOP();
    if (is_coroutine(v)) {
      if (!(co->flags & (kCoCoroutine | kCoIterableCoroutine))) {
        raise_error(exc_TypeError,
                    "cannot 'yield from' a coroutine object in a non-coroutine generator");
        goto error;
      }
    } else if (!is_generator(v)) {
      Value it = get_iter(v);
      ERROR_IF(it.is_null());
      SET_TOP(it);
    }
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    Value it = TOP();
    Value v = iter_next(it);
    if (!v.is_null()) {
      PUSH(v);
      DISPATCH();
    }
    if (error_occurred()) {
      if (!error_matches(exc_StopIteration)) goto error;
      clear_exception();
    }
    (void)POP();
    JUMPBY(oparg);
    DISPATCH();
  }

  // == Functions and calls ============================================================================
  TARGET(MAKE_FUNCTION) {
    Value code = POP();
    Value f = function_new(code, frame->globals);
    ERROR_IF(f.is_null());
    FunctionObject* fo = as_function(f);
    if (oparg & vm::MF_CLOSURE) gc::store(fo, &fo->closure, POP());
    if (oparg & vm::MF_ANNOTATIONS) gc::store(fo, &fo->annotations, POP());
    if (oparg & vm::MF_KWDEFAULTS) gc::store(fo, &fo->kwdefaults, POP());
    if (oparg & vm::MF_DEFAULTS) gc::store(fo, &fo->defaults, POP());
    PUSH(f);
    DISPATCH();
  }
  TARGET(KW_NAMES) {
    kwnames = CONST(oparg);
    DISPATCH();
  }
  TARGET(PRECALL) {
    // A bound method called as a plain callable becomes a method call (self unpacked).
    bool is_meth = !PEEK(oparg + 2).is_null();
    if (!is_meth && is_method(PEEK(oparg + 1))) {
      MethodObject* m = as_method(PEEK(oparg + 1));
      PEEK(oparg + 1) = m->self;
      PEEK(oparg + 2) = m->func;
    }
    SKIP_CACHES(PRECALL);
    DISPATCH();
  }
  TARGET(PRECALL_ADAPTIVE)
  TARGET(PRECALL_BOUND_METHOD)
  TARGET(PRECALL_BUILTIN_CLASS)
  TARGET(PRECALL_BUILTIN_FAST_WITH_KEYWORDS)
  TARGET(PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS)
  TARGET(PRECALL_NO_KW_BUILTIN_FAST)
  TARGET(PRECALL_NO_KW_BUILTIN_O)
  TARGET(PRECALL_NO_KW_ISINSTANCE)
  TARGET(PRECALL_NO_KW_LEN)
  TARGET(PRECALL_NO_KW_LIST_APPEND)
  TARGET(PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST)
  TARGET(PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS)
  TARGET(PRECALL_NO_KW_METHOD_DESCRIPTOR_O)
  TARGET(PRECALL_NO_KW_STR_1)
  TARGET(PRECALL_NO_KW_TUPLE_1)
  TARGET(PRECALL_NO_KW_TYPE_1)
  TARGET(PRECALL_PYFUNC) DEOPT(PRECALL);
  TARGET(CALL) {
    bool is_meth = !PEEK(oparg + 2).is_null();
    int total = oparg + is_meth;
    Value callable = is_meth ? PEEK(oparg + 2) : PEEK(oparg + 1);
    Value* args = sp - total;
    int nkw = kwnames.is_null() ? 0 : static_cast<int>(tuple_length(kwnames));
    int npos = total - nkw;
    if (CACHE_COUNTER() == 0) {
      if (is_function(callable) && kwnames.is_null()) {
        FunctionObject* fn = as_function(callable);
        CodeObject* fco = as_code(fn->code);
        int ndefaults = fn->defaults.is_null() ? 0 : static_cast<int>(tuple_length(fn->defaults));
        if (fn->version != 0 && fco->kwonlyargcount == 0 &&
            !(fco->flags & (kCoVarargs | kCoVarkeywords))) {
          if (fco->argcount == npos) {
            CACHE_ENTRY()->aux = fn->version;
            set_opcode(THIS_INSTR(), Op::CALL_PY_EXACT_ARGS);
            DISPATCH_SAME_OPARG();
          }
          if (npos < fco->argcount && fco->argcount - npos <= ndefaults) {
            CACHE_ENTRY()->aux = fn->version;
            set_opcode(THIS_INSTR(), Op::CALL_PY_WITH_DEFAULTS);
            DISPATCH_SAME_OPARG();
          }
        }
      }
      CACHE_COUNTER() = kBackoff;
    } else {
      CACHE_COUNTER()--;
    }
    if (is_function(callable)) {
      // Python to Python: a new frame in this same loop.
      CodeObject* fco = as_code(as_function(callable)->code);
      Frame* nf = frame_push(fco);
      ERROR_IF(nf == nullptr);
      FunctionObject* fn = as_function(callable);
      frame_init(nf, fco, callable, fn->globals, fn->builtins, Value());
      if (!vm::bind_arguments(nf, callable, args, static_cast<size_t>(npos), kwnames)) {
        frame_pop(nf);
        kwnames = Value();
        goto error;
      }
      kwnames = Value();
      STACK_SHRINK(oparg + 2);
      SKIP_CACHES(CALL);
      frame->lasti = static_cast<int32_t>(next_instr - first_instr - 1);
      SYNC_SP();
      new_frame = nf;
      goto push_python_frame;
    }
    {
      SYNC_SP();
      Value res = call(callable, args, static_cast<size_t>(npos), kwnames);
      kwnames = Value();
      ERROR_IF(res.is_null());
      STACK_SHRINK(oparg + 2);
      PUSH(res);
      SKIP_CACHES(CALL);
      DISPATCH();
    }
  }
  TARGET(CALL_ADAPTIVE) DEOPT(CALL);
  TARGET(CALL_PY_WITH_DEFAULTS)
  TARGET(CALL_PY_EXACT_ARGS) {
    // The function version pins code and defaults; the argument count can still change at
    // one site (a bound method one time, the plain function the next).
    bool is_meth = !PEEK(oparg + 2).is_null();
    int total = oparg + is_meth;
    Value callable = is_meth ? PEEK(oparg + 2) : PEEK(oparg + 1);
    if (!kwnames.is_null() || !is_function(callable) ||
        as_function(callable)->version != static_cast<uint32_t>(CACHE_ENTRY()->aux))
      DEOPT(CALL);
    FunctionObject* fn = as_function(callable);
    CodeObject* fco = as_code(fn->code);
    int argcount = fco->argcount;
    int ndefaults = fn->defaults.is_null() ? 0 : static_cast<int>(tuple_length(fn->defaults));
    if (total > argcount || argcount - total > ndefaults) DEOPT(CALL);
    Frame* nf = frame_push(fco);
    ERROR_IF(nf == nullptr);
    frame_init(nf, fco, callable, fn->globals, fn->builtins, Value());
    Value* args = sp - total;
    for (int i = 0; i < total; i++) nf->localsplus[i] = args[i];
    for (int i = total; i < argcount; i++)
      nf->localsplus[i] = tuple_at(fn->defaults, ndefaults - (argcount - i));
    STACK_SHRINK(oparg + 2);
    SKIP_CACHES(CALL);
    frame->lasti = static_cast<int32_t>(next_instr - first_instr - 1);
    SYNC_SP();
    new_frame = nf;
      goto push_python_frame;
  }
  TARGET(CALL_FUNCTION_EX) {
    Value kwargs = (oparg & 1) ? POP() : Value();
    Value cargs = POP();
    Value func = TOP();
    if (!is_exact_tuple(cargs)) {
      cargs = vm::call_args_to_tuple(func, cargs);
      ERROR_IF(cargs.is_null());
    }
    if (!kwargs.is_null() && !is_exact_dict(kwargs)) {
      Value d = dict_new();
      ERROR_IF(d.is_null());
      ERROR_IF(!vm::dict_merge_kwargs(func, d, kwargs));
      kwargs = d;
    }
    SYNC_SP();
    Value res = call_tuple_dict(func, cargs, kwargs);
    ERROR_IF(res.is_null());
    STACK_SHRINK(1);  // the NULL below the function
    SET_TOP(res);
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    retval = POP();
    SYNC_SP();
    goto return_from_frame;
  }
  TARGET(RETURN_GENERATOR) {
    SYNC_SP();
    Value gen = generator_from_frame(frame);
    ERROR_IF(gen.is_null());
    retval = gen;
    goto return_from_frame;
  }
  TARGET(YIELD_VALUE) {
    retval = POP();
    SYNC_SP();
    // Generator frames always run as entry frames (gen_send_ex calls eval_frame).
    t.frame = frame->previous;
    leave_recursive_call();
    return retval;
  }
  TARGET(ASYNC_GEN_WRAP) {
    Value w = async_gen_wrap_value(TOP());
    ERROR_IF(w.is_null());
    SET_TOP(w);
    DISPATCH();
  }
  TARGET(SEND) {
    Value v = POP();
    Value receiver = TOP();
    Value res;
    SYNC_SP();
    SendResult st;
    if (is_generator(receiver) || is_coroutine(receiver)) {
      st = gen_send_ex(receiver, v, &res);
    } else {
      Type* rt = type_of(receiver);
      if (is_none(v) && rt->slots.iternext && !rt->is_heap()) {
        res = rt->slots.iternext(receiver);
      } else if (is_none(v) && rt->slots.iternext) {
        // A class's __next__ directly: its slot function swallows StopIteration, and the
        // exception's value is the result of `yield from`.
        static StrConst k_next("__next__");
        res = call_method(receiver, k_next.get(), nullptr, 0);
      } else {
        static StrConst k_send("send");
        res = call_method(receiver, k_send.get(), &v, 1);
      }
      if (!res.is_null()) {
        st = SendResult::Next;
      } else if (!error_occurred()) {
        st = SendResult::Return;
        res = None();
      } else if (error_matches(exc_StopIteration)) {
        Value exc = fetch_exception();
        Value val = static_cast<StopIterationObject*>(exc.as_object())->value;
        res = val.is_null() ? None() : val;
        st = SendResult::Return;
      } else {
        st = SendResult::Error;
      }
    }
    if (st == SendResult::Error) goto error;
    if (st == SendResult::Return) {
      SET_TOP(res);
      JUMPBY(oparg);
      DISPATCH();
    }
    PUSH(res);
    DISPATCH();
  }
  TARGET(GET_AWAITABLE) {
    Value it = vm::get_awaitable_iter(TOP());
    if (it.is_null()) {
      if (oparg == 1 || oparg == 2) {
        if (error_matches(exc_TypeError)) {
          Value obj = TOP();
          clear_exception();
          raise_format(exc_TypeError,
                       "'async with' received an object from %s that does not implement "
                       "__await__: %.100s",
                       oparg == 1 ? "__aenter__" : "__aexit__", type_of(obj)->c_name());
        }
      }
      goto error;
    }
    if (is_coroutine(it)) {
      GenObject* g = as_gen(it);
      if (g->state != GenState::Completed && g->state != GenState::Created) {
        Frame* gf = g->frame();
        // A coroutine suspended inside an await (its SEND's receiver is on the stack).
        if (gf->lasti >= 0 && (gf->code->code[gf->lasti] & 0xFF) == int(Op::YIELD_VALUE) &&
            gf->stacktop > 0) {
          raise_error(exc_RuntimeError, "coroutine is being awaited already");
          goto error;
        }
      }
    }
    SET_TOP(it);
    DISPATCH();
  }
  TARGET(GET_AITER) {
    Value obj = TOP();
    UnaryFn f = type_of(obj)->slots.am_aiter;
    if (!f) {
      raise_format(exc_TypeError, "'async for' requires an object with __aiter__ method, got %.100s",
                   type_of(obj)->c_name());
      goto error;
    }
    Value it = f(obj);
    ERROR_IF(it.is_null());
    if (!type_of(it)->slots.am_anext) {
      raise_format(exc_TypeError,
                   "'async for' received an object from __aiter__ that does not implement "
                   "__anext__: %.100s",
                   type_of(it)->c_name());
      goto error;
    }
    SET_TOP(it);
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    Value aiter = TOP();
    UnaryFn f = type_of(aiter)->slots.am_anext;
    if (!f) {
      raise_format(exc_TypeError, "'async for' requires an iterator with __anext__ method, got %.100s",
                   type_of(aiter)->c_name());
      goto error;
    }
    Value next = f(aiter);
    ERROR_IF(next.is_null());
    Value awaitable = next;
    if (!is_async_generator(aiter)) {
      awaitable = vm::get_awaitable_iter(next);
      if (awaitable.is_null()) {
        if (error_matches(exc_TypeError)) {
          clear_exception();
          raise_format(exc_TypeError, "'async for' received an invalid object from __anext__: %.100s",
                       type_of(next)->c_name());
        }
        goto error;
      }
    }
    PUSH(awaitable);
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    Value exc = POP();
    if (is_instance_of(exc, exc_StopAsyncIteration)) {
      (void)POP();  // the async iterator
      DISPATCH();
    }
    set_exception(exc);
    goto exception_unwind;
  }
  TARGET(BEFORE_WITH)
  TARGET(BEFORE_ASYNC_WITH) {
    Value mgr = TOP();
    Value exit;
    SYNC_SP();
    Value res = vm::before_with(mgr, &exit, opcode == int(Op::BEFORE_ASYNC_WITH));
    ERROR_IF(res.is_null());
    SET_TOP(exit);
    PUSH(res);
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    // exit_func lasti prev_exc val
    Value exit_func = PEEK(4);
    Value val = TOP();
    Value tb = exception_traceback(val);
    Value cargs[3] = {Value::from_object(type_of(val)), val, tb.is_null() ? None() : tb};
    SYNC_SP();
    Value res = call(exit_func, cargs, 3);
    ERROR_IF(res.is_null());
    PUSH(res);
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    Value bc = vm::load_build_class(frame);
    ERROR_IF(bc.is_null());
    PUSH(bc);
    DISPATCH();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(Value::from_object(exc_AssertionError));
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    ERROR_IF(!vm::setup_annotations(frame));
    DISPATCH();
  }
  TARGET(PRINT_EXPR) {
    Value v = POP();
    ERROR_IF(!vm::print_expr(v));
    DISPATCH();
  }
  TARGET(IMPORT_NAME) {
    Value fromlist = POP();
    Value level = TOP();
    SYNC_SP();
    Value m = vm::import_name(frame, NAME(oparg), fromlist, level);
    ERROR_IF(m.is_null());
    SET_TOP(m);
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    Value v = import_from(TOP(), NAME(oparg));  // interp/vm/import.h
    ERROR_IF(v.is_null());
    PUSH(v);
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    Value m = POP();
    SYNC_SP();
    ERROR_IF(!vm::import_star(frame, m));
    DISPATCH();
  }

  // == Pattern matching ===============================================================================
  TARGET(GET_LEN) {
    int64_t n = object_length(TOP());
    ERROR_IF(n < 0);
    PUSH(int_from_i64(n));
    DISPATCH();
  }
  TARGET(MATCH_MAPPING) {
    Value r = Bool(type_of(TOP())->has_flag(kTypeMapping));
    PUSH(r);
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    Value r = Bool(type_of(TOP())->has_flag(kTypeSequence));
    PUSH(r);
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    Value r = vm::match_keys(SECOND(), TOP());
    ERROR_IF(r.is_null());
    PUSH(r);
    DISPATCH();
  }
  TARGET(MATCH_CLASS) {
    Value names = POP();
    Value type = POP();
    Value subject = TOP();
    Value attrs = vm::match_class(subject, type, oparg, names);
    if (attrs.is_null()) {
      ERROR_IF(error_occurred());
      attrs = None();
    }
    SET_TOP(attrs);
    DISPATCH();
  }

  // == Exceptions =======================================================================================
  TARGET(RAISE_VARARGS) {
    Value cause, exc;
    if (oparg == 2) cause = POP();
    if (oparg >= 1) exc = POP();
    bool reraise = false;
    vm::do_raise(exc, cause, &reraise);
    if (reraise) goto exception_unwind;
    goto error;
  }
  TARGET(RERAISE) {
    Value exc = POP();
    if (oparg) {
      Value lasti = PEEK(oparg);
      if (lasti.is_int()) frame->lasti = static_cast<int32_t>(lasti.as_int());
    }
    set_exception(exc);
    goto exception_unwind;
  }
  TARGET(PUSH_EXC_INFO) {
    Value v = TOP();
    SET_TOP(t.handled_exception.is_null() ? None() : t.handled_exception);
    PUSH(v);
    t.handled_exception = v;
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    Value v = POP();
    t.handled_exception = is_none(v) ? Value() : v;
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    Value right = TOP();
    Value left = SECOND();
    ERROR_IF(!vm::check_except_type_valid(right));
    int r = exception_matches(left, right);
    ERROR_IF(r < 0);
    SET_TOP(Bool(r != 0));
    DISPATCH();
  }
  TARGET(CHECK_EG_MATCH) {
    Value type = POP();
    Value eg = TOP();
    ERROR_IF(!vm::check_except_star_type_valid(type));
    Value match, rest;
    ERROR_IF(!vm::exception_group_match(eg, type, &match, &rest));
    if (is_none(match)) {
      PUSH(match);
      DISPATCH();
    }
    SET_TOP(rest);
    PUSH(match);
    t.handled_exception = match;
    DISPATCH();
  }
  TARGET(PREP_RERAISE_STAR) {
    Value excs = POP();
    Value orig = TOP();
    Value r = vm::prep_reraise_star(orig, excs);
    ERROR_IF(r.is_null());
    SET_TOP(r);
    DISPATCH();
  }

  // == Frame transitions ===============================================================================
push_python_frame: {
    new_frame->previous = frame;
    if (++t.recursion_depth > t.recursion_limit) {
      t.recursion_depth--;
      frame_pop(new_frame);
      raise_error(exc_RecursionError, "maximum recursion depth exceeded");
      goto error;
    }
    t.frame = new_frame;
    frame = new_frame;
    LOAD_FRAME_STATE();
    DISPATCH();
  }

return_from_frame: {
    if (frame->is_entry) {
      t.frame = frame->previous;
      if (frame->owner == FrameOwner::Thread) frame_detach(frame);
      leave_recursive_call();
      return retval;
    }
    Frame* caller = frame->previous;
    t.frame = caller;
    t.recursion_depth--;
    frame_pop(frame);
    frame = caller;
    LOAD_FRAME_STATE();
    PUSH(retval);
    DISPATCH();
  }

error: {
    // Add this frame to the traceback, then look for a handler. An exception raised here
    // for the first time gets the handled exception as its __context__.
    SYNC_SP();
    Value exc = pending_exception();
    if (!exc.is_null() && exception_context(exc).is_null() && exception_traceback(exc).is_null())
      vm::chain_context(exc);
    traceback_here(frame);
  }
exception_unwind: {
    // The handler is looked up at the instruction that raised (RERAISE may have changed
    // lasti, which only tracebacks and the pushed lasti see), as 3.11's INSTR_OFFSET() - 1.
    const ExceptionEntry* h =
        code_find_handler(co, static_cast<int>(next_instr - first_instr) - 1);
    if (!h) {
      // No handler: the frame is finished; pop it and continue in the caller.
      sp = stack_base;
      SYNC_SP();
      if (frame->is_entry) {
        t.frame = frame->previous;
        if (frame->owner == FrameOwner::Thread) frame_detach(frame);
        leave_recursive_call();
        return Value();
      }
      Frame* caller = frame->previous;
      t.frame = caller;
      t.recursion_depth--;
      frame_pop(frame);
      frame = caller;
      LOAD_FRAME_STATE();
      goto error;
    }
    sp = stack_base + h->depth;
    if (h->lasti) PUSH(Value::from_int(frame->lasti));
    Value exc = fetch_exception();
    PUSH(exc);
    next_instr = first_instr + h->target;
    DISPATCH();
  }
}

}  // namespace tpy
