// interp/modules/warnings_module.cpp -- _warnings: warn() and warn_explicit() with the filter
// list, as CPython's Python/_warnings.c.
//
// The filters live here (so `import warnings` does not run filterwarnings(), which would
// import re at start-up); warnings.py reads and edits the same list. Showing a warning goes
// through warnings._showwarnmsg once warnings.py is imported (so showwarning overrides and
// catch_warnings work), else it is printed here in the same format.
#include "interp/modules/warnings.h"

#include <cstdio>
#include <fstream>
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
#include "interp/vm/code.h"
#include "interp/vm/frame.h"
#include "interp/vm/import.h"
#include "interp/vm/module.h"
#include "interp/vm/thread_state.h"

namespace tpy {

namespace {

int64_t g_filters_version = 0;

// The filters, default action and once registry: warnings.py's attributes once it is
// imported (catch_warnings rebinds them there), else this module's own (CPython's
// get_warnings_attr). [name] is the warnings.py name; ours has a leading underscore except
// for filters.
Value state(const char* name) {
  Value w = import_get_module(str_intern("warnings"));
  if (!w.is_null() && is_module(w)) {
    Value v = dict_get_cstr(module_dict(w), name);
    if (!v.is_null() || error_occurred()) return v;
  }
  if (error_occurred()) return Value();
  Value m = import_get_module(str_intern("_warnings"));
  if (m.is_null()) return m;
  std::string own = std::string(name) == "filters" ? name : std::string("_") + name;
  return dict_get_cstr(module_dict(m), own.c_str());
}

bool is_internal_frame(Frame* f) {
  if (!f) return false;
  Value fn = f->code->filename;
  if (!is_str(fn)) return false;
  std::string s = str_to_utf8(fn);
  return s.find("importlib") != std::string::npos && s.find("_bootstrap") != std::string::npos;
}

Frame* next_external_frame(Frame* f) {
  do f = f->previous;
  while (f && is_internal_frame(f));
  return f;
}

Value check_category(Value message, Value category) {
  if (is_exception_instance(message) && is_instance_of(message, exc_Warning))
    return Value::from_object(type_of(message));
  if (category.is_null() || is_none(category)) return Value::from_object(exc_UserWarning);
  if (!is_type(category) || !type_is_subtype(as_type(category), exc_Warning))
    return raise_format(exc_TypeError, "category must be a Warning subclass, not '%s'",
                        type_of(category)->c_name());
  return category;
}

// Whether [pattern] (None or a compiled regex) matches [text].
int pattern_matches(Value pattern, Value text) {
  if (is_none(pattern)) return 1;
  static StrConst k_match("match");
  Value r = call_method(pattern, k_match.get(), &text, 1);
  if (r.is_null()) return -1;
  return object_truthy(r);
}

// The action of the first matching filter (or the default action), as a str.
Value get_filter(Value category, Value text, int64_t lineno, Value module) {
  Value filters = state("filters");
  if (filters.is_null() || !is_list(filters)) {
    if (!error_occurred()) raise_error(exc_ValueError, "_warnings.filters must be a list");
    return Value();
  }
  for (int64_t i = 0; i < list_length(filters); i++) {
    Value item = list_at(filters, i);
    if (!is_tuple(item) || tuple_length(item) != 5)
      return raise_format(exc_ValueError, "_warnings.filters item %lld isn't a 5-tuple",
                          static_cast<long long>(i));
    Value action = tuple_at(item, 0), msg = tuple_at(item, 1), cat = tuple_at(item, 2),
          mod = tuple_at(item, 3), ln = tuple_at(item, 4);
    int good = pattern_matches(msg, text);
    if (good < 0) return Value();
    if (!good) continue;
    int sub = object_issubclass(category, cat);
    if (sub < 0) return Value();
    if (!sub) continue;
    good = pattern_matches(mod, module);
    if (good < 0) return Value();
    if (!good) continue;
    int64_t l;
    if (!index_to_i64(ln, &l)) return Value();
    if (l == 0 || l == lineno) return action;
  }
  Value dflt = state("defaultaction");
  if (dflt.is_null() && !error_occurred())
    return raise_error(exc_ValueError, "_warnings.defaultaction not found");
  return dflt;
}

bool already_warned(Value registry, Value key, bool should_set) {
  if (registry.is_null() || !is_dict(registry)) return false;
  Value version = dict_get_cstr(registry, "version");
  if (version.is_null() || !version.is_int() || version.as_int() != g_filters_version) {
    // The filters changed since this registry was filled: forget what it says.
    Value keys = dict_keys_list(registry);
    for (int64_t i = 0; !keys.is_null() && i < list_length(keys); i++) dict_del(registry, list_at(keys, i));
    dict_set_cstr(registry, "version", int_from_i64(g_filters_version));
  } else {
    Value v = dict_get(registry, key);
    if (!v.is_null() && object_truthy(v) > 0) return true;
  }
  if (should_set) dict_set(registry, key, True());
  return false;
}

std::string source_line(Value filename, int64_t lineno) {
  if (!is_str(filename)) return "";
  std::ifstream in(str_to_utf8(filename));
  std::string line;
  for (int64_t i = 0; i < lineno && std::getline(in, line); i++) {
  }
  if (!in) return "";
  size_t b = line.find_first_not_of(" \t\f\r\n");
  size_t e = line.find_last_not_of(" \t\f\r\n");
  return b == std::string::npos ? "" : line.substr(b, e - b + 1);
}

bool show_warning(Value message, Value category, Value filename, int64_t lineno, Value source) {
  Value w = import_get_module(str_intern("warnings"));
  if (!w.is_null() && is_module(w)) {
    Value cls = getattr_cstr(w, "WarningMessage");
    Value show = cls.is_null() ? cls : getattr_cstr(w, "_showwarnmsg");
    if (show.is_null()) return false;
    Value args[7] = {message, category, filename, int_from_i64(lineno), None(), None(),
                     source.is_null() ? None() : source};
    Value msg = call(cls, args, 7);
    return !msg.is_null() && !call1(show, msg).is_null();
  }
  if (error_occurred()) return false;
  Value text = object_str(message);
  if (text.is_null()) return false;
  std::string out = (is_str(filename) ? str_to_utf8(filename) : "<unknown>") + ":" +
                    std::to_string(lineno) + ": " + as_type(category)->c_name() + ": " +
                    str_to_utf8(text) + "\n";
  std::string line = source_line(filename, lineno);
  if (!line.empty()) out += "  " + line + "\n";
  Value err = sys_get_stderr();
  if (err.is_null() || is_none(err)) {
    clear_exception();
    return true;
  }
  return sys_write_text(err, out) == 0;
}

Value warn_explicit_impl(Value category, Value message, Value filename, int64_t lineno,
                         Value module, Value registry, Value source) {
  if (module.is_null() || is_none(module)) {
    std::string f = is_str(filename) ? str_to_utf8(filename) : "<unknown>";
    if (f.size() >= 3 && (f.compare(f.size() - 3, 3, ".py") == 0 || f.compare(f.size() - 3, 3, ".PY") == 0))
      f.resize(f.size() - 3);
    module = str_from_utf8(f);
    if (module.is_null()) return module;
  }
  Value text;
  if (is_exception_instance(message) && is_instance_of(message, exc_Warning)) {
    text = object_str(message);
    category = Value::from_object(type_of(message));
  } else {
    text = message;
    message = call1(category, message);
  }
  if (text.is_null() || message.is_null()) return Value();
  Value key = tuple_pack({text, category, int_from_i64(lineno)});
  if (key.is_null()) return key;
  if (already_warned(registry, key, false)) return None();
  if (error_occurred()) return Value();
  Value action = get_filter(category, text, lineno, module);
  if (action.is_null()) return action;
  if (!is_str(action)) return raise_error(exc_TypeError, "action must be a string");
  std::string a = str_to_utf8(action);
  if (a == "error") return raise_value(message);
  if (a == "ignore") return None();
  if (a == "once") {
    if (!registry.is_null() && is_dict(registry) && dict_set(registry, key, True()) < 0) return Value();
    Value once = state("onceregistry");
    Value okey = tuple_pack({text, category});
    if (okey.is_null()) return okey;
    if (!once.is_null() && is_dict(once)) {
      if (!dict_get(once, okey).is_null()) return None();
      if (dict_set(once, okey, True()) < 0) return Value();
    }
  } else if (a == "module") {
    if (!registry.is_null() && is_dict(registry)) {
      if (dict_set(registry, key, True()) < 0) return Value();
      Value alt = tuple_pack({text, category, Value::from_int(0)});
      if (alt.is_null()) return alt;
      if (already_warned(registry, alt, true)) return None();
    }
  } else if (a == "default") {
    if (!registry.is_null() && is_dict(registry) && dict_set(registry, key, True()) < 0) return Value();
  } else if (a != "always") {
    return raise_format(exc_RuntimeError, "Unrecognized action (%R) in warnings.filters:\n %R",
                        action, action);
  }
  if (!show_warning(message, category, filename, lineno, source)) return Value();
  return None();
}

Value do_warn(Value message, Value category, int64_t stacklevel, Value source) {
  category = check_category(message, category);
  if (category.is_null()) return category;
  Frame* f = ts().frame;
  if (stacklevel <= 0 || is_internal_frame(f)) {
    while (--stacklevel > 0 && f) f = f->previous;
  } else {
    while (--stacklevel > 0 && f) f = next_external_frame(f);
  }
  Value globals, filename;
  int64_t lineno;
  if (!f) {
    globals = sys_dict();
    filename = str_intern("sys");
    lineno = 1;
  } else {
    globals = f->globals;
    filename = f->code->filename;
    lineno = frame_lineno(f);
  }
  static StrConst k_registry("__warningregistry__"), k_name("__name__");
  Value registry = dict_get_str(globals, k_registry.get());
  if (registry.is_null()) {
    if (error_occurred()) return Value();
    registry = dict_new();
    if (registry.is_null() || dict_set(globals, k_registry.get(), registry) < 0) return Value();
  }
  Value module = dict_get_str(globals, k_name.get());
  if (module.is_null() || !is_str(module)) module = str_intern("<string>");
  return warn_explicit_impl(category, message, filename, lineno, module, registry, source);
}

Value w_warn(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"message", "category", "stacklevel", "source", nullptr};
  Value message, category, stacklevel, source;
  ArgSpec spec{"warn", kw, 1, 4, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&message, &category, &stacklevel, &source}))
    return Value();
  int64_t level = 1;
  if (!stacklevel.is_null() && !index_to_i64(stacklevel, &level)) return Value();
  return do_warn(message, category, level, source);
}

