// interp/compile/symtable_dump.h -- Text dump of a symbol table, as tests/symtable/dump_symtable.py
// prints python3.11's `symtable` module view of the same source.
#pragma once

#include <string>

#include "interp/compile/symtable.h"

namespace tpy::compile {

// One line per block ("<type> <name> line=<n> nested=<0|1> varnames=[a,b] code=<props>", where
// props are those of generator, coroutine, varargs, varkeywords, class_cell that hold), then one per
// symbol, indented under it ("<name> flags=<DEF_LOCAL|USE> scope=<LOCAL> <is_* that hold>"),
// children after the symbols. Symbols keep their order; those held only to pass a free
// variable on come last, by name (see symtable.h). The is_* properties are those of
// symtable.Symbol in 3.11, quirks included (a function named "top" counts as module scope).
void dump_symtable(std::string& out, const SymbolTable& table);

// "error: <Type>: <msg> at <lineno>:<offset>-<end_lineno>:<end_offset> text=<repr or None>".
void dump_symtable_error(std::string& out, const SyntaxErrorInfo& err);

}  // namespace tpy::compile
