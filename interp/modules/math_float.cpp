// interp/modules/math_float.cpp -- math functions of floats with special cases of their own:
// floor/ceil/trunc, two-argument functions (math_2), pow, ldexp, frexp, modf, logs, nextafter,
// ulp, isclose.
#include <cerrno>
#include <cfloat>
#include <cmath>

#include "interp/modules/math_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy::math_mod {
namespace {

Value float_int_result(FloatStatus s, const FloatInt& fi) {
  if (s != FloatStatus::kOk) return raise_float_status(s);
  return int_from_float_int(fi);
}

// math.floor / math.ceil: an exact float directly, else the type's __floor__ / __ceil__, else
// the float value.
Value rounding(Value x, const char* dunder, FloatStatus (*f)(double, FloatInt*)) {
  double d;
  if (!is_exact_float(x)) {
    Value name = str_intern(dunder);
    if (name.is_null()) return name;
    Value m = lookup_special(x, name);
    if (!m.is_null()) return call0(m);
    if (error_occurred() || !arg_double(x, &d)) return Value();
  } else {
    d = float_as_double(x);
  }
  FloatInt fi;
  return float_int_result(f(d, &fi), fi);
}

Value f_floor(Value, const Value* args, size_t, Value) {
  return rounding(args[0], "__floor__", float_floor);
}
Value f_ceil(Value, const Value* args, size_t, Value) {
  return rounding(args[0], "__ceil__", float_ceil);
}
Value f_trunc(Value, const Value* args, size_t, Value) {
  Value x = args[0];
  if (is_exact_float(x)) {
    FloatInt fi;
    return float_int_result(float_trunc(float_as_double(x), &fi), fi);
  }
  static StrConst k_trunc("__trunc__");
  Value m = lookup_special(x, k_trunc.get());
  if (m.is_null()) {
    if (error_occurred()) return m;
    return raise_format(exc_TypeError, "type %.100s doesn't define __trunc__ method",
                        type_of(x)->c_name());
  }
  return call0(m);
}

bool two_doubles(const char* name, const Value* args, size_t nargs, double* x, double* y) {
  return check_nargs(name, nargs, 2, 2) && arg_double(args[0], x) && arg_double(args[1], y);
}

// math_2: NaN from non-NaNs is a domain error, an infinity from finite arguments an
// overflow ([can_overflow]) or a domain error.
Value math_2(const char* name, const Value* args, size_t nargs, double (*f)(double, double),
             bool can_overflow) {
  double x, y;
  if (!two_doubles(name, args, nargs, &x, &y)) return Value();
  double r = f(x, y);
  int err = 0;
  if (std::isnan(r)) {
    if (!std::isnan(x) && !std::isnan(y)) err = EDOM;
  } else if (std::isinf(r)) {
    if (std::isfinite(x) && std::isfinite(y)) err = can_overflow ? ERANGE : EDOM;
  }
  if (err != 0 && is_error(err, r)) return Value();
  return float_from_double(r);
}

// atan2 with C99's special values decided here rather than by the platform.
double m_atan2(double y, double x) {
  if (std::isnan(x) || std::isnan(y)) return NAN;
  if (std::isinf(y)) {
    if (std::isinf(x)) return std::copysign(x > 0 ? 0.25 * M_PI : 0.75 * M_PI, y);
    return std::copysign(0.5 * M_PI, y);
  }
  if (std::isinf(x) || y == 0.0)
    return std::copysign(std::signbit(x) ? M_PI : 0.0, y);
  return std::atan2(y, x);
}

// IEEE 754 remainder: x - n*y with n the nearest integer to x/y, ties to even; exact.
double m_remainder(double x, double y) {
  if (std::isfinite(x) && std::isfinite(y)) {
    if (y == 0.0) return NAN;
    double ax = std::fabs(x), ay = std::fabs(y);
    double m = std::fmod(ax, ay);
    // Compare m with ay - m rather than with 0.5 * ay, which may be inexact for tiny ay.
    double c = ay - m, r;
    if (m < c) {
      r = m;
    } else if (m > c) {
      r = -c;
    } else {
      // Halfway: keep m when the quotient is even, -m when it is odd.
      r = m - 2.0 * std::fmod(0.5 * (ax - m), ay);
    }
    return std::copysign(1.0, x) * r;
  }
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return y;
  if (std::isinf(x)) return NAN;
  return x;
}

double m_fmod(double x, double y) {
  if (std::isinf(y) && std::isfinite(x)) return x;
  return std::fmod(x, y);
}

Value f_atan2(Value, const Value* a, size_t n, Value) { return math_2("atan2", a, n, m_atan2, false); }
Value f_copysign(Value, const Value* a, size_t n, Value) {
  return math_2("copysign", a, n, [](double x, double y) { return std::copysign(x, y); }, false);
}
Value f_fmod(Value, const Value* a, size_t n, Value) { return math_2("fmod", a, n, m_fmod, false); }
Value f_remainder(Value, const Value* a, size_t n, Value) {
  return math_2("remainder", a, n, m_remainder, false);
}

// x ** y: IEEE special values first, then libm for finite operands.
Value f_pow(Value, const Value* args, size_t nargs, Value) {
  double x, y, r;
  if (!two_doubles("pow", args, nargs, &x, &y)) return Value();
  int err = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0) r = odd_y ? x : std::fabs(x);
      else if (y == 0.0) r = 1.0;
      else r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else if (std::fabs(x) == 1.0) {
      r = 1.0;
    } else if (y > 0.0 && std::fabs(x) > 1.0) {
      r = y;
    } else if (y < 0.0 && std::fabs(x) < 1.0) {
      r = -y;
    } else {
      r = 0.0;
    }
  } else {
    r = std::pow(x, y);
    if (std::isnan(r)) err = EDOM;
    else if (std::isinf(r)) err = x == 0.0 ? EDOM : ERANGE;
  }
  if (err != 0 && is_error(err, r)) return Value();
  return float_from_double(r);
}

