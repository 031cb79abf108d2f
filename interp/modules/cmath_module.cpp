// interp/modules/cmath_module.cpp -- The cmath module: CPython's algorithms for finite
// arguments (scaled to avoid spurious overflow, so results agree with python3.11), C99
// Annex G (glibc) for infinities and NaNs, and "math domain error" / "math range error".
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <complex>

#include "interp/modules/math_internal.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/complex.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/module.h"

namespace tpy {
namespace {

struct C {
  double re, im;
};

const double kLargeDouble = DBL_MAX / 4.;
const double kSqrtLargeDouble = std::sqrt(kLargeDouble);
const double kLogLargeDouble = std::log(kLargeDouble);
const double kSqrtDblMin = std::sqrt(DBL_MIN);
constexpr int kScaleUp = 2 * (DBL_MANT_DIG / 2) + 1;
constexpr int kScaleDown = -(kScaleUp + 1) / 2;

// PyComplex_AsCComplex: complex, __complex__, or a real number.
bool arg_complex(Value v, C* out) {
  if (is_complex(v)) {
    auto* c = static_cast<ComplexObject*>(v.as_object());
    *out = {c->real, c->imag};
    return true;
  }
  static StrConst k_complex("__complex__");
  Value m = lookup_special(v, k_complex.get());
  if (!m.is_null()) {
    Value r = call0(m);
    if (r.is_null()) return false;
    if (!is_complex(r)) {
      raise_format(exc_TypeError, "__complex__ returned non-complex (type %.200s)",
                   type_of(r)->c_name());
      return false;
    }
    auto* c = static_cast<ComplexObject*>(r.as_object());
    *out = {c->real, c->imag};
    return true;
  }
  if (error_occurred()) return false;
  out->im = 0.0;
  return math_mod::arg_double(v, &out->re);
}

bool finite(C z) { return std::isfinite(z.re) && std::isfinite(z.im); }
C from_std(std::complex<double> c) { return {c.real(), c.imag()}; }
std::complex<double> to_std(C z) { return {z.re, z.im}; }

C c_sqrt(C z, int* err) {
  if (!finite(z)) return from_std(std::sqrt(to_std(z)));
  if (z.re == 0. && z.im == 0.) return {0., z.im};
  double ax = std::fabs(z.re), ay = std::fabs(z.im), s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax = std::ldexp(ax, kScaleUp);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, kScaleUp))), kScaleDown);
  } else {
    ax /= 8.;
    s = 2. * std::sqrt(ax + std::hypot(ax, ay / 8.));
  }
  double d = ay / (2. * s);
  if (z.re >= 0.) return {s, std::copysign(d, z.im)};
  return {d, std::copysign(s, z.im)};
}

C c_exp(C z, int* err) {
  if (!finite(z)) return from_std(std::exp(to_std(z)));
  C r;
  if (z.re > kLogLargeDouble) {
    double l = std::exp(z.re - 1.);
    r = {l * std::cos(z.im) * M_E, l * std::sin(z.im) * M_E};
  } else {
    double l = std::exp(z.re);
    r = {l * std::cos(z.im), l * std::sin(z.im)};
  }
  if (std::isinf(r.re) || std::isinf(r.im)) *err = ERANGE;
  return r;
}

C c_log(C z, int* err) {
  if (!finite(z)) return from_std(std::log(to_std(z)));
  double ax = std::fabs(z.re), ay = std::fabs(z.im), re;
  if (ax > kLargeDouble || ay > kLargeDouble) {
    re = std::log(std::hypot(ax / 2., ay / 2.)) + M_LN2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0. || ay > 0.) {
      re = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) -
           DBL_MANT_DIG * M_LN2;
    } else {
      *err = EDOM;
      return {-HUGE_VAL, std::atan2(z.im, z.re)};
    }
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
      re = std::log1p((am - 1) * (am + 1) + an * an) / 2.;
    } else {
      re = std::log(h);
    }
  }
  return {re, std::atan2(z.im, z.re)};
}

C c_log10(C z, int* err) {
  C r = c_log(z, err);
  return {r.re / M_LN10, r.im / M_LN10};
}

