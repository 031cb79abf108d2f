// interp/cli/main.cpp -- The `tpy` command: option dispatch for running and inspecting programs.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "gc/malloc_info.h"
#include "interp/cli/front_commands.h"
#include "interp/cli/options.h"
#include "interp/cli/source_file.h"
#include "interp/modules/sys_module.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/vm/import.h"
#include "interp/vm/module.h"
#include "interp/vm/run.h"
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

// sys.path[0] as CPython computes it: the directory of the script with symlinks resolved,
// the working directory for -m, "" for -c and stdin.
std::string sys_path0(const Options& o) {
  using A = Options::Action;
  if (o.action == A::RunModule) {
    char buf[4096];
    return getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
  }
  if (o.action != A::RunFile) return "";
  std::string path = o.target;
  if (char* real = realpath(path.c_str(), nullptr)) {
    path = real;
    std::free(real);
  } else {
    path = absolute_path(path);
  }
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// `tpy -m module`: runpy._run_module_as_main(module, True), as CPython's pymain_run_module.
int run_module(const Options& o) {
  std::vector<std::string> argv = o.argv;
  argv[0] = "-m";  // until runpy finds the module's file
  sys_set_argv(argv);
  install_sigint_handler();
  // runpy replaces the __main__ that start-up made (CPython makes it in pylifecycle).
  if (main_module_new("", false).is_null()) return handle_uncaught_exception(fetch_exception());
  Value runpy = import_module("runpy");
  if (runpy.is_null()) {
    std::fprintf(stderr, "Could not import runpy module\n");
    return handle_uncaught_exception(fetch_exception());
  }
  Value fn = getattr_cstr(runpy, "_run_module_as_main");
  if (fn.is_null()) {
    std::fprintf(stderr, "Could not access runpy._run_module_as_main\n");
    return handle_uncaught_exception(fetch_exception());
  }
  Value name = str_from_utf8(o.target);
  if (name.is_null()) return handle_uncaught_exception(fetch_exception());
  Value args[2] = {name, True()};
  Value r = call(fn, args, 2);
  return finish_main(r);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (int rc = parse_options(argc, argv, o)) return rc;
  if (int rc = apply_gc_options(o)) return rc;
  using A = Options::Action;
  if (o.action == A::RunFile || o.action == A::RunCommand || o.action == A::RunStdin ||
      o.action == A::RunModule) {
    // The runtime (types, builtins, sys) before anything runs; sys.argv is o.argv.
    static std::vector<const char*> args;  // runtime_argv() keeps pointing at it
    for (const std::string& a : o.argv) args.push_back(a.c_str());
    args.push_back(nullptr);
    if (!runtime_init(static_cast<int>(o.argv.size()), args.data())) return 1;
    sys_set_argv(o.argv);
    std::string path0 = sys_path0(o);
    if (!import_init(path0.c_str())) return 1;
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
    case A::RunModule: return run_module(o);
  }
  return 0;
}

}  // namespace tpy::cli

int main(int argc, char** argv) { return tpy::cli::main(argc, argv); }
