// interp/objects/float_type.cpp -- The Python `float` type: slots, constructor and methods.
//
// The arithmetic, formatting, parsing and hashing are the number text library's and
// float_math's (CPython-exact); this file adapts them to the slot conventions: an int or bool
// operand converts to a double (so int + float reaches here through the reflected slot),
// anything else is NotImplemented.
#include <cmath>
#include <cstdint>
#include <string>

#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/complex.h"
#include "interp/objects/container_util.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/bytes.h"
#include "interp/objects/float.h"
#include "interp/objects/float_math.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/text/float_parse.h"
#include "interp/text/float_repr.h"
#include "interp/text/format_spec.h"
#include "interp/text/number_hash.h"

namespace tpy {

constinit Type float_type{&type_type, "float", sizeof(FloatObject),
                          kTypeBaseType | kTypeImmutable};

Value float_from_double(double d) {
  auto* f = gc::alloc_as<FloatObject>(&float_type);
  if (f == nullptr) return raise_no_memory();
  f->value = d;
  return Value::from_object(f);
}

double float_as_double(Value v) { return static_cast<FloatObject*>(v.as_object())->value; }

namespace {

double fval(Value v) { return float_as_double(v); }

// A float result of [type]: exact floats directly, subclasses through alloc_instance.
Value float_of_type(Type* type, double d) {
  if (type == &float_type) return float_from_double(d);
  Object* o = alloc_instance(type);
  if (o == nullptr) return Value();
  static_cast<FloatObject*>(o)->value = d;
  return Value::from_object(o);
}

Value float_repr_slot(Value self) { return str_from_ascii(text::float_repr(fval(self))); }

int64_t float_hash_slot(Value self) {
  // NaN hashes by identity in 3.11 (CPython's _Py_HashPointer: the address rotated by 4).
  uint64_t p = reinterpret_cast<uintptr_t>(self.as_object());
  int64_t h = static_cast<int64_t>((p >> 4) | (p << 60));
  if (h == -1) h = -2;
  return text::hash_double(fval(self), h);
}

Value compare_result(int c, CompareOp op) {
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

CompareOp swapped(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

// float vs int exactly, as CPython's float_richcompare: doubles when the int is exact in a
// double, else the float's integral part against the int and then its fraction.
Value float_richcompare(Value a, Value b, CompareOp op) {
  if (!is_float(a)) {
    if (!is_float(b)) return NotImplemented();
    std::swap(a, b);
    op = swapped(op);
  }
  double x = fval(a);
  double y;
  if (is_float(b)) {
    y = fval(b);
  } else {
    Value i = int_operand(b);
    if (i.is_null()) return NotImplemented();
    if (std::isnan(x)) return Bool(op == CompareOp::Ne);
    if (std::isinf(x)) return compare_result(x > 0 ? 1 : -1, op);
    constexpr int64_t kExact = int64_t{1} << 53;
    if (i.is_int() && i.as_int() >= -kExact && i.as_int() <= kExact) {
      y = static_cast<double>(i.as_int());
    } else {
      FloatInt fi;
      float_trunc(x, &fi);
      Value ip = int_from_float_int(fi);
      if (ip.is_null()) return Value();
      int c = int_compare(ip, i);
      if (c == 0) {
        double frac = x - std::trunc(x);
        c = frac > 0 ? 1 : (frac < 0 ? -1 : 0);
      }
      return compare_result(c, op);
    }
  }
  if (std::isnan(x) || std::isnan(y)) return Bool(op == CompareOp::Ne);
  return compare_result((x > y) - (x < y), op);
}

// Both operands as doubles, or the slot's early return in [early].
bool operands(Value a, Value b, double* x, double* y, Value* early) {
  int r = real_operand(a, x);
  if (r > 0) r = real_operand(b, y);
  if (r > 0) return true;
  *early = r < 0 ? Value() : NotImplemented();
  return false;
}

Value status_result(FloatStatus s, double d) {
  if (s != FloatStatus::kOk) return raise_float_status(s);
  return float_from_double(d);
}

#define TPY_FLOAT_BINOP(fname, body)                       \
  Value fname(Value a, Value b) {                          \
    double x, y;                                           \
    Value early;                                           \
    if (!operands(a, b, &x, &y, &early)) return early;     \
    body                                                   \
  }
TPY_FLOAT_BINOP(float_add, return float_from_double(x + y);)
TPY_FLOAT_BINOP(float_sub, return float_from_double(x - y);)
TPY_FLOAT_BINOP(float_mul, return float_from_double(x * y);)
TPY_FLOAT_BINOP(float_truediv, double r = 0; FloatStatus s = float_div(x, y, &r);
                return status_result(s, r);)
TPY_FLOAT_BINOP(float_floordiv_slot, double r = 0; FloatStatus s = float_floordiv(x, y, &r);
                return status_result(s, r);)
TPY_FLOAT_BINOP(float_mod_slot, double r = 0; FloatStatus s = float_mod(x, y, &r);
                return status_result(s, r);)
TPY_FLOAT_BINOP(float_divmod_slot, double q = 0; double r = 0;
                FloatStatus s = float_divmod(x, y, &q, &r);
                if (s != FloatStatus::kOk) return raise_float_status(s);
                Value qv = float_from_double(q); if (qv.is_null()) return qv;
                Value rv = float_from_double(r);
                if (rv.is_null()) return rv; return tuple_pack({qv, rv});)
#undef TPY_FLOAT_BINOP

Value float_power_slot(Value a, Value b, Value m) {
  double x, y;
  Value early;
  if (!operands(a, b, &x, &y, &early)) return early;
  if (!is_none(m))
    return raise_error(exc_TypeError,
                       "pow() 3rd argument not allowed unless all arguments are integers");
  double r = 0;
  FloatStatus s = float_pow(x, y, &r);
  if (s == FloatStatus::kComplexPower) return complex_power(x, 0.0, y, 0.0);
  return status_result(s, r);
}

Value float_neg(Value a) { return float_from_double(-fval(a)); }
Value float_pos(Value a) { return is_exact_float(a) ? a : float_from_double(fval(a)); }
Value float_abs(Value a) { return float_from_double(std::fabs(fval(a))); }
int float_bool(Value a) { return fval(a) != 0.0; }
Value float_float_slot(Value a) { return is_exact_float(a) ? a : float_from_double(fval(a)); }

Value float_int_result(FloatStatus s, const FloatInt& fi) {
  if (s != FloatStatus::kOk) return raise_float_status(s);
  return int_from_float_int(fi);
}

Value float_int_slot(Value a) {
  FloatInt fi;
  FloatStatus s = float_trunc(fval(a), &fi);
  return float_int_result(s, fi);
}

// float(x) of a str or a bytes-like object (CPython's PyFloat_FromString).
Value float_from_string(Value x) {
  std::string text = is_str(x) ? numeric_ascii(x) : std::string(bytes_view(x));
  double d;
  if (!text::parse_float(text, &d)) {
    Value r = object_repr(x);
    if (r.is_null()) return r;
    return raise_error(exc_ValueError, "could not convert string to float: " + str_to_utf8(r));
  }
  return float_from_double(d);
}

// float(x): the value as an exact float.
Value float_convert(Value x) {
  if (is_exact_float(x)) return x;
  if (is_str(x)) return float_from_string(x);
  Type* t = type_of(x);
  if (t->slots.float_ == nullptr && (is_bytes(x) || is_bytearray(x))) return float_from_string(x);
  if (is_float(x) && t->slots.float_ == float_float_slot) return float_from_double(fval(x));
  if (t->slots.float_ != nullptr) {
    Value r = t->slots.float_(x);
    if (r.is_null()) return r;
    if (!is_float(r))
      return raise_format(exc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                          t->c_name(), type_of(r)->c_name());
    return is_exact_float(r) ? r : float_from_double(fval(r));
  }
  if (has_index(x)) {
    Value i = number_index(x);
    if (i.is_null()) return i;
    double d;
    if (real_operand(i, &d) < 0) return Value();
    return float_from_double(d);
  }
  return raise_format(exc_TypeError,
                      "float() argument must be a string or a real number, not '%.200s'",
                      t->c_name());
}

Value float_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &float_type && !check_no_kwargs("float", kwnames)) return Value();
  if (!check_nargs("float", nargs, 0, 1)) return Value();
  if (nargs == 0) return float_of_type(type, 0.0);
  Value f = float_convert(args[0]);
  if (f.is_null() || type == &float_type) return f;
  return float_of_type(type, fval(f));
}

Value m_is_integer(Value self, const Value*, size_t, Value) {
  return Bool(float_is_integer(fval(self)));
}

Value m_as_integer_ratio(Value self, const Value*, size_t, Value) {
  FloatRatio r;
  FloatStatus s = float_as_integer_ratio(fval(self), &r);
  if (s != FloatStatus::kOk) return raise_float_status(s);
  Value n = int_from_decimal(r.numerator());
  if (n.is_null()) return n;
  Value d = int_from_decimal(r.denominator());
  if (d.is_null()) return d;
  return tuple_pack({n, d});
}

Value m_hex(Value self, const Value*, size_t, Value) {
  std::string s;
  text::float_hex(s, fval(self));
  return str_from_ascii(s);
}

Value m_fromhex(Value type, const Value* args, size_t, Value) {
  Value x = args[0];
  if (!is_str(x))
    return raise_format(exc_TypeError, "fromhex() argument must be str, not %.200s",
                        type_of(x)->c_name());
  text::NumError err;
  double d;
  if (!text::float_fromhex(numeric_ascii(x), &d, err)) return raise_num_error(err);
  Value f = float_from_double(d);
  if (f.is_null() || type.as_object() == &float_type) return f;
  return call1(type, f);
}

Value m_round(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"ndigits", nullptr};
  Value nd;
  ArgSpec spec{"__round__", kw, 0, 1, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&nd})) return Value();
  double x = fval(self);
  if (nd.is_null() || is_none(nd)) {
    FloatInt fi;
    FloatStatus s = float_round_int(x, &fi);
    return float_int_result(s, fi);
  }
  Value i = number_index(nd);
  if (i.is_null()) return i;
  int64_t n;
  if (!int_to_i64(i, &n)) n = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
  double r = 0;
  FloatStatus s = float_round_digits(x, n, &r);
  return status_result(s, r);
}

