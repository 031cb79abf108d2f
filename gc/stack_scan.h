// gc/stack_scan.h -- Marking the roots: stacks, registers, frames, thread state, globals.
#pragma once

#include "gc/mark.h"

namespace tpy::gc {

// Marks everything the roots of gc/roots.h reach directly (kinds 1-4) for the calling
// thread: its native stack and callee-saved registers, its frame stack, its thread state,
// g_roots, TempRoots and the registered static objects.
void mark_roots(Marker& m);

}  // namespace tpy::gc