C c_cosh(C z, int* err) {
  if (!finite(z)) return from_std(std::cosh(to_std(z)));
  C r;
  if (std::fabs(z.re) > kLogLargeDouble) {
    double x1 = z.re - std::copysign(1., z.re);
    r = {std::cos(z.im) * std::cosh(x1) * M_E, std::sin(z.im) * std::sinh(x1) * M_E};
  } else {
    r = {std::cos(z.im) * std::cosh(z.re), std::sin(z.im) * std::sinh(z.re)};
  }
  if (std::isinf(r.re) || std::isinf(r.im)) *err = ERANGE;
  return r;
}

C c_sinh(C z, int* err) {
  if (!finite(z)) return from_std(std::sinh(to_std(z)));
  C r;
  if (std::fabs(z.re) > kLogLargeDouble) {
    double x1 = z.re - std::copysign(1., z.re);
    r = {std::cos(z.im) * std::sinh(x1) * M_E, std::sin(z.im) * std::cosh(x1) * M_E};
  } else {
    r = {std::cos(z.im) * std::sinh(z.re), std::sin(z.im) * std::cosh(z.re)};
  }
  if (std::isinf(r.re) || std::isinf(r.im)) *err = ERANGE;
  return r;
}

C c_tanh(C z, int* err) {
  if (!finite(z)) return from_std(std::tanh(to_std(z)));
  if (std::fabs(z.re) > kLogLargeDouble)
    return {std::copysign(1., z.re),
            4. * std::sin(z.im) * std::cos(z.im) * std::exp(-2. * std::fabs(z.re))};
  double tx = std::tanh(z.re), ty = std::tan(z.im), cx = 1. / std::cosh(z.re);
  double txty = tx * ty, denom = 1. + txty * txty;
  return {tx * (1. + ty * ty) / denom, ((ty / denom) * cx) * cx};
}

C c_asinh(C z, int* err) {
  if (!finite(z)) return from_std(std::asinh(to_std(z)));
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble) {
    double l = std::log(std::hypot(z.re / 2., z.im / 2.)) + M_LN2 * 2.;
    double re = z.im >= 0. ? std::copysign(l, z.re) : -std::copysign(l, -z.re);
    return {re, std::atan2(z.im, std::fabs(z.re))};
  }
  C s1 = c_sqrt({1. + z.im, -z.re}, err), s2 = c_sqrt({1. - z.im, z.re}, err);
  return {std::asinh(s1.re * s2.im - s2.re * s1.im), std::atan2(z.im, s1.re * s2.re - s1.im * s2.im)};
}

C c_acos(C z, int* err) {
  if (!finite(z)) return from_std(std::acos(to_std(z)));
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble) {
    double l = std::log(std::hypot(z.re / 2., z.im / 2.)) + M_LN2 * 2.;
    double im = z.re < 0. ? -std::copysign(l, z.im) : std::copysign(l, -z.im);
    return {std::atan2(std::fabs(z.im), z.re), im};
  }
  C s1 = c_sqrt({1. - z.re, -z.im}, err), s2 = c_sqrt({1. + z.re, z.im}, err);
  return {2. * std::atan2(s1.re, s2.re), std::asinh(s2.re * s1.im - s2.im * s1.re)};
}

C c_acosh(C z, int* err) {
  if (!finite(z)) return from_std(std::acosh(to_std(z)));
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble)
    return {std::log(std::hypot(z.re / 2., z.im / 2.)) + M_LN2 * 2., std::atan2(z.im, z.re)};
  C s1 = c_sqrt({z.re - 1., z.im}, err), s2 = c_sqrt({z.re + 1., z.im}, err);
  return {std::asinh(s1.re * s2.re + s1.im * s2.im), 2. * std::atan2(s1.im, s2.re)};
}

