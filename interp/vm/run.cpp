// interp/vm/run.cpp -- Source to code objects (compile/exec/eval) and running `__main__`.
#include "interp/vm/run.h"

#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/modules/atexit.h"
#include "interp/modules/sys_module.h"
#include "interp/parse/parser.h"
#include "interp/vm/code.h"
#include "interp/vm/eval.h"
#include "interp/vm/module.h"
#include "interp/vm/traceback.h"

#if __has_include("interp/compile/codegen.h")
#include "interp/compile/codegen.h"
#define TPY_HAVE_CODEGEN 1
#endif

namespace tpy {

namespace vm {
extern volatile std::sig_atomic_t g_pending_sigint;
}

Value syntax_error_from_info(const parse::SyntaxErrorInfo& e) {
  using T = parse::SyntaxErrorInfo::Type;
  if (e.type == T::MemoryError) return raise_no_memory();
  Type* type = e.type == T::IndentationError ? exc_IndentationError
               : e.type == T::TabError       ? exc_TabError
                                             : exc_SyntaxError;
  Value msg = str_from_utf8(e.msg);
  Value filename = str_from_utf8(e.filename);
  Value text = (e.text.empty() && !e.blank_text) ? None() : str_from_utf8(e.text);
  if (msg.is_null() || filename.is_null() || text.is_null()) return Value();
  Value details = tuple_pack({filename, int_from_i64(e.lineno), int_from_i64(e.offset), text,
                             int_from_i64(e.end_lineno), int_from_i64(e.end_offset)});
  if (details.is_null()) return details;
  Value args[2] = {msg, details};
  Value exc = exception_new(type, args, 2);
  if (exc.is_null()) return exc;
  set_exception(exc);
  return Value();
}

namespace {

// As the warnings module shows a SyntaxWarning: "file:line: SyntaxWarning: msg" and the line.
void print_warnings(const std::vector<parse::SyntaxErrorInfo>& warnings) {
  std::vector<std::pair<int, std::string>> seen;
  for (const parse::SyntaxErrorInfo& w : warnings) {
    std::pair<int, std::string> key{w.lineno, w.msg};
    bool dup = false;
    for (auto& s : seen) dup |= s == key;
    if (dup) continue;
    seen.push_back(key);
    std::fflush(stdout);
    std::fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", w.filename.c_str(), w.lineno, w.msg.c_str());
    std::string text = w.text;
    size_t b = text.find_first_not_of(" \t\f");
    size_t e = text.find_last_not_of(" \t\f\r\n");
    if (b != std::string::npos && e != std::string::npos)
      std::fprintf(stderr, "  %s\n", text.substr(b, e - b + 1).c_str());
  }
}

void sigint_handler(int) { vm::g_pending_sigint = 1; }

}  // namespace

void install_sigint_handler() {
  // As CPython: an inherited SIG_IGN (background jobs, nohup) is left alone.
  struct sigaction old = {};
  if (sigaction(SIGINT, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) return;
  struct sigaction sa = {};
  sa.sa_handler = sigint_handler;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
}

Value compile_source(std::string_view source, const std::string& filename, SourceMode mode,
                     parse::SourceOrigin origin, int optimize, uint32_t flags) {
#if TPY_HAVE_CODEGEN
  parse::ParseMode pmode = mode == SourceMode::Eval     ? parse::ParseMode::Eval
                           : mode == SourceMode::Single ? parse::ParseMode::Single
                                                        : parse::ParseMode::Exec;
  parse::Arena arena;
  parse::ParseResult r = parse::parse(source, filename, pmode, arena, origin);
  print_warnings(r.warnings);
  if (!r.mod) return syntax_error_from_info(r.error);
  compile::CompileOptions opts;
  opts.optimize = optimize;
  opts.flags = flags;
  compile::CompileMode cmode = mode == SourceMode::Eval     ? compile::CompileMode::Eval
                               : mode == SourceMode::Single ? compile::CompileMode::Single
                                                            : compile::CompileMode::Exec;
  compile::CompileResult cr = compile::compile(r.mod, source, filename, cmode, opts);
  print_warnings(cr.warnings);
  if (!cr.code) return syntax_error_from_info(cr.error);
  return code_from_unit(*cr.code);
#else
  (void)source, (void)filename, (void)mode, (void)origin, (void)optimize, (void)flags;
  return raise_error(exc_SystemError, "tpy was built without the bytecode compiler");
#endif
}

int handle_uncaught_exception(Value exc) {
  // What the program printed comes first (sys.stdout is buffered).
  sys_flush_std_streams();
  if (is_instance_of(exc, exc_SystemExit)) {
    auto* se = static_cast<SystemExitObject*>(exc.as_object());
    Value code = se->code;
    if (code.is_null()) {
      Value args = se->args;
      int64_t n = args.is_null() ? 0 : tuple_length(args);
      code = n == 0 ? None() : n == 1 ? tuple_at(args, 0) : args;
    }
    if (is_none(code)) return 0;
    if (code.is_int()) return static_cast<int>(code.as_int());
    if (is_instance_of(code, &int_type)) {
      int64_t v = 0;
      if (index_to_i64(code, &v)) return static_cast<int>(v);
      clear_exception();
      return -1;
    }
    Value s = object_str(code);
    std::fflush(stdout);
    if (s.is_null()) {
      clear_exception();
    } else {
      std::string t = str_to_utf8(s);
      std::fprintf(stderr, "%s\n", t.c_str());
    }
    return 1;
  }
  print_exception(exc);
  sys_flush_std_streams();
  clear_exception();
  if (is_instance_of(exc, exc_KeyboardInterrupt)) {
    // As CPython: die of SIGINT so the parent sees the interrupt (status 130 in a shell).
    std::fflush(stdout);
    std::fflush(stderr);
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
    return 130;
  }
  return 1;
}

int finish_main(Value result) {
  int status = 0;
  if (result.is_null()) {
    status = handle_uncaught_exception(fetch_exception());
  } else {
    sys_flush_std_streams();
    if (error_occurred()) status = handle_uncaught_exception(fetch_exception());
  }
  atexit_run_callbacks();
  sys_flush_std_streams();
  std::fflush(stdout);
  return status;
}

int run_main_unit(const compile::CodeUnit& unit, const std::string& filename, bool set_file) {
  Value code = code_from_unit(unit);
  if (code.is_null()) return handle_uncaught_exception(fetch_exception());
  Value m = main_module_new(filename, set_file);
  if (m.is_null()) return handle_uncaught_exception(fetch_exception());
  install_sigint_handler();
  return finish_main(eval_code(code, module_dict(m), Value()));
}

}  // namespace tpy
