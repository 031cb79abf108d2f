// interp/objects/num_util.cpp -- Helpers shared by the int, float and complex types.
#include "interp/objects/num_util.h"

#include <cstring>

#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/internal/bigint.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/unicode/char_props.h"
#include "interp/unicode/utf8.h"

namespace tpy {

Value raise_named(const char* type, std::string_view message) {
  if (type == nullptr || std::strcmp(type, "MemoryError") == 0) return raise_no_memory();
#define TPY_EXC(n, base, layout) \
  if (std::strcmp(type, #n) == 0) return raise_error(exc_##n, message);
#include "interp/objects/exceptions.def"
#undef TPY_EXC
  return raise_error(exc_SystemError, message);
}

Value raise_float_status(FloatStatus s) {
  return raise_named(float_status_type(s), float_status_message(s));
}

Value int_operand(Value v) {
  if (v.is_int() || is_big_int(v)) return v;
  if (v == True()) return Value::from_int(1);
  if (v == False()) return Value::from_int(0);
  return Value();
}

text::IntView int_view(Value v, uint64_t* storage) {
  if (v.is_int()) return text::int_view_of(v.as_int(), storage);
  BigInt* b = as_big(v);
  return {b->negative(), reinterpret_cast<const uint64_t*>(b->limbs()),
          static_cast<size_t>(b->size())};
}

Value int_from_float_int(const FloatInt& fi) {
  int64_t small;
  if (fi.to_i64(&small)) return int_from_i64(small);
  return int_from_decimal(fi.decimal());
}

Value int_from_decimal(const std::string& s) {
  Value r = int_from_string(s, 10);
  return r.is_null() ? int_raise_pending(s) : r;
}

int real_operand(Value v, double* out) {
  if (v.is_int()) {
    *out = static_cast<double>(v.as_int());
    return 1;
  }
  if (is_float(v)) {
    *out = float_as_double(v);
    return 1;
  }
  Value i = int_operand(v);
  if (i.is_null()) return 0;
  if (i.is_int()) {
    *out = static_cast<double>(i.as_int());
    return 1;
  }
  if (!int_to_double(i, out)) {
    int_take_error();
    raise_error(exc_OverflowError, "int too large to convert to float");
    return -1;
  }
  return 1;
}

std::string numeric_ascii(Value str) {
  std::string s = str_to_utf8(str), out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      i++;
      continue;
    }
    char32_t cp = unicode::decode_utf8(s, i, true);
    if (unicode::is_space(cp)) {
      out += ' ';
    } else if (int d = unicode::decimal_value(cp); d >= 0) {
      out += static_cast<char>('0' + d);
    } else {
      out += '?';
      break;
    }
  }
  return out;
}

}  // namespace tpy
