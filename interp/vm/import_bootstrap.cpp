// interp/vm/import_bootstrap.cpp -- Start-up of the import system, as CPython's pylifecycle does
// it: sys.path and friends, then importlib's _bootstrap and _bootstrap_external run from the
// stdlib's source as _frozen_importlib / _frozen_importlib_external and installed.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "gc/roots.h"
#include "interp/modules/sys_module.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/vm/eval.h"
#include "interp/vm/import.h"
#include "interp/vm/module.h"
#include "interp/vm/run.h"

#ifndef TPY_DEFAULT_STDLIB
#define TPY_DEFAULT_STDLIB "/usr/lib/python3.11"
#endif

namespace tpy {

Value create_imp_module();  // interp/modules/imp_module.cpp

namespace {

std::string& stdlib_root_storage() {
  static std::string root;
  return root;
}

bool read_file(const std::string& path, std::string* out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return n == 0;
    }
    out->append(buf, static_cast<size_t>(n));
  }
}

// Compiles and runs [path] as a new module [name] registered in sys.modules, with code
// objects named [filename] (CPython's frozen modules' "<frozen importlib._bootstrap>").
Value exec_source_module(const std::string& path, const char* name, const char* filename) {
  std::string source;
  if (!read_file(path, &source))
    return raise_format(exc_ImportError, "cannot read %s: %s", path.c_str(), std::strerror(errno));
  Value code = compile_source(source, filename, SourceMode::Exec, parse::SourceOrigin::File);
  if (code.is_null()) return code;
  Value m = module_new_cstr(name);
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (dict_set_cstr(d, "__builtins__", builtins_module()) < 0) return Value();
  if (dict_set_cstr(gc::g_roots.sys_modules(), name, m) < 0) return Value();
  if (eval_code(code, d, Value()).is_null()) return Value();
  return m;
}

int set_sys(const char* name, Value v) {
  if (v.is_null()) return -1;
  return dict_set_cstr(sys_dict(), name, v);
}

// sys.path: the script's directory ("" for -c and stdin), then the stdlib root.
bool init_sys_path(const char* path0) {
  Value path = list_new();
  if (path.is_null()) return false;
  if (path0) {
    Value p = str_from_utf8(path0);
    if (p.is_null() || list_append(path, p) < 0) return false;
  }
  Value root = str_from_utf8(import_stdlib_root());
  if (root.is_null() || list_append(path, root) < 0) return false;
  return set_sys("path", path) == 0;
}

bool init_sys_import_state() {
  return set_sys("_stdlib_dir", str_from_utf8(import_stdlib_root())) == 0;
}

bool call_method0(Value obj, const char* name, std::initializer_list<Value> args) {
  Value fn = getattr_cstr(obj, name);
  if (fn.is_null()) return false;
  return !call(fn, args.begin(), args.size()).is_null();
}

bool bootstrap() {
  Value imp = create_imp_module();
  if (imp.is_null() || dict_set_cstr(gc::g_roots.sys_modules(), "_imp", imp) < 0) return false;
  gc::g_roots.import_func() = dict_get_cstr(builtins_dict(), "__import__");
  if (gc::g_roots.import_func().is_null()) {
    raise_error(exc_ImportError, "__import__ not found");
    return false;
  }
  const std::string dir = import_stdlib_root() + "/importlib/";
  Value bs = exec_source_module(dir + "_bootstrap.py", "_frozen_importlib",
                                "<frozen importlib._bootstrap>");
  if (bs.is_null()) return false;
  gc::g_roots.importlib() = bs;
  if (!call_method0(bs, "_install", {sys_module(), imp})) return false;
  Value ext = exec_source_module(dir + "_bootstrap_external.py", "_frozen_importlib_external",
                                 "<frozen importlib._bootstrap_external>");
  if (ext.is_null()) return false;
  if (!call_method0(bs, "_install_external_importers", {})) return false;
  // builtins.open is io.open, which is _io.open (CPython sets it at start-up too; taking it
  // from _io, which the bootstrap imported, saves importing io.py).
  Value io = import_module("_io");
  Value open = io.is_null() ? io : getattr_cstr(io, "open");
  return !open.is_null() && dict_set_cstr(builtins_dict(), "open", open) == 0;
}

}  // namespace

const std::string& import_stdlib_root() {
  std::string& root = stdlib_root_storage();
  if (root.empty()) {
    const char* env = std::getenv("TPY_STDLIB");
    root = (env && *env) ? env : TPY_DEFAULT_STDLIB;
    while (root.size() > 1 && root.back() == '/') root.pop_back();
  }
  return root;
}

bool import_ready() { return !gc::g_roots.importlib().is_null(); }

bool import_init(const char* path0) {
  if (import_ready()) return true;
  if (init_sys_path(path0) && init_sys_import_state() && bootstrap()) return true;
  Value exc = fetch_exception();
  gc::g_roots.importlib() = Value();
  std::fprintf(stderr, "Fatal Python error: init_importlib: failed to bootstrap the import "
                       "system from %s\n", import_stdlib_root().c_str());
  if (!exc.is_null()) handle_uncaught_exception(exc);
  return false;
}

}  // namespace tpy
