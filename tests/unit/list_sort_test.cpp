// tests/unit/list_sort_test.cpp -- timsort against CPython 3.11's list.sort: comparisons, failures, stability.
//
// kOracle was printed by /usr/bin/python3.11 running tests/unit/data/gen_list_sort_cases.py, which
// builds the same inputs as make_input() below. Matching its comparison counts and, above all,
// the list's state after a comparison fails at *each* step pins the algorithm down to CPython's
// exact sequence of comparisons, not just to "a stable sort".
#include "interp/objects/list_sort.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "gc/roots.h"
#include <cstdint>
#include <string>
#include <vector>

namespace tpy {
namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;
constexpr int kIndexBits = 20;  // an element is (value << kIndexBits) | index, compared by value

struct Lcg {
  uint64_t state;
  uint64_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  }
};

// The inputs of gen_list_sort_cases.py, pattern by pattern.
std::vector<int64_t> make_input(const std::string& pattern, int64_t n, uint64_t seed) {
  Lcg g{seed};
  std::vector<int64_t> v;
  if (pattern == "random") {
    for (int64_t i = 0; i < n; ++i) v.push_back(static_cast<int64_t>(g.next() % 1000000));
  } else if (pattern == "dups") {
    for (int64_t i = 0; i < n; ++i) v.push_back(static_cast<int64_t>(g.next() % 8));
  } else if (pattern == "sawtooth") {
    for (int64_t i = 0; i < n; ++i) v.push_back(i % 97);
  } else if (pattern == "desc_sawtooth") {
    for (int64_t i = 0; i < n; ++i) v.push_back(96 - i % 97);
  } else if (pattern == "runs") {
    while (static_cast<int64_t>(v.size()) < n) {
      int64_t len = std::min(static_cast<int64_t>(1 + g.next() % 300),
                             n - static_cast<int64_t>(v.size()));
      std::vector<int64_t> chunk;
      for (int64_t i = 0; i < len; ++i) chunk.push_back(static_cast<int64_t>(g.next() % 1000000));
      std::sort(chunk.begin(), chunk.end());
      if (g.next() % 2) std::reverse(chunk.begin(), chunk.end());
      v.insert(v.end(), chunk.begin(), chunk.end());
    }
  } else if (pattern == "one_moved") {
    for (int64_t i = 0; i < n; ++i) v.push_back(i);
    int64_t p = static_cast<int64_t>(g.next() % static_cast<uint64_t>(n));
    int64_t q = static_cast<int64_t>(g.next() % static_cast<uint64_t>(n));
    int64_t x = v[p];
    v.erase(v.begin() + p);
    v.insert(v.begin() + q, x);
  } else if (pattern == "ascending") {
    for (int64_t i = 0; i < n; ++i) v.push_back(i);
  } else if (pattern == "descending") {
    for (int64_t i = 0; i < n; ++i) v.push_back(n - i);
  } else if (pattern == "desc_dups") {
    for (int64_t i = 0; i < n; ++i) v.push_back((n - i) / 3);
  } else if (pattern == "organ") {
    for (int64_t i = 0; i < n; ++i) v.push_back(i < n / 2 ? i : n - i);
  } else if (pattern == "few_swaps") {
    for (int64_t i = 0; i < n; ++i) v.push_back(i);
    for (int64_t s = 0; s < n / 50 + 1; ++s) {
      uint64_t p = g.next() % static_cast<uint64_t>(n);
      uint64_t q = g.next() % static_cast<uint64_t>(n);
      std::swap(v[p], v[q]);
    }
  } else {
    ADD_FAILURE() << "unknown pattern " << pattern;
  }
  return v;
}

// A comparator standing in for a Python __lt__: counts its calls and raises (returns -1) on
// call number fail_at + 1; a call after that is a bug (the sort must stop at once).
struct Probe {
  int64_t calls = 0;
  int64_t fail_at = -1;
  int64_t calls_after_failure = 0;
  bool failed = false;
  bool by_value_part = true;  // compare (value << kIndexBits | index) by value; else whole ints

  int check() {
    if (failed) ++calls_after_failure;
    if (calls == fail_at) {
      failed = true;
      return -1;
    }
    ++calls;
    return 0;
  }
};

int probe_lt(Value a, Value b, void* ctx) {
  auto* p = static_cast<Probe*>(ctx);
  if (p->check() < 0) return -1;
  int64_t x = a.as_int(), y = b.as_int();
  if (p->by_value_part) {
    x >>= kIndexBits;
    y >>= kIndexBits;
  }
  return x < y;
}

uint64_t fnv(uint64_t h, uint64_t x) { return (h ^ x) * kFnvPrime; }

// How a case is laid out in the arrays the sort sees.
enum class Mode {
  kPacked,  // values are (value << kIndexBits) | index, no separate keys
  kKeyed,   // keys are the values, values are the indices
};

struct Arrays {
  std::vector<Value> values, keys;
  Value* keys_or_null() { return keys.empty() ? nullptr : keys.data(); }
};

Arrays lay_out(const std::vector<int64_t>& input, Mode mode) {
  Arrays a;
  for (size_t i = 0; i < input.size(); ++i) {
    int64_t idx = static_cast<int64_t>(i);
    if (mode == Mode::kPacked) {
      a.values.push_back(Value::from_int((input[i] << kIndexBits) | idx));
    } else {
      a.keys.push_back(Value::from_int(input[i]));
      a.values.push_back(Value::from_int(idx));
    }
  }
  return a;
}

