// tests/unit/repr_test.cpp -- repr() of float, complex, str and bytes against CPython 3.11's.
//
// Every expected string was printed by /usr/bin/python3.11 (repr of the same value).
#include "interp/text/repr.h"

#include <gtest/gtest.h>

#include <limits>

namespace tpy::text {
namespace {

using namespace std::literals;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

std::string float_str(double v) {
  std::string s;
  float_repr(s, v);
  return s;
}

TEST(FloatRepr, MatchesCPython) {
  const std::pair<double, const char*> cases[] = {
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {1.0, "1.0"},
      {-1.0, "-1.0"},
      {0.1, "0.1"},
      {0.3, "0.3"},
      {1.0 / 3, "0.3333333333333333"},
      {2.0 / 3, "0.6666666666666666"},
      {100.0, "100.0"},
      {123.456, "123.456"},
      {1e16, "1e+16"},
      {1e15, "1000000000000000.0"},
      {9999999999999998.0, "9999999999999998.0"},
      {1234567890123456.0, "1234567890123456.0"},
      {1e22, "1e+22"},
      {1e23, "1e+23"},
      {0.0001, "0.0001"},
      {0.00001, "1e-05"},
      {1.5e-05, "1.5e-05"},
      {0.00001234, "1.234e-05"},
      {123456789012345678.0, "1.2345678901234568e+17"},
      {12345678901234567.0, "1.2345678901234568e+16"},
      {9007199254740992.0, "9007199254740992.0"},
      {9007199254740994.0, "9007199254740994.0"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {1e300, "1e+300"},
      {-1e-300, "-1e-300"},
      {1e-7, "1e-07"},
      {123e-20, "1.23e-18"},
      {1e100, "1e+100"},
      {3.141592653589793, "3.141592653589793"},
      {2.718281828459045, "2.718281828459045"},
      {0.1 + 0.2, "0.30000000000000004"},
      {kInf, "inf"},
      {-kInf, "-inf"},
      {kNan, "nan"},
      {-kNan, "nan"},
  };
  for (auto [v, want] : cases) EXPECT_EQ(float_str(v), want) << want;
}

TEST(FloatRepr, Appends) {
  std::string s = "x=";
  float_repr(s, 2.5);
  EXPECT_EQ(s, "x=2.5");
}

TEST(ComplexRepr, MatchesCPython) {
  struct Case {
    double real, imag;
    const char* want;
  };
  const Case cases[] = {
      {0.0, 1.0, "1j"},
      {0.0, 0.0, "0j"},
      {-0.0, 0.0, "(-0+0j)"},
      {0.0, -0.0, "-0j"},
      {-0.0, -1.0, "(-0-1j)"},
      {1.0, 2.0, "(1+2j)"},
      {1.5, -2.5, "(1.5-2.5j)"},
      {2.0, 0.0, "(2+0j)"},
      {0.0, 0.1, "0.1j"},
      {0.0, kInf, "infj"},
      {0.0, kNan, "nanj"},
      {kNan, kNan, "(nan+nanj)"},
      {-1.0, -kNan, "(-1+nanj)"},
      {-kInf, kInf, "(-inf+infj)"},
      {1e16, 1e-5, "(1e+16+1e-05j)"},
      {0.0, 1e16, "1e+16j"},
  };
  for (const Case& c : cases) {
    std::string s;
    complex_repr(s, c.real, c.imag);
    EXPECT_EQ(s, c.want);
  }
}

TEST(StrRepr, MatchesCPython) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", "''"},
      {"abc", "'abc'"},
      {"'", R"("'")"},
      {"\"", R"('"')"},
      {"'\"", R"('\'"')"},
      {"it's", R"("it's")"},
      {"say \"hi\"", R"('say "hi"')"},
      {"\\", R"('\\')"},
      {"a\tb\nc\rd", R"('a\tb\nc\rd')"},
      {"\0\x01\x1f\x7f"sv, R"('\x00\x01\x1f\x7f')"},
      {"\u0080\u009f\u00a0\u00ad\u00ff", R"('\x80\x9f\xa0\xadÿ')"},
      {"é€😀", "'é€😀'"},
      {"\u2028\u2029\u200b\ufeff\u0378", R"('\u2028\u2029\u200b\ufeff\u0378')"},
      {"\U000e0001\U0010ffff\U0001f600", R"('\U000e0001\U0010ffff😀')"},
      {"\u3000 \u00a0", R"('\u3000 \xa0')"},
      {"\u0300a\u0300", "'\u0300a\u0300'"},
      {"Ω≈ç√", "'Ω≈ç√'"},
      {"\ue000", R"('\ue000')"},
      // Lone surrogates, stored WTF-8, are always escaped.
      {"\xed\xa0\x80", R"('\ud800')"},
      {"\xed\xbf\xbf\xed\xa0\x80x", R"('\udfff\ud800x')"},
  };
  for (auto [s, want] : cases) {
    std::string out;
    str_repr(out, s);
    EXPECT_EQ(out, want);
  }
}

TEST(BytesRepr, MatchesCPython) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", "b''"},
      {"abc", "b'abc'"},
      {"'", R"(b"'")"},
      {"\"", R"(b'"')"},
      {"'\"", R"(b'\'"')"},
      {"it's", R"(b"it's")"},
      {"\\", R"(b'\\')"},
      {"\t\n\r\0\x7f\x80\xff"sv, R"(b'\t\n\r\x00\x7f\x80\xff')"},
      {"\x0b\x0c", R"(b'\x0b\x0c')"},
  };
  for (auto [b, want] : cases) {
    std::string out;
    bytes_repr(out, b);
    EXPECT_EQ(out, want);
  }
}

}  // namespace
}  // namespace tpy::text
