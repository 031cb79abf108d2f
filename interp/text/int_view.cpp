// interp/text/int_view.cpp -- A read-only view of an arbitrary-size int for the number text library.
#include "interp/text/int_view.h"

#include <gmp.h>

#include <charconv>
#include <cmath>

namespace tpy::text {

static_assert(sizeof(mp_limb_t) == sizeof(uint64_t) && GMP_NAIL_BITS == 0,
              "IntView limbs are handed to GMP as they are");

IntView int_view_of(int64_t v, uint64_t* storage) {
  // Negating through uint64_t keeps INT64_MIN's magnitude (2^63) exact.
  *storage = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
  return {v < 0, storage, v == 0 ? 0u : 1u};
}

bool parse_decimal_int(std::string_view text, OwnedInt* out) {
  size_t i = 0;
  out->negative = false;
  out->limbs.clear();
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) out->negative = text[i++] == '-';
  if (i == text.size()) return false;
  std::string values;
  for (; i < text.size(); i++) {
    if (text[i] < '0' || text[i] > '9') return false;
    if (values.empty() && text[i] == '0') continue;  // mpn_set_str wants a non-zero lead
    values += char(text[i] - '0');
  }
  if (values.empty()) {
    out->negative = false;
    return true;
  }
  out->limbs.resize(values.size() / 19 + 2);
  mp_size_t n = mpn_set_str(reinterpret_cast<mp_limb_t*>(out->limbs.data()),
                            reinterpret_cast<const unsigned char*>(values.data()),
                            values.size(), 10);
  out->limbs.resize(size_t(n));
  return true;
}

bool int_view_to_i64(const IntView& v, int64_t* out) {
  if (v.n == 0) {
    *out = 0;
    return true;
  }
  if (v.n > 1) return false;
  uint64_t m = v.limbs[0];
  if (v.negative) {
    if (m > uint64_t{1} << 63) return false;
    *out = int64_t(0 - m);
  } else {
    if (m > uint64_t(INT64_MAX)) return false;
    *out = int64_t(m);
  }
  return true;
}

bool int_view_to_double(const IntView& v, double* out) {
  double d;
  if (v.n == 0) {
    d = 0;
  } else if (v.n == 1) {
    d = double(v.limbs[0]);  // the hardware conversion rounds to nearest, ties to even
  } else {
    // The top 64 bits decide the rounding; lower non-zero bits only break ties, which a set
    // lowest bit does as well (it sits 11 bits below the last kept bit).
    uint64_t top = v.limbs[v.n - 1];
    int lead = __builtin_clzll(top);
    uint64_t next = v.limbs[v.n - 2];
    uint64_t hi = lead ? top << lead | next >> (64 - lead) : top;
    bool sticky = lead ? (next << lead) != 0 : next != 0;
    for (size_t i = 0; !sticky && i + 2 < v.n; i++) sticky = v.limbs[i] != 0;
    if (sticky) hi |= 1;
    int64_t shift = int64_t(v.n - 1) * 64 - lead;
    if (shift > 1100) return false;
    d = std::ldexp(double(hi), int(shift));
    if (std::isinf(d)) return false;
  }
  *out = v.negative ? -d : d;
  return true;
}

void int_view_digits(std::string& out, const IntView& v, int base) {
  if (v.n <= 1) {
    char buf[72];
    auto r = std::to_chars(buf, buf + sizeof buf, v.n ? v.limbs[0] : uint64_t{0}, base);
    out.append(buf, r.ptr);
    return;
  }
  mpz_t z;
  mpz_roinit_n(z, reinterpret_cast<const mp_limb_t*>(v.limbs), mp_size_t(v.n));
  size_t at = out.size();
  out.resize(at + mpz_sizeinbase(z, base) + 2);
  mpz_get_str(out.data() + at, base, z);
  out.resize(at + std::char_traits<char>::length(out.data() + at));
}

}  // namespace tpy::text
