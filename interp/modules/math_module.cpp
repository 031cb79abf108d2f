// interp/modules/math_module.cpp -- The math module: creation, constants, argument conversion
// and the one-argument libm wrappers with CPython's error rules (math_1 / math_1a).
#include <cerrno>
#include <cmath>

#include "interp/modules/math_internal.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy::math_mod {

Value domain_error() { return raise_error(exc_ValueError, "math domain error"); }
Value range_error() { return raise_error(exc_OverflowError, "math range error"); }

bool is_error(int err, double r) {
  if (err == EDOM) {
    domain_error();
    return true;
  }
  if (err == ERANGE) {
    if (std::fabs(r) < 1.5) return false;  // underflow: the zero (or -1 of expm1) stands
    range_error();
    return true;
  }
  raise_errno(err);
  return true;
}

bool arg_double(Value v, double* out) {
  if (v.is_int()) {
    *out = static_cast<double>(v.as_int());
    return true;
  }
  if (is_float(v)) {
    *out = float_as_double(v);
    return true;
  }
  Value i = int_operand(v);
  Type* t = type_of(v);
  if (i.is_null() && t->slots.float_ != nullptr) {
    Value f = t->slots.float_(v);
    if (f.is_null()) return false;
    if (!is_float(f)) {
      raise_format(exc_TypeError, "%.50s.__float__ returned non-float (type %.50s)", t->c_name(),
                   type_of(f)->c_name());
      return false;
    }
    *out = float_as_double(f);
    return true;
  }
  if (i.is_null() && t->slots.index != nullptr) {
    i = number_index(v);
    if (i.is_null()) return false;
  }
  if (i.is_null()) {
    raise_format(exc_TypeError, "must be real number, not %.200s", t->c_name());
    return false;
  }
  if (!int_to_double(i, out)) {
    int_take_error();
    raise_error(exc_OverflowError, "int too large to convert to float");
    return false;
  }
  return true;
}

namespace {

// math_1: NaN from a non-NaN is a domain error; an infinity from a finite argument is an
// overflow ([can_overflow]) or a singularity (domain error).
Value math_1(Value arg, double (*f)(double), bool can_overflow) {
  double x;
  if (!arg_double(arg, &x)) return Value();
  errno = 0;
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  if (std::isfinite(r) && errno != 0 && is_error(errno, r)) return Value();
  return float_from_double(r);
}

// math_1a: the function reports its own errors through [err].
Value math_1a(Value arg, double (*f)(double, int*)) {
  double x;
  if (!arg_double(arg, &x)) return Value();
  int err = 0;
  double r = f(x, &err);
  if (err != 0 && is_error(err, r)) return Value();
  return float_from_double(r);
}

double erf_e(double x, int*) { return std::erf(x); }
double erfc_e(double x, int*) { return std::erfc(x); }
double degrees(double x) { return x * (180.0 / M_PI); }
double radians(double x) { return x * (M_PI / 180.0); }

// (name, libm function, can overflow)
#define TPY_MATH_1(X)                                                                            \
  X(acos, std::acos, false) X(acosh, std::acosh, false) X(asin, std::asin, false)               \
  X(asinh, std::asinh, false) X(atan, std::atan, false) X(atanh, std::atanh, false)             \
  X(cbrt, std::cbrt, false) X(cos, std::cos, false) X(cosh, std::cosh, true)                    \
  X(exp, std::exp, true) X(exp2, std::exp2, true) X(expm1, std::expm1, true)                    \
  X(fabs, std::fabs, false) X(log1p, std::log1p, false) X(sin, std::sin, false)                 \
  X(sinh, std::sinh, true) X(sqrt, std::sqrt, false) X(tan, std::tan, false)                    \
  X(tanh, std::tanh, false) X(degrees, degrees, false) X(radians, radians, false)
#define TPY_MATH_1A(X) X(erf, erf_e) X(erfc, erfc_e) X(gamma, m_tgamma) X(lgamma, m_lgamma)

#define TPY_DEFINE_1(name, fn, overflow)                                                        \
  Value f_##name(Value, const Value* args, size_t, Value) {                                    \
    return math_1(args[0], [](double x) -> double { return fn(x); }, overflow);                \
  }
TPY_MATH_1(TPY_DEFINE_1)
#undef TPY_DEFINE_1
#define TPY_DEFINE_1A(name, fn)                                                                 \
  Value f_##name(Value, const Value* args, size_t, Value) { return math_1a(args[0], fn); }
TPY_MATH_1A(TPY_DEFINE_1A)
#undef TPY_DEFINE_1A

template <bool (*pred)(double)>
Value f_is(Value, const Value* args, size_t, Value) {
  double x;
  if (!arg_double(args[0], &x)) return Value();
  return Bool(pred(x));
}
bool is_finite(double x) { return std::isfinite(x); }
bool is_inf(double x) { return std::isinf(x); }
bool is_nan(double x) { return std::isnan(x); }

const MethodDef kUnaryFunctions[] = {
#define TPY_ROW_1(name, fn, overflow) {#name, f_##name, kMethO, nullptr},
    TPY_MATH_1(TPY_ROW_1)
#undef TPY_ROW_1
#define TPY_ROW_1A(name, fn) {#name, f_##name, kMethO, nullptr},
    TPY_MATH_1A(TPY_ROW_1A)
#undef TPY_ROW_1A
    {"isfinite", f_is<is_finite>, kMethO,
     "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", f_is<is_inf>, kMethO,
     "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", f_is<is_nan>, kMethO, "Return True if x is a NaN (not a number), and False otherwise."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace
}  // namespace tpy::math_mod

namespace tpy {

Value create_math_module() {
  using namespace math_mod;
  Value m = module_new_cstr("math");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  Value name = dict_get_cstr(d, "__name__");
  for (const MethodDef* defs : {kUnaryFunctions, kFloatFunctions, kIntFunctions,
                                kAggregateFunctions}) {
    if (add_native_functions(d, defs, m, name) < 0) return Value();
  }
  const struct {
    const char* name;
    double value;
  } constants[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI},
                   {"inf", HUGE_VAL}, {"nan", std::nan("")}};
  for (const auto& c : constants) {
    Value f = float_from_double(c.value);
    if (f.is_null() || dict_set_cstr(d, c.name, f) < 0) return Value();
  }
  Value doc = str_from_ascii(
      "This module provides access to the mathematical functions\n"
      "defined by the C standard.");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
