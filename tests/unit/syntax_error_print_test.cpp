// tests/unit/syntax_error_print_test.cpp -- print_syntax_error against CPython 3.11's stderr.
//
// Each expected text was printed by /usr/bin/python3.11 for a SyntaxError (or subclass) with
// the same attributes, through sys.excepthook (what an uncaught error from a script goes
// through); a 0 below is an attribute set to None.
#include "interp/parse/syntax_error.h"

#include <gtest/gtest.h>

namespace tpy::parse {
namespace {

using Type = SyntaxErrorInfo::Type;

std::string printed(const SyntaxErrorInfo& e) {
  std::FILE* f = std::tmpfile();
  print_syntax_error(f, e);
  std::rewind(f);
  std::string s;
  for (int c; (c = std::fgetc(f)) != EOF;) s += char(c);
  std::fclose(f);
  return s;
}

struct Case {
  const char* name;
  SyntaxErrorInfo error;
  const char* want;
};

// clang-format off
const Case kCases[] = {
    {"paren never closed",
     {Type::SyntaxError, "'(' was never closed", "/tmp/x.py", 1, 5, 0, 0, "x = (1,\n"},
     "  File \"/tmp/x.py\", line 1\n"
     "    x = (1,\n"
     "        ^\n"
     "SyntaxError: '(' was never closed\n"},
    {"range on one line",
     {Type::SyntaxError, "invalid syntax. Perhaps you forgot a comma?",
      "/tmp/x.py", 1, 7, 1, 10, "print(1 2)\n"},
     "  File \"/tmp/x.py\", line 1\n"
     "    print(1 2)\n"
     "          ^^^\n"
     "SyntaxError: invalid syntax. Perhaps you forgot a comma?\n"},
    {"indented line is stripped",
     {Type::SyntaxError, "invalid syntax", "/tmp/y.py", 2, 15, 2, 16, "        y = 1 +\n"},
     "  File \"/tmp/y.py\", line 2\n"
     "    y = 1 +\n"
     "          ^\n"
     "SyntaxError: invalid syntax\n"},
    {"tabs and form feeds are stripped",
     {Type::SyntaxError, "invalid syntax", "t.py", 3, 6, 3, 7, "\t\f x = $\n"},
     "  File \"t.py\", line 3\n"
     "    x = $\n"
     "      ^\n"
     "SyntaxError: invalid syntax\n"},
    {"error spans lines",
     {Type::SyntaxError, "Generator expression must be parenthesized",
      "m.py", 1, 3, 3, 2, "f(a for a in\n"},
     "  File \"m.py\", line 1\n"
     "    f(a for a in\n"
     "      ^^^^^^^^^^\n"
     "SyntaxError: Generator expression must be parenthesized\n"},
    {"end capped at text length",
     {Type::SyntaxError, "bad", "m.py", 1, 2, 1, 40, "abc\n"},
     "  File \"m.py\", line 1\n"
     "    abc\n"
     "     ^^^\n"
     "SyntaxError: bad\n"},
    {"offset past the end",
     {Type::SyntaxError, "unexpected EOF while parsing", "m.py", 1, 30, 1, 31, "a = 1; b = \\\n"},
     "  File \"m.py\", line 1\n"
     "    a = 1; b = \\\n"
     "                ^\n"
     "SyntaxError: unexpected EOF while parsing\n"},
    {"caret left of stripped text",
     {Type::IndentationError, "unexpected indent", "i.py", 1, 3, 1, 7, "    x = 1\n"},
     "  File \"i.py\", line 1\n"
     "    x = 1\n"
     "IndentationError: unexpected indent\n"},
    {"indentation error ignores end",
     {Type::IndentationError, "expected an indented block after 'for' statement on line 1",
      "i.py", 2, 1, 2, 5, "pass\n"},
     "  File \"i.py\", line 2\n"
     "    pass\n"
     "    ^\n"
     "IndentationError: expected an indented block after 'for' statement on line 1\n"},
    {"tab error",
     {Type::TabError, "inconsistent use of tabs and spaces in indentation",
      "t.py", 3, 10, 3, 11, "  \t\tpass\n"},
     "  File \"t.py\", line 3\n"
     "    pass\n"
     "        ^\n"
     "TabError: inconsistent use of tabs and spaces in indentation\n"},
    {"no text",
     {Type::SyntaxError, "invalid syntax", "n.py", 4, 1, 4, 2, ""},
     "  File \"n.py\", line 4\n"
     "SyntaxError: invalid syntax\n"},
    {"no offset",
     {Type::SyntaxError, "invalid syntax", "n.py", 4, 0, 0, 0, "x y\n"},
     "  File \"n.py\", line 4\n"
     "    x y\n"
     "SyntaxError: invalid syntax\n"},
    {"text without newline",
     {Type::SyntaxError, "invalid syntax", "n.py", 1, 3, 1, 4, "x y"},
     "  File \"n.py\", line 1\n"
     "    x y\n"
     "      ^\n"
     "SyntaxError: invalid syntax\n"},
    {"several lines in text",
     {Type::SyntaxError, "bad", "n.py", 2, 6, 2, 7, "ab\ncd ef\ngh\n"},
     "  File \"n.py\", line 2\n"
     "    cd ef\n"
     "gh\n"
     "      ^\n"
     "SyntaxError: bad\n"},
    {"non-ascii text",
     {Type::SyntaxError, "invalid syntax", "u.py", 1, 10, 1, 11, "x = \"é\" +* 2\n"},
     "  File \"u.py\", line 1\n"
     "    x = \"é\" +* 2\n"
     "             ^\n"
     "SyntaxError: invalid syntax\n"},
    {"unknown filename and empty message",
     {Type::SyntaxError, "", "", 7, 1, 7, 2, "z\n"},
     "  File \"<string>\", line 7\n"
     "    z\n"
     "    ^\n"
     "SyntaxError\n"},
    {"blank line",
     {Type::SyntaxError, "invalid syntax", "b.py", 2, 1, 2, 2, "   \n"},
     "  File \"b.py\", line 2\n"
     "    \n"
     "SyntaxError: invalid syntax\n"},
    {"end before start",
     {Type::SyntaxError, "bad", "e.py", 1, 4, 1, 2, "abcdef\n"},
     "  File \"e.py\", line 1\n"
     "    abcdef\n"
     "       ^\n"
     "SyntaxError: bad\n"},
    {"end line before start line",
     {Type::SyntaxError, "bad", "e.py", 3, 2, 2, 5, "abcdef\n"},
     "  File \"e.py\", line 3\n"
     "    abcdef\n"
     "     ^^^\n"
     "SyntaxError: bad\n"},
};
// clang-format on

TEST(PrintSyntaxError, MatchesCPython) {
  for (const Case& c : kCases) EXPECT_EQ(printed(c.error), c.want) << c.name;
}

TEST(SyntaxErrorTypeName, Names) {
  EXPECT_STREQ(type_name(Type::SyntaxError), "SyntaxError");
  EXPECT_STREQ(type_name(Type::IndentationError), "IndentationError");
  EXPECT_STREQ(type_name(Type::TabError), "TabError");
}

}  // namespace
}  // namespace tpy::parse
