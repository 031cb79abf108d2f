// interp/modules/math_integer.cpp -- math functions of integers: gcd, lcm, factorial, isqrt,
// comb, perm, computed with GMP on any size of int.
#include <gmp.h>

#include <algorithm>

#include "interp/modules/math_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/internal/bigint.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"

namespace tpy::math_mod {
namespace {

// An mpz owned by this scope.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

// A read-only mpz over the limbs of exact int [v]; [storage] holds a small int's limb.
mpz_srcptr mpz_view(Value v, mpz_t view, uint64_t* storage) {
  text::IntView iv = int_view(v, storage);
  mpz_roinit_n(view, reinterpret_cast<const mp_limb_t*>(iv.limbs),
               iv.negative ? -static_cast<mp_size_t>(iv.n) : static_cast<mp_size_t>(iv.n));
  return view;
}

Value from_mpz(const mpz_t z) {
  Value r = int_from_limbs(z->_mp_d, std::abs(z->_mp_size), z->_mp_size < 0);
  return r.is_null() ? int_raise_pending({}) : r;
}

Value checked(Value r) { return r.is_null() ? int_raise_pending({}) : r; }

// gcd / lcm of any number of ints: [empty] for none, |x| for one, else [step] folded left
// to right; once the result is [absorbing] the other arguments are only checked to be ints.
Value fold_ints(const Value* args, size_t nargs, Value empty, Value absorbing,
                Value (*step)(Value, Value)) {
  if (nargs == 0) return empty;
  Value res = number_index(args[0]);
  if (res.is_null()) return res;
  if (nargs == 1) return checked(int_abs(res));
  for (size_t i = 1; i < nargs; i++) {
    Value x = number_index(args[i]);
    if (x.is_null()) return x;
    if (res == absorbing) continue;
    res = step(res, x);
    if (res.is_null()) return res;
  }
  return res;
}

Value gcd_step(Value a, Value b) { return checked(int_gcd(a, b)); }

Value lcm_step(Value a, Value b) {
  if (b == Value::from_int(0)) return b;
  Value g = checked(int_gcd(a, b));
  if (g.is_null()) return g;
  Value f = checked(int_floordiv(a, g));
  if (f.is_null()) return f;
  Value m = checked(int_mul(f, b));
  if (m.is_null()) return m;
  return checked(int_abs(m));
}

Value f_gcd(Value, const Value* args, size_t nargs, Value) {
  return fold_ints(args, nargs, Value::from_int(0), Value::from_int(1), gcd_step);
}

Value f_lcm(Value, const Value* args, size_t nargs, Value) {
  return fold_ints(args, nargs, Value::from_int(1), Value::from_int(0), lcm_step);
}

Value factorial(Value arg) {
  Value n = number_index(arg);
  if (n.is_null()) return n;
  int64_t x;
  if (!int_to_i64(n, &x))
    return int_sign(n) < 0
               ? raise_error(exc_ValueError, "factorial() not defined for negative values")
               : raise_format(exc_OverflowError,
                              "factorial() argument should not exceed %lld",
                              static_cast<long long>(INT64_MAX));
  if (x < 0) return raise_error(exc_ValueError, "factorial() not defined for negative values");
  Mpz r;
  mpz_fac_ui(r.z, static_cast<unsigned long>(x));
  return from_mpz(r.z);
}

Value f_factorial(Value, const Value* args, size_t, Value) { return factorial(args[0]); }

Value f_isqrt(Value, const Value* args, size_t, Value) {
  Value n = number_index(args[0]);
  if (n.is_null()) return n;
  if (int_sign(n) < 0) return raise_error(exc_ValueError, "isqrt() argument must be nonnegative");
  uint64_t storage;
  mpz_t view;
  Mpz r;
  mpz_sqrt(r.z, mpz_view(n, view, &storage));
  return from_mpz(r.z);
}

// The operands of comb and perm as non-negative ints; false with an exception pending.
bool comb_operands(const Value* args, Value* n, Value* k) {
  *n = number_index(args[0]);
  if (n->is_null()) return false;
  *k = number_index(args[1]);
  if (k->is_null()) return false;
  if (int_sign(*n) < 0) {
    raise_error(exc_ValueError, "n must be a non-negative integer");
    return false;
  }
  if (int_sign(*k) < 0) {
    raise_error(exc_ValueError, "k must be a non-negative integer");
    return false;
  }
  return true;
}

// n! / (n-k)! when [perm], else n! / (k! (n-k)!), for 0 <= k <= n with k fitting a C long.
Value perm_comb(Value n, uint64_t k, bool perm) {
  uint64_t storage;
  mpz_t view;
  Mpz r;
  mpz_bin_ui(r.z, mpz_view(n, view, &storage), k);
  if (perm) {
    Mpz f;
    mpz_fac_ui(f.z, k);
    mpz_mul(r.z, r.z, f.z);
  }
  return from_mpz(r.z);
}

Value f_comb(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("comb", nargs, 2, 2)) return Value();
  Value n, k;
  if (!comb_operands(args, &n, &k)) return Value();
  Value diff = checked(int_sub(n, k));
  if (diff.is_null()) return diff;
  if (int_sign(diff) < 0) return Value::from_int(0);
  if (int_compare(diff, k) < 0) k = diff;
  int64_t ki;
  if (!int_to_i64(k, &ki))
    return raise_format(exc_OverflowError, "min(n - k, k) must not exceed %lld",
                        static_cast<long long>(INT64_MAX));
  if (ki == 0) return Value::from_int(1);
  if (ki == 1) return n;
  return perm_comb(n, static_cast<uint64_t>(ki), false);
}

Value f_perm(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("perm", nargs, 1, 2)) return Value();
  if (nargs == 1 || is_none(args[1])) return factorial(args[0]);
  Value n, k;
  if (!comb_operands(args, &n, &k)) return Value();
  Value diff = checked(int_sub(n, k));
  if (diff.is_null()) return diff;
  if (int_sign(diff) < 0) return Value::from_int(0);
  int64_t ki;
  if (!int_to_i64(k, &ki))
    return raise_format(exc_OverflowError, "k must not exceed %lld",
                        static_cast<long long>(INT64_MAX));
  if (ki == 0) return Value::from_int(1);
  if (ki == 1) return n;
  return perm_comb(n, static_cast<uint64_t>(ki), true);
}

}  // namespace

const MethodDef kIntFunctions[] = {
    {"comb", f_comb, kMethFast, nullptr},
    {"factorial", f_factorial, kMethO, nullptr},
    {"gcd", f_gcd, kMethFast, nullptr},
    {"isqrt", f_isqrt, kMethO, nullptr},
    {"lcm", f_lcm, kMethFast, nullptr},
    {"perm", f_perm, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace tpy::math_mod
