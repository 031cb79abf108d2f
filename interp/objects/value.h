// interp/objects/value.h -- Value: the one 64-bit word every Python value travels in.
//
// See docs/internals/objects.md. The layout (release and checked builds alike):
//
//    63                                                              4   3   2   1   0
//   +---------------------------------------------------------------+---+---+---+---+
//   |                 signed 63-bit integer  x                                    | 1 |  small int
//   +---------------------------------------------------------------+---+---+---+---+
//   |                 Object*  (16-byte aligned)                    | 0 | 0 | 0 | 0 |  object
//   +---------------------------------------------------------------+---+---+---+---+
//   |                 0                                                             |  null
//   +-------------------------------------------------------------------------------+
//
// - small int: bits = 2x + 1, so x = bits >> 1 (arithmetic) and x is in [-2^62, 2^62 - 1].
//   Tagged ints keep their order and their &, | and ^ (see interp/objects/int.h), and adding
//   two of them is one add and one overflow check: (2x+1) + (2y+1) - 1 = 2(x+y) + 1.
// - object: a pointer to a heap object (gc::alloc gives 16-byte alignment) or to a static
//   object such as a built-in type (alignas(16) in interp/objects/object.h). None, True,
//   False, floats and big ints are all objects; bits 3..1 of an object Value are always 0.
// - null: the all-zero word. It is `Value::exception()`, the error return of every function
//   that returns a Value (the exception is pending elsewhere), and it is also what zeroed
//   memory holds, so the fields of a freshly allocated object read as null, never as None.
//
// TPY_VALUE_CHECKED: tpy has exactly one layout (it targets only 64-bit x86-64 and AArch64).
// The debug twin is a set of *checked accessors*, not a second layout: by default the
// accessors verify their precondition with TPY_DCHECK (debug builds only); compiling with
// -DTPY_VALUE_CHECKED=1 turns those checks into TPY_CHECK, live in optimised builds too, and
// makes as_object() also verify the pointer's alignment and that the object has a type.
// Every translation unit of a build must agree on the switch (it changes inline functions).
#pragma once

#include <cstdint>

#include "interp/objects/object.h"
#include "interp/support/check.h"

#ifndef TPY_VALUE_CHECKED
#define TPY_VALUE_CHECKED 0
#endif

#if TPY_VALUE_CHECKED
#define TPY_VALUE_ASSERT(cond, msg) TPY_CHECK(cond, msg)
#else
#define TPY_VALUE_ASSERT(cond, msg) TPY_DCHECK(cond, msg)
#endif

namespace tpy {

class Value {
 public:
  static constexpr int64_t kIntMin = -(int64_t{1} << 62);
  static constexpr int64_t kIntMax = (int64_t{1} << 62) - 1;
  static constexpr uint64_t kIntTag = 1;
  static constexpr uint64_t kObjectAlignMask = 15;

  // A default Value is null: the same word as exception() and as zeroed memory.
  constexpr Value() = default;

  // -- The null sentinel --------------------------------------------------------------------------
  static constexpr Value exception() { return Value(0); }
  constexpr bool is_exception() const { return m_bits == 0; }
  constexpr bool is_null() const { return m_bits == 0; }

  // -- Small ints ---------------------------------------------------------------------------------
  constexpr bool is_int() const { return (m_bits & kIntTag) != 0; }

  static constexpr bool fits_int(int64_t x) { return x >= kIntMin && x <= kIntMax; }

  // [x] must fit (fits_int); anything else goes through int_from_i64 (interp/objects/int.h),
  // which falls back to a big int.
  static constexpr Value from_int(int64_t x) {
    TPY_VALUE_ASSERT(fits_int(x), "Value::from_int: value does not fit 63 bits");
    return Value((static_cast<uint64_t>(x) << 1) | kIntTag);
  }

  // The overflow-checked constructor: false (and [*out] untouched) when [x] needs a big int.
  [[nodiscard]] static constexpr bool try_from_int(int64_t x, Value* out) {
    if (!fits_int(x)) [[unlikely]] return false;
    *out = from_int(x);
    return true;
  }

  constexpr int64_t as_int() const {
    TPY_VALUE_ASSERT(is_int(), "Value::as_int on a non-int Value");
    return static_cast<int64_t>(m_bits) >> 1;
  }

  // -- Objects ------------------------------------------------------------------------------------
  constexpr bool is_object() const { return m_bits != 0 && (m_bits & kIntTag) == 0; }

  Object* as_object() const {
    TPY_VALUE_ASSERT(is_object(), "Value::as_object on an int or null Value");
#if TPY_VALUE_CHECKED
    TPY_CHECK((m_bits & kObjectAlignMask) == 0, "Value::as_object: misaligned object pointer");
    TPY_CHECK(reinterpret_cast<const Object*>(m_bits)->type() != nullptr,
              "Value::as_object: object without a type (freed or never initialised)");
#endif
    return reinterpret_cast<Object*>(m_bits);
  }

  static Value from_object(const Object* o) {
    uint64_t bits = reinterpret_cast<uint64_t>(o);
    TPY_VALUE_ASSERT(o != nullptr, "Value::from_object(nullptr): use Value::exception()");
    TPY_VALUE_ASSERT((bits & kObjectAlignMask) == 0, "Value::from_object: misaligned pointer");
    return Value(bits);
  }

  // -- Raw bits (the JIT, hashing of identities, tests) -------------------------------------------
  constexpr uint64_t bits() const { return m_bits; }
  static constexpr Value from_bits(uint64_t bits) { return Value(bits); }

  // Identity (Python `is`), never Python `==`.
  friend constexpr bool operator==(Value a, Value b) { return a.m_bits == b.m_bits; }

 private:
  constexpr explicit Value(uint64_t bits) : m_bits(bits) {}

  uint64_t m_bits = 0;
};

static_assert(sizeof(Value) == 8, "a Value is one machine word");

}  // namespace tpy
