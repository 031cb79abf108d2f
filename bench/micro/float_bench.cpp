// bench/micro/float_bench.cpp -- Micro-benchmarks of float text: repr, format, parse, hash.
//
// FloatText/repr is what repr(float) and str(float) cost; it is compared with glibc's
// snprintf("%.17g"), which prints more digits than needed and so is not a round-trip-shortest
// repr, but is the usual C baseline. The inputs are a fixed pseudo-random mix of magnitudes
// (no randomness between runs).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "interp/text/float_parse.h"
#include "interp/text/float_repr.h"
#include "interp/text/format_spec.h"
#include "interp/text/number_hash.h"

namespace tpy::text {
namespace {

const std::vector<double>& inputs() {
  static const std::vector<double> xs = [] {
    std::mt19937_64 rng(20241123);
    std::vector<double> v;
    for (int i = 0; i < 1024; i++) {
      switch (i % 4) {
        case 0: v.push_back(double(rng() % 100000) / 100); break;           // 123.45
        case 1: v.push_back(std::uniform_real_distribution<>(0, 1)(rng)); break;  // 17 digits
        case 2: v.push_back(double(int64_t(rng() % 2000000) - 1000000)); break;  // integral
        default: v.push_back(std::ldexp(double(rng() >> 11), int(rng() % 200) - 100)); break;
      }
    }
    return v;
  }();
  return xs;
}

void repr(benchmark::State& state) {
  const auto& xs = inputs();
  std::string out;
  size_t i = 0;
  for (auto _ : state) {
    out.clear();
    float_repr(out, xs[i++ & 1023]);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(repr)->Name("FloatText/repr");

void snprintf_17g(benchmark::State& state) {
  const auto& xs = inputs();
  char buf[40];
  size_t i = 0;
  for (auto _ : state) {
    std::snprintf(buf, sizeof buf, "%.17g", xs[i++ & 1023]);
    benchmark::DoNotOptimize(buf);
  }
}
BENCHMARK(snprintf_17g)->Name("FloatText/snprintf_17g");

void format_2f(benchmark::State& state) {
  const auto& xs = inputs();
  std::string out;
  NumError err;
  size_t i = 0;
  for (auto _ : state) {
    out.clear();
    format_float(out, ".2f", xs[i++ & 1023], err);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(format_2f)->Name("FloatText/format_.2f");

void format_grouped(benchmark::State& state) {
  const auto& xs = inputs();
  std::string out;
  NumError err;
  size_t i = 0;
  for (auto _ : state) {
    out.clear();
    format_float(out, ">20,.3f", xs[i++ & 1023], err);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(format_grouped)->Name("FloatText/format_>20,.3f");

void parse(benchmark::State& state) {
  std::vector<std::string> texts;
  for (double x : inputs()) texts.push_back(float_repr(x));
  double d;
  size_t i = 0;
  for (auto _ : state) {
    parse_float(texts[i++ & 1023], &d);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(parse)->Name("FloatText/parse");

void hash(benchmark::State& state) {
  const auto& xs = inputs();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(hash_double(xs[i++ & 1023], 0));
}
BENCHMARK(hash)->Name("FloatText/hash");

}  // namespace
}  // namespace tpy::text
