// interp/modules/builtins_import.cpp -- builtins.__import__: argument parsing over the import
// system's native fast path (interp/vm/import.h).
#include "interp/modules/builtins_import.h"

#include <climits>

#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/str.h"
#include "interp/vm/import.h"

namespace tpy {

Value builtin_import(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"name", "globals", "locals", "fromlist", "level", nullptr};
  Value name, globals, locals, fromlist, level;
  ArgSpec spec{"__import__", kw, 1, 5, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&name, &globals, &locals, &fromlist, &level}))
    return Value();
  if (!is_str(name)) return raise_error(exc_TypeError, "module name must be a string");
  int64_t lvl = 0;
  if (!level.is_null()) {
    if (!index_to_i64(level, &lvl)) return Value();
    if (lvl > INT_MAX || lvl < INT_MIN)
      return raise_error(exc_OverflowError, "signed integer is greater than maximum");
  }
  return import_module_level(name, globals, locals, fromlist, lvl);
}

}  // namespace tpy
