// tests/unit/shape_test.cpp -- Shapes and instance attribute storage (shape.h, instance.h).
#include <gtest/gtest.h>

#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/instance.h"
#include "interp/objects/shape.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/runtime.h"

namespace tpy {
namespace {

class ShapeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(runtime_init(0, nullptr)); }
  void TearDown() override {
    EXPECT_FALSE(error_occurred());
    clear_exception();
  }
  static Value S(const char* s) { return str_intern(s); }
  static Value make_class(const char* name) {
    Value args[3] = {S(name), tuple_empty(), dict_new()};
    return call(Value::from_object(&type_type), args, 3);
  }
};

TEST_F(ShapeTest, TransitionsAreShared) {
  Value root = shape_root();
  EXPECT_EQ(shape_size(root), 0);
  Value x = shape_add(root, S("x"));
  Value xy = shape_add(x, S("y"));
  EXPECT_EQ(shape_add(root, S("x")), x);
  EXPECT_EQ(shape_add(x, S("y")), xy);
  EXPECT_EQ(shape_lookup(xy, S("x")), 0);
  EXPECT_EQ(shape_lookup(xy, S("y")), 1);
  EXPECT_EQ(shape_lookup(xy, S("z")), -1);
  EXPECT_EQ(shape_lookup(x, S("y")), -1);
  EXPECT_EQ(shape_name_at(xy, 0), S("x"));
  Value yx = shape_add(shape_add(root, S("y")), S("x"));
  EXPECT_NE(yx, xy);
  EXPECT_EQ(shape_lookup(yx, S("x")), 1);
  // A non-interned name with the same text is found too.
  Value copy = str_from_utf8("x");
  EXPECT_EQ(shape_lookup(xy, copy), 0);
}

TEST_F(ShapeTest, LongShapesUseAnIndex) {
  Value s = shape_root();
  char name[8];
  for (int i = 0; i < 20; i++) {
    std::snprintf(name, sizeof name, "a%d", i);
    s = shape_add(s, S(name));
  }
  for (int i = 0; i < 20; i++) {
    std::snprintf(name, sizeof name, "a%d", i);
    EXPECT_EQ(shape_lookup(s, S(name)), i);
  }
  EXPECT_EQ(shape_lookup(s, S("b")), -1);
}

TEST_F(ShapeTest, InstancesShareShapesAndSlots) {
  Value C = make_class("C");
  ASSERT_FALSE(C.is_null());
  Value a = call0(C), b = call0(C);
  ASSERT_EQ(setattr(a, S("x"), Value::from_int(1)), 0);
  ASSERT_EQ(setattr(a, S("y"), Value::from_int(2)), 0);
  ASSERT_EQ(setattr(b, S("x"), Value::from_int(3)), 0);
  ASSERT_EQ(setattr(b, S("y"), Value::from_int(4)), 0);
  Object* ao = a.as_object();
  Object* bo = b.as_object();
  EXPECT_FALSE(instance_shape(ao).is_null());
  EXPECT_EQ(instance_shape(ao), instance_shape(bo));
  int64_t iy = shape_lookup(instance_shape(ao), S("y"));
  EXPECT_EQ(iy, 1);
  EXPECT_EQ(instance_slots(ao)[iy], Value::from_int(2));
  EXPECT_EQ(instance_slots(bo)[iy], Value::from_int(4));
  // Overwriting keeps the shape.
  Value before = instance_shape(ao);
  ASSERT_EQ(setattr(a, S("x"), Value::from_int(9)), 0);
  EXPECT_EQ(instance_shape(ao), before);
  EXPECT_EQ(getattr(a, S("x")), Value::from_int(9));
}

TEST_F(ShapeTest, DictModeOnEscapeAndDelete) {
  Value C = make_class("D");
  Value a = call0(C);
  ASSERT_EQ(setattr(a, S("x"), Value::from_int(1)), 0);
  ASSERT_EQ(setattr(a, S("y"), Value::from_int(2)), 0);
  Value d = instance_get_dict(a.as_object());
  ASSERT_FALSE(d.is_null());
  EXPECT_TRUE(instance_shape(a.as_object()).is_null());
  EXPECT_EQ(dict_length(d), 2);
  // Insertion order survives the switch.
  int64_t pos = 0;
  Value k, v;
  ASSERT_TRUE(dict_next(d, &pos, &k, &v));
  EXPECT_EQ(k, S("x"));
  ASSERT_EQ(setattr(a, S("z"), Value::from_int(3)), 0);
  EXPECT_EQ(dict_get(d, S("z")), Value::from_int(3));

  Value b = call0(C);
  ASSERT_EQ(setattr(b, S("x"), Value::from_int(1)), 0);
  ASSERT_EQ(setattr(b, S("x"), Value()), 0);
  EXPECT_TRUE(instance_shape(b.as_object()).is_null());
  EXPECT_TRUE(getattr_opt(b, S("x")).is_null());
  ASSERT_EQ(setattr(b, S("x"), Value::from_int(5)), 0);
  EXPECT_EQ(getattr(b, S("x")), Value::from_int(5));
}

TEST_F(ShapeTest, ManyAttributesSwitchToDict) {
  Value C = make_class("E");
  Value a = call0(C);
  char name[8];
  for (int i = 0; i < kMaxShapeSize + 5; i++) {
    std::snprintf(name, sizeof name, "f%d", i);
    ASSERT_EQ(setattr(a, S(name), Value::from_int(i)), 0);
  }
  EXPECT_TRUE(instance_shape(a.as_object()).is_null());
  for (int i = 0; i < kMaxShapeSize + 5; i++) {
    std::snprintf(name, sizeof name, "f%d", i);
    EXPECT_EQ(getattr(a, S(name)), Value::from_int(i));
  }
}

TEST_F(ShapeTest, DictAssignment) {
  Value C = make_class("F");
  Value a = call0(C);
  Value d = dict_new();
  dict_set(d, S("q"), Value::from_int(7));
  ASSERT_EQ(setattr(a, S("__dict__"), d), 0);
  EXPECT_EQ(getattr(a, S("q")), Value::from_int(7));
  EXPECT_EQ(setattr(a, S("__dict__"), Value::from_int(1)), -1);
  EXPECT_TRUE(error_matches(exc_TypeError));
  clear_exception();
}

}  // namespace
}  // namespace tpy
