// gc/roots.h -- Where the collector finds references that are not inside heap objects.
//
// See docs/internals/objects.md ("Roots"). There are four kinds, and a reference held anywhere
// else is invisible to the collector (its object may be freed under it, from issue 4 on):
//   1. Native stacks and saved registers of every thread running Python: scanned
//      conservatively (gc/, issue 4). Nothing to declare: a Value or Object* in a local
//      variable, a parameter or a register keeps its object alive, interior pointers too.
//      This is why tpy needs no Wren-style TempRoot for ordinary locals.
//   2. VM globals: the slots of the one Roots struct, declared in gc/roots.def.
//   3. Values kept off the stack in memory the collector does not trace (a std::vector, a
//      jemalloc buffer, a C++ object on the heap): a TempRoot registers the range for as long
//      as it lives. TempRoots nest: destroy them in reverse order of creation (RAII does).
//   4. Static objects that hold Values (a built-in type's dict): registered once with
//      register_static_object() (type_init does it for every built-in type) and traced as
//      roots at every collection, young ones included (they have no write barrier).
#pragma once

#include <cstddef>

#include "interp/objects/value.h"

namespace tpy::gc {

enum class RootId : size_t {
#define TPY_ROOT(name, what) name,
#include "gc/roots.def"
#undef TPY_ROOT
  kCount
};

struct Roots {
  Value slots[static_cast<size_t>(RootId::kCount)];

#define TPY_ROOT(name, what) \
  Value& name() { return slots[static_cast<size_t>(RootId::name)]; }
#include "gc/roots.def"
#undef TPY_ROOT
};

extern constinit Roots g_roots;

// Registers [count] Values at [slots] as roots while it lives (kind 3 above).
class TempRoot {
 public:
  TempRoot(Value* slots, size_t count);
  explicit TempRoot(Value& slot) : TempRoot(&slot, 1) {}
  ~TempRoot();
  TempRoot(const TempRoot&) = delete;
  TempRoot& operator=(const TempRoot&) = delete;

  // Points the root at a new range, e.g. after the vector holding the Values grew.
  void reset(Value* slots, size_t count) {
    m_slots = slots;
    m_count = count;
  }

 private:
  friend void for_each_root_slot(void (*fn)(Value* slot, void* ctx), void* ctx);

  Value* m_slots;
  size_t m_count;
  TempRoot* m_prev;
};

// Calls fn(slot, ctx) for every root slot of kinds 2 and 3 of the calling thread (the stack
// scan of kind 1 is gc/stack_scan.cpp's). Slots may hold null or small ints; the marker
// skips those.
void for_each_root_slot(void (*fn)(Value* slot, void* ctx), void* ctx);

// Kind 4: a static (constinit, kGcFlagStatic) object whose trace function visits Values.
// Registering twice is harmless.
void register_static_object(Object* o);
// Calls fn(o, ctx) for every registered static object.
void for_each_static_object(void (*fn)(Object* o, void* ctx), void* ctx);

}  // namespace tpy::gc
