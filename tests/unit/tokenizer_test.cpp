// tests/unit/tokenizer_test.cpp -- Tokenizer: token kinds, CPython 3.11's positions and errors.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "interp/parse/source.h"
#include "interp/parse/tokenizer.h"

namespace tpy::parse {
namespace {

using Type = SyntaxErrorInfo::Type;

// One line per token: kind, lineno:col-end_lineno:end_col, and its text (newlines as \n).
std::string dump(std::string_view src, TokenizerOptions opts = {}) {
  Tokenizer tz(src, "<test>", opts);
  std::string out;
  Token t;
  for (int i = 0; i < 10000; i++) {
    if (!tz.next(t)) return out + "error: " + tz.error().msg + "\n";
    char pos[64];
    std::snprintf(pos, sizeof pos, " %d:%d-%d:%d", t.lineno, t.col_offset, t.end_lineno,
                  t.end_col_offset);
    out += token_name(t.kind);
    out += pos;
    if (t.start != t.end) out += ' ';
    for (char c : tz.text(t)) out += c == '\n' ? std::string("\\n") : std::string(1, c);
    out += '\n';
    if (t.kind == Tok::EndMarker) break;
  }
  return out;
}

std::string dump_eval(std::string_view src) {
  TokenizerOptions opts;
  opts.exec_input = false;
  return dump(src, opts);
}

// The error for [src] read as a file is (decode_source, then byte columns unless an encoding is
// declared), or a default SyntaxErrorInfo if it tokenizes.
SyntaxErrorInfo error_of(std::string_view src, bool* immediate = nullptr) {
  std::string text;
  SyntaxErrorInfo err;
  SourceInfo info;
  if (!decode_source(src, "<test>", SourceOrigin::File, text, err, &info)) return err;
  TokenizerOptions opts;
  opts.byte_columns = !info.declared_encoding;
  Tokenizer tz(text, "<test>", opts);
  Token t;
  while (tz.next(t))
    if (t.kind == Tok::EndMarker) return {};
  if (immediate) *immediate = tz.error_is_immediate();
  return tz.error();
}

// -- Tokens and positions -------------------------------------------------------------------------

TEST(Tokenizer, StatementWithComment) {
  // NEWLINE starts at the comment's '#' when one precedes it, as in CPython's tokenizer.
  EXPECT_EQ(dump("x = f(a, b)  # call\n"),
            "NAME 1:0-1:1 x\n"
            "'=' 1:2-1:3 =\n"
            "NAME 1:4-1:5 f\n"
            "'(' 1:5-1:6 (\n"
            "NAME 1:6-1:7 a\n"
            "',' 1:7-1:8 ,\n"
            "NAME 1:9-1:10 b\n"
            "')' 1:10-1:11 )\n"
            "NEWLINE 1:13-1:19 # call\n"
            "ENDMARKER 1:-1-1:-1\n");
}

TEST(Tokenizer, IndentationIgnoresBlankAndCommentLines) {
  EXPECT_EQ(dump("if x:\n    y = 1\n\n    # c\n        # d\n    if z:\n        pass\n  \n"
                 "\t# e\nw\n"),
            "'if' 1:0-1:2 if\n"
            "NAME 1:3-1:4 x\n"
            "':' 1:4-1:5 :\n"
            "NEWLINE 1:5-1:5\n"
            "INDENT 2:-1-2:-1\n"
            "NAME 2:4-2:5 y\n"
            "'=' 2:6-2:7 =\n"
            "NUMBER 2:8-2:9 1\n"
            "NEWLINE 2:9-2:9\n"
            "'if' 6:4-6:6 if\n"
            "NAME 6:7-6:8 z\n"
            "':' 6:8-6:9 :\n"
            "NEWLINE 6:9-6:9\n"
            "INDENT 7:-1-7:-1\n"
            "'pass' 7:8-7:12 pass\n"
            "NEWLINE 7:12-7:12\n"
            "DEDENT 10:-1-10:-1\n"
            "DEDENT 10:-1-10:-1\n"
            "NAME 10:0-10:1 w\n"
            "NEWLINE 10:1-10:1\n"
            "ENDMARKER 10:-1-10:-1\n");
}

TEST(Tokenizer, TabsAdvanceToMultiplesOfEight) {
  // "  \t" reaches column 8 like "\t" but is a different mix: CPython's TabError check.
  EXPECT_EQ(dump("if x:\n  \ty\n  \tz\n\tw\n"),
            "'if' 1:0-1:2 if\n"
            "NAME 1:3-1:4 x\n"
            "':' 1:4-1:5 :\n"
            "NEWLINE 1:5-1:5\n"
            "INDENT 2:-1-2:-1\n"
            "NAME 2:3-2:4 y\n"
            "NEWLINE 2:4-2:4\n"
            "NAME 3:3-3:4 z\n"
            "NEWLINE 3:4-3:4\n"
            "error: inconsistent use of tabs and spaces in indentation\n");
  EXPECT_EQ(dump("if x:\n\tif w:\n\t\tv\n\tu\n"),
            "'if' 1:0-1:2 if\n"
            "NAME 1:3-1:4 x\n"
            "':' 1:4-1:5 :\n"
            "NEWLINE 1:5-1:5\n"
            "INDENT 2:-1-2:-1\n"
            "'if' 2:1-2:3 if\n"
            "NAME 2:4-2:5 w\n"
            "':' 2:5-2:6 :\n"
            "NEWLINE 2:6-2:6\n"
            "INDENT 3:-1-3:-1\n"
            "NAME 3:2-3:3 v\n"
            "NEWLINE 3:3-3:3\n"
            "DEDENT 4:-1-4:-1\n"
            "NAME 4:1-4:2 u\n"
            "NEWLINE 4:2-4:2\n"
            "DEDENT 4:-1-4:-1\n"
            "ENDMARKER 4:-1-4:-1\n");
}

TEST(Tokenizer, DedentsAtEndOfInputBelongToTheLastLine) {
  EXPECT_EQ(dump("if a:\n    if b:\n        c\n# end\n"),
            "'if' 1:0-1:2 if\n"
            "NAME 1:3-1:4 a\n"
            "':' 1:4-1:5 :\n"
            "NEWLINE 1:5-1:5\n"
            "INDENT 2:-1-2:-1\n"
            "'if' 2:4-2:6 if\n"
            "NAME 2:7-2:8 b\n"
            "':' 2:8-2:9 :\n"
            "NEWLINE 2:9-2:9\n"
            "INDENT 3:-1-3:-1\n"
            "NAME 3:8-3:9 c\n"
            "NEWLINE 3:9-3:9\n"
            "DEDENT 4:-1-4:-1\n"
            "DEDENT 4:-1-4:-1\n"
            "ENDMARKER 4:-1-4:-1\n");
}

TEST(Tokenizer, FormFeedRestartsIndentation) {
  EXPECT_EQ(dump("x = 1\n\f\n\f  y\nif 1:\n  \fz\n"),
            "NAME 1:0-1:1 x\n"
            "'=' 1:2-1:3 =\n"
            "NUMBER 1:4-1:5 1\n"
            "NEWLINE 1:5-1:5\n"
            "INDENT 3:-1-3:-1\n"
            "NAME 3:3-3:4 y\n"
            "NEWLINE 3:4-3:4\n"
            "DEDENT 4:-1-4:-1\n"
            "'if' 4:0-4:2 if\n"
            "NUMBER 4:3-4:4 1\n"
            "':' 4:4-4:5 :\n"
            "NEWLINE 4:5-4:5\n"
            "NAME 5:3-5:4 z\n"
            "NEWLINE 5:4-5:4\n"
            "ENDMARKER 5:-1-5:-1\n");
}

TEST(Tokenizer, BracketsAndBackslashesJoinLines) {
  EXPECT_EQ(dump("x = [1,\n     2,  # c\n\n  3]\ny = 1 + \\\n    2\n"),
            "NAME 1:0-1:1 x\n"
            "'=' 1:2-1:3 =\n"
            "'[' 1:4-1:5 [\n"
            "NUMBER 1:5-1:6 1\n"
            "',' 1:6-1:7 ,\n"
            "NUMBER 2:5-2:6 2\n"
            "',' 2:6-2:7 ,\n"
            "NUMBER 4:2-4:3 3\n"
            "']' 4:3-4:4 ]\n"
            "NEWLINE 4:4-4:4\n"
            "NAME 5:0-5:1 y\n"
            "'=' 5:2-5:3 =\n"
            "NUMBER 5:4-5:5 1\n"
            "'+' 5:6-5:7 +\n"
            "NUMBER 6:4-6:5 2\n"
            "NEWLINE 6:5-6:5\n"
            "ENDMARKER 6:-1-6:-1\n");
  // A backslash in the indentation: the first one fixes the line's indentation.
  EXPECT_EQ(dump("if x:\n  \\\n    y\n"),
            "'if' 1:0-1:2 if\n"
            "NAME 1:3-1:4 x\n"
            "':' 1:4-1:5 :\n"
            "NEWLINE 1:5-1:5\n"
            "INDENT 3:-1-3:-1\n"
            "NAME 3:4-3:5 y\n"
            "NEWLINE 3:5-3:5\n"
            "DEDENT 3:-1-3:-1\n"
            "ENDMARKER 3:-1-3:-1\n");
}

TEST(Tokenizer, Numbers) {
  EXPECT_EQ(dump("0 00 0_0 123 1_000 0x_fF 0O17 0b1_0 1.5 1. .5 1e10 1E+5 1.5e-3 1j 1.5J "
                 "1e5j 0j 00.5 09.9e1j 0_7.0 1if\n"),
            "NUMBER 1:0-1:1 0\n"
            "NUMBER 1:2-1:4 00\n"
            "NUMBER 1:5-1:8 0_0\n"
            "NUMBER 1:9-1:12 123\n"
            "NUMBER 1:13-1:18 1_000\n"
            "NUMBER 1:19-1:24 0x_fF\n"
            "NUMBER 1:25-1:29 0O17\n"
            "NUMBER 1:30-1:35 0b1_0\n"
            "NUMBER 1:36-1:39 1.5\n"
            "NUMBER 1:40-1:42 1.\n"
            "NUMBER 1:43-1:45 .5\n"
            "NUMBER 1:46-1:50 1e10\n"
            "NUMBER 1:51-1:55 1E+5\n"
            "NUMBER 1:56-1:62 1.5e-3\n"
            "NUMBER 1:63-1:65 1j\n"
            "NUMBER 1:66-1:70 1.5J\n"
            "NUMBER 1:71-1:75 1e5j\n"
            "NUMBER 1:76-1:78 0j\n"
            "NUMBER 1:79-1:83 00.5\n"
            "NUMBER 1:84-1:91 09.9e1j\n"
            "NUMBER 1:92-1:97 0_7.0\n"
            "NUMBER 1:98-1:99 1\n"
            "'if' 1:99-1:101 if\n"
            "NEWLINE 1:101-1:101\n"
            "ENDMARKER 1:-1-1:-1\n");
  // Before a keyword CPython only warns; an exponent without digits then ends the number.
  EXPECT_EQ(dump("1else 1.e1 1..x\n"),
            "NUMBER 1:0-1:1 1\n"
            "'else' 1:1-1:5 else\n"
            "NUMBER 1:6-1:10 1.e1\n"
            "NUMBER 1:11-1:13 1.\n"
            "'.' 1:13-1:14 .\n"
            "NAME 1:14-1:15 x\n"
            "NEWLINE 1:15-1:15\n"
            "ENDMARKER 1:-1-1:-1\n");
}

TEST(Tokenizer, Strings) {
  EXPECT_EQ(dump("s = '' \"\" 'a\\'' r'\\\\' b'x' Rb'y' bR'z' f'{x}' rF'w' u'u' U\"\" ur''\n"),
            "NAME 1:0-1:1 s\n"
            "'=' 1:2-1:3 =\n"
            "STRING 1:4-1:6 ''\n"
            "STRING 1:7-1:9 \"\"\n"
            "STRING 1:10-1:15 'a\\''\n"
            "STRING 1:16-1:21 r'\\\\'\n"
            "STRING 1:22-1:26 b'x'\n"
            "STRING 1:27-1:32 Rb'y'\n"
            "STRING 1:33-1:38 bR'z'\n"
            "STRING 1:39-1:45 f'{x}'\n"
            "STRING 1:46-1:51 rF'w'\n"
            "STRING 1:52-1:56 u'u'\n"
            "STRING 1:57-1:60 U\"\"\n"
            "NAME 1:61-1:63 ur\n"
            "STRING 1:63-1:65 ''\n"
            "NEWLINE 1:65-1:65\n"
            "ENDMARKER 1:-1-1:-1\n");
  // A multi-line literal starts on its first line; its end column is on its last one.
  EXPECT_EQ(dump("x = ('''a\n'b'\n''' + \"c\\\nd\")\n"),
            "NAME 1:0-1:1 x\n"
            "'=' 1:2-1:3 =\n"
            "'(' 1:4-1:5 (\n"
            "STRING 1:5-3:3 '''a\\n'b'\\n'''\n"
            "'+' 3:4-3:5 +\n"
            "STRING 3:6-4:2 \"c\\\\nd\"\n"
            "')' 4:2-4:3 )\n"
            "NEWLINE 4:3-4:3\n"
            "ENDMARKER 4:-1-4:-1\n");
}

TEST(Tokenizer, Operators) {
  EXPECT_EQ(dump("a += b //= c >>= d <<= e **= f @= g\n"
                 "a != b <= c -> d := e ... . ~ ! <> $ ? `\n"),
            "NAME 1:0-1:1 a\n"
            "'+=' 1:2-1:4 +=\n"
            "NAME 1:5-1:6 b\n"
            "'//=' 1:7-1:10 //=\n"
            "NAME 1:11-1:12 c\n"
            "'>>=' 1:13-1:16 >>=\n"
            "NAME 1:17-1:18 d\n"
            "'<<=' 1:19-1:22 <<=\n"
            "NAME 1:23-1:24 e\n"
            "'**=' 1:25-1:28 **=\n"
            "NAME 1:29-1:30 f\n"
            "'@=' 1:31-1:33 @=\n"
            "NAME 1:34-1:35 g\n"
            "NEWLINE 1:35-1:35\n"
            "NAME 2:0-2:1 a\n"
            "'!=' 2:2-2:4 !=\n"
            "NAME 2:5-2:6 b\n"
            "'<=' 2:7-2:9 <=\n"
            "NAME 2:10-2:11 c\n"
            "'->' 2:12-2:14 ->\n"
            "NAME 2:15-2:16 d\n"
            "':=' 2:17-2:19 :=\n"
            "NAME 2:20-2:21 e\n"
            "'...' 2:22-2:25 ...\n"
            "'.' 2:26-2:27 .\n"
            "'~' 2:28-2:29 ~\n"
            "'!' 2:30-2:31 !\n"
            "'!=' 2:32-2:34 <>\n"
            "ERRORTOKEN 2:35-2:36 $\n"
            "ERRORTOKEN 2:37-2:38 ?\n"
            "ERRORTOKEN 2:39-2:40 `\n"
            "NEWLINE 2:40-2:40\n"
            "ENDMARKER 2:-1-2:-1\n");
}

TEST(Tokenizer, EveryFixedTextTokenizesToItsKind) {
  for (int i = 0; i < static_cast<int>(Tok::Count); i++) {
    Tok k = static_cast<Tok>(i);
    std::string_view text = token_text(k);
    if (text.empty()) continue;
    std::string src = std::string(text) + "\n";
    Tokenizer tz(src, "<test>");
    Token t;
    if (k == Tok::RPar || k == Tok::RSqb || k == Tok::RBrace) {
      EXPECT_FALSE(tz.next(t)) << text;  // unmatched
      continue;
    }
    ASSERT_TRUE(tz.next(t)) << text;
    EXPECT_EQ(t.kind, k) << text;
    EXPECT_EQ(tz.text(t), text);
  }
}

TEST(Tokenizer, KeywordsAndSoftKeywords) {
  // async and await are always keywords; match, case and _ stay names.
  EXPECT_EQ(dump("async def f(): await x\nmatch _:\n  case None | True | False: pass\n"),
            "'async' 1:0-1:5 async\n"
            "'def' 1:6-1:9 def\n"
            "NAME 1:10-1:11 f\n"
            "'(' 1:11-1:12 (\n"
            "')' 1:12-1:13 )\n"
            "':' 1:13-1:14 :\n"
            "'await' 1:15-1:20 await\n"
            "NAME 1:21-1:22 x\n"
            "NEWLINE 1:22-1:22\n"
            "NAME 2:0-2:5 match\n"
            "NAME 2:6-2:7 _\n"
            "':' 2:7-2:8 :\n"
            "NEWLINE 2:8-2:8\n"
            "INDENT 3:-1-3:-1\n"
            "NAME 3:2-3:6 case\n"
            "'None' 3:7-3:11 None\n"
            "'|' 3:12-3:13 |\n"
            "'True' 3:14-3:18 True\n"
            "'|' 3:19-3:20 |\n"
            "'False' 3:21-3:26 False\n"
            "':' 3:26-3:27 :\n"
            "'pass' 3:28-3:32 pass\n"
            "NEWLINE 3:32-3:32\n"
            "DEDENT 3:-1-3:-1\n"
            "ENDMARKER 3:-1-3:-1\n");
  EXPECT_EQ(dump("iff Import none _if\n"),
            "NAME 1:0-1:3 iff\n"
            "NAME 1:4-1:10 Import\n"
            "NAME 1:11-1:15 none\n"
            "NAME 1:16-1:19 _if\n"
            "NEWLINE 1:19-1:19\n"
            "ENDMARKER 1:-1-1:-1\n");
}

TEST(Tokenizer, ImpliedFinalNewline) {
  // A module gets a NEWLINE after a last line without '\n', as CPython appends one; 'eval'
  // input does not, and gets no DEDENTs either.
  EXPECT_EQ(dump("if x:\n  y"),
            "'if' 1:0-1:2 if\n"
            "NAME 1:3-1:4 x\n"
            "':' 1:4-1:5 :\n"
            "NEWLINE 1:5-1:5\n"
            "INDENT 2:-1-2:-1\n"
            "NAME 2:2-2:3 y\n"
            "NEWLINE 2:3-2:3\n"
            "DEDENT 2:-1-2:-1\n"
            "ENDMARKER 2:-1-2:-1\n");
  EXPECT_EQ(dump_eval("if x:\n  y"),
            "'if' 1:0-1:2 if\n"
            "NAME 1:3-1:4 x\n"
            "':' 1:4-1:5 :\n"
            "NEWLINE 1:5-1:5\n"
            "INDENT 2:-1-2:-1\n"
            "NAME 2:2-2:3 y\n"
            "ENDMARKER 2:-1-2:-1\n");
  EXPECT_EQ(dump("x  # c"), "NAME 1:0-1:1 x\nNEWLINE 1:3-1:6 # c\nENDMARKER 1:-1-1:-1\n");
  EXPECT_EQ(dump_eval("x  # c"), "NAME 1:0-1:1 x\nENDMARKER 1:-1-1:-1\n");
}

TEST(Tokenizer, EmptyInput) {
  EXPECT_EQ(dump(""), "ENDMARKER 1:-1-1:-1\n");
  EXPECT_EQ(dump_eval(""), "ENDMARKER 0:-1-0:-1\n");
  EXPECT_EQ(dump("\n\n# c\n"), "ENDMARKER 3:-1-3:-1\n");
}

TEST(Tokenizer, NonAsciiNamesHaveByteColumns) {
  EXPECT_EQ(dump("\xc3\xa9t\xc3\xa9 = \"\xe2\x82\xac\" + \xe2\x85\xa0\xc2\xb7\n"),
            "NAME 1:0-1:5 \xc3\xa9t\xc3\xa9\n"
            "'=' 1:6-1:7 =\n"
            "STRING 1:8-1:13 \"\xe2\x82\xac\"\n"
            "'+' 1:14-1:15 +\n"
            "NAME 1:16-1:21 \xe2\x85\xa0\xc2\xb7\n"
            "NEWLINE 1:21-1:21\n"
            "ENDMARKER 1:-1-1:-1\n");
}

TEST(Tokenizer, EndMarkerRepeats) {
  Tokenizer tz("x\n", "<test>");
  Token t;
  int n = 0;
  while (tz.next(t) && t.kind != Tok::EndMarker) n++;
  EXPECT_EQ(n, 2);
  for (int i = 0; i < 3; i++) {
    ASSERT_TRUE(tz.next(t));
    EXPECT_EQ(t.kind, Tok::EndMarker);
  }
}

TEST(Tokenizer, TokenNames) {
  EXPECT_STREQ(token_name(Tok::EndMarker), "ENDMARKER");
  EXPECT_STREQ(token_name(Tok::Name), "NAME");
  EXPECT_STREQ(token_name(Tok::ErrorToken), "ERRORTOKEN");
  EXPECT_STREQ(token_name(Tok::LPar), "'('");
  EXPECT_STREQ(token_name(Tok::DoubleStarEqual), "'**='");
  EXPECT_STREQ(token_name(Tok::KwDef), "'def'");
  EXPECT_EQ(token_text(Tok::KwNonlocal), "nonlocal");
  EXPECT_EQ(token_text(Tok::Ellipsis), "...");
  EXPECT_EQ(token_text(Tok::Number), "");
}

TEST(Tokenizer, Lines) {
  Tokenizer tz("a\nbc\n\nd", "<test>");
  EXPECT_EQ(tz.line(1), "a\n");
  EXPECT_EQ(tz.line(2), "bc\n");
  EXPECT_EQ(tz.line(3), "\n");
  EXPECT_EQ(tz.line(4), "d");
  EXPECT_EQ(tz.line(5), "");
  EXPECT_EQ(tz.line(0), "");
  Tokenizer tz2("a\n", "<test>");
  EXPECT_EQ(tz2.line(1), "a\n");
  EXPECT_EQ(tz2.line(2), "");
}

// -- Errors ---------------------------------------------------------------------------------------

struct ErrorCase {
  const char* src;
  Type type;
  const char* msg;
  int lineno, offset, end_lineno, end_offset;
  const char* text;
};

// Generated with /usr/bin/python3.11: compile(src, path, 'exec') of each source written to a file
// (so text is the file's line, and columns of parser-worded errors count bytes), keeping the
// cases where CPython's error comes from its tokenizer.
const ErrorCase kErrorCases[] = {
    {"x = 1 \\ y\n", Type::SyntaxError, "unexpected character after line continuation character",
     1, 8, 1, 0, "x = 1 \\ y\n"},
    {"x = 1 \\\n", Type::SyntaxError, "unexpected EOF while parsing",
     1, 8, 1, -1, "x = 1 \\\n"},
    {"x = 1 \\", Type::SyntaxError, "unexpected EOF while parsing",
     1, 8, 1, -1, "x = 1 \\"},
    {"x = (1 \\\n", Type::SyntaxError, "'(' was never closed",
     1, 5, 1, 0, "x = (1 \\\n"},
    {"if x:\n    a\n  \\\n    b\n", Type::IndentationError,
     "unindent does not match any outer indentation level",
     4, 6, 4, -1, "    b\n"},
    {"x = \\ # c\n", Type::SyntaxError, "unexpected character after line continuation character",
     1, 6, 1, 0, "x = \\ # c\n"},
    {"x = 1 \\  \n", Type::SyntaxError, "unexpected character after line continuation character",
     1, 8, 1, 0, "x = 1 \\  \n"},
    // A backslash in the indentation, then the end of input: a file reader has emptied its
    // buffer, so the column is 0 (compile() of the same bytes says 2).
    {"\\\n", Type::SyntaxError, "unexpected EOF while parsing",
     1, 0, 1, -1, "\\\n"},
    {"x = 'ab\\\ncd\n", Type::SyntaxError, "unterminated string literal (detected at line 2)",
     1, 5, 1, 5, "x = 'ab\\"},
    {"if x:\n    a\n  \\\n  b\n", Type::IndentationError,
     "unindent does not match any outer indentation level",
     4, 4, 4, -1, "  b\n"},
    {"if x:\n    pass\n\tif y:\n\t  pass\n", Type::TabError,
     "inconsistent use of tabs and spaces in indentation",
     3, 1, 3, 0, "\tif y:\n"},
    {"if x:\n\t  pass\n\t y\n", Type::IndentationError,
     "unindent does not match any outer indentation level",
     3, 4, 3, -1, "\t y\n"},
    {"\xc3\xaf\xc2\xbb\xc2\xbfx = $\n", Type::SyntaxError, "invalid character '\xc2\xbb' (U+00BB)",
     1, 2, 1, 2, "\xc3\xaf\xc2\xbb\xc2\xbfx = $"},
    {"x = 1 \xc3\xa9 \xe2\x82\xac\n", Type::SyntaxError,
     "invalid character '\xe2\x82\xac' (U+20AC)",
     1, 9, 1, 9, "x = 1 \xc3\xa9 \xe2\x82\xac"},
    {"\xc3\xa9\xe2\x82\xac = 1\n", Type::SyntaxError, "invalid character '\xe2\x82\xac' (U+20AC)",
     1, 2, 1, 2, "\xc3\xa9\xe2\x82\xac = 1"},
    {"x\xe2\x82\xac = 1\n", Type::SyntaxError, "invalid character '\xe2\x82\xac' (U+20AC)",
     1, 2, 1, 2, "x\xe2\x82\xac = 1"},
    {"\xc2\xb7x = 1\n", Type::SyntaxError, "invalid character '\xc2\xb7' (U+00B7)",
     1, 1, 1, 1, "\xc2\xb7x = 1"},
    {"\xcc\x80 = 1\n", Type::SyntaxError, "invalid character '\xcc\x80' (U+0300)",
     1, 1, 1, 1, "\xcc\x80 = 1"},
    {"x = \xf0\x9f\x98\x80\n", Type::SyntaxError, "invalid character '\xf0\x9f\x98\x80' (U+1F600)",
     1, 5, 1, 5, "x = \xf0\x9f\x98\x80"},
    {"x = \xe2\x80\xa8\n", Type::SyntaxError, "invalid non-printable character U+2028",
     1, 5, 1, 5, "x = \xe2\x80\xa8"},
    {"x = a\xe2\x80\xa8\n", Type::SyntaxError, "invalid non-printable character U+2028",
     1, 6, 1, 6, "x = a\xe2\x80\xa8"},
    {"x = \xf3\xa0\x80\x81\n", Type::SyntaxError, "invalid non-printable character U+E0001",
     1, 5, 1, 5, "x = \xf3\xa0\x80\x81"},
    {"\xc3\xa9\xc3\xa9\xc3\xa9\xe2\x82\xacxx = 1\n", Type::SyntaxError,
     "invalid character '\xe2\x82\xac' (U+20AC)",
     1, 4, 1, 4, "\xc3\xa9\xc3\xa9\xc3\xa9\xe2\x82\xacxx = 1"},
    {"\xc3\xa9 = (\n", Type::SyntaxError, "'(' was never closed",
     1, 6, 1, 0, "\xc3\xa9 = (\n"},
    {"\xc3\xa9 = 0777\n", Type::SyntaxError,
     "leading zeros in decimal integer literals are not permitted; "
     "use an 0o prefix for octal integers",
     1, 6, 1, 7, "\xc3\xa9 = 0777"},
    {"\xc3\xa9 = 1 \\ x\n", Type::SyntaxError,
     "unexpected character after line continuation character",
     1, 9, 1, 0, "\xc3\xa9 = 1 \\ x\n"},
    {"if \xc3\xa9:\n  a\n b\xc3\xa9\n", Type::IndentationError,
     "unindent does not match any outer indentation level",
     3, 5, 3, -1, " b\xc3\xa9\n"},
    {"\xcd\xba = 1\n", Type::SyntaxError, "invalid character '\xcd\xba' (U+037A)",
     1, 1, 1, 1, "\xcd\xba = 1"},
    {"x\xcd\xba = 1\n", Type::SyntaxError, "invalid character '\xcd\xba' (U+037A)",
     1, 2, 1, 2, "x\xcd\xba = 1"},
    {"\xef\xbc\x90 = 1\n", Type::SyntaxError, "invalid character '\xef\xbc\x90' (U+FF10)",
     1, 1, 1, 1, "\xef\xbc\x90 = 1"},
    {"x = 0777\n", Type::SyntaxError,
     "leading zeros in decimal integer literals are not permitted; "
     "use an 0o prefix for octal integers",
     1, 5, 1, 6, "x = 0777"},
    {"x = 0o8\n", Type::SyntaxError, "invalid digit '8' in octal literal",
     1, 7, 1, 7, "x = 0o8"},
    {"x = 0o18\n", Type::SyntaxError, "invalid digit '8' in octal literal",
     1, 8, 1, 8, "x = 0o18"},
    {"x = 1_\n", Type::SyntaxError, "invalid decimal literal",
     1, 6, 1, 6, "x = 1_"},
    {"x = 1__2\n", Type::SyntaxError, "invalid decimal literal",
     1, 6, 1, 6, "x = 1__2"},
    {"x = 0x\n", Type::SyntaxError, "invalid hexadecimal literal",
     1, 6, 1, 6, "x = 0x"},
    {"x = 0xg\n", Type::SyntaxError, "invalid hexadecimal literal",
     1, 6, 1, 6, "x = 0xg"},
    {"x = 1e\n", Type::SyntaxError, "invalid decimal literal",
     1, 5, 1, 5, "x = 1e"},
    {"x = 1e+\n", Type::SyntaxError, "invalid decimal literal",
     1, 7, 1, 7, "x = 1e+"},
    {"x = 1a\n", Type::SyntaxError, "invalid decimal literal",
     1, 5, 1, 5, "x = 1a"},
    {"x = 1jx\n", Type::SyntaxError, "invalid imaginary literal",
     1, 6, 1, 6, "x = 1jx"},
    {"x = 0b2\n", Type::SyntaxError, "invalid digit '2' in binary literal",
     1, 7, 1, 7, "x = 0b2"},
    {"x = 0b12\n", Type::SyntaxError, "invalid digit '2' in binary literal",
     1, 8, 1, 8, "x = 0b12"},
    {"x = \"abc\n", Type::SyntaxError, "unterminated string literal (detected at line 1)",
     1, 5, 1, 5, "x = \"abc"},
    {"x = \"\"\"abc\n\n", Type::SyntaxError,
     "unterminated triple-quoted string literal (detected at line 2)",
     1, 5, 1, 5, "x = \"\"\"abc"},
    {"x = (\n", Type::SyntaxError, "'(' was never closed",
     1, 5, 1, 0, "x = (\n"},
    {"x = )\n", Type::SyntaxError, "unmatched ')'",
     1, 5, 1, 5, "x = )"},
    {"x = (]\n", Type::SyntaxError,
     "closing parenthesis ']' does not match opening parenthesis '('",
     1, 6, 1, 6, "x = (]"},
    {"x = (\n]\n", Type::SyntaxError,
     "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
     2, 1, 2, 1, "]"},
    {"x = \xe2\x82\xac\n", Type::SyntaxError, "invalid character '\xe2\x82\xac' (U+20AC)",
     1, 5, 1, 5, "x = \xe2\x82\xac"},
    {"x = \xc2\xa0\n", Type::SyntaxError, "invalid non-printable character U+00A0",
     1, 5, 1, 5, "x = \xc2\xa0"},
    {"\xc3\xa9 = 1 \xe2\x82\xac\n", Type::SyntaxError, "invalid character '\xe2\x82\xac' (U+20AC)",
     1, 7, 1, 7, "\xc3\xa9 = 1 \xe2\x82\xac"},
    {"if x:\n  a\n b\n", Type::IndentationError,
     "unindent does not match any outer indentation level",
     3, 3, 3, -1, " b\n"},
    {"if x:\n\ta\n        b\n", Type::TabError,
     "inconsistent use of tabs and spaces in indentation",
     3, 1, 3, 0, "        b\n"},
    {"if x:\n        a\n\tb\n", Type::TabError,
     "inconsistent use of tabs and spaces in indentation",
     3, 1, 3, 0, "\tb\n"},
    {"if x:\n    a\n\tb\n", Type::TabError, "inconsistent use of tabs and spaces in indentation",
     3, 1, 3, 0, "\tb\n"},
    {"if x:\n\ta\n    \tb\n", Type::TabError, "inconsistent use of tabs and spaces in indentation",
     3, 1, 3, 0, "    \tb\n"},
    {"x = (1,\n\n# c\n", Type::SyntaxError, "'(' was never closed",
     1, 5, 1, 0, "x = (1,\n"},
    {"x = [1,\n2\n", Type::SyntaxError, "'[' was never closed",
     1, 5, 1, 0, "x = [1,\n"},
    {"\"\"\"abc", Type::SyntaxError,
     "unterminated triple-quoted string literal (detected at line 1)",
     1, 1, 1, 1, "\"\"\"abc"},
    {"\"abc", Type::SyntaxError, "unterminated string literal (detected at line 1)",
     1, 1, 1, 1, "\"abc"},
    {"x = \"abc\\\\\n", Type::SyntaxError, "unterminated string literal (detected at line 1)",
     1, 5, 1, 5, "x = \"abc\\\\"},
    {"x = 0_7\n", Type::SyntaxError,
     "leading zeros in decimal integer literals are not permitted; "
     "use an 0o prefix for octal integers",
     1, 5, 1, 7, "x = 0_7"},
    {"x = 01_\n", Type::SyntaxError, "invalid decimal literal",
     1, 7, 1, 7, "x = 01_"},
    {"x = 0e\n", Type::SyntaxError, "invalid decimal literal",
     1, 5, 1, 5, "x = 0e"},
    {"x = 0a\n", Type::SyntaxError, "invalid decimal literal",
     1, 5, 1, 5, "x = 0a"},
    {"x = 0_\n", Type::SyntaxError, "invalid decimal literal",
     1, 6, 1, 6, "x = 0_"},
    {"x = 1.e\n", Type::SyntaxError, "invalid decimal literal",
     1, 6, 1, 6, "x = 1.e"},
    {"x = 1.5_\n", Type::SyntaxError, "invalid decimal literal",
     1, 8, 1, 8, "x = 1.5_"},
    {"x = 1.5_a\n", Type::SyntaxError, "invalid decimal literal",
     1, 8, 1, 8, "x = 1.5_a"},
    {"x = 0o\n", Type::SyntaxError, "invalid octal literal",
     1, 6, 1, 6, "x = 0o"},
    {"x = 0b\n", Type::SyntaxError, "invalid binary literal",
     1, 6, 1, 6, "x = 0b"},
    {"x = 0x_\n", Type::SyntaxError, "invalid hexadecimal literal",
     1, 7, 1, 7, "x = 0x_"},
    {"x = 0x1_\n", Type::SyntaxError, "invalid hexadecimal literal",
     1, 8, 1, 8, "x = 0x1_"},
    {"x = 0o1_\n", Type::SyntaxError, "invalid octal literal",
     1, 8, 1, 8, "x = 0o1_"},
    {"x = 0b1_2\n", Type::SyntaxError, "invalid digit '2' in binary literal",
     1, 9, 1, 9, "x = 0b1_2"},
    {"x = 0o7_8\n", Type::SyntaxError, "invalid digit '8' in octal literal",
     1, 9, 1, 9, "x = 0o7_8"},
    {"x = 0xfg\n", Type::SyntaxError, "invalid hexadecimal literal",
     1, 7, 1, 7, "x = 0xfg"},
    {"x = 0o7a\n", Type::SyntaxError, "invalid octal literal",
     1, 7, 1, 7, "x = 0o7a"},
    {"x = 0b1a\n", Type::SyntaxError, "invalid binary literal",
     1, 7, 1, 7, "x = 0b1a"},
    {"x = 1e5x\n", Type::SyntaxError, "invalid decimal literal",
     1, 7, 1, 7, "x = 1e5x"},
    {"x = 1e5jx\n", Type::SyntaxError, "invalid imaginary literal",
     1, 8, 1, 8, "x = 1e5jx"},
    {"x = 1.5jx\n", Type::SyntaxError, "invalid imaginary literal",
     1, 8, 1, 8, "x = 1.5jx"},
    {"x = 1e-\n", Type::SyntaxError, "invalid decimal literal",
     1, 7, 1, 7, "x = 1e-"},
    {"x = 1e_1\n", Type::SyntaxError, "invalid decimal literal",
     1, 5, 1, 5, "x = 1e_1"},
    {"x = .5_\n", Type::SyntaxError, "invalid decimal literal",
     1, 7, 1, 7, "x = .5_"},
    {"x = 5.__x\n", Type::SyntaxError, "invalid decimal literal",
     1, 6, 1, 6, "x = 5.__x"},
    {"x = 1_a\n", Type::SyntaxError, "invalid decimal literal",
     1, 6, 1, 6, "x = 1_a"},
    {"x = 00_a\n", Type::SyntaxError, "invalid decimal literal",
     1, 7, 1, 7, "x = 00_a"},
    {"x = 00x\n", Type::SyntaxError, "invalid decimal literal",
     1, 6, 1, 6, "x = 00x"},
    {"x = 0_0_\n", Type::SyntaxError, "invalid decimal literal",
     1, 8, 1, 8, "x = 0_0_"},
    {"x = 1\xc3\xa9\n", Type::SyntaxError, "invalid decimal literal",
     1, 5, 1, 5, "x = 1\xc3\xa9"},
    {"x = 0x1\xc3\xa9\n", Type::SyntaxError, "invalid hexadecimal literal",
     1, 7, 1, 7, "x = 0x1\xc3\xa9"},
    {"x = 'a' 'b\n", Type::SyntaxError, "unterminated string literal (detected at line 1)",
     1, 9, 1, 9, "x = 'a' 'b"},
    {"x = rb'abc\n", Type::SyntaxError, "unterminated string literal (detected at line 1)",
     1, 5, 1, 5, "x = rb'abc"},
    {"x = f'''abc\n", Type::SyntaxError,
     "unterminated triple-quoted string literal (detected at line 1)",
     1, 5, 1, 5, "x = f'''abc"},
    {"x = br\"\"\"a\nb\nc\n", Type::SyntaxError,
     "unterminated triple-quoted string literal (detected at line 3)",
     1, 5, 1, 5, "x = br\"\"\"a"},
    {"x = (\n'abc\n", Type::SyntaxError, "unterminated string literal (detected at line 2)",
     2, 1, 2, 1, "'abc"},
    {"x = [\n  1,\n  2\n", Type::SyntaxError, "'[' was never closed",
     1, 5, 1, 0, "x = [\n"},
    {"x = {\n", Type::SyntaxError, "'{' was never closed",
     1, 5, 1, 0, "x = {\n"},
    {"f(a, (b, [c\n", Type::SyntaxError, "'[' was never closed",
     1, 10, 1, 0, "f(a, (b, [c\n"},
    {"f(a, (b, [c)\n", Type::SyntaxError,
     "closing parenthesis ')' does not match opening parenthesis '['",
     1, 12, 1, 12, "f(a, (b, [c)"},
    {"f(a, (b, [c]]\n", Type::SyntaxError,
     "closing parenthesis ']' does not match opening parenthesis '('",
     1, 13, 1, 13, "f(a, (b, [c]]"},
    {"f(a, (b, [c]))]\n", Type::SyntaxError, "unmatched ']'",
     1, 15, 1, 15, "f(a, (b, [c]))]"},
    {"}\n", Type::SyntaxError, "unmatched '}'",
     1, 1, 1, 1, "}"},
    {"def f():\n\tif x:\n\t\treturn 1\n\telse:\n        return 2\n", Type::TabError,
     "inconsistent use of tabs and spaces in indentation",
     5, 1, 5, 0, "        return 2\n"},
    {"x = 1\n\x0b = 2\n", Type::SyntaxError, "invalid non-printable character U+000B",
     2, 1, 2, 1, "\x0b = 2"},
    {"x = 1 \x01\n", Type::SyntaxError, "invalid non-printable character U+0001",
     1, 7, 1, 7, "x = 1 \x01"},
    {"x = \x7f\n", Type::SyntaxError, "invalid non-printable character U+007F",
     1, 5, 1, 5, "x = \x7f"},
    {"x = a\xe2\x80\x8b" "b\n", Type::SyntaxError, "invalid non-printable character U+200B",
     1, 6, 1, 6, "x = a\xe2\x80\x8b" "b"},
    {"\xe2\x80\x8b = 1\n", Type::SyntaxError, "invalid non-printable character U+200B",
     1, 1, 1, 1, "\xe2\x80\x8b = 1"},
    {"x = \xf0\x9f\x90\x8d\n", Type::SyntaxError, "invalid character '\xf0\x9f\x90\x8d' (U+1F40D)",
     1, 5, 1, 5, "x = \xf0\x9f\x90\x8d"},
    {"x = 1 \\ 2\n", Type::SyntaxError, "unexpected character after line continuation character",
     1, 8, 1, 0, "x = 1 \\ 2\n"},
    {"x = 1 + \\\n", Type::SyntaxError, "unexpected EOF while parsing",
     1, 10, 1, -1, "x = 1 + \\\n"},
    {"x = 1 \xe2\x82\xac 2\n", Type::SyntaxError, "invalid character '\xe2\x82\xac' (U+20AC)",
     1, 7, 1, 7, "x = 1 \xe2\x82\xac 2"},
    {"\xc3\xa9 = '\n", Type::SyntaxError, "unterminated string literal (detected at line 1)",
     1, 5, 1, 5, "\xc3\xa9 = '"},
    {"\xc3\xa9 = (\n1,\n", Type::SyntaxError, "'(' was never closed",
     1, 6, 1, 0, "\xc3\xa9 = (\n"},
    {"\xc3\xa9\xc3\xa9 = 1 \\ x\n", Type::SyntaxError,
     "unexpected character after line continuation character",
     1, 11, 1, 0, "\xc3\xa9\xc3\xa9 = 1 \\ x\n"},
    {"if \xc3\xa9:\n\t\xc3\xa9\n        \xc3\xa9\n", Type::TabError,
     "inconsistent use of tabs and spaces in indentation",
     3, 1, 3, 0, "        \xc3\xa9\n"},
    {"if x:\n  a\n b", Type::IndentationError,
     "unindent does not match any outer indentation level",
     3, 3, 3, -1, " b"},
    {"if x:\n\ta\n        b", Type::TabError, "inconsistent use of tabs and spaces in indentation",
     3, 1, 3, 0, "        b"},
    {"x = (1,", Type::SyntaxError, "'(' was never closed",
     1, 5, 1, 0, "x = (1,"},
    {"x = 'abc", Type::SyntaxError, "unterminated string literal (detected at line 1)",
     1, 5, 1, 5, "x = 'abc"},
    {"x = '''abc", Type::SyntaxError,
     "unterminated triple-quoted string literal (detected at line 1)",
     1, 5, 1, 5, "x = '''abc"},
    {"x = 1a", Type::SyntaxError, "invalid decimal literal",
     1, 5, 1, 5, "x = 1a"},
    {"x = 0777", Type::SyntaxError,
     "leading zeros in decimal integer literals are not permitted; "
     "use an 0o prefix for octal integers",
     1, 5, 1, 6, "x = 0777"},
    {"x = )", Type::SyntaxError, "unmatched ')'",
     1, 5, 1, 5, "x = )"},
    {"x = \xe2\x82\xac", Type::SyntaxError, "invalid character '\xe2\x82\xac' (U+20AC)",
     1, 5, 1, 5, "x = \xe2\x82\xac"},
    {"if \xc3\xa9:\n  a\n b\xc3\xa9", Type::IndentationError,
     "unindent does not match any outer indentation level",
     3, 5, 3, -1, " b\xc3\xa9"},
    {"x = (\xc3\xa9,", Type::SyntaxError, "'(' was never closed",
     1, 5, 1, 0, "x = (\xc3\xa9,"},
    {"\xc3\xa9 = 1 \\ x", Type::SyntaxError,
     "unexpected character after line continuation character",
     1, 9, 1, 0, "\xc3\xa9 = 1 \\ x"},
    {"x = [\n\xc3\xa9,\n   \xc3\xa9 \\ z\n", Type::SyntaxError,
     "unexpected character after line continuation character",
     3, 8, 3, 0, "   \xc3\xa9 \\ z\n"},
    {"s = '\xc3\xa9\xc3\xa9\xc3\xa9\n", Type::SyntaxError,
     "unterminated string literal (detected at line 1)",
     1, 5, 1, 5, "s = '\xc3\xa9\xc3\xa9\xc3\xa9"},
    {"s = '''\xc3\xa9\xc3\xa9\xc3\xa9\n\n\n", Type::SyntaxError,
     "unterminated triple-quoted string literal (detected at line 3)",
     1, 5, 1, 5, "s = '''\xc3\xa9\xc3\xa9\xc3\xa9"},
    {"s = 1 + '\xc3\xa9' + '''\xc3\xa9\xc3\xa9\xc3\xa9\n\n\n", Type::SyntaxError,
     "unterminated triple-quoted string literal (detected at line 3)",
     1, 15, 1, 15, "s = 1 + '\xc3\xa9' + '''\xc3\xa9\xc3\xa9\xc3\xa9"},
    {"\xc3\xa9\xc3\xa9 = 0o9", Type::SyntaxError, "invalid digit '9' in octal literal",
     1, 8, 1, 8, "\xc3\xa9\xc3\xa9 = 0o9"},
    {"\xc3\xa9\xc3\xa9 = 1_", Type::SyntaxError, "invalid decimal literal",
     1, 7, 1, 7, "\xc3\xa9\xc3\xa9 = 1_"},
    {"\xc3\xa9\xc3\xa9 = 1__", Type::SyntaxError, "invalid decimal literal",
     1, 7, 1, 7, "\xc3\xa9\xc3\xa9 = 1__"},
    {"\xc3\xa9\xc3\xa9 = (]", Type::SyntaxError,
     "closing parenthesis ']' does not match opening parenthesis '('",
     1, 7, 1, 7, "\xc3\xa9\xc3\xa9 = (]"},
    {"\xc3\xa9\xc3\xa9 = \xc3\xa9\xe2\x82\xac", Type::SyntaxError,
     "invalid character '\xe2\x82\xac' (U+20AC)",
     1, 7, 1, 7, "\xc3\xa9\xc3\xa9 = \xc3\xa9\xe2\x82\xac"},
    {"if x:\n    y\n\x0c  z\n", Type::IndentationError,
     "unindent does not match any outer indentation level",
     3, 5, 3, -1, "\x0c  z\n"},
    {"if x:\n    y\n  # c\n z\n", Type::IndentationError,
     "unindent does not match any outer indentation level",
     4, 3, 4, -1, " z\n"},
    {"def f():\n    return (\n1)\n  x\n", Type::IndentationError,
     "unindent does not match any outer indentation level",
     4, 4, 4, -1, "  x\n"},
    {"if 1:\n        x = 1\n\ty = 2\n", Type::TabError,
     "inconsistent use of tabs and spaces in indentation",
     3, 1, 3, 0, "\ty = 2\n"},
    {"if 1:\n\tx = 1\n        y = 2\n", Type::TabError,
     "inconsistent use of tabs and spaces in indentation",
     3, 1, 3, 0, "        y = 2\n"},
    {"if 1:\n \tx = 1\n\ty = 2\n", Type::TabError,
     "inconsistent use of tabs and spaces in indentation",
     3, 1, 3, 0, "\ty = 2\n"},
    {"if 1:\n\t x = 1\n\t y = 2\n         z = 3\n", Type::TabError,
     "inconsistent use of tabs and spaces in indentation",
     4, 1, 4, 0, "         z = 3\n"},
    {"if x:\n  pass\n\\\n", Type::SyntaxError, "unexpected EOF while parsing",
     3, 0, 3, -1, "\\\n"},
    {"x = 1 \\\n\\\n", Type::SyntaxError, "unexpected EOF while parsing",
     2, 2, 2, -1, "\\\n"},
    {"f(\n  \\ x)\n", Type::SyntaxError, "unexpected character after line continuation character",
     2, 4, 2, 0, "  \\ x)\n"},
    {"x = (1 \\\n  \\ 2)\n", Type::SyntaxError,
     "unexpected character after line continuation character",
     2, 13, 2, 0, "  \\ 2)\n"},
    {"x = 'a\\\n", Type::SyntaxError, "unterminated string literal (detected at line 1)",
     1, 5, 1, 5, "x = 'a\\"},
    {"x = 'a\\\nb'\nc = 'd\n", Type::SyntaxError,
     "unterminated string literal (detected at line 3)",
     3, 5, 3, 5, "c = 'd"},
    {"x = '''\\\n'''\n'\n", Type::SyntaxError, "unterminated string literal (detected at line 3)",
     3, 1, 3, 1, "'"},
    {"x = 1\n\\\n", Type::SyntaxError, "unexpected EOF while parsing",
     2, 0, 2, -1, "\\\n"},
    {"x = 1\n  \\\n", Type::SyntaxError, "unexpected EOF while parsing",
     2, 0, 2, -1, "  \\\n"},
    {"x = 1\n  \\ \n", Type::SyntaxError, "unexpected character after line continuation character",
     2, 4, 2, 0, "  \\ \n"},
    {"a = \"\"\"\n\n\n\n\n\n\"\n", Type::SyntaxError,
     "unterminated triple-quoted string literal (detected at line 7)",
     1, 5, 1, 5, "a = \"\"\""},
    {"x = 1an\n", Type::SyntaxError, "invalid decimal literal",
     1, 5, 1, 5, "x = 1an"},
    {"x = .1e\n", Type::SyntaxError, "invalid decimal literal",
     1, 6, 1, 6, "x = .1e"},
    {"x = .1ej\n", Type::SyntaxError, "invalid decimal literal",
     1, 6, 1, 6, "x = .1ej"},
    {"x = 1e1e\n", Type::SyntaxError, "invalid decimal literal",
     1, 7, 1, 7, "x = 1e1e"},
    {"x = 09_9\n", Type::SyntaxError,
     "leading zeros in decimal integer literals are not permitted; "
     "use an 0o prefix for octal integers",
     1, 5, 1, 6, "x = 09_9"},
    {"x = 0_9\n", Type::SyntaxError,
     "leading zeros in decimal integer literals are not permitted; "
     "use an 0o prefix for octal integers",
     1, 5, 1, 7, "x = 0_9"},
    {"x = 0__9\n", Type::SyntaxError, "invalid decimal literal",
     1, 6, 1, 6, "x = 0__9"},
    {"x = \\\n", Type::SyntaxError, "unexpected EOF while parsing",
     1, 6, 1, -1, "x = \\\n"},
    {"x = 1\n\n\n\n(\n", Type::SyntaxError, "'(' was never closed",
     5, 1, 5, 0, "(\n"},
    {"(\n\n\n\n)\n)\n", Type::SyntaxError, "unmatched ')'",
     6, 1, 6, 1, ")"},
    {"[\n(]\n", Type::SyntaxError, "closing parenthesis ']' does not match opening parenthesis '('",
     2, 2, 2, 2, "(]"},
    {"{\n\n)\n", Type::SyntaxError,
     "closing parenthesis ')' does not match opening parenthesis '{' on line 1",
     3, 1, 3, 1, ")"},
    {"x = 1 + \\\n  2 \\ y\n", Type::SyntaxError,
     "unexpected character after line continuation character",
     2, 16, 2, 0, "  2 \\ y\n"},
    {"x = (1 +\n  2 \\ y)\n", Type::SyntaxError,
     "unexpected character after line continuation character",
     2, 6, 2, 0, "  2 \\ y)\n"},
    {"x = '''\n''' \\ y\n", Type::SyntaxError,
     "unexpected character after line continuation character",
     2, 14, 2, 0, "''' \\ y\n"},
    {"if x:\n  y\n \\ z\n", Type::SyntaxError,
     "unexpected character after line continuation character",
     3, 3, 3, 0, " \\ z\n"},
};

TEST(TokenizerErrors, MatchCPython) {
  for (const ErrorCase& c : kErrorCases) {
    SCOPED_TRACE(c.src);
    SyntaxErrorInfo e = error_of(c.src);
    EXPECT_EQ(e.type, c.type);
    EXPECT_EQ(e.msg, c.msg);
    EXPECT_EQ(e.lineno, c.lineno);
    EXPECT_EQ(e.offset, c.offset);
    EXPECT_EQ(e.end_lineno, c.end_lineno);
    EXPECT_EQ(e.end_offset, c.end_offset);
    EXPECT_EQ(e.text, c.text);
    EXPECT_EQ(e.filename, "<test>");
  }
}

// With a declared encoding CPython converts parser-worded columns to characters.
TEST(TokenizerErrors, CharacterColumns) {
  SyntaxErrorInfo e = error_of("# coding: utf-8\n\xc3\xa9 = (\n");
  EXPECT_EQ(e.msg, "'(' was never closed");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.offset, 5);
  EXPECT_EQ(e.end_offset, 0);
  e = error_of("\xef\xbb\xbfif \xc3\xa9:\n  a\n b\xc3\xa9\n");
  EXPECT_EQ(e.msg, "unindent does not match any outer indentation level");
  EXPECT_EQ(e.offset, 4);
  EXPECT_EQ(e.end_offset, -1);
  // Errors raised inside the tokenizer count characters either way.
  e = error_of("\xc3\xa9 = 1 \xe2\x82\xac\n");
  EXPECT_EQ(e.msg, "invalid character '\xe2\x82\xac' (U+20AC)");
  EXPECT_EQ(e.offset, 7);
}

TEST(TokenizerErrors, Limits) {
  std::string src = "if x:\n";
  for (int i = 1; i < 100; i++) src += std::string(i, ' ') + "if x:\n";
  src += std::string(100, ' ') + "pass\n";
  SyntaxErrorInfo e = error_of(src);
  EXPECT_EQ(e.type, Type::IndentationError);
  EXPECT_EQ(e.msg, "too many levels of indentation");
  EXPECT_EQ(e.lineno, 101);
  EXPECT_EQ(e.offset, 1);
  EXPECT_EQ(e.end_offset, 0);
  EXPECT_EQ(e.text, std::string(100, ' ') + "pass\n");

  e = error_of("x = " + std::string(200, '(') + "[\n");
  EXPECT_EQ(e.msg, "too many nested parentheses");
  EXPECT_EQ(e.offset, 205);
  EXPECT_EQ(e.text, "x = " + std::string(200, '(') + "[");
  EXPECT_EQ(error_of("x = " + std::string(199, '(') + "[1" + std::string(199, ')') + "]\n").msg,
            "closing parenthesis ')' does not match opening parenthesis '['");
}

TEST(TokenizerErrors, EvalInput) {
  // Without the newline CPython adds to modules, a trailing backslash meets the end of input.
  TokenizerOptions opts;
  opts.exec_input = false;
  Tokenizer tz("1 \\", "<test>", opts);
  Token t;
  ASSERT_TRUE(tz.next(t));
  ASSERT_FALSE(tz.next(t));
  EXPECT_EQ(tz.error().msg, "unexpected character after line continuation character");
  EXPECT_EQ(tz.error().offset, 3);
  EXPECT_EQ(tz.error().end_offset, 0);
  EXPECT_EQ(tz.error().text, "1 \\");
  EXPECT_EQ(dump_eval("(1 +"),
            "'(' 1:0-1:1 (\nNUMBER 1:1-1:2 1\n'+' 1:3-1:4 +\nerror: '(' was never closed\n");
}

TEST(TokenizerErrors, ImmediateOrParserWorded) {
  bool immediate = false;
  error_of("x = 1a\n", &immediate);
  EXPECT_TRUE(immediate);
  error_of("x = 'a\n", &immediate);
  EXPECT_TRUE(immediate);
  error_of("x = (\n", &immediate);
  EXPECT_FALSE(immediate);
  error_of("x = 1 \\ 2\n", &immediate);
  EXPECT_FALSE(immediate);
  error_of("if x:\n  a\n b\n", &immediate);
  EXPECT_FALSE(immediate);
}

TEST(TokenizerErrors, ErrorRepeatsAndStateIsExposed) {
  Tokenizer tz("f(a,\n  [b,\n", "<test>");
  Token t;
  int n = 0;
  while (tz.next(t)) n++;
  EXPECT_EQ(n, 7);
  EXPECT_EQ(t.kind, Tok::ErrorToken);
  EXPECT_EQ(tz.error().msg, "'[' was never closed");
  EXPECT_EQ(tz.error().lineno, 2);
  EXPECT_EQ(tz.error().offset, 3);
  EXPECT_EQ(tz.bracket_depth(), 2);
  EXPECT_EQ(tz.unclosed_bracket_error().msg, "'[' was never closed");
  EXPECT_FALSE(tz.next(t));
  EXPECT_EQ(tz.error().msg, "'[' was never closed");
  EXPECT_EQ(tz.lineno(), 2);
}

TEST(TokenizerErrors, LocatedError) {
  Tokenizer tz("x = 1\n\xc3\xa9\xc3\xa9 = $\n", "f.py");
  SyntaxErrorInfo e = tz.located_error(Type::SyntaxError, "invalid syntax", 2, 9, 2, 10);
  EXPECT_EQ(e.filename, "f.py");
  EXPECT_EQ(e.text, "\xc3\xa9\xc3\xa9 = $\n");
  EXPECT_EQ(e.offset, 7);
  EXPECT_EQ(e.end_offset, 8);
  TokenizerOptions bytes;
  bytes.byte_columns = true;
  Tokenizer tzb("x = 1\n\xc3\xa9\xc3\xa9 = $\n", "f.py", bytes);
  e = tzb.located_error(Type::SyntaxError, "invalid syntax", 2, 9, 2, 10);
  EXPECT_EQ(e.offset, 9);
  EXPECT_EQ(e.end_offset, 10);
}

TEST(TokenizerErrors, UndecodedNames) {
  // compile() of bytes passes bad UTF-8 through; a name holding it fails like CPython's.
  std::string text;
  SyntaxErrorInfo err;
  ASSERT_TRUE(decode_source("ab\xff" "c = 1\n", "<string>", SourceOrigin::String, text, err));
  TokenizerOptions opts;
  opts.byte_columns = true;
  Tokenizer tz(text, "<string>", opts);
  Token t;
  EXPECT_FALSE(tz.next(t));
  EXPECT_EQ(tz.error().msg,
            "(unicode error) 'utf-8' codec can't decode byte 0xff in position 2: "
            "invalid start byte");
  EXPECT_EQ(tz.error().offset, 4);
  EXPECT_EQ(tz.error().end_offset, -1);
  EXPECT_EQ(tz.error().text, "ab\xef\xbf\xbd" "c = 1\n");
}

TEST(TokenizerErrors, NullBytes) {
  using namespace std::string_literals;
  for (std::string src : {"x = 1\0\n"s, "x = 1\n'a\0b'\n"s, "x = (\n# \0\n"s}) {
    SCOPED_TRACE(src);
    SyntaxErrorInfo e = error_of(src);
    EXPECT_EQ(e.msg, "source code cannot contain null bytes");
  }
  SyntaxErrorInfo e = error_of("x = 1\n\xc3\xa9\0y\n"s);
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.offset, 2);
  EXPECT_EQ(e.text, "\xc3\xa9"s + '\0' + "y");
}

