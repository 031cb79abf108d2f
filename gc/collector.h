// gc/collector.h -- The collector's entry points: collect, the trigger policy, options, stats.
//
// See docs/internals/gc.md. Mark-sweep over the non-moving heap of gc/heap.h, generational by
// sticky mark bits (JavaScriptCore's Riptide): a young collection marks from the roots and the
// remembered set and frees only objects allocated since the previous collection; a full one
// clears every mark first. Roots: the native stack and registers of the collecting thread
// (conservatively), its frame stack, the thread state, gc::g_roots, TempRoots and registered
// static objects (gc/roots.h). Collections run inside gc::alloc's slow path when the
// allocation volume says so, or when gc.collect() asks.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tpy::gc {

enum class CollectionKind : uint8_t { kYoung, kFull };

// Collects now (the calling thread must be the only one running Python). Returns the number
// of unreachable objects found (freed, or kept one more cycle for their finalizer). Weakref
// callbacks and finalizers run before it returns, unless a collection is already running.
size_t collect(CollectionKind kind);
// The same, from an allocation: callbacks and finalizers are left for run_finalizers().
size_t collect_deferred(CollectionKind kind);

// Finalizers (__del__) and weakref callbacks found by an automatic collection do not run
// inside the allocation that triggered it (C++ code in the middle of, say, a dict insert is
// not re-entrant): the collection sets this flag, and the eval loop's breaker (polled at
// function entry and backward jumps) calls run_finalizers() at the next instruction boundary.
// gc.collect() runs them before it returns.
extern bool g_finalizers_pending;
void run_finalizers();

// Automatic collections (gc.enable/gc.disable). Off until the runtime is initialised.
void set_enabled(bool on);
bool is_enabled();

struct Options {
  size_t stress = 0;     // TPY_GC_STRESS=N: a collection every N allocations (0: off)
  size_t heap_max = 0;   // -X gc-heap-max: MemoryError past this many bytes (0: no bound)
  bool print_stats = false;  // -X gc-stats: print statistics at exit
};
// Applies options (at start-up, before the first automatic collection).
void configure(const Options& o);
const Options& current_options();
// Reads TPY_GC_STRESS from the environment into [o].
void options_from_env(Options* o);

// gc.get_threshold / set_threshold: CPython's three numbers, kept as given. threshold0 sets
// the young budget (threshold0 x 12 KiB allocated between young collections; 0 disables
// automatic collection, as in CPython); the other two are reported back unchanged.
void thresholds(int64_t out[3]);
void set_thresholds(const int64_t t[3]);

// gc.freeze(): every object now allocated becomes permanent (never freed; its references
// are roots of full collections) until unfreeze(). Returns the count frozen now.
size_t freeze();
void unfreeze();
size_t freeze_count();

struct Stats {
  uint64_t young_collections = 0, full_collections = 0;
  uint64_t collected = 0;          // objects freed, all collections
  uint64_t collected_young = 0, collected_full = 0;
  uint64_t uncollectable = 0;      // always 0: tpy has no uncollectable cycles
  uint64_t bytes_allocated = 0;    // handed to the program since start (cells and large)
  uint64_t allocated_since_gc = 0; // bytes since the last collection
  size_t heap_bytes = 0;           // pages in use + large objects, now
  size_t peak_heap_bytes = 0;
  size_t live_after_full = 0;      // heap bytes after the last full collection
};
const Stats& stats();
// Writes the -X gc-stats report (collections by kind, pauses, bytes, peaks) to stderr.
void print_stats();

}  // namespace tpy::gc
