// interp/vm/import.h -- The import system's C++ entry points (CPython's Python/import.c).
//
// The machinery itself is CPython's own importlib (_bootstrap.py and _bootstrap_external.py
// from the stdlib root, run at start-up as _frozen_importlib / _frozen_importlib_external;
// see docs/internals/imports.md). The C++ side is the fast path of `import`: resolving
// relative names, returning modules already in sys.modules, and calling
// _bootstrap._find_and_load / _handle_fromlist only when needed.
#pragma once

#include <string>
#include <string_view>

#include "interp/objects/type.h"

namespace tpy {

// Runs importlib's bootstrap (after runtime_init): sys.path, sys.meta_path, path hooks...
// [path0] becomes sys.path[0] (the script's directory, or "" for -c / -m / stdin); null to
// leave it out. False with the error printed when the stdlib cannot be bootstrapped.
bool import_init(const char* path0);

// True once import_init has installed importlib.
bool import_ready();

// The stdlib root in use (TPY_STDLIB or the configured default).
const std::string& import_stdlib_root();

// `__import__(name, globals, locals, fromlist, level)` (PyImport_ImportModuleLevelObject).
// [globals], [locals], [fromlist] may be null.
Value import_module_level(Value name, Value globals, Value locals, Value fromlist, int64_t level);

// `import name` from C++ (absolute; returns the named module itself, not its top package).
Value import_module(std::string_view name);

// sys.modules[name] or null (no exception) when absent.
Value import_get_module(Value name);

// IMPORT_FROM: getattr(module, name) with the sys.modules fallback for circular imports and
// CPython's ImportError messages ("cannot import name 'x' from 'm' (path)").
Value import_from(Value module, Value name);

// Raises ImportError(msg, name=name, path=path) (PyErr_SetImportError); null.
Value raise_import_error(Value msg, Value name, Value path);

// The _frozen_importlib module (null before import_init).
Value importlib_bootstrap();

}  // namespace tpy
