// gc/collector_internal.h -- What the heap's slow path asks of the collector (gc/*.cpp only).
#pragma once

#include <cstddef>

#include "gc/heap.h"

namespace tpy::gc {

// Called at the top of alloc_slow: counts the allocation, collects when the policy (or
// TPY_GC_STRESS) says so, and answers how many cells the new bump range may hold (one under
// stress, so that every allocation comes back through here).
size_t before_slow_alloc(size_t size);
// False when allocating [bytes] more would pass -X gc-heap-max even after a full collection.
bool heap_has_room(size_t bytes);
// [bytes] handed to the mutator (a bump range or a large object). Heap mutex held.
void note_allocated(size_t bytes);
// Remembers a thread's cache so that a collection can empty its bump ranges. Heap mutex held.
void register_local_cache(LocalCache* cache);
void unregister_local_cache(LocalCache* cache);

}  // namespace tpy::gc
