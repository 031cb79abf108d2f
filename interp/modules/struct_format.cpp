// interp/modules/struct_format.cpp -- Format strings of the struct module (byte order, sizes,
// native alignment) and the conversion of each code, with CPython 3.11's error messages.
#include <cmath>
#include <cstring>

#include "interp/modules/math_internal.h"
#include "interp/modules/struct_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/bytes.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/tuple.h"
#include "interp/text/int_view.h"

namespace tpy::structmod {
namespace {

// Item size of code [c], or 0 when the code does not exist for this order.
int64_t item_size(char c, bool native) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
  }
}

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// -- Integers -------------------------------------------------------------------------------------

bool is_signed_code(char c) { return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n'; }

// The integer argument (an int or __index__), or null with struct.error pending.
Value integer_arg(Value v) {
  Value i = int_operand(v);
  if (!i.is_null()) return i;
  if (is_instance_of(v, &int_type) || type_of(v)->slots.index != nullptr) return number_index(v);
  raise_struct_error("required argument is not an integer");
  return Value();
}

std::string range_message(char c, bool native, bool is_signed, int64_t size) {
  if (c == 'b') return "byte format requires -128 <= number <= 127";
  if (c == 'B') return "ubyte format requires 0 <= number <= 255";
  if (c == 'H') return "ushort format requires 0 <= number <= 65535";
  if (c == 'h' && native) return "short format requires -32768 <= number <= 32767";
  int bits = static_cast<int>(size * 8);
  std::string lead = std::string("'") + c + "' format requires ";
  if (is_signed)
    return lead + std::to_string(-(int64_t{1} << (bits - 1))) + " <= number <= " +
           std::to_string((int64_t{1} << (bits - 1)) - 1);
  return lead + "0 <= number <= " + std::to_string((uint64_t{1} << bits) - 1);
}

// The bits to store for integer code [code] and argument [v]; false with an error pending.
bool integer_bits(const Code& code, bool native, Value v, uint64_t* out) {
  Value i = integer_arg(v);
  if (i.is_null()) return false;
  char c = code.c;
  bool is_signed = is_signed_code(c) || c == 'B' || c == 'H';  // B and H range-check as longs
  if (c == 'P') {
    int64_t s;
    if (int_to_i64(i, &s)) {
      *out = static_cast<uint64_t>(s);
      return true;
    }
    is_signed = false;
  }
  if (is_signed) {
    int64_t s;
    if (!int_to_i64(i, &s)) {
      raise_struct_error("argument out of range");
      return false;
    }
    int64_t lo, hi;
    if (c == 'B' || c == 'H') {
      lo = 0;
      hi = (int64_t{1} << (code.size * 8)) - 1;
    } else if (code.size < 8) {
      hi = (int64_t{1} << (code.size * 8 - 1)) - 1;
      lo = -hi - 1;
    } else {
      lo = INT64_MIN;
      hi = INT64_MAX;
    }
    if (s < lo || s > hi) {
      raise_struct_error(range_message(c, native, true, code.size));
      return false;
    }
    *out = static_cast<uint64_t>(s);
    return true;
  }
  if (int_sign(i) < 0 || int_bit_length(i) > 64) {
    raise_struct_error("argument out of range");
    return false;
  }
  uint64_t storage;
  text::IntView iv = int_view(i, &storage);
  uint64_t u = iv.n ? iv.limbs[0] : 0;
  if (code.size < 8 && u >> (code.size * 8) != 0) {
    raise_struct_error(range_message(c, native, false, code.size));
    return false;
  }
  *out = u;
  return true;
}

void store_bits(uint8_t* p, uint64_t bits, int64_t size, bool big) {
  for (int64_t k = 0; k < size; k++) {
    uint8_t byte = static_cast<uint8_t>(bits >> (8 * k));
    p[big ? size - 1 - k : k] = byte;
  }
}

uint64_t load_bits(const uint8_t* p, int64_t size, bool big) {
  uint64_t bits = 0;
  for (int64_t k = 0; k < size; k++) bits |= static_cast<uint64_t>(p[big ? size - 1 - k : k]) << (8 * k);
  return bits;
}

// -- Floats ---------------------------------------------------------------------------------------

// IEEE binary16 of [x], rounded half to even; false: OverflowError pending.
bool half_bits(double x, uint16_t* out) {
  int sign, e;
  unsigned bits;
  if (x == 0.0) {
    sign = std::signbit(x);
    e = 0;
    bits = 0;
  } else if (std::isinf(x)) {
    sign = x < 0.0;
    e = 0x1f;
    bits = 0;
  } else if (std::isnan(x)) {
    sign = std::signbit(x);
    e = 0x1f;
    bits = 512;
  } else {
    sign = x < 0.0;
    if (sign) x = -x;
    double f = std::frexp(x, &e);
    f *= 2.0;  // [1, 2)
    e--;
    if (e >= 16) goto overflow;
    if (e < -25) {
      f = 0.0;
      e = 0;
    } else if (e < -14) {
      f = std::ldexp(f, 14 + e);
      e = 0;
    } else {
      e += 15;
      f -= 1.0;
    }
    f *= 1024.0;
    bits = static_cast<unsigned>(f);
    if (f - bits > 0.5 || (f - bits == 0.5 && bits % 2 == 1)) {
      if (++bits == 1024) {
        bits = 0;
        if (++e == 31) goto overflow;
      }
    }
  }
  *out = static_cast<uint16_t>(bits | (e << 10) | (sign << 15));
  return true;
overflow:
  raise_error(exc_OverflowError, "float too large to pack with e format");
  return false;
}

double half_value(uint16_t h) {
  int sign = h >> 15, e = (h >> 10) & 0x1f;
  unsigned f = h & 0x3ff;
  if (e == 0x1f) {
    if (f == 0) return sign ? -HUGE_VAL : HUGE_VAL;
    return sign ? -NAN : NAN;
  }
  double x = f / 1024.0;
  if (e == 0) {
    e = -14;
  } else {
    x += 1.0;
    e -= 15;
  }
  x = std::ldexp(x, e);
  return sign ? -x : x;
}

// PyFloat_AsDouble; any failure becomes struct.error.
bool float_arg(Value v, double* out) {
  if (math_mod::arg_double(v, out)) return true;
  clear_exception();
  raise_struct_error("required argument is not a float");
  return false;
}

bool pack_one(const Code& code, bool native, bool big, Value v, uint8_t* p) {
  switch (code.c) {
    case 'c': {
      if (!is_bytes(v) || as_bytes(v)->length != 1) {
        raise_struct_error("char format requires a bytes object of length 1");
        return false;
      }
      *p = as_bytes(v)->data()[0];
      return true;
    }
    case 's':
    case 'p': {
      if (!is_bytes(v) && !is_bytearray(v)) {
        raise_struct_error(std::string("argument for '") + code.c + "' must be a bytes object");
        return false;
      }
      std::string_view s = bytes_view(v);
      int64_t n = static_cast<int64_t>(s.size());
      if (code.c == 's') {
        std::memcpy(p, s.data(), static_cast<size_t>(std::min(n, code.count)));
      } else if (code.count > 0) {
        n = std::min(n, code.count - 1);
        std::memcpy(p + 1, s.data(), static_cast<size_t>(n));
        *p = static_cast<uint8_t>(std::min<int64_t>(n, 255));
      }
      return true;
    }
    case '?': {
      int t = object_truthy(v);
      if (t < 0) return false;
      *p = static_cast<uint8_t>(t);
      return true;
    }
    case 'e': case 'f': case 'd': {
      double x;
      if (!float_arg(v, &x)) return false;
      if (code.c == 'e') {
        uint16_t h;
        if (!half_bits(x, &h)) return false;
        store_bits(p, h, 2, big);
      } else if (code.c == 'f') {
        float y = static_cast<float>(x);
        if (!native && std::isinf(y) && !std::isinf(x)) {
          raise_error(exc_OverflowError, "float too large to pack with f format");
          return false;
        }
        uint32_t bits;
        std::memcpy(&bits, &y, 4);
        store_bits(p, bits, 4, big);
      } else {
        uint64_t bits;
        std::memcpy(&bits, &x, 8);
        store_bits(p, bits, 8, big);
      }
      return true;
    }
    default: {
      uint64_t bits;
      if (!integer_bits(code, native, v, &bits)) return false;
      store_bits(p, bits, code.size, big);
      return true;
    }
  }
}

Value unpack_one(const Code& code, bool big, const uint8_t* p) {
  switch (code.c) {
    case 'c': return bytes_from_data(p, 1);
    case 's': return bytes_from_data(p, static_cast<size_t>(code.count));
    case 'p': {
      if (code.count == 0) return bytes_from_data(p, 0);
      int64_t n = std::min<int64_t>(*p, code.count - 1);
      return bytes_from_data(p + 1, static_cast<size_t>(n));
    }
    case '?': return Bool(*p != 0);
    case 'e': return float_from_double(half_value(static_cast<uint16_t>(load_bits(p, 2, big))));
    case 'f': {
      uint32_t bits = static_cast<uint32_t>(load_bits(p, 4, big));
      float y;
      std::memcpy(&y, &bits, 4);
      return float_from_double(y);
    }
    case 'd': {
      uint64_t bits = load_bits(p, 8, big);
      double x;
      std::memcpy(&x, &bits, 8);
      return float_from_double(x);
    }
    default: {
      uint64_t bits = load_bits(p, code.size, big);
      if (is_signed_code(code.c)) {
        int shift = static_cast<int>(64 - code.size * 8);
        int64_t s = static_cast<int64_t>(bits << shift) >> shift;
        return int_from_i64(s);
      }
      return int_from_u64(bits);
    }
  }
}

}  // namespace

