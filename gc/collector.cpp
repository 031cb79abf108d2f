// gc/collector.cpp -- collect(): marking, weak slots, finalizable objects, sweeping, policy.
//
// See docs/internals/gc.md. One collection:
//   1. empty every allocation cache (their unused cells are free cells again);
//   2. full only: clear every mark (sticky marks make everything else old);
//   3. mark from the roots (gc/stack_scan.cpp), plus, when young, from the remembered set;
//   4. clear weak slots whose referents are unmarked (gc/weak.h);
//   5. PEP 442: unmarked objects with a finalizer not run yet are marked again, with all they
//      reach, and queued: they survive this collection, their finalizer runs after it, and a
//      later collection frees them if they are still unreachable (resurrection is free);
//   6. sweep; 7. run weakref callbacks, then finalizers (after the world is consistent).
#include "gc/collector.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "gc/barrier.h"
#include "gc/collector_internal.h"
#include "gc/heap_internal.h"
#include "gc/mark.h"
#include "gc/stack_scan.h"
#include "gc/sweep.h"
#include "gc/weak_internal.h"
#include "interp/objects/type.h"

namespace tpy::gc {

namespace {

constexpr size_t kBudgetUnit = 12 * 1024;      // bytes per unit of threshold0
constexpr size_t kMinFullHeap = 64u << 20;     // no full collection below this heap size
constexpr double kFullGrowth = 1.82;           // PyPy's major_collection_threshold

struct State {
  bool enabled = false;
  bool collecting = false;
  Options options;
  Stats stats;
  int64_t thresholds[3] = {700, 10, 10};
  size_t young_budget = 700 * kBudgetUnit;
  size_t full_trigger = kMinFullHeap;
  size_t stress_count = 0;
  std::vector<double> pauses_young, pauses_full;  // microseconds of wall time
  std::vector<double> cpu_young, cpu_full;        // microseconds of the thread's CPU time
  std::vector<LocalCache*> caches;
  std::vector<Object*> remembered;
  std::vector<Object*> finalize_queue;  // roots until their finalizer ran
  std::vector<Object*> frozen;          // traced by full collections (gc.freeze)
  // Marked only because a finalizable object reaches them: young again once the finalizers
  // ran, so that a young collection can free them (else they would wait for a full one).
  std::vector<Object*> resurrected;
};

State& state() {
  static State* s = new State();
  return *s;
}

size_t heap_bytes() { return heap().small_bytes_in_use() + heap().large_bytes(); }

void empty_caches(State& s) {
  for (LocalCache* c : s.caches)
    for (BumpRange& r : c->ranges) r.cur = r.end = nullptr;
  heap().reset_cursors();
}

void mark_object_cb(Object* o, void* ctx) { static_cast<Marker*>(ctx)->mark_object(o); }

void finalizable_mark(Marker& m, bool young, State& s) {
  std::vector<Object*> found;
  find_finalizable(young, &found);
  m.record_marked(&s.resurrected);
  for (Object* o : found) {
    o->set_gc_flags(o->gc_flags() | kGcFlagFinalized);
    m.mark_object(o);
    s.finalize_queue.push_back(o);
  }
  m.drain();
  m.record_marked(nullptr);
}

// Runs the callbacks of cleared weak slots, then the finalizers queued by collections.
void run_pending(State& s) {
  weak_run_callbacks();
  while (!s.finalize_queue.empty()) {
    Object* o = s.finalize_queue.back();
    s.finalize_queue.pop_back();
    Value v = Value::from_object(o);
    if (FinalizeFn f = o->type()->slots.finalize) f(v);
  }
}

// The calling thread's CPU time: on a loaded machine wall-clock pauses mostly measure the
// scheduler, so -X gc-stats reports both.
double thread_cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

size_t collect_locked(CollectionKind kind, State& s) {
  auto t0 = std::chrono::steady_clock::now();
  double cpu0 = thread_cpu_us();
  bool young = kind == CollectionKind::kYoung;
  type_cache_clear();
  empty_caches(s);
  if (!young) clear_marks();
  Marker m;
  mark_roots(m);
  for (Object* o : s.finalize_queue) m.mark_object(o);
  weak_mark_pending(mark_object_cb, &m);
  if (young) {
    for (Object* o : s.remembered) m.trace_children(o);
  } else {
    for (Object* o : s.frozen) m.trace_children(o);
  }
  m.drain();
  for (Object* o : s.remembered) o->set_gc_bits(o->gc_bits() & ~kGcRemembered);
  s.remembered.clear();
  weak_after_mark();
  // Objects resurrected by an earlier collection whose finalizers have not run yet may have
  // become garbage meanwhile (a full collection then frees them): forget those.
  std::erase_if(s.resurrected, [](Object* o) { return (o->gc_bits() & kGcMarked) == 0; });
  size_t queued = s.finalize_queue.size();
  finalizable_mark(m, young, s);
  m.finish();
  SweepResult r;
  {
    std::lock_guard<std::mutex> lock(heap().mutex());
    r = sweep(young);
    // Keep about one young budget of empty pages resident for the allocations to come (at
    // most 16 MiB): returning them and faulting them in again costs more than sweeping.
    size_t keep_bytes = std::min<size_t>(s.young_budget, 16u << 20);
    heap().trim_empty_pages(s.options.stress ? 0 : keep_bytes / kPageSize);
  }
  size_t found = r.freed_objects + (s.finalize_queue.size() - queued);
  Stats& st = s.stats;
  st.collected += r.freed_objects;
  (young ? st.collected_young : st.collected_full) += found;
  st.allocated_since_gc = 0;
  st.heap_bytes = heap_bytes();
  if (young) {
    st.young_collections++;
  } else {
    st.full_collections++;
    st.live_after_full = st.heap_bytes;
    s.full_trigger = std::max(kMinFullHeap, static_cast<size_t>(kFullGrowth * st.heap_bytes));
  }
  double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
  (young ? s.pauses_young : s.pauses_full).push_back(us);
  (young ? s.cpu_young : s.cpu_full).push_back(thread_cpu_us() - cpu0);
  return found;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

bool g_finalizers_pending = false;

size_t collect_deferred(CollectionKind kind) {
  State& s = state();
  if (s.collecting) return 0;
  s.collecting = true;
  size_t found = collect_locked(kind, s);
  s.collecting = false;
  if (!s.finalize_queue.empty() || weak_callbacks_pending()) g_finalizers_pending = true;
  return found;
}

// Makes the objects only finalizable objects reached young again. Sound because nothing old
// pointed at them when they were found (they were unreachable), and every pointer stored
// into an old object since went through the write barrier.
void make_young_again(State& s) {
  Heap& h = heap();
  for (Object* o : s.resurrected) {
    o->set_gc_bits(o->gc_bits() & ~kGcMarked);
    if (h.in_small_pages(o)) {
      char* page;
      h.page_of(o, &page).young = true;  // so that a young sweep looks at it
    }
  }
  s.resurrected.clear();
}

void run_finalizers() {
  State& s = state();
  g_finalizers_pending = false;
  if (s.collecting) return;
  // Callbacks and finalizers may allocate, but do not collect meanwhile: what is still
  // queued must stay queued (the queues are roots).
  s.collecting = true;
  run_pending(s);
  make_young_again(s);
  s.collecting = false;
}

size_t collect(CollectionKind kind) {
  size_t found = collect_deferred(kind);
  run_finalizers();
  return found;
}

size_t freeze() {
  State& s = state();
  size_t before = s.frozen.size();
  for_each_object(
      [](Object* o, void* ctx) {
        if (o->gc_flags() & kGcFlagFrozen) return;
        o->set_gc_flags(o->gc_flags() | kGcFlagFrozen);
        // Frozen objects are old: a store of a young object into one is remembered.
        o->set_gc_bits(o->gc_bits() | kGcMarked);
        static_cast<State*>(ctx)->frozen.push_back(o);
      },
      &s);
  return s.frozen.size() - before;
}

void unfreeze() {
  State& s = state();
  for (Object* o : s.frozen) o->set_gc_flags(o->gc_flags() & ~kGcFlagFrozen);
  s.frozen.clear();
}

size_t freeze_count() { return state().frozen.size(); }

// -- The slow path's questions ----------------------------------------------------------------

size_t before_slow_alloc(size_t size) {
  State& s = state();
  (void)size;
  if (!s.enabled || s.collecting) return SIZE_MAX;
  if (s.options.stress) {
    if (++s.stress_count % s.options.stress == 0) {
      // Mostly young collections (they test the barriers), a full one now and then.
      collect_deferred(s.stress_count / s.options.stress % 8 == 0 ? CollectionKind::kFull
                                                                   : CollectionKind::kYoung);
    }
    return 1;
  }
  if (s.young_budget == 0 || s.stats.allocated_since_gc < s.young_budget) return SIZE_MAX;
  collect_deferred(heap_bytes() >= s.full_trigger ? CollectionKind::kFull : CollectionKind::kYoung);
  return SIZE_MAX;
}

bool heap_has_room(size_t bytes) {
  State& s = state();
  size_t max = s.options.heap_max;
  if (max == 0 || heap_bytes() + bytes <= max) return true;
  if (!s.collecting) collect_deferred(CollectionKind::kFull);
  return heap_bytes() + bytes <= max;
}

void note_allocated(size_t bytes) {
  Stats& st = state().stats;
  st.bytes_allocated += bytes;
  st.allocated_since_gc += bytes;
  size_t h = heap_bytes() + bytes;
  if (h > st.peak_heap_bytes) st.peak_heap_bytes = h;
}

void register_local_cache(LocalCache* cache) { state().caches.push_back(cache); }

void unregister_local_cache(LocalCache* cache) { std::erase(state().caches, cache); }

void write_barrier_slow(Object* holder) {
  holder->set_gc_bits(holder->gc_bits() | kGcRemembered);
  state().remembered.push_back(holder);
}

// -- Options, thresholds, stats ---------------------------------------------------------------

void set_enabled(bool on) { state().enabled = on; }
bool is_enabled() { return state().enabled; }

void configure(const Options& o) { state().options = o; }
const Options& current_options() { return state().options; }

void options_from_env(Options* o) {
  if (const char* v = std::getenv("TPY_GC_STRESS")) {
    char* end = nullptr;
    unsigned long long n = std::strtoull(v, &end, 10);
    o->stress = (end != v && *end == '\0') ? static_cast<size_t>(n) : 0;
  }
}

void thresholds(int64_t out[3]) {
  for (int i = 0; i < 3; i++) out[i] = state().thresholds[i];
}

void set_thresholds(const int64_t t[3]) {
  State& s = state();
  for (int i = 0; i < 3; i++) s.thresholds[i] = t[i];
  s.young_budget = t[0] <= 0 ? 0 : static_cast<size_t>(t[0]) * kBudgetUnit;
}

const Stats& stats() {
  State& s = state();
  s.stats.heap_bytes = heap_bytes();
  return s.stats;
}

void print_stats() {
  State& s = state();
  const Stats& st = stats();
  auto line = [](const char* kind, const std::vector<double>& p, const std::vector<double>& c) {
    auto max = [](const std::vector<double>& v) {
      return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
    };
    std::fprintf(stderr,
                 "gc: %-5s collections: %zu, pause median %.1f us, p99 %.1f us, max %.1f us "
                 "(CPU time: median %.1f us, p99 %.1f us, max %.1f us)\n",
                 kind, p.size(), percentile(p, 0.5), percentile(p, 0.99), max(p),
                 percentile(c, 0.5), percentile(c, 0.99), max(c));
  };
  line("young", s.pauses_young, s.cpu_young);
  line("full", s.pauses_full, s.cpu_full);
  std::fprintf(stderr, "gc: objects freed: %llu\n", static_cast<unsigned long long>(st.collected));
  std::fprintf(stderr, "gc: bytes allocated: %llu (%.1f MiB)\n",
               static_cast<unsigned long long>(st.bytes_allocated), st.bytes_allocated / 1048576.0);
  std::fprintf(stderr, "gc: heap now %.1f MiB, peak heap %.1f MiB\n", st.heap_bytes / 1048576.0,
               st.peak_heap_bytes / 1048576.0);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::fprintf(stderr, "gc: peak RSS %.1f MiB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
}

}  // namespace tpy::gc
