// interp/objects/int_type.cpp -- The Python `int` type over the int core: slots, constructor, methods.
//
// Arithmetic is interp/objects/int.h's; this file adapts it to the slot conventions (bool
// operands read as 0/1, NotImplemented for non-ints) and turns the core's recorded errors into
// Python exceptions with CPython's types and messages.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>
#include <string>

#include "gc/barrier.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/text/format_spec.h"
#include "interp/text/repr.h"
#include "interp/objects/bytes.h"
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
  if (t->has_flag(kTypeIntSubclass)) return static_cast<IntSubclassObject*>(v.as_object())->value;
  return Value();
}

// Exact ints hold no Values; a subclass instance holds its int.
void int_trace(Object* self, VisitFn visit, void* ctx) {
  if (self->type() != &int_type) visit(&static_cast<IntSubclassObject*>(self)->value, ctx);
}

}  // namespace

// The int core's pending error as a Python exception.
Value int_raise_pending(std::string_view literal) {
  IntErrorInfo e = int_take_error();
  if (e.kind == IntError::kOutOfMemory) return raise_no_memory();
  if (e.kind == IntError::kNone) return Value::exception();  // already a Python exception
  return raise_named(int_error_type(e.kind), int_error_message(e, literal));
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

// x / y correctly rounded for operands a double cannot hold exactly (CPython's
// long_true_divide): a quotient of 55+ bits with a sticky bit for the remainder, rounded by
// hand to the 53 bits of a normal double or to fewer in the subnormal range.
Value int_truediv_big(Value x, Value y) {
  bool negative = (int_sign(x) < 0) != (int_sign(y) < 0);
  Value a = int_abs(x), b = int_abs(y);
  if (a.is_null() || b.is_null()) return int_raise_pending({});
  if (int_sign(a) == 0) return float_from_double(negative ? -0.0 : 0.0);
  int64_t diff = static_cast<int64_t>(int_bit_length(a)) - static_cast<int64_t>(int_bit_length(b));
  if (diff > 1025)
    return raise_error(exc_OverflowError, "integer division result too large for a float");
  if (diff < -1080) return float_from_double(negative ? -0.0 : 0.0);
  int64_t shift = diff - 55;
  Value num = a, den = b;
  if (shift < 0) num = int_lshift(a, Value::from_int(-shift));
  else if (shift > 0) den = int_lshift(b, Value::from_int(shift));
  if (num.is_null() || den.is_null()) return int_raise_pending({});
  Value rem;
  Value q = int_divmod(num, den, &rem);
  if (q.is_null()) return int_raise_pending({});
  int64_t qi;
  if (!int_to_i64(q, &qi)) return int_raise_pending({});
  uint64_t m = static_cast<uint64_t>(qi) | (int_sign(rem) != 0 ? 1u : 0u);  // sticky bit
  int nb = 64 - __builtin_clzll(m);
  int64_t top = shift + nb - 1;  // the value lies in [2**top, 2**(top+1))
  int precision = top >= -1022 ? 53 : static_cast<int>(top + 1075);
  double d = 0.0;
  if (precision >= 0) {
    int drop = nb - precision;
    if (drop > 0) {
      uint64_t low = m & ((uint64_t{1} << drop) - 1), half = uint64_t{1} << (drop - 1);
      m >>= drop;
      if (low > half || (low == half && (m & 1))) m++;
    } else {
      drop = 0;
    }
    d = std::ldexp(static_cast<double>(m), static_cast<int>(shift + drop));
  }
  if (std::isinf(d))
    return raise_error(exc_OverflowError, "integer division result too large for a float");
  return float_from_double(negative ? -d : d);
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
  return int_truediv_big(x, y);
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

// int(text, base) for a str (Unicode digits and spaces mapped to ASCII, as CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII) or a bytes-like object.
Value int_from_text(Value x, int base) {
  bool str = is_str(x);
  std::string text = str ? numeric_ascii(x) : std::string(bytes_view(x));
  Value r = int_from_string(text, base);
  if (!r.is_null()) return r;
  if (str) return int_raise_pending(str_to_utf8(x));
  IntErrorInfo e = int_take_error();
  if (e.kind == IntError::kInvalidLiteral)
    return raise_format(exc_ValueError, "invalid literal for int() with base %d: %R", base, x);
  if (e.kind == IntError::kOutOfMemory) return raise_no_memory();
  return raise_named(int_error_type(e.kind), int_error_message(e));
}

bool is_text_like(Value x) { return is_str(x) || is_bytes(x) || is_bytearray(x); }

// int(x=0) / int(x, base=10)
Value int_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"", "base", nullptr};
  Value x, base;
  ArgSpec spec{"int", kw, 0, 2, 1, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&x, &base})) return Value();
  if (type != &int_type) {
    // CPython's long_subtype_new: the exact int, boxed in an instance of the subclass.
    Value r = int_new(&int_type, args, nargs, kwnames);
    if (r.is_null()) return r;
    Object* o = alloc_instance(type);
    if (o == nullptr) return Value();
    gc::store(o, &static_cast<IntSubclassObject*>(o)->value, r);
    return Value::from_object(o);
  }
  if (x.is_null()) {
    if (!base.is_null()) return raise_error(exc_TypeError, "int() missing string argument");
    return Value::from_int(0);
  }
  if (base.is_null()) {
    if (is_text_like(x)) return int_from_text(x, 10);
    return number_long(x);
  }
  int64_t b;
  if (!index_to_i64(base, &b)) return Value();
  if (b != 0 && (b < 2 || b > 36))
    return raise_error(exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
  if (!is_text_like(x))
    return raise_error(exc_TypeError, "int() can't convert non-string with explicit base");
  return int_from_text(x, static_cast<int>(b));
}

