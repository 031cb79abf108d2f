// tests/unit/dict_test.cpp -- The dict hash table through its C++ API: order, resizing,
// deletion, str fast path, versions, copy/merge/update, iteration.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interp/objects/dict.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "tests/unit/container_test_env.h"

namespace tpy {
namespace {

using testing::ensure_runtime;
using testing::take_error_type;

Value I(int64_t x) { return Value::from_int(x); }
Value S(const char* s) { return str_from_utf8(s); }

std::vector<int64_t> int_keys(Value d) {
  std::vector<int64_t> out;
  int64_t pos = 0;
  Value k;
  while (dict_next(d, &pos, &k, nullptr)) out.push_back(k.as_int());
  return out;
}

TEST(Dict, SetGetInsertionOrder) {
  ensure_runtime();
  Value d = dict_new();
  for (int64_t i : {5, 3, 9, 1}) ASSERT_EQ(dict_set(d, I(i), I(i * 10)), 0);
  EXPECT_EQ(dict_length(d), 4);
  EXPECT_EQ(dict_get(d, I(9)), I(90));
  EXPECT_TRUE(dict_get(d, I(7)).is_null());
  EXPECT_FALSE(error_occurred());
  EXPECT_EQ(int_keys(d), (std::vector<int64_t>{5, 3, 9, 1}));
  // Replacing a value keeps the position.
  ASSERT_EQ(dict_set(d, I(3), I(0)), 0);
  EXPECT_EQ(int_keys(d), (std::vector<int64_t>{5, 3, 9, 1}));
  EXPECT_EQ(dict_get(d, I(3)), I(0));
}

TEST(Dict, GrowsThroughAllIndexWidths) {
  ensure_runtime();
  Value d = dict_new();
  const int64_t n = 70000;  // past 2**16 slots: 1-, 2- and 4-byte index tables
  for (int64_t i = 0; i < n; i++) ASSERT_EQ(dict_set(d, I(i * 7), I(i)), 0);
  EXPECT_EQ(dict_length(d), n);
  for (int64_t i = 0; i < n; i += 97) EXPECT_EQ(dict_get(d, I(i * 7)), I(i));
  EXPECT_TRUE(dict_get(d, I(3)).is_null());
  int64_t pos = 0, expect = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) {
    ASSERT_EQ(v, I(expect));
    expect++;
  }
  EXPECT_EQ(expect, n);
}

TEST(Dict, DeleteAndReinsert) {
  ensure_runtime();
  Value d = dict_new();
  for (int64_t i = 0; i < 100; i++) dict_set(d, I(i), I(i));
  for (int64_t i = 0; i < 100; i += 2) EXPECT_EQ(dict_del(d, I(i)), 1);
  EXPECT_EQ(dict_del(d, I(0)), 0);
  EXPECT_FALSE(error_occurred());
  EXPECT_EQ(dict_length(d), 50);
  EXPECT_EQ(dict_contains(d, I(2)), 0);
  EXPECT_EQ(dict_contains(d, I(3)), 1);
  dict_set(d, I(0), I(-1));  // goes to the end
  std::vector<int64_t> keys = int_keys(d);
  EXPECT_EQ(keys.front(), 1);
  EXPECT_EQ(keys.back(), 0);
  // Churn: many deletes and inserts keep working (compaction on resize).
  for (int64_t round = 0; round < 1000; round++) {
    dict_set(d, I(1000 + round), I(round));
    dict_del(d, I(1000 + round));
  }
  EXPECT_EQ(dict_length(d), 51);
}

TEST(Dict, EqualHashesDifferentKeys) {
  ensure_runtime();
  // hash(-1) == hash(-2) == -2 in CPython: both must be kept.
  Value d = dict_new();
  dict_set(d, I(-1), S("a"));
  dict_set(d, I(-2), S("b"));
  EXPECT_EQ(dict_length(d), 2);
  EXPECT_TRUE(str_equal_ascii(dict_get(d, I(-1)), "a"));
  EXPECT_TRUE(str_equal_ascii(dict_get(d, I(-2)), "b"));
}

TEST(Dict, StrKeysByContentAndIdentity) {
  ensure_runtime();
  Value d = dict_new();
  Value interned = str_intern("spam");
  dict_set(d, interned, I(1));
  Value other = S("spam");  // same text, another object
  EXPECT_NE(other, interned);
  EXPECT_EQ(dict_get_str(d, other), I(1));
  EXPECT_EQ(dict_get(d, other), I(1));
  EXPECT_EQ(dict_get_cstr(d, "spam"), I(1));
  EXPECT_TRUE(dict_get_str(d, S("eggs")).is_null());
  // Mixed keys: the str path still finds strs.
  dict_set(d, I(7), I(2));
  EXPECT_EQ(dict_get_str(d, other), I(1));
  EXPECT_EQ(dict_set_cstr(d, "eggs", I(3)), 0);
  EXPECT_EQ(dict_get_str(d, S("eggs")), I(3));
  // Many str keys (resizes keep the all-str fast path correct).
  for (int i = 0; i < 500; i++) dict_set(d, S(("k" + std::to_string(i)).c_str()), I(i));
  for (int i = 0; i < 500; i += 37)
    EXPECT_EQ(dict_get_str(d, S(("k" + std::to_string(i)).c_str())), I(i));
}

TEST(Dict, VersionChangesOnEveryMutation) {
  ensure_runtime();
  Value d = dict_new();
  uint64_t v0 = dict_version(d);
  dict_set(d, I(1), I(1));
  uint64_t v1 = dict_version(d);
  EXPECT_NE(v0, v1);
  dict_set(d, I(1), I(1));  // same value: no change
  EXPECT_EQ(dict_version(d), v1);
  dict_set(d, I(1), I(2));
  uint64_t v2 = dict_version(d);
  EXPECT_NE(v2, v1);
  dict_del(d, I(1));
  EXPECT_NE(dict_version(d), v2);
  uint64_t v3 = dict_version(d);
  dict_clear(d);
  EXPECT_NE(dict_version(d), v3);
  // Versions are global: two dicts never share one after a mutation.
  Value e = dict_new();
  EXPECT_NE(dict_version(e), dict_version(d));
}

TEST(Dict, CopyMergeUpdate) {
  ensure_runtime();
  Value a = dict_new();
  for (int64_t i = 0; i < 20; i++) dict_set(a, I(i), I(i * i));
  Value b = dict_copy(a);
  EXPECT_EQ(int_keys(b), int_keys(a));
  dict_set(b, I(100), I(0));
  EXPECT_EQ(dict_length(a), 20);
  // A sparse dict is copied compactly.
  for (int64_t i = 0; i < 15; i++) dict_del(a, I(i));
  Value c = dict_copy(a);
  EXPECT_EQ(int_keys(c), (std::vector<int64_t>{15, 16, 17, 18, 19}));
  // update from a dict: overrides and appends.
  Value u = dict_new();
  dict_set(u, I(19), I(-1));
  dict_set(u, I(50), I(-2));
  ASSERT_EQ(dict_update(c, u), 0);
  EXPECT_EQ(int_keys(c), (std::vector<int64_t>{15, 16, 17, 18, 19, 50}));
  EXPECT_EQ(dict_get(c, I(19)), I(-1));
  // merge without override keeps existing values.
  dict_set(u, I(15), I(-3));
  ASSERT_EQ(dict_merge(c, u, false), 0);
  EXPECT_EQ(dict_get(c, I(15)), I(225));
}

TEST(Dict, UpdateFromPairsAndErrors) {
  ensure_runtime();
  Value d = dict_new();
  Value pairs = list_new();
  list_append(pairs, tuple_pack({I(1), I(2)}));
  list_append(pairs, list_from_array(std::vector<Value>{I(3), I(4)}.data(), 2));
  ASSERT_EQ(dict_update(d, pairs), 0);
  EXPECT_EQ(dict_get(d, I(3)), I(4));
  Value bad = list_new();
  list_append(bad, tuple_pack({I(1)}));
  EXPECT_EQ(dict_update(d, bad), -1);
  EXPECT_EQ(take_error_type(), "ValueError");
}

TEST(Dict, UnhashableKey) {
  ensure_runtime();
  Value d = dict_new();
  EXPECT_EQ(dict_set(d, list_new(), I(1)), -1);
  EXPECT_EQ(take_error_type(), "TypeError");
  EXPECT_TRUE(dict_get(d, list_new()).is_null());
  EXPECT_EQ(take_error_type(), "TypeError");
}

TEST(Dict, PopAndPopitem) {
  ensure_runtime();
  Value d = dict_new();
  for (int64_t i = 0; i < 5; i++) dict_set(d, I(i), I(-i));
  EXPECT_EQ(dict_pop(d, I(2)), I(-2));
  EXPECT_TRUE(dict_pop(d, I(2)).is_null());
  EXPECT_FALSE(error_occurred());
  Value item = dict_popitem(d);
  ASSERT_FALSE(item.is_null());
  EXPECT_EQ(tuple_at(item, 0), I(4));
  EXPECT_EQ(int_keys(d), (std::vector<int64_t>{0, 1, 3}));
  dict_set(d, I(9), I(9));
  EXPECT_EQ(int_keys(d), (std::vector<int64_t>{0, 1, 3, 9}));
  dict_clear(d);
  EXPECT_TRUE(dict_popitem(d).is_null());
  EXPECT_EQ(take_error_type(), "KeyError");
}

TEST(Dict, KeysValuesItemsLists) {
  ensure_runtime();
  Value d = dict_new(10);
  dict_set(d, I(1), I(2));
  dict_set(d, I(3), I(4));
  Value items = dict_items_list(d);
  ASSERT_EQ(list_length(items), 2);
  EXPECT_EQ(tuple_at(list_at(items, 1), 1), I(4));
  EXPECT_EQ(list_at(dict_keys_list(d), 0), I(1));
  EXPECT_EQ(list_at(dict_values_list(d), 1), I(4));
}

}  // namespace
}  // namespace tpy
