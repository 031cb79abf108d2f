// gc/sweep.h -- Sweeping: freeing unmarked cells, recycling pages, freeing large objects.
#pragma once

#include <cstddef>
#include <vector>

#include "interp/objects/object.h"

namespace tpy::gc {

struct SweepResult {
  size_t freed_objects = 0;
  size_t freed_bytes = 0;
};

// Before a full collection's marking: every object becomes unmarked (white) and forgotten by
// the remembered set.
void clear_marks();
// The unmarked objects a sweep of this kind would free that have a finalizer not yet run.
void find_finalizable(bool young, std::vector<Object*>* out);
// Frees every unmarked object on the pages a sweep of this kind visits (young: the pages
// allocated from since the last collection, and the large objects) and requeues pages.
// The world is stopped; the caller holds the heap mutex.
SweepResult sweep(bool young);
// Calls fn(o, ctx) on every unmarked object a sweep of this kind would free.
void for_each_unmarked(bool young, void (*fn)(Object* o, void* ctx), void* ctx);

}  // namespace tpy::gc
