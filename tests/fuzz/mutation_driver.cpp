// tests/fuzz/mutation_driver.cpp -- Deterministic mutation fuzzing of the parser without libFuzzer.
//
// usage: tpy_parse_fuzz_mutations ITERATIONS SEED FILE_OR_DIR...
// Loads the seed files, then for each iteration mutates one of them (byte flips, deletions,
// duplications, splices and insertions of Python tokens that stress the grammar) and feeds the
// result to the fuzz target. A crash or sanitizer report fails the test; the iteration number
// and seed printed first let anyone replay it.
#include <dirent.h>
#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

const char* const kTokens[] = {
    "(", ")", "[", "]", "{", "}", ":", ",", ";", "\n", "\\\n", "    ", "\t", "\f", "'", "\"",
    "'''", "\"\"\"", "f'", "rb\"", "{x!r:>{w}}", "{", "}", "#", "=", ":=", "**", "*", "->",
    "...", "@", "lambda", "def", "class", "if", "else", "elif", "match", "case", "_", "async",
    "await", "yield", "from", "import", "try:", "except*", "finally:", "with", "as", "not",
    "in", "is", "0x", "1e", "1_000", "0o7", "1j", ".5", "\\N{DASH}", "\\x4", "é", "€", "\xff",
    "\xc2\xa0", "\r\n", "\r", "global", "nonlocal", "del", "return", "pass", "print ", "\0",
};

void load(const std::string& path, std::vector<std::string>& out) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    DIR* d = opendir(path.c_str());
    if (!d) return;
    std::vector<std::string> names;
    while (dirent* e = readdir(d))
      if (e->d_name[0] != '.') names.emplace_back(e->d_name);
    closedir(d);
    for (const auto& n : names) load(path + "/" + n, out);
    return;
  }
  if (path.size() < 3 || path.compare(path.size() - 3, 3, ".py") != 0) return;
  if (st.st_size > 200000) return;  // keep iterations fast
  FILE* f = fopen(path.c_str(), "rb");
  if (!f) return;
  std::string s(static_cast<size_t>(st.st_size), '\0');
  size_t n = fread(s.data(), 1, s.size(), f);
  s.resize(n);
  fclose(f);
  out.push_back(std::move(s));
}

void mutate(std::string& s, const std::vector<std::string>& corpus, std::mt19937_64& rng) {
  auto pick = [&](size_t n) { return n ? static_cast<size_t>(rng() % n) : 0; };
  int rounds = 1 + static_cast<int>(pick(8));
  for (int k = 0; k < rounds; k++) {
    size_t pos = pick(s.size() + 1);
    switch (pick(6)) {
      case 0: if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << pick(8)); break;
      case 1: s.erase(pos, pick(64)); break;
      case 2: s.insert(pos, kTokens[pick(std::size(kTokens))]); break;
      case 3: {  // duplicate a slice, which builds deep nesting and long lines
        size_t len = pick(128);
        std::string piece = s.substr(pos, len);
        for (size_t r = 1 + pick(4); r > 0; r--) s.insert(pos, piece);
        break;
      }
      case 4: {  // splice from another file
        const std::string& o = corpus[pick(corpus.size())];
        size_t from = pick(o.size() + 1);
        s.insert(pos, o.substr(from, pick(256)));
        break;
      }
      case 5: s.resize(pos); break;  // truncate: unterminated constructs at EOF
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s ITERATIONS SEED FILE_OR_DIR...\n", argv[0]);
    return 2;
  }
  long iterations = std::atol(argv[1]);
  uint64_t seed = std::strtoull(argv[2], nullptr, 10);
  std::vector<std::string> corpus;
  for (int i = 3; i < argc; i++) load(argv[i], corpus);
  if (corpus.empty()) {
    std::fprintf(stderr, "no seed files found\n");
    return 2;
  }
  std::printf("fuzzing: %zu seed files, %ld iterations, seed %llu\n", corpus.size(), iterations,
              static_cast<unsigned long long>(seed));
  std::fflush(stdout);
  std::mt19937_64 rng(seed);
  for (long it = 0; it < iterations; it++) {
    std::string s = corpus[rng() % corpus.size()];
    mutate(s, corpus, rng);
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  }
  std::printf("no crashes\n");
  return 0;
}
