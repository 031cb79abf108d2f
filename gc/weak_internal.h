// gc/weak_internal.h -- The collector's side of gc/weak.h.
#pragma once

#include "interp/objects/object.h"

namespace tpy::gc {

// After marking (before finalizable objects are resurrected): clears the slots of dead
// referents, queues their holders, forgets dead holders.
void weak_after_mark();
// Calls fn on every holder waiting for its callback (roots until the callback ran).
void weak_mark_pending(void (*fn)(Object* o, void* ctx), void* ctx);
// True when callbacks wait for weak_run_callbacks().
bool weak_callbacks_pending();
// Runs the queued on_cleared callbacks (after the collection).
void weak_run_callbacks();

}  // namespace tpy::gc
