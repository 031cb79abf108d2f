// interp/objects/int.h -- Python int on Value: tagged small ints, GMP big ints, exact semantics.
//
// See docs/internals/objects.md ("int"). An int is either a tagged small int (63 bits, in the
// Value itself) or a BigInt heap object holding sign, size and GMP limbs inline. The two are
// canonical: a value that fits 63 bits is *always* tagged, so a BigInt never equals a small
// int and every operation normalises its result. Each operation has an inline fast path for
// two small ints and a `_slow` twin out of line for everything else.
//
// Operands must be exact ints (is_exact_int): bool and int subclasses are converted by the
// caller. Errors: functions returning Value return Value::exception() and leave the error
// pending (int_take_error); functions returning bool return false and likewise leave it
// pending, except where noted. This is the shape the interpreter's exceptions will have
// (issue 3): int_fail() is the one place that then raises instead of recording.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/objects/type.h"
#include "interp/objects/value.h"

namespace tpy {

// -- Errors ---------------------------------------------------------------------------------------

enum class IntError : uint8_t {
  kNone,
#define TPY_INT_ERROR(name, type, format) k##name,
#include "interp/objects/int_errors.def"
#undef TPY_INT_ERROR
};

struct IntErrorInfo {
  IntError kind = IntError::kNone;
  int64_t a = 0;  // details for the message (a limit, a digit count, a base)
  int64_t b = 0;
};

// Records [kind] as this thread's pending int error and returns Value::exception().
[[gnu::cold]] Value int_fail(IntError kind, int64_t a = 0, int64_t b = 0);
// Returns and clears the pending error.
IntErrorInfo int_take_error();
// "ZeroDivisionError", ... ("" for NegativeExponent).
const char* int_error_type(IntError kind);
// CPython's message; [literal] is the text int_from_string rejected (for InvalidLiteral).
std::string int_error_message(const IntErrorInfo& e, std::string_view literal = {});

// sys.get_int_max_str_digits / set_int_max_str_digits (0: no limit). Validation of the new
// value (0 or >= 640) is sys's job.
constexpr int64_t kDefaultIntMaxStrDigits = 4300;
int64_t int_max_str_digits();
void set_int_max_str_digits(int64_t digits);

// -- Predicates and C conversions -----------------------------------------------------------------

inline bool is_big_int(Value v) { return v.is_object() && v.as_object()->type() == &int_type; }

// An instance of a class derived from int: the exact int it stands for, then the class's own
// layout (int_type's basic size is this, so type_new puts slots and attributes after it).
class IntSubclassObject : public Object {
 public:
  Value value;
  uint64_t reserved;
};
inline bool is_exact_int(Value v) { return v.is_int() || is_big_int(v); }

[[gnu::noinline]] Value int_from_i64_slow(int64_t x);
inline Value int_from_i64(int64_t x) {
  Value v;
  if (Value::try_from_int(x, &v)) [[likely]] return v;
  return int_from_i64_slow(x);
}
Value int_from_u64(uint64_t x);
// int(float): truncates toward zero; NaN -> FloatNaN, infinities -> FloatInfinity.
Value int_from_double(double d);
// int(text, base): [base] 0 or 2..36; ASCII text (the caller maps Unicode digits and spaces to
// ASCII first, as CPython does); whitespace, sign, prefixes and underscores per int().
Value int_from_string(std::string_view text, int base);

// False when [v] does not fit (no error is left pending: callers word their own OverflowError).
[[nodiscard]] bool int_to_i64(Value v, int64_t* out);
// float(v), correctly rounded (half to even); false: TooLargeForFloat pending.
[[nodiscard]] bool int_to_double(Value v, double* out);
// Digits of [v] in [base] 2..36 (lowercase, '-' sign, no prefix) appended to [out]; false:
// StrDigitsLimit pending (bases that are not powers of two only, as str() in CPython).
[[nodiscard]] bool int_to_string(Value v, int base, std::string& out);

int int_sign(Value v);                // -1, 0 or 1
uint64_t int_bit_length(Value v);     // int.bit_length()

// hash(int): the value modulo 2**61 - 1 (sys.hash_info.modulus) with the sign kept, and -2 for
// -1 (-1 is the C-level error return). Small ints below the modulus hash to themselves.
constexpr int64_t kHashModulus = (int64_t{1} << 61) - 1;
int64_t int_hash_slow(Value v);
inline int64_t int_hash(Value v) {
  if (v.is_int() && v.as_int() < kHashModulus && v.as_int() > -kHashModulus) [[likely]]
    return v.as_int() == -1 ? -2 : v.as_int();
  return int_hash_slow(v);
}

// -- Comparisons ----------------------------------------------------------------------------------

int int_compare_slow(Value a, Value b);
// -1, 0 or 1 as a < b, a == b, a > b.
inline int int_compare(Value a, Value b) {
  if (a.bits() & b.bits() & Value::kIntTag) [[likely]] {
    int64_t x = static_cast<int64_t>(a.bits()), y = static_cast<int64_t>(b.bits());
    return (x > y) - (x < y);
  }
  return int_compare_slow(a, b);
}

bool int_equal_slow(Value a, Value b);
inline bool int_equal(Value a, Value b) {
  if (a == b) return true;
  if ((a.bits() | b.bits()) & Value::kIntTag) return false;  // small vs other: canonical forms
  return int_equal_slow(a, b);
}

// -- Arithmetic -----------------------------------------------------------------------------------
// The tagged forms: a = 2x+1, b = 2y+1. x+y is a + (b-1); x-y is a - (b-1); x*y is
// ((a-1) * y) + 1. Each overflows 64 bits exactly when the result leaves 63.

[[gnu::noinline]] Value int_add_slow(Value a, Value b);
inline Value int_add(Value a, Value b) {
  int64_t r;
  if ((a.bits() & b.bits() & Value::kIntTag) &&
      !__builtin_add_overflow(static_cast<int64_t>(a.bits()),
                              static_cast<int64_t>(b.bits() - 1), &r)) [[likely]]
    return Value::from_bits(static_cast<uint64_t>(r));
  return int_add_slow(a, b);
}

[[gnu::noinline]] Value int_sub_slow(Value a, Value b);
inline Value int_sub(Value a, Value b) {
  int64_t r;
  if ((a.bits() & b.bits() & Value::kIntTag) &&
      !__builtin_sub_overflow(static_cast<int64_t>(a.bits()),
                              static_cast<int64_t>(b.bits() - 1), &r)) [[likely]]
    return Value::from_bits(static_cast<uint64_t>(r));
  return int_sub_slow(a, b);
}

[[gnu::noinline]] Value int_mul_slow(Value a, Value b);
inline Value int_mul(Value a, Value b) {
  int64_t r;
  if ((a.bits() & b.bits() & Value::kIntTag) &&
      !__builtin_mul_overflow(static_cast<int64_t>(a.bits() - 1), b.as_int(), &r)) [[likely]]
    return Value::from_bits(static_cast<uint64_t>(r) | Value::kIntTag);
  return int_mul_slow(a, b);
}

// Floor division and modulo with Python's signs (the remainder takes the divisor's sign).
[[gnu::noinline]] Value int_floordiv_slow(Value a, Value b);
inline Value int_floordiv(Value a, Value b) {
  if ((a.bits() & b.bits() & Value::kIntTag) && b.as_int() != 0) [[likely]] {
    int64_t x = a.as_int(), y = b.as_int();
    int64_t q = x / y;
    if (x % y != 0 && ((x % y) ^ y) < 0) q--;
    return int_from_i64(q);  // only -2**62 // -1 leaves 63 bits
  }
  return int_floordiv_slow(a, b);
}

[[gnu::noinline]] Value int_mod_slow(Value a, Value b);
inline Value int_mod(Value a, Value b) {
  if ((a.bits() & b.bits() & Value::kIntTag) && b.as_int() != 0) [[likely]] {
    int64_t y = b.as_int();
    int64_t r = a.as_int() % y;
    if (r != 0 && (r ^ y) < 0) r += y;
    return Value::from_int(r);
  }
  return int_mod_slow(a, b);
}

// divmod(a, b): returns the quotient and stores the remainder in [*rem].
Value int_divmod(Value a, Value b, Value* rem);

// a ** b. A negative exponent returns exception() with NegativeExponent pending: the caller
// computes the float power, as CPython does. Exponents too large to compute: OutOfMemory.
Value int_pow(Value base, Value exp);
// pow(base, exp, mod): result has the sign of [mod]; negative [exp] uses the modular inverse.
Value int_powmod(Value base, Value exp, Value mod);
// math.gcd of two ints (non-negative result).
Value int_gcd(Value a, Value b);

[[gnu::noinline]] Value int_neg_slow(Value a);
inline Value int_neg(Value a) {
  int64_t r;  // -(2x+1) + 2 = 2(-x) + 1
  if (a.is_int() && !__builtin_sub_overflow(int64_t{2}, static_cast<int64_t>(a.bits()), &r))
      [[likely]]
    return Value::from_bits(static_cast<uint64_t>(r));
  return int_neg_slow(a);
}

inline Value int_abs(Value a) {
  bool negative = a.is_int() ? a.as_int() < 0 : int_sign(a) < 0;
  return negative ? int_neg(a) : a;
}

// -- Bits: two's complement semantics over sign-magnitude, as CPython -----------------------------

[[gnu::noinline]] Value int_invert_slow(Value a);
inline Value int_invert(Value a) {
  if (a.is_int()) [[likely]] return Value::from_bits(~a.bits() | Value::kIntTag);  // 2(-x-1)+1
  return int_invert_slow(a);
}

enum class BitOp : uint8_t { kAnd, kOr, kXor };
[[gnu::noinline]] Value int_bitop_slow(BitOp op, Value a, Value b);
// Tagged ints combine directly: (2x+1) op (2y+1) = 2(x op y) + 1 for & and |; ^ loses the tag.
inline Value int_and(Value a, Value b) {
  if (a.bits() & b.bits() & Value::kIntTag) [[likely]] return Value::from_bits(a.bits() & b.bits());
  return int_bitop_slow(BitOp::kAnd, a, b);
}
inline Value int_or(Value a, Value b) {
  if (a.bits() & b.bits() & Value::kIntTag) [[likely]] return Value::from_bits(a.bits() | b.bits());
  return int_bitop_slow(BitOp::kOr, a, b);
}
inline Value int_xor(Value a, Value b) {
  if (a.bits() & b.bits() & Value::kIntTag) [[likely]]
    return Value::from_bits((a.bits() ^ b.bits()) | Value::kIntTag);
  return int_bitop_slow(BitOp::kXor, a, b);
}

// Shifts: a negative count is NegativeShift; >> rounds toward negative infinity.
[[gnu::noinline]] Value int_lshift_slow(Value a, Value n);
inline Value int_lshift(Value a, Value n) {
  if ((a.bits() & n.bits() & Value::kIntTag) && static_cast<uint64_t>(n.as_int()) < 63) [[likely]] {
    int64_t x = a.as_int(), r = static_cast<int64_t>(static_cast<uint64_t>(x) << n.as_int());
    if ((r >> n.as_int()) == x && Value::fits_int(r)) return Value::from_int(r);
  }
  return int_lshift_slow(a, n);
}

[[gnu::noinline]] Value int_rshift_slow(Value a, Value n);
inline Value int_rshift(Value a, Value n) {
  if ((a.bits() & n.bits() & Value::kIntTag) && n.as_int() >= 0) [[likely]]
    return Value::from_int(a.as_int() >> (n.as_int() < 63 ? n.as_int() : 63));
  return int_rshift_slow(a, n);
}

}  // namespace tpy
