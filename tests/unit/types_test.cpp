// tests/unit/types_test.cpp -- The type system from C++: object, type, class creation, MRO,
// slot wrappers and heap-type slots, descriptors, super, isinstance.
#include <gtest/gtest.h>

#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/descr.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/runtime.h"

namespace tpy {
namespace {

class TypesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(runtime_init(0, nullptr)); }
  void TearDown() override {
    if (error_occurred()) {
      ADD_FAILURE() << "exception left pending: " << pending_error_text();
      clear_exception();
    }
  }

 public:
  static std::string pending_error_text() {
    Value e = fetch_exception();
    if (e.is_null()) return "";
    // The message is args[0] (str() of exceptions belongs to the exceptions part).
    std::string s = type_of(e)->c_name();
    auto* o = static_cast<BaseExceptionObject*>(e.as_object());
    if (!o->args.is_null() && tuple_length(o->args) > 0 && is_str(tuple_at(o->args, 0)))
      s += ": " + str_to_utf8(tuple_at(o->args, 0));
    return s;
  }
  // The pending exception as "Type: message", cleared.
  static std::string error_text() { return pending_error_text(); }
  static Value S(const char* s) { return str_intern(s); }
  // %R of a str needs str's repr (the str part); messages using it are checked once it exists.
  static bool str_repr_ready() {
    Value r = object_repr(str_intern("a"));
    if (r.is_null()) {
      clear_exception();
      return false;
    }
    return str_to_utf8(r) == "'a'";
  }
  static std::string repr(Value v) {
    Value r = object_repr(v);
    if (r.is_null()) return "<error " + pending_error_text() + ">";
    return str_to_utf8(r);
  }
  // A "method" made of a native function: a method descriptor on object, so it binds like a
  // Python function does.
  static Value method(const MethodDef* def) { return method_descr_new(&object_type, def); }
  static Value make_class(const char* name, std::initializer_list<Value> bases,
                          std::initializer_list<std::pair<const char*, Value>> attrs,
                          Type* meta = &type_type) {
    Value d = dict_new();
    for (auto& [k, v] : attrs) EXPECT_EQ(dict_set(d, S(k), v), 0);
    Value b = tuple_pack(bases);
    Value args[3] = {S(name), b, d};
    return call(Value::from_object(meta), args, 3);
  }
};

TEST_F(TypesTest, ObjectBasics) {
  Value o = call0(Value::from_object(&object_type));
  ASSERT_FALSE(o.is_null()) << error_text();
  EXPECT_EQ(type_of(o), &object_type);
  std::string r = repr(o);
  EXPECT_EQ(r.rfind("<object object at 0x", 0), 0u) << r;
  EXPECT_EQ(repr(Value::from_object(&object_type)), "<class 'object'>");
  EXPECT_EQ(repr(Value::from_object(&type_type)), "<class 'type'>");
  EXPECT_EQ(repr(None()), "None");
  EXPECT_EQ(repr(True()), "True");
  EXPECT_EQ(repr(NotImplemented()), "NotImplemented");
  EXPECT_EQ(repr(Ellipsis()), "Ellipsis");
  EXPECT_EQ(object_truthy(None()), 0);
  EXPECT_EQ(object_truthy(o), 1);
  EXPECT_NE(object_hash(o), -1);
  EXPECT_EQ(compare_bool(o, o, CompareOp::Eq), 1);
  EXPECT_EQ(compare_bool(o, None(), CompareOp::Ne), 1);
  EXPECT_TRUE(compare(o, o, CompareOp::Lt).is_null());
  EXPECT_EQ(error_text(), "TypeError: '<' not supported between instances of 'object' and 'object'");
}

TEST_F(TypesTest, ObjectDictOrder) {
  Value keys = dict_keys_list(object_type.m_dict);
  std::string got;
  for (int64_t i = 0; i < list_length(keys); i++) got += str_to_utf8(list_at(keys, i)) + " ";
  EXPECT_EQ(got,
            "__new__ __repr__ __hash__ __str__ __getattribute__ __setattr__ __delattr__ __lt__ "
            "__le__ __eq__ __ne__ __gt__ __ge__ __init__ __reduce_ex__ __reduce__ __getstate__ "
            "__subclasshook__ __init_subclass__ __format__ __sizeof__ __dir__ __class__ __doc__ ");
}

