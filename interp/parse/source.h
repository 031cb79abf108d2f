// interp/parse/source.h -- Turns the bytes of a source file into UTF-8 text (BOM, coding cookie).
#pragma once

#include <string>
#include <string_view>

#include "interp/parse/syntax_error.h"

namespace tpy::parse {

// Decodes [bytes] per PEP 263 / PEP 3120: a UTF-8 BOM, or a `coding[:=]` cookie on line 1 or 2
// (utf-8, latin-1/iso-8859-1 and their aliases, ascii), defaulting to UTF-8. On success writes
// UTF-8 to [out] (BOM removed) and returns true; otherwise fills [err] as CPython reports it
// (e.g. "unknown encoding: foo", "(unicode error) 'utf-8' codec can't decode byte 0xff in
// position 0: invalid start byte", "Non-UTF-8 code starting with '\xff' in file x.py on line 1,
// but no encoding declared; see https://peps.python.org/pep-0263/ for details").
bool decode_source(std::string_view bytes, std::string& out, SyntaxErrorInfo& err);

}  // namespace tpy::parse
