// tests/unit/unicode_props_test.cpp -- str properties and case mapping against python3.11, exhaustively.
//
// tests/unit/data/unicode_props_cases.txt was written by /usr/bin/python3.11 running
// tests/unit/data/gen_unicode_props_cases.py (its header describes the format). The tests
// below read it and check every code point 0..0x10FFFF: the property bits (including the
// algorithms that read Cased and Case_Ignorable, on small strings around each character), the
// case mappings, and the numeric values; then seeded random strings through every conversion.
// The focused cases at the end were printed by python3.11 too.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "interp/unicode/case_mapping.h"
#include "interp/unicode/char_props.h"
#include "interp/unicode/utf8.h"

namespace tpy::unicode {
namespace {

using U32 = std::u32string;

std::string data_path(const char* name) { return std::string(TPY_UNIT_DATA_DIR "/") + name; }

// '.'-joined hex code points, '-' for the empty string (the generator's hexs()).
U32 parse_hexs(const std::string& field) {
  U32 out;
  if (field == "-") return out;
  std::stringstream in(field);
  std::string part;
  while (std::getline(in, part, '.')) out += char32_t(std::stoul(part, nullptr, 16));
  return out;
}

std::string hexs(const U32& s) {
  if (s.empty()) return "-";
  std::string out;
  char buf[16];
  for (char32_t c : s) {
    std::snprintf(buf, sizeof buf, "%s%X", out.empty() ? "" : ".", unsigned(c));
    out += buf;
  }
  return out;
}

struct Cases {
  struct Run {
    char32_t first, last;
    uint32_t bits;
  };
  struct Numeric {
    int decimal, digit;
    double numeric;
  };
  std::vector<Run> runs;
  std::map<char32_t, std::vector<U32>> mappings;  // lower upper title casefold swapcase
                                                  // capitalize simple_lower
  std::map<char32_t, Numeric> numerics;
  std::vector<std::vector<U32>> strings;  // text lower upper title capitalize swapcase casefold
  std::vector<uint32_t> string_bits;
};

const Cases& cases() {
  static const Cases* loaded = [] {
    auto* c = new Cases;
    std::ifstream in(data_path("unicode_props_cases.txt"));
    std::string line;
    while (std::getline(in, line)) {
      std::stringstream fields(line);
      std::string kind;
      fields >> kind;
      if (kind == "F") {
        std::string first, last, bits;
        fields >> first >> last >> bits;
        c->runs.push_back({char32_t(std::stoul(first, nullptr, 16)),
                           char32_t(std::stoul(last, nullptr, 16)),
                           uint32_t(std::stoul(bits, nullptr, 16))});
      } else if (kind == "M") {
        std::string cp, field;
        fields >> cp;
        std::vector<U32> row;
        while (fields >> field) row.push_back(parse_hexs(field));
        c->mappings[char32_t(std::stoul(cp, nullptr, 16))] = row;
      } else if (kind == "N") {
        std::string cp, numeric;
        Cases::Numeric n;
        fields >> cp >> n.decimal >> n.digit >> numeric;
        n.numeric = std::strtod(numeric.c_str(), nullptr);  // float.hex() is C99 hex
        c->numerics[char32_t(std::stoul(cp, nullptr, 16))] = n;
      } else if (kind == "S") {
        std::vector<U32> row;
        std::string field;
        for (int k = 0; k < 7 && fields >> field; k++) row.push_back(parse_hexs(field));
        fields >> field;
        c->strings.push_back(row);
        c->string_bits.push_back(uint32_t(std::stoul(field, nullptr, 16)));
      }
    }
    return c;
  }();
  return *loaded;
}

template <class F>
U32 collect(const U32& s, F convert) {
  U32 out;
  convert(std::span<const char32_t>(s), [&out](char32_t c) { out += c; });
  return out;
}

#define TPY_CONVERSION(name) \
  [](std::span<const char32_t> s, auto emit) { name(s, emit); }

U32 lower(const U32& s) { return collect(s, TPY_CONVERSION(str_lower)); }
U32 upper(const U32& s) { return collect(s, TPY_CONVERSION(str_upper)); }
U32 title(const U32& s) { return collect(s, TPY_CONVERSION(str_title)); }
U32 capitalize(const U32& s) { return collect(s, TPY_CONVERSION(str_capitalize)); }
U32 swapcase(const U32& s) { return collect(s, TPY_CONVERSION(str_swapcase)); }
U32 casefold(const U32& s) { return collect(s, TPY_CONVERSION(str_casefold)); }

std::span<const char32_t> span(const U32& s) { return std::span<const char32_t>(s); }

std::string utf8(const U32& s) {
  std::string out;
  for (char32_t c : s) encode_utf8(out, c);
  return out;
}

// -- Per code point -------------------------------------------------------------------------------

// ORDER: PROPERTY_BITS in gen_unicode_props_cases.py.
uint32_t property_bits(char32_t c) {
  constexpr char32_t kSigma = 0x3A3, kFinal = 0x3C2;
  U32 ch(1, c);
  bool bits[] = {
      str_isalpha(span(ch)),
      str_isdecimal(span(ch)),
      str_isdigit(span(ch)),
      str_isnumeric(span(ch)),
      str_isalnum(span(ch)),
      str_isspace(span(ch)),
      str_islower(span(ch)),
      str_isupper(span(ch)),
      str_istitle(span(ch)),
      str_isprintable(span(ch)),
      is_title(c),
      is_linebreak(c),
      title(ch + U"a").back() == U'a',
      lower(ch + kSigma).back() == kFinal,
      lower(U"A" + ch + kSigma).back() == kFinal,
      lower(U"A" + U32(1, kSigma) + ch)[1] == kFinal,
      str_islower(span(U"a" + ch)),
      str_isupper(span(U"A" + ch)),
      str_istitle(span(U"A" + ch)),
      str_istitle(span(U"Aa" + ch + U"b")),
      str_istitle(span(U"A " + ch + U"b")),
      str_isspace(span(U" " + ch + U" ")),
      str_isdecimal(span(U"1" + ch)),
      to_lower_simple(c) != c || to_upper_simple(c) != c,
  };
  uint32_t out = 0;
  for (size_t i = 0; i < std::size(bits); i++) out |= uint32_t(bits[i]) << i;
  return out;
}

constexpr int kBitAlpha = 0, kBitDecimal = 1, kBitDigit = 2, kBitNumeric = 3, kBitAlnum = 4;
constexpr int kBitSpace = 5, kBitLower = 6, kBitUpper = 7, kBitLinebreak = 11;
constexpr int kBitTitleLowersNext = 12, kBitSigmaAfter = 13, kBitSigmaBetween = 14;

TEST(UnicodePropsOracle, EveryCodePointHasCPythonsProperties) {
  const Cases& c = cases();
  ASSERT_FALSE(c.runs.empty()) << "missing " << data_path("unicode_props_cases.txt");
  ASSERT_EQ(c.runs.front().first, 0u);
  ASSERT_EQ(c.runs.back().last, 0x10FFFFu);
  int failures = 0;
  char32_t next = 0;
  for (const Cases::Run& run : c.runs) {
    ASSERT_EQ(run.first, next);
    next = run.last + 1;
    for (char32_t cp = run.first; cp <= run.last; cp++) {
      uint32_t bits = property_bits(cp);
      // The per-code-point accessors against the same answers, and Cased / Case_Ignorable
      // against what the algorithms showed (see the generator's derivations).
      auto bit = [&](int k) { return (run.bits >> k & 1) != 0; };
      bool cased = bit(kBitTitleLowersNext);
      bool ignorable = cased ? !bit(kBitSigmaAfter) : bit(kBitSigmaBetween);
      bool accessors_agree =
          is_alpha(cp) == bit(kBitAlpha) && is_decimal(cp) == bit(kBitDecimal) &&
          is_digit(cp) == bit(kBitDigit) && is_numeric(cp) == bit(kBitNumeric) &&
          is_alnum(cp) == bit(kBitAlnum) && is_space(cp) == bit(kBitSpace) &&
          is_lower(cp) == bit(kBitLower) && is_upper(cp) == bit(kBitUpper) &&
          is_linebreak(cp) == bit(kBitLinebreak) && is_cased(cp) == cased &&
          is_case_ignorable(cp) == ignorable;
      if (bits != run.bits || !accessors_agree) {
        if (++failures <= 20)
          ADD_FAILURE() << std::hex << "U+" << uint32_t(cp) << ": bits " << bits << ", CPython "
                        << run.bits << (accessors_agree ? "" : " (accessors disagree)");
      }
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(UnicodePropsOracle, EveryCodePointHasCPythonsCaseMappings) {
  const Cases& c = cases();
  ASSERT_GT(c.mappings.size(), 2800u);
  int failures = 0;
  for (char32_t cp = 0; cp < 0x110000; cp++) {
    U32 ch(1, cp);
    auto it = c.mappings.find(cp);
    std::vector<U32> expected = it != c.mappings.end() ? it->second : std::vector<U32>(7, ch);
    char32_t buf[kMaxCaseMapping];
    auto full = [&](int (*map)(char32_t, char32_t*)) { return U32(buf, map(cp, buf)); };
    std::vector<U32> got = {lower(ch), upper(ch), title(ch), casefold(ch), swapcase(ch),
                            capitalize(ch), U32(1, to_lower_simple(cp))};
    bool per_code_point = full(to_lower_full) == expected[0] &&
                          full(to_upper_full) == expected[1] &&
                          full(to_title_full) == expected[2] &&
                          full(to_casefold_full) == expected[3];
    if (got != expected || !per_code_point) {
      if (++failures <= 20) {
        std::string row;
        for (size_t k = 0; k < got.size(); k++) row += " " + hexs(got[k]) + "/" + hexs(expected[k]);
        ADD_FAILURE() << std::hex << "U+" << uint32_t(cp) << " got/CPython:" << row
                      << (per_code_point ? "" : " (per-code-point functions disagree)");
      }
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(UnicodePropsOracle, EveryCodePointHasCPythonsNumericValues) {
  const Cases& c = cases();
  ASSERT_EQ(c.numerics.size(), 1872u);
  int failures = 0;
  for (char32_t cp = 0; cp < 0x110000; cp++) {
    auto it = c.numerics.find(cp);
    double value = 0;
    bool has = numeric_value(cp, value);
    bool ok = it == c.numerics.end()
                  ? !has && decimal_value(cp) == -1 && digit_value(cp) == -1
                  : has && value == it->second.numeric && decimal_value(cp) == it->second.decimal &&
                        digit_value(cp) == it->second.digit;
    if (!ok && ++failures <= 20)
      ADD_FAILURE() << std::hex << "U+" << uint32_t(cp) << std::dec << ": " << decimal_value(cp)
                    << " " << digit_value(cp) << " " << (has ? value : -999.0);
  }
  EXPECT_EQ(failures, 0);
}

TEST(UnicodePropsOracle, BeyondUnicodeNothingApplies) {
  for (char32_t cp : {char32_t(0x110000), char32_t(kRawByteBase + 0xFF), char32_t(0x7FFFFFFF)}) {
    EXPECT_EQ(char_flags(cp), 0) << std::hex << uint32_t(cp);
    char32_t buf[kMaxCaseMapping];
    for (auto map : {to_lower_full, to_upper_full, to_title_full, to_casefold_full}) {
      ASSERT_EQ(map(cp, buf), 1);
      EXPECT_EQ(buf[0], cp);
    }
    EXPECT_EQ(to_lower_simple(cp), cp);
    EXPECT_EQ(to_upper_simple(cp), cp);
    EXPECT_EQ(decimal_value(cp), -1);
    EXPECT_EQ(digit_value(cp), -1);
    double value;
    EXPECT_FALSE(numeric_value(cp, value));
  }
}

// -- Whole strings --------------------------------------------------------------------------------

// ORDER: STRING_BITS in gen_unicode_props_cases.py.
template <class CharT>
uint32_t string_bits(std::span<const CharT> s) {
  bool bits[] = {str_islower(s),   str_isupper(s),   str_istitle(s), str_isalpha(s),
                 str_isdecimal(s), str_isdigit(s),   str_isnumeric(s), str_isalnum(s),
                 str_isspace(s),   str_isprintable(s)};
  uint32_t out = 0;
  for (size_t i = 0; i < std::size(bits); i++) out |= uint32_t(bits[i]) << i;
  return out;
}

uint32_t string_bits_utf8(const std::string& s) {
  bool bits[] = {str_islower(s),   str_isupper(s),   str_istitle(s), str_isalpha(s),
                 str_isdecimal(s), str_isdigit(s),   str_isnumeric(s), str_isalnum(s),
                 str_isspace(s),   str_isprintable(s)};
  uint32_t out = 0;
  for (size_t i = 0; i < std::size(bits); i++) out |= uint32_t(bits[i]) << i;
  return out;
}

// The same text in the narrowest PEP 393 width that holds it, to run the templates at that width.
template <class CharT>
uint32_t narrow_string_bits(const U32& s) {
  std::vector<CharT> narrow(s.begin(), s.end());
  return string_bits(std::span<const CharT>(narrow));
}

TEST(UnicodePropsOracle, RandomStringsConvertAsCPython) {
  const Cases& c = cases();
  ASSERT_EQ(c.strings.size(), 1500u);
  int failures = 0;
  for (size_t i = 0; i < c.strings.size(); i++) {
    const std::vector<U32>& row = c.strings[i];
    const U32& s = row[0];
    std::vector<U32> got = {s, lower(s), upper(s), title(s), capitalize(s), swapcase(s),
                            casefold(s)};
    std::string text = utf8(s);
    std::vector<std::string> got8 = {text,           str_lower(text),      str_upper(text),
                                     str_title(text), str_capitalize(text), str_swapcase(text),
                                     str_casefold(text)};
    bool utf8_agrees = true;
    for (size_t k = 0; k < row.size(); k++) utf8_agrees &= got8[k] == utf8(row[k]);
    uint32_t bits = string_bits(span(s));
    bool widths_agree = string_bits_utf8(text) == bits;
    char32_t widest = 0;
    for (char32_t ch : s) widest = std::max(widest, ch);
    if (widest < 0x100) widths_agree &= narrow_string_bits<uint8_t>(s) == bits;
    if (widest < 0x10000) widths_agree &= narrow_string_bits<uint16_t>(s) == bits;
    if (got != row || bits != c.string_bits[i] || !utf8_agrees || !widths_agree) {
      if (++failures <= 20) {
        std::string diff;
        for (size_t k = 1; k < row.size(); k++) diff += " " + hexs(got[k]) + "/" + hexs(row[k]);
        ADD_FAILURE() << hexs(s) << " got/CPython:" << diff << std::hex << " bits " << bits << "/"
                      << c.string_bits[i] << (utf8_agrees ? "" : " (UTF-8 form disagrees)")
                      << (widths_agree ? "" : " (other widths disagree)");
      }
    }
  }
  EXPECT_EQ(failures, 0);
}

struct Conversion {
  std::string (*convert)(std::string_view);
  const char* input;
  const char* expected;
};

// getattr(input, method)() in python3.11.
const Conversion kConversions[] = {
    {str_upper, "\u00df", "SS"},
    {str_upper, "\ufb01", "FI"},
    {str_lower, "\u0130", "i\u0307"},
    {str_title, "\u01c6", "\u01c5"},
    {str_lower, "\u0391\u03a3", "\u03b1\u03c2"},
    {str_capitalize, "\u0149", "\u02bcN"},
    {str_title, "they're bill's friends", "They'Re Bill'S Friends"},
    {str_lower, "\u03a3\u0391\u03a3 \u0391\u03a3. \u0391\u03a3'\u03a3",
     "\u03c3\u03b1\u03c2 \u03b1\u03c2. \u03b1\u03c3'\u03c2"},
    {str_lower, "\u03a3", "\u03c3"},
    {str_lower, "A\u03a3b", "a\u03c3b"},
    {str_lower, "A\u0345\u03a3", "a\u0345\u03c2"},
    {str_lower, "A\u02b0 \u03a3", "a\u02b0 \u03c3"},
    {str_title, "\u01c5emal \u01c8j", "\u01c5emal \u01c8j"},
    {str_swapcase, "\u01c5\u0391\u03a3 \u00df", "\u01c5\u03b1\u03c2 SS"},
    {str_casefold, "\u00df\u1e9e\ufb01\u03a3\u03c2", "ssssfi\u03c3\u03c3"},
    {str_upper, "\u0149\u01f0\u0390", "\u02bcNJ\u030c\u0399\u0308\u0301"},
    {str_title, "\ufb03 \u0149a", "Ffi \u02bcNa"},
    {str_capitalize, "\u01c6A \u0391\u03a3", "\u01c5a \u03b1\u03c2"},
    {str_title, "a\u0345b", "A\u0345b"},
    {str_title, "\u0345b", "\u0399b"},
    {str_upper, "\u1fb3 \u1fbc", "\u0391\u0399 \u0391\u0399"},
    {str_title, "\u1fb3a", "\u1fbca"},
    {str_capitalize, "", ""},
    {str_title, "hello WORLD 2nd", "Hello World 2Nd"},
    {str_swapcase, "Hello World", "hELLO wORLD"},
};

TEST(UnicodeCaseMapping, FocusedConversions) {
  for (const Conversion& c : kConversions) EXPECT_EQ(c.convert(c.input), c.expected) << c.input;
}

TEST(UnicodeCaseMapping, MalformedBytesAndSurrogatesPassThrough) {
  EXPECT_EQ(str_lower("\xff" "AB\xc3"), "\xff" "ab\xc3");
  EXPECT_EQ(str_upper("\xed\xa0\x80x\xce\xa3\x80"), "\xed\xa0\x80X\xce\xa3\x80");
  EXPECT_EQ(str_title("\xffxy"), "\xffXy");  // a raw byte is not cased: the word starts after it
  EXPECT_EQ(str_lower("A\xce\xa3\xff"), "a\xcf\x82\xff");  // nor cased after a sigma
  EXPECT_FALSE(str_isalpha("a\xff"));
  EXPECT_FALSE(str_isprintable("\xff"));
}

TEST(UnicodeCaseMapping, PredicatesOfEmptyStrings) {
  // ''.isX() is False for every X except isprintable.
  EXPECT_EQ(string_bits_utf8(""), 1u << 9);
}

TEST(UnicodeNumberText, DigitsAndSpacesBecomeAscii) {
  // What CPython's int() and float() parse: int('\u0661\u0662\u0663') == 123,
  // float('\xa0 12 \u2003') == 12.0, and int('12\xbd') fails.
  EXPECT_EQ(to_ascii_number("\u0661\u0662\u0663"), "123");
  EXPECT_EQ(to_ascii_number("\u00a0 12 \u2003"), "  12  ");
  EXPECT_EQ(to_ascii_number("12\u00bd9"), "12?");
  EXPECT_EQ(to_ascii_number("\u0661.\u0662e\u0663"), "1.2e3");
  EXPECT_EQ(to_ascii_number("  -7_0 "), "  -7_0 ");
  const uint16_t wide[] = {0x0966, 0x2007, 0x0967};
  EXPECT_EQ(to_ascii_number(std::span<const uint16_t>(wide)), "0 1");
}

}  // namespace
}  // namespace tpy::unicode
