// interp/compile/codegen.h -- The bytecode compiler's entry point: AST -> CodeUnit tree.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "interp/compile/code_unit.h"
#include "interp/parse/ast.h"
#include "interp/parse/syntax_error.h"

namespace tpy::compile {

// As compile()'s mode argument.
enum class CompileMode { Exec, Eval, Single };

struct CompileOptions {
  int optimize = 0;              // -O level: 1 drops asserts and folds __debug__ to False,
                                 // 2 also drops docstrings
  uint32_t flags = 0;            // extra co_flags to inherit (CO_FUTURE_* bits)
  bool top_level_await = false;  // PyCF_ALLOW_TOP_LEVEL_AWAIT (asyncio REPL)
};

struct CompileResult {
  std::unique_ptr<CodeUnit> code;         // null on error
  parse::SyntaxErrorInfo error;           // when code is null
  // SyntaxWarnings compile.c issues ("assertion is always true, ...", '"is" with a literal',
  // "'tuple' object is not callable; ..."), in source order, located as the SyntaxError that
  // `-W error` would make of them. Printing them is the caller's job.
  std::vector<parse::SyntaxErrorInfo> warnings;
};

// Compiles [mod] (from parse::parse of [source], which error messages quote) into the module
// code object and everything nested in it. Runs the scope analysis (symtable) first; its
// errors come back the same way.
CompileResult compile(ast::Mod* mod, std::string_view source, const std::string& filename,
                      CompileMode mode, const CompileOptions& options = {});

}  // namespace tpy::compile
