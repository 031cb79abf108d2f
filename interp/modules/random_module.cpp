// interp/modules/random_module.cpp -- The _random module: _random.Random, the Mersenne Twister
// (MT19937) seeded by init_by_array exactly as CPython does, so `random.seed(n)` gives
// python3.11's sequences.
#include <sys/random.h>
#include <unistd.h>

#include <cstdint>
#include <ctime>
#include <vector>

#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/text/int_view.h"
#include "interp/objects/num_util.h"
#include "interp/vm/module.h"

namespace tpy {
namespace {

constexpr int kN = 624;
constexpr int kM = 397;

struct RandomObject : Object {
  int32_t index;
  uint32_t state[kN];
};

}  // namespace

constinit Type random_type{&type_type, "_random.Random", sizeof(RandomObject),
                           kTypeBaseType | kTypeImmutable};

namespace {

RandomObject* rnd(Value v) { return static_cast<RandomObject*>(v.as_object()); }

uint32_t genrand_uint32(RandomObject* r) {
  static const uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
  uint32_t* mt = r->state;
  uint32_t y;
  if (r->index >= kN) {
    int kk;
    for (kk = 0; kk < kN - kM; kk++) {
      y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
      mt[kk] = mt[kk + kM] ^ (y >> 1) ^ mag01[y & 0x1u];
    }
    for (; kk < kN - 1; kk++) {
      y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
      mt[kk] = mt[kk + (kM - kN)] ^ (y >> 1) ^ mag01[y & 0x1u];
    }
    y = (mt[kN - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
    mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ mag01[y & 0x1u];
    r->index = 0;
  }
  y = mt[r->index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= (y >> 18);
  return y;
}

void init_genrand(RandomObject* r, uint32_t s) {
  uint32_t* mt = r->state;
  mt[0] = s;
  for (int i = 1; i < kN; i++) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i;
  r->index = kN;
}

void init_by_array(RandomObject* r, const uint32_t* key, size_t len) {
  uint32_t* mt = r->state;
  init_genrand(r, 19650218u);
  size_t i = 1, j = 0;
  for (size_t k = kN > len ? kN : len; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] +
            static_cast<uint32_t>(j);
    i++;
    j++;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (size_t k = kN - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
    i++;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;  // MSB 1: a non-zero initial array
}

// 32-bit words of the non-negative int [n], least significant first (at least one).
std::vector<uint32_t> words_of(Value n) {
  uint64_t storage;
  text::IntView v = int_view(n, &storage);
  std::vector<uint32_t> key;
  for (size_t i = 0; i < v.n; i++) {
    key.push_back(static_cast<uint32_t>(v.limbs[i]));
    key.push_back(static_cast<uint32_t>(v.limbs[i] >> 32));
  }
  while (key.size() > 1 && key.back() == 0) key.pop_back();
  if (key.empty()) key.push_back(0);
  return key;
}

bool seed(RandomObject* r, Value arg) {
  if (arg.is_null() || is_none(arg)) {
    uint32_t key[kN];
    if (getrandom(key, sizeof key, 0) != static_cast<ssize_t>(sizeof key)) {
      // CPython's fallback: time and pid.
      uint32_t k[5] = {static_cast<uint32_t>(time(nullptr)), static_cast<uint32_t>(getpid()),
                       static_cast<uint32_t>(clock()), 0, 0};
      init_by_array(r, k, 5);
      return true;
    }
    init_by_array(r, key, kN);
    return true;
  }
  Value n;
  if (is_instance_of(arg, &int_type)) {
    Value i = int_operand(arg);
    if (i.is_null()) i = number_index(arg);  // an int subclass: its int value, not __abs__
    if (i.is_null()) return false;
    n = int_abs(i);
    if (n.is_null()) return int_raise_pending({}), false;
  } else {
    int64_t h = object_hash(arg);
    if (h == -1) return false;
    n = int_from_u64(static_cast<uint64_t>(h));
  }
  std::vector<uint32_t> key = words_of(n);
  init_by_array(r, key.data(), key.size());
  return true;
}

int random_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if ((type_of(self) == &random_type || type_of(self)->slots.init == random_type.slots.init) &&
      !check_no_kwargs("Random", kwnames))
    return -1;
  if (nargs > 1) {
    raise_error(exc_TypeError, "Random() requires 0 or 1 argument");
    return -1;
  }
  return seed(rnd(self), nargs == 1 ? args[0] : Value()) ? 0 : -1;
}

Value m_random(Value self, const Value*, size_t, Value) {
  uint32_t a = genrand_uint32(rnd(self)) >> 5, b = genrand_uint32(rnd(self)) >> 6;
  return float_from_double((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Value m_seed(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("seed", nargs, 0, 1)) return Value();
  return seed(rnd(self), nargs == 1 ? args[0] : Value()) ? None() : Value();
}

Value m_getrandbits(Value self, const Value* args, size_t, Value) {
  int64_t k;
  if (!arg_to_index(args[0], &k)) return Value();
  if (k < 0) return raise_error(exc_ValueError, "number of bits must be non-negative");
  RandomObject* r = rnd(self);
  if (k == 0) return Value::from_int(0);
  if (k <= 32) return int_from_u64(genrand_uint32(r) >> (32 - k));
  // Little-endian 32-bit words; the last one keeps only its top bits.
  size_t words = static_cast<size_t>((k - 1) / 32 + 1);
  std::vector<uint64_t> limbs((words + 1) / 2, 0);
  for (size_t i = 0; i < words; i++, k -= 32) {
    uint32_t w = genrand_uint32(r);
    if (k < 32) w >>= (32 - k);
    limbs[i / 2] |= static_cast<uint64_t>(w) << (32 * (i % 2));
  }
  Value result = Value::from_int(0);
  for (size_t i = limbs.size(); i-- > 0;) {
    result = int_lshift(result, Value::from_int(64));
    if (result.is_null()) return int_raise_pending({});
    result = int_or(result, int_from_u64(limbs[i]));
    if (result.is_null()) return int_raise_pending({});
  }
  return result;
}

Value m_getstate(Value self, const Value*, size_t, Value) {
  RandomObject* r = rnd(self);
  Value t = tuple_new(kN + 1);
  if (t.is_null()) return t;
  for (int i = 0; i < kN; i++) tuple_init_item(t, i, Value::from_int(r->state[i]));
  tuple_init_item(t, kN, Value::from_int(r->index));
  return t;
}

Value m_setstate(Value self, const Value* args, size_t, Value) {
  Value state = args[0];
  if (!is_tuple(state)) return raise_error(exc_TypeError, "state vector must be a tuple");
  if (tuple_length(state) != kN + 1)
    return raise_error(exc_ValueError, "state vector is the wrong size");
  uint32_t words[kN];
  for (int i = 0; i < kN; i++) {
    Value w = number_index(tuple_at(state, i));
    if (w.is_null()) return w;
    if (int_sign(w) < 0)
      return raise_error(exc_OverflowError, "can't convert negative value to unsigned int");
    if (int_bit_length(w) > 64)
      return raise_error(exc_OverflowError, "Python int too large to convert to C unsigned long");
    uint64_t storage;
    text::IntView v = int_view(w, &storage);
    uint64_t x = v.n ? v.limbs[0] : 0;  // stored as 32 bits, as CPython's C cast
    words[i] = static_cast<uint32_t>(x);
  }
  int64_t index;
  if (!arg_to_index(tuple_at(state, kN), &index)) return Value();
  if (index < 0 || index > kN) return raise_error(exc_ValueError, "invalid state");
  RandomObject* r = rnd(self);
  for (int i = 0; i < kN; i++) r->state[i] = words[i];
  r->index = static_cast<int32_t>(index);
  return None();
}

Value random_new(Type* type, const Value*, size_t, Value) {
  Object* o = alloc_instance(type);
  if (o == nullptr) return raise_no_memory();
  return Value::from_object(o);
}

const MethodDef random_methods[] = {
    {"random", m_random, kMethNoArgs, "random() -> x in the interval [0, 1)."},
    {"seed", m_seed, kMethFast, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."},
    {"getstate", m_getstate, kMethNoArgs, "getstate() -> tuple containing the current state."},
    {"setstate", m_setstate, kMethO, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", m_getrandbits, kMethO, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_random_module() {
  static bool ready = false;
  if (!ready) {
    random_type.slots.new_ = random_new;
    random_type.slots.init = random_init;
    random_type.slots.getattro = generic_getattr;
    type_init(&random_type, &object_type, TypeDefs{random_methods, nullptr, nullptr},
              "Random() -> create a random number generator with its own internal state.");
    if (error_occurred()) return Value();
    ready = true;
  }
  Value m = module_new_cstr("_random");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (dict_set_cstr(d, "Random", Value::from_object(&random_type)) < 0) return Value();
  Value doc = str_from_ascii("Module implements the Mersenne Twister random number generator.");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
