// tests/unit/float_format_test.cpp -- The number text library against CPython 3.11: oracle table + focused cases.
//
// tests/unit/data/float_cases.txt was computed by /usr/bin/python3.11 running
// tests/unit/data/gen_float_cases.py (see its header for the format); every expected string in
// the focused tests below was also printed by python3.11.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "interp/objects/float_math.h"
#include "interp/text/float_parse.h"
#include "interp/text/float_repr.h"
#include "interp/text/format_spec.h"
#include "interp/text/number_hash.h"
#include "interp/text/percent_format.h"
#include "interp/text/repr.h"

namespace tpy::text {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

// __FILE__ is relative to the build directory when ccache's base_dir rewrote it; the test
// binary lives in <build>/tests, so resolve it from there whatever the working directory.
std::string data_path(const char* name) {
  std::string here = __FILE__;
  std::string dir = here.substr(0, here.rfind('/'));
  if (!dir.empty() && dir[0] != '/') {
    std::string exe = std::filesystem::read_symlink("/proc/self/exe").string();
    std::string build = exe.substr(0, exe.rfind('/'));
    dir = build.substr(0, build.rfind('/')) + "/" + dir;
  }
  return dir + "/data/" + name;
}

// The table's string escape: \xHH for bytes outside printable ASCII and for '\'.
std::string unesc(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
      out += char(std::stoi(std::string(s.substr(i + 2, 2)), nullptr, 16));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string esc(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += char(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

double from_bits(const std::string& hex) {
  return std::bit_cast<double>(uint64_t(std::stoull(hex, nullptr, 16)));
}

std::string to_bits(double d) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", (unsigned long long)std::bit_cast<uint64_t>(d));
  return buf;
}

std::string error_text(const NumError& e) { return std::string("!") + e.type + ": " + esc(e.message); }

std::string status_text(FloatStatus s) {
  return std::string("!") + float_status_type(s) + ": " + esc(float_status_message(s));
}

// "%[flags][width][.precision]conv" as the table writes printf-style formats.
PercentSpec parse_percent(std::string_view f) {
  PercentSpec p;
  size_t i = 1;
  for (; i < f.size() && std::strchr("-+ #0", f[i]); i++) {
    switch (f[i]) {
      case '-': p.left = true; break;
      case '+': p.plus = true; break;
      case ' ': p.blank = true; break;
      case '#': p.alt = true; break;
      default: p.zero = true; break;
    }
  }
  auto number = [&] {
    int64_t v = 0;
    for (; i < f.size() && f[i] >= '0' && f[i] <= '9'; i++) v = v * 10 + (f[i] - '0');
    return v;
  };
  if (i < f.size() && f[i] >= '0' && f[i] <= '9') p.width = number();
  if (i < f.size() && f[i] == '.') {
    i++;
    p.precision = number();
  }
  p.conv = f[i];
  return p;
}

template <typename F>
std::string formatted(F f) {
  std::string out;
  NumError err;
  if (!f(out, err)) return err.failed() ? error_text(err) : "!<false without error>";
  if (err.failed()) return "!<error set on success>";
  return esc(out);
}

std::string run_line(const std::vector<std::string>& f) {
  const std::string& op = f[0];
  if (op == "repr") return esc(float_repr(from_bits(f[1])));
  if (op == "hex") {
    std::string s;
    float_hex(s, from_bits(f[1]));
    return esc(s);
  }
  if (op == "decimal") {
    return std::to_string(unicode_decimal_value(char32_t(std::stoul(f[1], nullptr, 16))));
  }
  if (op == "format") {
    double v = from_bits(f[1]);
    return formatted([&](std::string& o, NumError& e) { return format_float(o, unesc(f[2]), v, e); });
  }
  if (op == "cformat") {
    double re = from_bits(f[1]), im = from_bits(f[2]);
    return formatted(
        [&](std::string& o, NumError& e) { return format_complex(o, unesc(f[3]), re, im, e); });
  }
  if (op == "iformat") {
    std::string spec = unesc(f[2]);
    std::string big = formatted(
        [&](std::string& o, NumError& e) { return format_int_decimal(o, spec, f[1], e); });
    char* end;
    errno = 0;
    long long small = std::strtoll(f[1].c_str(), &end, 10);
    if (errno == 0) {  // the int64 entry point must agree with the limb one
      std::string s = formatted(
          [&](std::string& o, NumError& e) { return format_int(o, spec, int64_t(small), e); });
      if (s != big) return "int64 path " + s + " vs limbs path " + big;
    }
    return big;
  }
  if (op == "sformat") {
    std::string s = unesc(f[1]);
    return formatted([&](std::string& o, NumError& e) { return format_str(o, unesc(f[2]), s, e); });
  }
  if (op == "pformat") {
    std::string out;
    percent_format_float(out, parse_percent(unesc(f[2])), from_bits(f[1]));
    return esc(out);
  }
  if (op == "ipformat") {
    PercentSpec spec = parse_percent(unesc(f[2]));
    OwnedInt v;
    if (!parse_decimal_int(f[1], &v)) return "!<bad int>";
    std::string out;
    if (spec.conv == 'c') {
      char32_t c;
      NumError err;
      if (!percent_char_from_int(v.view(), &c, err)) return error_text(err);
      percent_format_char(out, spec, c);
    } else {
      percent_format_int(out, spec, v.view());
    }
    return esc(out);
  }
  if (op == "ptext") {
    std::string out;
    percent_format_text(out, parse_percent(unesc(f[2])), unesc(f[1]));
    return esc(out);
  }
  if (op == "parse") {
    std::string text = unesc(f[1]);
    double d;
    if (parse_float(text, &d)) return to_bits(d);
    std::string r;
    str_repr(r, text);
    return "!ValueError: " + esc("could not convert string to float: " + r);
  }
  if (op == "cparse") {
    std::string text = unesc(f[1]);
    double re, im;
    std::string r;
    str_repr(r, text);
    switch (parse_complex(text, &re, &im)) {
      case ComplexParse::kOk: return to_bits(re) + " " + to_bits(im);
      case ComplexParse::kMalformed: return "!ValueError: complex() arg is a malformed string";
      case ComplexParse::kBadUnderscore:
        return "!ValueError: " + esc("could not convert string to complex: " + r);
    }
  }
  if (op == "fromhex") {
    double d;
    NumError err;
    if (!float_fromhex(unesc(f[1]), &d, err)) return error_text(err);
    return to_bits(d);
  }
  if (op == "floordiv" || op == "mod" || op == "divmod" || op == "pow") {
    double a = from_bits(f[1]), b = from_bits(f[2]), r = 0, r2 = 0;
    FloatStatus s = op == "floordiv" ? float_floordiv(a, b, &r)
                    : op == "mod"    ? float_mod(a, b, &r)
                    : op == "divmod" ? float_divmod(a, b, &r, &r2)
                                     : float_pow(a, b, &r);
    if (s == FloatStatus::kComplexPower) return "complex";
    if (s != FloatStatus::kOk) return status_text(s);
    return op == "divmod" ? to_bits(r) + " " + to_bits(r2) : to_bits(r);
  }
  if (op == "round" || op == "trunc" || op == "floor" || op == "ceil") {
    double x = from_bits(f[1]);
    FloatInt i;
    FloatStatus s = op == "round"   ? float_round_int(x, &i)
                    : op == "trunc" ? float_trunc(x, &i)
                    : op == "floor" ? float_floor(x, &i)
                                    : float_ceil(x, &i);
    if (s != FloatStatus::kOk) return status_text(s);
    std::string dec = i.decimal();
    int64_t small;
    if (i.to_i64(&small) && std::to_string(small) != dec) return "to_i64 disagrees: " + dec;
    return dec;
  }
  if (op == "roundn") {
    double r;
    FloatStatus s = float_round_digits(from_bits(f[1]), std::stoll(f[2]), &r);
    if (s != FloatStatus::kOk) return status_text(s);
    return to_bits(r);
  }
  if (op == "ratio") {
    FloatRatio r;
    FloatStatus s = float_as_integer_ratio(from_bits(f[1]), &r);
    if (s != FloatStatus::kOk) return status_text(s);
    return r.numerator() + " " + r.denominator();
  }
  if (op == "isint") return float_is_integer(from_bits(f[1])) ? "1" : "0";
  if (op == "hash") return std::to_string(hash_double(from_bits(f[1]), 0));
  if (op == "ihash") {
    OwnedInt v;
    if (!parse_decimal_int(f[1], &v)) return "!<bad int>";
    int64_t h = hash_int(v.view());
    int64_t small;
    if (int_view_to_i64(v.view(), &small) && hash_int64(small) != h) return "hash_int64 differs";
    return std::to_string(h);
  }
  if (op == "chash") {
    return std::to_string(hash_complex(hash_double(from_bits(f[1]), 0), hash_double(from_bits(f[2]), 0)));
  }
  if (op == "shash" || op == "bhash") {
    HashKey key = hash_key_from_seed(uint32_t(std::stoul(f[1])));
    std::string s = unesc(f[2]);
    return std::to_string(op == "shash" ? hash_str_utf8(key, s) : hash_bytes(key, s.data(), s.size()));
  }
  return "!<unknown op " + op + ">";
}

// -- The oracle table -----------------------------------------------------------------------------

TEST(FloatOracle, EveryCaseMatchesCPython) {
  const char* override_path = std::getenv("TPY_FLOAT_CASES");
  std::string path = override_path ? override_path : data_path("float_cases.txt");
  std::ifstream in(path);
  ASSERT_TRUE(in) << "missing " << path;
  std::string line;
  std::map<std::string, int> cases, failures;
  int shown = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));
    if (fields.size() < 3) continue;
    cases[fields[0]]++;
    std::string expected = fields.back();
    std::string actual = run_line(fields);
    if (actual != expected) {
      failures[fields[0]]++;
      if (shown++ < 40) ADD_FAILURE() << line.substr(0, 500) << "\n  got: " << actual.substr(0, 500);
    }
  }
  int total = 0;
  for (auto& [op, n] : cases) total += n;
  EXPECT_GT(total, 10000);
  for (auto& [op, n] : failures) ADD_FAILURE() << op << ": " << n << " of " << cases[op] << " differ";
}