Value f_ldexp(Value, const Value* args, size_t nargs, Value) {
  double x;
  if (!check_nargs("ldexp", nargs, 2, 2) || !arg_double(args[0], &x)) return Value();
  Value i = int_operand(args[1]);
  if (i.is_null()) {
    if (!is_instance_of(args[1], &int_type))
      return raise_error(exc_TypeError, "Expected an int as second argument to ldexp.");
    i = number_index(args[1]);
    if (i.is_null()) return i;
  }
  int64_t e;
  if (!int_to_i64(i, &e)) e = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
  double r;
  int err = 0;
  if (x == 0.0 || !std::isfinite(x)) {
    r = x;
  } else if (e > INT32_MAX) {
    r = std::copysign(HUGE_VAL, x);
    err = ERANGE;
  } else if (e < INT32_MIN) {
    r = std::copysign(0.0, x);
  } else {
    r = std::ldexp(x, static_cast<int>(e));
    if (std::isinf(r)) err = ERANGE;
  }
  if (err != 0 && is_error(err, r)) return Value();
  return float_from_double(r);
}

Value f_frexp(Value, const Value* args, size_t, Value) {
  double x;
  if (!arg_double(args[0], &x)) return Value();
  int e = 0;
  if (!std::isnan(x) && !std::isinf(x) && x != 0.0) x = std::frexp(x, &e);
  Value m = float_from_double(x);
  if (m.is_null()) return m;
  return tuple_pack({m, Value::from_int(e)});
}

Value f_modf(Value, const Value* args, size_t, Value) {
  double x, ip, fp;
  if (!arg_double(args[0], &x)) return Value();
  if (std::isinf(x)) {
    ip = x;
    fp = std::copysign(0.0, x);
  } else {
    fp = std::modf(x, &ip);  // NaN gives (nan, nan)
  }
  Value a = float_from_double(fp);
  if (a.is_null()) return a;
  Value b = float_from_double(ip);
  if (b.is_null()) return b;
  return tuple_pack({a, b});
}

// -- Logarithms -----------------------------------------------------------------------------------

double m_log(double x, int* err) {
  if (std::isfinite(x)) {
    if (x > 0.0) return std::log(x);
    *err = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0.0) return x;
  *err = EDOM;
  return NAN;
}
double m_log2(double x, int* err) {
  if (std::isfinite(x) && x > 0.0) return std::log2(x);
  return m_log(x, err);
}
double m_log10(double x, int* err) {
  if (std::isfinite(x) && x > 0.0) return std::log10(x);
  return m_log(x, err);
}

// [x] = m * 2**e with 0.5 <= m < 1 for a positive int too large for a double, m correctly
// rounded (the sticky bit below 62 bits makes the one rounding of the conversion exact).
double big_frexp(Value x, int64_t* e) {
  uint64_t bits = int_bit_length(x);
  uint64_t shift = bits - 62;
  Value top = int_rshift(x, Value::from_int(static_cast<int64_t>(shift)));
  Value back = int_lshift(top, Value::from_int(static_cast<int64_t>(shift)));
  int64_t t = top.as_int();
  if (!int_equal(back, x)) t |= 1;
  *e = static_cast<int64_t>(bits);
  return std::ldexp(static_cast<double>(t), -62);
}

