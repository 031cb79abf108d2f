// interp/objects/complex_type.cpp -- The Python `complex` type: construction, repr, arithmetic.
//
// Division and powers follow CPython's Objects/complexobject.c algorithms (Smith's division,
// repeated squaring for small integral exponents, polar form otherwise) so results match
// bit for bit; repr, hash and format come from the number text library.
#include <cerrno>
#include <cmath>
#include <string>

#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/complex.h"
#include "interp/objects/container_util.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
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

constinit Type complex_type{&type_type, "complex", sizeof(ComplexObject),
                            kTypeBaseType | kTypeImmutable};

Value complex_from_doubles(double real, double imag) {
  auto* c = gc::alloc_as<ComplexObject>(&complex_type);
  if (c == nullptr) return raise_no_memory();
  c->real = real;
  c->imag = imag;
  return Value::from_object(c);
}

namespace {

struct C {
  double re, im;
};

C cval(Value v) {
  auto* c = static_cast<ComplexObject*>(v.as_object());
  return {c->real, c->imag};
}

Value make(C c) { return complex_from_doubles(c.re, c.im); }

C c_prod(C a, C b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// Smith's algorithm, as CPython's _Py_c_quot; [err] EDOM on division by zero.
C c_quot(C a, C b, int* err) {
  double abs_br = std::fabs(b.re), abs_bi = std::fabs(b.im);
  if (abs_br >= abs_bi) {
    if (abs_br == 0.0) {
      *err = EDOM;
      return {0.0, 0.0};
    }
    double ratio = b.im / b.re, denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (abs_bi >= abs_br) {
    double ratio = b.re / b.im, denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN};
}

C c_pow(C a, C b, int* err) {
  if (b.re == 0.0 && b.im == 0.0) return {1.0, 0.0};
  if (a.re == 0.0 && a.im == 0.0) {
    if (b.im != 0.0 || b.re < 0.0) *err = EDOM;
    return {0.0, 0.0};
  }
  double vabs = std::hypot(a.re, a.im);
  double len = std::pow(vabs, b.re);
  double at = std::atan2(a.im, a.re);
  double phase = at * b.re;
  if (b.im != 0.0) {
    len /= std::exp(at * b.im);
    phase += b.im * std::log(vabs);
  }
  return {len * std::cos(phase), len * std::sin(phase)};
}

C c_powu(C x, long n) {
  C r{1.0, 0.0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

C c_powi(C x, long n, int* err) {
  if (n > 0) return c_powu(x, n);
  return c_quot({1.0, 0.0}, c_powu(x, -n), err);
}

}  // namespace

Value complex_power(double ar, double ai, double br, double bi) {
  C a{ar, ai}, b{br, bi};
  int err = 0;
  C p;
  long n = static_cast<long>(b.re);
  if (b.im == 0.0 && b.re == static_cast<double>(n) && std::labs(n) <= 100)
    p = c_powi(a, n, &err);
  else
    p = c_pow(a, b, &err);
  if (err == 0 && (std::isinf(p.re) || std::isinf(p.im))) err = ERANGE;
  if (err == EDOM)
    return raise_error(exc_ZeroDivisionError, "0.0 to a negative or complex power");
  if (err == ERANGE) return raise_error(exc_OverflowError, "complex exponentiation");
  return make(p);
}

namespace {

// A number operand as a complex: 1 converted, 0 NotImplemented, -1 exception pending.
int operand(Value v, C* out) {
  if (is_complex(v)) {
    *out = cval(v);
    return 1;
  }
  double d;
  int r = real_operand(v, &d);
  if (r > 0) *out = {d, 0.0};
  return r;
}

bool operands(Value a, Value b, C* x, C* y, Value* early) {
  int r = operand(a, x);
  if (r > 0) r = operand(b, y);
  if (r > 0) return true;
  *early = r < 0 ? Value() : NotImplemented();
  return false;
}

void part_repr(std::string& out, double v, unsigned flags) {
  text::double_to_string(out, v, 'r', 0, flags);
}

Value complex_repr(Value self) {
  C c = cval(self);
  std::string out;
  if (c.re == 0.0 && std::copysign(1.0, c.re) == 1.0) {
    part_repr(out, c.im, 0);
    out += 'j';
  } else {
    out += '(';
    part_repr(out, c.re, 0);
    part_repr(out, c.im, text::kDtoaSign);
    out += "j)";
  }
  return str_from_ascii(out);
}

int64_t nan_hash(Value self) {
  uint64_t p = reinterpret_cast<uintptr_t>(self.as_object());
  int64_t h = static_cast<int64_t>((p >> 4) | (p << 60));
  return h == -1 ? -2 : h;
}

int64_t complex_hash(Value self) {
  C c = cval(self);
  int64_t nh = nan_hash(self);
  return text::hash_complex(text::hash_double(c.re, nh), text::hash_double(c.im, nh));
}

Value complex_richcompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return NotImplemented();
  if (!is_complex(a)) std::swap(a, b);
  C x = cval(a);
  bool equal;
  if (is_complex(b)) {
    C y = cval(b);
    equal = x.re == y.re && x.im == y.im;
  } else if (is_float(b)) {
    equal = x.re == float_as_double(b) && x.im == 0.0;
  } else if (!int_operand(b).is_null()) {
    if (x.im != 0.0) {
      equal = false;
    } else {
      // Exact int comparison through float's rules (big ints included).
      Value f = float_from_double(x.re);
      if (f.is_null()) return f;
      return compare(f, b, op);
    }
  } else {
    return NotImplemented();
  }
  return Bool(op == CompareOp::Eq ? equal : !equal);
}

#define TPY_COMPLEX_BINOP(fname, body)                     \
  Value fname(Value a, Value b) {                          \
    C x, y;                                                \
    Value early;                                           \
    if (!operands(a, b, &x, &y, &early)) return early;     \
    body                                                   \
  }
TPY_COMPLEX_BINOP(complex_add, return make({x.re + y.re, x.im + y.im});)
TPY_COMPLEX_BINOP(complex_sub, return make({x.re - y.re, x.im - y.im});)
TPY_COMPLEX_BINOP(complex_mul, return make(c_prod(x, y));)
TPY_COMPLEX_BINOP(complex_div, int err = 0; C q = c_quot(x, y, &err);
                  if (err) return raise_error(exc_ZeroDivisionError, "complex division by zero");
                  return make(q);)
#undef TPY_COMPLEX_BINOP

Value complex_pow_slot(Value a, Value b, Value m) {
  C x, y;
  Value early;
  if (!operands(a, b, &x, &y, &early)) return early;
  if (!is_none(m)) return raise_error(exc_ValueError, "complex modulo");
  return complex_power(x.re, x.im, y.re, y.im);
}

Value complex_neg(Value a) {
  C c = cval(a);
  return make({-c.re, -c.im});
}
Value complex_pos(Value a) { return type_of(a) == &complex_type ? a : make(cval(a)); }

Value complex_abs(Value a) {
  C c = cval(a);
  double r;
  if (std::isinf(c.re) || std::isinf(c.im)) {
    r = INFINITY;
  } else if (std::isnan(c.re) || std::isnan(c.im)) {
    r = NAN;
  } else {
    r = std::hypot(c.re, c.im);
    if (std::isinf(r)) return raise_error(exc_OverflowError, "absolute value too large");
  }
  return float_from_double(r);
}

int complex_bool(Value a) {
  C c = cval(a);
  return c.re != 0.0 || c.im != 0.0;
}

Value from_string(Type* type, Value x) {
  double re, im;
  switch (text::parse_complex(numeric_ascii(x), &re, &im)) {
    case text::ComplexParse::kOk: break;
    case text::ComplexParse::kMalformed:
      return raise_error(exc_ValueError, "complex() arg is a malformed string");
    case text::ComplexParse::kBadUnderscore: {
      Value r = str_repr(x);
      if (r.is_null()) return r;
      return raise_error(exc_ValueError,
                         "could not convert string to complex: " + str_to_utf8(r));
    }
  }
  if (type == &complex_type) return complex_from_doubles(re, im);
  Object* o = alloc_instance(type);
  if (o == nullptr) return Value();
  static_cast<ComplexObject*>(o)->real = re;
  static_cast<ComplexObject*>(o)->imag = im;
  return Value::from_object(o);
}

bool is_number(Value v) {
  Type* t = type_of(v);
  return is_complex(v) || t->slots.float_ != nullptr || t->slots.index != nullptr;
}

Value of_type(Type* type, C c) {
  if (type == &complex_type) return make(c);
  Object* o = alloc_instance(type);
  if (o == nullptr) return Value();
  static_cast<ComplexObject*>(o)->real = c.re;
  static_cast<ComplexObject*>(o)->imag = c.im;
  return Value::from_object(o);
}

// A real part: float(v) as CPython's PyFloat_AsDouble.
bool real_of(Value v, double* out) {
  Value f = number_float(v);
  if (f.is_null()) {
    if (!v.is_object() || type_of(v)->slots.float_ == nullptr) {
      // ints and __index__ objects convert through float()
      Value c = call1(Value::from_object(&float_type), v);
      if (c.is_null()) return false;
      *out = float_as_double(c);
      return true;
    }
    return false;
  }
  *out = float_as_double(f);
  return true;
}

Value complex_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"real", "imag", nullptr};
  Value r, i;
  ArgSpec spec{"complex", kw, 0, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&r, &i})) return Value();
  if (r.is_null()) r = Value::from_int(0);
  if (is_str(r)) {
    if (!i.is_null())
      return raise_error(exc_TypeError, "complex() can't take second arg if first is a string");
    return from_string(type, r);
  }
  if (!i.is_null() && is_str(i))
    return raise_error(exc_TypeError, "complex() second arg can't be a string");
  bool own_r = false;
  if (r.is_object()) {
    static Value name;
    if (name.is_null()) name = str_intern("__complex__");
    Value m = lookup_special(r, name);
    if (m.is_null() && !pending_exception().is_null()) return Value();
    if (!m.is_null()) {
      Value res = call0(m);
      if (res.is_null()) return res;
      if (!is_complex(res))
        return raise_format(exc_TypeError, "__complex__ returned non-complex (type %.200s)",
                            type_of(res)->c_name());
      r = res;
      own_r = true;
    }
  }
  if (!own_r && !is_number(r))
    return raise_format(exc_TypeError,
                        "complex() first argument must be a string or a number, not '%.200s'",
                        type_of(r)->c_name());
  if (!i.is_null() && !is_number(i))
    return raise_format(exc_TypeError, "complex() second argument must be a number, not '%.200s'",
                        type_of(i)->c_name());
  if (i.is_null() && type == &complex_type && type_of(r) == &complex_type) return r;
  C cr{0.0, 0.0}, ci{0.0, 0.0};
  bool cr_complex = false, ci_complex = false;
  if (is_complex(r)) {
    cr = cval(r);
    cr_complex = true;
  } else if (!real_of(r, &cr.re)) {
    return Value();
  }
  if (!i.is_null()) {
    if (is_complex(i)) {
      ci = cval(i);
      ci_complex = true;
    } else if (!real_of(i, &ci.re)) {
      return Value();
    }
  }
  if (ci_complex) cr.re -= ci.im;
  if (cr_complex && !i.is_null()) ci.re += cr.im;
  else if (cr_complex) ci.re = cr.im;
  return of_type(type, {cr.re, ci.re});
}

