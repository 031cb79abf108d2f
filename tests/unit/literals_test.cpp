// tests/unit/literals_test.cpp -- NUMBER and STRING token values against CPython 3.11's.
//
// Expected values and messages were taken from /usr/bin/python3.11 (ast.parse of the literal).
#include "interp/parse/literals.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tpy::parse {
namespace {

using Kind = ast::ConstValue::Kind;

// -- Numbers --------------------------------------------------------------------------------------

struct IntCase {
  const char* text;
  int64_t small;
  const char* big;  // decimal digits when the value does not fit int64
};

TEST(DecodeNumber, Integers) {
  const IntCase cases[] = {
      {"0", 0, ""},
      {"00", 0, ""},
      {"0_0", 0, ""},
      {"1_000_000", 1000000, ""},
      {"0x1F", 31, ""},
      {"0XdEaD_bEeF", 0xDEADBEEF, ""},
      {"0o17", 15, ""},
      {"0O_7_7", 63, ""},
      {"0b101", 5, ""},
      {"0B_1_0", 2, ""},
      {"9223372036854775807", INT64_MAX, ""},
      {"0x7fffffffffffffff", INT64_MAX, ""},
      {"9223372036854775808", 0, "9223372036854775808"},
      {"18446744073709551616", 0, "18446744073709551616"},
      {"0x8000000000000000", 0, "9223372036854775808"},
      {"0xFFFFFFFFFFFFFFFFFFFF", 0, "1208925819614629174706175"},
      {"0b1111111111111111111111111111111111111111111111111111111111111111", 0,
       "18446744073709551615"},
      {"0o1777777777777777777777", 0, "18446744073709551615"},
      {"123_456_789_012_345_678_901_234_567_890", 0, "123456789012345678901234567890"},
  };
  Arena arena;
  for (const IntCase& c : cases) {
    ast::ConstValue v = decode_number(c.text, arena);
    EXPECT_EQ(v.kind, Kind::Int) << c.text;
    EXPECT_EQ(v.s, c.big) << c.text;
    if (!*c.big) {
      EXPECT_EQ(v.i, c.small) << c.text;
    }
  }
}

TEST(DecodeNumber, Floats) {
  const std::pair<const char*, double> cases[] = {
      {"1.5", 1.5},
      {".5", 0.5},
      {"1.", 1.0},
      {"1e10", 1e10},
      {"1E+5", 1e5},
      {"1_0.0_1e1_0", 10.01e10},
      {"0.1", 0.1},
      {"2.4703282292062328e-324", 5e-324},  // just above half the smallest subnormal
      {"1e-400", 0.0},
      {"00.5", 0.5},
      {"1_2e-1_0", 12e-10},
  };
  Arena arena;
  for (auto [text, want] : cases) {
    ast::ConstValue v = decode_number(text, arena);
    EXPECT_EQ(v.kind, Kind::Float) << text;
    EXPECT_EQ(v.f, want) << text;
  }
  EXPECT_TRUE(std::isinf(decode_number("1e400", arena).f));
  EXPECT_EQ(decode_number("2.4703282292062327e-324", arena).f, 0.0);
}

TEST(DecodeNumber, Imaginary) {
  const std::pair<const char*, double> cases[] = {
      {"1j", 1.0}, {"0j", 0.0}, {"1.5e3J", 1500.0}, {"1_0j", 10.0}, {".5j", 0.5}, {"1e-5j", 1e-5},
  };
  Arena arena;
  for (auto [text, want] : cases) {
    ast::ConstValue v = decode_number(text, arena);
    EXPECT_EQ(v.kind, Kind::Complex) << text;
    EXPECT_EQ(v.f, want) << text;
  }
  EXPECT_TRUE(std::isinf(decode_number("1e400j", arena).f));
}

// -- Prefixes -------------------------------------------------------------------------------------

TEST(SplitStringToken, PrefixesAndQuotes) {
  StringPrefix p = split_string_token("'abc'");
  EXPECT_FALSE(p.raw || p.bytes || p.fstring || p.unicode);
  EXPECT_EQ(p.body, "abc");

  p = split_string_token("Rb\"x\\\"y\"");
  EXPECT_TRUE(p.raw && p.bytes);
  EXPECT_FALSE(p.fstring || p.unicode);
  EXPECT_EQ(p.body, "x\\\"y");

  p = split_string_token("bR'''a'b'''");
  EXPECT_TRUE(p.raw && p.bytes);
  EXPECT_EQ(p.body, "a'b");

  p = split_string_token("fR\"\"\"{x}\n\"\"\"");
  EXPECT_TRUE(p.fstring && p.raw);
  EXPECT_EQ(p.body, "{x}\n");

  p = split_string_token("U''");
  EXPECT_TRUE(p.unicode);
  EXPECT_EQ(p.body, "");

  EXPECT_EQ(split_string_token("''''''").body, "");
  EXPECT_EQ(split_string_token("\"\"").body, "");
  EXPECT_TRUE(split_string_token("F'x'").fstring);
}

// -- String bodies --------------------------------------------------------------------------------

// Decodes a whole token; returns the value, or "ERR <message> @<err_pos>".
std::string decode(std::string_view token) {
  StringPrefix p = split_string_token(token);
  std::string out, err;
  size_t pos = 999;
  if (decode_string_body(p.body, p.raw, p.bytes, out, err, pos)) return out;
  return "ERR " + err + " @" + std::to_string(pos);
}

TEST(DecodeStringBody, SimpleEscapes) {
  EXPECT_EQ(decode(R"('\\ \' \" \a \b \f \n \r \t \v')"), "\\ ' \" \a \b \f \n \r \t \v");
  EXPECT_EQ(decode("'a\\\nb'"), "ab");  // backslash-newline continues the line
  EXPECT_EQ(decode(R"('\q\8\9\ ')"), R"(\q\8\9\ )");
  EXPECT_EQ(decode("'plain é €'"), "plain é €");
}

TEST(DecodeStringBody, NumericEscapes) {
  EXPECT_EQ(decode(R"('\0\00\000\0000')"), std::string("\0\0\0\0" "0", 5));
  EXPECT_EQ(decode(R"('\101\7\18')"), "A\a\x01" "8");
  EXPECT_EQ(decode(R"('\777')"), "\u01ff");  // > 0o377: only a DeprecationWarning
  EXPECT_EQ(decode(R"('\x41\u0041\U00000041')"), "AAA");
  EXPECT_EQ(decode(R"('\xe9\u20ac\U0001F600\U0010FFFF')"), "é€😀\U0010FFFF");
  EXPECT_EQ(decode(R"('\xfF')"), "ÿ");
}

TEST(DecodeStringBody, SurrogatesAreWtf8) {
  EXPECT_EQ(decode(R"('\ud800')"), "\xED\xA0\x80");
  // A surrogate pair written as two escapes stays two code points, as in Python.
  EXPECT_EQ(decode(R"('\ud83d\ude00')"), "\xED\xA0\xBD\xED\xB8\x80");
}

TEST(DecodeStringBody, NamedEscapes) {
  EXPECT_EQ(decode(R"('\N{LATIN SMALL LETTER A}')"), "a");
  EXPECT_EQ(decode(R"('\N{latin small letter a}')"), "a");
  EXPECT_EQ(decode(R"('<\N{EM SPACE}>')"), "<\u2003>");
  EXPECT_EQ(decode(R"('\N{SNOWMAN}')"), "\u2603");
}

TEST(DecodeStringBody, StrErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {R"('\x')", "position 0-1: truncated \\xXX escape @0"},
      {R"('\x4g')", "position 0-2: truncated \\xXX escape @0"},
      {R"('abc\x4')", "position 3-5: truncated \\xXX escape @3"},
      {R"('\u12')", "position 0-3: truncated \\uXXXX escape @0"},
      {R"('\U1234567')", "position 0-8: truncated \\UXXXXXXXX escape @0"},
      {R"('\U00110000')", "position 0-9: illegal Unicode character @0"},
      {R"('\UFFFFFFFF')", "position 0-9: illegal Unicode character @0"},
      {R"('\N')", "position 0-1: malformed \\N character escape @0"},
      {R"('\Nx')", "position 0-1: malformed \\N character escape @0"},
      {R"('\N{}')", "position 0-2: malformed \\N character escape @0"},
      {R"('\N{abc')", "position 0-5: malformed \\N character escape @0"},
      {R"('\N{EM SPACE')", "position 0-10: malformed \\N character escape @0"},
      {R"('\N{xy}')", "position 0-5: unknown Unicode character name @0"},
      {R"('\N{ LATIN SMALL LETTER A}')", "position 0-24: unknown Unicode character name @0"},
      {R"('\N{x}\x')", "position 0-4: unknown Unicode character name @0"},
      // Positions count CPython's rewritten text: each non-ASCII character is 10 bytes there,
      // and a backslash in front of one becomes 6.
      {R"('é\x')", "position 10-11: truncated \\xXX escape @2"},
      {R"('\é\x')", "position 16-17: truncated \\xXX escape @3"},
      {R"('\xé')", "position 0-1: truncated \\xXX escape @0"},
      {R"('\N{é}')", "position 0-13: unknown Unicode character name @0"},
  };
  const std::string head = "ERR (unicode error) 'unicodeescape' codec can't decode bytes in ";
  for (auto [token, tail] : cases) EXPECT_EQ(decode(token), head + tail) << token;
}