Value m_trunc(Value self, const Value*, size_t, Value) { return float_int_slot(self); }
Value m_floor(Value self, const Value*, size_t, Value) {
  FloatInt fi;
  FloatStatus s = float_floor(fval(self), &fi);
  return float_int_result(s, fi);
}
Value m_ceil(Value self, const Value*, size_t, Value) {
  FloatInt fi;
  FloatStatus s = float_ceil(fval(self), &fi);
  return float_int_result(s, fi);
}

Value m_format(Value self, const Value* args, size_t, Value) {
  Value spec = args[0];
  if (!is_str(spec))
    return raise_format(exc_TypeError, "__format__() argument must be str, not %.200s",
                        type_of(spec)->c_name());
  if (str_length(spec) == 0 && !is_exact_float(self)) return object_str(self);
  std::string out;
  text::NumError err;
  if (!text::format_float(out, str_to_utf8(spec), fval(self), err)) return raise_num_error(err);
  return str_from_utf8(out);
}

Value m_conjugate(Value self, const Value*, size_t, Value) { return float_float_slot(self); }
Value m_getnewargs(Value self, const Value*, size_t, Value) {
  Value f = float_from_double(fval(self));
  if (f.is_null()) return f;
  return tuple_pack({f});
}

Value get_real(Value self) { return float_float_slot(self); }
Value get_imag(Value) { return float_from_double(0.0); }

