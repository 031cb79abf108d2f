// bench/micro/list_sort_bench.cpp -- timsort (interp/objects/list_sort.h) against std::stable_sort.
//
// Two comparators: "Int" is the inline tagged-int compare (sort_values' fast path; for
// std::stable_sort the same inline lambda), "Call" an out-of-line function reached through a
// pointer, standing in for a Python rich comparison, where the number of comparisons is what
// matters. Each benchmark reports cmp_per_n, the comparisons per element (counted once, outside
// the timing, by a counting twin of its comparator: for "Int" one that is unobservable too,
// so it counts the straight insertion the fast path uses). The input is restored outside the
// timing.
//   build/bench/micro/tpy_micro_bench --benchmark_filter=Sort
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "interp/objects/list_sort.h"

namespace tpy {
namespace {

constexpr int64_t kN = 100000;

struct Lcg {
  uint64_t state;
  uint64_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  }
};

enum Pattern : int64_t { kRandom, kRuns, kOneOutOfPlace, kDescending, kFewDistinct };

std::vector<Value> make(Pattern pattern) {
  Lcg g{42};
  std::vector<Value> v;
  switch (pattern) {
    case kRandom:
      for (int64_t i = 0; i < kN; ++i) v.push_back(Value::from_int(int64_t(g.next())));
      break;
    case kRuns:  // sorted runs of 1..2000 elements, half of them descending
      while (int64_t(v.size()) < kN) {
        int64_t len = std::min<int64_t>(1 + int64_t(g.next() % 2000), kN - int64_t(v.size()));
        std::vector<int64_t> run;
        for (int64_t i = 0; i < len; ++i) run.push_back(int64_t(g.next()));
        std::sort(run.begin(), run.end());
        if (g.next() & 1) std::reverse(run.begin(), run.end());
        for (int64_t x : run) v.push_back(Value::from_int(x));
      }
      break;
    case kOneOutOfPlace: {  // sorted, then one element moved to a random place
      for (int64_t i = 0; i < kN; ++i) v.push_back(Value::from_int(i));
      int64_t from = int64_t(g.next() % kN), to = int64_t(g.next() % kN);
      Value x = v[from];
      v.erase(v.begin() + from);
      v.insert(v.begin() + to, x);
      break;
    }
    case kDescending:
      for (int64_t i = 0; i < kN; ++i) v.push_back(Value::from_int(kN - i));
      break;
    case kFewDistinct:
      for (int64_t i = 0; i < kN; ++i) v.push_back(Value::from_int(int64_t(g.next() % 16)));
      break;
  }
  return v;
}

[[gnu::noinline]] int call_lt(Value a, Value b, void*) { return a.as_int() < b.as_int(); }

// Read through a volatile so std::stable_sort cannot inline the call either.
SortLessFn volatile g_call_lt = call_lt;

int counting_lt(Value a, Value b, void* ctx) {
  ++*static_cast<int64_t*>(ctx);
  return a.as_int() < b.as_int();
}

void set_labels(benchmark::State& state, int64_t comparisons) {
  static const char* const kNames[] = {"random", "runs", "one_out_of_place", "descending",
                                       "few_distinct"};
  state.SetLabel(kNames[state.range(0)]);
  state.counters["cmp_per_n"] = double(comparisons) / double(kN);
  state.SetItemsProcessed(state.iterations() * kN);
}

template <class Sort>
void run(benchmark::State& state, Sort sort) {
  const std::vector<Value> input = make(Pattern(state.range(0)));
  std::vector<Value> v;
  for (auto _ : state) {
    state.PauseTiming();
    v = input;
    state.ResumeTiming();
    sort(v);
    benchmark::DoNotOptimize(v.data());
  }
}

// TaggedIntLess with a counter, still marked unobservable so the sort takes the same path.
struct CountingIntLess {
  static constexpr bool kUnobservable = true;
  int64_t* count;
  int operator()(Value a, Value b) const {
    ++*count;
    return TaggedIntLess{}(a, b);
  }
};

int64_t count_timsort_int(Pattern p) {
  std::vector<Value> v = make(p);
  int64_t count = 0;
  timsort(v.data(), nullptr, v.size(), false, CountingIntLess{&count});
  return count;
}

int64_t count_timsort(Pattern p) {
  std::vector<Value> v = make(p);
  int64_t count = 0;
  timsort(v.data(), nullptr, v.size(), false, SortLess{counting_lt, &count});
  return count;
}

int64_t count_stable_sort(Pattern p) {
  std::vector<Value> v = make(p);
  int64_t count = 0;
  std::stable_sort(v.begin(), v.end(), [&](Value a, Value b) { return counting_lt(a, b, &count); });
  return count;
}

void BM_SortTimsortInt(benchmark::State& state) {
  run(state, [](std::vector<Value>& v) {
    sort_values(v.data(), v.size(), SortLess{call_lt, nullptr});
  });
  set_labels(state, count_timsort_int(Pattern(state.range(0))));
}

void BM_SortStableSortInt(benchmark::State& state) {
  run(state, [](std::vector<Value>& v) {
    std::stable_sort(v.begin(), v.end(), [](Value a, Value b) {
      return static_cast<int64_t>(a.bits()) < static_cast<int64_t>(b.bits());
    });
  });
  set_labels(state, count_stable_sort(Pattern(state.range(0))));
}

void BM_SortTimsortCall(benchmark::State& state) {
  run(state, [](std::vector<Value>& v) {
    timsort(v.data(), nullptr, v.size(), false, SortLess{call_lt, nullptr});
  });
  set_labels(state, count_timsort(Pattern(state.range(0))));
}

void BM_SortStableSortCall(benchmark::State& state) {
  run(state, [](std::vector<Value>& v) {
    SortLessFn fn = g_call_lt;
    std::stable_sort(v.begin(), v.end(), [fn](Value a, Value b) { return fn(a, b, nullptr) > 0; });
  });
  set_labels(state, count_stable_sort(Pattern(state.range(0))));
}

#define TPY_SORT_PATTERNS ->DenseRange(kRandom, kFewDistinct)->Unit(benchmark::kMicrosecond)
BENCHMARK(BM_SortTimsortInt) TPY_SORT_PATTERNS;
BENCHMARK(BM_SortStableSortInt) TPY_SORT_PATTERNS;
BENCHMARK(BM_SortTimsortCall) TPY_SORT_PATTERNS;
BENCHMARK(BM_SortStableSortCall) TPY_SORT_PATTERNS;
#undef TPY_SORT_PATTERNS

}  // namespace
}  // namespace tpy
