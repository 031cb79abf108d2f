// interp/modules/operator_module.cpp -- The _operator module: the operators as functions
// (operator.py keeps its pure-Python definitions for what is not here: itemgetter,
// attrgetter, methodcaller, concat, countOf, indexOf, length_hint) and _compare_digest, which
// hmac imports.
#include <string_view>

#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy {
namespace {

// (python name, BinOp) of the binary operators and their in-place forms.
#define TPY_OPERATOR_BINARY(X)                                                                 \
  X(add, Add) X(and_, And) X(floordiv, FloorDivide) X(lshift, LShift) X(matmul, MatrixMultiply) \
  X(mod, Remainder) X(mul, Multiply) X(or_, Or) X(rshift, RShift) X(sub, Subtract)              \
  X(truediv, TrueDivide) X(xor, Xor) X(iadd, InplaceAdd) X(iand, InplaceAnd)                    \
  X(ifloordiv, InplaceFloorDivide) X(ilshift, InplaceLShift) X(imatmul, InplaceMatrixMultiply)  \
  X(imod, InplaceRemainder) X(imul, InplaceMultiply) X(ior, InplaceOr) X(irshift, InplaceRShift)\
  X(isub, InplaceSubtract) X(itruediv, InplaceTrueDivide) X(ixor, InplaceXor)
#define TPY_OPERATOR_COMPARE(X) X(lt, Lt) X(le, Le) X(eq, Eq) X(ne, Ne) X(gt, Gt) X(ge, Ge)
#define TPY_OPERATOR_UNARY(X)                                                                  \
  X(abs, number_abs) X(index, number_index) X(inv, unary_invert) X(invert, unary_invert)       \
  X(neg, unary_neg) X(pos, unary_pos)

#define TPY_DEFINE_BINARY(name, op)                                                             \
  Value f_##name(Value, const Value* args, size_t nargs, Value) {                              \
    if (!check_nargs(#name, nargs, 2, 2)) return Value();                                      \
    return binary_op(args[0], args[1], BinOp::op);                                             \
  }
TPY_OPERATOR_BINARY(TPY_DEFINE_BINARY)
#undef TPY_DEFINE_BINARY
#define TPY_DEFINE_COMPARE(name, op)                                                            \
  Value f_##name(Value, const Value* args, size_t nargs, Value) {                              \
    if (!check_nargs(#name, nargs, 2, 2)) return Value();                                      \
    return compare(args[0], args[1], CompareOp::op);                                           \
  }
TPY_OPERATOR_COMPARE(TPY_DEFINE_COMPARE)
#undef TPY_DEFINE_COMPARE
#define TPY_DEFINE_UNARY(name, fn) \
  Value f_##name(Value, const Value* args, size_t, Value) { return fn(args[0]); }
TPY_OPERATOR_UNARY(TPY_DEFINE_UNARY)
#undef TPY_DEFINE_UNARY

Value f_pow(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("pow", nargs, 2, 2)) return Value();
  return power(args[0], args[1], None());
}
Value f_ipow(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("ipow", nargs, 2, 2)) return Value();
  return inplace_power(args[0], args[1]);
}
Value f_not_(Value, const Value* args, size_t, Value) {
  int t = object_truthy(args[0]);
  return t < 0 ? Value() : Bool(t == 0);
}
Value f_truth(Value, const Value* args, size_t, Value) {
  int t = object_truthy(args[0]);
  return t < 0 ? Value() : Bool(t != 0);
}
Value f_is_(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("is_", nargs, 2, 2)) return Value();
  return Bool(args[0] == args[1]);
}
Value f_is_not(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("is_not", nargs, 2, 2)) return Value();
  return Bool(args[0] != args[1]);
}
Value f_contains(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("contains", nargs, 2, 2)) return Value();
  int r = contains(args[0], args[1]);
  return r < 0 ? Value() : Bool(r != 0);
}
Value f_getitem(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("getitem", nargs, 2, 2)) return Value();
  return getitem(args[0], args[1]);
}
Value f_setitem(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("setitem", nargs, 3, 3)) return Value();
  return setitem(args[0], args[1], args[2]) < 0 ? Value() : None();
}
Value f_delitem(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("delitem", nargs, 2, 2)) return Value();
  return delitem(args[0], args[1]) < 0 ? Value() : None();
}
Value f_call(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_nargs("call", nargs, 1, SIZE_MAX)) return Value();
  return call(args[0], args + 1, nargs - 1, kwnames);
}