TEST(FloatOracle, DecimalDigitsAreExactlyTheTable) {
  int count = 0;
  for (char32_t cp = 0; cp < 0x110000; cp++) count += unicode_decimal_value(cp) >= 0;
  EXPECT_EQ(count, 660);  // float_cases.txt lists each of them with its value
}

// -- Focused cases --------------------------------------------------------------------------------

std::string fmt(double v, std::string_view spec) {
  return formatted([&](std::string& o, NumError& e) { return format_float(o, spec, v, e); });
}
std::string ifmt(int64_t v, std::string_view spec) {
  return formatted([&](std::string& o, NumError& e) { return format_int(o, spec, v, e); });
}

TEST(FloatRepr, ShortestDigitsInCPythonsLayout) {
  EXPECT_EQ(float_repr(0.1), "0.1");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(1e15), "1000000000000000.0");
  EXPECT_EQ(float_repr(1e-5), "1e-05");
  EXPECT_EQ(float_repr(0.0001), "0.0001");
  EXPECT_EQ(float_repr(1.5e300), "1.5e+300");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(kInf), "inf");
  EXPECT_EQ(float_repr(-kInf), "-inf");
  EXPECT_EQ(float_repr(-kNan), "nan");
  EXPECT_EQ(float_repr(5e-324), "5e-324");
  EXPECT_EQ(float_repr(2e16 + 8), "2.000000000000001e+16");
}

