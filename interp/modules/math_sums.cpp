// interp/modules/math_sums.cpp -- math functions over many values: fsum (Shewchuk's exact
// partials), prod, hypot and dist (CPython 3.11's vector_norm with its correction step).
#include <cfloat>
#include <cmath>
#include <vector>

#include "interp/modules/math_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/tuple.h"

namespace tpy::math_mod {
namespace {

// -- fsum -----------------------------------------------------------------------------------------

Value f_fsum(Value, const Value* args, size_t, Value) {
  Value it = get_iter(args[0]);
  if (it.is_null()) return it;
  std::vector<double> p;  // partials: non-overlapping, increasing magnitude
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) {
      if (error_occurred()) return Value();
      break;
    }
    double x;
    if (!arg_double(item, &x)) return Value();
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); j++) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // Overflow of finite summands, or an infinity / NaN among them.
        if (std::isfinite(xsave))
          return raise_error(exc_OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise_error(exc_ValueError, "-inf + inf in fsum");
    return float_from_double(special_sum);
  }
  double hi = 0.0, lo = 0.0;
  size_t n = p.size();
  if (n > 0) {
    hi = p[--n];
    // Add from the top while the sum stays exact.
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    // Round half to even across partials: a half-way lo with a same-signed partial below it
    // means the true sum is past the halfway point.
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return float_from_double(hi);
}

// -- prod -----------------------------------------------------------------------------------------

Value f_prod(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1)
    return raise_format(exc_TypeError, "prod() takes exactly 1 positional argument (%zu given)",
                        nargs);
  static const char* const kw[] = {"", "start", nullptr};
  Value iterable, start;
  ArgSpec spec{"prod", kw, 1, 1, 1, false};
  if (!parse_args(spec, args, nargs, kwnames, {&iterable, &start})) return Value();
  Value result = start.is_null() ? Value::from_int(1) : start;
  Value it = get_iter(iterable);
  if (it.is_null()) return it;
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) return error_occurred() ? Value() : result;
    result = binary_op(result, item, BinOp::Multiply);
    if (result.is_null()) return result;
  }
}

// -- hypot and dist -------------------------------------------------------------------------------

struct DoubleLength {
  double hi, lo;
};
DoubleLength dl_fast_sum(double a, double b) {  // |a| >= |b|: a + b exactly as hi + lo
  double x = a + b;
  return {x, (a - x) + b};
}
DoubleLength dl_mul(double x, double y) {  // x * y exactly as hi + lo
  double z = x * y;
  return {z, std::fma(x, y, -z)};
}

// sqrt of the sum of squares of vec[0, n) (non-negative, max their maximum): the terms are
// scaled by a power of two so squares cannot overflow, summed with the error kept, and the
// square root gets one differential correction step, so the result is correctly rounded in
// nearly all cases.
double vector_norm(size_t n, double* vec, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    // ldexp(1.0, -max_e) would overflow: make subnormals normal first.
    for (size_t i = 0; i < n; i++) vec[i] /= DBL_MIN;
    return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (size_t i = 0; i < n; i++) {
    double x = vec[i] * scale;
    DoubleLength pr = dl_mul(x, x);
    DoubleLength sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  DoubleLength pr = dl_mul(-h, h);
  DoubleLength sm = dl_fast_sum(csum, pr.hi);
  csum = sm.hi;
  frac1 += pr.lo;
  frac2 += sm.lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

Value f_hypot(Value, const Value* args, size_t nargs, Value) {
  std::vector<double> v(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < nargs; i++) {
    double x;
    if (!arg_double(args[i], &x)) return Value();
    x = std::fabs(x);
    v[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_from_double(vector_norm(nargs, v.data(), max, found_nan));
}

Value f_dist(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("dist", nargs, 2, 2)) return Value();
  Value pq[2];
  for (int k = 0; k < 2; k++) {
    if (!is_tuple(args[k])) {
      pq[k] = tuple_from_iterable(args[k]);
      if (pq[k].is_null()) return Value();
    } else {
      pq[k] = args[k];
    }
  }
  int64_t n = tuple_length(pq[0]);
  if (n != tuple_length(pq[1]))
    return raise_error(exc_ValueError, "both points must have the same number of dimensions");
  std::vector<double> v(static_cast<size_t>(n));
  double max = 0.0;
  bool found_nan = false;
  for (int64_t i = 0; i < n; i++) {
    double px, qx;
    if (!arg_double(tuple_at(pq[0], i), &px) || !arg_double(tuple_at(pq[1], i), &qx))
      return Value();
    double x = std::fabs(px - qx);
    v[static_cast<size_t>(i)] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_from_double(vector_norm(v.size(), v.data(), max, found_nan));
}

}  // namespace

const MethodDef kAggregateFunctions[] = {
    {"dist", f_dist, kMethFast, nullptr},
    {"fsum", f_fsum, kMethO, nullptr},
    {"hypot", f_hypot, kMethFast, nullptr},
    {"prod", f_prod, kMethFastKw, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace tpy::math_mod