// loghelper: ints are taken exactly (huge ones through their binary exponent).
bool log_of(Value arg, double (*f)(double, int*), double* out) {
  Value i = int_operand(arg);
  if (!i.is_null()) {
    if (int_sign(i) <= 0) {
      domain_error();
      return false;
    }
    double x;
    int err = 0;
    if (int_to_double(i, &x)) {
      *out = f(x, &err);
    } else {
      int_take_error();
      int64_t e;
      double m = big_frexp(i, &e);
      *out = f(m, &err) + f(2.0, &err) * static_cast<double>(e);
    }
    return true;
  }
  double x;
  if (!arg_double(arg, &x)) return false;
  int err = 0;
  double r = f(x, &err);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(), false;
  if (std::isinf(r) && std::isfinite(x)) return domain_error(), false;
  *out = r;
  return true;
}

Value f_log(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("log", nargs, 1, 2)) return Value();
  double num, den;
  if (!log_of(args[0], m_log, &num)) return Value();
  if (nargs == 1) return float_from_double(num);
  if (!log_of(args[1], m_log, &den)) return Value();
  if (den == 0.0) return raise_error(exc_ZeroDivisionError, "float division by zero");
  return float_from_double(num / den);
}

template <double (*F)(double, int*)>
Value f_log_1(Value, const Value* args, size_t, Value) {
  double r;
  if (!log_of(args[0], F, &r)) return Value();
  return float_from_double(r);
}

Value f_nextafter(Value, const Value* args, size_t nargs, Value) {
  double x, y;
  if (!two_doubles("nextafter", args, nargs, &x, &y)) return Value();
  return float_from_double(std::nextafter(x, y));
}

Value f_ulp(Value, const Value* args, size_t, Value) {
  double x;
  if (!arg_double(args[0], &x)) return Value();
  if (std::isnan(x)) return float_from_double(x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_from_double(x);
  double up = std::nextafter(x, HUGE_VAL);
  if (std::isinf(up)) return float_from_double(x - std::nextafter(x, -HUGE_VAL));
  return float_from_double(up - x);
}

Value f_isclose(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"a", "b", "rel_tol", "abs_tol", nullptr};
  Value va, vb, vrel, vabs;
  ArgSpec spec{"isclose", kw, 2, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&va, &vb, &vrel, &vabs})) return Value();
  double a, b, rel = 1e-09, abs_tol = 0.0;
  if (!arg_double(va, &a) || !arg_double(vb, &b)) return Value();
  if (!vrel.is_null() && !arg_double(vrel, &rel)) return Value();
  if (!vabs.is_null() && !arg_double(vabs, &abs_tol)) return Value();
  if (rel < 0.0 || abs_tol < 0.0)
    return raise_error(exc_ValueError, "tolerances must be non-negative");
  if (a == b) return True();
  if (std::isinf(a) || std::isinf(b)) return False();
  double diff = std::fabs(b - a);
  return Bool(diff <= std::fabs(rel * b) || diff <= std::fabs(rel * a) || diff <= abs_tol);
}

}  // namespace

const MethodDef kFloatFunctions[] = {
    {"atan2", f_atan2, kMethFast, nullptr},
    {"ceil", f_ceil, kMethO, nullptr},
    {"copysign", f_copysign, kMethFast, nullptr},
    {"floor", f_floor, kMethO, nullptr},
    {"fmod", f_fmod, kMethFast, nullptr},
    {"frexp", f_frexp, kMethO, nullptr},
    {"isclose", f_isclose, kMethFastKw, nullptr},
    {"ldexp", f_ldexp, kMethFast, nullptr},
    {"log", f_log, kMethFast, nullptr},
    {"log10", f_log_1<m_log10>, kMethO, nullptr},
    {"log2", f_log_1<m_log2>, kMethO, nullptr},
    {"modf", f_modf, kMethO, nullptr},
    {"nextafter", f_nextafter, kMethFast, nullptr},
    {"pow", f_pow, kMethFast, nullptr},
    {"remainder", f_remainder, kMethFast, nullptr},
    {"trunc", f_trunc, kMethO, nullptr},
    {"ulp", f_ulp, kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace tpy::math_mod
