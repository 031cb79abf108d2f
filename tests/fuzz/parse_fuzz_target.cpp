// tests/fuzz/parse_fuzz_target.cpp -- Fuzz target: any bytes through decode, tokenize, parse, dump.
//
// Built two ways: by tools/fuzz with clang's libFuzzer (coverage-guided), and into
// tpy_parse_fuzz_mutations with mutation_driver.cpp, which ctest runs on every build (so the
// sanitizer build fuzzes too). The property checked is "never crashes, never trips a sanitizer".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "interp/parse/ast_dump.h"
#include "interp/parse/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  for (auto mode : {tpy::parse::ParseMode::Exec, tpy::parse::ParseMode::Eval}) {
    tpy::parse::Arena arena;
    tpy::parse::ParseResult r = tpy::parse::parse(src, "<fuzz>", mode, arena);
    if (r.mod) {
      std::string out;
      tpy::parse::dump_ast(out, r.mod, true);
    }
  }
  return 0;
}
