// interp/cli/main.cpp -- The `tpy` command: option dispatch for running and inspecting programs.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "gc/malloc_info.h"
#include "interp/cli/front_commands.h"
#include "interp/cli/options.h"
#include "interp/cli/source_file.h"
#include "interp/modules/sys_module.h"
#include "interp/vm/runtime.h"
#include "jit/backend/versions.h"

namespace tpy::cli {
namespace {

int print_version(const Options& o) {
  std::printf("tpy %s (Python 3.11)\n", TPY_VERSION);
  if (o.version_count > 1) {
    std::printf("built with %s, %s\n", jit::backend_versions().c_str(),
                gc::malloc_version().c_str());
  } else {
    std::printf("%s\n", jit::backend_versions().c_str());
  }
  return 0;
}

// CPython shows the script path made absolute (but not normalised) in open errors.
std::string absolute_path(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char buf[4096];
  if (!getcwd(buf, sizeof buf)) return path;
  return std::string(buf) + "/" + path;
}

int run_file(const Options& o) {
  std::string bytes;
  int err = read_source_file(o.target, bytes);
  if (err == EISDIR) {
    std::fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", o.program.c_str(),
                 absolute_path(o.target).c_str());
    return 1;
  }
  if (err) {
    std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", o.program.c_str(),
                 absolute_path(o.target).c_str(), err, std::strerror(err));
    return 2;
  }
  // Like CPython 3.11, tracebacks and errors name the __main__ script by its absolute path.
  return run_source(bytes, absolute_path(o.target), parse::SourceOrigin::File);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (int rc = parse_options(argc, argv, o)) return rc;
  if (int rc = apply_gc_options(o)) return rc;
  using A = Options::Action;
  if (o.action == A::RunFile || o.action == A::RunCommand || o.action == A::RunStdin) {
    // The runtime (types, builtins, sys) before anything runs; sys.argv is o.argv.
    static std::vector<const char*> args;  // runtime_argv() keeps pointing at it
    for (const std::string& a : o.argv) args.push_back(a.c_str());
    args.push_back(nullptr);
    if (!runtime_init(static_cast<int>(o.argv.size()), args.data())) return 1;
    sys_set_argv(o.argv);
  }
  switch (o.action) {
    case A::Help: print_help(o); return 0;
    case A::Version: return print_version(o);
    case A::DumpAst: return dump_ast_command(o.target, o.dump_attributes);
    case A::ParseOnly: return parse_only_command(o.files);
    case A::DumpSymtable: return dump_symtable_command(o.files);
    case A::Dis: return dis_command(o.files, o.optimize);
    case A::RunFile: return run_file(o);
    case A::RunCommand: return run_source(o.target, "<string>", parse::SourceOrigin::Text);
    case A::RunStdin: {
      std::string bytes;
      read_stream(stdin, bytes);
      return run_source(bytes, "<stdin>", parse::SourceOrigin::File);
    }
    case A::RunModule:
      std::fprintf(stderr, "%s: -m %s: running modules needs the import system, which tpy "
                   "does not have yet\n", o.program.c_str(), o.target.c_str());
      return 1;
  }
  return 0;
}

}  // namespace tpy::cli

int main(int argc, char** argv) { return tpy::cli::main(argc, argv); }
