// interp/modules/sys_funcs.cpp -- sys's functions and constant attributes.
#include "interp/modules/sys_module.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

Value sys_exit(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("exit", nargs, 0, 1)) return Value();
  Value code = nargs ? args[0] : None();
  Value e = exception_new(exc_SystemExit, &code, 1);
  if (e.is_null()) return e;
  return raise_value(e);
}

const MethodDef sys_functions[] = {
    {"exit", sys_exit, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool init_sys_functions(Value d) {
  Value name = str_intern("sys");
  return add_native_functions(d, sys_functions, sys_module(), name) == 0;
}

}  // namespace tpy
