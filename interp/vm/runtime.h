// interp/vm/runtime.h -- Start-up and shut-down of the runtime: types, builtins, sys, main thread.
//
// runtime_init() calls every part's initialiser in the order of interp/vm/runtime_inits.def
// (base types before their subclasses, builtins before modules that use them). A part adds
// itself with one row there and defines `bool init_<name>()` (false: fatal start-up error,
// reported with the pending exception).
#pragma once

namespace tpy {

#define TPY_RUNTIME_INIT(name) bool init_##name();
#include "interp/vm/runtime_inits.def"
#undef TPY_RUNTIME_INIT

// Sets up the main thread's state and runs every initialiser; false on failure (message
// printed). [argv] becomes sys.argv.
bool runtime_init(int argc, const char* const* argv);

// The argv runtime_init was given (sys.argv is built from it).
int runtime_argc();
const char* const* runtime_argv();

}  // namespace tpy
