// interp/compile/dis.h -- Disassembler: CodeUnit -> text in python3.11's dis.dis() format.
#pragma once

#include <string>

#include "interp/compile/code_unit.h"

namespace tpy::compile {

// Appends what `dis.dis(code)` prints for [code] (show_caches=False, adaptive=False): the
// instructions with line starts, offsets, jump-target markers and resolved arguments, the
// ExceptionTable section, then every nested code object after "Disassembly of <code ...>:".
void disassemble(std::string& out, const CodeUnit& code);

}  // namespace tpy::compile