// Constant-time comparison: the time depends on the length of [b] only.
bool equal_constant_time(std::string_view a, std::string_view b) {
  unsigned char result = a.size() == b.size() ? 0 : 1;
  std::string_view left = a.size() == b.size() ? a : b;
  for (size_t i = 0; i < b.size(); i++)
    result |= static_cast<unsigned char>(left[i] ^ b[i]);
  return result == 0;
}

Value f_compare_digest(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("_compare_digest", nargs, 2, 2)) return Value();
  Value a = args[0], b = args[1];
  if (is_str(a) && is_str(b)) {
    std::string_view x = str_ascii_view(a), y = str_ascii_view(b);
    if ((x.empty() && str_length(a) != 0) || (y.empty() && str_length(b) != 0))
      return raise_error(exc_TypeError, "comparing strings with non-ASCII characters is not supported");
    return Bool(equal_constant_time(x, y));
  }
  if (is_str(a) || is_str(b)) {
    if (!has_buffer(is_str(a) ? b : a))
      return raise_format(exc_TypeError,
                          "unsupported operand types(s) or combination of types: '%.100s' and '%.100s'",
                          type_of(a)->c_name(), type_of(b)->c_name());
    return raise_format(exc_TypeError, "a bytes-like object is required, not 'str'");
  }
  if (!has_buffer(a) || !has_buffer(b))
    return raise_format(exc_TypeError,
                        "unsupported operand types(s) or combination of types: '%.100s' and '%.100s'",
                        type_of(a)->c_name(), type_of(b)->c_name());
  BufferView va, vb;
  if (!va.get(a) || !vb.get(b)) return Value();
  return Bool(equal_constant_time(va.bytes(), vb.bytes()));
}

const MethodDef kFunctions[] = {
#define TPY_ROW(name, op) {#name, f_##name, kMethFast, nullptr},
    TPY_OPERATOR_BINARY(TPY_ROW) TPY_OPERATOR_COMPARE(TPY_ROW)
#undef TPY_ROW
#define TPY_ROW(name, fn) {#name, f_##name, kMethO, nullptr},
    TPY_OPERATOR_UNARY(TPY_ROW)
#undef TPY_ROW
    {"pow", f_pow, kMethFast, "Same as a ** b."},
    {"ipow", f_ipow, kMethFast, "Same as a **= b."},
    {"not_", f_not_, kMethO, "Same as not a."},
    {"truth", f_truth, kMethO, "Return True if a is true, False otherwise."},
    {"is_", f_is_, kMethFast, "Same as a is b."},
    {"is_not", f_is_not, kMethFast, "Same as a is not b."},
    {"contains", f_contains, kMethFast, "Same as b in a (note reversed operands)."},
    {"getitem", f_getitem, kMethFast, "Same as a[b]."},
    {"setitem", f_setitem, kMethFast, "Same as a[b] = c."},
    {"delitem", f_delitem, kMethFast, "Same as del a[b]."},
    {"call", f_call, kMethFastKw, "Same as obj(*args, **kwargs)."},
    {"_compare_digest", f_compare_digest, kMethFast,
     "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, "
     "making it appropriate for cryptography.\n\na and b must both be of the same type: "
     "either str (ASCII only),\nor any bytes-like object.\n\nNote: If a and b are of different "
     "lengths, or if an error occurs,\na timing attack could theoretically reveal information "
     "about the\ntypes and lengths of a and b--but not their values."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_operator_module() {
  Value m = module_new_cstr("_operator");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  Value doc = str_from_ascii(
      "Operator interface.\n\nThis module exports a set of functions implemented in C "
      "corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\n"
      "is equivalent to the expression x+y.  The function names are those\nused for special "
      "methods; variants without leading and trailing\n'__' are also provided for convenience.");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
