// tests/unit/value_test.cpp -- The Value word: tagging, the null sentinel, objects, checked builds.
#include "interp/objects/value.h"

#include <gtest/gtest.h>

#include "interp/objects/type.h"

namespace tpy {
namespace {

TEST(Value, SmallIntsAreTaggedWithTheLowBit) {
  EXPECT_EQ(Value::from_int(0).bits(), 1u);
  EXPECT_EQ(Value::from_int(5).bits(), 11u);
  EXPECT_EQ(Value::from_int(-1).bits(), ~uint64_t{0});
  for (int64_t x : {Value::kIntMin, Value::kIntMin + 1, int64_t{-3}, int64_t{0}, int64_t{42},
                    Value::kIntMax}) {
    Value v = Value::from_int(x);
    EXPECT_TRUE(v.is_int());
    EXPECT_FALSE(v.is_object());
    EXPECT_FALSE(v.is_exception());
    EXPECT_EQ(v.as_int(), x);
  }
}

TEST(Value, TheTaggedRangeIs63Bits) {
  EXPECT_EQ(Value::kIntMin, -(int64_t{1} << 62));
  EXPECT_EQ(Value::kIntMax, (int64_t{1} << 62) - 1);
  EXPECT_TRUE(Value::fits_int(Value::kIntMax));
  EXPECT_FALSE(Value::fits_int(Value::kIntMax + 1));
  EXPECT_FALSE(Value::fits_int(Value::kIntMin - 1));
  Value v = Value::from_int(7);
  EXPECT_FALSE(Value::try_from_int(INT64_MAX, &v));
  EXPECT_EQ(v.as_int(), 7);  // untouched on failure
  EXPECT_TRUE(Value::try_from_int(-9, &v));
  EXPECT_EQ(v.as_int(), -9);
}

TEST(Value, TaggedBitsKeepTheOrderOfInts) {
  const int64_t xs[] = {Value::kIntMin, -100, -1, 0, 1, 100, Value::kIntMax};
  for (int64_t a : xs) {
    for (int64_t b : xs) {
      auto ta = static_cast<int64_t>(Value::from_int(a).bits());
      auto tb = static_cast<int64_t>(Value::from_int(b).bits());
      EXPECT_EQ(a < b, ta < tb);
    }
  }
}

TEST(Value, NullIsTheExceptionSentinelAndZeroedMemory) {
  Value v;
  EXPECT_TRUE(v.is_exception());
  EXPECT_TRUE(v.is_null());
  EXPECT_EQ(v, Value::exception());
  EXPECT_EQ(v.bits(), 0u);
  EXPECT_FALSE(v.is_int());
  EXPECT_FALSE(v.is_object());
  static_assert(Value::exception().bits() == 0);
}

TEST(Value, StaticObjectsAreObjects) {
  Value v = Value::from_object(&int_type);
  EXPECT_TRUE(v.is_object());
  EXPECT_FALSE(v.is_int());
  EXPECT_EQ(v.as_object(), &int_type);
  EXPECT_EQ(v.bits() & Value::kObjectAlignMask, 0u);
  EXPECT_EQ(v.as_object()->type(), &type_type);
  EXPECT_EQ(type_type.type(), &type_type);
  EXPECT_TRUE(int_type.is_static());
  EXPECT_EQ(Value::from_bits(v.bits()), v);
}

TEST(Value, IdentityIsBitEquality) {
  EXPECT_EQ(Value::from_int(3), Value::from_int(3));
  EXPECT_NE(Value::from_int(3), Value::from_int(4));
  EXPECT_NE(Value::from_object(&int_type), Value::from_object(&type_type));
}

#if !defined(NDEBUG) || TPY_VALUE_CHECKED
TEST(ValueDeathTest, CheckedAccessorsCatchMisuse) {
  Value obj = Value::from_object(&int_type);
  EXPECT_DEATH((void)obj.as_int(), "as_int on a non-int");
  EXPECT_DEATH((void)Value::from_int(3).as_object(), "as_object on an int");
  EXPECT_DEATH((void)Value::from_int(Value::kIntMax + 1), "does not fit");
}
#endif

}  // namespace
}  // namespace tpy
