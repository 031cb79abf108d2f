// interp/modules/weakref_module.cpp -- The _weakref module: ref, proxy and the weak-list queries.
#include <vector>

#include "interp/modules/weakref.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy {

bool init_weakref_ref_type();                      // weakref_type.cpp
bool init_weakref_proxy_types();                   // weakref_proxy.cpp
int64_t weakref_count(Value ob);                   // weakref_type.cpp
void weakref_list(Value ob, std::vector<Value>* out);
Value weakref_proxy_new(Value ob, Value callback);  // weakref_proxy.cpp

namespace {

Value wr_getweakrefcount(Value, const Value* args, size_t, Value) {
  return int_from_i64(weakref_count(args[0]));
}

Value wr_getweakrefs(Value, const Value* args, size_t, Value) {
  std::vector<Value> refs;
  weakref_list(args[0], &refs);
  return list_from_array(refs.data(), static_cast<int64_t>(refs.size()));
}

Value wr_proxy(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("proxy", nargs, 1, 2)) return Value();
  return weakref_proxy_new(args[0], nargs > 1 ? args[1] : Value());
}

// _remove_dead_weakref(dict, key): del dict[key] if it still maps to a dead weakref.
Value wr_remove_dead_weakref(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("_remove_dead_weakref", nargs, 2, 2)) return Value();
  Value d = args[0], key = args[1];
  if (!is_dict(d))
    return raise_format(exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %.200s",
                        type_of(d)->c_name());
  Value v = dict_get(d, key);
  if (v.is_null()) return error_occurred() ? v : None();
  if (is_instance_of(v, &weakref_type) && weakref_get(v).is_null() && dict_del(d, key) < 0)
    return Value();
  return None();
}

const MethodDef weakref_functions[] = {
    {"getweakrefcount", wr_getweakrefcount, kMethO, nullptr},
    {"getweakrefs", wr_getweakrefs, kMethO, nullptr},
    {"proxy", wr_proxy, kMethFast, nullptr},
    {"_remove_dead_weakref", wr_remove_dead_weakref, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_weakref_module() {
  if (!init_weakref_ref_type() || !init_weakref_proxy_types()) return Value();
  Value m = module_new_cstr("_weakref");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, weakref_functions, m, str_intern("_weakref")) < 0) return Value();
  if (dict_set_cstr(d, "ref", Value::from_object(&weakref_type)) < 0 ||
      dict_set_cstr(d, "ReferenceType", Value::from_object(&weakref_type)) < 0 ||
      dict_set_cstr(d, "ProxyType", Value::from_object(&weakproxy_type)) < 0 ||
      dict_set_cstr(d, "CallableProxyType", Value::from_object(&weakcallableproxy_type)) < 0)
    return Value();
  return m;
}

}  // namespace tpy