// -- The standard library -------------------------------------------------------------------------

// Every file of CPython's Lib/ tokenizes without error, as python3.11 compiles them all.
TEST(TokenizerStdlib, EveryFileTokenizes) {
  namespace fs = std::filesystem;
  fs::path root = TPY_DEFAULT_STDLIB;
  if (!fs::is_directory(root)) GTEST_SKIP() << root << " is not installed";
  size_t files = 0, tokens = 0;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    const fs::directory_entry& entry = *it;
    // CPython's own test suite (libpython3.11-testsuite) holds files written to be rejected
    // (bad_coding.py, badsyntax_*.py); ast_dump_stdlib checks those against the oracle.
    if (entry.is_directory() && entry.path() == root / "test") {
      it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file() || entry.path().extension() != ".py") continue;
    // Python 2 code in lib2to3's test data, which python3.11 rejects too ("0377").
    if (entry.path().string().ends_with("lib2to3/tests/data/py2_test_grammar.py")) continue;
    std::ifstream f(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string text;
    SyntaxErrorInfo err;
    ASSERT_TRUE(decode_source(ss.str(), entry.path().string(), SourceOrigin::File, text, err))
        << entry.path() << ": " << err.msg;
    Tokenizer tz(text, entry.path().string());
    Token t;
    do {
      ASSERT_TRUE(tz.next(t)) << entry.path() << ":" << tz.error().lineno << ": "
                              << tz.error().msg;
      tokens++;
    } while (t.kind != Tok::EndMarker);
    files++;
  }
  EXPECT_GT(files, 100u);
  EXPECT_GT(tokens, files * 100);
}

}  // namespace
}  // namespace tpy::parse
