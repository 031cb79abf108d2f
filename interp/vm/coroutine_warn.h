// interp/vm/coroutine_warn.h -- "RuntimeWarning: coroutine '...' was never awaited" without refcounts.
//
// CPython warns when a coroutine that never started is deallocated. tpy has no reference counts:
// it warns at once for the common case CPython also warns at once for (a statement that only
// calls a coroutine function, `co()`: the result is dropped by the POP_TOP after the CALL and
// nothing else can refer to it), and at exit for every other never-started coroutine, as
// CPython does for those still alive at shut-down ("sys:1: ..."). docs/differences.md.
#pragma once

#include "interp/objects/value.h"

namespace tpy {

struct Frame;

// RETURN_GENERATOR made the coroutine [g].
void coroutine_created(Value g);
// The POP_TOP at [pop_top] (a code unit of [frame]'s code) drops [v], a coroutine.
void coroutine_dropped(Value v, Frame* frame, const uint16_t* pop_top);
// coroutine.__del__() called while [frame] runs: warns there if [v] never started.
void coroutine_finalized(Value v, Frame* frame);

}  // namespace tpy