// float.__getformat__(typestr): the memory format of C doubles and floats (IEEE here).
Value m_getformat(Value, const Value* args, size_t, Value) {
  Value t = args[0];
  if (!is_str(t))
    return raise_format(exc_TypeError, "__getformat__() argument must be str, not %.200s",
                        type_of(t)->c_name());
  if (!str_equal_ascii(t, "double") && !str_equal_ascii(t, "float"))
    return raise_error(exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  return str_from_ascii("IEEE, little-endian");
}

const MethodDef float_methods[] = {
    {"__getformat__", m_getformat, kMethO | kMethClass,
     "You probably don't want to use this function.\n\ntypestr\n  Must be 'double' or "
     "'float'.\n\nIt exists mainly to be used in Python's test suite."},
    {"conjugate", m_conjugate, kMethNoArgs, "Return self, the complex conjugate of any float."},
    {"__trunc__", m_trunc, kMethNoArgs, "Return the Integral closest to x between 0 and x."},
    {"__floor__", m_floor, kMethNoArgs, "Return the floor as an Integral."},
    {"__ceil__", m_ceil, kMethNoArgs, "Return the ceiling as an Integral."},
    {"__round__", m_round, kMethFastKw,
     "Return the Integral closest to x, rounding half toward even.\n\nWhen an argument is "
     "passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", m_as_integer_ratio, kMethNoArgs,
     "Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the "
     "original float\nand with a positive denominator.\n\nRaise OverflowError on infinities and "
     "a ValueError on NaNs."},
    {"fromhex", m_fromhex, kMethO | kMethClass,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", m_hex, kMethNoArgs, "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", m_is_integer, kMethNoArgs, "Return True if the float is an integer."},
    {"__getnewargs__", m_getnewargs, kMethNoArgs, nullptr},
    {"__format__", m_format, kMethO, "Formats the float according to format_spec."},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef float_getsets[] = {
    {"real", get_real, nullptr, "the real part of a complex number"},
    {"imag", get_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

bool init_float() {
  TypeSlots& s = float_type.slots;
  s.new_ = float_new;
  s.repr = float_repr_slot;
  s.hash = float_hash_slot;
  s.richcompare = float_richcompare;
  s.binop[static_cast<size_t>(BinOp::Add)] = float_add;
  s.binop[static_cast<size_t>(BinOp::Subtract)] = float_sub;
  s.binop[static_cast<size_t>(BinOp::Multiply)] = float_mul;
  s.binop[static_cast<size_t>(BinOp::TrueDivide)] = float_truediv;
  s.binop[static_cast<size_t>(BinOp::FloorDivide)] = float_floordiv_slot;
  s.binop[static_cast<size_t>(BinOp::Remainder)] = float_mod_slot;
  s.divmod = float_divmod_slot;
  s.power = float_power_slot;
  s.neg = float_neg;
  s.pos = float_pos;
  s.abs = float_abs;
  s.bool_ = float_bool;
  s.int_ = float_int_slot;
  s.float_ = float_float_slot;
  TypeDefs defs;
  defs.methods = float_methods;
  defs.getsets = float_getsets;
  type_init(&float_type, &object_type, defs,
            "Convert a string or number to a floating point number, if possible.");
  return true;
}

}  // namespace tpy
