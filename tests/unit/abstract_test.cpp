// tests/unit/abstract_test.cpp -- The generic operations of abstract.h on built-in objects and
// on classes whose dunders are native functions (truth, hashing, comparison fallbacks,
// iteration over __getitem__, `in`, isinstance hooks, number conversions, messages).
#include <gtest/gtest.h>

#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/descr.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/runtime.h"

namespace tpy {
namespace {

class AbstractTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(runtime_init(0, nullptr)); }
  void TearDown() override {
    if (error_occurred()) {
      ADD_FAILURE() << "exception left pending: " << error_text();
    }
  }

 public:
  static std::string error_text() {
    Value e = fetch_exception();
    if (e.is_null()) return "";
    std::string s = type_of(e)->c_name();
    auto* o = static_cast<BaseExceptionObject*>(e.as_object());
    if (!o->args.is_null() && tuple_length(o->args) > 0 && is_str(tuple_at(o->args, 0)))
      s += ": " + str_to_utf8(tuple_at(o->args, 0));
    return s;
  }
  static Value S(const char* s) { return str_intern(s); }
  static Value method(const MethodDef* def) { return method_descr_new(&object_type, def); }
  static Value make_class(const char* name, std::initializer_list<Value> bases,
                          std::initializer_list<std::pair<const char*, Value>> attrs) {
    Value d = dict_new();
    for (auto& [k, v] : attrs) EXPECT_EQ(dict_set(d, S(k), v), 0);
    Value args[3] = {S(name), tuple_pack(bases), d};
    return call(Value::from_object(&type_type), args, 3);
  }
};

Value ret_false(Value, const Value*, size_t, Value) { return False(); }
Value ret_int(Value, const Value*, size_t, Value) { return Value::from_int(1); }
Value ret_zero(Value, const Value*, size_t, Value) { return Value::from_int(0); }
Value ret_minus(Value, const Value*, size_t, Value) { return Value::from_int(-1); }
Value getitem_upto3(Value, const Value* args, size_t, Value) {
  if (args[0].is_int() && args[0].as_int() < 3) return args[0];
  return raise_error(exc_IndexError, "index out of range");
}
Value always_true(Value, const Value*, size_t, Value) { return True(); }
Value eq_notimpl(Value, const Value*, size_t, Value) { return NotImplemented(); }
Value ret_42(Value, const Value*, size_t, Value) { return Value::from_int(42); }
Value ret_str(Value, const Value*, size_t, Value) { return str_intern("s"); }

const MethodDef kBoolFalse = {"__bool__", ret_false, kMethNoArgs, nullptr};
const MethodDef kBoolInt = {"__bool__", ret_int, kMethNoArgs, nullptr};
const MethodDef kLenZero = {"__len__", ret_zero, kMethNoArgs, nullptr};
const MethodDef kLenMinus = {"__len__", ret_minus, kMethNoArgs, nullptr};
const MethodDef kGetitem = {"__getitem__", getitem_upto3, kMethO, nullptr};
const MethodDef kInstanceCheck = {"__instancecheck__", always_true, kMethO, nullptr};
const MethodDef kEqNotImpl = {"__eq__", eq_notimpl, kMethO, nullptr};
const MethodDef kHash42 = {"__hash__", ret_42, kMethNoArgs, nullptr};
const MethodDef kIndex = {"__index__", ret_42, kMethNoArgs, nullptr};
const MethodDef kIndexStr = {"__index__", ret_str, kMethNoArgs, nullptr};
const MethodDef kReprInt = {"__repr__", ret_42, kMethNoArgs, nullptr};

TEST_F(AbstractTest, Truthiness) {
  Value F = make_class("F", {}, {{"__bool__", method(&kBoolFalse)}});
  EXPECT_EQ(object_truthy(call0(F)), 0);
  Value L = make_class("L", {}, {{"__len__", method(&kLenZero)}});
  EXPECT_EQ(object_truthy(call0(L)), 0);
  EXPECT_EQ(object_length(call0(L)), 0);
  Value B = make_class("B", {}, {{"__bool__", method(&kBoolInt)}});
  EXPECT_EQ(object_truthy(call0(B)), -1);
  EXPECT_EQ(error_text(), "TypeError: __bool__ should return bool, returned int");
  Value M = make_class("M", {}, {{"__len__", method(&kLenMinus)}});
  EXPECT_EQ(object_length(call0(M)), -1);
  EXPECT_EQ(error_text(), "ValueError: __len__() should return >= 0");
  EXPECT_EQ(object_truthy(Value::from_int(0)), 0);
  EXPECT_EQ(object_truthy(Value::from_int(7)), 1);
  EXPECT_EQ(object_truthy(NotImplemented()), 1);
}

