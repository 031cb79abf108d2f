// interp/cli/front_commands.h -- Commands served by the front end: run (parse for now),
// --dump-ast and --parse-only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interp/parse/source.h"

namespace tpy::cli {

// Compiles and runs [source] as the __main__ program named [filename]; returns the exit status.
int run_source(std::string_view source, const std::string& filename, parse::SourceOrigin origin);
// `tpy --dump-ast [--attributes] FILE`.
int dump_ast_command(const std::string& path, bool attributes);
// `tpy --parse-only FILE...`: parses every file, prints "files lines errors seconds".
int parse_only_command(const std::vector<std::string>& files);
// `tpy --dump-symtable PATH...`: the symbol table of one file, or of many, each after a
// "== FILE" line (the format of tests/symtable/dump_symtable.py).
int dump_symtable_command(const std::vector<std::string>& paths);

// `tpy --dis FILE...`: compiles each file and prints its code objects in dis.dis format
// (-O levels apply); compile errors print as CPython prints them.
int dis_command(const std::vector<std::string>& files, int optimize);

}  // namespace tpy::cli
