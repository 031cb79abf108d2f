// interp/vm/run.h -- Compiling source to code objects and running a program as `__main__`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/objects/type.h"
#include "interp/parse/source.h"
#include "interp/parse/syntax_error.h"

namespace tpy {
namespace compile {
struct CodeUnit;
}

enum class SourceMode { Exec, Eval, Single };

// Parses and compiles [source] into a code object, as compile() does; SyntaxError (or
// MemoryError) pending on failure. SyntaxWarnings are printed to stderr.
Value compile_source(std::string_view source, const std::string& filename, SourceMode mode,
                     parse::SourceOrigin origin, int optimize = 0, uint32_t flags = 0);

// The SyntaxError instance for a front-end error (IndentationError/TabError by its type).
Value syntax_error_from_info(const parse::SyntaxErrorInfo& e);

// Runs the compiled module [unit] as the `__main__` program from [filename] ([set_file]:
// a script path, so __file__ is set) and returns the process exit status: 0, 1 after an
// uncaught exception (printed), SystemExit's code; KeyboardInterrupt ends the process with
// SIGINT as CPython does (status 130 in a shell).
int run_main_unit(const compile::CodeUnit& unit, const std::string& filename, bool set_file);

// The end of running `__main__` (a script, -c, -m): [result] null means the program raised
// (the pending exception is printed or SystemExit decides the status); flushes the streams.
int finish_main(Value result);

// The exit status for an uncaught exception [exc] (printing it, or SystemExit's message).
int handle_uncaught_exception(Value exc);

// Installs the SIGINT handler that makes the interpreter raise KeyboardInterrupt.
void install_sigint_handler();

}  // namespace tpy