TEST(FloatFormat, DefaultsAndPrecision) {
  EXPECT_EQ(fmt(1e16, ""), "1e+16");
  EXPECT_EQ(fmt(1e16, ">6"), " 1e+16");
  EXPECT_EQ(fmt(1e16, ".17"), "1e+16");
  EXPECT_EQ(fmt(123.0, ".3"), "1.23e+02");
  EXPECT_EQ(fmt(123.0, ".4"), "123.0");
  EXPECT_EQ(fmt(5.0, ".0"), "5e+00");
  EXPECT_EQ(fmt(0.1, "g"), "0.1");
  EXPECT_EQ(fmt(0.1, "f"), "0.100000");
  EXPECT_EQ(fmt(1e16, "g"), "1e+16");
  EXPECT_EQ(fmt(100.0, "#.3g"), "100.");
  EXPECT_EQ(fmt(2.0, "#.0"), "2.e+00");
  EXPECT_EQ(fmt(2.5, ".0f"), "2");
  EXPECT_EQ(fmt(2.5, "#.0f"), "2.");
  EXPECT_EQ(fmt(0.125, ".2f"), "0.12");
  EXPECT_EQ(fmt(0.375, ".2f"), "0.38");
  EXPECT_EQ(fmt(3.0, ".2%"), "300.00%");
  EXPECT_EQ(fmt(kInf, "%"), "inf%");
  EXPECT_EQ(fmt(kInf, "F"), "INF");
  EXPECT_EQ(fmt(-kNan, "E"), "NAN");
  EXPECT_EQ(fmt(1e300, "E"), "1.000000E+300");
}