int64_t index_of(Value v, Mode mode) {
  return mode == Mode::kPacked ? v.as_int() & ((int64_t{1} << kIndexBits) - 1) : v.as_int();
}

// Hash of the element order (by original index), as the generator computes it. Also checks
// that the arrays hold a permutation with every key still beside its value.
uint64_t order_hash(const Arrays& a, const std::vector<int64_t>& input, Mode mode) {
  std::vector<bool> seen(input.size());
  uint64_t h = kFnvOffset;
  for (size_t i = 0; i < a.values.size(); ++i) {
    int64_t idx = index_of(a.values[i], mode);
    EXPECT_TRUE(idx >= 0 && idx < static_cast<int64_t>(input.size()) && !seen[idx])
        << "not a permutation at " << i;
    if (idx < 0 || idx >= static_cast<int64_t>(input.size())) return 0;
    seen[idx] = true;
    if (mode == Mode::kKeyed) EXPECT_EQ(a.keys[i].as_int(), input[idx]) << "key left its value";
    h = fnv(h, static_cast<uint64_t>(idx));
  }
  return h;
}

// Sorts as list.sort would, with the probe as __lt__ (on the keys, or on the packed values).
int run_sort(Arrays& a, bool reverse, Probe& probe) {
  probe.by_value_part = a.keys.empty();
  return timsort(a.values.data(), a.keys_or_null(), a.values.size(), reverse,
                 SortLess{probe_lt, &probe});
}

struct OracleCase {
  const char* pattern;
  int64_t n;
  bool reverse;
  int64_t comparisons;
  uint64_t final_hash;
  uint64_t failure_fold;  // 0: not computed for this size
};

