// interp/modules/imp_module.cpp -- _imp: what importlib's bootstrap asks of the runtime (built-in
// modules from native_modules.def, the global import lock; no frozen or extension modules).
#include <cstring>

#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/vm/import.h"
#include "interp/vm/module.h"
#include "interp/vm/thread_state.h"
#include "gc/roots.h"

namespace tpy {

namespace {

// The global import lock (imp.acquire_lock): re-entrant, owned by one thread id.
int64_t g_lock_owner = -1;
int64_t g_lock_level = 0;

Value imp_lock_held(Value, const Value*, size_t, Value) { return Bool(g_lock_owner != -1); }

Value imp_acquire_lock(Value, const Value*, size_t, Value) {
  // One thread runs Python today; the GIL issue makes other threads wait here.
  g_lock_owner = ts().thread_id;
  g_lock_level++;
  return None();
}

Value imp_release_lock(Value, const Value*, size_t, Value) {
  if (g_lock_owner != ts().thread_id)
    return raise_error(exc_RuntimeError, "not holding the import lock");
  if (--g_lock_level == 0) g_lock_owner = -1;
  return None();
}

// sys and builtins exist from start-up and cannot be made again (is_builtin says -1).
bool is_core_module(std::string_view n) { return n == "sys" || n == "builtins"; }

Value imp_is_builtin(Value, const Value* args, size_t, Value) {
  if (!is_str(args[0]))
    return raise_format(exc_TypeError, "is_builtin() argument must be str, not %.200s",
                        type_of(args[0])->c_name());
  std::string n = str_to_utf8(args[0]);
  if (is_core_module(n)) return Value::from_int(-1);
  return Value::from_int(find_native_module(n) ? 1 : 0);
}

Value imp_create_builtin(Value, const Value* args, size_t, Value) {
  static StrConst k_name("name");
  Value name = getattr(args[0], k_name.get());
  if (name.is_null()) return name;
  if (!is_str(name))
    return raise_format(exc_TypeError, "name must be string, not %.200s",
                        type_of(name)->c_name());
  std::string n = str_to_utf8(name);
  if (is_core_module(n)) {
    Value m = import_get_module(name);
    if (!m.is_null() || error_occurred()) return m;
    return n == "sys" ? dict_get_cstr(gc::g_roots.sys_modules(), "sys") : builtins_module();
  }
  const NativeModule* row = find_native_module(n);
  if (!row) return None();
  return row->create();
}

Value imp_exec_builtin(Value, const Value*, size_t, Value) { return Value::from_int(0); }

Value imp_is_frozen(Value, const Value*, size_t, Value) { return False(); }

Value no_frozen(Value name) {
  return raise_format(exc_ImportError, "No such frozen object named %R", name);
}

Value imp_find_frozen(Value, const Value*, size_t nargs, Value kwnames) {
  if (nargs < 1) return raise_error(exc_TypeError, "find_frozen() missing required argument 'name' (pos 1)");
  (void)kwnames;
  return None();
}

Value imp_get_frozen_object(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("get_frozen_object", nargs, 1, 2)) return Value();
  return no_frozen(args[0]);
}

Value imp_frozen_name_error(Value, const Value* args, size_t, Value) { return no_frozen(args[0]); }

Value imp_extension_suffixes(Value, const Value*, size_t, Value) { return list_new(); }

// Code objects are compiled from the source path already; nothing to rewrite.
Value imp_fix_co_filename(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("_fix_co_filename", nargs, 2, 2)) return Value();
  (void)args;
  return None();
}

Value imp_create_dynamic(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("create_dynamic", nargs, 1, 2)) return Value();
  static StrConst k_name("name"), k_origin("origin");
  Value name = getattr(args[0], k_name.get());
  if (name.is_null()) return name;
  Value origin = getattr_opt(args[0], k_origin.get());
  if (origin.is_null() && error_occurred()) return origin;
  Value msg = str_from_utf8("tpy cannot load C extension module '" + str_to_utf8(name) + "'");
  if (msg.is_null()) return msg;
  return raise_import_error(msg, name, origin.is_null() ? None() : origin);
}

Value imp_exec_dynamic(Value, const Value*, size_t, Value) { return Value::from_int(0); }

Value imp_source_hash(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"key", "source", nullptr};
  Value key, source;
  ArgSpec spec{"source_hash", kw, 2, 0, 0, false, true};
  if (!parse_args(spec, args, nargs, kwnames, {&key, &source})) return Value();
  // Hash-based .pyc files are never written or read by tpy (no bytecode cache).
  return raise_error(exc_NotImplementedError, "tpy does not use hash-based .pyc files");
}

Value imp_frozen_module_names(Value, const Value*, size_t, Value) { return list_new(); }

Value imp_override_frozen(Value, const Value*, size_t, Value) { return Value::from_int(0); }

const MethodDef imp_functions[] = {
    {"lock_held", imp_lock_held, kMethNoArgs, nullptr},
    {"acquire_lock", imp_acquire_lock, kMethNoArgs, nullptr},
    {"release_lock", imp_release_lock, kMethNoArgs, nullptr},
    {"is_builtin", imp_is_builtin, kMethO, nullptr},
    {"create_builtin", imp_create_builtin, kMethO, nullptr},
    {"exec_builtin", imp_exec_builtin, kMethO, nullptr},
    {"is_frozen", imp_is_frozen, kMethO, nullptr},
    {"find_frozen", imp_find_frozen, kMethFastKw, nullptr},
    {"get_frozen_object", imp_get_frozen_object, kMethFast, nullptr},
    {"init_frozen", imp_frozen_name_error, kMethO, nullptr},
    {"is_frozen_package", imp_frozen_name_error, kMethO, nullptr},
    {"extension_suffixes", imp_extension_suffixes, kMethNoArgs, nullptr},
    {"_fix_co_filename", imp_fix_co_filename, kMethFast, nullptr},
    {"create_dynamic", imp_create_dynamic, kMethFast, nullptr},
    {"exec_dynamic", imp_exec_dynamic, kMethO, nullptr},
    {"source_hash", imp_source_hash, kMethFastKw, nullptr},
    {"_frozen_module_names", imp_frozen_module_names, kMethNoArgs, nullptr},
    {"_override_frozen_modules_for_tests", imp_override_frozen, kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_imp_module() {
  Value m = module_new_cstr("_imp");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, imp_functions, m, str_intern("_imp")) < 0) return Value();
  Value doc = str_from_ascii("(Extremely) low-level import machinery bits as used by importlib.");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  Value mode = str_from_ascii("default");
  if (mode.is_null() || dict_set_cstr(d, "check_hash_based_pycs", mode) < 0) return Value();
  return m;
}

}  // namespace tpy