TEST(FloatFormat, SignsZerosAndGrouping) {
  EXPECT_EQ(fmt(-0.0, "z"), "0.0");
  EXPECT_EQ(fmt(-0.0001, "z.2f"), "0.00");
  EXPECT_EQ(fmt(-0.0001, "+z.2f"), "+0.00");
  EXPECT_EQ(fmt(-0.0001, "z.2e"), "-1.00e-04");
  EXPECT_EQ(fmt(kInf, "010"), "0000000inf");
  EXPECT_EQ(fmt(1.0, "=^10"), "===1.0====");
  EXPECT_EQ(fmt(-1234.5, "012,.1f"), "-0,001,234.5");
  EXPECT_EQ(fmt(1234567.0, "_"), "1_234_567.0");
  EXPECT_EQ(fmt(1234.5, "+15,.2f"), "      +1,234.50");
  EXPECT_EQ(fmt(1.5, "\xf0\x9f\x98\x80^7"), "\\xf0\\x9f\\x98\\x80\\xf0\\x9f\\x98\\x801.5"
                                              "\\xf0\\x9f\\x98\\x80\\xf0\\x9f\\x98\\x80");
}

TEST(FloatFormat, Errors) {
  EXPECT_EQ(fmt(1.0, "xx"), "!ValueError: Invalid format specifier 'xx' for object of type 'float'");
  EXPECT_EQ(fmt(1.0, "x"), "!ValueError: Unknown format code 'x' for object of type 'float'");
  EXPECT_EQ(fmt(1.0, ".2147483648f"), "!ValueError: precision too big");
  EXPECT_EQ(fmt(1.0, ".99999999999999999999"), "!ValueError: Too many decimal digits in format string");
  EXPECT_EQ(fmt(1.0, ",n"), "!ValueError: Cannot specify ',' with 'n'.");
  EXPECT_EQ(fmt(1.0, "\xc3\xa9"),
            "!ValueError: Unknown format code '\\x5cxe9' for object of type 'float'");
  EXPECT_EQ(fmt(1.0, "99999999999999"), "!MemoryError: ");
}

TEST(IntFormat, TypesPrefixesAndGrouping) {
  EXPECT_EQ(ifmt(255, "#X"), "0XFF");
  EXPECT_EQ(ifmt(255, "#010_x"), "0x000_00ff");
  EXPECT_EQ(ifmt(1234, "08,"), "0,001,234");
  EXPECT_EQ(ifmt(-1234, "08,"), "-001,234");
  EXPECT_EQ(ifmt(-5, "#b"), "-0b101");
  EXPECT_EQ(ifmt(12, "=+10,"), "+       12");
  EXPECT_EQ(ifmt(65, "05c"), "0000A");
  EXPECT_EQ(ifmt(0x1F600, "^3c"), " \\xf0\\x9f\\x98\\x80 ");
  EXPECT_EQ(ifmt(3, "5.2%"), "300.00%");
  EXPECT_EQ(ifmt(INT64_MIN, "_x"), "-8000_0000_0000_0000");
  EXPECT_EQ(ifmt(5, "\xd9\xa3"), "  5");  // ARABIC-INDIC DIGIT THREE as the width
  std::string out;
  NumError err;
  ASSERT_TRUE(format_int_decimal(out, "_x", "1000000000000000000000000000000", err));
  EXPECT_EQ(out, "c_9f2c_9cd0_4674_edea_4000_0000");
}