const OracleCase kOracle[] = {
    {"random", 2, false, 1, 0x082f2207b4e88cc4ull, 0x68bc820be60e0badull},
    {"random", 2, true, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"random", 3, false, 2, 0xd949aa186c0c4928ull, 0x3cdcfca103aad20dull},
    {"random", 3, true, 2, 0xea9ca21875dc49e4ull, 0x3cdcfca103aad20dull},
    {"random", 40, false, 163, 0xf593102dd18dc3bbull, 0x6be4236dd6505534ull},
    {"random", 40, true, 169, 0x9a8590c9613b383bull, 0x55e3ced15bb25dd2ull},
    {"random", 600, false, 4753, 0x923a93f638bc1211ull, 0x31fc79aeaa69ba2aull},
    {"random", 600, true, 4749, 0x271b82b882a02db1ull, 0x8465ff135091e65cull},
    {"random", 1000, false, 8603, 0xeb2cea91ba1ce643ull, 0x0000000000000000ull},
    {"random", 1000, true, 8640, 0x18023e2beb4695bfull, 0x0000000000000000ull},
    {"random", 20000, false, 259695, 0x1e53ac9f7c49ed8dull, 0x0000000000000000ull},
    {"random", 20000, true, 259515, 0xac1747730b39c643ull, 0x0000000000000000ull},
    {"dups", 2, false, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"dups", 2, true, 1, 0x082f2207b4e88cc4ull, 0x68bc820be60e0badull},
    {"dups", 3, false, 2, 0xd949aa186c0c4928ull, 0x3cdcfca103aad20dull},
    {"dups", 3, true, 2, 0xea9ca21875dc49e4ull, 0x3cdcfca103aad20dull},
    {"dups", 40, false, 163, 0x6f0c09c104413995ull, 0xa7b76fbaeba11698ull},
    {"dups", 40, true, 161, 0xf1ac14575bb08d53ull, 0x8b2b29355b4c4f46ull},
    {"dups", 600, false, 3891, 0xd35ec9a4b72ab44full, 0x12a27e4489678000ull},
    {"dups", 600, true, 3804, 0xb6ba744e13f59981ull, 0x3b11b34c379c4ad7ull},
    {"dups", 1000, false, 6417, 0x5a34e3349331731full, 0x0000000000000000ull},
    {"dups", 1000, true, 6469, 0xa480fe8acbfab4b9ull, 0x0000000000000000ull},
    {"dups", 20000, false, 135272, 0x490dea6ec3af48d3ull, 0x0000000000000000ull},
    {"dups", 20000, true, 135213, 0xd2398272b9fdbe5dull, 0x0000000000000000ull},
    {"sawtooth", 2, false, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"sawtooth", 2, true, 1, 0x082f2207b4e88cc4ull, 0x68bc820be60e0badull},
    {"sawtooth", 3, false, 2, 0xd949aa186c0c4928ull, 0x3cdcfca103aad20dull},
    {"sawtooth", 3, true, 2, 0xea9ca21875dc49e4ull, 0x3cdcfca103aad20dull},
    {"sawtooth", 40, false, 39, 0xc9ccf0fe5fbdeb1dull, 0xfce229e58f522ff2ull},
    {"sawtooth", 40, true, 39, 0xea0c6c47be387835ull, 0xfce229e58f522ff2ull},
    {"sawtooth", 600, false, 2236, 0x355ee21b1450c6ffull, 0x0d6463a853da47ebull},
    {"sawtooth", 600, true, 2316, 0x5283018eda4e683dull, 0xf1dcd10bf38508afull},
    {"sawtooth", 1000, false, 4454, 0xfb7d6a15eb7c83d7ull, 0x0000000000000000ull},
    {"sawtooth", 1000, true, 4601, 0xfea464b44fc7ef05ull, 0x0000000000000000ull},
    {"sawtooth", 20000, false, 122364, 0xf06d6d116579930full, 0x0000000000000000ull},
    {"sawtooth", 20000, true, 122449, 0xe033b8595df6f4c5ull, 0x0000000000000000ull},
    {"desc_sawtooth", 2, false, 1, 0x082f2207b4e88cc4ull, 0x68bc820be60e0badull},
    {"desc_sawtooth", 2, true, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"desc_sawtooth", 3, false, 2, 0xea9ca21875dc49e4ull, 0x3cdcfca103aad20dull},
    {"desc_sawtooth", 3, true, 2, 0xd949aa186c0c4928ull, 0x3cdcfca103aad20dull},
    {"desc_sawtooth", 40, false, 39, 0xea0c6c47be387835ull, 0xfce229e58f522ff2ull},
    {"desc_sawtooth", 40, true, 39, 0xc9ccf0fe5fbdeb1dull, 0xfce229e58f522ff2ull},
    {"desc_sawtooth", 600, false, 2228, 0x5283018eda4e683dull, 0x9bea49d38c853003ull},
    {"desc_sawtooth", 600, true, 2324, 0x355ee21b1450c6ffull, 0x2ae082560780fe01ull},
    {"desc_sawtooth", 1000, false, 4444, 0xfea464b44fc7ef05ull, 0x0000000000000000ull},
    {"desc_sawtooth", 1000, true, 4611, 0xfb7d6a15eb7c83d7ull, 0x0000000000000000ull},
    {"desc_sawtooth", 20000, false, 122354, 0xe033b8595df6f4c5ull, 0x0000000000000000ull},
    {"desc_sawtooth", 20000, true, 122458, 0xf06d6d116579930full, 0x0000000000000000ull},
    {"runs", 2, false, 1, 0x082f2207b4e88cc4ull, 0x68bc820be60e0badull},
    {"runs", 2, true, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"runs", 3, false, 2, 0xea9ca21875dc49e4ull, 0x3cdcfca103aad20dull},
    {"runs", 3, true, 2, 0xd949aa186c0c4928ull, 0x3cdcfca103aad20dull},
    {"runs", 40, false, 39, 0xc9ccf0fe5fbdeb1dull, 0xfce229e58f522ff2ull},
    {"runs", 40, true, 39, 0xea0c6c47be387835ull, 0xfce229e58f522ff2ull},
    {"runs", 600, false, 1784, 0x2e180b2f3d2a9a33ull, 0x354e8f0ae194cad7ull},
    {"runs", 600, true, 1785, 0x1590705908c985f3ull, 0x810b15ec90586bf8ull},
    {"runs", 1000, false, 3840, 0xd6a4e77feb2a3447ull, 0x0000000000000000ull},
    {"runs", 1000, true, 4194, 0x8dfd691a193a8477ull, 0x0000000000000000ull},
    {"runs", 20000, false, 160765, 0x25a4c71b03ed0a8full, 0x0000000000000000ull},
    {"runs", 20000, true, 160600, 0x408910bae252222full, 0x0000000000000000ull},
    {"one_moved", 2, false, 1, 0x082f2207b4e88cc4ull, 0x68bc820be60e0badull},
    {"one_moved", 2, true, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"one_moved", 3, false, 2, 0xd949aa186c0c4928ull, 0x3cdcfca103aad20dull},
    {"one_moved", 3, true, 2, 0xea9ca21875dc49e4ull, 0x3cdcfca103aad20dull},
    {"one_moved", 40, false, 114, 0x086d525b6d02ee87ull, 0x2828c9f99e0177fbull},
    {"one_moved", 40, true, 124, 0xe674723b43f39fc7ull, 0x003cfaac511b7f4bull},
    {"one_moved", 600, false, 630, 0xe6c8676b2c1334b5ull, 0xd42409e7547276abull},
    {"one_moved", 600, true, 639, 0x7fd8dc6a452be76dull, 0xa1dff09aa7c7a56aull},
    {"one_moved", 1000, false, 1197, 0xe96a8c58c66e9181ull, 0x0000000000000000ull},
    {"one_moved", 1000, true, 1037, 0x608e318fc23e8959ull, 0x0000000000000000ull},
    {"one_moved", 20000, false, 20050, 0x4ad681fa38ff3c2full, 0x0000000000000000ull},
    {"one_moved", 20000, true, 20049, 0x3d65e335b36e399full, 0x0000000000000000ull},
    {"ascending", 2, false, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"ascending", 2, true, 1, 0x082f2207b4e88cc4ull, 0x68bc820be60e0badull},
    {"ascending", 3, false, 2, 0xd949aa186c0c4928ull, 0x3cdcfca103aad20dull},
    {"ascending", 3, true, 2, 0xea9ca21875dc49e4ull, 0x3cdcfca103aad20dull},
    {"ascending", 40, false, 39, 0xc9ccf0fe5fbdeb1dull, 0xfce229e58f522ff2ull},
    {"ascending", 40, true, 39, 0xea0c6c47be387835ull, 0xfce229e58f522ff2ull},
    {"ascending", 600, false, 599, 0x47c6fad6e5f9b98dull, 0xc5190debc26eb3b2ull},
    {"ascending", 600, true, 599, 0xf823340afc2e2075ull, 0xc5190debc26eb3b2ull},
    {"ascending", 1000, false, 999, 0x988cc5afd8cb65ddull, 0x0000000000000000ull},
    {"ascending", 1000, true, 999, 0xa84907c59e63feb5ull, 0x0000000000000000ull},
    {"ascending", 20000, false, 19999, 0x07683a7110916cc5ull, 0x0000000000000000ull},
    {"ascending", 20000, true, 19999, 0x3a2c07b4cd83cfe5ull, 0x0000000000000000ull},
    {"descending", 2, false, 1, 0x082f2207b4e88cc4ull, 0x68bc820be60e0badull},
    {"descending", 2, true, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"descending", 3, false, 2, 0xea9ca21875dc49e4ull, 0x3cdcfca103aad20dull},
    {"descending", 3, true, 2, 0xd949aa186c0c4928ull, 0x3cdcfca103aad20dull},
    {"descending", 40, false, 39, 0xea0c6c47be387835ull, 0xfce229e58f522ff2ull},
    {"descending", 40, true, 39, 0xc9ccf0fe5fbdeb1dull, 0xfce229e58f522ff2ull},
    {"descending", 600, false, 599, 0xf823340afc2e2075ull, 0xc5190debc26eb3b2ull},
    {"descending", 600, true, 599, 0x47c6fad6e5f9b98dull, 0xc5190debc26eb3b2ull},
    {"descending", 1000, false, 999, 0xa84907c59e63feb5ull, 0x0000000000000000ull},
    {"descending", 1000, true, 999, 0x988cc5afd8cb65ddull, 0x0000000000000000ull},
    {"descending", 20000, false, 19999, 0x3a2c07b4cd83cfe5ull, 0x0000000000000000ull},
    {"descending", 20000, true, 19999, 0x07683a7110916cc5ull, 0x0000000000000000ull},
    {"desc_dups", 2, false, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"desc_dups", 2, true, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"desc_dups", 3, false, 4, 0xd0aa6318672cf75eull, 0x943d31836fe70b8dull},
    {"desc_dups", 3, true, 2, 0xd949aa186c0c4928ull, 0x3cdcfca103aad20dull},
    {"desc_dups", 40, false, 171, 0x15d8131868e17ef1ull, 0x5692032591c5bfd2ull},
    {"desc_dups", 40, true, 39, 0xc9ccf0fe5fbdeb1dull, 0xfce229e58f522ff2ull},
    {"desc_dups", 600, false, 2754, 0x51f110cfa1aa1883ull, 0xbf82398086107fc3ull},
    {"desc_dups", 600, true, 599, 0x47c6fad6e5f9b98dull, 0xc5190debc26eb3b2ull},
    {"desc_dups", 1000, false, 5141, 0x436fd2a84a7e5db1ull, 0x0000000000000000ull},
    {"desc_dups", 1000, true, 999, 0x988cc5afd8cb65ddull, 0x0000000000000000ull},
    {"desc_dups", 20000, false, 93152, 0x0106fa72716dca63ull, 0x0000000000000000ull},
    {"desc_dups", 20000, true, 19999, 0x07683a7110916cc5ull, 0x0000000000000000ull},
    {"organ", 2, false, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"organ", 2, true, 1, 0x082f2207b4e88cc4ull, 0x68bc820be60e0badull},
    {"organ", 3, false, 4, 0xd94645186c0967b2ull, 0x6616f068611c45b5ull},
    {"organ", 3, true, 4, 0xd0aa6318672cf75eull, 0x6616f068611c45b5ull},
    {"organ", 40, false, 116, 0x091c5c5a38f2a4f9ull, 0x97e92c1d177252edull},
    {"organ", 40, true, 118, 0x85dbf19b479f1859ull, 0xdc5863680dab31a9ull},
    {"organ", 600, false, 1199, 0xe5f831f2d83d2211ull, 0x1594b8977dfe9bb8ull},
    {"organ", 600, true, 1198, 0x00047e249be24721ull, 0xac9ed518468eeca9ull},
    {"organ", 1000, false, 1999, 0x0c5e5ebb45a0efd9ull, 0x0000000000000000ull},
    {"organ", 1000, true, 1998, 0x828965e93152d4b9ull, 0x0000000000000000ull},
    {"organ", 20000, false, 39999, 0xe07a1deed396ef35ull, 0x0000000000000000ull},
    {"organ", 20000, true, 39998, 0xbd83c69b670c4975ull, 0x0000000000000000ull},
    {"few_swaps", 2, false, 1, 0x082f2207b4e88cc4ull, 0x68bc820be60e0badull},
    {"few_swaps", 2, true, 1, 0x08328707b4eb6e3aull, 0x68bc820be60e0badull},
    {"few_swaps", 3, false, 2, 0xd949aa186c0c4928ull, 0x3cdcfca103aad20dull},
    {"few_swaps", 3, true, 2, 0xea9ca21875dc49e4ull, 0x3cdcfca103aad20dull},
    {"few_swaps", 40, false, 113, 0x5f45c5b81054ade1ull, 0x32f2831b3dfb1414ull},
    {"few_swaps", 40, true, 144, 0x0b3b5227d67e9f31ull, 0x6f23656c0c03a7d7ull},
    {"few_swaps", 600, false, 1931, 0xbe74b96ffebb3a21ull, 0x128a2e4781cdf63cull},
    {"few_swaps", 600, true, 2096, 0x692efb9ced4a8fa1ull, 0x8e1dffd1a744a545ull},
    {"few_swaps", 1000, false, 4177, 0x3e69071e8ccf240bull, 0x0000000000000000ull},
    {"few_swaps", 1000, true, 4342, 0x47d7a47c8507ef6bull, 0x0000000000000000ull},
    {"few_swaps", 20000, false, 72548, 0xb457e75e4aa5f49full, 0x0000000000000000ull},
    {"few_swaps", 20000, true, 78220, 0x350c4761d8afb67full, 0x0000000000000000ull},
};

