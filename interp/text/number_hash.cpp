// interp/text/number_hash.cpp -- hash() of numbers, str and bytes exactly as CPython 3.11 computes it.
//
// Arithmetic modulo P = 2**61 - 1 is cheap because 2**61 == 1 (mod P): multiplying a residue
// by 2**k is a rotation of its 61 bits, and a 64-bit word reduces by adding its top 3 bits to
// its low 61. A double m * 2**e therefore hashes to m rotated by e mod 61, an int to its
// 64-bit limbs folded with a rotation by 64 mod 61 = 3.
#include "interp/text/number_hash.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <string>

#include "interp/unicode/utf8.h"

namespace tpy::text {
namespace {

// x < 2**61 rotated left by r (0 <= r < 61) within 61 bits: x * 2**r mod P.
uint64_t rotate61(uint64_t x, int r) {
  if (r == 0) return x;
  return ((x << r) & kHashModulus) | (x >> (kHashBits - r));
}

// Any 64-bit value to its residue in [0, P).
uint64_t reduce(uint64_t x) {
  x = (x & kHashModulus) + (x >> kHashBits);
  return x >= kHashModulus ? x - kHashModulus : x;
}

int64_t finish(uint64_t residue, bool negative) {
  int64_t h = negative ? -int64_t(residue) : int64_t(residue);
  return h == -1 ? -2 : h;
}

uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

}  // namespace

int64_t hash_double(double v, int64_t nan_hash) {
  if (std::isnan(v)) return nan_hash;
  if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
  uint64_t bits = std::bit_cast<uint64_t>(v);
  int biased = int((bits >> 52) & 0x7FF);
  uint64_t m = bits & ((uint64_t{1} << 52) - 1);
  int e = -1074;  // |v| = m * 2**e
  if (biased) {
    m |= uint64_t{1} << 52;
    e = biased - 1075;
  }
  if (m == 0) return 0;
  int r = e % kHashBits;
  if (r < 0) r += kHashBits;
  return finish(rotate61(m, r), bits >> 63);
}

int64_t hash_int64(int64_t v) {
  uint64_t magnitude = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
  return finish(reduce(magnitude), v < 0);
}

int64_t hash_int(const IntView& v) {
  uint64_t h = 0;
  for (size_t i = v.n; i-- > 0;) h = reduce(rotate61(h, 64 % kHashBits) + reduce(v.limbs[i]));
  return finish(h, v.negative);
}

int64_t hash_complex(int64_t real_hash, int64_t imag_hash) {
  uint64_t h = uint64_t(real_hash) + kHashImag * uint64_t(imag_hash);  // wraps, as in CPython
  return int64_t(h) == -1 ? -2 : int64_t(h);
}

HashKey hash_key_from_seed(uint32_t seed) {
  HashKey key;
  if (seed == 0) return key;
  // CPython fills its 24-byte secret from a linear congruential generator seeded with the
  // number; SipHash uses the first 16 bytes as two little-endian words.
  unsigned char secret[24];
  uint32_t x = seed;
  for (unsigned char& b : secret) {
    x = x * 214013u + 2531011u;
    b = static_cast<unsigned char>((x >> 16) & 0xFF);
  }
  for (int i = 7; i >= 0; i--) {
    key.k0 = key.k0 << 8 | secret[i];
    key.k1 = key.k1 << 8 | secret[8 + i];
  }
  return key;
}

uint64_t siphash13(HashKey key, const void* data, size_t n) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  uint64_t v0 = key.k0 ^ 0x736f6d6570736575ULL;
  uint64_t v1 = key.k1 ^ 0x646f72616e646f6dULL;
  uint64_t v2 = key.k0 ^ 0x6c7967656e657261ULL;
  uint64_t v3 = key.k1 ^ 0x7465646279746573ULL;
  auto round = [&] {
    v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
    v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
  };
  auto load_le = [](const unsigned char* q, size_t len) {
    uint64_t w = 0;
    for (size_t i = len; i-- > 0;) w = w << 8 | q[i];
    return w;
  };
  size_t whole = n & ~size_t{7};
  for (size_t i = 0; i < whole; i += 8) {
    uint64_t m = load_le(p + i, 8);
    v3 ^= m;
    round();  // one compression round: the "1" of SipHash-1-3
    v0 ^= m;
  }
  uint64_t last = uint64_t(n) << 56 | load_le(p + whole, n - whole);
  v3 ^= last;
  round();
  v0 ^= last;
  v2 ^= 0xff;
  round();  // three finalisation rounds: the "3"
  round();
  round();
  return v0 ^ v1 ^ v2 ^ v3;
}

int64_t hash_bytes(HashKey key, const void* data, size_t n) {
  if (n == 0) return 0;
  int64_t h = int64_t(siphash13(key, data, n));
  return h == -1 ? -2 : h;
}

int64_t hash_str_utf8(HashKey key, std::string_view s) {
  bool ascii = true;
  for (char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return hash_bytes(key, s.data(), s.size());
  std::u32string cps;
  char32_t max = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = unicode::decode_utf8(s, i, true);
    cps.push_back(c);
    max = c > max ? c : max;
  }
  int width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  std::string units;
  units.reserve(cps.size() * size_t(width));
  for (char32_t c : cps)
    for (int b = 0; b < width; b++) units += char((c >> (8 * b)) & 0xFF);
  return hash_bytes(key, units.data(), units.size());
}

}  // namespace tpy::text
