// interp/objects/int.cpp -- int: errors, building results, comparison, hash, + - * slow paths.
//
// See docs/internals/objects.md ("int") and interp/objects/internal/bigint.h for the layout.
// Division and powers are in int_div.cpp, bit operations in int_bits.cpp, conversions from
// and to text and floats in int_convert.cpp.
#include <cstdio>
#include <utility>

#include "interp/objects/internal/bigint.h"
#include "interp/text/repr.h"

namespace tpy {

constinit Type int_type{&type_type, "int", sizeof(IntSubclassObject), kTypeBaseType | kTypeImmutable | kTypeIntSubclass};

// -- Errors ---------------------------------------------------------------------------------------

namespace {

constinit thread_local IntErrorInfo t_int_error{};
int64_t g_int_max_str_digits = kDefaultIntMaxStrDigits;

struct IntErrorDef {
  const char* type;
  const char* format;
};
constexpr IntErrorDef kIntErrors[] = {
    {"", ""},  // kNone
#define TPY_INT_ERROR(name, type, format) {type, format},
#include "interp/objects/int_errors.def"
#undef TPY_INT_ERROR
};

// CPython's %.200R: the repr, cut after 200 code points.
std::string truncated_repr(std::string_view text) {
  std::string r;
  text::str_repr(r, text);
  size_t code_points = 0;
  for (size_t i = 0; i < r.size(); i++) {
    if ((static_cast<unsigned char>(r[i]) & 0xC0) != 0x80 && code_points++ == 200) {
      r.resize(i);
      break;
    }
  }
  return r;
}

}  // namespace

Value int_fail(IntError kind, int64_t a, int64_t b) {
  t_int_error = {kind, a, b};
  return Value::exception();
}

IntErrorInfo int_take_error() {
  IntErrorInfo e = t_int_error;
  t_int_error = {};
  return e;
}

const char* int_error_type(IntError kind) { return kIntErrors[static_cast<size_t>(kind)].type; }

std::string int_error_message(const IntErrorInfo& e, std::string_view literal) {
  const char* format = kIntErrors[static_cast<size_t>(e.kind)].format;
  char buf[320];
  if (e.kind == IntError::kInvalidLiteral) {
    std::string repr = truncated_repr(literal);
    std::string out(std::snprintf(nullptr, 0, format, static_cast<long long>(e.a), repr.c_str()),
                    '\0');
    std::snprintf(out.data(), out.size() + 1, format, static_cast<long long>(e.a), repr.c_str());
    return out;
  }
  std::snprintf(buf, sizeof buf, format, static_cast<long long>(e.a),
                static_cast<long long>(e.b));
  return buf;
}

int64_t int_max_str_digits() { return g_int_max_str_digits; }
void set_int_max_str_digits(int64_t digits) { g_int_max_str_digits = digits; }

// -- Building results -----------------------------------------------------------------------------

BigInt* big_alloc(mp_size_t n) {
  if (n > kMaxLimbs) return nullptr;
  return gc::alloc_as<BigInt>(&int_type, static_cast<size_t>(n) * sizeof(mp_limb_t));
}

IntBuilder::IntBuilder(mp_size_t cap) {
  if (cap <= kInline) {
    m_limbs = m_inline;
    return;
  }
  m_big = big_alloc(cap);
  if (m_big) m_limbs = m_big->limbs();
}

Value IntBuilder::finish(mp_size_t n, bool negative) {
  n = mag_normalize(m_limbs, n);
  if (n == 0) return Value::from_int(0);
  if (n == 1 && mag_fits_int(m_limbs[0], negative)) {
    int64_t m = static_cast<int64_t>(m_limbs[0]);
    return Value::from_int(negative ? -m : m);
  }
  if (!m_big) {
    m_big = big_alloc(n);
    if (!m_big) return int_fail(IntError::kOutOfMemory);
    mpn_copyi(m_big->limbs(), m_limbs, n);
  }
  m_big->set_size(n, negative);
  return Value::from_object(m_big);
}

Value int_from_limbs(const mp_limb_t* d, mp_size_t n, bool negative) {
  n = mag_normalize(d, n);
  IntBuilder r(n);
  if (!r.ok()) return int_fail(IntError::kOutOfMemory);
  if (n > 0) mpn_copyi(r.limbs(), d, n);
  return r.finish(n, negative);
}

// -- C integers -----------------------------------------------------------------------------------

Value int_from_i64_slow(int64_t x) {
  mp_limb_t m = magnitude(x);
  return int_from_limbs(&m, 1, x < 0);
}

Value int_from_u64(uint64_t x) {
  mp_limb_t m = x;
  return int_from_limbs(&m, 1, false);
}

bool int_to_i64(Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.as_int();
    return true;
  }
  const BigInt* b = as_big(v);
  if (b->size() != 1) return false;
  mp_limb_t m = b->limbs()[0];
  if (b->negative() ? m > (mp_limb_t{1} << 63) : m >= (mp_limb_t{1} << 63)) return false;
  *out = b->negative() ? static_cast<int64_t>(0 - m) : static_cast<int64_t>(m);
  return true;
}

