// interp/modules/marshal_module.cpp -- marshal: importlib's _bootstrap_external imports it for
// .pyc files, which tpy never reads or writes (sys.implementation.cache_tag is None), so the
// serialisation itself is not implemented yet.
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy {

namespace {

Value m_dumps(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("dumps", nargs, 1, 2)) return Value();
  return raise_error(exc_ValueError, "unmarshallable object");
}

Value m_loads(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("loads", nargs, 1, 1)) return Value();
  return raise_error(exc_ValueError, "bad marshal data (unknown type code)");
}

const MethodDef marshal_functions[] = {{"dumps", m_dumps, kMethFast, nullptr},
                                       {"loads", m_loads, kMethFast, nullptr},
                                       {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_marshal_module() {
  Value m = module_new_cstr("marshal");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, marshal_functions, m, str_intern("marshal")) < 0 ||
      dict_set_cstr(d, "version", Value::from_int(4)) < 0)
    return Value();
  return m;
}

}  // namespace tpy
