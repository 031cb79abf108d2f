// interp/vm/generator.h -- Generators, coroutines and async generators.
//
// RETURN_GENERATOR (the first instruction of a generator function) moves the running frame
// into a new GenObject; send/throw/close resume that frame with eval_frame. The three kinds
// share one layout and one resume function and differ in their type, messages and protocol
// methods (as CPython's genobject.c).
#pragma once

#include "interp/objects/type.h"
#include "interp/vm/frame.h"

namespace tpy {

extern constinit Type generator_type;
extern constinit Type coroutine_type;
extern constinit Type async_generator_type;
extern constinit Type coroutine_wrapper_type;      // coroutine.__await__()
extern constinit Type async_gen_asend_type;        // async_generator_asend
extern constinit Type async_gen_athrow_type;       // async_generator_athrow
extern constinit Type async_gen_wrapped_value_type;

enum class GenState : uint8_t { Created, Suspended, Running, Completed };

struct GenObject : Object {
  Value name;        // __name__
  Value qualname;    // __qualname__
  Value exc_state;   // the exception being handled inside the generator when it yielded
  Value weakreflist;
  // async generators: athrow/aclose hooks state
  Value finalizer;
  GenState state;
  bool running_async;  // async generators: an asend/athrow is in progress
  bool hooks_inited;
  bool closed;         // async generators: aclose() ran
  bool warned_unawaited;  // coroutines: the "never awaited" warning was printed
  uint8_t pad_[3];
  // The frame (its localsplus follow it in this same object).
  Frame* frame() { return reinterpret_cast<Frame*>(this + 1); }
};
static_assert(sizeof(GenObject) % 16 == 0, "the frame follows the header 16-aligned");

inline bool is_generator(Value v) { return v.is_object() && v.as_object()->type() == &generator_type; }
inline bool is_coroutine(Value v) { return v.is_object() && v.as_object()->type() == &coroutine_type; }
inline bool is_async_generator(Value v) {
  return v.is_object() && v.as_object()->type() == &async_generator_type;
}
inline GenObject* as_gen(Value v) { return static_cast<GenObject*>(v.as_object()); }

// RETURN_GENERATOR: a generator/coroutine/async generator (by the code's flags) that owns a
// copy of [f]; [f] itself is then finished by the caller like a return of the result.
Value generator_from_frame(Frame* f);

enum class SendResult { Next, Return, Error };
// gen.send(arg) without StopIteration: *result is the yielded or returned value.
SendResult gen_send_ex(Value gen, Value arg, Value* result, bool throwing = false);

// ASYNC_GEN_WRAP's wrapper (tells an async generator's yield from an await's).
Value async_gen_wrap_value(Value v);

}  // namespace tpy