int int_sign(Value v) {
  if (v.is_int()) return (v.as_int() > 0) - (v.as_int() < 0);
  return as_big(v)->negative() ? -1 : 1;
}

// -- Comparison and hash --------------------------------------------------------------------------

int int_compare_slow(Value a, Value b) {
  IntOperand x(a), y(b);
  if (x.neg() != y.neg()) return x.neg() ? -1 : 1;
  int c = mag_cmp(x, y);
  return x.neg() ? -c : c;
}

bool int_equal_slow(Value a, Value b) {
  const BigInt* x = as_big(a);
  const BigInt* y = as_big(b);
  return x->negative() == y->negative() && x->size() == y->size() &&
         mpn_cmp(x->limbs(), y->limbs(), x->size()) == 0;
}

int64_t int_hash_slow(Value v) {
  IntOperand x(v);
  uint64_t h = x.is_zero() ? 0 : mpn_mod_1(x.d(), x.n(), kHashModulus);
  int64_t r = x.neg() ? -static_cast<int64_t>(h) : static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

// -- Addition, subtraction, multiplication --------------------------------------------------------

namespace {

// [av] + [bv], or [av] - [bv] when [negate_b]: the larger magnitude minus or plus the smaller.
Value add_signed(Value av, Value bv, bool negate_b) {
  IntOperand a(av), b(bv);
  if (b.is_zero()) return av;
  if (a.is_zero()) return negate_b ? int_neg(bv) : bv;
  bool bneg = b.neg() != negate_b;
  const IntOperand* big = &a;
  const IntOperand* small = &b;
  bool big_neg = a.neg();
  if (mag_cmp(a, b) < 0) {
    std::swap(big, small);
    big_neg = bneg;
  }
  IntBuilder r(big->n() + 1);
  if (!r.ok()) return int_fail(IntError::kOutOfMemory);
  mp_limb_t* d = r.limbs();
  if (a.neg() == bneg) {
    d[big->n()] = mpn_add(d, big->d(), big->n(), small->d(), small->n());
  } else {
    mpn_sub(d, big->d(), big->n(), small->d(), small->n());
    d[big->n()] = 0;
  }
  return r.finish(big->n() + 1, big_neg);
}

}  // namespace

Value int_add_slow(Value a, Value b) { return add_signed(a, b, false); }

Value int_sub_slow(Value a, Value b) { return add_signed(a, b, true); }

Value int_mul_slow(Value a, Value b) {
  IntOperand x(a), y(b);
  if (x.is_zero() || y.is_zero()) return Value::from_int(0);
  const IntOperand* big = &x;
  const IntOperand* small = &y;
  if (x.n() < y.n()) std::swap(big, small);
  IntBuilder r(x.n() + y.n());
  if (!r.ok()) return int_fail(IntError::kOutOfMemory);
  if (big->d() == small->d() && big->n() == small->n()) {
    mpn_sqr(r.limbs(), big->d(), big->n());
  } else {
    mpn_mul(r.limbs(), big->d(), big->n(), small->d(), small->n());
  }
  return r.finish(x.n() + y.n(), x.neg() != y.neg());
}

Value int_neg_slow(Value a) {
  IntOperand x(a);
  return int_from_limbs(x.d(), x.n(), !x.neg());
}

}  // namespace tpy
