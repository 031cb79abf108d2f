// gc/heap.h -- The allocation API: every GC object of tpy is made by gc::alloc.
//
// See docs/internals/objects.md ("Allocation") and docs/internals/gc.md. The heap of the
// collector of ../shared/DESIGN.md: non-moving, size-segregated pages carved from one reserved
// address range, bump allocation through per-thread caches, large objects on their own; the
// collector (gc/collector.h) frees unreachable objects behind this same API.
//
// Rules for callers:
//   1. gc::alloc(size, type) returns a 16-byte-aligned object of at least [size] bytes whose
//      header names [type] and whose every other byte is zero, or nullptr when memory is
//      exhausted (the caller raises MemoryError). [size] counts the 16-byte header.
//   2. Objects never move: raw Object* and interior pointers stay valid as long as the object
//      is reachable, and the conservative stack scan treats interior pointers as references.
//   3. Stores of Values into an object go through gc/barrier.h.
//   4. Do not keep the only reference to an object where the collector cannot see it (see
//      gc/roots.h): locals and registers are fine, a std::vector<Value> needs a TempRoot.
#pragma once

#include <cstddef>
#include <cstdint>

#include "gc/size_classes.h"
#include "interp/objects/object.h"
#include "interp/support/check.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define TPY_ASAN_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#define TPY_ASAN_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#else
#define TPY_ASAN_UNPOISON(p, n) ((void)(p), (void)(n))
#define TPY_ASAN_POISON(p, n) ((void)(p), (void)(n))
#endif

namespace tpy::gc {

// The only code that writes an object header outside interp/objects/.
struct HeaderAccess {
  static void set_type(Object* o, Type* t) { o->m_type = t; }
};

// Bits of Object::gc_bits() (the collector's byte of the header).
constexpr uint8_t kGcMarked = 1 << 0;      // reached by the last marking: old (sticky marks)
constexpr uint8_t kGcRemembered = 1 << 1;  // old, and in the remembered set
constexpr uint8_t kGcStaticSeen = 1 << 2;  // a static object already traced this collection
// Bits of Object::gc_flags() besides Object::kGcFlagStatic.
constexpr uint8_t kGcFlagFinalized = 1 << 1;  // its finalizer (__del__) has run: never again
constexpr uint8_t kGcFlagFrozen = 1 << 2;     // gc.freeze(): never collected
constexpr uint8_t kGcFlagHasWeakRefs = 1 << 3;  // reported by weak_referent_added (gc/weak.h)

// A thread's allocation cache: one bump range of free, zeroed cells per size class. Both ends
// are null until the thread's first allocation of that class.
struct BumpRange {
  char* cur;
  char* end;
};
struct LocalCache {
  BumpRange ranges[kNumSizeClasses];
};
extern thread_local constinit LocalCache t_local_cache;

// -- Allocation -----------------------------------------------------------------------------------

[[gnu::noinline]] Object* alloc_slow(size_t size, Type* type);

// Makes a header for [type] in a fresh cell; the rest of the cell is already zero.
// [size] is the whole cell: an object owns its cell (cell_size), so copying or scanning up to
// the cell end is legal; ASan then checks accesses against cells, not requested sizes.
inline Object* init_cell(char* cell, size_t size, Type* type) {
  TPY_ASAN_UNPOISON(cell, size);
  Object* o = reinterpret_cast<Object*>(cell);
  TPY_DCHECK(o->type() == nullptr, "gc: a free cell is not zero");
  HeaderAccess::set_type(o, type);
  return o;
}

inline Object* alloc(size_t size, Type* type) {
  TPY_DCHECK(size >= sizeof(Object), "gc::alloc: size must include the object header");
  TPY_DCHECK(type != nullptr, "gc::alloc: every object has a type");
  if (size <= kMaxSmallSize) [[likely]] {
    unsigned c = size_class(size);
    BumpRange& r = t_local_cache.ranges[c];
    char* cell = r.cur;
    if (cell != r.end) [[likely]] {
      r.cur = cell + kClassSizes[c];
      return init_cell(cell, kClassSizes[c], type);
    }
  }
  return alloc_slow(size, type);
}

// alloc for a C++ view of an object: sizeof(T) bytes plus [extra] bytes of trailing payload.
template <class T>
T* alloc_as(Type* type, size_t extra = 0) {
  static_assert(sizeof(T) % kCellAlign == 0, "object classes are multiples of 16 bytes");
  return static_cast<T*>(alloc(sizeof(T) + extra, type));
}

// -- Queries (conservative scanning, sys.getsizeof, tests) ----------------------------------------

// True when [p] points into memory the GC heap manages (a small-object page or a large object).
bool in_heap(const void* p);
// The live object whose cell contains [p] (interior pointers included), else nullptr.
Object* find_object(const void* p);
// The bytes the object's cell occupies (>= the size it was allocated with). Heap objects only.
size_t cell_size(const Object* o);

// Calls fn(o, ctx) for every object allocated so far (all threads must be stopped).
using ObjectVisitor = void (*)(Object* o, void* ctx);
void for_each_object(ObjectVisitor fn, void* ctx);

struct HeapStats {
  size_t reserved_bytes;      // address space reserved for small-object pages
  size_t small_pages;         // pages handed to allocation caches
  size_t large_objects;       // objects larger than kMaxSmallSize
  size_t large_bytes;         // their total size
};
HeapStats heap_stats();

}  // namespace tpy::gc