C c_atanh(C z, int* err) {
  if (!finite(z)) return from_std(std::atanh(to_std(z)));
  if (z.re < 0.) {
    C r = c_atanh({-z.re, -z.im}, err);
    return {-r.re, -r.im};
  }
  double ay = std::fabs(z.im);
  if (z.re > kSqrtLargeDouble || ay > kSqrtLargeDouble) {
    double h = std::hypot(z.re / 2., z.im / 2.);
    return {z.re / 4. / h / h, -std::copysign(M_PI / 2., -z.im)};
  }
  if (z.re == 1. && ay < kSqrtDblMin) {
    if (ay == 0.) {
      *err = EDOM;
      return {HUGE_VAL, z.im};
    }
    return {-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.))),
            std::copysign(std::atan2(2., -ay) / 2, z.im)};
  }
  return {std::log1p(4. * z.re / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4.,
          -std::atan2(-2. * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2.};
}

// The circular functions through the hyperbolic ones: f(z) = -i g(iz) or g(iz).
C c_sin(C z, int* err) {
  C r = c_sinh({-z.im, z.re}, err);
  return {r.im, -r.re};
}
C c_cos(C z, int* err) { return c_cosh({-z.im, z.re}, err); }
C c_tan(C z, int* err) {
  C r = c_tanh({-z.im, z.re}, err);
  return {r.im, -r.re};
}
C c_asin(C z, int* err) {
  C r = c_asinh({-z.im, z.re}, err);
  return {r.im, -r.re};
}
C c_atan(C z, int* err) {
  C r = c_atanh({-z.im, z.re}, err);
  return {r.im, -r.re};
}

Value result(C r, int err) {
  if (err == EDOM) return math_mod::domain_error();
  if (err == ERANGE) return math_mod::range_error();
  return complex_from_doubles(r.re, r.im);
}

template <C (*F)(C, int*)>
Value f_unary(Value, const Value* args, size_t, Value) {
  C z;
  if (!arg_complex(args[0], &z)) return Value();
  int err = 0;
  C r = F(z, &err);
  return result(r, err);
}

// Smith's complex division as CPython's _Py_c_quot; EDOM for a zero divisor.
C c_quot(C a, C b, int* err) {
  double abr = std::fabs(b.re), abi = std::fabs(b.im);
  if (abr >= abi) {
    if (abr == 0.0) {
      *err = EDOM;
      return {0., 0.};
    }
    double ratio = b.im / b.re, denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (abi >= abr) {
    double ratio = b.re / b.im, denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN};
}

Value f_log(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("log", nargs, 1, 2)) return Value();
  C z;
  if (!arg_complex(args[0], &z)) return Value();
  int err = 0;
  C r = c_log(z, &err);
  if (nargs == 2) {
    C b;
    if (!arg_complex(args[1], &b)) return Value();
    C lb = c_log(b, &err);  // an error of either logarithm stands, as errno does in CPython
    r = c_quot(r, lb, &err);
  }
  return result(r, err);
}

Value f_phase(Value, const Value* args, size_t, Value) {
  C z;
  if (!arg_complex(args[0], &z)) return Value();
  return float_from_double(std::atan2(z.im, z.re));
}

Value f_polar(Value, const Value* args, size_t, Value) {
  C z;
  if (!arg_complex(args[0], &z)) return Value();
  double r = std::hypot(z.re, z.im);
  if (std::isinf(r) && finite(z)) return math_mod::range_error();
  Value a = float_from_double(r);
  if (a.is_null()) return a;
  Value b = float_from_double(std::atan2(z.im, z.re));
  if (b.is_null()) return b;
  return tuple_pack({a, b});
}

Value f_rect(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("rect", nargs, 2, 2)) return Value();
  double r, phi;
  if (!math_mod::arg_double(args[0], &r) || !math_mod::arg_double(args[1], &phi)) return Value();
  if (std::isinf(r) && std::isfinite(phi) && phi != 0.) {
    double s = r > 0 ? 1. : -1.;
    return complex_from_doubles(s * std::copysign(HUGE_VAL, std::cos(phi)),
                                s * std::copysign(HUGE_VAL, std::sin(phi)));
  }
  if (std::isfinite(r) && std::isinf(phi) && r != 0.) return math_mod::domain_error();
  if (phi == 0.0) return complex_from_doubles(r, r * phi);
  return complex_from_doubles(r * std::cos(phi), r * std::sin(phi));
}

template <bool (*P)(C)>
Value f_pred(Value, const Value* args, size_t, Value) {
  C z;
  if (!arg_complex(args[0], &z)) return Value();
  return Bool(P(z));
}
bool p_finite(C z) { return finite(z); }
bool p_inf(C z) { return std::isinf(z.re) || std::isinf(z.im); }
bool p_nan(C z) { return std::isnan(z.re) || std::isnan(z.im); }

