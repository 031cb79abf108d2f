// interp/unicode/tables.h -- Lookup in the multi-stage tables that the Unicode generators write.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tpy::unicode::detail {

// The generators split the 0x110000 values of a property into deduplicated blocks twice over
// (tools/gen_unicode_props.py: three_level), so a lookup is three dependent loads with shifts
// the generator chose to minimise the size. [cp] must be below 0x110000.
template <class Top, size_t N1, class Mid, size_t N2, class Leaf, size_t N3>
inline Leaf three_level(const Top (&top)[N1], const Mid (&mid)[N2], const Leaf (&leaf)[N3],
                        int leaf_shift, int mid_shift, char32_t cp) {
  uint32_t m = top[cp >> (leaf_shift + mid_shift)];
  uint32_t l = mid[(m << mid_shift) | ((cp >> leaf_shift) & ((1u << mid_shift) - 1))];
  return leaf[(l << leaf_shift) | (cp & ((1u << leaf_shift) - 1))];
}

}  // namespace tpy::unicode::detail
