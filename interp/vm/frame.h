// interp/vm/frame.h -- Interpreter frames, the per-thread frame stack, frame and traceback objects.
//
// A Frame (3.11's _PyInterpreterFrame) is plain memory: the running function's code, its
// namespaces, the instruction position, then localsplus (locals, cells, free variables) and
// the value stack in one array. Frames of ordinary calls live on a per-thread stack of
// malloc'd chunks (pushed and popped in LIFO order, no allocation per call); a generator's
// frame lives inside the generator object. The Python-visible `frame` object (f_code,
// f_lineno, f_back...) is made only when someone asks (tracebacks, sys._getframe): it points
// at the Frame while it runs and takes a copy of what it needs when the Frame goes away.
//
// The collector (issue 4) reaches frames through ThreadState::frame and Frame::previous
// (frame_trace visits every Value of one frame) and through generator objects.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"
#include "interp/vm/code.h"

namespace tpy {

extern constinit Type frame_type;
extern constinit Type traceback_type;

enum class FrameOwner : uint8_t { Thread, Generator };

struct Frame {
  CodeObject* code;
  Value func;       // the FunctionObject being run, or null (module / class body / exec)
  Value globals;    // dict
  Value builtins;   // dict
  Value locals;     // the mapping of LOAD_NAME/STORE_NAME, or null in optimized frames
  Frame* previous;  // the caller (f_back), or null
  Value frame_obj;  // the Python frame object, once made
  Value generator;  // the generator/coroutine owning this frame, or null
  int32_t lasti;    // index (code units) of the last instruction started; -1 before the first
  int32_t stacktop; // values on the stack (localsplus[nlocalsplus ... + stacktop))
  bool is_entry;    // RETURN_VALUE here returns from eval_frame
  FrameOwner owner;
  uint16_t pad_;
  uint32_t pad2_;
  Value localsplus[];  // code->nlocalsplus + code->stacksize

  Value* stack_base() { return localsplus + code->nlocalsplus; }
};

// Bytes of a frame for [co].
inline size_t frame_size(const CodeObject* co) {
  return sizeof(Frame) + sizeof(Value) * static_cast<size_t>(co->framesize);
}

// Pushes an uninitialised frame for [co] on the thread's frame stack (localsplus zeroed);
// null with MemoryError pending when out of memory.
Frame* frame_push(CodeObject* co);
// Pops [f], the most recently pushed frame (detaching its frame object first).
void frame_pop(Frame* f);
// Fills the header fields of a fresh frame.
void frame_init(Frame* f, CodeObject* co, Value func, Value globals, Value builtins,
                Value locals);
// The frame's Python object (made on first use); null with MemoryError pending.
Value frame_object(Frame* f);
// Called when [f] stops existing (returned, or its generator finished): its frame object, if
// any, keeps a snapshot (code, globals, locals, line) and no longer points at [f].
void frame_detach(Frame* f);
// The Frame behind a frame object (null once the frame has finished).
Frame* frame_of_object(Value frame_obj);
// The line being executed in [f].
int frame_lineno(const Frame* f);
// Copies fast locals into the locals mapping (frame.f_locals / locals() in a function):
// a new dict each time for optimized frames, as 3.11 does for locals().
Value frame_locals_dict(Frame* f);
// For zero-argument super(): the first argument of the running function and its
// __class__ cell's contents. False with RuntimeError pending (CPython's messages).
bool frame_super_args(Frame* f, Value* type, Value* obj);
void frame_trace(Frame* f, VisitFn visit, void* ctx);
// For the collector: calls fn(begin, end, ctx) on the used part of every chunk of the calling
// thread's frame stack. Scanned conservatively, because the eval loop keeps its stack pointer
// in a register (stacktop may be stale) and a frame being set up is not linked yet.
void frame_stack_ranges(void (*fn)(const void* begin, const void* end, void* ctx), void* ctx);

// -- Traceback objects ------------------------------------------------------------------------------
struct TracebackObject : Object {
  Value next;   // tb_next: traceback or null
  Value frame;  // tb_frame: frame object
  int32_t lasti;   // tb_lasti (bytes, as CPython: 2 * code unit index)
  int32_t lineno;  // tb_lineno
};
inline bool is_traceback(Value v) { return v.is_object() && v.as_object()->type() == &traceback_type; }
inline TracebackObject* as_traceback(Value v) { return static_cast<TracebackObject*>(v.as_object()); }
// Prepends a traceback entry for [f] at its current instruction to the pending exception's
// __traceback__ (PyTraceBack_Here).
void traceback_here(Frame* f);
Value traceback_new(Value next, Value frame_obj, int lasti_units, int lineno);

// Frame object internals, for the traceback printer.
struct FrameObject : Object {
  Frame* frame;       // the live frame, or null once it finished
  Value code;         // kept after the frame finished
  Value globals;
  Value locals;       // snapshot of f_locals when detached
  Value back;         // f_back once detached (a frame object or null)
  int32_t lasti;      // copy taken at detach
  int32_t lineno;
};
inline FrameObject* as_frame_object(Value v) { return static_cast<FrameObject*>(v.as_object()); }
// The code object and instruction index a frame object stands for (live or detached).
CodeObject* frame_object_code(Value frame_obj);
int frame_object_lasti(Value frame_obj);

}  // namespace tpy
