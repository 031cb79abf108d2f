// interp/objects/int_div.cpp -- int: floor division and modulo, powers, modular powers, gcd.
//
// GMP divides toward zero (mpn_tdiv_qr); Python floors. When the signs differ and the
// remainder is not zero, the floored quotient is one further from zero and the remainder
// becomes |b| - r with the divisor's sign. pow(base, exp, mod) and gcd use mpz functions on
// read-only views of the operands' limbs (mpz_roinit_n), since GMP has no mpn API for them.
#include <numeric>
#include <utility>

#include "interp/objects/internal/bigint.h"

namespace tpy {

namespace {

// -- Floor division -------------------------------------------------------------------------------

// Floor quotient and remainder of [a] by a non-zero [b] into [*q] and [*r] (either may be
// null). False when out of memory (pending).
bool floor_divmod(Value a, Value b, Value* q, Value* r) {
  IntOperand x(a), y(b);
  mp_size_t qn = x.n() >= y.n() ? x.n() - y.n() + 1 : 0;
  Scratch rem(y.n());
  IntBuilder quot(qn + 1);
  if (!rem.ok() || !quot.ok()) return int_fail_bool(IntError::kOutOfMemory);
  mp_limb_t* qd = quot.limbs();
  mp_limb_t* rd = rem.get();
  if (qn > 0) {
    mpn_tdiv_qr(qd, rd, 0, x.d(), x.n(), y.d(), y.n());
  } else {
    for (mp_size_t i = 0; i < y.n(); i++) rd[i] = i < x.n() ? x.d()[i] : 0;
  }
  qd[qn] = 0;
  mp_size_t rn = mag_normalize(rd, y.n());
  bool floor_adjust = rn > 0 && x.neg() != y.neg();
  if (floor_adjust) qd[qn] = qn > 0 ? mpn_add_1(qd, qd, qn, 1) : 1;
  if (q) {
    *q = quot.finish(qn + 1, x.neg() != y.neg());
    if (q->is_exception()) return false;
  }
  if (!r) return true;
  IntBuilder out(y.n());
  if (!out.ok()) return int_fail_bool(IntError::kOutOfMemory);
  if (floor_adjust) {
    mpn_sub(out.limbs(), y.d(), y.n(), rd, rn);
  } else {
    mpn_copyi(out.limbs(), rd, y.n());
  }
  *r = out.finish(y.n(), y.neg());
  return !r->is_exception();
}

bool is_zero(Value v) { return v == Value::from_int(0); }

}  // namespace

Value int_floordiv_slow(Value a, Value b) {
  if (is_zero(b)) return int_fail(IntError::kZeroDivision);
  Value q;
  return floor_divmod(a, b, &q, nullptr) ? q : Value::exception();
}

Value int_mod_slow(Value a, Value b) {
  if (is_zero(b)) return int_fail(IntError::kModuloByZero);
  Value r;
  return floor_divmod(a, b, nullptr, &r) ? r : Value::exception();
}

Value int_divmod(Value a, Value b, Value* rem) {
  if (is_zero(b)) return int_fail(IntError::kZeroDivision);
  Value q;
  return floor_divmod(a, b, &q, rem) ? q : Value::exception();
}

// -- Powers ---------------------------------------------------------------------------------------

namespace {

// base ** e for small ints when no step overflows 64 bits; false otherwise.
bool pow_small(int64_t base, uint64_t e, Value* out) {
  int64_t result = 1;
  while (true) {
    if ((e & 1) && __builtin_mul_overflow(result, base, &result)) return false;
    e >>= 1;
    if (e == 0) break;
    if (__builtin_mul_overflow(base, base, &base)) return false;
  }
  *out = int_from_i64(result);
  return true;
}

// An exponent beyond int64: only bases 0, 1 and -1 have a result that fits in memory.
Value pow_huge_exponent(Value base, Value exp) {
  if (base == Value::from_int(0) || base == Value::from_int(1)) return base;
  if (base == Value::from_int(-1)) {
    IntOperand e(exp);
    return Value::from_int((e.d()[0] & 1) ? -1 : 1);
  }
  return int_fail(IntError::kOutOfMemory);
}

// |x| ** e by left-to-right binary exponentiation, e >= 2; [bits] bounds the result's size.
Value pow_mag(const IntOperand& x, uint64_t e, uint64_t bits, bool negative) {
  mp_size_t cap = static_cast<mp_size_t>(bits / kLimbBits) + 4;
  Scratch buf_a(cap), buf_b(cap);
  if (!buf_a.ok() || !buf_b.ok()) return int_fail(IntError::kOutOfMemory);
  mp_limb_t* r = buf_a.get();
  mp_limb_t* t = buf_b.get();
  mpn_copyi(r, x.d(), x.n());
  mp_size_t rn = x.n();
  for (int bit = 62 - __builtin_clzll(e); bit >= 0; bit--) {
    mpn_sqr(t, r, rn);
    rn = mag_normalize(t, 2 * rn);
    std::swap(r, t);
    if ((e >> bit) & 1) {
      mpn_mul(t, r, rn, x.d(), x.n());
      rn = mag_normalize(t, rn + x.n());
      std::swap(r, t);
    }
  }
  return int_from_limbs(r, rn, negative);
}

}  // namespace

Value int_pow(Value base, Value exp) {
  if (int_sign(exp) < 0) return int_fail(IntError::kNegativeExponent);
  int64_t e64;
  if (!int_to_i64(exp, &e64)) return pow_huge_exponent(base, exp);
  uint64_t e = static_cast<uint64_t>(e64);
  Value out;
  if (base.is_int() && pow_small(base.as_int(), e, &out)) return out;
  IntOperand x(base);
  if (e == 0) return Value::from_int(1);
  if (x.is_zero() || e == 1) return base;
  bool negative = x.neg() && (e & 1);
  uint64_t base_bits = mag_bit_length(x.d(), x.n());
  if (base_bits - 1 > static_cast<uint64_t>(kMaxLimbs) * kLimbBits / e)
    return int_fail(IntError::kOutOfMemory);
  if (mpn_popcount(x.d(), x.n()) == 1) {  // a power of two: a shift
    Value one = Value::from_int(negative ? -1 : 1);
    return int_lshift(one, Value::from_int(static_cast<int64_t>((base_bits - 1) * e)));
  }
  return pow_mag(x, e, base_bits * e, negative);
}

// -- Modular powers and gcd (mpz on borrowed limbs) -----------------------------------------------

namespace {

// A read-only mpz over [x]'s limbs; [absolute] drops the sign.
mpz_srcptr mpz_view(mpz_t storage, const IntOperand& x, bool absolute = false) {
  return mpz_roinit_n(storage, x.d(), x.neg() && !absolute ? -x.n() : x.n());
}

// Moves an mpz result into an int and clears it.
Value int_from_mpz(mpz_t z) {
  Value v = int_from_limbs(mpz_limbs_read(z), static_cast<mp_size_t>(mpz_size(z)), mpz_sgn(z) < 0);
  mpz_clear(z);
  return v;
}

}  // namespace

Value int_powmod(Value base, Value exp, Value mod) {
  IntOperand b(base), e(exp), m(mod);
  if (m.is_zero()) return int_fail(IntError::kPowModulusZero);
  if (m.n() == 1 && m.d()[0] == 1) return Value::from_int(0);
  mpz_t bs, es, ms, r;
  mpz_srcptr mz = mpz_view(ms, m, true);
  mpz_init(r);
  mpz_mod(r, mpz_view(bs, b), mz);
  if (e.neg() && mpz_invert(r, r, mz) == 0) {
    mpz_clear(r);
    return int_fail(IntError::kNotInvertible);
  }
  mpz_powm(r, r, mpz_view(es, e, true), mz);
  if (m.neg() && mpz_sgn(r) != 0) mpz_sub(r, r, mz);
  return int_from_mpz(r);
}

Value int_gcd(Value a, Value b) {
  if (a.bits() & b.bits() & Value::kIntTag)
    return int_from_u64(std::gcd(magnitude(a.as_int()), magnitude(b.as_int())));
  IntOperand x(a), y(b);
  mpz_t xs, ys, r;
  mpz_init(r);
  mpz_gcd(r, mpz_view(xs, x), mpz_view(ys, y));
  return int_from_mpz(r);
}

}  // namespace tpy
