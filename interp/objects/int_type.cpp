// interp/objects/int_type.cpp -- The Python `int` type over the int core: slots, constructor, methods.
//
// Arithmetic is interp/objects/int.h's; this file adapts it to the slot conventions (bool
// operands read as 0/1, NotImplemented for non-ints) and turns the core's recorded errors into
// Python exceptions with CPython's types and messages.
#include <cmath>
#include <cstring>
#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/text/repr.h"
#include "interp/vm/vm_deps.h"

namespace tpy {

namespace {

// An int or bool operand as an exact int; null when [v] is not an int at all.
Value exact(Value v) {
  if (v.is_int()) return v;
  Type* t = type_of(v);
  if (t == &int_type) return v;
  if (v == True()) return Value::from_int(1);
  if (v == False()) return Value::from_int(0);
  if (t->has_flag(kTypeIntSubclass)) {
    // A heap subclass of int keeps its value in the int part of its layout: the core's
    // representation is a BigInt header, so only exact ints and bools reach here until the
    // numbers helper gives subclasses storage; treat others as non-ints.
    return Value();
  }
  return Value();
}

Type* exception_type_named(const char* name) {
#define TPY_EXC(n, base, layout) if (std::strcmp(name, #n) == 0) return exc_##n;
#include "interp/objects/exceptions.def"
#undef TPY_EXC
  return exc_SystemError;
}

}  // namespace

// The int core's pending error as a Python exception.
Value int_raise_pending(std::string_view literal) {
  IntErrorInfo e = int_take_error();
  if (e.kind == IntError::kOutOfMemory) return raise_no_memory();
  if (e.kind == IntError::kNone) return Value::exception();  // already a Python exception
  return raise_error(exception_type_named(int_error_type(e.kind)), int_error_message(e, literal));
}

namespace {

Value checked(Value r) { return r.is_null() ? int_raise_pending({}) : r; }

Value int_repr(Value self) {
  std::string s;
  if (!int_to_string(exact(self), 10, s)) return int_raise_pending({});
  return str_from_ascii(s);
}

int64_t int_hash_slot(Value self) { return int_hash(exact(self)); }

Value int_richcompare(Value a, Value b, CompareOp op) {
  Value x = exact(a), y = exact(b);
  if (x.is_null() || y.is_null()) return NotImplemented();
  int c = int_compare(x, y);
  switch (op) {
    case CompareOp::Lt: return Bool(c < 0);
    case CompareOp::Le: return Bool(c <= 0);
    case CompareOp::Eq: return Bool(c == 0);
    case CompareOp::Ne: return Bool(c != 0);
    case CompareOp::Gt: return Bool(c > 0);
    case CompareOp::Ge: return Bool(c >= 0);
  }
  return NotImplemented();
}

double to_double_or_fail(Value v, bool* ok) {
  double d;
  *ok = int_to_double(v, &d);
  return d;
}

Value int_truediv(Value x, Value y) {
  if (int_sign(y) == 0) return raise_error(exc_ZeroDivisionError, "division by zero");
  if (x.is_int() && y.is_int()) {
    int64_t a = x.as_int(), b = y.as_int();
    // Both exact in a double: one correctly rounded division, as CPython's fast path.
    if (a > -(int64_t{1} << 53) && a < (int64_t{1} << 53) && b > -(int64_t{1} << 53) &&
        b < (int64_t{1} << 53))
      return float_from_double(static_cast<double>(a) / static_cast<double>(b));
  }
  bool ok1, ok2;
  double a = to_double_or_fail(x, &ok1), b = to_double_or_fail(y, &ok2);
  if (!ok1 || !ok2) {
    int_take_error();
    return raise_error(exc_OverflowError, "integer division result too large for a float");
  }
  return float_from_double(a / b);
}

#define TPY_INT_BINOP(fname, expr)               \
  Value fname(Value a, Value b) {                \
    Value x = exact(a), y = exact(b);            \
    if (x.is_null() || y.is_null()) return NotImplemented(); \
    return checked(expr);                        \
  }
TPY_INT_BINOP(int_add_slot, int_add(x, y))
TPY_INT_BINOP(int_sub_slot, int_sub(x, y))
TPY_INT_BINOP(int_mul_slot, int_mul(x, y))
TPY_INT_BINOP(int_floordiv_slot, int_floordiv(x, y))
TPY_INT_BINOP(int_mod_slot, int_mod(x, y))
TPY_INT_BINOP(int_lshift_slot, int_lshift(x, y))
TPY_INT_BINOP(int_rshift_slot, int_rshift(x, y))
TPY_INT_BINOP(int_and_slot, int_and(x, y))
TPY_INT_BINOP(int_or_slot, int_or(x, y))
TPY_INT_BINOP(int_xor_slot, int_xor(x, y))
#undef TPY_INT_BINOP

Value int_truediv_slot(Value a, Value b) {
  Value x = exact(a), y = exact(b);
  if (x.is_null() || y.is_null()) return NotImplemented();
  return int_truediv(x, y);
}

Value int_divmod_slot(Value a, Value b) {
  Value x = exact(a), y = exact(b);
  if (x.is_null() || y.is_null()) return NotImplemented();
  Value rem;
  Value q = int_divmod(x, y, &rem);
  if (q.is_null()) return int_raise_pending({});
  return tuple_pack({q, rem});
}

Value int_power_slot(Value a, Value b, Value m) {
  Value x = exact(a), y = exact(b);
  if (x.is_null() || y.is_null()) return NotImplemented();
  if (!is_none(m)) {
    Value z = exact(m);
    if (z.is_null()) return NotImplemented();
    if (int_sign(z) == 0) return raise_error(exc_ValueError, "pow() 3rd argument cannot be 0");
    return checked(int_powmod(x, y, z));
  }
  if (int_sign(y) < 0) {
    // int ** negative int is a float power, as CPython.
    bool ok1, ok2;
    double fa = to_double_or_fail(x, &ok1), fb = to_double_or_fail(y, &ok2);
    if (!ok1 || !ok2) return int_raise_pending({});
    if (fa == 0.0)
      return raise_error(exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return float_from_double(std::pow(fa, fb));
  }
  return checked(int_pow(x, y));
}

Value int_neg_slot(Value a) { return checked(int_neg(exact(a))); }
Value int_pos_slot(Value a) { return exact(a); }
Value int_abs_slot(Value a) { return checked(int_abs(exact(a))); }
Value int_invert_slot(Value a) { return checked(int_invert(exact(a))); }
int int_bool_slot(Value a) { return int_sign(exact(a)) != 0; }
Value int_index_slot(Value a) { return exact(a); }
Value int_float_slot(Value a) {
  double d;
  if (!int_to_double(exact(a), &d)) return int_raise_pending({});
  return float_from_double(d);
}

// int(x=0) / int(x, base=10)
Value int_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"", "base", nullptr};
  Value x, base;
  ArgSpec spec{"int", kw, 0, 2, 1, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&x, &base})) return Value();
  if (type != &int_type)
    return raise_error(exc_TypeError, "int subclasses are not supported yet");
  if (x.is_null()) {
    if (!base.is_null()) return raise_error(exc_TypeError, "int() missing string argument");
    return Value::from_int(0);
  }
  if (base.is_null()) {
    if (is_str(x)) {
      std::string text = str_to_utf8(x);
      Value r = int_from_string(text, 10);
      return r.is_null() ? int_raise_pending(text) : r;
    }
    return number_long(x);
  }
  int64_t b;
  if (!index_to_i64(base, &b)) return Value();
  if (b != 0 && (b < 2 || b > 36))
    return raise_error(exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
  if (!is_str(x))
    return raise_error(exc_TypeError, "int() can't convert non-string with explicit base");
  std::string text = str_to_utf8(x);
  Value r = int_from_string(text, static_cast<int>(b));
  return r.is_null() ? int_raise_pending(text) : r;
}

