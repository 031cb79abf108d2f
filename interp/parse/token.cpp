// interp/parse/token.cpp -- Names and fixed texts of token kinds, from tokens.def.
#include "interp/parse/token.h"

#include <array>

namespace tpy::parse {
namespace {

constexpr size_t kMaxName = 24;

// How a kind is spelled in messages: "'('" and "'def'" for kinds with a fixed text, the
// upper-cased tokens.def name ("ENDMARKER", "NAME") for the others.
struct Names {
  std::array<std::array<char, kMaxName>, static_cast<size_t>(Tok::Count)> name{};
  std::array<std::string_view, static_cast<size_t>(Tok::Count)> text{};
};

constexpr void set_name(Names& n, size_t i, std::string_view id, std::string_view text) {
  n.text[i] = text;
  size_t k = 0;
  if (text.empty()) {
    for (char c : id) n.name[i][k++] = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
  } else {
    n.name[i][k++] = '\'';
    for (char c : text) n.name[i][k++] = c;
    n.name[i][k++] = '\'';
  }
  n.name[i][k] = '\0';
}

constexpr Names make_names() {
  Names n;
  size_t i = 0;
#define TPY_TOKEN(Name, text) set_name(n, i++, #Name, text);
#define TPY_KEYWORD(Name, text) set_name(n, i++, #Name, text);
#include "interp/parse/tokens.def"
#undef TPY_TOKEN
#undef TPY_KEYWORD
  return n;
}

constexpr Names kNames = make_names();

}  // namespace

const char* token_name(Tok t) {
  size_t i = static_cast<size_t>(t);
  return i < kNames.name.size() ? kNames.name[i].data() : "<invalid>";
}

std::string_view token_text(Tok t) {
  size_t i = static_cast<size_t>(t);
  return i < kNames.text.size() ? kNames.text[i] : std::string_view();
}

}  // namespace tpy::parse
