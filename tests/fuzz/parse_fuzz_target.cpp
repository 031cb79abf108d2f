// tests/fuzz/parse_fuzz_target.cpp -- Fuzz target: any bytes through decode, tokenize, parse, dump.
//
// Built two ways: by tools/fuzz with clang's libFuzzer (coverage-guided), and into
// tpy_parse_fuzz_mutations with mutation_driver.cpp, which ctest runs on every build (so the
// sanitizer build fuzzes too). The property checked is "never crashes, never trips a sanitizer".
// Each input is parsed the three ways CPython receives source (a file, bytes, a str) in the
// three main modes, and a failure is printed as tpy prints a SyntaxError, so error locations
// and texts are exercised as well as the AST.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "interp/parse/ast_dump.h"
#include "interp/parse/parser.h"

namespace {

using tpy::parse::ParseMode;
using tpy::parse::SourceOrigin;

struct Way {
  ParseMode mode;
  SourceOrigin origin;
};
constexpr Way kWays[] = {
    {ParseMode::Exec, SourceOrigin::File},
    {ParseMode::Eval, SourceOrigin::String},
    {ParseMode::Single, SourceOrigin::Text},
};

std::FILE* sink() {
  static std::FILE* f = std::fopen("/dev/null", "w");
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  for (const Way& w : kWays) {
    tpy::parse::Arena arena;
    tpy::parse::ParseResult r = tpy::parse::parse(src, "<fuzz>", w.mode, arena, w.origin);
    if (r.mod) {
      std::string out;
      (void)tpy::parse::dump_ast(out, r.mod, true);  // too deep to dump is not a fault
    } else if (std::FILE* f = sink()) {
      tpy::parse::print_syntax_error(f, r.error);
    }
  }
  return 0;
}
