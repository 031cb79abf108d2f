// interp/text/int_view.h -- A read-only view of an arbitrary-size int for the number text library.
//
// The int object stores GMP limbs; formatting and hashing only need to read them, so they take
// this view (sign + little-endian 64-bit magnitude limbs) instead of an object. Small values
// and decimal strings convert to it through the helpers below.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tpy::text {

struct IntView {
  bool negative = false;
  const uint64_t* limbs = nullptr;  // magnitude, least significant first; top limb non-zero
  size_t n = 0;                     // 0 for zero

  bool is_zero() const { return n == 0; }
};

// A view of [v]; [storage] holds its single limb and must outlive the view.
IntView int_view_of(int64_t v, uint64_t* storage);

// Owns the limbs of an int parsed from decimal text.
struct OwnedInt {
  bool negative = false;
  std::vector<uint64_t> limbs;
  IntView view() const { return {negative, limbs.data(), limbs.size()}; }
};
// "[+-]digits" (ASCII, no underscores or spaces) to limbs; false when malformed.
bool parse_decimal_int(std::string_view text, OwnedInt* out);

// The value if it fits an int64.
bool int_view_to_i64(const IntView& v, int64_t* out);
// int -> float as CPython's PyLong_AsDouble: correctly rounded, ties to even; false when the
// result would be infinite (OverflowError "int too large to convert to float").
bool int_view_to_double(const IntView& v, double* out);
// Appends the magnitude's digits in [base] (2..36, lower-case letters), "0" for zero.
void int_view_digits(std::string& out, const IntView& v, int base);

}  // namespace tpy::text