class OracleTest : public ::testing::TestWithParam<Mode> {};

TEST_P(OracleTest, ComparisonCountsAndResultsMatchCPython) {
  Mode mode = GetParam();
  for (const OracleCase& c : kOracle) {
    SCOPED_TRACE(std::string(c.pattern) + " n=" + std::to_string(c.n) +
                 (c.reverse ? " reverse" : ""));
    std::vector<int64_t> input = make_input(c.pattern, c.n, 20261123 + c.n);
    Arrays a = lay_out(input, mode);
    Probe probe;
    ASSERT_EQ(run_sort(a, c.reverse, probe), kSortOk);
    EXPECT_EQ(probe.calls, c.comparisons);
    EXPECT_EQ(order_hash(a, input, mode), c.final_hash);
  }
}

// The list's state after the (k+1)-th comparison raises, for every k, is CPython's: a
// permutation (keys beside their values), no comparison after the failing one, and the same
// order python3.11 leaves (merges copy their temp run back, reverse=True reverses back).
TEST_P(OracleTest, AFailureAtEveryComparisonLeavesCPythonsPermutation) {
  Mode mode = GetParam();
  for (const OracleCase& c : kOracle) {
    if (c.failure_fold == 0) continue;
    SCOPED_TRACE(std::string(c.pattern) + " n=" + std::to_string(c.n) +
                 (c.reverse ? " reverse" : ""));
    std::vector<int64_t> input = make_input(c.pattern, c.n, 20261123 + c.n);
    const Arrays fresh = lay_out(input, mode);
    uint64_t fold = kFnvOffset;
    for (int64_t k = 0; k < c.comparisons; ++k) {
      Arrays a = fresh;
      Probe probe;
      probe.fail_at = k;
      ASSERT_EQ(run_sort(a, c.reverse, probe), kSortFailed) << "k=" << k;
      ASSERT_EQ(probe.calls, k);
      ASSERT_EQ(probe.calls_after_failure, 0) << "compared after a failure, k=" << k;
      fold = fnv(fold, order_hash(a, input, mode));
    }
    EXPECT_EQ(fold, c.failure_fold);
  }
}