bool parse_format(const std::string& fmt, Format* out) {
  size_t pos = 0;
  Order order = Order::Native;
  if (!fmt.empty()) {
    switch (fmt[0]) {
      case '@': pos = 1; break;
      case '=': order = Order::NativeStd; pos = 1; break;
      case '<': order = Order::Little; pos = 1; break;
      case '>': case '!': order = Order::Big; pos = 1; break;
      default: break;
    }
  }
  bool native = order == Order::Native;
  Format f;
  f.order = order;
  int64_t size = 0;
  auto too_long = [] {
    raise_struct_error("total struct size too long");
    return false;
  };
  while (pos < fmt.size()) {
    char c = fmt[pos++];
    if (is_space(c)) continue;
    int64_t num = 1;
    if (c >= '0' && c <= '9') {
      num = c - '0';
      for (;;) {
        c = pos < fmt.size() ? fmt[pos++] : '\0';
        if (c < '0' || c > '9') break;
        if (num > (INT64_MAX - (c - '0')) / 10) return too_long();
        num = num * 10 + (c - '0');
      }
      if (c == '\0') {
        raise_struct_error("repeat count given without format specifier");
        return false;
      }
    }
    int64_t isz = item_size(c, native);
    if (isz == 0) {
      raise_struct_error("bad char in struct format");
      return false;
    }
    if (native && size > 0 && c != 's' && c != 'p' && isz > 1) {
      int64_t extra = (isz - 1) - (size - 1) % isz;
      size += extra;
    }
    if (num > (INT64_MAX - size) / isz) return too_long();
    if (c == 's' || c == 'p') {
      f.codes.push_back({c, size, 1, num});
      f.nitems++;
    } else if (c != 'x') {
      for (int64_t k = 0; k < num; k++) f.codes.push_back({c, size + k * isz, isz, 1});
      f.nitems += num;
    }
    size += num * isz;
  }
  f.size = size;
  *out = std::move(f);
  return true;
}

bool pack_values(const Format& f, const Value* args, uint8_t* buf) {
  bool native = f.order == Order::Native;
  bool big = f.order == Order::Big;
  for (size_t i = 0; i < f.codes.size(); i++)
    if (!pack_one(f.codes[i], native, big, args[i], buf + f.codes[i].offset)) return false;
  return true;
}

Value unpack_values(const Format& f, const uint8_t* buf) {
  bool big = f.order == Order::Big;
  Value t = tuple_new(f.nitems);
  if (t.is_null()) return t;
  for (size_t i = 0; i < f.codes.size(); i++) {
    Value v = unpack_one(f.codes[i], big, buf + f.codes[i].offset);
    if (v.is_null()) return v;
    tuple_init_item(t, static_cast<int64_t>(i), v);
  }
  return t;
}

}  // namespace tpy::structmod
