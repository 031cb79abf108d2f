// tests/unit/list_test.cpp -- list storage and the C++ list API; list/tuple Python-level slots.
#include <gtest/gtest.h>

#include <vector>

#include "interp/objects/abstract.h"
#include "interp/objects/list.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/singletons.h"
#include "interp/objects/tuple.h"
#include "tests/unit/container_test_env.h"

namespace tpy {
namespace {

using testing::ensure_runtime;
using testing::take_error_type;

Value I(int64_t x) { return Value::from_int(x); }

std::vector<int64_t> ints(Value l) {
  std::vector<int64_t> out;
  for (int64_t i = 0; i < list_length(l); i++) out.push_back(list_at(l, i).as_int());
  return out;
}

std::string repr_of(Value v) {
  Value r = object_repr(v);
  return r.is_null() ? "<error>" : str_to_utf8(r);
}

TEST(List, AppendGrowsLikeCPython) {
  ensure_runtime();
  Value l = list_new();
  std::vector<int64_t> caps;
  for (int64_t i = 0; i < 20; i++) {
    ASSERT_EQ(list_append(l, I(i)), 0);
    caps.push_back(as_list(l)->capacity);
  }
  EXPECT_EQ(list_length(l), 20);
  // CPython 3.11's over-allocation: 4, 8, 16, 24 slots.
  EXPECT_EQ(caps[0], 4);
  EXPECT_EQ(caps[4], 8);
  EXPECT_EQ(caps[8], 16);
  EXPECT_EQ(caps[16], 24);
  EXPECT_EQ(list_at(l, 19), I(19));
}

TEST(List, FromArrayExtendSetItemAsTuple) {
  ensure_runtime();
  Value items[] = {I(1), I(2), I(3)};
  Value l = list_from_array(items, 3);
  ASSERT_EQ(list_extend(l, l), 0);  // extends by a snapshot of itself
  EXPECT_EQ(ints(l), (std::vector<int64_t>{1, 2, 3, 1, 2, 3}));
  list_set_item(l, 0, I(9));
  Value t = list_as_tuple(l);
  EXPECT_EQ(tuple_length(t), 6);
  EXPECT_EQ(tuple_at(t, 0), I(9));
  Value l2 = list_from_iterable(t);
  EXPECT_EQ(ints(l2), ints(l));
  EXPECT_EQ(list_extend(l, I(5)), -1);
  EXPECT_EQ(take_error_type(), "TypeError");
}

TEST(List, IndexingAndSlicing) {
  ensure_runtime();
  Value items[] = {I(0), I(1), I(2), I(3), I(4), I(5)};
  Value l = list_from_array(items, 6);
  EXPECT_EQ(getitem(l, I(-1)), I(5));
  EXPECT_TRUE(getitem(l, I(6)).is_null());
  EXPECT_EQ(take_error_type(), "IndexError");
  Value s = slice_new(I(1), Value(), I(2));
  EXPECT_EQ(ints(getitem(l, s)), (std::vector<int64_t>{1, 3, 5}));
  Value rev = slice_new(Value(), Value(), I(-1));
  EXPECT_EQ(ints(getitem(l, rev)), (std::vector<int64_t>{5, 4, 3, 2, 1, 0}));
  // l[1:3] = [7, 8, 9]
  Value repl[] = {I(7), I(8), I(9)};
  ASSERT_EQ(setitem(l, slice_new(I(1), I(3), Value()), list_from_array(repl, 3)), 0);
  EXPECT_EQ(ints(l), (std::vector<int64_t>{0, 7, 8, 9, 3, 4, 5}));
  // del l[::2]
  ASSERT_EQ(delitem(l, slice_new(Value(), Value(), I(2))), 0);
  EXPECT_EQ(ints(l), (std::vector<int64_t>{7, 9, 4}));
  // extended slice assignment of the wrong size
  EXPECT_EQ(setitem(l, slice_new(Value(), Value(), I(2)), list_from_array(repl, 3)), -1);
  EXPECT_EQ(testing::take_error(),
            "ValueError: attempt to assign sequence of size 3 to extended slice of size 2");
}

TEST(List, ReprWithRecursion) {
  ensure_runtime();
  Value l = list_new();
  list_append(l, list_new());
  list_append(l, l);
  EXPECT_EQ(repr_of(l), "[[], [...]]");
  EXPECT_EQ(repr_of(list_new()), "[]");
}

TEST(List, CompareAndConcat) {
  ensure_runtime();
  Value a[] = {I(1), I(2)};
  Value b[] = {I(1), I(3)};
  Value la = list_from_array(a, 2), lb = list_from_array(b, 2);
  EXPECT_EQ(compare(la, lb, CompareOp::Lt), True());
  EXPECT_EQ(compare(la, list_from_array(a, 2), CompareOp::Eq), True());
  Value cat = binary_op(la, lb, BinOp::Add);
  EXPECT_EQ(ints(cat), (std::vector<int64_t>{1, 2, 1, 3}));
  Value rep = binary_op(I(2), la, BinOp::Multiply);
  EXPECT_EQ(ints(rep), (std::vector<int64_t>{1, 2, 1, 2}));
  EXPECT_TRUE(binary_op(la, tuple_pack({I(1)}), BinOp::Add).is_null());
  EXPECT_EQ(testing::take_error(), "TypeError: can only concatenate list (not \"tuple\") to list");
  EXPECT_EQ(object_hash(la), -1);
  EXPECT_EQ(take_error_type(), "TypeError");
}

TEST(Tuple, EmptyIsShared) {
  ensure_runtime();
  EXPECT_EQ(tuple_new(0), tuple_empty());
  EXPECT_EQ(tuple_from_array(nullptr, 0), tuple_empty());
  EXPECT_EQ(tuple_length(tuple_empty()), 0);
}

TEST(Tuple, PackSliceHashRepr) {
  ensure_runtime();
  Value t = tuple_pack({I(1), I(2), I(3)});
  EXPECT_EQ(tuple_length(t), 3);
  Value s = tuple_slice(t, 1, 10);
  EXPECT_EQ(tuple_length(s), 2);
  EXPECT_EQ(tuple_at(s, 0), I(2));
  EXPECT_EQ(tuple_slice(t, 0, 3), t);
  // Values printed by python3.11.
  EXPECT_EQ(object_hash(t), 529344067295497451);
  EXPECT_EQ(object_hash(tuple_empty()), 5740354900026072187);
  EXPECT_EQ(object_hash(tuple_pack({I(1)})), -6644214454873602895);
  EXPECT_EQ(object_hash(tuple_pack({tuple_pack({I(1), I(2)}), I(3)})), -333907151259015829);
  EXPECT_EQ(repr_of(tuple_pack({tuple_empty()})), "((),)");
  EXPECT_EQ(repr_of(tuple_pack({tuple_empty(), list_new()})), "((), [])");
  EXPECT_EQ(repr_of(tuple_empty()), "()");
  if (testing::int_repr_ready()) EXPECT_EQ(repr_of(t), "(1, 2, 3)");
}

TEST(Tuple, InitItemAndIterable) {
  ensure_runtime();
  Value t = tuple_new(2);
  tuple_init_item(t, 0, I(5));
  tuple_init_item(t, 1, I(6));
  Value u = tuple_from_iterable(list_from_array(as_tuple(t)->items, 2));
  EXPECT_EQ(compare(t, u, CompareOp::Eq), True());
  EXPECT_EQ(tuple_from_iterable(t), t);
  EXPECT_TRUE(getitem(t, I(2)).is_null());
  EXPECT_EQ(testing::take_error(), "IndexError: tuple index out of range");
}

}  // namespace
}  // namespace tpy