INSTANTIATE_TEST_SUITE_P(ListSort, OracleTest, ::testing::Values(Mode::kPacked, Mode::kKeyed),
                         [](const auto& info) {
                           return info.param == Mode::kPacked ? "Packed" : "Keyed";
                         });

// -- Counts that follow from the algorithm ------------------------------------------------------

TEST(ListSort, SortedAndStrictlyDescendingInputsCostNMinusOneComparisons) {
  for (int64_t n : {2, 3, 63, 64, 65, 1000, 4097, 100000}) {
    for (bool descending : {false, true}) {
      std::vector<Value> v;
      for (int64_t i = 0; i < n; ++i) v.push_back(Value::from_int(descending ? n - i : i));
      Probe probe;
      probe.by_value_part = false;
      ASSERT_EQ(timsort(v.data(), nullptr, v.size(), false, SortLess{probe_lt, &probe}), kSortOk);
      EXPECT_EQ(probe.calls, n - 1) << "n=" << n << (descending ? " descending" : "");
      for (int64_t i = 0; i < n; ++i) ASSERT_EQ(v[i].as_int(), descending ? i + 1 : i);
      // reverse=True of an ascending list reverses it first: one descending run again.
      Probe again;
      again.by_value_part = false;
      ASSERT_EQ(timsort(v.data(), nullptr, v.size(), true, SortLess{probe_lt, &again}), kSortOk);
      EXPECT_EQ(again.calls, n - 1);
      for (int64_t i = 0; i < n; ++i) ASSERT_EQ(v[i].as_int(), descending ? n - i : n - 1 - i);
    }
  }
}

TEST(ListSort, EmptyAndSingleElementListsAreNotCompared) {
  Probe probe;
  Value one = Value::from_int(7);
  EXPECT_EQ(timsort(static_cast<Value*>(nullptr), nullptr, 0, false, SortLess{probe_lt, &probe}),
            kSortOk);
  EXPECT_EQ(timsort(&one, nullptr, 1, true, SortLess{probe_lt, &probe}), kSortOk);
  EXPECT_EQ(probe.calls, 0);
  EXPECT_EQ(one.as_int(), 7);
}