TEST(IntFormat, Errors) {
  EXPECT_EQ(ifmt(1, ".2"), "!ValueError: Precision not allowed in integer format specifier");
  EXPECT_EQ(ifmt(1, "z"), "!ValueError: Negative zero coercion (z) not allowed in integer format specifier");
  EXPECT_EQ(ifmt(65, "+c"), "!ValueError: Sign not allowed with integer format specifier 'c'");
  EXPECT_EQ(ifmt(-1, "c"), "!OverflowError: %c arg not in range(0x110000)");
  EXPECT_EQ(ifmt(1, ",_"), "!ValueError: Cannot specify both ',' and '_'.");
  EXPECT_EQ(ifmt(1, ",b"), "!ValueError: Cannot specify ',' with 'b'.");
  EXPECT_EQ(ifmt(1, "\x01"), "!ValueError: Unknown format code '\\x5cx1' for object of type 'int'");
  std::string out;
  NumError err;
  EXPECT_FALSE(format_int_decimal(out, "c", "9223372036854775808", err));
  EXPECT_EQ(err.message, "Python int too large to convert to C long");
  err = {};
  EXPECT_FALSE(format_int(out, "s", 5, err, "bool"));
  EXPECT_EQ(err.message, "Unknown format code 's' for object of type 'bool'");
}

TEST(ComplexFormat, ReprLayoutAndErrors) {
  auto cfmt = [](double re, double im, std::string_view spec) {
    return formatted([&](std::string& o, NumError& e) { return format_complex(o, spec, re, im, e); });
  };
  EXPECT_EQ(cfmt(1, 2, ""), "(1+2j)");
  EXPECT_EQ(cfmt(0, -1, ""), "-1j");
  EXPECT_EQ(cfmt(-0.0, 0, ""), "(-0+0j)");
  EXPECT_EQ(cfmt(1, 2, ">10"), "    (1+2j)");
  EXPECT_EQ(cfmt(1, 2, "*^12"), "***(1+2j)***");
  EXPECT_EQ(cfmt(-0.0, -0.0, "z"), "(0+0j)");
  EXPECT_EQ(cfmt(1e10, 2e10, ","), "(10,000,000,000+20,000,000,000j)");
  EXPECT_EQ(cfmt(1.5, 2, ".3"), "(1.5+2j)");
  EXPECT_EQ(cfmt(0, 1, "f"), "0.000000+1.000000j");
  EXPECT_EQ(cfmt(kNan, kInf, "F"), "NAN+INFj");
  EXPECT_EQ(cfmt(0, 1, "0"), "!ValueError: Zero padding is not allowed in complex format specifier");
  EXPECT_EQ(cfmt(0, 1, "=5"), "!ValueError: '=' alignment flag is not allowed in complex format specifier");
  EXPECT_EQ(cfmt(0, 1, "%"), "!ValueError: Unknown format code '%' for object of type 'complex'");
}

