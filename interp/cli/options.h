// interp/cli/options.h -- The `tpy` command line, parsed as CPython 3.11 parses `python`'s.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tpy::cli {

// What the command line asks for. Later issues give the -X options meaning (jit, gil,
// gc-stress, ...); for now they are parsed and stored.
struct Options {
  enum class Action {
    RunFile,     // tpy FILE [args]
    RunCommand,  // tpy -c CODE [args]
    RunModule,   // tpy -m MOD [args]
    RunStdin,    // tpy [-] [args]
    Version,     // -V / --version (twice: build details)
    Help,        // -h / -? / --help
    DumpAst,     // tpy --dump-ast [--attributes] FILE
    ParseOnly,   // tpy --parse-only FILE...
    DumpSymtable,  // tpy --dump-symtable PATH...
    Dis,           // tpy --dis FILE... (every code object, as python3.11's dis.dis)
  };
  Action action = Action::RunStdin;
  std::string program;                  // argv[0], for usage messages
  std::string target;                   // FILE, CODE or MOD
  std::vector<std::string> argv;        // sys.argv as CPython builds it
  std::vector<std::string> files;       // --parse-only and --dump-symtable inputs
  std::vector<std::pair<std::string, std::string>> xoptions;  // -X name[=value], in order
  std::vector<std::string> warnoptions;                       // -W arg
  int version_count = 0;
  int optimize = 0;       // -O count
  int verbose = 0;        // -v count
  int bytes_warning = 0;  // -b count
  bool dump_attributes = false;
  bool ignore_environment = false, isolated = false, no_user_site = false, no_site = false;
  bool unbuffered = false, dont_write_bytecode = false, inspect = false, quiet = false;
  bool safe_path = false, skip_first_line = false, debug_parser = false;

  // Value of -X [name] ("" for a bare -X name), or null if not given.
  const std::string* xoption(const std::string& name) const;
};

// Parses [argc]/[argv]. On a usage error prints CPython's message to stderr and returns 2;
// otherwise fills [out] and returns 0.
int parse_options(int argc, char** argv, Options& out);

// Hands -X gc-stats and -X gc-heap-max=SIZE to the collector (interp/cli/gc_options.cpp);
// 2 with a message on a malformed size.
int apply_gc_options(const Options& o);

// The text of `tpy -h`.
void print_help(const Options& o);

}  // namespace tpy::cli