TEST_F(TypesTest, DescriptorReprs) {
  Value add = dict_get_cstr(object_type.m_dict, "__repr__");
  EXPECT_EQ(repr(add), "<slot wrapper '__repr__' of 'object' objects>");
  Value fmt = dict_get_cstr(object_type.m_dict, "__format__");
  EXPECT_EQ(repr(fmt), "<method '__format__' of 'object' objects>");
  Value cls = dict_get_cstr(object_type.m_dict, "__class__");
  EXPECT_EQ(repr(cls), "<attribute '__class__' of 'object' objects>");
  Value n = dict_get_cstr(object_type.m_dict, "__new__");
  std::string r = repr(n);
  EXPECT_EQ(r.rfind("<built-in method __new__ of type object at 0x", 0), 0u) << r;
  Value o = call0(Value::from_object(&object_type));
  Value bound = getattr(o, S("__repr__"));
  r = repr(bound);
  EXPECT_EQ(r.rfind("<method-wrapper '__repr__' of object object at 0x", 0), 0u) << r;
  Value bm = getattr(o, S("__format__"));
  r = repr(bm);
  EXPECT_EQ(r.rfind("<built-in method __format__ of object object at 0x", 0), 0u) << r;
}

TEST_F(TypesTest, AttributeErrors) {
  Value o = call0(Value::from_object(&object_type));
  EXPECT_TRUE(getattr(o, S("x")).is_null());
  EXPECT_EQ(error_text(), "AttributeError: 'object' object has no attribute 'x'");
  EXPECT_EQ(setattr(o, S("x"), None()), -1);
  EXPECT_EQ(error_text(), "AttributeError: 'object' object has no attribute 'x'");
  EXPECT_EQ(setattr(o, S("__format__"), None()), -1);
  EXPECT_EQ(error_text(), "AttributeError: 'object' object attribute '__format__' is read-only");
  EXPECT_TRUE(getattr(Value::from_object(&object_type), S("nope")).is_null());
  EXPECT_EQ(error_text(), "AttributeError: type object 'object' has no attribute 'nope'");
  EXPECT_EQ(setattr(Value::from_object(&object_type), S("x"), None()), -1);
  EXPECT_EQ(error_text(), "TypeError: cannot set 'x' attribute of immutable type 'object'");
  EXPECT_TRUE(call1(Value::from_object(&object_type), None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: object() takes no arguments");
}

TEST_F(TypesTest, ClassCreationAndInstances) {
  Value A = make_class("A", {}, {{"__module__", S("__main__")}, {"k", Value::from_int(1)}});
  ASSERT_FALSE(A.is_null()) << error_text();
  EXPECT_EQ(repr(A), "<class '__main__.A'>");
  Value a = call0(A);
  ASSERT_FALSE(a.is_null()) << error_text();
  std::string r = repr(a);
  EXPECT_EQ(r.rfind("<__main__.A object at 0x", 0), 0u) << r;
  EXPECT_EQ(setattr(a, S("x"), Value::from_int(5)), 0);
  EXPECT_EQ(getattr(a, S("x")), Value::from_int(5));
  EXPECT_EQ(getattr(a, S("k")), Value::from_int(1));
  EXPECT_TRUE(call1(A, None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: A() takes no arguments");
  Value mro = getattr(A, S("__mro__"));
  EXPECT_EQ(repr(mro), "(<class '__main__.A'>, <class 'object'>)");
  Value d = getattr(a, S("__dict__"));
  ASSERT_FALSE(d.is_null()) << error_text();
  EXPECT_EQ(dict_length(d), 1);
  EXPECT_EQ(dict_get(d, S("x")), Value::from_int(5));
  // The dict is the storage from now on.
  EXPECT_EQ(dict_set(d, S("y"), Value::from_int(2)), 0);
  EXPECT_EQ(getattr(a, S("y")), Value::from_int(2));
  EXPECT_EQ(setattr(a, S("x"), Value()), 0);
  EXPECT_TRUE(getattr(a, S("x")).is_null());
  EXPECT_EQ(error_text(), "AttributeError: 'A' object has no attribute 'x'");
  EXPECT_EQ(setattr(a, S("x"), Value()), -1);
  EXPECT_EQ(error_text(), "AttributeError: 'A' object has no attribute 'x'");
}

TEST_F(TypesTest, MroC3AndErrors) {
  Value O = Value::from_object(&object_type);
  Value A = make_class("A", {O}, {});
  Value B = make_class("B", {O}, {});
  Value C = make_class("C", {A, B}, {});
  Value D = make_class("D", {B, A}, {});
  ASSERT_FALSE(C.is_null() || D.is_null()) << error_text();
  EXPECT_EQ(repr(getattr(C, S("__mro__"))),
            "(<class 'C'>, <class 'A'>, <class 'B'>, <class 'object'>)");
  EXPECT_TRUE(make_class("E", {C, D}, {}).is_null());
  EXPECT_EQ(error_text(),
            "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
  EXPECT_TRUE(make_class("F", {A, A}, {}).is_null());
  EXPECT_EQ(error_text(), "TypeError: duplicate base class A");
  EXPECT_TRUE(make_class("G", {Value::from_object(&bool_type)}, {}).is_null());
  EXPECT_EQ(error_text(), "TypeError: type 'bool' is not an acceptable base type");
  EXPECT_EQ(object_issubclass(C, A), 1);
  EXPECT_EQ(object_issubclass(A, C), 0);
  Value c = call0(C);
  EXPECT_EQ(object_isinstance(c, B), 1);
  EXPECT_EQ(object_isinstance(c, tuple_pack({D, B})), 1);
  EXPECT_EQ(object_isinstance(c, D), 0);
}

TEST_F(TypesTest, MetaclassConflict) {
  Value T = Value::from_object(&type_type);
  Value M = make_class("M", {T}, {});
  Value N = make_class("N", {T}, {});
  ASSERT_FALSE(M.is_null() || N.is_null()) << error_text();
  Value A = make_class("A", {}, {}, as_type(M));
  Value B = make_class("B", {}, {}, as_type(N));
  ASSERT_FALSE(A.is_null() || B.is_null()) << error_text();
  EXPECT_EQ(type_of(A), as_type(M));
  EXPECT_TRUE(make_class("C", {A, B}, {}).is_null());
  EXPECT_EQ(error_text(),
            "TypeError: metaclass conflict: the metaclass of a derived class must be a "
            "(non-strict) subclass of the metaclasses of all its bases");
  // The most derived metaclass wins even when type is called.
  Value C = make_class("C", {A}, {});
  ASSERT_FALSE(C.is_null()) << error_text();
  EXPECT_EQ(type_of(C), as_type(M));
}


// -- Heap-type slots from dunders (native functions stand in for Python functions) -----------------

Value tag_A_add(Value, const Value*, size_t, Value) { return str_intern("A.add"); }
Value tag_B_radd(Value, const Value*, size_t, Value) { return str_intern("B.radd"); }
Value tag_notimpl(Value, const Value*, size_t, Value) { return NotImplemented(); }
Value tag_eq(Value, const Value*, size_t, Value) { return str_intern("eq"); }
Value echo_name(Value, const Value* args, size_t, Value) { return args[0]; }
Value tag_got(Value, const Value*, size_t, Value) { return str_intern("got"); }
Value tag_base_m(Value, const Value*, size_t, Value) { return str_intern("base.m"); }
Value return_self(Value self, const Value*, size_t, Value) { return self; }

const MethodDef kAAdd = {"__add__", tag_A_add, kMethO, nullptr};
const MethodDef kBRadd = {"__radd__", tag_B_radd, kMethO, nullptr};
const MethodDef kNotImpl = {"__add__", tag_notimpl, kMethO, nullptr};
const MethodDef kEq = {"__eq__", tag_eq, kMethO, nullptr};
const MethodDef kGetattr = {"__getattr__", echo_name, kMethO, nullptr};
const MethodDef kGot = {"getter", tag_got, kMethO, nullptr};
const MethodDef kBaseM = {"m", tag_base_m, kMethNoArgs, nullptr};
const MethodDef kRetSelf = {"f", return_self, kMethNoArgs, nullptr};

TEST_F(TypesTest, BinaryOpsReflectedPriority) {
  Value A = make_class("A", {}, {{"__add__", method(&kAAdd)}});
  Value B = make_class("B", {A}, {{"__radd__", method(&kBRadd)}});
  ASSERT_FALSE(A.is_null() || B.is_null()) << error_text();
  Value a = call0(A), b = call0(B);
  EXPECT_EQ(str_to_utf8(binary_op(a, a, BinOp::Add)), "A.add");
  // A subclass's own reflected method goes first.
  EXPECT_EQ(str_to_utf8(binary_op(a, b, BinOp::Add)), "B.radd");
  EXPECT_EQ(str_to_utf8(binary_op(b, a, BinOp::Add)), "A.add");
  // In-place falls back to the plain operator.
  EXPECT_EQ(str_to_utf8(binary_op(a, a, BinOp::InplaceAdd)), "A.add");
  EXPECT_TRUE(binary_op(Value::from_int(1), a, BinOp::Add).is_null());
  EXPECT_EQ(error_text(), "TypeError: unsupported operand type(s) for +: 'int' and 'A'");
  EXPECT_TRUE(binary_op(a, a, BinOp::Subtract).is_null());
  EXPECT_EQ(error_text(), "TypeError: unsupported operand type(s) for -: 'A' and 'A'");
  EXPECT_TRUE(binary_op(Value::from_int(1), a, BinOp::InplaceSubtract).is_null());
  EXPECT_EQ(error_text(), "TypeError: unsupported operand type(s) for -=: 'int' and 'A'");
  Value N = make_class("N", {}, {{"__add__", method(&kNotImpl)}});
  Value n = call0(N);
  EXPECT_TRUE(binary_op(n, n, BinOp::Add).is_null());
  EXPECT_EQ(error_text(), "TypeError: unsupported operand type(s) for +: 'N' and 'N'");
  // Unary: bad operand.
  EXPECT_TRUE(unary_neg(a).is_null());
  EXPECT_EQ(error_text(), "TypeError: bad operand type for unary -: 'A'");
  // The slot wrapper of the class's own method is reachable too.
  Value w = getattr(a, S("__add__"));
  ASSERT_FALSE(w.is_null()) << error_text();
  EXPECT_EQ(str_to_utf8(call1(w, a)), "A.add");
}

TEST_F(TypesTest, EqWithoutHashIsUnhashable) {
  Value E = make_class("E", {}, {{"__eq__", method(&kEq)}});
  ASSERT_FALSE(E.is_null()) << error_text();
  Value e = call0(E);
  EXPECT_EQ(str_to_utf8(compare(e, None(), CompareOp::Eq)), "eq");
  // None's reflected __eq__ is not involved: E's comes first.
  EXPECT_EQ(str_to_utf8(compare(None(), e, CompareOp::Eq)), "eq");
  EXPECT_EQ(object_hash(e), -1);
  EXPECT_EQ(error_text(), "TypeError: unhashable type: 'E'");
  EXPECT_EQ(is_none(dict_get_cstr(as_type(E)->m_dict, "__hash__")), true);
}

TEST_F(TypesTest, GetattrHookAndProperty) {
  Value G = make_class("G", {}, {{"__getattr__", method(&kGetattr)}});
  ASSERT_FALSE(G.is_null()) << error_text();
  Value g = call0(G);
  EXPECT_EQ(str_to_utf8(getattr(g, S("zzz"))), "zzz");
  EXPECT_EQ(setattr(g, S("real"), Value::from_int(1)), 0);
  EXPECT_EQ(getattr(g, S("real")), Value::from_int(1));

  Value getter = native_function_new(&kGot, Value(), Value());
  Value prop = call1(Value::from_object(&property_type), getter);
  ASSERT_FALSE(prop.is_null()) << error_text();
  Value P = make_class("P", {}, {{"p", prop}});
  ASSERT_FALSE(P.is_null()) << error_text();
  Value p = call0(P);
  EXPECT_EQ(str_to_utf8(getattr(p, S("p"))), "got");
  EXPECT_EQ(setattr(p, S("p"), None()), -1);
  std::string e1 = error_text();
  EXPECT_EQ(setattr(p, S("p"), Value()), -1);
  std::string e2 = error_text();
  if (str_repr_ready()) {
    EXPECT_EQ(e1, "AttributeError: property 'p' of 'P' object has no setter");
    EXPECT_EQ(e2, "AttributeError: property 'p' of 'P' object has no deleter");
  }
  // Data descriptors win over the instance dict.
  Value d = getattr(p, S("__dict__"));
  ASSERT_FALSE(d.is_null()) << error_text();
  dict_set(d, S("p"), None());
  EXPECT_EQ(str_to_utf8(getattr(p, S("p"))), "got");
  Value empty = call0(Value::from_object(&property_type));
  Value Q = make_class("Q", {}, {{"q", empty}});
  EXPECT_TRUE(getattr(call0(Q), S("q")).is_null());
  std::string e3 = error_text();
  if (str_repr_ready()) EXPECT_EQ(e3, "AttributeError: property 'q' of 'Q' object has no getter");
}

TEST_F(TypesTest, SuperAndStaticmethod) {
  Value Base = make_class("Base", {}, {{"m", method(&kBaseM)}});
  Value Derived = make_class("Derived", {Base}, {});
  ASSERT_FALSE(Base.is_null() || Derived.is_null()) << error_text();
  Value d = call0(Derived);
  Value args[2] = {Derived, d};
  Value sup = call(Value::from_object(&super_type), args, 2);
  ASSERT_FALSE(sup.is_null()) << error_text();
  EXPECT_EQ(str_to_utf8(call_method(sup, S("m"), nullptr, 0)), "base.m");
  EXPECT_EQ(repr(sup), "<super: <class 'Derived'>, <Derived object>>");
  EXPECT_TRUE(getattr(sup, S("nope")).is_null());
  EXPECT_EQ(error_text(), "AttributeError: 'super' object has no attribute 'nope'");
  Value bad[2] = {Derived, None()};
  bad[1] = Value::from_int(1);
  EXPECT_TRUE(call(Value::from_object(&super_type), bad, 2).is_null());
  EXPECT_EQ(error_text(), "TypeError: super(type, obj): obj must be an instance or subtype of type");
  bad[0] = Value::from_int(1);
  EXPECT_TRUE(call(Value::from_object(&super_type), bad, 2).is_null());
  EXPECT_EQ(error_text(), "TypeError: super() argument 1 must be a type, not int");

  Value f = native_function_new(&kRetSelf, S("bound-self"), Value());
  Value sm = call1(Value::from_object(&staticmethod_type), f);
  ASSERT_FALSE(sm.is_null()) << error_text();
  Value C = make_class("C", {}, {{"s", sm}});
  EXPECT_EQ(str_to_utf8(call_method(call0(C), S("s"), nullptr, 0)), "bound-self");
  EXPECT_EQ(getattr(sm, S("__func__")), f);
  EXPECT_EQ(getattr(sm, S("__wrapped__")), f);
}

TEST_F(TypesTest, SlotsMembers) {
  Value slots = tuple_pack({S("b"), S("a")});
  Value Sl = make_class("Sl", {}, {{"__slots__", slots}});
  ASSERT_FALSE(Sl.is_null()) << error_text();
  Value o = call0(Sl);
  EXPECT_TRUE(getattr(o, S("a")).is_null());
  EXPECT_EQ(error_text(), "AttributeError: 'Sl' object has no attribute 'a'");
  EXPECT_EQ(setattr(o, S("a"), Value::from_int(1)), 0);
  EXPECT_EQ(setattr(o, S("b"), Value::from_int(2)), 0);
  EXPECT_EQ(getattr(o, S("a")), Value::from_int(1));
  EXPECT_EQ(getattr(o, S("b")), Value::from_int(2));
  EXPECT_EQ(setattr(o, S("z"), Value::from_int(3)), -1);
  EXPECT_EQ(error_text(), "AttributeError: 'Sl' object has no attribute 'z'");
  EXPECT_TRUE(getattr(o, S("__dict__")).is_null());
  EXPECT_EQ(error_text(), "AttributeError: 'Sl' object has no attribute '__dict__'");
  EXPECT_EQ(repr(dict_get_cstr(as_type(Sl)->m_dict, "a")), "<member 'a' of 'Sl' objects>");
  EXPECT_TRUE(make_class("Bad", {}, {{"__slots__", tuple_pack({S("a b")})}}).is_null());
  EXPECT_EQ(error_text(), "TypeError: __slots__ must be identifiers");
  EXPECT_TRUE(make_class("Bad", {}, {{"__slots__", tuple_pack({S("__dict__"), S("__dict__")})}})
                  .is_null());
  EXPECT_EQ(error_text(), "TypeError: __dict__ slot disallowed: we already got one");
  // A subclass without __slots__ gets a __dict__ again.
  Value Sub = make_class("Sub", {Sl}, {});
  Value s = call0(Sub);
  EXPECT_EQ(setattr(s, S("z"), Value::from_int(3)), 0);
  EXPECT_EQ(setattr(s, S("a"), Value::from_int(4)), 0);
  EXPECT_EQ(getattr(s, S("a")), Value::from_int(4));
  EXPECT_TRUE(make_class("Lay", {Sl, make_class("Sl2", {}, {{"__slots__", tuple_pack({S("c")})}})}, {})
                  .is_null());
  EXPECT_EQ(error_text(), "TypeError: multiple bases have instance lay-out conflict");
}

TEST_F(TypesTest, ParseArgsMessages) {
  static const char* const kw[] = {"fget", "fset", "fdel", "doc", nullptr};
  Value a = Value(), b = Value(), c = Value(), d = Value();
  ArgSpec spec{"property", kw, 0, 4};
  Value args[5] = {None(), None(), None(), None(), None()};
  EXPECT_FALSE(parse_args(spec, args, 5, Value(), {&a, &b, &c, &d}));
  EXPECT_EQ(error_text(), "TypeError: property() takes at most 4 arguments (5 given)");
  Value kwn = tuple_pack({S("x")});
  EXPECT_FALSE(parse_args(spec, args, 1, kwn, {&a, &b, &c, &d}));
  EXPECT_EQ(error_text(), "TypeError: 'x' is an invalid keyword argument for property()");
  a = b = c = d = Value();
  kwn = tuple_pack({S("fget")});
  EXPECT_FALSE(parse_args(spec, args, 1, kwn, {&a, &b, &c, &d}));
  EXPECT_EQ(error_text(), "TypeError: argument for property() given by name ('fget') and position (1)");
  static const char* const kw2[] = {"number", "ndigits", nullptr};
  ArgSpec round{"round", kw2, 1, 2};
  a = b = Value();
  EXPECT_FALSE(parse_args(round, args, 0, Value(), {&a, &b}));
  EXPECT_EQ(error_text(), "TypeError: round() missing required argument 'number' (pos 1)");
  EXPECT_FALSE(check_nargs("divmod", 1, 2, 2));
  EXPECT_EQ(error_text(), "TypeError: divmod expected 2 arguments, got 1");
  EXPECT_FALSE(check_nargs("getattr", 0, 2, 3));
  EXPECT_EQ(error_text(), "TypeError: getattr expected at least 2 arguments, got 0");
  EXPECT_FALSE(check_nargs("bool", 2, 0, 1));
  EXPECT_EQ(error_text(), "TypeError: bool expected at most 1 argument, got 2");
}

TEST_F(TypesTest, CallAndItemErrors) {
  EXPECT_TRUE(call0(Value::from_int(1)).is_null());
  EXPECT_EQ(error_text(), "TypeError: 'int' object is not callable");
  EXPECT_TRUE(get_iter(None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: 'NoneType' object is not iterable");
  EXPECT_TRUE(getitem(None(), None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: 'NoneType' object is not subscriptable");
  EXPECT_TRUE(getitem(Value::from_object(&object_type), None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: type 'object' is not subscriptable");
  EXPECT_EQ(setitem(None(), None(), None()), -1);
  EXPECT_EQ(error_text(), "TypeError: 'NoneType' object does not support item assignment");
  EXPECT_EQ(delitem(None(), None()), -1);
  EXPECT_EQ(error_text(), "TypeError: 'NoneType' object does not support item deletion");
  EXPECT_EQ(object_length(None()), -1);
  EXPECT_EQ(error_text(), "TypeError: object of type 'NoneType' has no len()");
  EXPECT_EQ(contains(None(), None()), -1);
  EXPECT_EQ(error_text(), "TypeError: argument of type 'NoneType' is not iterable");
  EXPECT_TRUE(call1(Value::from_object(&none_type), None()).is_null());
  EXPECT_EQ(error_text(), "TypeError: NoneType takes no arguments");
  EXPECT_EQ(call0(Value::from_object(&none_type)), None());
  EXPECT_TRUE(call0(Value::from_object(&method_descriptor_type)).is_null());
  EXPECT_EQ(error_text(), "TypeError: cannot create 'method_descriptor' instances");
  Value wrapper = dict_get_cstr(object_type.m_dict, "__repr__");
  EXPECT_TRUE(call0(wrapper).is_null());
  EXPECT_EQ(error_text(), "TypeError: descriptor '__repr__' of 'object' object needs an argument");
}

TEST_F(TypesTest, TypeAttributesAndVersions) {
  Value A = make_class("A", {}, {{"__qualname__", S("Outer.A")}, {"__module__", S("m")}});
  ASSERT_FALSE(A.is_null()) << error_text();
  EXPECT_EQ(repr(A), "<class 'm.Outer.A'>");
  EXPECT_EQ(str_to_utf8(getattr(A, S("__name__"))), "A");
  EXPECT_EQ(str_to_utf8(getattr(A, S("__qualname__"))), "Outer.A");
  EXPECT_EQ(getattr(A, S("__base__")), Value::from_object(&object_type));
  EXPECT_TRUE(is_none(getattr(A, S("__doc__"))));
  Type* t = as_type(A);
  uint32_t v1 = type_version(t);
  EXPECT_NE(v1, 0u);
  Value B = make_class("B", {A}, {});
  uint32_t vb = type_version(as_type(B));
  EXPECT_EQ(setattr(A, S("x"), Value::from_int(1)), 0);
  EXPECT_NE(type_version(t), v1);
  EXPECT_NE(type_version(as_type(B)), vb);
  EXPECT_EQ(getattr(call0(B), S("x")), Value::from_int(1));
  // Setting a dunder on the class updates the slot of the class and its subclasses.
  EXPECT_TRUE(binary_op(call0(B), None(), BinOp::Add).is_null());
  clear_exception();
  EXPECT_EQ(setattr(A, S("__add__"), method(&kAAdd)), 0);
  EXPECT_EQ(str_to_utf8(binary_op(call0(B), None(), BinOp::Add)), "A.add");
  EXPECT_EQ(setattr(A, S("__add__"), Value()), 0);
  EXPECT_TRUE(binary_op(call0(B), None(), BinOp::Add).is_null());
  clear_exception();
  Value subs = call_method(A, S("__subclasses__"), nullptr, 0);
  ASSERT_FALSE(subs.is_null()) << error_text();
  EXPECT_EQ(list_length(subs), 1);
  EXPECT_EQ(list_at(subs, 0), B);
}
}  // namespace
}  // namespace tpy
