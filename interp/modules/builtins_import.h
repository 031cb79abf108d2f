// interp/modules/builtins_import.h -- builtins.__import__ (the row of builtins_core.cpp's table).
#pragma once

#include <cstddef>

#include "interp/objects/type.h"

namespace tpy {

Value builtin_import(Value self, const Value* args, size_t nargs, Value kwnames);

inline constexpr const char* kBuiltinImportDoc =
    "__import__($module, /, name, globals=None, locals=None, fromlist=(), level=0)\n--\n\n"
    "Import a module.\n\n"
    "Because this function is meant for use by the Python\n"
    "interpreter and not for general use, it is better to use\n"
    "importlib.import_module() to programmatically import a module.\n\n"
    "The globals argument is only used to determine the context;\n"
    "they are not modified.  The locals argument is unused.  The fromlist\n"
    "should be a list of names to emulate ``from name import ...``, or an\n"
    "empty list to emulate ``import name``.\n"
    "When importing a module from a package, note that __import__('A.B', ...)\n"
    "returns package A when fromlist is empty, but its submodule B when\n"
    "fromlist is not empty.  The level argument is used to determine whether to\n"
    "perform absolute or relative imports: 0 is absolute, while a positive number\n"
    "is the number of parent directories to search relative to the current module.";

}  // namespace tpy
