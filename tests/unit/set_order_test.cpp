// tests/unit/set_order_test.cpp -- Orders and hashes of set operations equal python3.11's: set
// algebra, in-place operators, multi-argument methods, dict views, big-int members, frozenset
// hashes. The expected text was printed by python3.11 running the same operations.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/set.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "tests/unit/container_test_env.h"

namespace tpy {
namespace {

std::string out;

Value L(std::initializer_list<int64_t> xs) {
  Value l = list_new();
  for (auto x : xs) list_append(l, int_from_i64(x));
  return l;
}
Value S(std::initializer_list<int64_t> xs) { return set_new(L(xs)); }
void P(Value v) {
  if (v.is_null()) {
    out += "ERR " + testing::take_error() + "\n";
    return;
  }
  Value l = list_from_iterable(v);
  out += "[";
  for (int64_t i = 0; i < list_length(l); i++) {
    std::string s;
    (void)int_to_string(list_at(l, i), 10, s);
    out += (i ? ", " : "") + s;
  }
  out += "]\n";
}
Value M(Value o, const char* n, std::initializer_list<Value> a) {
  return call_method(o, str_intern(n), a.begin(), a.size());
}

TEST(SetOrder, MatchesPython311) {
  testing::ensure_runtime();
  out.clear();
  Value a = S({1,2,3,4}), b = S({3,4,5,6});
  P(binary_op(a,b,BinOp::Or)); P(binary_op(a,b,BinOp::And)); P(binary_op(a,b,BinOp::Subtract)); P(binary_op(b,a,BinOp::Subtract)); P(binary_op(a,b,BinOp::Xor));
  P(M(a,"union",{b, L({7})})); P(M(a,"intersection",{b,S({4})})); P(M(a,"difference",{b,S({1})})); P(M(a,"symmetric_difference",{L({4,9})}));
  Value r = set_new(L({})); for (int i=0;i<100;i++) set_add(r, int_from_i64(i)); for (int i=0;i<100;i+=3) set_discard(r, int_from_i64(i)); P(r);
  Value big = set_new(); set_add(big, int_from_i64(-1)); set_add(big, int_from_i64(-2)); set_add(big, int_from_i64(0));
  Value p61 = int_lshift(int_from_i64(1), int_from_i64(61)); set_add(big, p61); set_add(big, int_sub(p61, int_from_i64(1))); set_add(big, int_lshift(int_from_i64(1), int_from_i64(64))); P(big);
  Value d = dict_new(); for (int i=1;i<=4;i++) dict_set(d, int_from_i64(i), int_from_i64(i));
  Value k = M(d, "keys", {});
  P(binary_op(k, S({1,2,9}), BinOp::And)); P(binary_op(S({1,9}), k, BinOp::And)); P(binary_op(k, S({9}), BinOp::Or)); P(binary_op(k, S({1}), BinOp::Subtract)); P(binary_op(k, S({1,9}), BinOp::Xor)); P(binary_op(k, L({2,3}), BinOp::And));
  Value c = set_new(a); c = binary_op(c, S({10}), BinOp::InplaceOr); c = binary_op(c, S({1,2,10}), BinOp::InplaceAnd); c = binary_op(c, S({1}), BinOp::InplaceSubtract); c = binary_op(c, S({2,20}), BinOp::InplaceXor); P(c);
  M(c,"update",{L({30,31}),S({32})}); M(c,"intersection_update",{L({30,31,32,10}),S({31,32,10})}); M(c,"difference_update",{L({32})}); M(c,"symmetric_difference_update",{S({31,40})}); P(c);
  Value e = set_new(); for (int i=0;i<20;i++) set_add(e, int_from_i64(i*8)); P(e);
  Value dd = dict_new(); for (int i=0;i<10;i++) dict_set(dd, int_from_i64(i), None());
  P(set_new(dd)); P(set_new(M(dd,"keys",{}))); P(binary_op(M(dd,"keys",{}), S({0}), BinOp::Subtract));
  Value big2 = set_new(); for (int i=0;i<50;i++) set_add(big2, int_from_i64(i*37 % 101)); P(big2); P(M(big2, "intersection", {L({5,74,1,0,99,33})})); P(binary_op(big2, S({5,74,1,1000}), BinOp::Xor));
  Value fz = frozenset_new(L({3,1,2})); P(binary_op(fz, S({9}), BinOp::Or)); out += std::string(type_of(binary_op(S({9}), fz, BinOp::Or))->c_name()) + "\n";
  out += std::to_string(object_hash(frozenset_new(L({})))) + " " + std::to_string(object_hash(frozenset_new(L({1,2,3})))) + "\n";
  Value r100 = set_new(); for (int i=0;i<100;i++) set_add(r100, int_from_i64(i)); out += std::to_string(object_hash(frozenset_new(r100))) + "\n";
  Value ff = frozenset_new(L({2})); Value nest = set_new(); set_add(nest, frozenset_new(L({1}))); set_add(nest, int_from_i64(2)); out += std::to_string(object_hash(frozenset_new(nest))) + "\n";
  const char* expected =
      "[1, 2, 3, 4, 5, 6]\n"
      "[3, 4]\n"
      "[1, 2]\n"
      "[5, 6]\n"
      "[1, 2, 5, 6]\n"
      "[1, 2, 3, 4, 5, 6, 7]\n"
      "[4]\n"
      "[2]\n"
      "[1, 2, 3, 9]\n"
      "[1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25, 26, 28, 29, 31, 32, 34, 35, 37, 38, 40, 41, 43, 44, 46, 47, 49, 50, 52, 53, 55, 56, 58, 59, 61, 62, 64, 65, 67, 68, 70, 71, 73, 74, 76, 77, 79, 80, 82, 83, 85, 86, 88, 89, 91, 92, 94, 95, 97, 98]\n"
      "[0, 2305843009213693952, 2305843009213693951, 18446744073709551616, -2, -1]\n"
      "[1, 2]\n"
      "[1]\n"
      "[1, 2, 3, 4, 9]\n"
      "[2, 3, 4]\n"
      "[9, 2, 3, 4]\n"
      "[2, 3]\n"
      "[10, 20]\n"
      "[40, 10]\n"
      "[0, 128, 8, 136, 16, 144, 24, 152, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120]\n"
      "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n"
      "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n"
      "[1, 2, 3, 4, 5, 6, 7, 8, 9]\n"
      "[0, 2, 3, 6, 9, 10, 12, 13, 16, 19, 20, 22, 23, 26, 29, 30, 33, 36, 37, 39, 40, 43, 46, 47, 49, 50, 53, 56, 57, 59, 60, 63, 66, 67, 70, 73, 74, 76, 77, 80, 83, 84, 86, 87, 90, 93, 94, 96, 97, 100]\n"
      "[0, 33, 74]\n"
      "[0, 1, 2, 3, 5, 6, 9, 10, 12, 13, 16, 19, 20, 22, 23, 26, 29, 30, 33, 36, 37, 39, 40, 43, 46, 47, 49, 50, 53, 56, 57, 59, 60, 63, 66, 67, 70, 73, 76, 77, 80, 83, 84, 86, 87, 90, 93, 94, 96, 97, 100, 1000]\n"
      "[1, 2, 3, 9]\n"
      "set\n"
      "133146708735736 -272375401224217160\n"
      "4411996150312757951\n"
      "-1248503628839622056\n";
  EXPECT_EQ(out, expected);
}

}  // namespace
}  // namespace tpy
