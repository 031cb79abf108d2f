// tests/unit/int_test.cpp -- The int core against CPython 3.11: an oracle table and focused cases.
//
// tests/unit/data/int_cases.txt was computed by /usr/bin/python3.11 running
// tests/unit/data/gen_int_cases.py (see its header for the format); every expected string in
// the focused tests below was also printed by python3.11.
#include "interp/objects/int.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "gc/heap.h"

namespace tpy {
namespace {

std::string data_path(const char* name) { return std::string(TPY_UNIT_DATA_DIR "/") + name; }

// The pending error as the table writes it: "!Type: message" ("!float" for NegativeExponent).
std::string pending_error(std::string_view literal = {}) {
  IntErrorInfo e = int_take_error();
  if (e.kind == IntError::kNone) return "!<no error pending>";
  if (e.kind == IntError::kNegativeExponent) return "!float";
  return std::string("!") + int_error_type(e.kind) + ": " + int_error_message(e, literal);
}

// A canonical int: big ints never hold a value that fits a tagged int.
bool is_canonical(Value v) {
  int64_t x;
  return !is_big_int(v) || !int_to_i64(v, &x) || !Value::fits_int(x);
}

std::string show(Value v, int base = 10) {
  if (v.is_exception()) return pending_error();
  if (!is_exact_int(v)) return "!<not an int>";
  if (!is_canonical(v)) return "!<not canonical>";
  std::string out;
  if (!int_to_string(v, base, out)) return pending_error();
  return out;
}

Value parse(const std::string& s) {
  Value v = int_from_string(s, 10);
  EXPECT_FALSE(v.is_exception()) << "cannot parse " << s;
  return v;
}

std::string unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

std::string hex_float(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", d);
  // C prints 0x1.8p+3 where Python prints 0x1.8000000000000p+3: compare values instead.
  return buf;
}

// -- The oracle table -----------------------------------------------------------------------------

std::string run_binary(const std::string& op, Value a, Value b) {
  if (op == "add") return show(int_add(a, b));
  if (op == "sub") return show(int_sub(a, b));
  if (op == "mul") return show(int_mul(a, b));
  if (op == "floordiv") return show(int_floordiv(a, b));
  if (op == "mod") return show(int_mod(a, b));
  if (op == "divmod") {
    Value r;
    Value q = int_divmod(a, b, &r);
    return q.is_exception() ? pending_error() : show(q) + " " + show(r);
  }
  if (op == "and") return show(int_and(a, b));
  if (op == "or") return show(int_or(a, b));
  if (op == "xor") return show(int_xor(a, b));
  if (op == "cmp") return std::to_string(int_compare(a, b));
  if (op == "eq") return std::to_string(int_equal(a, b));
  if (op == "gcd") return show(int_gcd(a, b));
  if (op == "lshift") return show(int_lshift(a, b));
  if (op == "rshift") return show(int_rshift(a, b));
  if (op == "pow") return show(int_pow(a, b));
  return "!<unknown op " + op + ">";
}

std::string run_unary(const std::string& op, Value a) {
  if (op == "neg") return show(int_neg(a));
  if (op == "abs") return show(int_abs(a));
  if (op == "invert") return show(int_invert(a));
  if (op == "hash") return std::to_string(int_hash(a));
  if (op == "bitlength") return std::to_string(int_bit_length(a));
  if (op == "hex") return show(a, 16);
  if (op == "oct") return show(a, 8);
  if (op == "bin") return show(a, 2);
  return "!<unknown op " + op + ">";
}

// Runs one table line; returns "" when it matches, else a description of the mismatch.
std::string check_line(const std::vector<std::string>& f) {
  const std::string& op = f[0];
  const std::string& expected = f.back();
  std::string actual;
  if (op == "fromstr") {
    std::string text = unhex(f[2]);
    Value v = int_from_string(text, std::stoi(f[1]));
    actual = v.is_exception() ? pending_error(text) : show(v);
  } else if (op == "fromfloat") {
    actual = show(int_from_double(std::strtod(f[1].c_str(), nullptr)));
  } else if (op == "tofloat") {
    double d;
    if (!int_to_double(parse(f[1]), &d)) {
      actual = pending_error();
    } else if (expected[0] != '!' && d == std::strtod(expected.c_str(), nullptr)) {
      actual = expected;
    } else {
      actual = hex_float(d);
    }
  } else if (op == "powmod") {
    actual = show(int_powmod(parse(f[1]), parse(f[2]), parse(f[3])));
  } else if (f.size() == 4) {
    actual = run_binary(op, parse(f[1]), parse(f[2]));
  } else {
    actual = run_unary(op, parse(f[1]));
  }
  if (actual == expected) return "";
  std::string args;
  for (size_t i = 1; i + 1 < f.size(); i++) args += " " + f[i].substr(0, 60);
  return op + args + "\n  expected " + expected.substr(0, 200) + "\n  actual   " +
         actual.substr(0, 200);
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0, tab;
  while ((tab = line.find('\t', start)) != std::string::npos) {
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  fields.push_back(line.substr(start));
  return fields;
}

// TPY_INT_CASES names another table (a bigger one from gen_int_cases.py SEED SCALE).
TEST(IntOracle, EveryCaseMatchesCPython) {
  const char* other = std::getenv("TPY_INT_CASES");
  std::string path = other ? other : data_path("int_cases.txt");
  std::ifstream in(path);
  ASSERT_TRUE(in) << "missing " << path;
  set_int_max_str_digits(0);  // as the generator ran
  std::string line;
  int cases = 0, failures = 0;
  while (std::getline(in, line)) {
    cases++;
    std::string diff = check_line(split_tabs(line));
    if (diff.empty()) continue;
    if (++failures <= 25) ADD_FAILURE() << diff;
  }
  set_int_max_str_digits(kDefaultIntMaxStrDigits);
  EXPECT_EQ(failures, 0) << "of " << cases << " cases";
  EXPECT_GT(cases, 4000);
}

// -- Tagged fast paths and their edges ------------------------------------------------------------

TEST(IntSmall, OverflowLeavesTheTaggedRange) {
  Value max = Value::from_int(Value::kIntMax), min = Value::from_int(Value::kIntMin);
  Value one = Value::from_int(1), minus_one = Value::from_int(-1);
  EXPECT_EQ(show(int_add(max, one)), "4611686018427387904");
  EXPECT_TRUE(is_big_int(int_add(max, one)));
  EXPECT_EQ(show(int_sub(min, one)), "-4611686018427387905");
  EXPECT_EQ(show(int_neg(min)), "4611686018427387904");
  EXPECT_EQ(show(int_abs(min)), "4611686018427387904");
  EXPECT_EQ(show(int_mul(min, minus_one)), "4611686018427387904");
  EXPECT_EQ(show(int_floordiv(min, minus_one)), "4611686018427387904");
  EXPECT_EQ(show(int_mul(max, max)), "21267647932558653957237540927630737409");
  EXPECT_EQ(int_add(max, Value::from_int(0)), max);  // still tagged
  EXPECT_EQ(int_sub(int_add(max, one), one), max);   // a big result that shrinks is tagged
  EXPECT_EQ(show(int_lshift(one, Value::from_int(62))), "4611686018427387904");
  EXPECT_EQ(int_lshift(minus_one, Value::from_int(62)), min);
  EXPECT_EQ(int_rshift(min, Value::from_int(1000)), minus_one);
  EXPECT_EQ(int_invert(max), min);
}

TEST(IntSmall, DivisionFloorsWithPythonSigns) {
  auto fd = [](int64_t a, int64_t b) {
    return int_floordiv(Value::from_int(a), Value::from_int(b));
  };
  auto md = [](int64_t a, int64_t b) { return int_mod(Value::from_int(a), Value::from_int(b)); };
  EXPECT_EQ(fd(7, 2).as_int(), 3);
  EXPECT_EQ(fd(-7, 2).as_int(), -4);
  EXPECT_EQ(fd(7, -2).as_int(), -4);
  EXPECT_EQ(fd(-7, -2).as_int(), 3);
  EXPECT_EQ(md(-7, 2).as_int(), 1);
  EXPECT_EQ(md(7, -2).as_int(), -1);
  EXPECT_EQ(md(-6, 3).as_int(), 0);
  EXPECT_TRUE(fd(1, 0).is_exception());
  EXPECT_EQ(pending_error(), "!ZeroDivisionError: integer division or modulo by zero");
  EXPECT_TRUE(md(1, 0).is_exception());
  EXPECT_EQ(pending_error(), "!ZeroDivisionError: integer modulo by zero");
}

TEST(IntSmall, CompareAndEqualMixKinds) {
  Value big = parse("100000000000000000000");
  Value neg_big = parse("-100000000000000000000");
  Value small = Value::from_int(5);
  EXPECT_EQ(int_compare(small, big), -1);
  EXPECT_EQ(int_compare(neg_big, small), -1);
  EXPECT_EQ(int_compare(big, neg_big), 1);
  EXPECT_EQ(int_compare(big, parse("100000000000000000000")), 0);
  EXPECT_TRUE(int_equal(big, parse("100000000000000000000")));
  EXPECT_FALSE(int_equal(big, small));
  EXPECT_FALSE(int_equal(big, neg_big));
}

// -- C conversions --------------------------------------------------------------------------------

TEST(IntConvert, Int64RoundTrips) {
  for (int64_t x : {INT64_MIN, INT64_MIN + 1, Value::kIntMin - 1, Value::kIntMin, int64_t{-1},
                    int64_t{0}, Value::kIntMax, Value::kIntMax + 1, INT64_MAX}) {
    Value v = int_from_i64(x);
    int64_t back = 0;
    ASSERT_TRUE(int_to_i64(v, &back)) << x;
    EXPECT_EQ(back, x);
    EXPECT_EQ(v.is_int(), Value::fits_int(x));
  }
  int64_t out;
  EXPECT_FALSE(int_to_i64(parse("9223372036854775808"), &out));
  EXPECT_FALSE(int_to_i64(parse("-9223372036854775809"), &out));
  EXPECT_EQ(show(int_from_u64(UINT64_MAX)), "18446744073709551615");
}

TEST(IntConvert, StrLengthLimit) {
  ASSERT_EQ(int_max_str_digits(), kDefaultIntMaxStrDigits);
  const std::string ok = "1" + std::string(4299, '0');
  EXPECT_EQ(show(parse(ok)), ok);
  EXPECT_EQ(show(parse("-" + ok)), "-" + ok);
  Value too_long = int_mul(parse(ok), Value::from_int(10));
  EXPECT_EQ(show(too_long),
            "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
  EXPECT_EQ(show(int_pow(Value::from_int(7), Value::from_int(50000))).substr(0, 30),
            "!ValueError: Exceeds the limit");
  std::string hex;
  EXPECT_TRUE(int_to_string(too_long, 16, hex));  // powers of two are not limited
}

TEST(IntConvert, FromStringLengthLimit) {
  ASSERT_EQ(int_max_str_digits(), kDefaultIntMaxStrDigits);
  auto from = [](const std::string& s, int base) {
    Value v = int_from_string(s, base);
    return v.is_exception() ? pending_error(s) : show(v, 16).substr(0, 12);
  };
  auto limit = [](int digits) {
    return "!ValueError: Exceeds the limit (4300 digits) for integer string conversion: value "
           "has " + std::to_string(digits) +
           " digits; use sys.set_int_max_str_digits() to increase the limit";
  };
  EXPECT_EQ(from(std::string(4300, '1'), 10), "22cbfb87674b");
  EXPECT_EQ(from("-" + std::string(4300, '1'), 10), "-22cbfb87674");
  EXPECT_EQ(from(std::string(4301, '1'), 10), limit(4301));
  EXPECT_EQ(from(std::string(4301, '0'), 10), limit(4301));
  std::string underscored;
  for (int i = 0; i < 4300; i++) underscored += "1_";
  EXPECT_EQ(from(underscored + "1", 10), limit(4301));
  EXPECT_EQ(from(std::string(5000, '1') + "a", 10), limit(5000));  // the limit comes first
  EXPECT_EQ(from(std::string(5000, '0') + "8", 0), limit(5001));
  EXPECT_EQ(from("a" + std::string(5000, '1'), 10).substr(0, 57),
            "!ValueError: invalid literal for int() with base 10: 'a11");
  EXPECT_EQ(from(std::string(5000, '1') + "_", 10).substr(0, 57),
            "!ValueError: invalid literal for int() with base 10: '111");
  EXPECT_EQ(from(std::string(5000, '1'), 16), "111111111111");
  EXPECT_EQ(from(std::string(5000, '1'), 32), "842108421084");
  EXPECT_EQ(from(std::string(5000, '1'), 36), limit(5000));
}

TEST(IntConvert, OutOfMemoryIsAnError) {
  Value one = Value::from_int(1);
  EXPECT_TRUE(int_lshift(one, parse("1099511627776")).is_exception());  // 2**40 bits
  EXPECT_EQ(pending_error(), "!MemoryError: ");
  EXPECT_TRUE(int_pow(Value::from_int(3), parse("1099511627776")).is_exception());
  EXPECT_EQ(pending_error(), "!MemoryError: ");
  EXPECT_TRUE(int_pow(Value::from_int(3), parse("100000000000000000000000")).is_exception());
  EXPECT_EQ(pending_error(), "!MemoryError: ");
}

TEST(IntObject, BigIntsAreHeapObjectsOfTypeInt) {
  Value big = parse("-123456789012345678901234567890");
  ASSERT_TRUE(is_big_int(big));
  Object* o = big.as_object();
  EXPECT_EQ(o->type(), &int_type);
  EXPECT_EQ(gc::find_object(o), o);
  EXPECT_EQ(gc::find_object(reinterpret_cast<char*>(o) + 20), o);  // inside the limbs
  EXPECT_GE(gc::cell_size(o), 16u + 2 * 8u);
  EXPECT_STREQ(int_type.c_name(), "int");
}

}  // namespace
}  // namespace tpy
