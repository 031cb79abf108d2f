// interp/vm/thread_state.h -- Per-thread interpreter state: the pending exception, the frame chain.
//
// Every native function reports failure by returning a null Value (or -1) with an exception
// pending here, as CPython does with PyErr_*; nothing unwinds through C++ (DESIGN.md). The
// raise/fetch API over this state is interp/objects/exceptions.h.
#pragma once

#include <cstdint>

#include "interp/objects/value.h"

namespace tpy {

struct Frame;  // interp/vm/frame.h

struct ThreadState {
  // The exception being raised (an instance of a BaseException subclass), or null. Its
  // __traceback__ grows as the interpreter unwinds frames.
  Value current_exception;
  // sys.exc_info(): the exception being handled by the innermost except/finally block of the
  // running frames (3.11's exc_info stack lives in the frames; this is its top), or null.
  Value handled_exception;
  Frame* frame = nullptr;       // the innermost Python frame, or null
  int recursion_depth = 0;      // Python-level calls in progress (frames and native re-entry)
  int recursion_limit = 1000;   // sys.setrecursionlimit
  // Native stack pointer limit below which calls raise RecursionError instead of overflowing.
  uintptr_t stack_limit = 0;
  int64_t thread_id = 0;
};

// The running thread's state (set up by the runtime when a thread starts running Python).
// constinit here too: callers then read the TLS slot directly instead of calling the
// dynamic-initialisation wrapper (faster in the eval loop, and GCC's UBSan misreports the
// wrapper's address as null).
extern thread_local constinit ThreadState* t_thread_state;
inline ThreadState& ts() { return *t_thread_state; }

}  // namespace tpy