Value m_conjugate(Value self, const Value*, size_t, Value) {
  C c = cval(self);
  return make({c.re, -c.im});
}

// complex.__complex__ (3.11): the value as an exact complex.
Value m_complex(Value self, const Value*, size_t, Value) {
  C c = cval(self);
  return make({c.re, c.im});
}

Value m_getnewargs(Value self, const Value*, size_t, Value) {
  C c = cval(self);
  Value re = float_from_double(c.re);
  if (re.is_null()) return re;
  Value im = float_from_double(c.im);
  if (im.is_null()) return im;
  return tuple_pack({re, im});
}

Value m_format(Value self, const Value* args, size_t, Value) {
  Value spec = args[0];
  if (!is_str(spec))
    return raise_format(exc_TypeError, "__format__() argument must be str, not %.200s",
                        type_of(spec)->c_name());
  if (str_length(spec) == 0 && type_of(self) != &complex_type) return object_str(self);
  C c = cval(self);
  std::string out;
  text::NumError err;
  if (!text::format_complex(out, str_to_utf8(spec), c.re, c.im, err))
    return raise_num_error(err);
  return str_from_utf8(out);
}

Value get_real(Value self) { return float_from_double(cval(self).re); }
Value get_imag(Value self) { return float_from_double(cval(self).im); }

