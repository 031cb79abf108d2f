// interp/modules/atexit_module.cpp -- atexit: functions run when the program ends (after the
// main module finishes or raises, before the process exits; not on os._exit).
#include "interp/modules/atexit.h"

#include <string>

#include "gc/roots.h"
#include "interp/modules/sys_module.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/module.h"
#include "interp/vm/traceback.h"

namespace tpy {

namespace {

Value callbacks() {
  Value& l = gc::g_roots.atexit_callbacks();
  if (l.is_null()) l = list_new();
  return l;
}

Value ae_register(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) return raise_error(exc_TypeError, "register() takes at least 1 argument (0 given)");
  if (!is_callable(args[0])) return raise_error(exc_TypeError, "the first argument must be callable");
  Value pos = tuple_from_array(args + 1, static_cast<int64_t>(nargs) - 1);
  if (pos.is_null()) return pos;
  Value kw = None();
  if (!kwnames.is_null() && tuple_length(kwnames) > 0) {
    kw = dict_new();
    if (kw.is_null()) return kw;
    for (int64_t i = 0; i < tuple_length(kwnames); i++)
      if (dict_set(kw, tuple_at(kwnames, i), args[nargs + static_cast<size_t>(i)]) < 0) return Value();
  }
  Value entry = tuple_pack({args[0], pos, kw});
  Value l = callbacks();
  if (entry.is_null() || l.is_null() || list_append(l, entry) < 0) return Value();
  return args[0];
}

// As CPython 3.11, an unregistered slot stays (empty): _ncallbacks() still counts it.
Value ae_unregister(Value, const Value* args, size_t, Value) {
  Value l = callbacks();
  if (l.is_null()) return l;
  for (int64_t i = 0; i < list_length(l); i++) {
    Value e = list_at(l, i);
    if (is_none(e)) continue;
    int eq = object_equal(tuple_at(e, 0), args[0]);
    if (eq < 0) return Value();
    if (eq && setitem(l, int_from_i64(i), None()) < 0) return Value();
  }
  return None();
}

Value ae_run(Value, const Value*, size_t, Value) {
  atexit_run_callbacks();
  return None();
}

Value ae_clear(Value, const Value*, size_t, Value) {
  gc::g_roots.atexit_callbacks() = list_new();
  return None();
}

Value ae_ncallbacks(Value, const Value*, size_t, Value) {
  Value l = callbacks();
  return l.is_null() ? l : int_from_i64(list_length(l));
}

const MethodDef atexit_functions[] = {
    {"register", ae_register, kMethFastKw, nullptr},
    {"unregister", ae_unregister, kMethO, nullptr},
    {"_run_exitfuncs", ae_run, kMethNoArgs, nullptr},
    {"_clear", ae_clear, kMethNoArgs, nullptr},
    {"_ncallbacks", ae_ncallbacks, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

void atexit_run_callbacks() {
  Value l = gc::g_roots.atexit_callbacks();
  if (l.is_null()) return;
  gc::g_roots.atexit_callbacks() = list_new();
  for (int64_t i = list_length(l) - 1; i >= 0; i--) {
    Value e = list_at(l, i);
    if (is_none(e)) continue;
    Value fn = tuple_at(e, 0), pos = tuple_at(e, 1), kw = tuple_at(e, 2);
    Value r = call_tuple_dict(fn, pos, is_none(kw) ? Value() : kw);
    if (!r.is_null()) continue;
    Value exc = fetch_exception();
    if (is_instance_of(exc, exc_SystemExit)) continue;
    // CPython: "Exception ignored in atexit callback: <repr>" and the traceback.
    sys_flush_std_streams();
    std::string what = repr_utf8(fn);
    if (error_occurred()) clear_exception();
    std::fprintf(stderr, "Exception ignored in atexit callback: %s\n", what.c_str());
    print_exception(exc);
  }
}

Value create_atexit_module() {
  Value m = module_new_cstr("atexit");
  if (m.is_null()) return m;
  if (add_native_functions(module_dict(m), atexit_functions, m, str_intern("atexit")) < 0)
    return Value();
  return m;
}

}  // namespace tpy
