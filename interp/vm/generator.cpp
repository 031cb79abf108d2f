// interp/vm/generator.cpp -- Generators, coroutines, async generators and their helper objects.
#include "interp/vm/generator.h"

#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/coroutine_warn.h"
#include "interp/vm/eval.h"
#include "interp/vm/function.h"
#include "interp/vm/opcode.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm_internal.h"

namespace tpy {

constinit Type generator_type{&type_type, "generator", sizeof(GenObject), 0};
constinit Type coroutine_type{&type_type, "coroutine", sizeof(GenObject), 0};
constinit Type async_generator_type{&type_type, "async_generator", sizeof(GenObject), 0};
constinit Type coroutine_wrapper_type{&type_type, "coroutine_wrapper", 32, 0};
constinit Type async_gen_asend_type{&type_type, "async_generator_asend", 48, 0};
constinit Type async_gen_athrow_type{&type_type, "async_generator_athrow", 48, 0};
constinit Type async_gen_wrapped_value_type{&type_type, "async_generator_wrapped_value", 32, 0};

namespace {

using vm::Op;

struct CoroWrapper : Object {
  Value coro;
};
enum class AwaitableState : uint8_t { Init, Iter, Closed };
struct AsendObject : Object {
  Value gen;
  Value sendval;
  AwaitableState state;
};
struct AthrowObject : Object {
  Value gen;
  Value args;  // tuple (typ, val, tb) or null for aclose()
  AwaitableState state;
};
struct WrappedValue : Object {
  Value value;
};


const char* kind_word(GenObject* g) {
  if (g->type() == &coroutine_type) return "coroutine";
  if (g->type() == &async_generator_type) return "async generator";
  return "generator";
}

// The object a suspended `yield from` / `await` delegates to (_PyGen_yf): the top of the
// frame's stack when the next instruction is RESUME 2 or 3.
Value gen_yieldfrom(GenObject* g) {
  if (g->state != GenState::Suspended) return Value();
  Frame* f = g->frame();
  uint16_t next = f->code->code[f->lasti + 1];
  if ((next & 0xFF) != int(Op::RESUME) || (next >> 8) < 2) return Value();
  if (f->stacktop <= 0) return Value();
  return f->stack_base()[f->stacktop - 1];
}

void gen_finish(GenObject* g) {
  g->state = GenState::Completed;
  Frame* f = g->frame();
  frame_detach(f);
  // Drop the references the finished frame held.
  for (int i = 0; i < f->code->nlocalsplus + f->stacktop; i++) f->localsplus[i] = Value();
  f->stacktop = 0;
}

}  // namespace

Value generator_from_frame(Frame* f) {
  CodeObject* co = f->code;
  Type* t = (co->flags & kCoCoroutine)        ? &coroutine_type
            : (co->flags & kCoAsyncGenerator) ? &async_generator_type
                                              : &generator_type;
  size_t fsize = frame_size(co);
  auto* g = static_cast<GenObject*>(gc::alloc(sizeof(GenObject) + fsize, t));
  if (!g) return raise_no_memory();
  Frame* gf = g->frame();
  std::memcpy(static_cast<void*>(gf), f, fsize);
  gc::write_barrier_all(g);
  gf->owner = FrameOwner::Generator;
  gf->previous = nullptr;
  gf->is_entry = false;
  gf->generator = Value::from_object(g);
  if (!f->frame_obj.is_null()) {
    as_frame_object(f->frame_obj)->frame = gf;
    f->frame_obj = Value();
  }
  Value name = co->name, qualname = co->qualname;
  if (!f->func.is_null()) {
    name = as_function(f->func)->name;
    qualname = as_function(f->func)->qualname;
  }
  gc::store(g, &g->name, name);
  gc::store(g, &g->qualname, qualname);
  g->state = GenState::Created;
  if (t == &coroutine_type) coroutine_created(Value::from_object(g));
  return Value::from_object(g);
}

SendResult gen_send_ex(Value gen, Value arg, Value* result, bool throwing) {
  GenObject* g = as_gen(gen);
  Frame* f = g->frame();
  *result = Value();
  if (g->state == GenState::Running) {
    raise_format(exc_ValueError, "%s already executing", kind_word(g));
    return SendResult::Error;
  }
  if (g->state == GenState::Completed) {
    if (is_coroutine(gen) && !throwing) {
      raise_error(exc_RuntimeError, "cannot reuse already awaited coroutine");
      return SendResult::Error;
    }
    if (!throwing) {
      *result = None();
      return SendResult::Return;
    }
    return SendResult::Error;
  }
  if (g->state == GenState::Created && !throwing && !arg.is_null() && !is_none(arg)) {
    raise_format(exc_TypeError, "can't send non-None value to a just-started %s", kind_word(g));
    return SendResult::Error;
  }
  if (!throwing) f->stack_base()[f->stacktop++] = arg.is_null() ? None() : arg;  // barrier below
  ThreadState& t = ts();
  Value outer = t.handled_exception;
  if (!g->exc_state.is_null()) t.handled_exception = g->exc_state;
  g->state = GenState::Running;
  Value r = eval_frame(f, throwing);
  g->exc_state = t.handled_exception == outer ? Value() : t.handled_exception;
  t.handled_exception = outer;
  // The frame lives inside [g]: the eval loop stored into it without barriers while it ran
  // (a running frame is a root), so an old generator must be remembered now it stops.
  gc::write_barrier_all(g);
  if (!r.is_null()) {
    if ((f->code->code[f->lasti] & 0xFF) == int(Op::YIELD_VALUE)) {
      g->state = GenState::Suspended;
      *result = r;
      return SendResult::Next;
    }
    gen_finish(g);
    *result = r;
    return SendResult::Return;
  }
  gen_finish(g);
  // A StopIteration escaping the body becomes RuntimeError (PEP 479).
  bool stop = error_matches(exc_StopIteration);
  bool stop_async = is_async_generator(gen) && error_matches(exc_StopAsyncIteration);
  if (stop || stop_async) {
    Value exc = fetch_exception();
    raise_format(exc_RuntimeError, "%s raised %s", kind_word(g),
                 stop ? "StopIteration" : "StopAsyncIteration");
    Value nexc = pending_exception();
    exception_set_cause(nexc, exc);
    exception_set_context(nexc, exc);
  }
  return SendResult::Error;
}

void gen_finalize(Value self);  // below, outside the anonymous namespace

namespace {

Value send_result_to_value(SendResult st, Value r) {
  if (st == SendResult::Next) return r;
  if (st == SendResult::Return) {
    if (is_none(r)) return raise_empty(exc_StopIteration);
    return raise_stop_iteration(r);
  }
  return Value();
}

Value gen_send_m(Value self, const Value* args, size_t, Value) {
  Value r;
  SendResult st = gen_send_ex(self, args[0], &r);
  return send_result_to_value(st, r);
}

Value gen_iternext(Value self) {
  Value r;
  SendResult st = gen_send_ex(self, Value(), &r);
  if (st == SendResult::Next) return r;
  if (st == SendResult::Return && !is_none(r)) raise_stop_iteration(r);
  return Value();
}

// 0: closed; -1: error pending.
int gen_close_iter(Value yf);

Value gen_throw_impl(Value gen, bool close_on_genexit, Value typ, Value val, Value tb);

Value gen_close(Value gen) {
  GenObject* g = as_gen(gen);
  if (g->state == GenState::Created) {
    g->state = GenState::Completed;
    gen_finish(g);
    return None();
  }
  if (g->state == GenState::Completed) return None();
  Value yf = gen_yieldfrom(g);
  int err = 0;
  if (!yf.is_null()) {
    GenState saved = g->state;
    g->state = GenState::Running;
    err = gen_close_iter(yf);
    g->state = saved;
  }
  if (err == 0) raise_empty(exc_GeneratorExit);
  Value r;
  SendResult st = gen_send_ex(gen, None(), &r, true);
  if (st == SendResult::Next) {
    return raise_format(exc_RuntimeError, "%s ignored GeneratorExit", kind_word(g));
  }
  if (st == SendResult::Return) return None();
  if (error_matches(exc_StopIteration) || error_matches(exc_GeneratorExit)) {
    clear_exception();
    return None();
  }
  return Value();
}

int gen_close_iter(Value yf) {
  if (is_generator(yf) || is_coroutine(yf)) return gen_close(yf).is_null() ? -1 : 0;
  static StrConst k_close("close");
  Value meth = getattr_opt(yf, k_close.get());
  if (meth.is_null()) {
    if (error_occurred()) return -1;
    return 0;
  }
  return call0(meth).is_null() ? -1 : 0;
}

Value gen_close_m(Value self, const Value*, size_t, Value) { return gen_close(self); }

// Continues the generator after its delegate finished with [val] (the SEND loop's exit).
Value gen_resume_after_delegate(Value gen, Value val) {
  GenObject* g = as_gen(gen);
  Frame* f = g->frame();
  f->stacktop--;  // pop the delegate
  int send_at = f->lasti - 1;
  uint16_t send_unit = f->code->code[send_at];
  int oparg = send_unit >> 8;
  for (int k = send_at - 1, shift = 8; k >= 0 && (f->code->code[k] & 0xFF) == int(Op::EXTENDED_ARG);
       k--, shift += 8)
    oparg |= (f->code->code[k] >> 8) << shift;
  f->lasti = send_at + 1 + oparg - 1;
  Value r;
  SendResult st = gen_send_ex(gen, val, &r);
  return send_result_to_value(st, r);
}

Value gen_throw_impl(Value gen, bool close_on_genexit, Value typ, Value val, Value tb) {
  GenObject* g = as_gen(gen);
  Value yf = gen_yieldfrom(g);
  if (!yf.is_null()) {
    Value ret;
    if (typ == Value::from_object(exc_GeneratorExit) && close_on_genexit) {
      g->state = GenState::Running;
      int err = gen_close_iter(yf);
      g->state = GenState::Suspended;
      if (err < 0) {
        Value r;
        return send_result_to_value(gen_send_ex(gen, None(), &r, true), r);
      }
      goto throw_here;
    }
    if (is_generator(yf) || is_coroutine(yf)) {
      g->state = GenState::Running;
      ret = gen_throw_impl(yf, close_on_genexit, typ, val, tb);
      g->state = GenState::Suspended;
    } else {
      static StrConst k_throw("throw");
      Value meth = getattr_opt(yf, k_throw.get());
      if (meth.is_null()) {
        if (error_occurred()) {
          Value r;
          return send_result_to_value(gen_send_ex(gen, None(), &r, true), r);
        }
        goto throw_here;
      }
      g->state = GenState::Running;
      Value cargs[3] = {typ, val.is_null() ? None() : val, tb.is_null() ? None() : tb};
      ret = call(meth, cargs, tb.is_null() ? (val.is_null() ? 1 : 2) : 3);
      g->state = GenState::Suspended;
    }
    if (ret.is_null()) {
      // The delegate finished: its StopIteration value resumes the generator.
      if (error_matches(exc_StopIteration)) {
        Value exc = fetch_exception();
        Value v = static_cast<StopIterationObject*>(exc.as_object())->value;
        return gen_resume_after_delegate(gen, v.is_null() ? None() : v);
      }
      // Any other error is thrown into the generator at the SEND.
      Frame* f = g->frame();
      f->stacktop--;
      Value r;
      return send_result_to_value(gen_send_ex(gen, None(), &r, true), r);
    }
    return ret;
  }
throw_here:
  Value inst;
  if (is_exception_instance(typ)) {
    if (!val.is_null() && !is_none(val))
      return raise_error(exc_TypeError, "instance exception may not have a separate value");
    inst = typ;
  } else if (is_type(typ) && type_is_subtype(as_type(typ), exc_BaseException)) {
    if (!val.is_null() && is_exception_instance(val) && is_instance_of(val, as_type(typ))) {
      inst = val;
    } else if (val.is_null() || is_none(val)) {
      inst = call0(typ);
    } else if (is_tuple(val)) {
      inst = call(typ, as_tuple(val)->items, static_cast<size_t>(tuple_length(val)));
    } else {
      inst = call1(typ, val);
    }
    if (inst.is_null()) return inst;
  } else {
    return raise_format(exc_TypeError,
                        "exceptions must be classes or instances deriving from BaseException, "
                        "not %s",
                        type_of(typ)->c_name());
  }
  if (!tb.is_null() && !is_none(tb)) {
    if (!is_traceback(tb)) return raise_error(exc_TypeError, "throw() third argument must be a traceback object");
    exception_set_traceback(inst, tb);
  }
  set_exception(inst);
  Value r;
  return send_result_to_value(gen_send_ex(gen, None(), &r, true), r);
}

Value gen_throw_m(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("throw", kwnames)) return Value();
  if (!check_nargs("throw", nargs, 1, 3)) return Value();
  return gen_throw_impl(self, true, args[0], nargs > 1 ? args[1] : Value(),
                        nargs > 2 ? args[2] : Value());
}

Value gen_repr(Value self) {
  GenObject* g = as_gen(self);
  const char* word = g->type() == &coroutine_type        ? "coroutine"
                     : g->type() == &async_generator_type ? "async_generator"
                                                          : "generator";
  return str_from_utf8(std::string("<") + word + " object " + str_to_utf8(g->qualname) + " at " +
                       vm::address_text(g) + ">");
}

void gen_trace(Object* self, VisitFn visit, void* ctx) {
  auto* g = static_cast<GenObject*>(self);
  visit(&g->name, ctx);
  visit(&g->qualname, ctx);
  visit(&g->exc_state, ctx);
  visit(&g->finalizer, ctx);
  if (g->state != GenState::Completed) frame_trace(g->frame(), visit, ctx);
}

Value gen_self_iter(Value self) { return self; }

Value gi_frame(Value self) {
  GenObject* g = as_gen(self);
  if (g->state == GenState::Completed) return None();
  return frame_object(g->frame());
}
Value gi_running(Value self) { return Bool(as_gen(self)->state == GenState::Running); }
Value gi_suspended(Value self) { return Bool(as_gen(self)->state == GenState::Suspended); }
Value gi_code(Value self) { return Value::from_object(as_gen(self)->frame()->code); }
Value gi_yieldfrom(Value self) {
  Value v = gen_yieldfrom(as_gen(self));
  return v.is_null() ? None() : v;
}
Value ag_running(Value self) { return Bool(as_gen(self)->running_async); }
Value gen_get_name(Value self) { return as_gen(self)->name; }
int gen_set_name(Value self, Value v) {
  if (v.is_null() || !is_str(v)) {
    raise_error(exc_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  gc::store(self.as_object(), &as_gen(self)->name, v);
  return 0;
}
Value gen_get_qualname(Value self) { return as_gen(self)->qualname; }
int gen_set_qualname(Value self, Value v) {
  if (v.is_null() || !is_str(v)) {
    raise_error(exc_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  gc::store(self.as_object(), &as_gen(self)->qualname, v);
  return 0;
}
Value cr_origin(Value) { return None(); }

const GetSetDef generator_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname, nullptr},
    {"gi_frame", gi_frame, nullptr, nullptr},
    {"gi_running", gi_running, nullptr, nullptr},
    {"gi_code", gi_code, nullptr, nullptr},
    {"gi_yieldfrom", gi_yieldfrom, nullptr, nullptr},
    {"gi_suspended", gi_suspended, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};
const GetSetDef coroutine_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname, nullptr},
    {"cr_frame", gi_frame, nullptr, nullptr},
    {"cr_running", gi_running, nullptr, nullptr},
    {"cr_code", gi_code, nullptr, nullptr},
    {"cr_await", gi_yieldfrom, nullptr, nullptr},
    {"cr_suspended", gi_suspended, nullptr, nullptr},
    {"cr_origin", cr_origin, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};
const GetSetDef async_generator_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname, nullptr},
    {"ag_frame", gi_frame, nullptr, nullptr},
    {"ag_running", ag_running, nullptr, nullptr},
    {"ag_code", gi_code, nullptr, nullptr},
    {"ag_await", gi_yieldfrom, nullptr, nullptr},
    {"ag_suspended", gi_suspended, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// gen.__del__(): CPython's finalizer as a method: a coroutine that never started warns, then
// the generator is closed; an error in its cleanup is dropped (CPython reports it as
// unraisable).
Value gen_del_m(Value self, const Value*, size_t, Value) {
  if (is_coroutine(self)) coroutine_finalized(self, ts().frame);
  gen_finalize(self);
  return None();
}

const MethodDef generator_methods[] = {
    {"__del__", gen_del_m, kMethNoArgs, nullptr},
    {"send", gen_send_m, kMethO, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw_m, kMethFastKw, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", gen_close_m, kMethNoArgs, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr}};

// -- coroutine.__await__() ----------------------------------------------------------------------------
Value coro_await(Value self) {
  auto* w = gc::alloc_as<CoroWrapper>(&coroutine_wrapper_type);
  if (!w) return raise_no_memory();
  gc::store(w, &w->coro, self);
  return Value::from_object(w);
}
Value cw_coro(Value self) { return static_cast<CoroWrapper*>(self.as_object())->coro; }
Value cw_iternext(Value self) { return gen_iternext(cw_coro(self)); }
Value cw_send(Value self, const Value* args, size_t n, Value k) { return gen_send_m(cw_coro(self), args, n, k); }
Value cw_throw(Value self, const Value* args, size_t n, Value k) { return gen_throw_m(cw_coro(self), args, n, k); }
Value cw_close(Value self, const Value* args, size_t n, Value k) { return gen_close_m(cw_coro(self), args, n, k); }
void cw_trace(Object* self, VisitFn visit, void* ctx) { visit(&static_cast<CoroWrapper*>(self)->coro, ctx); }
const MethodDef coro_wrapper_methods[] = {
    {"send", cw_send, kMethO, nullptr},
    {"throw", cw_throw, kMethFastKw, nullptr},
    {"close", cw_close, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// -- Async generators --------------------------------------------------------------------------------
bool is_wrapped(Value v) { return v.is_object() && type_of(v) == &async_gen_wrapped_value_type; }
Value wrapped_value(Value v) { return static_cast<WrappedValue*>(v.as_object())->value; }

// async_gen_unwrap_value: a yielded (wrapped) value ends the awaitable with StopIteration.
Value async_gen_unwrap(GenObject* g, Value result) {
  if (result.is_null()) {
    if (!error_occurred()) raise_empty(exc_StopAsyncIteration);
    if (error_matches(exc_StopAsyncIteration) || error_matches(exc_GeneratorExit)) g->closed = true;
    g->running_async = false;
    return Value();
  }
  if (is_wrapped(result)) {
    raise_stop_iteration(wrapped_value(result));
    g->running_async = false;
    return Value();
  }
  return result;
}

// Sends into an async generator: a return (always None) becomes null with no exception.
Value agen_send_raw(Value gen, Value arg) {
  Value r;
  SendResult st = gen_send_ex(gen, arg, &r);
  if (st == SendResult::Next) return r;
  return Value();
}

Value asend_new(Value gen, Value sendval) {
  auto* o = gc::alloc_as<AsendObject>(&async_gen_asend_type);
  if (!o) return raise_no_memory();
  gc::store(o, &o->gen, gen);
  if (!sendval.is_null()) gc::store(o, &o->sendval, sendval);
  o->state = AwaitableState::Init;
  return Value::from_object(o);
}
AsendObject* as_asend(Value v) { return static_cast<AsendObject*>(v.as_object()); }

Value asend_send_impl(Value self, Value arg) {
  AsendObject* o = as_asend(self);
  GenObject* g = as_gen(o->gen);
  if (o->state == AwaitableState::Closed)
    return raise_error(exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  if (o->state == AwaitableState::Init) {
    if (g->running_async)
      return raise_error(exc_RuntimeError, "anext(): asynchronous generator is already running");
    if (arg.is_null() || is_none(arg)) arg = o->sendval.is_null() ? None() : o->sendval;
    o->state = AwaitableState::Iter;
  }
  g->running_async = true;
  Value r = async_gen_unwrap(g, agen_send_raw(o->gen, arg));
  if (r.is_null()) o->state = AwaitableState::Closed;
  return r;
}
Value asend_send(Value self, const Value* args, size_t, Value) { return asend_send_impl(self, args[0]); }
Value asend_iternext(Value self) { return asend_send_impl(self, Value()); }
Value asend_throw(Value self, const Value* args, size_t nargs, Value kwnames) {
  AsendObject* o = as_asend(self);
  if (o->state == AwaitableState::Closed)
    return raise_error(exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  if (!check_nargs("throw", nargs, 1, 3)) return Value();
  Value r = gen_throw_impl(o->gen, false, args[0], nargs > 1 ? args[1] : Value(),
                           nargs > 2 ? args[2] : Value());
  r = async_gen_unwrap(as_gen(o->gen), r);
  if (r.is_null()) o->state = AwaitableState::Closed;
  return r;
}
Value asend_close(Value self, const Value*, size_t, Value) {
  as_asend(self)->state = AwaitableState::Closed;
  return None();
}
void asend_trace(Object* self, VisitFn visit, void* ctx) {
  auto* o = static_cast<AsendObject*>(self);
  visit(&o->gen, ctx);
  visit(&o->sendval, ctx);
}
const MethodDef asend_methods[] = {
    {"send", asend_send, kMethO, nullptr},
    {"throw", asend_throw, kMethFastKw, nullptr},
    {"close", asend_close, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

AthrowObject* as_athrow(Value v) { return static_cast<AthrowObject*>(v.as_object()); }

Value athrow_new(Value gen, Value args) {
  auto* o = gc::alloc_as<AthrowObject>(&async_gen_athrow_type);
  if (!o) return raise_no_memory();
  gc::store(o, &o->gen, gen);
  if (!args.is_null()) gc::store(o, &o->args, args);
  o->state = AwaitableState::Init;
  return Value::from_object(o);
}

Value athrow_check_error(AthrowObject* o) {
  GenObject* g = as_gen(o->gen);
  g->running_async = false;
  o->state = AwaitableState::Closed;
  if ((error_matches(exc_StopAsyncIteration) || error_matches(exc_GeneratorExit)) &&
      o->args.is_null()) {
    clear_exception();
    raise_empty(exc_StopIteration);
  }
  return Value();
}

Value athrow_yield_close(AthrowObject* o) {
  as_gen(o->gen)->running_async = false;
  o->state = AwaitableState::Closed;
  return raise_error(exc_RuntimeError, "async generator ignored GeneratorExit");
}

Value athrow_send_impl(Value self, Value arg) {
  AthrowObject* o = as_athrow(self);
  GenObject* g = as_gen(o->gen);
  if (o->state == AwaitableState::Closed)
    return raise_error(exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  if (g->state == GenState::Completed) {
    o->state = AwaitableState::Closed;
    return raise_empty(exc_StopIteration);
  }
  Value r;
  if (o->state == AwaitableState::Init) {
    if (g->running_async) {
      o->state = AwaitableState::Closed;
      return raise_error(exc_RuntimeError, o->args.is_null()
                                               ? "aclose(): asynchronous generator is already running"
                                               : "athrow(): asynchronous generator is already running");
    }
    if (g->closed) {
      o->state = AwaitableState::Closed;
      return raise_empty(exc_StopAsyncIteration);
    }
    if (!arg.is_null() && !is_none(arg))
      return raise_error(exc_RuntimeError, "can't send non-None value to a just-started coroutine");
    o->state = AwaitableState::Iter;
    g->running_async = true;
    if (o->args.is_null()) {
      g->closed = true;
      r = gen_throw_impl(o->gen, false, Value::from_object(exc_GeneratorExit), Value(), Value());
      if (!r.is_null() && is_wrapped(r)) return athrow_yield_close(o);
    } else {
      Value a = o->args;
      int64_t n = tuple_length(a);
      r = gen_throw_impl(o->gen, false, tuple_at(a, 0), n > 1 ? tuple_at(a, 1) : Value(),
                         n > 2 ? tuple_at(a, 2) : Value());
      r = async_gen_unwrap(g, r);
    }
    if (r.is_null()) return athrow_check_error(o);
    return r;
  }
  r = agen_send_raw(o->gen, arg);
  if (o->args.is_null()) {
    if (!r.is_null() && is_wrapped(r)) return athrow_yield_close(o);
    if (r.is_null()) {
      if (!error_occurred()) raise_empty(exc_StopAsyncIteration);
      return athrow_check_error(o);
    }
    return r;
  }
  r = async_gen_unwrap(g, r);
  if (r.is_null()) return athrow_check_error(o);
  return r;
}
Value athrow_send(Value self, const Value* args, size_t, Value) { return athrow_send_impl(self, args[0]); }
Value athrow_iternext(Value self) { return athrow_send_impl(self, Value()); }
Value athrow_throw(Value self, const Value* args, size_t nargs, Value) {
  AthrowObject* o = as_athrow(self);
  if (o->state == AwaitableState::Closed)
    return raise_error(exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  if (!check_nargs("throw", nargs, 1, 3)) return Value();
  Value r = gen_throw_impl(o->gen, false, args[0], nargs > 1 ? args[1] : Value(),
                           nargs > 2 ? args[2] : Value());
  if (o->args.is_null()) {
    if (!r.is_null() && is_wrapped(r)) return athrow_yield_close(o);
    if (r.is_null()) return athrow_check_error(o);
    return r;
  }
  r = async_gen_unwrap(as_gen(o->gen), r);
  if (r.is_null()) return athrow_check_error(o);
  return r;
}
Value athrow_close(Value self, const Value*, size_t, Value) {
  as_athrow(self)->state = AwaitableState::Closed;
  return None();
}
void athrow_trace(Object* self, VisitFn visit, void* ctx) {
  auto* o = static_cast<AthrowObject*>(self);
  visit(&o->gen, ctx);
  visit(&o->args, ctx);
}
const MethodDef athrow_methods[] = {
    {"send", athrow_send, kMethO, nullptr},
    {"throw", athrow_throw, kMethFastKw, nullptr},
    {"close", athrow_close, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

Value agen_anext(Value self) { return asend_new(self, Value()); }
Value agen_asend_m(Value self, const Value* args, size_t, Value) { return asend_new(self, args[0]); }
Value agen_athrow_m(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("athrow", kwnames)) return Value();
  if (!check_nargs("athrow", nargs, 1, 3)) return Value();
  Value t = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (t.is_null()) return t;
  return athrow_new(self, t);
}
Value agen_aclose_m(Value self, const Value*, size_t, Value) { return athrow_new(self, Value()); }

const MethodDef async_generator_methods[] = {
    {"asend", agen_asend_m, kMethO, "asend(v) -> send 'v' in generator."},
    {"athrow", agen_athrow_m, kMethFastKw, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", agen_aclose_m, kMethNoArgs, "aclose() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr}};

void wrapped_trace(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<WrappedValue*>(self)->value, ctx);
}

}  // namespace

Value async_gen_wrap_value(Value v) {
  auto* w = gc::alloc_as<WrappedValue>(&async_gen_wrapped_value_type);
  if (!w) return raise_no_memory();
  gc::store(w, &w->value, v);
  return Value::from_object(w);
}

// PEP 442 for generators (CPython's _PyGen_Finalize): a generator the collector finds
// unreachable before it completed is closed, so its finally blocks and __exit__s run (a
// generator that never started just completes). Also `gen.__del__()`.
void gen_finalize(Value self) {
  if (as_gen(self)->state == GenState::Completed) return;
  Value saved = fetch_exception();
  if (gen_close(self).is_null()) clear_exception();  // CPython reports it as unraisable
  if (!saved.is_null()) set_exception(saved);
}

bool init_vm_generator_types() {
  generator_type.slots.repr = gen_repr;
  generator_type.slots.finalize = gen_finalize;
  generator_type.slots.iter = gen_self_iter;
  generator_type.slots.iternext = gen_iternext;
  generator_type.slots.trace = gen_trace;
  type_init(&generator_type, &object_type, TypeDefs{generator_methods, nullptr, generator_getsets});

  coroutine_type.slots.repr = gen_repr;
  coroutine_type.slots.am_await = coro_await;
  coroutine_type.slots.trace = gen_trace;
  type_init(&coroutine_type, &object_type, TypeDefs{generator_methods, nullptr, coroutine_getsets});

  async_generator_type.slots.repr = gen_repr;
  async_generator_type.slots.am_aiter = gen_self_iter;
  async_generator_type.slots.am_anext = agen_anext;
  async_generator_type.slots.trace = gen_trace;
  type_init(&async_generator_type, &object_type,
            TypeDefs{async_generator_methods, nullptr, async_generator_getsets});

  coroutine_wrapper_type.slots.iter = gen_self_iter;
  coroutine_wrapper_type.slots.iternext = cw_iternext;
  coroutine_wrapper_type.slots.trace = cw_trace;
  type_init(&coroutine_wrapper_type, &object_type, TypeDefs{coro_wrapper_methods, nullptr, nullptr});

  async_gen_asend_type.slots.iter = gen_self_iter;
  async_gen_asend_type.slots.iternext = asend_iternext;
  async_gen_asend_type.slots.am_await = gen_self_iter;
  async_gen_asend_type.slots.trace = asend_trace;
  type_init(&async_gen_asend_type, &object_type, TypeDefs{asend_methods, nullptr, nullptr});

  async_gen_athrow_type.slots.iter = gen_self_iter;
  async_gen_athrow_type.slots.iternext = athrow_iternext;
  async_gen_athrow_type.slots.am_await = gen_self_iter;
  async_gen_athrow_type.slots.trace = athrow_trace;
  type_init(&async_gen_athrow_type, &object_type, TypeDefs{athrow_methods, nullptr, nullptr});

  async_gen_wrapped_value_type.slots.trace = wrapped_trace;
  type_init(&async_gen_wrapped_value_type, &object_type, TypeDefs{});
  return true;
}

}  // namespace tpy