const MethodDef complex_methods[] = {
    {"conjugate", m_conjugate, kMethNoArgs, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__getnewargs__", m_getnewargs, kMethNoArgs, nullptr},
    {"__complex__", m_complex, kMethNoArgs, "Convert this value to exact type complex."},
    {"__format__", m_format, kMethO,
     "Convert to a string according to format_spec."},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef complex_getsets[] = {
    {"real", get_real, nullptr, "the real part of a complex number"},
    {"imag", get_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

bool init_complex() {
  TypeSlots& s = complex_type.slots;
  s.new_ = complex_new;
  s.repr = complex_repr;
  s.hash = complex_hash;
  s.richcompare = complex_richcompare;
  s.binop[static_cast<size_t>(BinOp::Add)] = complex_add;
  s.binop[static_cast<size_t>(BinOp::Subtract)] = complex_sub;
  s.binop[static_cast<size_t>(BinOp::Multiply)] = complex_mul;
  s.binop[static_cast<size_t>(BinOp::TrueDivide)] = complex_div;
  s.power = complex_pow_slot;
  s.neg = complex_neg;
  s.pos = complex_pos;
  s.abs = complex_abs;
  s.bool_ = complex_bool;
  TypeDefs defs;
  defs.methods = complex_methods;
  defs.getsets = complex_getsets;
  type_init(&complex_type, &object_type, defs,
            "Create a complex number from a real part and an optional imaginary part.\n\nThis is "
            "equivalent to (real + imag*1j) where imag defaults to 0.");
  return true;
}

}  // namespace tpy
