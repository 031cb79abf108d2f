// interp/modules/errno_module.cpp -- errno: the system's error codes and errorcode.
#include <cerrno>

#include "interp/objects/dict.h"
#include "interp/objects/int.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy {

Value create_errno_module() {
  Value m = module_new_cstr("errno");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  Value codes = dict_new();
  if (codes.is_null() || dict_set_cstr(d, "errorcode", codes) < 0) return Value();
#define TPY_ERRNO(name, primary)                                                   \
  {                                                                                \
    Value n = str_intern(#name), v = int_from_i64(name);                           \
    if (dict_set(d, n, v) < 0 || (primary && dict_set(codes, v, n) < 0)) return Value(); \
  }
#include "interp/modules/errno_names.def"
#undef TPY_ERRNO
  return m;
}

}  // namespace tpy