// -- Against std::stable_sort ---------------------------------------------------------------------

// Sorts (value, index) pairs both ways and compares the whole order, so any instability shows.
void expect_same_as_stable_sort(const std::vector<int64_t>& input, bool reverse, Mode mode) {
  Arrays a = lay_out(input, mode);
  Probe probe;
  ASSERT_EQ(run_sort(a, reverse, probe), kSortOk);
  std::vector<int64_t> expected(input.size());
  for (size_t i = 0; i < input.size(); ++i) expected[i] = static_cast<int64_t>(i);
  std::stable_sort(expected.begin(), expected.end(), [&](int64_t x, int64_t y) {
    return reverse ? input[y] < input[x] : input[x] < input[y];
  });
  for (size_t i = 0; i < input.size(); ++i)
    ASSERT_EQ(index_of(a.values[i], mode), expected[i]) << "position " << i;
  if (mode == Mode::kKeyed) {
    for (size_t i = 0; i < input.size(); ++i)
      ASSERT_EQ(a.keys[i].as_int(), input[expected[i]]) << "position " << i;
  }
}

TEST(ListSort, EveryPatternAndSizeMatchesStdStableSort) {
  const char* patterns[] = {"random", "dups",      "sawtooth",   "desc_sawtooth",
                            "runs",   "one_moved", "ascending",  "descending",
                            "desc_dups", "organ",  "few_swaps"};
  std::vector<int64_t> sizes;
  for (int64_t n = 0; n <= 300; ++n) sizes.push_back(n);
  for (int64_t n : {511, 512, 513, 1023, 1024, 1025, 5000, 65537, 200000}) sizes.push_back(n);
  for (const char* pattern : patterns) {
    for (int64_t n : sizes) {
      if (n == 0) continue;
      for (bool reverse : {false, true}) {
        for (Mode mode : {Mode::kPacked, Mode::kKeyed}) {
          SCOPED_TRACE(std::string(pattern) + " n=" + std::to_string(n) +
                       (reverse ? " reverse" : "") + (mode == Mode::kKeyed ? " keyed" : ""));
          expect_same_as_stable_sort(make_input(pattern, n, 99 + n), reverse, mode);
        }
      }
    }
  }
}

// Runs of equal keys longer than min_gallop, in both merge directions, exercise galloping over
// equal elements, where gallop_left and gallop_right must not be confused.
TEST(ListSort, GallopingOverLongRunsOfEqualKeysStaysStable) {
  Lcg g{7};
  for (int round = 0; round < 200; ++round) {
    std::vector<int64_t> input;
    int64_t n = 1 + static_cast<int64_t>(g.next() % 3000);
    int64_t distinct = 1 + static_cast<int64_t>(g.next() % 20);
    int64_t block = 1 + static_cast<int64_t>(g.next() % 200);
    for (int64_t i = 0; i < n; ++i)
      input.push_back(static_cast<int64_t>((i / block + g.next() % 2) % distinct));
    for (bool reverse : {false, true}) expect_same_as_stable_sort(input, reverse, Mode::kKeyed);
  }
}

// A comparator that contradicts itself (random answers, as a buggy __lt__ can) may leave any
// order, but never a lost or duplicated element, and never a read or write out of bounds.
TEST(ListSort, AnInconsistentComparatorStillLeavesAPermutation) {
  Lcg g{12345};
  auto coin = [](Value, Value, void* ctx) -> int {
    return static_cast<int>(static_cast<Lcg*>(ctx)->next() & 1);
  };
  auto always = [](Value, Value, void*) -> int { return 1; };
  for (int round = 0; round < 300; ++round) {
    int64_t n = 1 + static_cast<int64_t>(g.next() % 5000);
    std::vector<int64_t> input = make_input(round % 2 ? "runs" : "random", n, g.next());
    for (Mode mode : {Mode::kPacked, Mode::kKeyed}) {
      Arrays a = lay_out(input, mode);
      SortLessFn fn = round % 3 == 2 ? static_cast<SortLessFn>(always) : coin;
      ASSERT_EQ(timsort(a.values.data(), a.keys_or_null(), a.values.size(), round % 5 == 0,
                        SortLess{fn, &g}),
                kSortOk);
      order_hash(a, input, mode);
    }
  }
}

// A C comparator may say "true" with any positive int; the sort must treat it as 1 (it steps
// through the runs by the answer).
TEST(ListSort, AnyPositiveAnswerMeansLessThan) {
  std::vector<int64_t> input = make_input("runs", 3000, 8);
  Arrays a = lay_out(input, Mode::kKeyed);
  auto seven = [](Value x, Value y, void*) -> int { return x.as_int() < y.as_int() ? 7 : 0; };
  ASSERT_EQ(timsort(a.values.data(), a.keys.data(), a.values.size(), false,
                    SortLess{seven, nullptr}),
            kSortOk);
  Probe probe;
  Arrays b = lay_out(input, Mode::kKeyed);
  ASSERT_EQ(run_sort(b, false, probe), kSortOk);
  for (size_t i = 0; i < input.size(); ++i) ASSERT_TRUE(a.values[i] == b.values[i]) << i;
}

