// tests/unit/bytes_test.cpp -- The C++ side of bytes, bytearray and the buffer protocol: what
// array, _struct and _io build on (exports, strided copies, decoding, hashes).
#include <gtest/gtest.h>

#include <string>

#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/str.h"
#include "tests/unit/container_test_env.h"

namespace tpy {
namespace {

using testing::ensure_runtime;
using testing::take_error;

TEST(Bytes, FromDataAndView) {
  ensure_runtime();
  Value b = bytes_from_data("a\0b", 3);
  ASSERT_FALSE(b.is_null());
  EXPECT_TRUE(is_exact_bytes(b));
  EXPECT_EQ(bytes_view(b), std::string_view("a\0b", 3));
  EXPECT_EQ(as_bytes(b)->data()[3], 0);  // NUL-terminated like CPython's
  Value a = bytearray_from_data("xyz", 3);
  EXPECT_TRUE(is_bytearray(a));
  EXPECT_EQ(bytes_view(a), "xyz");
}

TEST(Bytes, HashIsStrHashOfLatin1) {
  ensure_runtime();
  Value b = bytes_from_data("abc", 3);
  Value s = str_from_ascii("abc");
  EXPECT_EQ(bytes_hash(b), str_hash(s));
  EXPECT_EQ(bytes_hash(bytes_from_data("", 0)), 0);
}

TEST(Buffer, ExportsBlockResize) {
  ensure_runtime();
  Value a = bytearray_from_data("abc", 3);
  {
    BufferView v;
    ASSERT_TRUE(v.get(a));
    EXPECT_FALSE(v.b.readonly);
    EXPECT_EQ(v.bytes(), "abc");
    EXPECT_EQ(bytearray_resize(a, 10), -1);
    EXPECT_EQ(take_error(), "BufferError: Existing exports of data: object cannot be re-sized");
  }
  EXPECT_EQ(bytearray_resize(a, 10), 0);
  EXPECT_EQ(as_bytearray(a)->length, 10);
}

TEST(Buffer, ReadOnlyAndMissing) {
  ensure_runtime();
  Buffer b;
  EXPECT_FALSE(get_buffer(bytes_from_data("x", 1), &b, kBufWritable));
  EXPECT_EQ(take_error(), "BufferError: Object is not writable.");
  EXPECT_FALSE(has_buffer(str_from_ascii("x")));
  EXPECT_FALSE(get_buffer(str_from_ascii("x"), &b));
  EXPECT_EQ(take_error(), "TypeError: a bytes-like object is required, not 'str'");
}

TEST(Buffer, StridedCopy) {
  Buffer b;
  uint8_t data[] = {1, 2, 3, 4, 5, 6};
  b.data = data + 5;
  b.shape = 3;
  b.stride = -2;
  b.len = 3;
  uint8_t out[3];
  EXPECT_FALSE(b.contiguous());
  buffer_copy_out(b, out);
  EXPECT_EQ(out[0], 6);
  EXPECT_EQ(out[1], 4);
  EXPECT_EQ(out[2], 2);
}

TEST(Bytes, DecodeHandlers) {
  ensure_runtime();
  Value s = bytes_decode_data("a\xff" "b", "utf-8", "replace");
  ASSERT_FALSE(s.is_null());
  EXPECT_EQ(str_to_utf8(s), "a\xef\xbf\xbd" "b");
  EXPECT_TRUE(bytes_decode_data("a\xff", "ascii", nullptr).is_null());
  Value e = fetch_exception();
  ASSERT_FALSE(e.is_null());
  EXPECT_STREQ(type_of(e)->c_name(), "UnicodeDecodeError");
  EXPECT_EQ(str_to_utf8(object_str(e)),
            "'ascii' codec can't decode byte 0xff in position 1: ordinal not in range(128)");
  EXPECT_TRUE(bytes_decode_data("a", "nope", nullptr).is_null());
  EXPECT_EQ(take_error(), "LookupError: unknown encoding: nope");
}

}  // namespace
}  // namespace tpy
