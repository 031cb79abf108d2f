// gc/weak.cpp -- The table of weak slots, cleared after marking (see gc/weak.h).
#include "gc/weak.h"

#include <vector>

#include "gc/heap.h"
#include "gc/weak_internal.h"

namespace tpy::gc {

namespace {

struct WeakEntry {
  Object* holder;
  Value* slot;
  WeakClearedFn on_cleared;
};

std::vector<WeakEntry>& entries() {
  static auto* v = new std::vector<WeakEntry>();
  return *v;
}
// Holders whose slot was cleared by the last collection, waiting for their on_cleared.
std::vector<WeakEntry>& cleared() {
  static auto* v = new std::vector<WeakEntry>();
  return *v;
}

// An unmarked heap object is dead after marking; static objects never die.
bool dead(const Object* o) {
  return !o->is_static() && (o->gc_bits() & kGcMarked) == 0 &&
         (o->gc_flags() & kGcFlagFrozen) == 0;
}

// The side-table interface.
WeakRefHooks g_hooks{};
std::vector<Object*>& referents() {
  static auto* v = new std::vector<Object*>();
  return *v;
}
std::vector<Object*>& refs() {
  static auto* v = new std::vector<Object*>();
  return *v;
}
// Alive refs whose callbacks wait for the end of the collection (roots until then).
std::vector<Value>& ref_callbacks() {
  static auto* v = new std::vector<Value>();
  return *v;
}

void hooks_after_mark() {
  if (!g_hooks.clear_referent) {
    // No weakref type installed (tests): forget the dead, so no entry ever dangles.
    std::erase_if(refs(), dead);
    std::erase_if(referents(), dead);
    return;
  }
  std::erase_if(refs(), [](Object* r) {
    if (!dead(r)) return false;
    g_hooks.forget(r);
    return true;
  });
  std::vector<Value> cbs;
  std::erase_if(referents(), [&](Object* o) {
    if (!dead(o)) return false;
    o->set_gc_flags(o->gc_flags() & ~kGcFlagHasWeakRefs);
    g_hooks.clear_referent(o, &cbs);
    return true;
  });
  for (Value r : cbs)
    if (r.is_object() && !dead(r.as_object())) ref_callbacks().push_back(r);
}

}  // namespace

void set_weakref_hooks(const WeakRefHooks& hooks) { g_hooks = hooks; }

void weak_referent_added(Object* referent) {
  if (referent->is_static() || (referent->gc_flags() & kGcFlagHasWeakRefs)) return;
  referent->set_gc_flags(referent->gc_flags() | kGcFlagHasWeakRefs);
  referents().push_back(referent);
}

void weak_ref_added(Object* ref) { refs().push_back(ref); }

void weak_register(Object* holder, Value* slot, WeakClearedFn on_cleared) {
  entries().push_back({holder, slot, on_cleared});
}

void weak_unregister(Object* holder, Value* slot) {
  std::erase_if(entries(), [&](const WeakEntry& e) { return e.holder == holder && e.slot == slot; });
}

size_t weak_count() { return entries().size(); }

void weak_after_mark() {
  hooks_after_mark();
  std::erase_if(entries(), [](const WeakEntry& e) {
    if (dead(e.holder)) return true;
    Value v = *e.slot;
    if (!v.is_object()) return true;
    if (!dead(v.as_object())) return false;
    *e.slot = Value();
    if (e.on_cleared) cleared().push_back(e);
    return true;
  });
}

void weak_mark_pending(void (*fn)(Object* o, void* ctx), void* ctx) {
  for (const WeakEntry& e : cleared()) fn(e.holder, ctx);
  for (Value r : ref_callbacks()) fn(r.as_object(), ctx);
}

bool weak_callbacks_pending() { return !cleared().empty() || !ref_callbacks().empty(); }

void weak_run_callbacks() {
  // Taken out of the queues one at a time: a callback may collect, and what is still queued
  // must stay a root meanwhile.
  for (size_t i = 0; i < cleared().size(); i++) cleared()[i].on_cleared(cleared()[i].holder);
  cleared().clear();
  for (size_t i = 0; i < ref_callbacks().size(); i++) g_hooks.call_callback(ref_callbacks()[i]);
  ref_callbacks().clear();
}

}  // namespace tpy::gc
