// gc/size_classes.h -- The small-object size classes and the page geometry of the GC heap.
//
// See docs/internals/objects.md. Objects up to kMaxSmallSize bytes live in cells of one size
// class on kPageSize pages; anything larger is a large object on its own. The classes step by
// 16 bytes up to 128 (where nearly all Python objects fall) and then by a quarter of each power
// of two, so a cell wastes at most 25% of its size beyond 128 bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace tpy::gc {

constexpr size_t kCellAlign = 16;
constexpr size_t kPageSize = 64 * 1024;

// ORDER SIZE: ascending; size_class() relies on it.
constexpr uint32_t kClassSizes[] = {
    16,   32,   48,   64,   80,   96,   112,  128,                       // step 16
    160,  192,  224,  256,  320,  384,  448,  512,                       // 1/4 power of two
    640,  768,  896,  1024, 1280, 1536, 1792, 2048,
    2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192,
};
constexpr size_t kNumSizeClasses = std::size(kClassSizes);
constexpr size_t kMaxSmallSize = kClassSizes[kNumSizeClasses - 1];

namespace detail {

// Size -> class tables: fine steps of 16 bytes up to 1 KiB, coarse steps of 128 beyond.
constexpr size_t kFineStep = 16, kFineLimit = 1024, kCoarseStep = 128;

template <size_t kStep, size_t kLimit>
constexpr auto make_class_table() {
  std::array<uint8_t, kLimit / kStep + 1> table{};
  size_t c = 0;
  for (size_t i = 0; i < table.size(); i++) {
    while (kClassSizes[c] < i * kStep) c++;
    table[i] = static_cast<uint8_t>(c);
  }
  return table;
}

constexpr auto kFineTable = make_class_table<kFineStep, kFineLimit>();
constexpr auto kCoarseTable = make_class_table<kCoarseStep, kMaxSmallSize>();

}  // namespace detail

// The smallest class whose cells hold [size] bytes; [size] <= kMaxSmallSize.
constexpr unsigned size_class(size_t size) {
  if (size <= detail::kFineLimit) return detail::kFineTable[(size + 15) >> 4];
  return detail::kCoarseTable[(size + detail::kCoarseStep - 1) >> 7];
}

static_assert(kClassSizes[size_class(1)] == 16 && kClassSizes[size_class(17)] == 32);
static_assert(kClassSizes[size_class(1024)] == 1024 && kClassSizes[size_class(1025)] == 1280);
static_assert(kClassSizes[size_class(kMaxSmallSize)] == kMaxSmallSize);
static_assert(detail::kFineStep == kCellAlign && kMaxSmallSize <= kPageSize / 8);

constexpr bool classes_are_valid() {
  for (size_t c = 0; c < kNumSizeClasses; c++) {
    if (kClassSizes[c] % kCellAlign != 0) return false;
    if (c > 0 && kClassSizes[c] <= kClassSizes[c - 1]) return false;
  }
  return true;
}
static_assert(classes_are_valid(), "size classes: ascending multiples of the cell alignment");

}  // namespace tpy::gc
