// gc/weak.h -- Weak references for the collector: slots it clears instead of tracing.
//
// See docs/internals/gc.md ("Weak references"). A weak reference object (the weakref type of
// the _weakref module) keeps its referent in a Value field that its trace function does NOT
// visit, and registers that field here once, after storing the referent:
//
//     auto* w = gc::alloc_as<WeakRef>(&weakref_type);
//     gc::store(w, &w->referent, target);
//     gc::weak_register(w, &w->referent, weakref_cleared);   // weakref_cleared may be null
//
// After marking, every registered slot whose referent was found unreachable is set to null
// (so `ref()` answers None from then on), and its holder is queued; when the collection is
// over (the heap consistent, allocation allowed again), on_cleared(holder) runs for each
// queued holder -- the place to call the weakref's callback -- before any finalizer
// (__del__) of that collection runs, as CPython does. A holder that itself died is simply
// forgotten (no callback, as in CPython). Referents that are static objects or small ints
// never die. Registrations are per collector, not per thread; the calls need the GIL.
//
// A second interface serves a weakref type that keeps its own side table (referent ->
// refs), as interp/modules/weakref.h on main does: the type installs WeakRefHooks once and
// reports each new referent and each new ref object; after marking, the collector calls
// forget(ref) for every dead ref (before its memory is reused), then clear_referent(o, &cbs)
// for every dead referent, and after the collection call_callback(ref) for each ref
// clear_referent listed whose ref is itself alive.
#pragma once

#include <vector>

#include "interp/objects/value.h"

namespace tpy::gc {

// Called after the collection that cleared [holder]'s weak slot; may run Python code and
// allocate. Errors should be reported as unraisable, not left pending.
using WeakClearedFn = void (*)(Object* holder);

// Registers [slot], a Value field inside the heap object [holder], as weak. A slot holding
// null or a small int is dropped at the next collection.
void weak_register(Object* holder, Value* slot, WeakClearedFn on_cleared);
// Forgets [slot] (e.g. a weakref whose referent was reassigned by hand); no callback.
void weak_unregister(Object* holder, Value* slot);
// Registered weak slots (for tests and gc.get_stats-style reporting).
size_t weak_count();

struct WeakRefHooks {
  // [referent] died: clear every ref and proxy to it; append those whose callback must run.
  void (*clear_referent)(Object* referent, std::vector<Value>* callbacks);
  // [ref] (a weak reference object the type reported) died: drop it from the side table.
  void (*forget)(Object* ref);
  // After the collection: runs ref's callback (errors reported as unraisable).
  void (*call_callback)(Value ref);
};
void set_weakref_hooks(const WeakRefHooks& hooks);
// [referent] has a weak reference now (idempotent; flags the object).
void weak_referent_added(Object* referent);
// [ref] is a new weak reference object of the hooked type.
void weak_ref_added(Object* ref);

}  // namespace tpy::gc