TEST(StrFormat, CodePointsAndErrors) {
  auto sfmt = [](std::string_view s, std::string_view spec) {
    return formatted([&](std::string& o, NumError& e) { return format_str(o, spec, s, e); });
  };
  EXPECT_EQ(sfmt("h\xc3\xa9llo", ".2"), "h\\xc3\\xa9");
  EXPECT_EQ(sfmt("\xc3\xa9", "*^5"), "**\\xc3\\xa9**");
  EXPECT_EQ(sfmt("ab", "05"), "ab000");
  EXPECT_EQ(sfmt("abc", ".\xd9\xa2"), "ab");  // ARABIC-INDIC DIGIT TWO as the precision
  EXPECT_EQ(sfmt("a", "+"), "!ValueError: Sign not allowed in string format specifier");
  EXPECT_EQ(sfmt("a", " "), "!ValueError: Space not allowed in string format specifier");
  EXPECT_EQ(sfmt("a", "z"), "!ValueError: Negative zero coercion (z) not allowed in string format specifier");
  EXPECT_EQ(sfmt("a", "#"), "!ValueError: Alternate form (#) not allowed in string format specifier");
  EXPECT_EQ(sfmt("a", "=5"), "!ValueError: '=' alignment not allowed in string format specifier");
  EXPECT_EQ(sfmt("a", ","), "!ValueError: Cannot specify ',' with 's'.");
  EXPECT_EQ(sfmt("a", "d"), "!ValueError: Unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(sfmt("a", "."), "!ValueError: Format specifier missing precision");
}

TEST(PercentFormat, NumbersAndPadding) {
  auto pf = [](std::string_view f, double v) {
    std::string o;
    percent_format_float(o, parse_percent(f), v);
    return o;
  };
  auto pi = [](std::string_view f, int64_t v) {
    std::string o;
    percent_format_int(o, parse_percent(f), v);
    return o;
  };
  EXPECT_EQ(pf("%010f", kInf), "0000000inf");
  EXPECT_EQ(pf("%.0f", 2.5), "2");
  EXPECT_EQ(pf("%#.0e", 2.5), "2.e+00");
  EXPECT_EQ(pf("%#g", 2.5), "2.50000");
  EXPECT_EQ(pf("%g", 1e16), "1e+16");
  EXPECT_EQ(pf("%+.3e", 0.0), "+0.000e+00");
  EXPECT_EQ(pi("%-#10x", 255), "0xff      ");
  EXPECT_EQ(pi("%#010x", -255), "-0x00000ff");
  EXPECT_EQ(pi("% 010.3d", -5), "-000000005");
  EXPECT_EQ(pi("%+#o", 8), "+0o10");
  EXPECT_EQ(pi("%#X", 255), "0XFF");
  EXPECT_EQ(pi("%.5x", -255), "-000ff");
  std::string o;
  percent_format_char(o, parse_percent("%05c"), 'A');
  EXPECT_EQ(o, "    A");
  o.clear();
  percent_format_text(o, parse_percent("%-6.2s"), "\xc3\xa9t\xc3\xa9");
  EXPECT_EQ(o, "\xc3\xa9t    ");
  char32_t c;
  NumError err;
  uint64_t limb;
  EXPECT_FALSE(percent_char_from_int(int_view_of(-1, &limb), &c, err));
  EXPECT_EQ(err.message, "%c arg not in range(0x110000)");
}

TEST(FloatParse, AcceptsWhatFloatAccepts) {
  double d = 0;
  EXPECT_TRUE(parse_float(" 1_000.5 ", &d));
  EXPECT_EQ(d, 1000.5);
  EXPECT_TRUE(parse_float("-iNfInItY", &d));
  EXPECT_EQ(d, -kInf);
  EXPECT_TRUE(parse_float("-nan", &d));
  EXPECT_TRUE(std::isnan(d) && std::signbit(d));
  EXPECT_TRUE(parse_float("1e400", &d));
  EXPECT_EQ(d, kInf);
  EXPECT_TRUE(parse_float("-1e-400", &d));
  EXPECT_TRUE(d == 0 && std::signbit(d));
  for (const char* bad : {"", " ", "_1", "1_", "1__0", "1_e5", "0x1", "1e", ".", "in_f", "1 1"})
    EXPECT_FALSE(parse_float(bad, &d)) << bad;
  EXPECT_EQ(parse_float_prefix("1e+j", &d), 1u);
  EXPECT_EQ(parse_float_prefix("-2.5j", &d), 4u);
  EXPECT_EQ(d, -2.5);
  EXPECT_EQ(parse_float_prefix("infj", &d), 3u);
  EXPECT_EQ(parse_float_prefix("j", &d), 0u);
}

TEST(FloatHex, RoundTripsAndErrors) {
  std::string s;
  float_hex(s, 0.1);
  EXPECT_EQ(s, "0x1.999999999999ap-4");
  s.clear();
  float_hex(s, -0.0);
  EXPECT_EQ(s, "-0x0.0p+0");
  s.clear();
  float_hex(s, 5e-324);
  EXPECT_EQ(s, "0x0.0000000000001p-1022");
  double d;
  NumError err;
  EXPECT_TRUE(float_fromhex("0x3p-1075", &d, err));
  EXPECT_EQ(d, 1e-323);
  EXPECT_FALSE(float_fromhex("0x1.fffffffffffff8p1023", &d, err));
  EXPECT_EQ(err.message, "hexadecimal value too large to represent as a float");
  EXPECT_FALSE(float_fromhex("0x", &d, err));
  EXPECT_EQ(err.message, "invalid hexadecimal floating-point string");
}

TEST(FloatMath, SpecialCases) {
  double r = 0, q = 0;
  EXPECT_EQ(float_floordiv(1, 0, &r), FloatStatus::kFloorDivisionByZero);
  EXPECT_STREQ(float_status_message(FloatStatus::kModuloByZero), "float modulo");
  EXPECT_STREQ(float_status_message(FloatStatus::kDivmodByZero), "float divmod()");
  EXPECT_EQ(float_pow(0.0, -1, &r), FloatStatus::kZeroToNegativePower);
  EXPECT_EQ(float_pow(-8, 1.0 / 3, &r), FloatStatus::kComplexPower);
  EXPECT_EQ(float_pow(10, 400, &r), FloatStatus::kPowOverflow);
  EXPECT_EQ(float_divmod(-1, kInf, &q, &r), FloatStatus::kOk);
  EXPECT_EQ(q, -1.0);
  EXPECT_EQ(r, kInf);
  EXPECT_EQ(float_round_digits(2.675, 2, &r), FloatStatus::kOk);
  EXPECT_EQ(r, 2.67);
  EXPECT_EQ(float_round_digits(1.7976931348623157e308, -308, &r), FloatStatus::kRoundOverflow);
  EXPECT_EQ(float_round_half_even(0.5), 0.0);
  EXPECT_EQ(float_round_half_even(-2.5), -2.0);
  FloatInt i;
  EXPECT_EQ(float_floor(-2.5, &i), FloatStatus::kOk);
  int64_t v;
  EXPECT_TRUE(i.to_i64(&v));
  EXPECT_EQ(v, -3);
  EXPECT_EQ(float_trunc(1e300, &i), FloatStatus::kOk);
  EXPECT_FALSE(i.to_i64(&v));
  EXPECT_EQ(i.decimal().size(), 301u);
  EXPECT_EQ(float_trunc(-9223372036854775808.0, &i), FloatStatus::kOk);
  EXPECT_TRUE(i.to_i64(&v));
  EXPECT_EQ(v, INT64_MIN);
  EXPECT_EQ(float_round_int(kNan, &i), FloatStatus::kNaNToInt);
  FloatRatio ratio;
  EXPECT_EQ(float_as_integer_ratio(-0.75, &ratio), FloatStatus::kOk);
  EXPECT_EQ(ratio.numerator() + "/" + ratio.denominator(), "-3/4");
  EXPECT_TRUE(float_is_integer(-0.0));
  EXPECT_FALSE(float_is_integer(kInf));
}

TEST(NumberHash, CPythonValues) {
  EXPECT_EQ(hash_double(1.5, 0), 1152921504606846977);
  EXPECT_EQ(hash_double(-1.0, 0), -2);
  EXPECT_EQ(hash_double(kInf, 0), 314159);
  EXPECT_EQ(hash_double(kNan, 1234), 1234);
  EXPECT_EQ(hash_int64(-1), -2);
  EXPECT_EQ(hash_int64((int64_t{1} << 61) - 1), 0);
  EXPECT_EQ(hash_complex(hash_double(1, 0), hash_double(2, 0)), 2000007);
  // PYTHONHASHSEED=0 python3.11 -c 'print(hash("abc"), hash("é"), hash("€"), hash("😀"))'
  HashKey zero = hash_key_from_seed(0);
  EXPECT_EQ(hash_str_utf8(zero, "abc"), -4594863902769663758);
  EXPECT_EQ(hash_str_utf8(zero, "\xc3\xa9"), 6047309291227476195);
  EXPECT_EQ(hash_str_utf8(zero, "\xe2\x82\xac"), -5529981157763016009);
  EXPECT_EQ(hash_str_utf8(zero, "\xf0\x9f\x98\x80"), -3536540696076613844);
  EXPECT_EQ(hash_str_utf8(zero, ""), 0);
  EXPECT_EQ(hash_bytes(zero, "abc", 3), -4594863902769663758);
  // PYTHONHASHSEED=1 and 12345
  EXPECT_EQ(hash_str_utf8(hash_key_from_seed(1), "abc"), -4667308735975688587);
  EXPECT_EQ(hash_str_utf8(hash_key_from_seed(12345), "abcdefghijklmnop"), -5459777510019614332);
}

}  // namespace
}  // namespace tpy::text
