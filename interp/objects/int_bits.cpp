// interp/objects/int_bits.cpp -- int: shifts, & | ^ ~ and bit_length on big ints.
//
// Python defines the bit operations on the infinite two's complement form of each int, while
// BigInt stores sign and magnitude. The binary operations therefore convert both operands to
// two's complement over one more limb than the longer needs (room for the sign), combine them
// limb by limb with GMP, and convert a negative result back. A right shift floors: shifting
// out any set bit of a negative number moves the result one further from zero.
#include <algorithm>
#include <cstring>

#include "interp/objects/internal/bigint.h"

namespace tpy {

namespace {

constexpr uint64_t kMaxBits = static_cast<uint64_t>(kMaxLimbs) * kLimbBits;

// [x] in two's complement over [n] limbs (n > x.n()).
void to_twos_complement(const IntOperand& x, mp_limb_t* out, mp_size_t n) {
  if (x.n() > 0) mpn_copyi(out, x.d(), x.n());
  std::memset(out + x.n(), 0, static_cast<size_t>(n - x.n()) * sizeof(mp_limb_t));
  if (x.neg()) mpn_neg(out, out, n);
}

// The shift count [n] as a non-negative int64, or the error: NegativeShift (pending) for a
// negative count, false with [*huge] set for a count beyond int64.
bool shift_count(Value n, int64_t* count, bool* huge) {
  *huge = false;
  if (int_sign(n) < 0) return int_fail_bool(IntError::kNegativeShift);
  if (!int_to_i64(n, count)) *huge = true;
  return true;
}

}  // namespace

Value int_lshift_slow(Value a, Value n) {
  int64_t count;
  bool huge;
  if (!shift_count(n, &count, &huge)) return Value::exception();
  if (int_sign(a) == 0) return Value::from_int(0);
  if (huge || static_cast<uint64_t>(count) > kMaxBits) return int_fail(IntError::kOutOfMemory);
  IntOperand x(a);
  mp_size_t limbs = count / kLimbBits;
  unsigned bits = count % kLimbBits;
  IntBuilder r(x.n() + limbs + 1);
  if (!r.ok()) return int_fail(IntError::kOutOfMemory);
  mp_limb_t* d = r.limbs();
  std::memset(d, 0, static_cast<size_t>(limbs) * sizeof(mp_limb_t));
  if (bits != 0) {
    d[limbs + x.n()] = mpn_lshift(d + limbs, x.d(), x.n(), bits);
  } else {
    mpn_copyi(d + limbs, x.d(), x.n());
    d[limbs + x.n()] = 0;
  }
  return r.finish(x.n() + limbs + 1, x.neg());
}

Value int_rshift_slow(Value a, Value n) {
  int64_t count;
  bool huge;
  if (!shift_count(n, &count, &huge)) return Value::exception();
  IntOperand x(a);
  if (huge || x.is_zero() || static_cast<uint64_t>(count) >= mag_bit_length(x.d(), x.n()))
    return Value::from_int(x.neg() ? -1 : 0);
  mp_size_t limbs = count / kLimbBits;
  unsigned bits = count % kLimbBits;
  mp_size_t rn = x.n() - limbs;
  IntBuilder r(rn + 1);
  if (!r.ok()) return int_fail(IntError::kOutOfMemory);
  mp_limb_t* d = r.limbs();
  bool lost = limbs > 0 && !mpn_zero_p(x.d(), limbs);
  if (bits != 0) {
    lost |= mpn_rshift(d, x.d() + limbs, rn, bits) != 0;
  } else {
    mpn_copyi(d, x.d() + limbs, rn);
  }
  d[rn] = x.neg() && lost ? mpn_add_1(d, d, rn, 1) : 0;
  return r.finish(rn + 1, x.neg());
}

Value int_bitop_slow(BitOp op, Value a, Value b) {
  IntOperand x(a), y(b);
  mp_size_t n = std::max(x.n(), y.n()) + 1;
  Scratch tx(n), ty(n);
  IntBuilder r(n);
  if (!tx.ok() || !ty.ok() || !r.ok()) return int_fail(IntError::kOutOfMemory);
  to_twos_complement(x, tx.get(), n);
  to_twos_complement(y, ty.get(), n);
  mp_limb_t* d = r.limbs();
  switch (op) {
    case BitOp::kAnd: mpn_and_n(d, tx.get(), ty.get(), n); break;
    case BitOp::kOr: mpn_ior_n(d, tx.get(), ty.get(), n); break;
    case BitOp::kXor: mpn_xor_n(d, tx.get(), ty.get(), n); break;
  }
  bool negative = d[n - 1] >> (kLimbBits - 1);
  if (negative) mpn_neg(d, d, n);
  return r.finish(n, negative);
}

// ~a = -(a + 1): |a| + 1 negated for a >= 0, |a| - 1 for a < 0.
Value int_invert_slow(Value a) {
  IntOperand x(a);
  IntBuilder r(x.n() + 1);
  if (!r.ok()) return int_fail(IntError::kOutOfMemory);
  mp_limb_t* d = r.limbs();
  if (x.neg()) {
    mpn_sub_1(d, x.d(), x.n(), 1);
    d[x.n()] = 0;
  } else {
    d[x.n()] = mpn_add_1(d, x.d(), x.n(), 1);
  }
  return r.finish(x.n() + 1, !x.neg());
}

uint64_t int_bit_length(Value v) {
  IntOperand x(v);
  return x.is_zero() ? 0 : mag_bit_length(x.d(), x.n());
}

}  // namespace tpy
