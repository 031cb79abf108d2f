// interp/objects/str_translate.cpp -- str.translate and the str.maketrans static method.
#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str_internal.h"

namespace tpy {

Value m_translate(Value self, const Value* args, size_t, Value) {
  Value table = args[0];
  std::u32string out;
  const int64_t len = str_length(self);
  out.reserve(static_cast<size_t>(len));
  for (int64_t i = 0; i < len; i++) {
    uint32_t c = as_str(self)->at(i);
    Value r = getitem(table, Value::from_int(c));
    if (r.is_null()) {
      // A missing key (KeyError, IndexError) leaves the character as it is.
      if (!error_matches(exc_LookupError)) return r;
      clear_exception();
      out.push_back(c);
      continue;
    }
    if (is_none(r)) continue;
    if (is_str(r)) {
      str_append_u32(out, r);
    } else if (Value iv = int_operand(r); !iv.is_null()) {
      int64_t cp;
      if (!int_to_i64(iv, &cp) || cp < 0 || cp > 0x10FFFF) {
        return raise_error(exc_ValueError, "character mapping must be in range(0x110000)");
      }
      out.push_back(static_cast<char32_t>(cp));
    } else {
      return raise_error(exc_TypeError, "character mapping must return integer, None or str");
    }
  }
  return str_from_u32(out);
}

// maketrans(x[, y[, z]]): a dict from code points to code points, strs or None.
Value m_maketrans(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("maketrans", nargs, 1, 3)) return Value();
  Value x = args[0];
  Value out = dict_new();
  if (out.is_null()) return out;
  if (nargs == 1) {
    if (!is_dict(x))
      return raise_error(exc_TypeError, "if you give only one argument to maketrans it must be a dict");
    int64_t pos = 0;
    Value key, value;
    while (dict_next(x, &pos, &key, &value)) {
      if (is_str(key)) {
        if (str_length(key) != 1)
          return raise_error(exc_ValueError, "string keys in translate table must be of length 1");
        key = Value::from_int(as_str(key)->at(0));
      } else if (!key.is_int() && !type_of(key)->has_flag(kTypeIntSubclass)) {
        return raise_error(exc_TypeError, "keys in translate table must be strings or integers");
      }
      if (dict_set(out, key, value) < 0) return Value();
    }
    return out;
  }
  for (size_t k = 1; k < nargs; k++)
    if (!is_str(args[k]))
      return raise_format(exc_TypeError, "maketrans() argument %zu must be str, not %.200s",
                          k + 1, clinic_type_name(args[k]));
  if (!is_str(x))
    return raise_error(exc_TypeError,
                       "first maketrans argument must be a string if there is a second argument");
  Value y = args[1];
  if (str_length(x) != str_length(y))
    return raise_error(exc_ValueError, "the first two maketrans arguments must have equal length");
  for (int64_t i = 0; i < str_length(x); i++)
    if (dict_set(out, Value::from_int(as_str(x)->at(i)), Value::from_int(as_str(y)->at(i))) < 0)
      return Value();
  if (nargs == 3)
    for (int64_t i = 0; i < str_length(args[2]); i++)
      if (dict_set(out, Value::from_int(as_str(args[2])->at(i)), None()) < 0) return Value();
  return out;
}

}  // namespace tpy
