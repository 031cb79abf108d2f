// interp/parse/ast_dump.h -- Prints an AST exactly as CPython 3.11's ast.dump() does.
#pragma once

#include <string>

#include "interp/parse/ast.h"

namespace tpy::parse {

// Appends `ast.dump(mod)` (or `ast.dump(mod, include_attributes=True)`) to [out], no newline.
// False when the tree nests deeper than ast.dump() can recurse (python3.11 raises
// RecursionError there); [out] then holds an unfinished dump.
[[nodiscard]] bool dump_ast(std::string& out, const ast::Mod* mod, bool include_attributes);

}  // namespace tpy::parse