Value int_bit_length(Value self, const Value*, size_t, Value) {
  Value x = exact(self);
  std::string s;
  if (int_sign(x) == 0) return Value::from_int(0);
  if (!int_to_string(int_abs(x), 2, s)) return int_raise_pending({});
  return Value::from_int(static_cast<int64_t>(s.size()));
}

Value int_conjugate(Value self, const Value*, size_t, Value) { return exact(self); }

Value int_get_real(Value self) { return exact(self); }
Value int_get_imag(Value) { return Value::from_int(0); }
Value int_get_denominator(Value) { return Value::from_int(1); }

const MethodDef int_methods[] = {
    {"conjugate", int_conjugate, kMethNoArgs, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length, kMethNoArgs,
     "Number of bits necessary to represent self in binary."},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef int_getsets[] = {
    {"real", int_get_real, nullptr, "the real part of a complex number"},
    {"imag", int_get_imag, nullptr, "the imaginary part of a complex number"},
    {"numerator", int_get_real, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_denominator, nullptr,
     "the denominator of a rational number in lowest terms"},
    {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

bool init_int() {
  TypeSlots& s = int_type.slots;
  s.new_ = int_new;
  s.repr = int_repr;
  s.hash = int_hash_slot;
  s.richcompare = int_richcompare;
  s.binop[static_cast<size_t>(BinOp::Add)] = int_add_slot;
  s.binop[static_cast<size_t>(BinOp::Subtract)] = int_sub_slot;
  s.binop[static_cast<size_t>(BinOp::Multiply)] = int_mul_slot;
  s.binop[static_cast<size_t>(BinOp::FloorDivide)] = int_floordiv_slot;
  s.binop[static_cast<size_t>(BinOp::Remainder)] = int_mod_slot;
  s.binop[static_cast<size_t>(BinOp::TrueDivide)] = int_truediv_slot;
  s.binop[static_cast<size_t>(BinOp::LShift)] = int_lshift_slot;
  s.binop[static_cast<size_t>(BinOp::RShift)] = int_rshift_slot;
  s.binop[static_cast<size_t>(BinOp::And)] = int_and_slot;
  s.binop[static_cast<size_t>(BinOp::Or)] = int_or_slot;
  s.binop[static_cast<size_t>(BinOp::Xor)] = int_xor_slot;
  s.divmod = int_divmod_slot;
  s.power = int_power_slot;
  s.neg = int_neg_slot;
  s.pos = int_pos_slot;
  s.abs = int_abs_slot;
  s.invert = int_invert_slot;
  s.bool_ = int_bool_slot;
  s.index = int_index_slot;
  s.int_ = int_index_slot;
  s.float_ = int_float_slot;
  TypeDefs defs;
  defs.methods = int_methods;
  defs.getsets = int_getsets;
  type_init(&int_type, &object_type, defs,
            "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an "
            "integer, or return 0 if no arguments are given.");
  return true;
}

}  // namespace tpy