TEST_F(AbstractTest, SequenceIterationAndContains) {
  Value G = make_class("G", {}, {{"__getitem__", method(&kGetitem)}});
  Value g = call0(G);
  Value it = get_iter(g);
  ASSERT_FALSE(it.is_null()) << error_text();
  EXPECT_STREQ(type_of(it)->c_name(), "iterator");
  EXPECT_EQ(iter_next(it), Value::from_int(0));
  EXPECT_EQ(iter_next(it), Value::from_int(1));
  EXPECT_EQ(iter_next(it), Value::from_int(2));
  EXPECT_TRUE(iter_next(it).is_null());
  EXPECT_FALSE(error_occurred());
  EXPECT_TRUE(iter_next(it).is_null());
  EXPECT_EQ(contains(g, Value::from_int(2)), 1);
  EXPECT_EQ(contains(g, Value::from_int(5)), 0);
  EXPECT_EQ(getitem(g, Value::from_int(1)), Value::from_int(1));
  EXPECT_TRUE(iter_next(None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: 'NoneType' object is not an iterator");
}

TEST_F(AbstractTest, HashAndEquality) {
  Value H = make_class("H", {}, {{"__hash__", method(&kHash42)}});
  EXPECT_EQ(object_hash(call0(H)), 42);
  Value P = make_class("P", {}, {});
  Value p = call0(P);
  EXPECT_NE(object_hash(p), -1);
  Value N = make_class("N", {}, {{"__eq__", method(&kEqNotImpl)}, {"__hash__", method(&kHash42)}});
  Value n = call0(N);
  // __eq__ returning NotImplemented on both sides: identity decides.
  EXPECT_EQ(compare_bool(n, n, CompareOp::Eq), 1);
  EXPECT_EQ(compare_bool(n, p, CompareOp::Eq), 0);
  EXPECT_EQ(compare_bool(n, p, CompareOp::Ne), 1);
  EXPECT_EQ(object_equal(n, n), 1);
  EXPECT_EQ(compare_bool(p, n, CompareOp::Ge), -1);
  EXPECT_EQ(error_text(), "TypeError: '>=' not supported between instances of 'P' and 'N'");
  EXPECT_EQ(compare_bool(Value::from_int(1), Value::from_int(2), CompareOp::Lt), 1);
}

TEST_F(AbstractTest, InstancecheckHook) {
  Value T = Value::from_object(&type_type);
  Value Meta = make_class("Meta", {T}, {{"__instancecheck__", method(&kInstanceCheck)}});
  ASSERT_FALSE(Meta.is_null()) << error_text();
  Value d = dict_new();
  Value args[3] = {S("Any"), tuple_empty(), d};
  Value Any = call(Meta, args, 3);
  ASSERT_FALSE(Any.is_null()) << error_text();
  EXPECT_EQ(object_isinstance(Value::from_int(3), Any), 1);
  EXPECT_EQ(object_isinstance(None(), Value::from_object(&object_type)), 1);
  EXPECT_EQ(object_isinstance(None(), tuple_pack({Value::from_object(&type_type)})), 0);
  EXPECT_EQ(object_isinstance(None(), Value::from_int(1)), -1);
  EXPECT_EQ(error_text(),
            "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
  EXPECT_EQ(object_issubclass(Value::from_int(1), Value::from_object(&object_type)), -1);
  EXPECT_EQ(error_text(), "TypeError: issubclass() arg 1 must be a class");
  EXPECT_EQ(object_issubclass(Value::from_object(&bool_type), Value::from_object(&int_type)), 1);
}

TEST_F(AbstractTest, NumberConversionsAndMessages) {
  Value I = make_class("I", {}, {{"__index__", method(&kIndex)}});
  EXPECT_EQ(number_index(call0(I)), Value::from_int(42));
  int64_t out = 0;
  EXPECT_TRUE(index_to_i64(call0(I), &out));
  EXPECT_EQ(out, 42);
  Value J = make_class("J", {}, {{"__index__", method(&kIndexStr)}});
  EXPECT_TRUE(number_index(call0(J)).is_null());
  EXPECT_EQ(error_text(), "TypeError: __index__ returned non-int (type str)");
  EXPECT_TRUE(number_index(None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: 'NoneType' object cannot be interpreted as an integer");
  EXPECT_EQ(number_index(True()), Value::from_int(1));
  EXPECT_TRUE(power(None(), None(), None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: unsupported operand type(s) for ** or pow(): 'NoneType' and 'NoneType'");
  EXPECT_TRUE(power(None(), None(), Ellipsis()).is_null());
  EXPECT_EQ(error_text(),
            "TypeError: unsupported operand type(s) for ** or pow(): 'NoneType', 'NoneType', 'ellipsis'");
  EXPECT_TRUE(inplace_power(None(), None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: unsupported operand type(s) for **=: 'NoneType' and 'NoneType'");
  EXPECT_TRUE(number_divmod(None(), None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: unsupported operand type(s) for divmod(): 'NoneType' and 'NoneType'");
  EXPECT_TRUE(number_abs(None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: bad operand type for abs(): 'NoneType'");
  EXPECT_TRUE(unary_invert(None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: bad operand type for unary ~: 'NoneType'");
}

TEST_F(AbstractTest, TextConversions) {
  Value R = make_class("R", {}, {{"__repr__", method(&kReprInt)}});
  EXPECT_TRUE(object_repr(call0(R)).is_null());
  EXPECT_EQ(error_text(), "TypeError: __repr__ returned non-string (type int)");
  Value o = call0(Value::from_object(&object_type));
  EXPECT_TRUE(object_format(o, S("x")).is_null());
  EXPECT_EQ(error_text(), "TypeError: unsupported format string passed to object.__format__");
  Value f = object_format(o, str_empty());
  ASSERT_FALSE(f.is_null()) << error_text();
  EXPECT_EQ(str_to_utf8(f).rfind("<object object at 0x", 0), 0u);
  EXPECT_EQ(str_to_utf8(object_str(S("abc"))), "abc");
}

}  // namespace
}  // namespace tpy
