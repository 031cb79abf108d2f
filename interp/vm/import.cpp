// interp/vm/import.cpp -- `import`'s native fast path (PyImport_ImportModuleLevelObject).
#include "interp/vm/import.h"

#include "gc/barrier.h"
#include "gc/roots.h"
#include "interp/modules/warnings.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/code.h"
#include "interp/vm/frame.h"
#include "interp/vm/module.h"

namespace tpy {

namespace {

// The index of the first (or last) '.' in s[0:end], or -1.
int64_t find_dot(Value s, int64_t end, bool forward) {
  StrObject* so = as_str(s);
  if (forward) {
    for (int64_t i = 0; i < end; i++)
      if (so->at(i) == '.') return i;
  } else {
    for (int64_t i = end - 1; i >= 0; i--)
      if (so->at(i) == '.') return i;
  }
  return -1;
}

Value no_parent() {
  return raise_error(exc_ImportError, "attempted relative import with no known parent package");
}

// The absolute name of a relative import (import.c's resolve_name, with its messages).
Value resolve_name(Value name, Value globals, int64_t level) {
  if (globals.is_null()) return raise_error(exc_KeyError, "'__name__' not in globals");
  if (!is_dict(globals)) return raise_error(exc_TypeError, "globals must be a dict");
  static StrConst k_package("__package__"), k_spec("__spec__"), k_parent("parent"),
      k_name("__name__"), k_path("__path__");
  Value package = dict_get(globals, k_package.get());
  if (package.is_null() && error_occurred()) return Value();
  if (!package.is_null() && is_none(package)) package = Value();
  Value spec = dict_get(globals, k_spec.get());
  if (spec.is_null() && error_occurred()) return Value();
  bool has_spec = !spec.is_null() && !is_none(spec);
  if (!package.is_null()) {
    if (!is_str(package)) return raise_error(exc_TypeError, "package must be a string");
    if (has_spec) {
      Value parent = getattr(spec, k_parent.get());
      if (parent.is_null()) return parent;
      int eq = compare_bool(package, parent, CompareOp::Eq);
      if (eq < 0) return Value();
      if (eq == 0 && warn_ex(exc_ImportWarning, "__package__ != __spec__.parent", 1) < 0)
        return Value();
    }
  } else if (has_spec) {
    package = getattr(spec, k_parent.get());
    if (package.is_null()) return package;
    if (!is_str(package)) return raise_error(exc_TypeError, "__spec__.parent must be a string");
  } else {
    if (warn_ex(exc_ImportWarning,
                "can't resolve package from __spec__ or __package__, falling back on "
                "__name__ and __path__",
                1) < 0)
      return Value();
    package = dict_get(globals, k_name.get());
    if (package.is_null()) {
      if (!error_occurred()) raise_error(exc_KeyError, "'__name__' not in globals");
      return Value();
    }
    if (!is_str(package)) return raise_error(exc_TypeError, "__name__ must be a string");
    int haspath = dict_contains(globals, k_path.get());
    if (haspath < 0) return Value();
    if (!haspath) {
      int64_t dot = find_dot(package, str_length(package), true);
      if (dot < 0) return no_parent();
      package = str_substring(package, 0, dot);
      if (package.is_null()) return package;
    }
  }
  int64_t last_dot = str_length(package);
  if (last_dot == 0) return no_parent();
  for (int64_t up = 1; up < level; up++) {
    last_dot = find_dot(package, last_dot, false);
    if (last_dot < 0)
      return raise_error(exc_ImportError, "attempted relative import beyond top-level package");
  }
  Value base = str_substring(package, 0, last_dot);
  if (base.is_null() || str_length(name) == 0) return base;
  static StrConst k_dot(".");
  Value with_dot = str_concat(base, k_dot.get());
  if (with_dot.is_null()) return with_dot;
  return str_concat(with_dot, name);
}

Value call_bootstrap(const char* method, std::initializer_list<Value> args) {
  Value bs = importlib_bootstrap();
  if (bs.is_null()) return raise_error(exc_ImportError, "import of modules needs importlib, "
                                                        "which is not initialised");
  Value fn = getattr_cstr(bs, method);
  if (fn.is_null()) return fn;
  return call(fn, args.begin(), args.size());
}

// _PyModuleSpec_IsInitializing: spec._initializing is true.
bool spec_is_initializing(Value spec) {
  if (spec.is_null() || is_none(spec)) return false;
  static StrConst k_init("_initializing");
  Value v = getattr_opt(spec, k_init.get());
  if (v.is_null()) {
    clear_exception();
    return false;
  }
  int t = object_truthy(v);
  if (t < 0) clear_exception();
  return t > 0;
}

// A module still being executed by another import waits for it (the module lock); in one
// thread (a circular import) the lock is ours and this returns at once.
bool ensure_initialized(Value mod, Value name) {
  static StrConst k_spec("__spec__");
  Value spec = getattr_opt(mod, k_spec.get());
  if (spec.is_null()) {
    clear_exception();
    return true;
  }
  if (!spec_is_initializing(spec)) return true;
  return !call_bootstrap("_lock_unlock_module", {name}).is_null();
}

bool filename_is(Value code_filename, const char* a, const char* b) {
  return is_str(code_filename) &&
         (str_equal_ascii(code_filename, a) || str_equal_ascii(code_filename, b));
}

// import.c's remove_importlib_frames: an ImportError loses every importlib frame of its
// traceback; any other exception loses the chunks of importlib frames that end in
// _call_with_frames_removed (the module's own code follows them).
void remove_importlib_frames() {
  Value exc = pending_exception();
  if (exc.is_null()) return;
  bool always_trim = is_instance_of(exc, exc_ImportError);
  Value base_tb = exception_traceback(exc);
  Value* prev_link = &base_tb;
  Value* outer_link = nullptr;
  Value tb = base_tb;
  bool in_importlib = false;
  // The links are fields of traceback objects (or base_tb); stores through them go through
  // the barrier with the object that holds the field.
  TracebackObject* prev_holder = nullptr;
  TracebackObject* outer_holder = nullptr;
  while (!tb.is_null() && is_traceback(tb)) {
    TracebackObject* t = as_traceback(tb);
    Value next = t->next;
    CodeObject* co = frame_object_code(t->frame);
    bool now = co && filename_is(co->filename, "<frozen importlib._bootstrap>",
                                 "<frozen importlib._bootstrap_external>");
    if (now && !in_importlib) {
      outer_link = prev_link;
      outer_holder = prev_holder;
    }
    in_importlib = now;
    if (in_importlib && co &&
        (always_trim || str_equal_ascii(co->name, "_call_with_frames_removed"))) {
      if (outer_holder) gc::store(outer_holder, outer_link, next);
      else *outer_link = next;
      prev_link = outer_link;
      prev_holder = outer_holder;
    } else {
      prev_link = &t->next;
      prev_holder = t;
    }
    tb = next;
  }
  exception_set_traceback(exc, base_tb);
}

Value front_module(Value name, Value abs_name, Value mod, int64_t level) {
  int64_t len = str_length(name);
  if (level != 0 && len == 0) return mod;
  int64_t dot = find_dot(name, len, true);
  if (dot < 0) return mod;
  if (level == 0) {
    Value front = str_substring(name, 0, dot);
    if (front.is_null()) return front;
    return import_module_level(front, Value(), Value(), Value(), 0);
  }
  int64_t cut_off = len - dot;
  Value to_return = str_substring(abs_name, 0, str_length(abs_name) - cut_off);
  if (to_return.is_null()) return to_return;
  Value m = import_get_module(to_return);
  if (m.is_null() && !error_occurred())
    return raise_format(exc_KeyError, "%R not in sys.modules as expected", to_return);
  return m;
}

Value import_level_inner(Value name, Value globals, Value fromlist, int64_t level) {
  if (name.is_null()) return raise_error(exc_ValueError, "Empty module name");
  if (!is_str(name)) return raise_error(exc_TypeError, "module name must be a string");
  if (level < 0) return raise_error(exc_ValueError, "level must be >= 0");
  Value abs_name = name;
  if (level > 0) {
    abs_name = resolve_name(name, globals, level);
    if (abs_name.is_null()) return abs_name;
  } else if (str_length(name) == 0) {
    return raise_error(exc_ValueError, "Empty module name");
  }
  Value mod = import_get_module(abs_name);
  if (mod.is_null() && error_occurred()) return mod;
  if (!mod.is_null() && !is_none(mod)) {
    if (!ensure_initialized(mod, abs_name)) return Value();
  } else {
    mod = call_bootstrap("_find_and_load", {abs_name, gc::g_roots.import_func()});
    if (mod.is_null()) return mod;
  }
  bool has_from = false;
  if (!fromlist.is_null() && !is_none(fromlist)) {
    int t = object_truthy(fromlist);
    if (t < 0) return Value();
    has_from = t != 0;
  }
  if (!has_from) return front_module(name, abs_name, mod, level);
  static StrConst k_path("__path__");
  Value path = getattr_opt(mod, k_path.get());
  if (path.is_null()) return error_occurred() ? Value() : mod;
  return call_bootstrap("_handle_fromlist", {mod, fromlist, gc::g_roots.import_func()});
}

}  // namespace

Value importlib_bootstrap() { return gc::g_roots.importlib(); }

Value import_get_module(Value name) {
  Value modules = gc::g_roots.sys_modules();
  if (modules.is_null()) return raise_error(exc_RuntimeError, "unable to get sys.modules");
  if (is_exact_dict(modules)) return dict_get(modules, name);
  Value m = getitem(modules, name);
  if (m.is_null() && error_matches(exc_KeyError)) clear_exception();
  return m;
}

Value import_module_level(Value name, Value globals, Value, Value fromlist, int64_t level) {
  Value r = import_level_inner(name, globals, fromlist, level);
  if (r.is_null()) remove_importlib_frames();
  return r;
}

Value import_module(std::string_view name) {
  Value n = str_from_utf8(name);
  if (n.is_null()) return n;
  Value m = import_get_module(n);
  if (!m.is_null() && !is_none(m)) {
    if (!ensure_initialized(m, n)) return Value();
    return m;
  }
  if (error_occurred()) return Value();
  // Through builtins.__import__ as PyImport_Import does, so an import hook sees it too;
  // a non-empty fromlist makes it return the module itself.
  static StrConst k_import("__import__");
  Value imp = dict_get_str(builtins_dict(), k_import.get());
  if (imp.is_null()) imp = gc::g_roots.import_func();
  Value fromlist = tuple_pack({str_from_ascii("__doc__")});
  if (fromlist.is_null()) return fromlist;
  Value args[5] = {n, None(), None(), fromlist, Value::from_int(0)};
  Value r = call(imp, args, 5);
  if (r.is_null()) return r;
  // As PyImport_Import: the result is what sys.modules holds under the name.
  Value got = import_get_module(n);
  if (got.is_null() && !error_occurred())
    return raise_format(exc_KeyError, "%R", n);
  return got;
}

Value import_from(Value module, Value name) {
  Value x = getattr_opt(module, name);
  if (!x.is_null() || error_occurred()) return x;
  static StrConst k_name("__name__"), k_spec("__spec__"), k_file("__file__");
  Value pkgname = getattr_opt(module, k_name.get());
  if (pkgname.is_null()) clear_exception();
  if (!pkgname.is_null() && is_str(pkgname)) {
    Value full = str_concat(pkgname, str_from_ascii("."));
    if (full.is_null()) return full;
    full = str_concat(full, name);
    if (full.is_null()) return full;
    x = import_get_module(full);
    if (!x.is_null() || error_occurred()) return x;
  } else {
    pkgname = Value();
  }
  Value pkgpath;
  if (is_module(module)) pkgpath = dict_get_str(module_dict(module), k_file.get());
  if (error_occurred()) clear_exception();
  Value shown = pkgname.is_null() ? str_from_ascii("<unknown module name>") : pkgname;
  if (shown.is_null()) return shown;
  Value msg;
  if (pkgpath.is_null() || !is_str(pkgpath)) {
    pkgpath = Value();
    Value r = object_repr(name);
    Value rp = r.is_null() ? r : object_repr(shown);
    if (rp.is_null()) return rp;
    msg = str_from_utf8("cannot import name " + str_to_utf8(r) + " from " + str_to_utf8(rp) +
                        " (unknown location)");
  } else {
    Value spec = getattr_opt(module, k_spec.get());
    if (spec.is_null()) clear_exception();
    bool busy = spec_is_initializing(spec);
    Value r = object_repr(name);
    Value rp = r.is_null() ? r : object_repr(shown);
    Value sp = rp.is_null() ? rp : object_str(pkgpath);
    if (sp.is_null()) return sp;
    std::string text = "cannot import name " + str_to_utf8(r) + " from ";
    if (busy) text += "partially initialized module ";
    text += str_to_utf8(rp);
    if (busy) text += " (most likely due to a circular import)";
    text += " (" + str_to_utf8(sp) + ")";
    msg = str_from_utf8(text);
  }
  if (msg.is_null()) return msg;
  return raise_import_error(msg, pkgname.is_null() ? None() : pkgname,
                            pkgpath.is_null() ? None() : pkgpath);
}

Value raise_import_error(Value msg, Value name, Value path) {
  static StrConst k_name("name"), k_path("path");
  Value kwn = tuple_pack({k_name.get(), k_path.get()});
  if (kwn.is_null()) return kwn;
  Value args[3] = {msg, name, path};
  Value exc = call(Value::from_object(exc_ImportError), args, 1, kwn);
  if (exc.is_null()) return exc;
  return raise_value(exc);
}

}  // namespace tpy