TEST(DecodeStringBody, Bytes) {
  EXPECT_EQ(decode(R"(b'\x41\101\n\\\'')"), "AA\n\\'");
  EXPECT_EQ(decode(R"(b'\777')"), "\xff");
  EXPECT_EQ(decode(R"(b'\xfF\x00')"), std::string("\xff\0", 2));
  EXPECT_EQ(decode(R"(b'\u1234\U00000041\N{x}\q')"), R"(\u1234\U00000041\N{x}\q)");
  EXPECT_EQ(decode(R"(b'\x')"), "ERR (value error) invalid \\x escape at position 0 @0");
  EXPECT_EQ(decode(R"(b'ab\x4g')"), "ERR (value error) invalid \\x escape at position 2 @2");
  EXPECT_EQ(decode("b'a\xc3\xa9'"), "ERR bytes can only contain ASCII literal characters @1");
  EXPECT_EQ(decode("rb'\xc3\xa9'"), "ERR bytes can only contain ASCII literal characters @0");
}

TEST(DecodeStringBody, RawBodiesAreCopied) {
  EXPECT_EQ(decode(R"(r'\x\N{bogus}\u12\'')"), R"(\x\N{bogus}\u12\')");
  EXPECT_EQ(decode(R"(rb'\x')"), R"(\x)");
  EXPECT_EQ(decode("r'a\\\nb'"), "a\\\nb");
}

TEST(DecodeStringBody, AppendsToOutput) {
  std::string out = "keep:", err;
  size_t pos = 0;
  ASSERT_TRUE(decode_string_body("a\\tb", false, false, out, err, pos));
  EXPECT_EQ(out, "keep:a\tb");
}

TEST(DecodeStringBody, TrailingBackslashOfAnFStringPart) {
  std::string out, err;
  size_t pos = 0;
  ASSERT_TRUE(decode_string_body("ab\\", false, false, out, err, pos));
  EXPECT_EQ(out, "ab\\");
}

}  // namespace
}  // namespace tpy::parse
