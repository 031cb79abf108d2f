// tests/unit/string_parser_test.cpp -- F-string and string-concatenation errors, with positions.
//
// The AST side is covered by tests/parse/{strings,fstrings}_*.py (compared with ast.dump); the
// astdump runner checks only an error's message and line, so the exact columns 3.11 reports
// (the token after the run of strings, or the field's "(expr)" text for errors inside a field)
// are checked here. Expected values were taken from /usr/bin/python3.11 (compile() of the
// source's bytes, so columns stay in bytes as without a coding declaration).
#include "interp/parse/parser.h"

#include <gtest/gtest.h>

namespace tpy::parse {
namespace {

struct ErrorCase {
  const char* source;
  const char* msg;
  int lineno, offset, end_lineno, end_offset;
};

const ErrorCase kCases[] = {
    {"x = f'{}' + 1\n",
     "f-string: empty expression not allowed", 1, 11, 1, 12},
    {"x = (f'{}'\n  'abc' ,\n 3)\n",
     "f-string: empty expression not allowed", 2, 9, 2, 10},
    {"x = f'{a!x}'\n",
     "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13, 1, 13},
    {"x = f'{a}}'\n",
     "f-string: single '}' is not allowed", 1, 12, 1, 12},
    {"x = f'{a'\n",
     "f-string: expecting '}'", 1, 10, 1, 10},
    {"x = 'a' b'x'\n",
     "cannot mix bytes and nonbytes literals", 1, 13, 1, 13},
    {"x = f'{a:{b:{c}}}'\n",
     "f-string: expressions nested too deeply", 1, 19, 1, 19},
    {"x = '\\x1' + 1\n",
     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
     "0-2: truncated \\xXX escape", 1, 11, 1, 12},
    {"x = f'\\x1{a}' + 1\n",
     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
     "0-2: truncated \\xXX escape", 1, 15, 1, 16},
    {"x = f'{a}\\x1' + 1\n",
     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
     "0-2: truncated \\xXX escape", 1, 15, 1, 16},
    {"x = b'\\x1' + 1\n",
     "(value error) invalid \\x escape at position 0", 1, 12, 1, 13},
    {"x = b'\xc3" "\xa9" "' + 1\n",
     "bytes can only contain ASCII literal characters", 1, 11, 1, 12},
    {"x = f'{a!r:' + 1\n",
     "f-string: expecting '}'", 1, 14, 1, 15},
    {"x = f'{a!}' + 1\n",
     "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13, 1, 14},
    {"x = f'{\\n}' + 1\n",
     "f-string expression part cannot include a backslash", 1, 13, 1, 14},
    {"x = f'{#}' + 1\n",
     "f-string expression part cannot include '#'", 1, 12, 1, 13},
    {"x = f'{(}' + 1\n",
     "f-string: closing parenthesis '}' does not match opening parenthesis "
     "'('", 1, 12, 1, 13},
    {"x = f'{)}' + 1\n",
     "f-string: unmatched ')'", 1, 12, 1, 13},
    {"x = f'{[)}' + 1\n",
     "f-string: closing parenthesis ')' does not match opening parenthesis "
     "'['", 1, 13, 1, 14},
    {"x = f'{\"a}' + 1\n",
     "f-string: unterminated string", 1, 13, 1, 14},
    {"x = f'{a:}}' + 1\n",
     "f-string: single '}' is not allowed", 1, 14, 1, 15},
    {"x = f'{a}' b'x'\n",
     "cannot mix bytes and nonbytes literals", 1, 16, 1, 16},
    {"x = b'x' f'{a'\n",
     "cannot mix bytes and nonbytes literals", 1, 15, 1, 15},
    {"x = f'{a!r=}'\n",
     "f-string: expecting '}'", 1, 14, 1, 14},
    {"x = f'{ }'\n",
     "f-string: empty expression not allowed", 1, 11, 1, 11},
    {"x = f'{!r}'\n",
     "f-string: expression required before '!'", 1, 12, 1, 12},
    {"x = f'{:x}'\n",
     "f-string: expression required before ':'", 1, 12, 1, 12},
    {"x = f'{ = }'\n",
     "f-string: expression required before '='", 1, 13, 1, 13},
    {"x = f'\xc3" "\xa9" "\xc3" "\xa9" "{}' + 1\n",
     "f-string: empty expression not allowed", 1, 15, 1, 16},
    {"x = f'{a b}'\n",
     "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {"x = f'{lambda x:1}' + 1\n",
     "f-string: invalid syntax", 1, 10, 1, 11},
    {"x = f\"{f'{}'}\" + 1\n",
     "f-string: f-string: empty expression not allowed", 1, 7, 1, 8},
    {"x = f\"{f'{a!x}' + 2}\" + 1\n",
     "f-string: f-string: invalid conversion character: expected 's', 'r', "
     "or 'a'", 1, 11, 1, 12},
    {"x = f\"{'a' b'x'}\"\n",
     "f-string: cannot mix bytes and nonbytes literals", 1, 10, 1, 11},
    {"x = f'''{a +\n b c}'''\n",
     "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 2, -3},
    {"x = f'''{\n b c}'''\n",
     "f-string: invalid syntax. Perhaps you forgot a comma?", 2, -2, 2, 1},
    {"x = f'''\n   {a +\n b c}'''\n",
     "f-string: invalid syntax. Perhaps you forgot a comma?", 2, 2, 3, 2},
    {"x = f'''\n   {\n b c}'''\n",
     "f-string: invalid syntax. Perhaps you forgot a comma?", 3, 2, 3, 5},
    {"x = f'''\n  {a b}'''\n",
     "f-string: invalid syntax. Perhaps you forgot a comma?", 2, 2, 2, 5},
    {"xxxxxxxxxxx = f'''{\n    a b}'''\n",
     "f-string: invalid syntax. Perhaps you forgot a comma?", 2, -9, 2, -6},
    {"x = (f'{a}'\n     f'{b c}')\n",
     "f-string: invalid syntax. Perhaps you forgot a comma?", 2, 2, 2, 5},
    {"x = f'{a}' f'{b c}'\n",
     "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {"x = f'\xc3" "\xa9" "{a b}'\n",
     "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {"x = f'{\xc3" "\xa9" " b}'\n",
     "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 6},
    {"x = f'{<'\n",
     "f-string: expecting '}'", 1, 10, 1, 10},
    {"x = f'{a b<'\n",
     "f-string: expecting '}'", 1, 13, 1, 13},
    {"x = f'{a<'\n",
     "f-string: expecting '}'", 1, 11, 1, 11},
    {"x = f'{a=  '\n",
     "f-string: expecting '}'", 1, 13, 1, 13},
    {"x = f'{a:{b}x'\n",
     "f-string: expecting '}'", 1, 15, 1, 15},
    {"x = f'{a:{b}}}'\n",
     "f-string: single '}' is not allowed", 1, 16, 1, 16},
    {"x = f'{a:{b:{{}}}}'\n",
     "f-string: expressions nested too deeply", 1, 20, 1, 20},
    {"x = f'{a!r:{b!}}'\n",
     "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 18, 1, 18},
};

TEST(StringParser, ErrorsAsCPython) {
  for (const ErrorCase& c : kCases) {
    Arena arena;
    ParseResult r = parse(c.source, "<case>", ParseMode::Exec, arena);
    SCOPED_TRACE(c.source);
    ASSERT_EQ(r.mod, nullptr);
    EXPECT_EQ(r.error.msg, c.msg);
    EXPECT_EQ(r.error.lineno, c.lineno);
    EXPECT_EQ(r.error.offset, c.offset);
    EXPECT_EQ(r.error.end_lineno, c.end_lineno);
    EXPECT_EQ(r.error.end_offset, c.end_offset);
  }
}

}  // namespace
}  // namespace tpy::parse
