// gc/barrier.h -- The write barrier: the one helper every heap-pointer store goes through.
//
// See docs/internals/objects.md ("Write barrier") and docs/internals/gc.md.
//
// Why it will matter. The collector uses sticky mark bits (../shared/DESIGN.md, "GC"): an
// object that survived a collection stays marked, i.e. old, and a young collection marks only
// from the roots and the *remembered set* and never rescans old objects. So an edge from an
// old object to a young one that the collector is not told about leaves the young object
// unmarked, and it is freed while still reachable. The barrier tells it: when a Value is
// stored into a heap object, write_barrier(holder, stored) runs, and its slow path
// adds an old holder to the remembered set.
//
// The invariants every store must keep:
//   1. Every store of a Value (or Object*) into a field or element of a GC heap object is
//      followed by write_barrier(holder, stored), or is made through gc::store(), which does
//      both. This includes stores into objects that were "just" allocated: a collection may
//      run at any allocation and age the holder in between.
//   2. [holder] is the start of the object that contains the field (what gc::alloc returned),
//      never an interior pointer, never the field's address.
//   3. Nothing that can allocate, call Python code or reach a safepoint runs between the
//      store and its barrier: the pair is atomic with respect to collections.
//   4. Bulk copies into an object (memcpy/memmove of a Value array, list slicing, dict
//      resizing) call write_barrier_all(holder) once after the copy instead of one barrier
//      per element.
//   5. Stores into memory outside the GC heap need no barrier: locals, C++ globals, and
//      static objects. That memory is always scanned as roots, at every young collection
//      too (gc/roots.h), so the collector never relies on it being "old and clean".
//   6. Storing a small int or null never creates an edge; the barrier may skip those, and the
//      JIT may drop barriers for stores it has proven are ints. It may not drop others.
//   7. Traces (jit/) inline the same fast path and call the same slow path; the two must stay
//      in step, so any change here is also a change to the JIT's barrier emission.
//
// The fast path: if [stored] is an object and [holder] is old (marked) and not yet
// remembered -- one test of holder->gc_bits() -- call write_barrier_slow(holder), which adds
// it to the remembered set. Static holders are never marked, so they never take it (5.).
#pragma once

#include "gc/heap.h"
#include "interp/objects/value.h"

namespace tpy::gc {

[[gnu::noinline]] void write_barrier_slow(Object* holder);

inline bool barrier_needed(const Object* holder) {
  return (holder->gc_bits() & (kGcMarked | kGcRemembered)) == kGcMarked;
}

inline void write_barrier(Object* holder, Value stored) {
  TPY_DCHECK(holder != nullptr, "write_barrier: null holder");
  if (stored.is_object() && barrier_needed(holder)) [[unlikely]]
    write_barrier_slow(holder);
}

// After a bulk copy of Values into [holder] (invariant 4).
inline void write_barrier_all(Object* holder) {
  TPY_DCHECK(holder != nullptr, "write_barrier_all: null holder");
  if (barrier_needed(holder)) [[unlikely]] write_barrier_slow(holder);
}

// The barriered store: [field] must lie inside [holder].
inline void store(Object* holder, Value* field, Value v) {
  *field = v;
  write_barrier(holder, v);
}

}  // namespace tpy::gc
