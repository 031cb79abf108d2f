// bench/micro/container_bench.cpp -- Micro-benchmarks of the containers' hot paths.
//
// dict lookups of str keys (what LOAD_ATTR/LOAD_GLOBAL do: interned key, identity hit; an
// equal but distinct str; a miss), int-keyed dict get/set, list indexing through the C++
// inline accessor and through the type's getitem slot, list.append, and tuple allocation. The
// std::unordered_map rows are a reference point for the same lookups, not a target.
// Allocating benchmarks run a bounded number of iterations (no collector yet, see int_bench).
#include <benchmark/benchmark.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "interp/objects/dict.h"
#include "interp/objects/list.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/runtime.h"

namespace tpy {
namespace {

void ensure_runtime() {
  static bool done = [] {
    const char* argv[] = {"tpy_micro_bench"};
    return runtime_init(1, argv);
  }();
  (void)done;
}

// A dict of [n] interned names "name0".."name{n-1}", values their index.
Value names_dict(int n, std::vector<Value>* keys) {
  Value d = dict_new();
  for (int i = 0; i < n; i++) {
    Value k = str_intern("name" + std::to_string(i));
    keys->push_back(k);
    dict_set(d, k, Value::from_int(i));
  }
  return d;
}

void BM_DictGetStrInterned(benchmark::State& state) {
  ensure_runtime();
  std::vector<Value> keys;
  Value d = names_dict(static_cast<int>(state.range(0)), &keys);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(dict_get_str(d, keys[i]));
    i = (i + 1) & 7;
  }
}
BENCHMARK(BM_DictGetStrInterned)->Arg(8)->Arg(1000);

void BM_DictGetStrEqualCopy(benchmark::State& state) {
  ensure_runtime();
  std::vector<Value> keys, copies;
  Value d = names_dict(static_cast<int>(state.range(0)), &keys);
  for (int i = 0; i < 8; i++) {
    Value c = str_from_utf8(str_to_utf8(keys[static_cast<size_t>(i)]));
    str_hash(c);
    copies.push_back(c);
  }
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(dict_get_str(d, copies[i]));
    i = (i + 1) & 7;
  }
}
BENCHMARK(BM_DictGetStrEqualCopy)->Arg(8)->Arg(1000);

void BM_DictGetStrMiss(benchmark::State& state) {
  ensure_runtime();
  std::vector<Value> keys, misses;
  Value d = names_dict(static_cast<int>(state.range(0)), &keys);
  for (int i = 0; i < 8; i++) misses.push_back(str_intern("other" + std::to_string(i)));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(dict_get_str(d, misses[i]));
    i = (i + 1) & 7;
  }
}
BENCHMARK(BM_DictGetStrMiss)->Arg(8)->Arg(1000);

void BM_UnorderedMapGetString(benchmark::State& state) {
  std::unordered_map<std::string, int> m;
  std::vector<std::string> keys;
  for (int i = 0; i < state.range(0); i++) {
    keys.push_back("name" + std::to_string(i));
    m[keys.back()] = i;
  }
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(m.find(keys[i]));
    i = (i + 1) & 7;
  }
}
BENCHMARK(BM_UnorderedMapGetString)->Arg(8)->Arg(1000);

void BM_DictGetInt(benchmark::State& state) {
  ensure_runtime();
  Value d = dict_new();
  int64_t n = state.range(0);
  for (int64_t i = 0; i < n; i++) dict_set(d, Value::from_int(i * 3), Value::from_int(i));
  int64_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(dict_get(d, Value::from_int(i * 3)));
    if (++i == n) i = 0;
  }
}
BENCHMARK(BM_DictGetInt)->Arg(8)->Arg(100000);

void BM_DictSetIntFresh(benchmark::State& state) {
  ensure_runtime();
  int64_t n = state.range(0);
  for (auto _ : state) {
    Value d = dict_new();
    for (int64_t i = 0; i < n; i++) dict_set(d, Value::from_int(i), Value::from_int(i));
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_DictSetIntFresh)->Arg(1000)->Iterations(2000);

void BM_ListAt(benchmark::State& state) {
  ensure_runtime();
  Value l = list_new();
  for (int i = 0; i < 1024; i++) list_append(l, Value::from_int(i));
  int64_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(list_at(l, i));
    i = (i + 1) & 1023;
  }
}
BENCHMARK(BM_ListAt);

void BM_ListGetItemSlot(benchmark::State& state) {
  ensure_runtime();
  Value l = list_new();
  for (int i = 0; i < 1024; i++) list_append(l, Value::from_int(i));
  BinaryFn getitem = list_type.slots.getitem;
  int64_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(getitem(l, Value::from_int(i)));
    i = (i + 1) & 1023;
  }
}
BENCHMARK(BM_ListGetItemSlot);

void BM_ListAppend(benchmark::State& state) {
  ensure_runtime();
  int64_t n = state.range(0);
  for (auto _ : state) {
    Value l = list_new();
    for (int64_t i = 0; i < n; i++) list_append(l, Value::from_int(i));
    benchmark::DoNotOptimize(l);
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_ListAppend)->Arg(1000)->Iterations(4000);

void BM_TuplePack2(benchmark::State& state) {
  ensure_runtime();
  Value a = Value::from_int(1), b = Value::from_int(2);
  for (auto _ : state) benchmark::DoNotOptimize(tuple_pack({a, b}));
}
BENCHMARK(BM_TuplePack2)->Iterations(1000000);

}  // namespace
}  // namespace tpy
