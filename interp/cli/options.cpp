// interp/cli/options.cpp -- Command-line parsing with CPython 3.11's rules and messages.
//
// As in CPython (Python/getopt.c): short options may be bundled (-OOc code), -c/-m/-W/-X take
// the rest of the word or the next word, -c and -m end the option list, and so does the first
// non-option word (the script). tpy's own long options come first and are listed in kTpyLong.
#include "interp/cli/options.h"

#include <cstdio>
#include <cstring>

namespace tpy::cli {

namespace {

constexpr const char* kFlagLetters = "bBdEhiIOPqsSuvVx?";

void usage_error(const Options& o, const std::string& first_line) {
  std::fprintf(stderr, "%s\nusage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                       "Try `tpy -h' for more information.\n",
               first_line.c_str(), o.program.c_str());
}

void set_flag(Options& o, char c) {
  switch (c) {
    case 'b': o.bytes_warning++; break;
    case 'B': o.dont_write_bytecode = true; break;
    case 'd': o.debug_parser = true; break;
    case 'E': o.ignore_environment = true; break;
    case 'h': case '?': o.action = Options::Action::Help; break;
    case 'i': o.inspect = true; break;
    case 'I': o.isolated = o.ignore_environment = o.no_user_site = o.safe_path = true; break;
    case 'O': o.optimize++; break;
    case 'P': o.safe_path = true; break;
    case 'q': o.quiet = true; break;
    case 's': o.no_user_site = true; break;
    case 'S': o.no_site = true; break;
    case 'u': o.unbuffered = true; break;
    case 'v': o.verbose++; break;
    case 'V': o.version_count++; break;
    case 'x': o.skip_first_line = true; break;
  }
}

void add_xoption(Options& o, const std::string& arg) {
  size_t eq = arg.find('=');
  if (eq == std::string::npos) o.xoptions.emplace_back(arg, "");
  else o.xoptions.emplace_back(arg.substr(0, eq), arg.substr(eq + 1));
}

// Handles a `--long` word. Returns 1 to continue, 0 when option parsing ends, -1 on error.
int parse_long(Options& o, const std::string& w, int& i, int argc) {
  if (w == "--version") return o.version_count++, 1;
  if (w == "--help" || w == "--help-all" || w == "--help-xoptions" || w == "--help-env")
    return o.action = Options::Action::Help, 1;
  if (w == "--dump-ast") return o.action = Options::Action::DumpAst, 1;
  if (w == "--attributes") return o.dump_attributes = true, 1;
  if (w == "--parse-only") return o.action = Options::Action::ParseOnly, 1;
  if (w == "--dump-symtable") return o.action = Options::Action::DumpSymtable, 1;
  if (w == "--dis") return o.action = Options::Action::Dis, 1;
  if (w == "--check-hash-based-pycs") {
    if (i + 1 >= argc) {
      usage_error(o, "Argument expected for the --check-hash-based-pycs option");
      return -1;
    }
    i++;
    return 1;
  }
  usage_error(o, "unknown option " + w);
  return -1;
}

// Handles one bundle of short options, word [i]. Same return convention as parse_long.
int parse_short(Options& o, const std::string& w, int& i, int argc, char** argv) {
  for (size_t k = 1; k < w.size(); k++) {
    char c = w[k];
    if (c == 'c' || c == 'm' || c == 'W' || c == 'X') {
      std::string arg;
      if (k + 1 < w.size()) arg = w.substr(k + 1);
      else if (i + 1 < argc) arg = argv[++i];
      else return usage_error(o, std::string("Argument expected for the -") + c + " option"), -1;
      if (c == 'W') o.warnoptions.push_back(arg);
      if (c == 'X') add_xoption(o, arg);
      if (c == 'W' || c == 'X') return 1;
      o.action = c == 'c' ? Options::Action::RunCommand : Options::Action::RunModule;
      o.target = arg;
      return 0;
    }
    if (!std::strchr(kFlagLetters, c)) {
      return usage_error(o, std::string("Unknown option: -") + c), -1;
    }
    set_flag(o, c);
  }
  return 1;
}

}  // namespace

const std::string* Options::xoption(const std::string& name) const {
  const std::string* found = nullptr;
  for (const auto& [k, v] : xoptions)
    if (k == name) found = &v;  // the last one wins, as in sys._xoptions
  return found;
}

int parse_options(int argc, char** argv, Options& o) {
  o.program = argc > 0 ? argv[0] : "tpy";
  int i = 1;
  for (; i < argc; i++) {
    std::string w = argv[i];
    if (w == "--") {
      i++;
      break;
    }
    if (w.size() < 2 || w[0] != '-') break;  // script name, or "-" for stdin
    int r = w[1] == '-' ? parse_long(o, w, i, argc) : parse_short(o, w, i, argc, argv);
    if (r < 0) return 2;
    if (r == 0) {
      i++;
      break;
    }
  }
  using A = Options::Action;
  if (o.action == A::Help || o.version_count > 0) {
    if (o.action != A::Help) o.action = A::Version;
    return 0;
  }
  if (o.action == A::ParseOnly) {
    for (; i < argc; i++) o.files.emplace_back(argv[i]);
    return 0;
  }
  if (o.action == A::Dis) {
    if (i >= argc) return usage_error(o, "--dis needs a file"), 2;
    for (; i < argc; i++) o.files.emplace_back(argv[i]);
    return 0;
  }
  if (o.action == A::DumpSymtable) {
    if (i >= argc) return usage_error(o, "--dump-symtable needs a file"), 2;
    for (; i < argc; i++) o.files.emplace_back(argv[i]);
    return 0;
  }
  if (o.action == A::DumpAst) {
    if (i >= argc) return usage_error(o, "--dump-ast needs a file"), 2;
    o.target = argv[i];
    return 0;
  }
  if (o.action == A::RunCommand || o.action == A::RunModule) {
    o.argv.push_back(o.action == A::RunCommand ? "-c" : o.target);
  } else if (i < argc && std::strcmp(argv[i], "-") != 0) {
    o.action = A::RunFile;
    o.target = argv[i++];
    o.argv.push_back(o.target);
  } else {
    o.action = A::RunStdin;
    o.argv.push_back(i < argc ? argv[i++] : "");
  }
  for (; i < argc; i++) o.argv.emplace_back(argv[i]);
  return 0;
}

void print_help(const Options& o) {
  std::printf(
      "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
      "Options:\n"
      "-c cmd : program passed in as string (terminates option list)\n"
      "-m mod : run library module as a script (terminates option list)\n"
      "-h     : print this help message and exit (also -? or --help)\n"
      "-V     : print the version number and exit (also --version);\n"
      "         when given twice, print the versions of the libraries tpy is built on\n"
      "-X opt : set an implementation-specific option (stored in sys._xoptions):\n"
      "         -X jit=on|off, -X jit-threshold=N, -X jit-log, -X gil=ticks|switch|priority|free,\n"
      "         -X gc-stats, -X gc-heap-max=SIZE (given meaning by later stages of tpy)\n"
      "-b -B -d -E -i -I -O -OO -P -q -s -S -u -v -W arg -x : accepted as CPython accepts them\n"
      "tpy's own options:\n"
      "--dump-ast [--attributes] file : print ast.dump() of file's AST (with locations)\n"
      "--parse-only file ...          : parse the files and print a one-line summary\n"
      "--dis file ...                 : print the bytecode of the files (as dis.dis of\n"
      "                                 compile(source, file, 'exec'))\n"
      "--dump-symtable path ...       : print the symbol tables (scopes) of the files, or of\n"
      "                                 every *.py below a directory\n"
      "Arguments:\n"
      "file   : program read from script file\n"
      "-      : program read from stdin (default; interactive mode if a tty)\n"
      "arg ...: arguments passed to program in sys.argv[1:]\n",
      o.program.c_str());
}

}  // namespace tpy::cli
