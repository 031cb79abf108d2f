// tests/unit/set_test.cpp -- set/frozenset tables: CPython's iteration order and hashes, resize,
// discard; range and slice helpers.
#include <gtest/gtest.h>

#include <vector>

#include "interp/objects/abstract.h"
#include "interp/objects/list.h"
#include "interp/objects/range.h"
#include "interp/objects/set.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "tests/unit/container_test_env.h"

namespace tpy {
namespace {

using testing::ensure_runtime;

Value I(int64_t x) { return Value::from_int(x); }

std::vector<int64_t> order(Value s) {
  std::vector<int64_t> out;
  int64_t pos = 0;
  Value k;
  while (set_next(s, &pos, &k, nullptr)) out.push_back(k.as_int());
  return out;
}

TEST(Set, IterationOrderMatchesCPython) {
  ensure_runtime();
  Value s = set_new();
  for (int64_t x : {5, 3, 1, 100, 8, 9, 1000, -1, -2, 77, 33, 64, 128, 12})
    ASSERT_EQ(set_add(s, I(x)), 0);
  // list(s) in python3.11
  EXPECT_EQ(order(s),
            (std::vector<int64_t>{64, 1, 33, 3, 100, 5, 128, 8, 9, 1000, 12, 77, -2, -1}));
  EXPECT_EQ(set_discard(s, I(100)), 1);
  EXPECT_EQ(set_discard(s, I(5)), 1);
  EXPECT_EQ(set_discard(s, I(5)), 0);
  ASSERT_EQ(set_add(s, I(200)), 0);
  EXPECT_EQ(order(s), (std::vector<int64_t>{64, 1, 33, 3, 128, 8, 9, 1000, 200, 12, 77, -2, -1}));
}

TEST(Set, LinearProbesOfMultiples) {
  ensure_runtime();
  Value s = set_new();
  for (int64_t i = 0; i < 20; i++) set_add(s, I(i * 8));
  EXPECT_EQ(order(s), (std::vector<int64_t>{0, 128, 8, 136, 16, 144, 24, 152, 32, 40, 48, 56, 64,
                                            72, 80, 88, 96, 104, 112, 120}));
  EXPECT_EQ(set_size(s), 20);
  EXPECT_EQ(set_contains(s, I(136)), 1);
  EXPECT_EQ(set_contains(s, I(137)), 0);
}

TEST(Set, FrozensetHash) {
  ensure_runtime();
  Value f = frozenset_new(tuple_pack({I(1), I(2), I(3)}));
  EXPECT_EQ(object_hash(f), -272375401224217160);
  EXPECT_EQ(object_hash(frozenset_new()), 133146708735736);
  EXPECT_EQ(object_hash(set_new()), -1);
  clear_exception();
}

TEST(Set, ReprAndOps) {
  ensure_runtime();
  Value a = set_new(tuple_pack({I(3), I(1), I(2)}));
  if (testing::int_repr_ready()) {
    EXPECT_EQ(str_to_utf8(object_repr(a)), "{1, 2, 3}");
    EXPECT_EQ(str_to_utf8(object_repr(frozenset_new(tuple_pack({I(1)})))), "frozenset({1})");
  }
  EXPECT_EQ(str_to_utf8(object_repr(set_new())), "set()");
  EXPECT_EQ(str_to_utf8(object_repr(set_new(tuple_pack({frozenset_new()})))), "{frozenset()}");
  EXPECT_EQ(str_to_utf8(object_repr(frozenset_new(tuple_pack({tuple_empty()})))),
            "frozenset({()})");
  Value b = set_new(tuple_pack({I(10), I(5)}));
  Value u = binary_op(a, b, BinOp::Or);
  EXPECT_EQ(order(u), (std::vector<int64_t>{1, 2, 3, 5, 10}));
  Value d = binary_op(a, set_new(tuple_pack({I(2)})), BinOp::Subtract);
  EXPECT_EQ(order(d), (std::vector<int64_t>{1, 3}));
}

TEST(Range, LengthIndexContains) {
  ensure_runtime();
  Value r = range_new(I(0), I(10), I(3));
  EXPECT_EQ(object_length(r), 4);
  EXPECT_EQ(getitem(r, I(-1)), I(9));
  EXPECT_EQ(contains(r, I(6)), 1);
  EXPECT_EQ(contains(r, I(7)), 0);
  if (testing::int_repr_ready()) EXPECT_EQ(str_to_utf8(object_repr(r)), "range(0, 10, 3)");
  Value empty = range_new(I(5), I(0), I(1));
  EXPECT_EQ(object_length(empty), 0);
  Value neg = range_new(I(10), I(0), I(-3));
  EXPECT_EQ(object_length(neg), 4);
  EXPECT_EQ(object_hash(range_new(I(0), I(10), I(2))), -6143170332311272345);
}

TEST(Slice, AdjustIndices) {
  ensure_runtime();
  int64_t start, stop, step;
  Value s = slice_new(I(-3), Value(), Value());
  EXPECT_EQ(slice_indices_for(s, 10, &start, &stop, &step), 3);
  EXPECT_EQ(start, 7);
  EXPECT_EQ(stop, 10);
  Value r = slice_new(Value(), Value(), I(-2));
  EXPECT_EQ(slice_indices_for(r, 5, &start, &stop, &step), 3);
  EXPECT_EQ(start, 4);
  EXPECT_EQ(stop, -1);
  Value z = slice_new(Value(), Value(), I(0));
  EXPECT_EQ(slice_indices_for(z, 5, &start, &stop, &step), -1);
  EXPECT_EQ(testing::take_error_type(), "ValueError");
}

}  // namespace
}  // namespace tpy
