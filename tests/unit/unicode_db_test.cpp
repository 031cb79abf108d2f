// tests/unit/unicode_db_test.cpp -- The unicodedata queries and normalization against python3.11.
//
// The oracle file is written at build time by /usr/bin/python3.11 running
// tests/unit/data/gen_unicode_db_cases.py (its header describes the format) into the build tree;
// the tests check every code point 0..0x10FFFF against it: category, bidirectional class, east
// Asian width, mirrored, combining class, decomposition, name (and that the name looks back up
// to the code point), and all four normal forms with is_normalized; then seeded random strings
// of combining marks, Hangul and friends through the four forms.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "interp/unicode/char_db.h"
#include "interp/unicode/normalize.h"
#include "interp/unicode/unicode.h"
#include "interp/unicode/utf8.h"

namespace tpy::unicode {
namespace {

using U32 = std::u32string;
constexpr NormalForm kForms[] = {NormalForm::kNFC, NormalForm::kNFD, NormalForm::kNFKC,
                                 NormalForm::kNFKD};

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

std::string utf8(const U32& s) {
  std::string out;
  for (char32_t c : s) encode_utf8(out, c);
  return out;
}

struct Cases {
  struct Run {
    char32_t first, last;
    std::string category, bidirectional, width;
    bool mirrored;
    int combining;
  };
  struct Normal {
    U32 text, forms[4];
    int bits;
  };
  std::vector<Run> runs;
  std::map<char32_t, std::string> decompositions, names;
  std::map<char32_t, Normal> singles;
  std::vector<std::pair<std::string, U32>> lookups;
  std::vector<Normal> strings;
};

Cases::Normal read_normal(std::stringstream& fields, const U32& text) {
  Cases::Normal n;
  n.text = text;
  std::string field;
  for (U32& form : n.forms) {
    fields >> field;
    form = parse_hexs(field);
  }
  fields >> n.bits;
  return n;
}

const Cases& cases() {
  static const Cases* loaded = [] {
    auto* c = new Cases;
    std::ifstream in(TPY_UNICODE_DB_CASES);
    std::string line;
    while (std::getline(in, line)) {
      std::stringstream fields(line);
      std::string kind, first;
      fields >> kind >> first;
      if (kind == "S") {
        c->strings.push_back(read_normal(fields, parse_hexs(first)));
        continue;
      }
      if (kind == "L") {
        std::string name;
        std::getline(fields, name);
        c->lookups.emplace_back(name.substr(1), parse_hexs(first));
        continue;
      }
      char32_t cp = char32_t(std::stoul(first, nullptr, 16));
      auto rest = [&] {
        std::string text;
        std::getline(fields, text);
        return text.substr(1);  // the separating space
      };
      if (kind == "R") {
        Cases::Run r;
        std::string last;
        r.first = cp;
        fields >> last >> r.category >> r.bidirectional >> r.width >> r.mirrored >> r.combining;
        r.last = char32_t(std::stoul(last, nullptr, 16));
        if (r.bidirectional == "-") r.bidirectional.clear();
        c->runs.push_back(r);
      } else if (kind == "D") {
        c->decompositions[cp] = rest();
      } else if (kind == "N") {
        c->names[cp] = rest();
      } else if (kind == "Q") {
        c->singles[cp] = read_normal(fields, U32(1, cp));
      }
    }
    return c;
  }();
  return *loaded;
}

TEST(UnicodeDbOracle, EveryCodePointHasCPythonsProperties) {
  const Cases& c = cases();
  ASSERT_FALSE(c.runs.empty()) << "missing " << TPY_UNICODE_DB_CASES;
  ASSERT_EQ(c.runs.back().last, 0x10FFFFu);
  int failures = 0;
  char32_t next = 0;
  for (const Cases::Run& r : c.runs) {
    ASSERT_EQ(r.first, next);
    next = r.last + 1;
    for (char32_t cp = r.first; cp <= r.last; cp++) {
      if (category(cp) == r.category && bidirectional(cp) == r.bidirectional &&
          east_asian_width(cp) == r.width && mirrored(cp) == r.mirrored &&
          combining(cp) == r.combining)
        continue;
      if (++failures <= 20)
        ADD_FAILURE() << std::hex << "U+" << uint32_t(cp) << ": " << category(cp) << " '"
                      << bidirectional(cp) << "' " << east_asian_width(cp) << " "
                      << mirrored(cp) << std::dec << " " << combining(cp) << "; CPython "
                      << r.category << " '" << r.bidirectional << "' " << r.width << " "
                      << r.mirrored << " " << r.combining;
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(UnicodeDbOracle, EveryCodePointHasCPythonsDecomposition) {
  const Cases& c = cases();
  ASSERT_EQ(c.decompositions.size(), 5795u);
  int failures = 0;
  for (char32_t cp = 0; cp < 0x110000; cp++) {
    auto it = c.decompositions.find(cp);
    std::string expected = it == c.decompositions.end() ? "" : it->second;
    if (decomposition(cp) != expected && ++failures <= 20)
      ADD_FAILURE() << std::hex << "U+" << uint32_t(cp) << ": '" << decomposition(cp)
                    << "', CPython '" << expected << "'";
  }
  EXPECT_EQ(failures, 0);
}

TEST(UnicodeDbOracle, EveryCodePointHasCPythonsName) {
  const Cases& c = cases();
  ASSERT_GT(c.names.size(), 138000u);
  int failures = 0;
  std::string name;
  for (char32_t cp = 0; cp < 0x110000; cp++) {
    auto it = c.names.find(cp);
    bool has = char_name(cp, name);
    char32_t back = 0;
    bool ok = it == c.names.end() ? !has
                                  : has && name == it->second && lookup_name(name, back) &&
                                        back == cp;
    if (!ok && ++failures <= 20)
      ADD_FAILURE() << std::hex << "U+" << uint32_t(cp) << ": " << (has ? name : "<none>")
                    << ", CPython " << (it == c.names.end() ? "<none>" : it->second);
  }
  EXPECT_EQ(failures, 0);
}

TEST(UnicodeDbOracle, AliasesAndNamedSequencesLookUpAsCPython) {
  const Cases& c = cases();
  ASSERT_GT(c.lookups.size(), 1800u);
  int failures = 0;
  for (const auto& [name, expected] : c.lookups) {
    U32 got;
    bool found = lookup_name_or_sequence(name, got);
    if ((!found || got != expected) && ++failures <= 20)
      ADD_FAILURE() << name << ": " << (found ? hexs(got) : "<none>") << ", CPython "
                    << hexs(expected);
  }
  EXPECT_EQ(failures, 0);
  U32 got;
  EXPECT_FALSE(lookup_name_or_sequence("KEYCAP NUMBER SIGN ", got));
  EXPECT_FALSE(lookup_name_or_sequence("NO SUCH NAME", got));
  ASSERT_TRUE(lookup_name_or_sequence("latin small letter a", got));
  EXPECT_EQ(got, U"a");
}

// Checks one row in both the UTF-8 and the code point forms; a description of what differs.
std::string check_normal(const Cases::Normal& n) {
  std::string diff;
  for (int f = 0; f < 4; f++) {
    U32 got = normalize(kForms[f], std::u32string_view(n.text));
    std::string got8 = normalize(kForms[f], std::string_view(utf8(n.text)));
    bool is = is_normalized(kForms[f], std::u32string_view(n.text));
    bool is8 = is_normalized(kForms[f], std::string_view(utf8(n.text)));
    bool want = (n.bits >> f & 1) != 0;
    if (got != n.forms[f] || got8 != utf8(n.forms[f]) || is != want || is8 != want)
      diff += " form " + std::to_string(f) + ": " + hexs(got) + (is ? " yes" : " no") +
              (got8 == utf8(got) && is8 == is ? "" : " (UTF-8 differs)") + ", CPython " +
              hexs(n.forms[f]) + (want ? " yes" : " no");
  }
  return diff;
}

TEST(UnicodeDbOracle, EveryCodePointNormalizesAsCPython) {
  const Cases& c = cases();
  ASSERT_GT(c.singles.size(), 16000u);
  int failures = 0;
  for (char32_t cp = 0; cp < 0x110000; cp++) {
    auto it = c.singles.find(cp);
    Cases::Normal n;
    if (it != c.singles.end()) {
      n = it->second;
    } else {
      n.text = U32(1, cp);
      for (U32& form : n.forms) form = n.text;
      n.bits = 15;
    }
    std::string diff = check_normal(n);
    if (!diff.empty() && ++failures <= 20)
      ADD_FAILURE() << std::hex << "U+" << uint32_t(cp) << diff;
  }
  EXPECT_EQ(failures, 0);
}

TEST(UnicodeDbOracle, RandomStringsNormalizeAsCPython) {
  const Cases& c = cases();
  ASSERT_EQ(c.strings.size(), 4000u);
  int failures = 0;
  for (const Cases::Normal& n : c.strings) {
    std::string diff = check_normal(n);
    if (!diff.empty() && ++failures <= 20) ADD_FAILURE() << hexs(n.text) << diff;
  }
  EXPECT_EQ(failures, 0);
}

TEST(UnicodeDb, ParseNormalForm) {
  NormalForm form;
  ASSERT_TRUE(parse_normal_form("NFKD", form));
  EXPECT_EQ(form, NormalForm::kNFKD);
  EXPECT_FALSE(parse_normal_form("nfc", form));  // ValueError: invalid normalization form
  EXPECT_FALSE(parse_normal_form("NFC ", form));
}

TEST(UnicodeDb, BeyondUnicode) {
  // tpy's raw-byte markers: unassigned starters with nothing to decompose or name.
  char32_t raw = kRawByteBase + 0xFF;
  EXPECT_EQ(category(raw), "Cn");
  EXPECT_EQ(combining(raw), 0);
  EXPECT_EQ(decomposition(raw), "");
  std::string name;
  EXPECT_FALSE(char_name(raw, name));
  EXPECT_EQ(normalize(NormalForm::kNFD, "\xff\xc3\xa9"), "\xff" "e\xcc\x81");
  EXPECT_EQ(normalize(NormalForm::kNFC, "e\xff\xcc\x81"), "e\xff\xcc\x81");
  EXPECT_TRUE(is_normalized(NormalForm::kNFC, "e\xff\xcc\x81"));
}

}  // namespace
}  // namespace tpy::unicode
