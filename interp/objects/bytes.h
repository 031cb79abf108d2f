// interp/objects/bytes.h -- bytes, bytearray and memoryview: the binary sequence types.
//
// bytes keeps its data inline after the header (plus a NUL, as CPython, so C++ code may read
// the data as a C string) and caches its hash, which is CPython's (SipHash-1-3 under the key
// str uses: hash(b'abc') == hash('abc')). bytearray keeps its data in a separate GC storage
// object so it can grow; memoryview lends any of them through the buffer protocol
// (interp/objects/buffer.h). The methods of bytes and bytearray are one implementation over a
// byte span (bytes_methods*.cpp); each returns the type family of self.
#pragma once

#include <cstdint>
#include <string_view>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type bytes_type;
extern constinit Type bytearray_type;
extern constinit Type memoryview_type;

class BytesObject : public Object {
 public:
  int64_t length;
  int64_t hash;  // -1: not computed yet
  uint8_t* data() { return reinterpret_cast<uint8_t*>(this + 1); }
  const uint8_t* data() const { return reinterpret_cast<const uint8_t*>(this + 1); }
};
static_assert(sizeof(BytesObject) == 32, "bytes header layout");

class ByteArrayObject : public Object {
 public:
  int64_t length;
  int64_t capacity;  // usable bytes of the storage (one more is kept for a NUL)
  uint8_t* data;     // inside [storage] (null when capacity is 0)
  Value storage;     // the GC object holding the bytes, or null
  int64_t exports;   // live buffer exports (memoryviews): resizing is refused while > 0
  int64_t pad_;
};
static_assert(sizeof(ByteArrayObject) % 16 == 0, "bytearray header layout");

inline bool is_bytes(Value v) { return v.is_object() && type_of(v)->has_flag(kTypeBytesSubclass); }
inline bool is_exact_bytes(Value v) { return v.is_object() && type_of(v) == &bytes_type; }
inline BytesObject* as_bytes(Value v) { return static_cast<BytesObject*>(v.as_object()); }
inline bool is_bytearray(Value v) { return v.is_object() && is_instance_of(v, &bytearray_type); }
inline ByteArrayObject* as_bytearray(Value v) { return static_cast<ByteArrayObject*>(v.as_object()); }

// The bytes of a bytes or bytearray object (either type or a subclass).
inline std::string_view bytes_view(Value v) {
  if (is_bytes(v)) {
    const BytesObject* b = as_bytes(v);
    return {reinterpret_cast<const char*>(b->data()), static_cast<size_t>(b->length)};
  }
  const ByteArrayObject* a = as_bytearray(v);
  return {reinterpret_cast<const char*>(a->data), static_cast<size_t>(a->length)};
}

// -- Making bytes -----------------------------------------------------------------------------------
// An exact bytes object copying [n] bytes from [data]; null with MemoryError pending.
Value bytes_from_data(const void* data, size_t n);
inline Value bytes_from_view(std::string_view s) { return bytes_from_data(s.data(), s.size()); }
// An exact bytes object of [n] zero bytes for the caller to fill (before it escapes).
Value bytes_new_uninit(int64_t n);
// bytes(x) for one argument (PyBytes_FromObject): buffer, list/tuple/iterable of ints;
// "cannot convert 'str' object to bytes" for str.
Value bytes_from_object(Value x);
// a + b for two bytes-like objects (the result is exact bytes).
Value bytes_concat(Value a, Value b);
int64_t bytes_hash(Value b);

Value bytearray_from_data(const void* data, size_t n);
// Resizes a bytearray (BufferError while exported); 0 or -1 with an exception pending.
int bytearray_resize(Value ba, int64_t n);

// -- Decoding ---------------------------------------------------------------------------------------
// bytes.decode: [data] decoded with codec [encoding] (null: UTF-8) and error handler [errors]
// (null: "strict"): strict, ignore, replace, backslashreplace, surrogateescape, surrogatepass.
// [obj] is the object a UnicodeDecodeError reports (null: a bytes copy of [data]).
Value bytes_decode_data(std::string_view data, const char* encoding, const char* errors,
                        Value obj = Value());
// decode(encoding, errors) with str-or-null arguments, as str(b, encoding, errors) needs them.
Value bytes_decode(Value obj, Value encoding, Value errors);

// -- memoryview -------------------------------------------------------------------------------------
Value memoryview_from_object(Value obj);  // memoryview(obj)

}  // namespace tpy
