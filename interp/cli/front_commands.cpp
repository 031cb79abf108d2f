// interp/cli/front_commands.cpp -- Front-end commands: parse and report, --dump-ast, --parse-only,
// --dump-symtable.
#include "interp/cli/front_commands.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "interp/cli/source_file.h"
#include "interp/compile/codegen.h"
#include "interp/compile/dis.h"
#include "interp/compile/symtable.h"
#include "interp/compile/symtable_dump.h"
#include "interp/parse/ast_dump.h"
#include "interp/vm/run.h"
#include "interp/parse/parser.h"

namespace tpy::cli {
namespace {

// Appends [path] if it is a file, or every *.py below it (sorted) if it is a directory.
void collect_py_files(const std::string& path, std::vector<std::string>& out) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    out.push_back(path);
    return;
  }
  DIR* d = ::opendir(path.c_str());
  if (!d) return;
  std::vector<std::string> names;
  while (dirent* e = ::readdir(d)) {
    if (e->d_name[0] != '.') names.emplace_back(e->d_name);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    std::string child = path + "/" + n;
    if (::stat(child.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) collect_py_files(child, out);
    else if (n.size() > 3 && n.compare(n.size() - 3, 3, ".py") == 0) out.push_back(child);
  }
}

size_t count_lines(std::string_view s) {
  size_t n = static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
  return n + (!s.empty() && s.back() != '\n');
}

int report_open_error(const std::string& path, int err) {
  std::fprintf(stderr, "tpy: can't open file '%s': [Errno %d] %s\n", path.c_str(), err,
               std::strerror(err));
  return 2;
}

// As the warnings module shows a SyntaxWarning from the compiler: "file:line: SyntaxWarning: msg"
// and the stripped source line, once per line and message.
void print_compile_warnings(const compile::CompileResult& cr) {
  std::vector<std::pair<int, std::string>> seen;
  for (const parse::SyntaxErrorInfo& w : cr.warnings) {
    std::pair<int, std::string> key{w.lineno, w.msg};
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    std::fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", w.filename.c_str(), w.lineno, w.msg.c_str());
    std::string text = w.text;
    size_t b = text.find_first_not_of(" \t\f");
    size_t e = text.find_last_not_of(" \t\f\r\n");
    if (b != std::string::npos && e != std::string::npos) {
      std::fprintf(stderr, "  %s\n", text.substr(b, e - b + 1).c_str());
    }
  }
}

}  // namespace

int dis_command(const std::vector<std::string>& files, int optimize) {
  int rc = 0;
  for (const std::string& path : files) {
    std::string bytes;
    if (int err = read_source_file(path, bytes)) {
      report_open_error(path, err);
      rc = 2;
      continue;
    }
    parse::Arena arena;
    // As compile(open(path, 'rb').read(), path, 'exec').
    parse::ParseResult r =
        parse::parse(bytes, path, parse::ParseMode::Exec, arena, parse::SourceOrigin::String);
    if (!r.mod) {
      parse::print_syntax_error(stderr, r.error);
      rc = 1;
      continue;
    }
    compile::CompileOptions opts;
    opts.optimize = optimize;
    compile::CompileResult cr =
        compile::compile(r.mod, bytes, path, compile::CompileMode::Exec, opts);
    print_compile_warnings(cr);
    if (!cr.code) {
      parse::print_syntax_error(stderr, cr.error);
      rc = 1;
      continue;
    }
    std::string out;
    compile::disassemble(out, *cr.code);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return rc;
}

int run_source(std::string_view source, const std::string& filename, parse::SourceOrigin origin) {
  parse::Arena arena;
  parse::ParseResult r = parse::parse(source, filename, parse::ParseMode::Exec, arena, origin);
  if (!r.mod) {
    std::fflush(stdout);
    parse::print_syntax_error(stderr, r.error);
    return 1;
  }
  compile::CompileResult cr = compile::compile(r.mod, source, filename, compile::CompileMode::Exec);
  print_compile_warnings(cr);
  if (!cr.code) {
    std::fflush(stdout);
    parse::print_syntax_error(stderr, cr.error);
    return 1;
  }
  // A script path (not "<string>" or "<stdin>") becomes __main__.__file__.
  bool is_script = !filename.empty() && filename[0] != '<';
  return run_main_unit(*cr.code, filename, is_script);
}

int dump_ast_command(const std::string& path, bool attributes) {
  std::string bytes;
  if (int err = read_source_file(path, bytes)) return report_open_error(path, err);
  parse::Arena arena;
  // As ast.parse(open(path, 'rb').read()): compile() of bytes, not a script run.
  parse::ParseResult r =
      parse::parse(bytes, path, parse::ParseMode::Exec, arena, parse::SourceOrigin::String);
  if (!r.mod) {
    parse::print_syntax_error(stderr, r.error);
    return 1;
  }
  std::string out;
  out.reserve(bytes.size() * 8);
  if (!parse::dump_ast(out, r.mod, attributes)) {
    std::fputs("RecursionError: maximum recursion depth exceeded while calling a Python object\n",
               stderr);
    return 1;
  }
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int parse_only_command(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) collect_py_files(in, files);
  size_t lines = 0, errors = 0;
  double seconds = 0;
  std::string bytes;
  for (const std::string& path : files) {
    if (int err = read_source_file(path, bytes)) {
      report_open_error(path, err);
      errors++;
      continue;
    }
    lines += count_lines(bytes);
    auto t0 = std::chrono::steady_clock::now();  // parsing only, not the file reads
    parse::Arena arena;
    parse::ParseResult r = parse::parse(bytes, path, parse::ParseMode::Exec, arena);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!r.mod) {
      errors++;
      std::fprintf(stderr, "%s:%d: %s: %s\n", path.c_str(), r.error.lineno,
                   parse::type_name(r.error.type), r.error.msg.c_str());
    }
  }
  std::printf("parsed %zu files, %zu lines, %zu errors in %.3f s\n", files.size(), lines, errors,
              seconds);
  return errors ? 1 : 0;
}

int dump_symtable_command(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) collect_py_files(in, files);
  struct stat st;
  bool headers = inputs.size() != 1 || files.size() != 1 ||
                 (::stat(inputs[0].c_str(), &st) == 0 && S_ISDIR(st.st_mode));
  int rc = 0;
  std::string bytes, out;
  for (const std::string& path : files) {
    out.clear();
    if (headers) out += "== " + path + "\n";
    if (int err = read_source_file(path, bytes)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      report_open_error(path, err);
      rc = 1;
      continue;
    }
    parse::Arena arena;
    // As symtable.symtable(open(path, 'rb').read(), path, 'exec').
    parse::ParseResult r =
        parse::parse(bytes, path, parse::ParseMode::Exec, arena, parse::SourceOrigin::String);
    if (!r.mod) {
      out += std::string("parse-error: ") + parse::type_name(r.error.type) + ": " + r.error.msg +
             " line " + std::to_string(r.error.lineno) + "\n";
      rc = 1;
    } else {
      parse::SyntaxErrorInfo err;
      std::unique_ptr<compile::SymbolTable> table = compile::build_symtable(r.mod, path, &err);
      if (table) {
        compile::dump_symtable(out, *table);
      } else {
        compile::load_error_text(err);
        compile::dump_symtable_error(out, err);
        rc = 1;
      }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  std::fflush(stdout);
  return rc;
}

}  // namespace tpy::cli
