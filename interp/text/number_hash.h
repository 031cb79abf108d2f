// interp/text/number_hash.h -- hash() of numbers, str and bytes exactly as CPython 3.11 computes it.
//
// Numbers (sys.hash_info: width 64, modulus 2**61 - 1, inf 314159, imag 1000003): a number's
// hash is its value modulo the Mersenne prime P = 2**61 - 1 (negated for negative values), so
// equal ints, floats and complex numbers hash equal; -1 is reserved for errors and becomes -2.
// str and bytes: SipHash-1-3 (sys.hash_info.algorithm 'siphash13') of the data with a secret
// key; hash of empty data is 0. With PYTHONHASHSEED=0 the key is all zeros.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "interp/text/int_view.h"

namespace tpy::text {

constexpr int kHashBits = 61;
constexpr uint64_t kHashModulus = (uint64_t{1} << kHashBits) - 1;
constexpr int64_t kHashInf = 314159;
constexpr uint64_t kHashImag = 1000003;

// hash(float). NaN hashes by object identity in 3.11: the caller passes that hash (CPython's
// _Py_HashPointer of the float object) as [nan_hash].
int64_t hash_double(double v, int64_t nan_hash);
// hash(int) of an int64 and of any int.
int64_t hash_int64(int64_t v);
int64_t hash_int(const IntView& v);
// hash(complex) from the hashes of its parts (as hash_double computes them).
int64_t hash_complex(int64_t real_hash, int64_t imag_hash);

struct HashKey {
  uint64_t k0 = 0, k1 = 0;
};
// The key CPython derives from PYTHONHASHSEED=[seed] (0 disables randomisation: zero key).
// Without PYTHONHASHSEED (or with "random") CPython draws the key from os.urandom: so may tpy.
HashKey hash_key_from_seed(uint32_t seed);
// SipHash-1-3 of [n] bytes: the raw 64-bit function.
uint64_t siphash13(HashKey key, const void* data, size_t n);
// hash(bytes) / the hash of str data: 0 for no bytes, else siphash13 with -1 mapped to -2.
int64_t hash_bytes(HashKey key, const void* data, size_t n);
// hash(str) of UTF-8 / WTF-8 [s]: hashes the PEP 393 form CPython stores -- one byte per code
// point when all are < 256, else UCS-2 or UCS-4 little-endian units -- so results equal
// CPython's for the same key.
int64_t hash_str_utf8(HashKey key, std::string_view s);

}  // namespace tpy::text