Value int_bit_length(Value self, const Value*, size_t, Value) {
  Value x = exact(self);
  std::string s;
  if (int_sign(x) == 0) return Value::from_int(0);
  if (!int_to_string(int_abs(x), 2, s)) return int_raise_pending({});
  return Value::from_int(static_cast<int64_t>(s.size()));
}


Value m_format(Value self, const Value* args, size_t, Value) {
  Value spec = args[0];
  if (!is_str(spec))
    return raise_format(exc_TypeError, "__format__() argument must be str, not %.200s",
                        type_of(spec)->c_name());
  Value x = exact(self);
  if (str_length(spec) == 0 && type_of(self) != &int_type) return object_str(self);
  std::string out;
  text::NumError err;
  uint64_t storage;
  if (!text::format_int(out, str_to_utf8(spec), int_view(x, &storage), err))
    return raise_num_error(err);
  return str_from_utf8(out);
}

// round(int, ndigits): to a multiple of 10**-ndigits, ties to even (CPython's
// _PyLong_DivmodNear).
Value m_round(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"ndigits", nullptr};
  Value nd;
  ArgSpec spec{"__round__", kw, 0, 1, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&nd})) return Value();
  Value x = exact(self);
  if (nd.is_null()) return x;
  Value n = number_index(nd);
  if (n.is_null()) return n;
  if (int_sign(n) >= 0) return x;
  int64_t neg;
  // Past the number's own digits the result is 0 (and 10**-ndigits would be enormous).
  uint64_t digits = int_bit_length(x) * 30103 / 100000 + 2;
  if (!int_to_i64(n, &neg) || static_cast<uint64_t>(-(neg + 1)) >= digits)
    return Value::from_int(0);
  Value pow10 = checked(int_pow(Value::from_int(10), Value::from_int(-neg)));
  if (pow10.is_null()) return pow10;
  Value r;
  Value q = int_divmod(x, pow10, &r);
  if (q.is_null()) return int_raise_pending({});
  Value twice = checked(int_add(r, r));
  if (twice.is_null()) return twice;
  int c = int_compare(twice, pow10);
  bool q_odd = int_sign(int_and(q, Value::from_int(1))) != 0;
  if (c > 0 || (c == 0 && q_odd)) r = checked(int_sub(r, pow10));
  if (r.is_null()) return r;
  return checked(int_sub(x, r));
}

Value m_self(Value self, const Value*, size_t, Value) { return exact(self); }

Value m_as_integer_ratio(Value self, const Value*, size_t, Value) {
  return tuple_pack({exact(self), Value::from_int(1)});
}

Value m_bit_count(Value self, const Value*, size_t, Value) {
  uint64_t storage;
  text::IntView v = int_view(exact(self), &storage);
  int64_t n = 0;
  for (size_t i = 0; i < v.n; i++) n += __builtin_popcountll(v.limbs[i]);
  return Value::from_int(n);
}

Value m_sizeof(Value self, const Value*, size_t, Value) {
  // CPython's layout: a 24-byte header and one 4-byte digit per 30 bits.
  uint64_t bits = int_bit_length(exact(self));
  uint64_t digits = bits == 0 ? 1 : (bits + 29) / 30;  // zero still counts one digit
  return Value::from_int(static_cast<int64_t>(24 + 4 * digits));
}

Value m_getnewargs(Value self, const Value*, size_t, Value) {
  return tuple_pack({exact(self)});
}

// byteorder as little-endian?; false with ValueError pending.
bool parse_byteorder(Value order, bool* little) {
  if (order.is_null()) {
    *little = false;
    return true;
  }
  if (!is_str(order)) {
    raise_format(exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %.200s",
                 type_of(order)->c_name());
    return false;
  }
  if (str_equal_ascii(order, "little")) {
    *little = true;
  } else if (str_equal_ascii(order, "big")) {
    *little = false;
  } else {
    raise_error(exc_ValueError, "byteorder must be either 'little' or 'big'");
    return false;
  }
  return true;
}

