// interp/modules/builtins_funcs.cpp -- The builtins module's names: the built-in types, the
// constants, the exception types, and print (the other functions are in builtins_*.cpp).
#include "interp/modules/builtins_internal.h"
#include "interp/modules/sys_module.h"
#include "interp/objects/abstract.h"
#include "interp/objects/builtin_iters.h"
#include "interp/objects/descr.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/range.h"
#include "interp/objects/set.h"
#include "interp/objects/singletons.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/module.h"
#include "interp/vm/vm_deps.h"

namespace tpy {

// Types other parts provide later: weak references, null until their owners define them, so
// the builtins module names whatever this build has (float's stand-in is in vm_deps).
[[gnu::weak]] extern constinit Type complex_type;
[[gnu::weak]] extern constinit Type bytes_type;
[[gnu::weak]] extern constinit Type bytearray_type;
[[gnu::weak]] extern constinit Type memoryview_type;

namespace {

// print(*objects, sep=' ', end='\n', file=None, flush=False)
Value builtin_print(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"sep", "end", "file", "flush", nullptr};
  Value sep, end, file, flush;
  // Only keywords: the positionals are the objects.
  ArgSpec spec{"print", kw, 0, 0, 0, true};
  if (!parse_args(spec, args, nargs, kwnames, {&sep, &end, &file, &flush})) return Value();
  if (file.is_null() || is_none(file)) {
    file = sys_get_stdout();
    if (file.is_null()) return file;
    // sys.stdout may be None (pythonw); then print does nothing.
    if (is_none(file)) return None();
  }
  if (!sep.is_null() && !is_none(sep) && !is_str(sep))
    return raise_format(exc_TypeError, "sep must be None or a string, not %.200s",
                        type_of(sep)->c_name());
  if (!end.is_null() && !is_none(end) && !is_str(end))
    return raise_format(exc_TypeError, "end must be None or a string, not %.200s",
                        type_of(end)->c_name());
  for (size_t i = 0; i < nargs; i++) {
    if (i > 0) {
      int r = sep.is_null() || is_none(sep) ? sys_write_text(file, " ") : sys_write_str(file, sep);
      if (r < 0) return Value();
    }
    Value s = object_str(args[i]);
    if (s.is_null() || sys_write_str(file, s) < 0) return Value();
  }
  int r = end.is_null() || is_none(end) ? sys_write_text(file, "\n") : sys_write_str(file, end);
  if (r < 0) return Value();
  if (!flush.is_null()) {
    int t = object_truthy(flush);
    if (t < 0) return Value();
    if (t) {
      static StrConst k_flush("flush");
      Value res = call_method(file, k_flush.get(), nullptr, 0);
      if (res.is_null()) return res;
    }
  }
  return None();
}

const MethodDef print_functions[] = {
    {"print", builtin_print, kMethFastKw,
     "print(value, ..., sep=' ', end='\\n', file=sys.stdout, flush=False)\n--\n\n"
     "Prints the values to a stream, or to sys.stdout by default."},
    {nullptr, nullptr, 0, nullptr}};

int add_type(Value d, Type* t) {
  return dict_set_cstr(d, t->c_name(), Value::from_object(t));
}

}  // namespace

bool init_builtins() {
  Value d = builtins_dict();
  Type* types[] = {&object_type, &type_type, &int_type, &bool_type, &str_type, &tuple_type,
                   &list_type, &dict_type, &set_type, &frozenset_type, &range_type,
                   &slice_type, &enumerate_type, &zip_type, &map_type, &filter_type,
                   &reversed_type, &property_type, &classmethod_type, &staticmethod_type,
                   &super_type};
  for (Type* t : types)
    if (add_type(d, t) < 0) return false;
  Type* later[] = {&float_type, &complex_type, &bytes_type, &bytearray_type, &memoryview_type};
  for (Type* t : later)
    if (t != nullptr && t->has_flag(kTypeReady) && add_type(d, t) < 0) return false;
#define TPY_EXC(name, base, layout) \
  if (add_type(d, exc_##name) < 0) return false;
#include "interp/objects/exceptions.def"
#undef TPY_EXC
  if (dict_set_cstr(d, "None", None()) < 0 || dict_set_cstr(d, "True", True()) < 0 ||
      dict_set_cstr(d, "False", False()) < 0 || dict_set_cstr(d, "Ellipsis", Ellipsis()) < 0 ||
      dict_set_cstr(d, "NotImplemented", NotImplemented()) < 0 ||
      dict_set_cstr(d, "__debug__", True()) < 0)
    return false;
  Value name = str_intern("builtins");
  if (add_native_functions(d, print_functions, builtins_module(), name) < 0) return false;
  return init_builtin_functions(d);
}

}  // namespace tpy
