// interp/vm/frame.cpp -- The per-thread frame stack, frame objects and traceback objects.
#include "interp/vm/frame.h"

#include <cstdlib>
#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/function.h"
#include "interp/vm/opcode.h"
#include "interp/vm/vm_deps.h"
#include "interp/vm/vm_internal.h"

namespace tpy {

constinit Type frame_type{&type_type, "frame", sizeof(FrameObject), 0};
constinit Type traceback_type{&type_type, "traceback", sizeof(TracebackObject), 0};

// -- The frame stack --------------------------------------------------------------------------------
namespace {

// A chunk of the frame stack; frames never straddle chunks.
struct Chunk {
  Chunk* prev;
  char* top;    // next free byte
  char* limit;  // end of the chunk
  char data[];
};
constexpr size_t kChunkSize = 256 * 1024;

thread_local Chunk* t_chunk = nullptr;

Chunk* new_chunk(size_t need, Chunk* prev) {
  size_t size = need + sizeof(Chunk) > kChunkSize ? need + sizeof(Chunk) : kChunkSize;
  auto* c = static_cast<Chunk*>(std::malloc(size));
  if (!c) return nullptr;
  c->prev = prev;
  c->top = c->data;
  c->limit = reinterpret_cast<char*>(c) + size;
  return c;
}

}  // namespace

Frame* frame_push(CodeObject* co) {
  size_t size = (frame_size(co) + 15) & ~size_t{15};
  Chunk* c = t_chunk;
  if (!c || static_cast<size_t>(c->limit - c->top) < size) {
    Chunk* n = new_chunk(size, c);
    if (!n) {
      raise_no_memory();
      return nullptr;
    }
    t_chunk = c = n;
  }
  auto* f = reinterpret_cast<Frame*>(c->top);
  c->top += size;
  std::memset(static_cast<void*>(f), 0, size);
  return f;
}

void frame_pop(Frame* f) {
  frame_detach(f);
  Chunk* c = t_chunk;
  char* p = reinterpret_cast<char*>(f);
  TPY_CHECK(c && p >= c->data && p < c->limit, "frame_pop: not the top frame");
  c->top = p;
  // Free an emptied chunk unless it is the only one (keeps the common case allocation-free).
  if (c->top == c->data && c->prev) {
    t_chunk = c->prev;
    std::free(c);
  }
}

void frame_stack_ranges(void (*fn)(const void* begin, const void* end, void* ctx), void* ctx) {
  for (Chunk* c = t_chunk; c; c = c->prev) fn(c->data, c->top, ctx);
}

void frame_init(Frame* f, CodeObject* co, Value func, Value globals, Value builtins,
                Value locals) {
  f->code = co;
  f->func = func;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals;
  f->previous = nullptr;
  f->lasti = -1;
  f->stacktop = 0;
  f->is_entry = false;
  f->owner = FrameOwner::Thread;
}

int frame_lineno(const Frame* f) {
  int i = f->lasti < 0 ? 0 : f->lasti;
  int line = code_line_at(f->code, i);
  return line < 0 ? f->code->firstlineno : line;
}

void frame_trace(Frame* f, VisitFn visit, void* ctx) {
  Value code = Value::from_object(f->code);
  visit(&code, ctx);
  visit(&f->func, ctx);
  visit(&f->globals, ctx);
  visit(&f->builtins, ctx);
  visit(&f->locals, ctx);
  visit(&f->frame_obj, ctx);
  visit(&f->generator, ctx);
  int n = f->code->nlocalsplus + f->stacktop;
  for (int i = 0; i < n; i++) visit(&f->localsplus[i], ctx);
}

// -- Frame objects ---------------------------------------------------------------------------------
Value frame_object(Frame* f) {
  if (!f->frame_obj.is_null()) return f->frame_obj;
  auto* o = gc::alloc_as<FrameObject>(&frame_type);
  if (!o) return raise_no_memory();
  o->frame = f;
  gc::store(o, &o->code, Value::from_object(f->code));
  gc::store(o, &o->globals, f->globals);
  o->lasti = f->lasti;
  f->frame_obj = Value::from_object(o);
  return f->frame_obj;
}

void frame_detach(Frame* f) {
  if (f->frame_obj.is_null()) return;
  FrameObject* o = as_frame_object(f->frame_obj);
  if (o->frame != f) return;
  // Often called while an exception propagates: keep it pending whatever happens here.
  Value pending = fetch_exception();
  o->lasti = f->lasti;
  o->lineno = frame_lineno(f);
  if (f->locals.is_null()) {
    // Keep what f_locals would have shown (frame_locals_dict fills o->locals).
    if (frame_locals_dict(f).is_null()) clear_exception();
  } else {
    gc::store(o, &o->locals, f->locals);
  }
  if (f->previous) {
    Value back = frame_object(f->previous);
    if (back.is_null()) clear_exception();
    else gc::store(o, &o->back, back);
  }
  o->frame = nullptr;
  if (!pending.is_null()) set_exception(pending);
}

Frame* frame_of_object(Value frame_obj) { return as_frame_object(frame_obj)->frame; }

CodeObject* frame_object_code(Value frame_obj) {
  return as_code(as_frame_object(frame_obj)->code);
}
int frame_object_lasti(Value frame_obj) {
  FrameObject* o = as_frame_object(frame_obj);
  return o->frame ? o->frame->lasti : o->lasti;
}

Value frame_locals_dict(Frame* f) {
  CodeObject* co = f->code;
  Value d = f->locals;
  bool fast = d.is_null();
  if (fast) {
    // As 3.11's f_locals: one dict per frame, refreshed from the fast locals on each call,
    // so names exec() added to it stay visible to later locals() calls.
    Value fo = frame_object(f);
    if (fo.is_null()) return fo;
    FrameObject* o = as_frame_object(fo);
    if (o->locals.is_null()) {
      Value nd = dict_new();
      if (nd.is_null()) return nd;
      gc::store(o, &o->locals, nd);
    }
    d = o->locals;
  }
  for (int i = 0; i < co->nlocalsplus; i++) {
    uint8_t kind = co->kinds[i];
    Value v = f->localsplus[i];
    // Free variables of a class body are not its locals (the class namespace has them).
    if ((kind & kFastFree) && !(co->flags & kCoOptimized)) continue;
    if (!v.is_null() && (kind & (kFastCell | kFastFree)) && is_cell(v)) {
      // Before MAKE_CELL ran, a parameter cell still holds the plain value.
      v = as_cell(v)->ref;
    }
    Value name = tuple_at(co->localsplus_names, i);
    if (v.is_null()) {
      if (dict_del(d, name) < 0) return Value();
      continue;
    }
    if (dict_set(d, name, v) < 0) return Value();
  }
  return d;
}

bool frame_super_args(Frame* f, Value* type, Value* obj) {
  CodeObject* co = f->code;
  if (co->argcount == 0) {
    raise_error(exc_RuntimeError, "super(): no arguments");
    return false;
  }
  Value first = f->localsplus[0];
  if (!first.is_null() && (co->kinds[0] & kFastCell) && is_cell(first))
    first = as_cell(first)->ref;
  if (first.is_null()) {
    raise_error(exc_RuntimeError, "super(): arg[0] deleted");
    return false;
  }
  for (int i = co->nlocalsplus - co->nfreevars; i < co->nlocalsplus; i++) {
    if (!str_equal_ascii(tuple_at(co->localsplus_names, i), "__class__")) continue;
    Value cell = f->localsplus[i];
    if (cell.is_null() || !is_cell(cell)) {
      raise_error(exc_RuntimeError, "super(): bad __class__ cell");
      return false;
    }
    Value t = as_cell(cell)->ref;
    if (t.is_null()) {
      raise_error(exc_RuntimeError, "super(): empty __class__ cell");
      return false;
    }
    if (!is_type(t)) {
      raise_format(exc_RuntimeError, "super(): __class__ is not a type (%s)",
                   type_of(t)->c_name());
      return false;
    }
    *type = t;
    *obj = first;
    return true;
  }
  raise_error(exc_RuntimeError, "super(): __class__ cell not found");
  return false;
}

namespace {

void frame_object_trace(Object* self, VisitFn visit, void* ctx) {
  auto* o = static_cast<FrameObject*>(self);
  visit(&o->code, ctx);
  visit(&o->globals, ctx);
  visit(&o->locals, ctx);
  visit(&o->back, ctx);
}

Value frame_repr(Value self) {
  FrameObject* o = as_frame_object(self);
  CodeObject* co = as_code(o->code);
  int line = o->frame ? frame_lineno(o->frame) : o->lineno;
  return str_from_utf8("<frame at " + vm::address_text(o) + ", file '" +
                       str_to_utf8(co->filename) + "', line " + std::to_string(line) +
                       ", code " + str_to_utf8(co->name) + ">");
}

Value f_code(Value self) { return as_frame_object(self)->code; }
Value f_globals(Value self) { return as_frame_object(self)->globals; }
Value f_builtins(Value self) {
  FrameObject* o = as_frame_object(self);
  if (o->frame) return o->frame->builtins;
  Value b = dict_get_cstr(o->globals, "__builtins__");
  return b.is_null() ? None() : b;
}
Value f_locals(Value self) {
  FrameObject* o = as_frame_object(self);
  if (o->frame) return frame_locals_dict(o->frame);
  if (o->locals.is_null()) return dict_new();
  return o->locals;
}
Value f_lineno(Value self) {
  FrameObject* o = as_frame_object(self);
  return int_from_i64(o->frame ? frame_lineno(o->frame) : o->lineno);
}
Value f_lasti(Value self) {
  int l = frame_object_lasti(self);
  return int_from_i64(l < 0 ? -1 : l * 2);
}
Value f_back(Value self) {
  FrameObject* o = as_frame_object(self);
  if (o->frame) {
    Frame* p = o->frame->previous;
    if (!p) return None();
    return frame_object(p);
  }
  return o->back.is_null() ? None() : o->back;
}
Value f_trace(Value) { return None(); }
int f_trace_set(Value, Value) { return 0; }
// Tracing is not implemented: the flags read as CPython's defaults and accept any value.
Value f_trace_lines(Value) { return True(); }
Value f_trace_opcodes(Value) { return False(); }
int f_trace_flag_set(Value, Value) { return 0; }

// frame.clear(): a running frame refuses; a finished one has no locals left to drop (its
// snapshot is rebuilt on demand), so there is nothing more to do.
Value frame_clear_m(Value self, const Value*, size_t, Value) {
  if (as_frame_object(self)->frame != nullptr)
    return raise_error(exc_RuntimeError, "cannot clear an executing frame");
  return None();
}

const MethodDef frame_methods[] = {
    {"clear", frame_clear_m, kMethNoArgs, "F.clear(): clear most references held by the frame"},
    {nullptr, nullptr, 0, nullptr}};

// dir(traceback) lists only the tb_* attributes (CPython's tb_dir).
Value tb_dir_m(Value, const Value*, size_t, Value) {
  Value names[] = {str_intern("tb_frame"), str_intern("tb_next"), str_intern("tb_lasti"),
                   str_intern("tb_lineno")};
  for (Value n : names)
    if (n.is_null()) return n;
  return list_from_array(names, 4);
}

const MethodDef traceback_methods[] = {
    {"__dir__", tb_dir_m, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef frame_getsets[] = {
    {"f_code", f_code, nullptr, nullptr},
    {"f_globals", f_globals, nullptr, nullptr},
    {"f_builtins", f_builtins, nullptr, nullptr},
    {"f_locals", f_locals, nullptr, nullptr},
    {"f_lineno", f_lineno, nullptr, nullptr},
    {"f_lasti", f_lasti, nullptr, nullptr},
    {"f_back", f_back, nullptr, nullptr},
    {"f_trace", f_trace, f_trace_set, nullptr},
    {"f_trace_lines", f_trace_lines, f_trace_flag_set, nullptr},
    {"f_trace_opcodes", f_trace_opcodes, f_trace_flag_set, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// -- Traceback objects -------------------------------------------------------------------------------
void traceback_trace(Object* self, VisitFn visit, void* ctx) {
  auto* t = static_cast<TracebackObject*>(self);
  visit(&t->next, ctx);
  visit(&t->frame, ctx);
}

Value tb_next(Value self) {
  Value n = as_traceback(self)->next;
  return n.is_null() ? None() : n;
}
int tb_next_set(Value self, Value v) {
  if (v.is_null()) {
    raise_error(exc_TypeError, "can't delete tb_next attribute");
    return -1;
  }
  if (is_none(v)) v = Value();
  else if (!is_traceback(v)) {
    raise_format(exc_TypeError, "expected traceback object or None, got '%s'",
                 type_of(v)->c_name());
    return -1;
  }
  for (Value c = v; !c.is_null(); c = as_traceback(c)->next) {
    if (c == self) {
      raise_error(exc_ValueError, "traceback loop detected");
      return -1;
    }
  }
  gc::store(self.as_object(), &as_traceback(self)->next, v);
  return 0;
}
Value tb_frame(Value self) { return as_traceback(self)->frame; }
Value tb_lasti(Value self) { return int_from_i64(as_traceback(self)->lasti); }
Value tb_lineno(Value self) { return int_from_i64(as_traceback(self)->lineno); }

const GetSetDef traceback_getsets[] = {
    {"tb_next", tb_next, tb_next_set, nullptr},
    {"tb_frame", tb_frame, nullptr, nullptr},
    {"tb_lasti", tb_lasti, nullptr, nullptr},
    {"tb_lineno", tb_lineno, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

Value traceback_new_slot(Type*, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", nullptr};
  Value next, frame, lasti, lineno;
  ArgSpec spec{"traceback", kw, 4, 4, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&next, &frame, &lasti, &lineno})) return Value();
  if (!is_none(next) && !is_traceback(next))
    return raise_format(exc_TypeError, "expected traceback object or None, got '%s'",
                        type_of(next)->c_name());
  if (!frame.is_object() || type_of(frame) != &frame_type)
    return raise_format(exc_TypeError,
                        "TracebackType() argument 'tb_frame' must be frame, not %s",
                        type_of(frame)->c_name());
  int64_t l = 0, n = 0;
  if (!index_to_i64(lasti, &l) || !index_to_i64(lineno, &n)) return Value();
  auto* t = gc::alloc_as<TracebackObject>(&traceback_type);
  if (!t) return raise_no_memory();
  if (!is_none(next)) gc::store(t, &t->next, next);
  gc::store(t, &t->frame, frame);
  t->lasti = static_cast<int32_t>(l);
  t->lineno = static_cast<int32_t>(n);
  return Value::from_object(t);
}

}  // namespace

Value traceback_new(Value next, Value frame_obj, int lasti_units, int lineno) {
  auto* t = gc::alloc_as<TracebackObject>(&traceback_type);
  if (!t) return raise_no_memory();
  if (!next.is_null()) gc::store(t, &t->next, next);
  gc::store(t, &t->frame, frame_obj);
  t->lasti = lasti_units * 2;
  t->lineno = lineno;
  return Value::from_object(t);
}

void traceback_here(Frame* f) {
  Value exc = fetch_exception();
  if (exc.is_null()) return;
  Value fo = frame_object(f);
  if (!fo.is_null()) {
    Value tb = traceback_new(exception_traceback(exc), fo, f->lasti, code_line_at(f->code, f->lasti));
    if (!tb.is_null()) exception_set_traceback(exc, tb);
  }
  clear_exception();
  set_exception(exc);
}

bool init_vm_frame_types() {
  frame_type.slots.repr = frame_repr;
  frame_type.slots.trace = frame_object_trace;
  type_init(&frame_type, &object_type, TypeDefs{frame_methods, nullptr, frame_getsets});
  traceback_type.slots.trace = traceback_trace;
  traceback_type.slots.new_ = traceback_new_slot;
  type_init(&traceback_type, &object_type, TypeDefs{traceback_methods, nullptr, traceback_getsets},
            "TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)\n--\n\nCreate a new "
            "traceback object.");
  return true;
}

}  // namespace tpy