// While a comparison runs, an element parked in a merge's temp buffer may be nowhere in the
// array. The collector must still see it: in the inline buffer (on the C stack: at most
// kInlineTemp words) or in the heap buffer, which must then be a registered root.
constexpr int64_t kKeyOffset = int64_t{1} << 40;  // keys never look like indices

struct RootWatch {
  const std::vector<Value>* values = nullptr;
  int64_t n = 0;
  bool keyed = false;
  int64_t calls = 0;
  int64_t checks = 0;
  int64_t largest_unrooted = 0;
  std::vector<bool> seen;

  // The index of the element a word stands for, or -1 for a key.
  int64_t index(Value v) const {
    int64_t x = v.as_int();
    if (!keyed) return x & ((int64_t{1} << kIndexBits) - 1);
    return x < kKeyOffset ? x : -1;
  }
};

void collect_slot(Value* slot, void* ctx) {
  auto* w = static_cast<RootWatch*>(ctx);
  if (!slot->is_int()) return;
  int64_t i = w->index(*slot);
  if (i >= 0 && i < w->n) w->seen[i] = true;
}

int watching_lt(Value a, Value b, void* ctx) {
  auto* w = static_cast<RootWatch*>(ctx);
  if (++w->calls % 61 == 0) {
    ++w->checks;
    w->seen.assign(w->n, false);
    for (Value v : *w->values) w->seen[w->index(v)] = true;
    gc::for_each_root_slot(collect_slot, w);
    int64_t unrooted = std::count(w->seen.begin(), w->seen.end(), false);
    w->largest_unrooted = std::max(w->largest_unrooted, unrooted);
  }
  int64_t x = a.as_int(), y = b.as_int();
  if (!w->keyed) {
    x >>= kIndexBits;
    y >>= kIndexBits;
  }
  return x < y;
}

TEST(ListSort, ParkedElementsStayVisibleToTheCollector) {
  for (Mode mode : {Mode::kPacked, Mode::kKeyed}) {
    std::vector<int64_t> input = make_input("random", 5000, 31);
    for (int64_t& x : input) x += kKeyOffset;
    Arrays a = lay_out(input, mode);
    RootWatch w;
    w.values = &a.values;
    w.n = static_cast<int64_t>(input.size());
    w.keyed = mode == Mode::kKeyed;
    ASSERT_EQ(timsort(a.values.data(), a.keys_or_null(), a.values.size(), false,
                      SortLess{watching_lt, &w}),
              kSortOk);
    EXPECT_GT(w.checks, 500);
    EXPECT_LE(w.largest_unrooted, sort_detail::kInlineTemp / (w.keyed ? 2 : 1));
  }
}

// -- sort_values: the pre-pass ------------------------------------------------------------------

// The generic comparator on the ints of these tests, plus one fake object that sorts last.
alignas(16) const char kFakeObject[16] = {};
Value fake_object() { return Value::from_bits(reinterpret_cast<uint64_t>(kFakeObject)); }

int mixed_lt(Value a, Value b, void* ctx) {
  if (static_cast<Probe*>(ctx)->check() < 0) return -1;
  if (b == fake_object()) return !(a == fake_object());
  if (a == fake_object()) return 0;
  return a.as_int() < b.as_int();
}

TEST(ListSortValues, AllTaggedIntsTakeTheInlineComparator) {
  Lcg g{3};
  std::vector<Value> v;
  std::vector<int64_t> expected;
  for (int64_t x : {Value::kIntMin, Value::kIntMax, int64_t{-1}, int64_t{0}, int64_t{1}}) {
    v.push_back(Value::from_int(x));
    expected.push_back(x);
  }
  for (int i = 0; i < 100000; ++i) {
    int64_t x = static_cast<int64_t>(g.next() << 31 ^ g.next()) - (int64_t{1} << 61);
    v.push_back(Value::from_int(x));
    expected.push_back(x);
  }
  std::sort(expected.begin(), expected.end());
  Probe probe;
  ASSERT_EQ(sort_values(v.data(), v.size(), SortLess{mixed_lt, &probe}), kSortOk);
  EXPECT_EQ(probe.calls, 0);
  for (size_t i = 0; i < v.size(); ++i) ASSERT_EQ(v[i].as_int(), expected[i]);

  SortOptions opts;
  opts.reverse = true;
  ASSERT_EQ(sort_values(v.data(), v.size(), SortLess{mixed_lt, &probe}, opts), kSortOk);
  EXPECT_EQ(probe.calls, 0);
  for (size_t i = 0; i < v.size(); ++i) ASSERT_EQ(v[i].as_int(), expected[v.size() - 1 - i]);
}

TEST(ListSortValues, IntKeysMoveTheirValuesOnTheFastPath) {
  std::vector<int64_t> input = make_input("dups", 5000, 5);
  Arrays a = lay_out(input, Mode::kKeyed);
  a.values[17] = fake_object();  // values are never compared, whatever they are
  Probe probe;
  SortOptions opts;
  opts.keys = a.keys.data();
  ASSERT_EQ(sort_values(a.values.data(), a.values.size(), SortLess{mixed_lt, &probe}, opts),
            kSortOk);
  EXPECT_EQ(probe.calls, 0);
  int64_t previous_key = -1, previous_index = -1;
  for (size_t i = 0; i < a.values.size(); ++i) {
    int64_t key = a.keys[i].as_int();
    int64_t index = a.values[i] == fake_object() ? 17 : a.values[i].as_int();
    EXPECT_EQ(key, input[index]);
    ASSERT_TRUE(key > previous_key || (key == previous_key && index > previous_index));
    previous_key = key;
    previous_index = index;
  }
}

