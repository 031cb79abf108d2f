// interp/vm/traceback.h -- Printing an uncaught exception as CPython 3.11 does.
//
// The exceptions part owns this interface; the VM's implementation (traceback.cpp) stands in
// until that part exists: "Traceback (most recent call last):", one '  File "x.py", line N,
// in f' entry per frame with the stripped source line and 3.11's ^^^/~~~ carets from
// co_positions, "[Previous line repeated N more times]", chained exceptions (__cause__ /
// __context__), and the last line "TypeError: msg".
#pragma once

#include <cstdio>
#include <string>

#include "interp/objects/type.h"

namespace tpy {

// Prints [exc] (an exception instance) with its traceback and chain to stderr.
void print_exception(Value exc);
// Line [lineno] of [filename] with its newline, or "" (linecache.getline).
std::string source_line(const std::string& filename, int lineno);
// The text print_exception would write.
std::string format_exception(Value exc);

}  // namespace tpy
