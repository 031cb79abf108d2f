// tests/unit/container_methods_test.cpp -- The Python-visible methods of the containers, called
// as Python calls them (attribute lookup through type_init's descriptors), with CPython's
// messages.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "interp/objects/abstract.h"
#include "interp/objects/builtin_iters.h"
#include "interp/objects/dict.h"
#include "interp/objects/dict_views.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/list.h"
#include "interp/objects/range.h"
#include "interp/objects/set.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "tests/unit/container_test_env.h"

namespace tpy {
namespace {

using testing::ensure_runtime;
using testing::take_error;

Value I(int64_t x) { return Value::from_int(x); }

Value m(Value obj, const char* name, std::initializer_list<Value> args = {}) {
  return call_method(obj, str_intern(name), args.begin(), args.size());
}

Value ints_list(std::initializer_list<int64_t> xs) {
  Value l = list_new();
  for (int64_t x : xs) list_append(l, I(x));
  return l;
}

std::vector<int64_t> ints_of(Value iterable) {
  std::vector<int64_t> out;
  Value l = list_from_iterable(iterable);
  if (l.is_null()) return {-999};
  for (int64_t i = 0; i < list_length(l); i++) out.push_back(list_at(l, i).as_int());
  return out;
}

TEST(ListMethods, MutatorsAndErrors) {
  ensure_runtime();
  Value l = ints_list({3, 1, 2});
  EXPECT_EQ(m(l, "append", {I(4)}), None());
  EXPECT_EQ(m(l, "insert", {I(0), I(-1)}), None());
  EXPECT_EQ(ints_of(l), (std::vector<int64_t>{-1, 3, 1, 2, 4}));
  EXPECT_EQ(m(l, "pop"), I(4));
  EXPECT_EQ(m(l, "pop", {I(0)}), I(-1));
  EXPECT_EQ(m(l, "index", {I(2)}), I(2));
  EXPECT_EQ(m(l, "count", {I(1)}), I(1));
  EXPECT_EQ(m(l, "remove", {I(1)}), None());
  EXPECT_EQ(ints_of(l), (std::vector<int64_t>{3, 2}));
  EXPECT_TRUE(m(l, "remove", {I(9)}).is_null());
  EXPECT_EQ(take_error(), "ValueError: list.remove(x): x not in list");
  EXPECT_TRUE(m(list_new(), "pop").is_null());
  EXPECT_EQ(take_error(), "IndexError: pop from empty list");
  EXPECT_TRUE(m(l, "insert", {I(0)}).is_null());
  EXPECT_EQ(take_error(), "TypeError: insert expected 2 arguments, got 1");
  EXPECT_EQ(m(l, "reverse"), None());
  EXPECT_EQ(ints_of(l), (std::vector<int64_t>{2, 3}));
  Value c = m(l, "copy");
  EXPECT_NE(c, l);
  EXPECT_EQ(m(l, "clear"), None());
  EXPECT_EQ(list_length(l), 0);
  EXPECT_EQ(ints_of(c), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(ints_of(m(c, "__reversed__")), (std::vector<int64_t>{3, 2}));
}

TEST(ListMethods, ConstructorAndIterators) {
  ensure_runtime();
  Value lt = Value::from_object(&list_type);
  Value l = call1(lt, tuple_pack({I(1), I(2)}));
  EXPECT_EQ(ints_of(l), (std::vector<int64_t>{1, 2}));
  Value two[] = {I(1), I(2)};
  EXPECT_TRUE(call(lt, two, 2).is_null());
  EXPECT_EQ(take_error(), "TypeError: list expected at most 1 argument, got 2");
  Value it = get_iter(l);
  EXPECT_EQ(m(it, "__length_hint__"), I(2));
  EXPECT_EQ(iter_next(it), I(1));
  EXPECT_EQ(m(it, "__length_hint__"), I(1));
}

TEST(TupleMethods, CountIndexNew) {
  ensure_runtime();
  Value t = tuple_pack({I(1), I(2), I(1)});
  EXPECT_EQ(m(t, "count", {I(1)}), I(2));
  EXPECT_EQ(m(t, "index", {I(1), I(1)}), I(2));
  EXPECT_TRUE(m(t, "index", {I(5)}).is_null());
  EXPECT_EQ(take_error(), "ValueError: tuple.index(x): x not in tuple");
  Value tt = Value::from_object(&tuple_type);
  Value made = call1(tt, ints_list({4, 5}));
  EXPECT_EQ(tuple_length(made), 2);
  EXPECT_EQ(call0(tt), tuple_empty());
}

TEST(DictMethods, GetSetdefaultPopUpdate) {
  ensure_runtime();
  Value d = dict_new();
  dict_set(d, I(1), I(10));
  EXPECT_EQ(m(d, "get", {I(1)}), I(10));
  EXPECT_EQ(m(d, "get", {I(2)}), None());
  EXPECT_EQ(m(d, "get", {I(2), I(7)}), I(7));
  EXPECT_EQ(m(d, "setdefault", {I(2), I(20)}), I(20));
  EXPECT_EQ(m(d, "pop", {I(2)}), I(20));
  EXPECT_TRUE(m(d, "pop", {I(2)}).is_null());
  Value e = fetch_exception();
  ASSERT_FALSE(e.is_null());
  if (testing::exceptions_ready()) {  // KeyError(key) is made by calling KeyError
    EXPECT_STREQ(type_of(e)->c_name(), "KeyError");
    EXPECT_EQ(tuple_at(static_cast<BaseExceptionObject*>(e.as_object())->args, 0), I(2));
  }
  EXPECT_TRUE(m(d, "get").is_null());
  EXPECT_EQ(take_error(), "TypeError: get expected at least 1 argument, got 0");
  Value pairs = list_new();
  list_append(pairs, tuple_pack({I(5), I(50)}));
  EXPECT_EQ(m(d, "update", {pairs}), None());
  EXPECT_EQ(dict_get(d, I(5)), I(50));
  EXPECT_TRUE(m(d, "update", {ints_list({1})}).is_null());
  EXPECT_EQ(take_error(),
            "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
  Value fk = m(Value::from_object(&dict_type), "fromkeys", {ints_list({7, 8}), I(0)});
  ASSERT_FALSE(fk.is_null());
  EXPECT_EQ(dict_get(fk, I(8)), I(0));
  Value item = m(d, "popitem");
  EXPECT_EQ(tuple_at(item, 0), I(5));
}

TEST(DictMethods, ViewsAndIterationErrors) {
  ensure_runtime();
  Value d = dict_new();
  for (int64_t i = 1; i <= 4; i++) dict_set(d, I(i), I(i * i));
  Value k = m(d, "keys");
  EXPECT_STREQ(type_of(k)->c_name(), "dict_keys");
  EXPECT_EQ(object_length(k), 4);
  EXPECT_EQ(contains(k, I(3)), 1);
  EXPECT_EQ(ints_of(m(d, "values")), (std::vector<int64_t>{1, 4, 9, 16}));
  Value other = set_new(ints_list({1, 9}));
  EXPECT_EQ(ints_of(binary_op(k, other, BinOp::Xor)), (std::vector<int64_t>{9, 2, 3, 4}));
  EXPECT_EQ(ints_of(binary_op(k, other, BinOp::And)), (std::vector<int64_t>{1}));
  EXPECT_EQ(compare(k, set_new(ints_list({1, 2, 3, 4})), CompareOp::Eq), True());
  Value it = get_iter(d);
  EXPECT_EQ(iter_next(it), I(1));
  dict_set(d, I(100), I(0));
  EXPECT_TRUE(iter_next(it).is_null());
  EXPECT_EQ(take_error(), "RuntimeError: dictionary changed size during iteration");
  Value d2 = dict_new();
  dict_set(d2, I(1), I(1));
  dict_set(d2, I(2), I(2));
  Value it2 = get_iter(d2);
  EXPECT_EQ(iter_next(it2), I(1));
  dict_del(d2, I(1));
  dict_set(d2, I(3), I(3));
  EXPECT_EQ(iter_next(it2), I(2));
  EXPECT_TRUE(iter_next(it2).is_null());
  EXPECT_EQ(take_error(), "RuntimeError: dictionary keys changed during iteration");
  Value rev = m(d2, "__reversed__");
  EXPECT_EQ(ints_of(rev), (std::vector<int64_t>{3, 2}));
}

TEST(SetMethods, Operations) {
  ensure_runtime();
  Value s = set_new(ints_list({1, 2, 3}));
  EXPECT_EQ(m(s, "add", {I(4)}), None());
  EXPECT_EQ(m(s, "discard", {I(1)}), None());
  EXPECT_TRUE(m(s, "remove", {I(1)}).is_null());
  std::string err = take_error();
  if (testing::exceptions_ready()) EXPECT_EQ(err.substr(0, 9), "KeyError:");
  EXPECT_EQ(ints_of(m(s, "union", {ints_list({9}), ints_list({10})})),
            (std::vector<int64_t>{2, 3, 4, 9, 10}));
  EXPECT_EQ(ints_of(m(s, "intersection", {ints_list({3, 4, 5})})), (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(ints_of(m(s, "difference", {ints_list({3})})), (std::vector<int64_t>{2, 4}));
  EXPECT_EQ(m(s, "issubset", {ints_list({2, 3, 4, 5})}), True());
  EXPECT_EQ(m(s, "isdisjoint", {ints_list({7})}), True());
  EXPECT_EQ(m(s, "intersection_update", {ints_list({2, 4})}), None());
  EXPECT_EQ(ints_of(s), (std::vector<int64_t>{2, 4}));
  Value it = get_iter(s);
  EXPECT_EQ(iter_next(it), I(2));
  set_add(s, I(100));
  EXPECT_TRUE(iter_next(it).is_null());
  EXPECT_EQ(take_error(), "RuntimeError: Set changed size during iteration");
  EXPECT_EQ(m(s, "pop"), I(100));  // as python3.11: the linear probe put 100 in slot 5
  EXPECT_TRUE(m(set_new(), "pop").is_null());
  EXPECT_EQ(take_error(), "KeyError: pop from an empty set");
}

TEST(BuiltinIters, ZipEnumerateMapFilterReversed) {
  ensure_runtime();
  Value zip = Value::from_object(&zip_type);
  Value args[] = {ints_list({1, 2}), ints_list({3}), True()};
  Value kw = tuple_pack({str_intern("strict")});
  Value z = call(zip, args, 2, kw);
  ASSERT_FALSE(z.is_null());
  EXPECT_FALSE(iter_next(z).is_null());
  EXPECT_TRUE(iter_next(z).is_null());
  EXPECT_EQ(take_error(), "ValueError: zip() argument 2 is shorter than argument 1");
  Value eargs[] = {ints_list({1, 2}), I(3)};
  Value en = call(Value::from_object(&enumerate_type), eargs, 2);
  if (en.is_null()) FAIL() << take_error();
  Value first = iter_next(en);
  EXPECT_EQ(tuple_at(first, 0), I(3));
  EXPECT_EQ(tuple_at(first, 1), I(1));
  Value rv = call1(Value::from_object(&reversed_type), ints_list({1, 2, 3}));
  EXPECT_EQ(ints_of(rv), (std::vector<int64_t>{3, 2, 1}));
  Value rr = call1(Value::from_object(&reversed_type), range_new(I(0), I(3), I(1)));
  EXPECT_EQ(ints_of(rr), (std::vector<int64_t>{2, 1, 0}));
  EXPECT_TRUE(call1(Value::from_object(&reversed_type), I(1)).is_null());
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not reversible");
  Value fargs[] = {None(), ints_list({0, 1, 0, 2})};
  Value f = call(Value::from_object(&filter_type), fargs, 2);
  EXPECT_EQ(ints_of(f), (std::vector<int64_t>{1, 2}));
  EXPECT_TRUE(call(Value::from_object(&map_type), fargs, 1).is_null());
  EXPECT_EQ(take_error(), "TypeError: map() must have at least two arguments.");
}

TEST(RangeMethods, IndexCountSlices) {
  ensure_runtime();
  Value r = range_new(I(0), I(20), I(3));
  EXPECT_EQ(m(r, "index", {I(9)}), I(3));
  EXPECT_EQ(m(r, "count", {I(10)}), I(0));
  EXPECT_TRUE(m(r, "index", {I(10)}).is_null());
  std::string err = take_error();
  if (testing::int_repr_ready()) EXPECT_EQ(err, "ValueError: 10 is not in range");
  EXPECT_EQ(ints_of(m(r, "__reversed__")), (std::vector<int64_t>{18, 15, 12, 9, 6, 3, 0}));
  Value rt = Value::from_object(&range_type);
  EXPECT_TRUE(call0(rt).is_null());
  EXPECT_EQ(take_error(), "TypeError: range expected at least 1 argument, got 0");
  Value a3[] = {I(1), I(2), I(0)};
  EXPECT_TRUE(call(rt, a3, 3).is_null());
  EXPECT_EQ(take_error(), "ValueError: range() arg 3 must not be zero");
}

}  // namespace
}  // namespace tpy

namespace tpy {
namespace {

TEST(GenericAlias, ClassGetItemReprEq) {
  testing::ensure_runtime();
  Value lt = Value::from_object(&list_type);
  Value it = Value::from_object(&int_type);
  Value ga = call_method(lt, str_intern("__class_getitem__"), &it, 1);
  ASSERT_FALSE(ga.is_null()) << testing::take_error();
  EXPECT_STREQ(type_of(ga)->c_name(), "types.GenericAlias");
  EXPECT_EQ(getattr(ga, str_intern("__origin__")), lt);
  Value args = getattr(ga, str_intern("__args__"));
  ASSERT_TRUE(is_tuple(args));
  EXPECT_EQ(tuple_at(args, 0), it);
  EXPECT_EQ(tuple_length(getattr(ga, str_intern("__parameters__"))), 0);
  Value r = object_repr(ga);
  ASSERT_FALSE(r.is_null()) << testing::take_error();
  EXPECT_EQ(str_to_utf8(r), "list[int]");
  Value ga2 = generic_alias_new(lt, it);
  EXPECT_EQ(compare(ga, ga2, CompareOp::Eq), True());
  EXPECT_EQ(object_hash(ga), object_hash(ga2));
  // Attributes other than the alias's own come from the origin.
  EXPECT_EQ(getattr(ga, str_intern("append")), getattr(lt, str_intern("append")));
  Value made = call0(ga);
  ASSERT_FALSE(made.is_null()) << testing::take_error();
  EXPECT_TRUE(is_exact_list(made));
  EXPECT_TRUE(getitem(ga, it).is_null());
  std::string err = testing::take_error();
  EXPECT_EQ(err, "TypeError: list[int] is not a generic class");
  Value t = tuple_pack({Value::from_object(&str_type), ga});
  Value dga = generic_alias_new(Value::from_object(&dict_type), t);
  EXPECT_EQ(str_to_utf8(object_repr(dga)), "dict[str, list[int]]");
  EXPECT_EQ(str_to_utf8(object_repr(generic_alias_new(Value::from_object(&tuple_type),
                                                      tuple_empty()))),
            "tuple[()]");
}

}  // namespace
}  // namespace tpy

namespace tpy {
namespace {

// list.sort through the method, with key= and reverse= (timsort from list_sort.h).
TEST(ListSort, KeyReverseAndMutation) {
  testing::ensure_runtime();
  Value l = ints_list({3, 1, 2, 5, 4});
  EXPECT_EQ(m(l, "sort"), None());
  EXPECT_EQ(ints_of(l), (std::vector<int64_t>{1, 2, 3, 4, 5}));
  Value kw_rev = tuple_pack({str_intern("reverse")});
  Value rev_args[] = {True()};
  EXPECT_EQ(call_method(l, str_intern("sort"), rev_args, 0, kw_rev), None());
  EXPECT_EQ(ints_of(l), (std::vector<int64_t>{5, 4, 3, 2, 1}));
  // key=[2, 3, 1].index orders by position in that list.
  Value order = ints_list({2, 3, 1});
  Value key = getattr(order, str_intern("index"));
  Value l2 = ints_list({3, 1, 2});
  Value kw_key = tuple_pack({str_intern("key")});
  EXPECT_EQ(call_method(l2, str_intern("sort"), &key, 0, kw_key), None());
  EXPECT_EQ(ints_of(l2), (std::vector<int64_t>{2, 3, 1}));
  // A key function that appends to the list being sorted.
  Value l3 = ints_list({5});
  Value append = getattr(l3, str_intern("append"));
  EXPECT_TRUE(call_method(l3, str_intern("sort"), &append, 0, kw_key).is_null());
  EXPECT_EQ(take_error(), "ValueError: list modified during sort");
  EXPECT_EQ(ints_of(l3), (std::vector<int64_t>{5}));
  Value one[] = {I(1)};
  EXPECT_TRUE(call_method(l3, str_intern("sort"), one, 1).is_null());
  EXPECT_EQ(take_error(), "TypeError: sort() takes no positional arguments");
  Value strs = list_new();
  for (const char* s : {"b", "a", "c"}) list_append(strs, str_from_utf8(s));
  EXPECT_EQ(list_sort(strs, Value(), false), 0);
  EXPECT_TRUE(str_equal_ascii(list_at(strs, 0), "a"));
  EXPECT_TRUE(str_equal_ascii(list_at(strs, 2), "c"));
}

}  // namespace
}  // namespace tpy
