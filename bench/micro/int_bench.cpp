// bench/micro/int_bench.cpp -- Micro-benchmarks of the int core and of gc::alloc.
//
// Small-int operations should cost a few cycles (the inline tagged paths); big-int operations
// are compared with the same GMP operation on a reused mpz_t, which shows what tpy's result
// allocation and normalisation add. The heap has no collector yet (issue 4), so every
// benchmark that allocates runs a fixed number of iterations that keeps its garbage near
// kGarbageBudget bytes instead of letting Google Benchmark pick millions.
#include <benchmark/benchmark.h>
#include <gmp.h>

#include <string>
#include <vector>

#include "gc/heap.h"
#include "interp/objects/int.h"

namespace tpy {
namespace {

constexpr size_t kGarbageBudget = size_t{64} << 20;

// Iterations whose results (about [bytes] each) stay within the garbage budget.
benchmark::IterationCount bounded(size_t bytes) {
  return static_cast<benchmark::IterationCount>(kGarbageBudget / (bytes + 16));
}

// A positive int of [bits] bits with a fixed pattern (no randomness: runs compare).
Value make_big(int bits) {
  std::string hex(static_cast<size_t>(bits / 4), 'a');
  hex[0] = 'f';
  return int_from_string(hex, 16);
}

// -- Small ints -----------------------------------------------------------------------------------

template <Value (*kOp)(Value, Value)>
void small_binary(benchmark::State& state) {
  std::vector<Value> xs;
  for (int i = 1; i <= 64; i++) xs.push_back(Value::from_int(i * 7919 - 250000));
  size_t i = 0;
  for (auto _ : state) {
    Value r = kOp(xs[i & 63], xs[(i + 1) & 63]);
    benchmark::DoNotOptimize(r);
    i++;
  }
}
BENCHMARK(small_binary<int_add>)->Name("IntSmall/add");
BENCHMARK(small_binary<int_mul>)->Name("IntSmall/mul");
BENCHMARK(small_binary<int_floordiv>)->Name("IntSmall/floordiv");
BENCHMARK(small_binary<int_xor>)->Name("IntSmall/xor");

// -- Big ints against GMP -------------------------------------------------------------------------

template <Value (*kOp)(Value, Value)>
void big_binary(benchmark::State& state) {
  int bits = static_cast<int>(state.range(0));
  Value a = make_big(bits), b = make_big(bits - 8);
  for (auto _ : state) {
    Value r = kOp(a, b);
    benchmark::DoNotOptimize(r);
  }
}

template <void (*kOp)(mpz_ptr, mpz_srcptr, mpz_srcptr)>
void gmp_binary(benchmark::State& state) {
  int bits = static_cast<int>(state.range(0));
  mpz_t a, b, r;
  mpz_init_set_str(a, std::string(static_cast<size_t>(bits / 4), 'a').c_str(), 16);
  mpz_init_set_str(b, std::string(static_cast<size_t>(bits / 4 - 2), 'a').c_str(), 16);
  mpz_init(r);
  for (auto _ : state) {
    kOp(r, a, b);
    benchmark::DoNotOptimize(r);
  }
  mpz_clears(a, b, r, nullptr);
}

void big_args(benchmark::internal::Benchmark* b, int result_bits_factor) {
  for (int bits : {128, 1024, 8192})
    b->Arg(bits)->Iterations(bounded(static_cast<size_t>(bits) * result_bits_factor / 8));
}

BENCHMARK(big_binary<int_add>)->Name("IntBig/add")->Apply([](auto* b) { big_args(b, 1); });
BENCHMARK(gmp_binary<mpz_add>)->Name("Gmp/mpz_add")->Arg(128)->Arg(1024)->Arg(8192);
BENCHMARK(big_binary<int_mul>)->Name("IntBig/mul")->Apply([](auto* b) { big_args(b, 2); });
BENCHMARK(gmp_binary<mpz_mul>)->Name("Gmp/mpz_mul")->Arg(128)->Arg(1024)->Arg(8192);
BENCHMARK(big_binary<int_floordiv>)->Name("IntBig/floordiv")->Apply([](auto* b) {
  big_args(b, 1);
});

// -- Conversions and allocation -------------------------------------------------------------------

void to_decimal(benchmark::State& state) {
  Value a = make_big(static_cast<int>(state.range(0)));
  std::string out;
  for (auto _ : state) {
    out.clear();
    bool ok = int_to_string(a, 10, out);
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(to_decimal)->Name("IntConvert/to_decimal")->Arg(64)->Arg(1024)->Arg(8192);

void from_decimal(benchmark::State& state) {
  std::string digits(static_cast<size_t>(state.range(0)), '7');
  for (auto _ : state) benchmark::DoNotOptimize(int_from_string(digits, 10));
}
BENCHMARK(from_decimal)->Name("IntConvert/from_decimal")->Arg(18)->Arg(300)->Arg(2000)
    ->Iterations(bounded(2000 / 2));

void gc_alloc(benchmark::State& state) {
  size_t size = static_cast<size_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(gc::alloc(size, &int_type));
}
BENCHMARK(gc_alloc)->Name("Gc/alloc")->Arg(32)->Arg(256)->Iterations(bounded(256));

}  // namespace
}  // namespace tpy