// The fast path may compare differently (nobody can tell), but must leave the same order.
TEST(ListSortValues, TheIntFastPathGivesTheGenericOrder) {
  const char* patterns[] = {"random", "dups", "sawtooth", "runs", "one_moved", "desc_dups",
                            "organ", "few_swaps"};
  for (const char* pattern : patterns) {
    for (int64_t n : {2, 5, 31, 64, 65, 200, 1000, 4099, 30000}) {
      for (bool reverse : {false, true}) {
        SCOPED_TRACE(std::string(pattern) + " n=" + std::to_string(n) +
                     (reverse ? " reverse" : ""));
        std::vector<int64_t> input = make_input(pattern, n, 1234 + n);
        Arrays fast = lay_out(input, Mode::kKeyed);
        Arrays generic = lay_out(input, Mode::kKeyed);
        Probe unused, probe;
        SortOptions opts;
        opts.keys = fast.keys.data();
        opts.reverse = reverse;
        ASSERT_EQ(sort_values(fast.values.data(), fast.values.size(),
                              SortLess{mixed_lt, &unused}, opts),
                  kSortOk);
        EXPECT_EQ(unused.calls, 0);
        ASSERT_EQ(run_sort(generic, reverse, probe), kSortOk);
        for (size_t i = 0; i < input.size(); ++i) {
          ASSERT_TRUE(fast.values[i] == generic.values[i]) << i;
          ASSERT_TRUE(fast.keys[i] == generic.keys[i]) << i;
        }
      }
    }
  }
}

struct Specializer {
  int calls = 0;
  size_t n = 0;
  bool take = false;
  Probe special;
};

bool specialize(const Value* keys, size_t n, SortLess* out, void* ctx) {
  auto* s = static_cast<Specializer*>(ctx);
  ++s->calls;
  s->n = n;
  if (!s->take) return false;
  *out = SortLess{mixed_lt, &s->special};
  return true;
}

TEST(ListSortValues, OtherKeysGoToTheHookThenTheGenericComparator) {
  for (bool take : {false, true}) {
    std::vector<Value> v;
    for (int64_t i = 0; i < 1000; ++i) v.push_back(Value::from_int((i * 7919) % 1000));
    v[500] = fake_object();
    Probe generic;
    Specializer s;
    s.take = take;
    SortOptions opts;
    opts.specialize = specialize;
    opts.specialize_ctx = &s;
    ASSERT_EQ(sort_values(v.data(), v.size(), SortLess{mixed_lt, &generic}, opts), kSortOk);
    EXPECT_EQ(s.calls, 1);
    EXPECT_EQ(s.n, 1000u);
    EXPECT_GT(take ? s.special.calls : generic.calls, 0);
    EXPECT_EQ(take ? generic.calls : s.special.calls, 0);
    // 0..999 less the 500 the object replaced, then the object.
    EXPECT_TRUE(v.back() == fake_object());
    for (int64_t i = 0; i < 999; ++i) ASSERT_EQ(v[i].as_int(), i < 500 ? i : i + 1) << i;
  }
}

TEST(ListSortValues, FailuresComeBackAsKSortFailed) {
  std::vector<Value> v;
  v.push_back(fake_object());
  for (int64_t i = 0; i < 100; ++i) v.push_back(Value::from_int(100 - i));
  std::vector<Value> before = v;
  Probe probe;
  probe.fail_at = 50;
  ASSERT_EQ(sort_values(v.data(), v.size(), SortLess{mixed_lt, &probe}), kSortFailed);
  EXPECT_EQ(probe.calls, 50);
  EXPECT_EQ(probe.calls_after_failure, 0);
  auto by_bits = [](Value x, Value y) { return x.bits() < y.bits(); };
  std::sort(before.begin(), before.end(), by_bits);
  std::sort(v.begin(), v.end(), by_bits);
  EXPECT_TRUE(before == v);
}

// -- timsort with an inline comparator ----------------------------------------------------------

TEST(ListSort, AnInlineBoolComparatorWorksAsTheTemplateArgument) {
  std::vector<int64_t> input = make_input("runs", 20000, 11);
  Arrays a = lay_out(input, Mode::kKeyed);
  int64_t calls = 0;
  auto less = [&calls](Value x, Value y) {
    ++calls;
    return x.as_int() < y.as_int();
  };
  ASSERT_EQ(timsort(a.values.data(), a.keys.data(), a.values.size(), false, less), kSortOk);
  Probe probe;
  Arrays b = lay_out(input, Mode::kKeyed);
  ASSERT_EQ(run_sort(b, false, probe), kSortOk);
  EXPECT_EQ(calls, probe.calls);
  for (size_t i = 0; i < input.size(); ++i) ASSERT_TRUE(a.values[i] == b.values[i]);
}

}  // namespace
}  // namespace tpy
