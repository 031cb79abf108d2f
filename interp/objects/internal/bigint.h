// interp/objects/internal/bigint.h -- BigInt layout and the helpers the int_*.cpp files share.
//
// Internal to interp/objects/int*.cpp: everything else uses interp/objects/int.h. A BigInt is
// the 16-byte header followed by its GMP limbs (least significant first); the header's
// type-owned 32 bits hold the signed limb count, whose sign is the number's. Invariants:
//   1. the most significant limb is non-zero (size >= 1; zero is always a tagged int);
//   2. the value does not fit a tagged int (canonical form, see int.h);
//   3. a BigInt is immutable once returned as a Value.
// The code works on magnitudes with GMP's mpn functions; IntOperand reads any int as a
// magnitude and a sign, IntBuilder collects a result and normalises it into a Value.
#pragma once

#include <gmp.h>

#include <cstdlib>
#include <cstring>

#include "gc/heap.h"
#include "interp/objects/int.h"

namespace tpy {

static_assert(sizeof(mp_limb_t) == 8 && GMP_NUMB_BITS == 64, "tpy expects 64-bit GMP limbs");

constexpr int kLimbBits = 64;
// The largest BigInt: 2**30 limbs (8 GiB, 2**36 bits); larger results are OutOfMemory.
constexpr mp_size_t kMaxLimbs = mp_size_t{1} << 30;

class BigInt : public Object {
 public:
  mp_size_t size() const { return aux() < 0 ? -mp_size_t{aux()} : aux(); }
  bool negative() const { return aux() < 0; }
  const mp_limb_t* limbs() const { return reinterpret_cast<const mp_limb_t*>(this + 1); }
  mp_limb_t* limbs() { return reinterpret_cast<mp_limb_t*>(this + 1); }
  void set_size(mp_size_t n, bool negative) {
    set_aux(static_cast<int32_t>(negative ? -n : n));
  }
};
static_assert(sizeof(BigInt) == sizeof(Object), "limbs start right after the header");

inline BigInt* as_big(Value v) {
  TPY_DCHECK(is_big_int(v), "as_big: not a big int");
  return static_cast<BigInt*>(v.as_object());
}

// int_fail for functions that return bool: records [kind] and returns false.
[[gnu::cold]] inline bool int_fail_bool(IntError kind) {
  int_fail(kind);
  return false;
}

// A zeroed BigInt with room for [n] limbs (size not yet set), or null when out of memory.
BigInt* big_alloc(mp_size_t n);

// |x| as a limb (exact for INT64_MIN too).
inline mp_limb_t magnitude(int64_t x) {
  return x < 0 ? 0 - static_cast<mp_limb_t>(x) : static_cast<mp_limb_t>(x);
}

// Does the magnitude [m] with sign [negative] fit a tagged int?
inline bool mag_fits_int(mp_limb_t m, bool negative) {
  return m <= static_cast<mp_limb_t>(Value::kIntMax) ||
         (negative && m == static_cast<mp_limb_t>(Value::kIntMax) + 1);
}

// -- Operands -------------------------------------------------------------------------------------

// Any int Value as magnitude {d, n} (n == 0 for zero) and sign. A small int's magnitude is
// kept in the operand itself, so operands are neither copied nor outlive their scope.
class IntOperand {
 public:
  explicit IntOperand(Value v) {
    if (v.is_int()) {
      int64_t x = v.as_int();
      m_small = magnitude(x);
      m_d = &m_small;
      m_n = m_small != 0;
      m_neg = x < 0;
    } else {
      const BigInt* b = as_big(v);
      m_d = b->limbs();
      m_n = b->size();
      m_neg = b->negative();
    }
  }
  IntOperand(const IntOperand&) = delete;
  IntOperand& operator=(const IntOperand&) = delete;

  const mp_limb_t* d() const { return m_d; }
  mp_size_t n() const { return m_n; }
  bool neg() const { return m_neg; }
  bool is_zero() const { return m_n == 0; }

 private:
  const mp_limb_t* m_d;
  mp_size_t m_n;
  bool m_neg;
  mp_limb_t m_small;
};

// Compares magnitudes |a| and |b|.
inline int mag_cmp(const mp_limb_t* a, mp_size_t an, const mp_limb_t* b, mp_size_t bn) {
  if (an != bn) return an < bn ? -1 : 1;
  return an == 0 ? 0 : mpn_cmp(a, b, an);
}
inline int mag_cmp(const IntOperand& a, const IntOperand& b) {
  return mag_cmp(a.d(), a.n(), b.d(), b.n());
}

// -- Results --------------------------------------------------------------------------------------

// The limbs of a result under construction. Results of up to kInline limbs are built on the
// stack and only allocated if they do not fit a tagged int; larger ones are built directly
// in a BigInt. Check ok() before writing: it is false when [cap] limbs cannot be allocated.
class IntBuilder {
 public:
  static constexpr mp_size_t kInline = 4;

  explicit IntBuilder(mp_size_t cap);
  IntBuilder(const IntBuilder&) = delete;
  IntBuilder& operator=(const IntBuilder&) = delete;

  bool ok() const { return m_limbs != nullptr; }
  mp_limb_t* limbs() { return m_limbs; }
  // The first [n] limbs as an int with sign [negative]: high zero limbs are dropped, values
  // that fit are tagged. May fail (OutOfMemory) only for an inline result.
  Value finish(mp_size_t n, bool negative);

 private:
  BigInt* m_big = nullptr;
  mp_limb_t* m_limbs = nullptr;
  mp_limb_t m_inline[kInline];
};

// Builds an int from a copy of [n] limbs (high zeros allowed).
Value int_from_limbs(const mp_limb_t* d, mp_size_t n, bool negative);

// Temporary limbs that are not a result: on the stack when small, else from the process
// allocator. ok() is false when the allocation failed.
class Scratch {
 public:
  explicit Scratch(mp_size_t n) {
    m_p = n <= kInline ? m_inline
                       : static_cast<mp_limb_t*>(std::malloc(static_cast<size_t>(n) * 8));
  }
  ~Scratch() {
    if (m_p != m_inline) std::free(m_p);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  bool ok() const { return m_p != nullptr; }
  mp_limb_t* get() { return m_p; }

 private:
  static constexpr mp_size_t kInline = 16;
  mp_limb_t* m_p;
  mp_limb_t m_inline[kInline];
};

// Drops high zero limbs of {d, n}.
inline mp_size_t mag_normalize(const mp_limb_t* d, mp_size_t n) {
  while (n > 0 && d[n - 1] == 0) n--;
  return n;
}

// Bits in the magnitude {d, n}, n > 0 and normalised.
inline uint64_t mag_bit_length(const mp_limb_t* d, mp_size_t n) {
  return static_cast<uint64_t>(n - 1) * kLimbBits + (kLimbBits - __builtin_clzll(d[n - 1]));
}

}  // namespace tpy
