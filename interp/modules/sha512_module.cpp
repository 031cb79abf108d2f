// interp/modules/sha512_module.cpp -- The _sha512 module (SHA-512 and SHA-384, FIPS 180-4):
// what random.py imports to seed from str/bytes, and hashlib's fallback without OpenSSL.
#include <cstdint>
#include <cstring>
#include <string>

#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/container_util.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy {
namespace {

struct ShaObject : Object {
  uint64_t h[8];
  uint64_t length_lo, length_hi;  // message length in bytes (128 bits)
  uint8_t block[128];
  int64_t used;        // bytes in [block]
  int64_t digest_size;  // 64 (sha512) or 48 (sha384)
};

}  // namespace

constinit Type sha512_type{&type_type, "_sha512.sha512", sizeof(ShaObject), kTypeImmutable};
constinit Type sha384_type{&type_type, "_sha512.sha384", sizeof(ShaObject), kTypeImmutable};

namespace {

constexpr uint64_t kK[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
    0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
    0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
    0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
    0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
    0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
    0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
    0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817};

constexpr uint64_t kInit512[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b,
                                  0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
                                  0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
constexpr uint64_t kInit384[8] = {0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17,
                                  0x152fecd8f70e5939, 0x67332667ffc00b31, 0x8eb44a8768581511,
                                  0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4};

uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

void compress(ShaObject* s, const uint8_t* p) {
  uint64_t w[80];
  for (int i = 0; i < 16; i++) {
    w[i] = 0;
    for (int k = 0; k < 8; k++) w[i] = w[i] << 8 | p[8 * i + k];
  }
  for (int i = 16; i < 80; i++) {
    uint64_t s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4], f = s->h[5],
           g = s->h[6], h = s->h[7];
  for (int i = 0; i < 80; i++) {
    uint64_t t1 = h + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + kK[i] + w[i];
    uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  s->h[0] += a; s->h[1] += b; s->h[2] += c; s->h[3] += d;
  s->h[4] += e; s->h[5] += f; s->h[6] += g; s->h[7] += h;
}

void update(ShaObject* s, const uint8_t* p, size_t n) {
  uint64_t before = s->length_lo;
  s->length_lo += n;
  if (s->length_lo < before) s->length_hi++;
  while (n > 0) {
    size_t take = std::min<size_t>(n, 128 - static_cast<size_t>(s->used));
    std::memcpy(s->block + s->used, p, take);
    s->used += static_cast<int64_t>(take);
    p += take;
    n -= take;
    if (s->used == 128) {
      compress(s, s->block);
      s->used = 0;
    }
  }
}

std::string digest(const ShaObject* src) {
  ShaObject s = *src;  // finishing must not change the object
  uint64_t bits_hi = s.length_hi << 3 | s.length_lo >> 61, bits_lo = s.length_lo << 3;
  uint8_t pad[128 + 16] = {0x80};
  size_t padlen = (s.used < 112 ? 112 : 240) - static_cast<size_t>(s.used);
  uint8_t len[16];
  for (int k = 0; k < 8; k++) {
    len[k] = static_cast<uint8_t>(bits_hi >> (56 - 8 * k));
    len[8 + k] = static_cast<uint8_t>(bits_lo >> (56 - 8 * k));
  }
  update(&s, pad, padlen);
  update(&s, len, 16);
  std::string out;
  for (int i = 0; i < 8; i++)
    for (int k = 0; k < 8; k++) out += static_cast<char>(s.h[i] >> (56 - 8 * k));
  out.resize(static_cast<size_t>(src->digest_size));
  return out;
}

ShaObject* sha(Value v) { return static_cast<ShaObject*>(v.as_object()); }

bool feed(ShaObject* s, Value data) {
  if (is_str(data)) {
    raise_error(exc_TypeError, "Strings must be encoded before hashing");
    return false;
  }
  if (!has_buffer(data)) {
    raise_error(exc_TypeError, "object supporting the buffer API required");
    return false;
  }
  BufferView b;
  if (!b.get(data)) return false;
  update(s, b.b.data, static_cast<size_t>(b.b.len));
  return true;
}

Value make(Type* t, const Value* args, size_t nargs, Value kwnames, const char* name) {
  static const char* const kw[] = {"string", "usedforsecurity", nullptr};
  Value data, usedforsecurity;
  ArgSpec spec{name, kw, 0, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&data, &usedforsecurity})) return Value();
  auto* s = static_cast<ShaObject*>(alloc_instance(t));
  if (s == nullptr) return raise_no_memory();
  std::memcpy(s->h, t == &sha384_type ? kInit384 : kInit512, sizeof s->h);
  s->digest_size = t == &sha384_type ? 48 : 64;
  if (!data.is_null() && !feed(s, data)) return Value();
  return Value::from_object(s);
}

Value f_sha512(Value, const Value* args, size_t nargs, Value kwnames) {
  return make(&sha512_type, args, nargs, kwnames, "sha512");
}
Value f_sha384(Value, const Value* args, size_t nargs, Value kwnames) {
  return make(&sha384_type, args, nargs, kwnames, "sha384");
}

Value m_update(Value self, const Value* args, size_t, Value) {
  return feed(sha(self), args[0]) ? None() : Value();
}
Value m_digest(Value self, const Value*, size_t, Value) { return bytes_from_view(digest(sha(self))); }
Value m_hexdigest(Value self, const Value*, size_t, Value) {
  static const char kHex[] = "0123456789abcdef";
  std::string d = digest(sha(self)), out;
  for (unsigned char c : d) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return str_from_ascii(out);
}
Value m_copy(Value self, const Value*, size_t, Value) {
  auto* s = static_cast<ShaObject*>(alloc_instance(type_of(self)));
  if (s == nullptr) return raise_no_memory();
  std::memcpy(reinterpret_cast<char*>(s) + sizeof(Object), reinterpret_cast<char*>(sha(self)) + sizeof(Object),
              sizeof(ShaObject) - sizeof(Object));
  return Value::from_object(s);
}

Value get_name(Value self) { return str_from_ascii(sha(self)->digest_size == 48 ? "sha384" : "sha512"); }
Value get_digest_size(Value self) { return Value::from_int(sha(self)->digest_size); }
Value get_block_size(Value) { return Value::from_int(128); }

const MethodDef sha_methods[] = {
    {"copy", m_copy, kMethNoArgs, "Return a copy of the hash object."},
    {"digest", m_digest, kMethNoArgs, "Return the digest value as a bytes object."},
    {"hexdigest", m_hexdigest, kMethNoArgs, "Return the digest value as a string of hexadecimal digits."},
    {"update", m_update, kMethO, "Update this hash object's state with the provided string."},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef sha_getsets[] = {
    {"block_size", get_block_size, nullptr, nullptr},
    {"name", get_name, nullptr, nullptr},
    {"digest_size", get_digest_size, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

const MethodDef kFunctions[] = {
    {"sha512", f_sha512, kMethFastKw, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {"sha384", f_sha384, kMethFastKw, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_sha512_module() {
  static bool ready = false;
  if (!ready) {
    for (Type* t : {&sha512_type, &sha384_type}) {
      t->slots.getattro = generic_getattr;
      type_init(t, &object_type, TypeDefs{sha_methods, nullptr, sha_getsets});
    }
    if (error_occurred()) return Value();
    ready = true;
  }
  Value m = module_new_cstr("_sha512");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  if (dict_set_cstr(d, "SHA384Type", Value::from_object(&sha384_type)) < 0) return Value();
  return m;
}

}  // namespace tpy