Value m_to_bytes(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"length", "byteorder", "signed", nullptr};
  Value length, order, is_signed;
  ArgSpec spec{"to_bytes", kw, 0, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&length, &order, &is_signed})) return Value();
  int64_t len = 1;
  if (!length.is_null() && !index_to_i64(length, &len)) return Value();
  if (len < 0) return raise_error(exc_ValueError, "length argument must be non-negative");
  bool little;
  if (!parse_byteorder(order, &little)) return Value();
  bool sign = false;
  if (!is_signed.is_null()) {
    int t = object_truthy(is_signed);
    if (t < 0) return Value();
    sign = t != 0;
  }
  Value x = exact(self);
  bool negative = int_sign(x) < 0;
  if (negative && !sign)
    return raise_error(exc_OverflowError, "can't convert negative int to unsigned");
  uint64_t storage;
  text::IntView v = int_view(x, &storage);
  uint64_t bits = int_bit_length(x);
  uint64_t cap = static_cast<uint64_t>(len) * 8;
  bool fits;
  if (!sign) {
    fits = bits <= cap;
  } else if (!negative) {
    fits = cap > 0 && bits <= cap - 1;
  } else {
    uint64_t pop = 0;
    for (size_t i = 0; i < v.n; i++) pop += __builtin_popcountll(v.limbs[i]);
    fits = cap > 0 && (bits <= cap - 1 || (bits == cap && pop == 1));
  }
  if (!fits) return raise_error(exc_OverflowError, "int too big to convert");
  // Little-endian magnitude bytes, then two's complement for negatives.
  std::vector<unsigned char> out(static_cast<size_t>(len), 0);
  for (size_t i = 0; i < out.size() && i / 8 < v.n; i++)
    out[i] = static_cast<unsigned char>(v.limbs[i / 8] >> (8 * (i % 8)));
  if (negative) {
    unsigned carry = 1;
    for (auto& b : out) {
      unsigned t = static_cast<unsigned char>(~b) + carry;
      b = static_cast<unsigned char>(t);
      carry = t >> 8;
    }
  }
  if (!little) std::reverse(out.begin(), out.end());
  return bytes_from_data(out.data(), out.size());
}

Value m_from_bytes(Value cls, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"bytes", "byteorder", "signed", nullptr};
  Value data, order, is_signed;
  ArgSpec spec{"from_bytes", kw, 1, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&data, &order, &is_signed})) return Value();
  bool little;
  if (!parse_byteorder(order, &little)) return Value();
  bool sign = false;
  if (!is_signed.is_null()) {
    int t = object_truthy(is_signed);
    if (t < 0) return Value();
    sign = t != 0;
  }
  // PyObject_Bytes: bytes-like objects, iterables of ints (bytes.h).
  Value raw = bytes_from_object(data);
  if (raw.is_null()) return raw;
  std::string_view raw_view = bytes_view(raw);
  std::vector<unsigned char> bytes(raw_view.begin(), raw_view.end());
  if (little) std::reverse(bytes.begin(), bytes.end());
  static const char hex[] = "0123456789abcdef";
  std::string text = "0";
  for (unsigned char b : bytes) {
    text += hex[b >> 4];
    text += hex[b & 15];
  }
  Value r = int_from_string(text, 16);
  if (r.is_null()) return int_raise_pending(text);
  if (sign && !bytes.empty() && (bytes[0] & 0x80)) {
    Value top = checked(int_lshift(Value::from_int(1), Value::from_int(
                                                          static_cast<int64_t>(8 * bytes.size()))));
    if (top.is_null()) return top;
    r = checked(int_sub(r, top));
    if (r.is_null()) return r;
  }
  if (cls.as_object() == &int_type) return r;
  return call1(cls, r);
}

Value int_conjugate(Value self, const Value*, size_t, Value) { return exact(self); }

Value int_get_real(Value self) { return exact(self); }
Value int_get_imag(Value) { return Value::from_int(0); }
Value int_get_denominator(Value) { return Value::from_int(1); }

const MethodDef int_methods[] = {
    {"conjugate", int_conjugate, kMethNoArgs, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length, kMethNoArgs,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", m_bit_count, kMethNoArgs,
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", m_to_bytes, kMethFastKw, "Return an array of bytes representing an integer."},
    {"from_bytes", m_from_bytes, kMethFastKw | kMethClass,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", m_as_integer_ratio, kMethNoArgs,
     "Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the "
     "original int\nand with a positive denominator."},
    {"__trunc__", m_self, kMethNoArgs, "Truncating an Integral returns itself."},
    {"__floor__", m_self, kMethNoArgs, "Flooring an Integral returns itself."},
    {"__ceil__", m_self, kMethNoArgs, "Ceiling of an Integral returns itself."},
    {"__round__", m_round, kMethFastKw,
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an "
     "integer."},
    {"__getnewargs__", m_getnewargs, kMethNoArgs, nullptr},
    {"__format__", m_format, kMethO, "Convert to a string according to format_spec."},
    {"__sizeof__", m_sizeof, kMethNoArgs, "Returns size in memory, in bytes."},
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
  s.trace = int_trace;
  TypeDefs defs;
  defs.methods = int_methods;
  defs.getsets = int_getsets;
  type_init(&int_type, &object_type, defs,
            "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an "
            "integer, or return 0 if no arguments are given.");
  return true;
}

}  // namespace tpy
