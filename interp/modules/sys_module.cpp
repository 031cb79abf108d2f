// interp/modules/sys_module.cpp -- The sys module: its creation, sys.modules, argv, std streams.
#include "interp/modules/sys_module.h"

#include <cstdlib>

#include "gc/roots.h"
#include "interp/modules/sys_internal.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy {

bool init_sys_functions(Value d);  // sys_funcs.cpp

Value sys_module() { return gc::g_roots.sys(); }
Value sys_dict() { return module_dict(gc::g_roots.sys()); }

namespace {

Value lost(const char* name) {
  return raise_format(exc_RuntimeError, "lost sys.%s", name);
}

}  // namespace

Value sys_get_stdout() {
  Value v = dict_get_cstr(sys_dict(), "stdout");
  if (v.is_null() && !error_occurred()) return lost("stdout");
  return v;
}
Value sys_get_stderr() {
  Value v = dict_get_cstr(sys_dict(), "stderr");
  if (v.is_null() && !error_occurred()) return lost("stderr");
  return v;
}

void sys_set_argv(const std::vector<std::string>& argv) {
  Value l = list_new(static_cast<int64_t>(argv.size()));
  if (l.is_null()) return;
  for (const std::string& a : argv) {
    Value s = str_from_utf8(a);
    if (s.is_null() || list_append(l, s) < 0) return;
  }
  if (argv.empty()) {
    Value s = str_empty();
    if (list_append(l, s) < 0) return;
  }
  dict_set_cstr(sys_dict(), "argv", l);
}

bool init_sys() {
  if (!init_std_stream_type()) return false;
  // Buffered output must reach the fds however the process ends normally (the runner also
  // calls sys_flush_std_streams before printing a traceback).
  static bool registered = false;
  if (!registered) {
    registered = true;
    std::atexit(sys_flush_std_streams);
  }
  Value m = module_new_cstr("sys");
  if (m.is_null()) return false;
  gc::g_roots.sys() = m;
  Value d = module_dict(m);
  Value& modules = gc::g_roots.sys_modules();
  if (modules.is_null()) {
    modules = dict_new();
    if (modules.is_null()) return false;
  }
  if (dict_set_cstr(modules, "sys", m) < 0) return false;
  if (dict_set_cstr(modules, "builtins", builtins_module()) < 0) return false;
  if (dict_set_cstr(d, "modules", modules) < 0) return false;
  const char* names[3][2] = {{"stdin", "__stdin__"}, {"stdout", "__stdout__"},
                             {"stderr", "__stderr__"}};
  for (int fd = 0; fd < 3; fd++) {
    Value s = std_stream_new(fd);
    if (s.is_null()) return false;
    if (dict_set_cstr(d, names[fd][0], s) < 0 || dict_set_cstr(d, names[fd][1], s) < 0)
      return false;
  }
  Value argv = list_new();
  if (argv.is_null() || list_append(argv, str_empty()) < 0) return false;
  if (dict_set_cstr(d, "argv", argv) < 0) return false;
  return init_sys_functions(d);
}

}  // namespace tpy
