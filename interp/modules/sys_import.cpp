// interp/modules/sys_import.cpp -- sys attributes the import system and the stdlib read at import
// time: module name tables, _getframe, warnoptions, prefixes, encodings, audit hooks.
#include <string>

#include "interp/modules/native_modules.h"
#include "interp/modules/sys_module.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/set.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "gc/roots.h"
#include "interp/vm/frame.h"
#include "interp/vm/module.h"
#include "interp/vm/traceback.h"
#include "interp/vm/runtime.h"
#include "interp/vm/thread_state.h"

namespace tpy {

namespace {

Value sys_getframe(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("_getframe", nargs, 0, 1)) return Value();
  int64_t depth = 0;
  if (nargs && !index_to_i64(args[0], &depth)) return Value();
  Frame* f = ts().frame;
  for (; f && depth > 0; depth--) f = f->previous;
  if (!f || depth > 0) return raise_error(exc_ValueError, "call stack is not deep enough");
  return frame_object(f);
}

Value sys_getfilesystemencoding(Value, const Value*, size_t, Value) {
  return str_from_ascii("utf-8");
}
Value sys_getfilesystemencodeerrors(Value, const Value*, size_t, Value) {
  return str_from_ascii("surrogateescape");
}

// Audit hooks: tpy raises no audit events, so hooks are kept but never called.
Value sys_audit(Value, const Value*, size_t nargs, Value) {
  if (nargs < 1) return raise_error(exc_TypeError, "audit() missing 1 required positional argument: 'event'");
  return None();
}
Value sys_addaudithook(Value, const Value*, size_t, Value) { return None(); }

Value sys_is_finalizing(Value, const Value*, size_t, Value) { return False(); }

// sys.excepthook / sys.__excepthook__: print the exception and its traceback to stderr.
Value sys_excepthook(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("excepthook", nargs, 3, 3)) return Value();
  sys_flush_std_streams();
  if (is_exception_instance(args[1])) {
    print_exception(args[1]);
    return None();
  }
  Value r = object_str(args[1]);
  if (r.is_null()) return r;
  std::string text = std::string(is_type(args[0]) ? as_type(args[0])->c_name() : "?") + ": " +
                     str_to_utf8(r) + "\n";
  Value err = sys_get_stderr();
  if (err.is_null() || sys_write_text(err, text) < 0) return Value();
  return None();
}

// sys.displayhook: repr to stdout and builtins._ (None is not shown).
Value sys_displayhook(Value, const Value* args, size_t, Value) {
  Value v = args[0];
  if (is_none(v)) return None();
  Value b = dict_get_cstr(gc::g_roots.sys_modules(), "builtins");
  if (!b.is_null() && dict_set_cstr(module_dict(b), "_", None()) < 0) return Value();
  Value r = object_repr(v);
  if (r.is_null()) return r;
  Value out = sys_get_stdout();
  if (out.is_null() || sys_write_str(out, r) < 0 || sys_write_text(out, "\n") < 0) return Value();
  if (!b.is_null() && dict_set_cstr(module_dict(b), "_", v) < 0) return Value();
  return None();
}

const MethodDef sys_import_functions[] = {
    {"_getframe", sys_getframe, kMethFast, nullptr},
    {"getfilesystemencoding", sys_getfilesystemencoding, kMethNoArgs, nullptr},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, kMethNoArgs, nullptr},
    {"audit", sys_audit, kMethFastKw, nullptr},
    {"addaudithook", sys_addaudithook, kMethO, nullptr},
    {"is_finalizing", sys_is_finalizing, kMethNoArgs, nullptr},
    {"excepthook", sys_excepthook, kMethFast, nullptr},
    {"displayhook", sys_displayhook, kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

Value builtin_names() {
  Value l = list_new();
  if (l.is_null()) return l;
  for (const char* n : {"builtins", "sys"})
    if (list_append(l, str_intern(n)) < 0) return Value();
  for (const NativeModule& m : native_modules())
    if (list_append(l, str_intern(m.name)) < 0) return Value();
  if (list_sort(l, Value(), false) < 0) return Value();
  return list_as_tuple(l);
}

Value stdlib_names() {
  Value s = set_new();
  if (s.is_null()) return s;
#define TPY_STDLIB_NAME(n) \
  if (set_add(s, str_intern(n)) < 0) return Value();
#include "interp/modules/sys_stdlib_names.def"
#undef TPY_STDLIB_NAME
  return frozenset_new(s);
}

int set(Value d, const char* name, Value v) {
  if (v.is_null()) return -1;
  return dict_set_cstr(d, name, v);
}

Value orig_argv() {
  Value l = list_new();
  if (l.is_null()) return l;
  const char* const* argv = runtime_argv();
  for (int i = 0; argv && i < runtime_argc(); i++)
    if (list_append(l, str_from_utf8(argv[i])) < 0) return Value();
  return l;
}

}  // namespace

bool init_sys_import_attrs(Value d) {
  if (add_native_functions(d, sys_import_functions, sys_module(), str_intern("sys")) != 0)
    return false;
  Value prefix = str_from_ascii("/usr");
  // The original hooks, as CPython keeps them: sys.__excepthook__ / sys.__displayhook__.
  if (set(d, "__excepthook__", dict_get_cstr(d, "excepthook")) < 0 ||
      set(d, "__displayhook__", dict_get_cstr(d, "displayhook")) < 0)
    return false;
  return set(d, "builtin_module_names", builtin_names()) == 0 &&
         set(d, "stdlib_module_names", stdlib_names()) == 0 &&
         set(d, "warnoptions", list_new()) == 0 && set(d, "_xoptions", dict_new()) == 0 &&
         set(d, "prefix", prefix) == 0 && set(d, "exec_prefix", prefix) == 0 &&
         set(d, "base_prefix", prefix) == 0 && set(d, "base_exec_prefix", prefix) == 0 &&
         set(d, "platlibdir", str_from_ascii("lib")) == 0 &&
         set(d, "abiflags", str_from_ascii("")) == 0 &&
         set(d, "float_repr_style", str_from_ascii("short")) == 0 &&
         set(d, "api_version", Value::from_int(1013)) == 0 &&
         set(d, "orig_argv", orig_argv()) == 0 && set(d, "meta_path", list_new()) == 0 &&
         set(d, "path_hooks", list_new()) == 0 && set(d, "path_importer_cache", dict_new()) == 0 &&
         set(d, "pycache_prefix", None()) == 0 && set(d, "dont_write_bytecode", False()) == 0;
}

}  // namespace tpy
