// interp/objects/list_sort.cpp -- sort_values: list.sort's comparator pre-pass, then timsort.
#include "interp/objects/list_sort.h"

namespace tpy {

namespace {

// CPython's pre-pass looks for one key type throughout. Tagged ints are the one case that needs
// no object model: the AND of all words keeps the tag bit only if every key has it. Blocks keep
// the loop branch-free (it vectorises) while still stopping early on, say, a list of strings.
bool all_tagged_ints(const Value* keys, size_t n) {
  constexpr size_t kBlock = 64;
  size_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    uint64_t acc = Value::kIntTag;
    for (size_t j = 0; j < kBlock; ++j) acc &= keys[i + j].bits();
    if (acc == 0) return false;
  }
  uint64_t acc = Value::kIntTag;
  for (; i < n; ++i) acc &= keys[i].bits();
  return acc != 0;
}

}  // namespace

int sort_values(Value* values, size_t n, SortLess generic, const SortOptions& opts) {
  if (n < 2) return kSortOk;
  const Value* keys = opts.keys != nullptr ? opts.keys : values;
  if (all_tagged_ints(keys, n))
    return timsort(values, opts.keys, n, opts.reverse, TaggedIntLess{});
  SortLess less = generic;
  if (opts.specialize != nullptr) {
    SortLess special;
    if (opts.specialize(keys, n, &special, opts.specialize_ctx)) less = special;
  }
  return timsort(values, opts.keys, n, opts.reverse, less);
}

}  // namespace tpy