Value f_isclose(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"a", "b", "rel_tol", "abs_tol", nullptr};
  Value va, vb, vrel, vabs;
  ArgSpec spec{"isclose", kw, 2, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&va, &vb, &vrel, &vabs})) return Value();
  C a, b;
  double rel = 1e-09, abs_tol = 0.0;
  if (!arg_complex(va, &a) || !arg_complex(vb, &b)) return Value();
  if (!vrel.is_null() && !math_mod::arg_double(vrel, &rel)) return Value();
  if (!vabs.is_null() && !math_mod::arg_double(vabs, &abs_tol)) return Value();
  if (rel < 0.0 || abs_tol < 0.0)
    return raise_error(exc_ValueError, "tolerances must be non-negative");
  if (a.re == b.re && a.im == b.im) return True();
  if (p_inf(a) || p_inf(b)) return False();
  double diff = std::hypot(b.re - a.re, b.im - a.im);
  return Bool(diff <= rel * std::hypot(b.re, b.im) || diff <= rel * std::hypot(a.re, a.im) ||
              diff <= abs_tol);
}

const MethodDef kFunctions[] = {
    {"acos", f_unary<c_acos>, kMethO, "Return the arc cosine of z."},
    {"acosh", f_unary<c_acosh>, kMethO, "Return the inverse hyperbolic cosine of z."},
    {"asin", f_unary<c_asin>, kMethO, "Return the arc sine of z."},
    {"asinh", f_unary<c_asinh>, kMethO, "Return the inverse hyperbolic sine of z."},
    {"atan", f_unary<c_atan>, kMethO, "Return the arc tangent of z."},
    {"atanh", f_unary<c_atanh>, kMethO, "Return the inverse hyperbolic tangent of z."},
    {"cos", f_unary<c_cos>, kMethO, "Return the cosine of z."},
    {"cosh", f_unary<c_cosh>, kMethO, "Return the hyperbolic cosine of z."},
    {"exp", f_unary<c_exp>, kMethO, "Return the exponential value e**z."},
    {"isclose", f_isclose, kMethFastKw, "Determine whether two complex numbers are close in value."},
    {"isfinite", f_pred<p_finite>, kMethO, "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isinf", f_pred<p_inf>, kMethO, "Checks if the real or imaginary part of z is infinite."},
    {"isnan", f_pred<p_nan>, kMethO, "Checks if the real or imaginary part of z not a number (NaN)."},
    {"log", f_log, kMethFast, "log(z[, base]) -> the logarithm of z to the given base.\n\nIf the base not specified, returns the natural logarithm (base e) of z."},
    {"log10", f_unary<c_log10>, kMethO, "Return the base-10 logarithm of z."},
    {"phase", f_phase, kMethO, "Return argument, also known as the phase angle, of a complex."},
    {"polar", f_polar, kMethO, "Convert a complex from rectangular coordinates to polar coordinates.\n\nr is the distance from 0 and phi the phase angle."},
    {"rect", f_rect, kMethFast, "Convert from polar coordinates to rectangular coordinates."},
    {"sin", f_unary<c_sin>, kMethO, "Return the sine of z."},
    {"sinh", f_unary<c_sinh>, kMethO, "Return the hyperbolic sine of z."},
    {"sqrt", f_unary<c_sqrt>, kMethO, "Return the square root of z."},
    {"tan", f_unary<c_tan>, kMethO, "Return the tangent of z."},
    {"tanh", f_unary<c_tanh>, kMethO, "Return the hyperbolic tangent of z."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_cmath_module() {
  Value m = module_new_cstr("cmath");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  const struct {
    const char* name;
    double re, im;
    bool complex;
  } constants[] = {{"pi", M_PI, 0, false},         {"e", M_E, 0, false},
                   {"tau", 2 * M_PI, 0, false},    {"inf", HUGE_VAL, 0, false},
                   {"infj", 0, HUGE_VAL, true},    {"nan", NAN, 0, false},
                   {"nanj", 0, NAN, true}};
  for (const auto& c : constants) {
    Value v = c.complex ? complex_from_doubles(c.re, c.im) : float_from_double(c.re);
    if (v.is_null() || dict_set_cstr(d, c.name, v) < 0) return Value();
  }
  Value doc = str_from_ascii(
      "This module provides access to mathematical functions for complex\nnumbers.");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