Value w_warn_explicit(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"message", "category", "filename", "lineno", "module",
                                   "registry", "module_globals", "source", nullptr};
  Value message, category, filename, lineno, module, registry, globals, source;
  ArgSpec spec{"warn_explicit", kw, 4, 8, 0, false};
  if (!parse_args(spec, args, nargs, kwnames,
                  {&message, &category, &filename, &lineno, &module, &registry, &globals, &source}))
    return Value();
  if (!is_str(filename))
    return raise_format(exc_TypeError, "warn_explicit() argument 'filename' must be str, not %.200s",
                        type_of(filename)->c_name());
  int64_t ln;
  if (!index_to_i64(lineno, &ln)) return Value();
  if (!registry.is_null() && !is_none(registry) && !is_dict(registry))
    return raise_error(exc_TypeError, "'registry' must be a dict or None");
  return warn_explicit_impl(category, message, filename, ln, module,
                            registry.is_null() || is_none(registry) ? Value() : registry, source);
}

Value w_filters_mutated(Value, const Value*, size_t, Value) {
  g_filters_version++;
  return None();
}

const MethodDef warnings_functions[] = {
    {"warn", w_warn, kMethFastKw,
     "warn($module, /, message, category=None, stacklevel=1, source=None)\n--\n\n"
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", w_warn_explicit, kMethFastKw,
     "Low-level interface to warnings functionality."},
    {"_filters_mutated", w_filters_mutated, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// CPython's default filters (a regular, non-debug build).
Value default_filters() {
  Value l = list_new();
  if (l.is_null()) return l;
  struct {
    const char* action;
    Type* cat;
    const char* module;
  } rows[] = {{"default", exc_DeprecationWarning, "__main__"},
              {"ignore", exc_DeprecationWarning, nullptr},
              {"ignore", exc_PendingDeprecationWarning, nullptr},
              {"ignore", exc_ImportWarning, nullptr},
              {"ignore", exc_ResourceWarning, nullptr}};
  for (auto& r : rows) {
    Value t = tuple_pack({str_intern(r.action), None(), Value::from_object(r.cat),
                          r.module ? str_intern(r.module) : None(), Value::from_int(0)});
    if (t.is_null() || list_append(l, t) < 0) return Value();
  }
  return l;
}

}  // namespace

int warn_ex(Type* category, std::string_view message, int64_t stacklevel) {
  Value msg = str_from_utf8(message);
  if (msg.is_null()) return -1;
  return do_warn(msg, Value::from_object(category), stacklevel, Value()).is_null() ? -1 : 0;
}

Value create_warnings_module() {
  Value m = module_new_cstr("_warnings");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, warnings_functions, m, str_intern("_warnings")) < 0) return Value();
  Value filters = default_filters();
  if (filters.is_null() || dict_set_cstr(d, "filters", filters) < 0 ||
      dict_set_cstr(d, "_defaultaction", str_intern("default")) < 0 ||
      dict_set_cstr(d, "_onceregistry", dict_new()) < 0)
    return Value();
  return m;
}

}  // namespace tpy
