// interp/objects/bytes_core.cpp -- bytes and bytearray storage: allocation, hash, conversion, exports.
#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/container_util.h"
#include "interp/objects/bytes.h"
#include "interp/objects/bytes_internal.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/text/number_hash.h"

namespace tpy {

// str_core.cpp's hash key: bytes hash with the same key as str, as CPython does.
const text::HashKey& str_hash_key();

constinit Type bytes_type{&type_type, "bytes", sizeof(BytesObject),
                          kTypeBaseType | kTypeImmutable | kTypeBytesSubclass};
constinit Type bytearray_type{&type_type, "bytearray", sizeof(ByteArrayObject),
                              kTypeBaseType | kTypeImmutable};
// The growable memory of a bytearray: raw bytes, no Values (not a Python-visible type).
constinit Type bytearray_storage_type{&type_type, "bytearray_storage", 16, 0};

Value bytes_new_typed(Type* type, int64_t n) {
  if (n < 0 || n > (INT64_MAX >> 1)) return raise_no_memory();
  size_t size = sizeof(BytesObject) + static_cast<size_t>(n) + 1;
  Object* o;
  if (type == &bytes_type) {
    o = gc::alloc(size, type);
    if (o == nullptr) return raise_no_memory();
  } else {
    // A subclass's attribute block sits at the end of the cell, past the data.
    o = alloc_instance(type, static_cast<size_t>(n) + 1);
    if (o == nullptr) return Value();
  }
  auto* b = static_cast<BytesObject*>(o);
  b->length = n;
  b->hash = -1;
  return Value::from_object(b);
}

Value bytes_new_uninit(int64_t n) { return bytes_new_typed(&bytes_type, n); }

Value bytes_from_data(const void* data, size_t n) {
  Value v = bytes_new_uninit(static_cast<int64_t>(n));
  if (!v.is_null() && n) std::memcpy(as_bytes(v)->data(), data, n);
  return v;
}

int64_t bytes_hash(Value v) {
  BytesObject* b = as_bytes(v);
  if (b->hash == -1)
    b->hash = text::hash_bytes(str_hash_key(), b->data(), static_cast<size_t>(b->length));
  return b->hash;
}

Value bytes_concat(Value a, Value b) {
  BufferView va, vb;
  if (!va.get(a) || !vb.get(b)) {
    clear_exception();
    return raise_format(exc_TypeError, "can't concat %.100s to %.100s", type_of(b)->c_name(),
                        type_of(a)->c_name());
  }
  // b'' + x and x + b'' with exact bytes: the other operand itself, as CPython.
  if (va.b.len == 0 && is_exact_bytes(b)) return b;
  if (vb.b.len == 0 && is_exact_bytes(a)) return a;
  if (va.b.len > INT64_MAX / 2 - vb.b.len) return raise_no_memory();
  Value r = bytes_new_uninit(va.b.len + vb.b.len);
  if (r.is_null()) return r;
  uint8_t* d = as_bytes(r)->data();
  if (va.b.len) std::memcpy(d, va.b.data, static_cast<size_t>(va.b.len));
  if (vb.b.len) std::memcpy(d + va.b.len, vb.b.data, static_cast<size_t>(vb.b.len));
  return r;
}

// -- Integers as bytes ------------------------------------------------------------------------------

bool byte_from_item(Value item, const char* range_msg, uint8_t* out) {
  int64_t v;
  if (item.is_int()) {
    v = item.as_int();
  } else {
    Value i = number_index(item);
    if (i.is_null()) return false;
    if (!i.is_int()) v = -1;  // a big int: out of range either way
    else v = i.as_int();
  }
  if (v < 0 || v > 255) {
    raise_error(exc_ValueError, range_msg);
    return false;
  }
  *out = static_cast<uint8_t>(v);
  return true;
}

bool bytes_collect_iterable(Value x, const char* range_msg, std::string& out) {
  if (is_exact_list(x) || is_exact_tuple(x)) {
    for (int64_t i = 0;; i++) {
      // A list may shrink under __index__ calls: re-read its length every step.
      int64_t n = is_exact_list(x) ? list_length(x) : tuple_length(x);
      if (i >= n) return true;
      Value item = is_exact_list(x) ? list_at(x, i) : tuple_at(x, i);
      uint8_t c;
      if (!byte_from_item(item, range_msg, &c)) return false;
      out.push_back(static_cast<char>(c));
    }
  }
  Value it = get_iter(x);
  if (it.is_null()) return false;
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) return !error_occurred();
    uint8_t c;
    if (!byte_from_item(item, range_msg, &c)) return false;
    out.push_back(static_cast<char>(c));
  }
}

Value bytes_from_object(Value x) {
  if (is_exact_bytes(x)) return x;
  if (has_buffer(x)) {
    BufferView v;
    if (!v.get(x, kBufAnyContiguity)) return Value();
    Value r = bytes_new_uninit(v.b.len);
    if (!r.is_null()) buffer_copy_out(v.b, as_bytes(r)->data());
    return r;
  }
  if (!is_str(x)) {
    std::string data;
    if (is_exact_list(x) || is_exact_tuple(x)) {
      if (!bytes_collect_iterable(x, "bytes must be in range(0, 256)", data)) return Value();
      return bytes_from_view(data);
    }
    Value it = get_iter(x);
    if (!it.is_null()) {
      if (!bytes_collect_iterable(it, "bytes must be in range(0, 256)", data)) return Value();
      return bytes_from_view(data);
    }
    if (!error_matches(exc_TypeError)) return Value();
    clear_exception();
  }
  return raise_format(exc_TypeError, "cannot convert '%.200s' object to bytes",
                      type_of(x)->c_name());
}

// -- bytearray storage --------------------------------------------------------------------------------

namespace {

bool set_capacity(ByteArrayObject* a, int64_t alloc) {
  Object* s = gc::alloc(sizeof(Object) + static_cast<size_t>(alloc), &bytearray_storage_type);
  if (s == nullptr) {
    raise_no_memory();
    return false;
  }
  auto* d = reinterpret_cast<uint8_t*>(s + 1);
  if (a->length) std::memcpy(d, a->data, static_cast<size_t>(a->length));
  gc::store(a, &a->storage, Value::from_object(s));
  a->data = d;
  a->capacity = alloc;
  return true;
}

}  // namespace

int bytearray_resize(Value v, int64_t size) {
  ByteArrayObject* a = as_bytearray(v);
  if (size == a->length) return 0;
  if (a->exports > 0) {
    raise_error(exc_BufferError, "Existing exports of data: object cannot be re-sized");
    return -1;
  }
  if (size < 0 || size > (INT64_MAX >> 2)) {
    raise_no_memory();
    return -1;
  }
  // CPython's PyByteArray_Resize policy, so __alloc__ reports the same numbers.
  int64_t alloc = a->capacity;
  if (size + 1 <= alloc) {
    if (size >= alloc / 2) {
      a->length = size;
      a->data[size] = 0;
      return 0;
    }
    alloc = size + 1;
  } else if (static_cast<double>(size) <= static_cast<double>(alloc) * 1.125) {
    alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  } else {
    alloc = size + 1;
  }
  int64_t keep = a->length < size ? a->length : size;
  a->length = keep;
  if (!set_capacity(a, alloc)) return -1;
  a->length = size;
  a->data[size] = 0;
  return 0;
}

Value bytearray_new_typed(Type* type, const void* data, size_t n) {
  Object* o = type == &bytearray_type ? gc::alloc(sizeof(ByteArrayObject), type)
                                      : alloc_instance(type);
  if (o == nullptr) return type == &bytearray_type ? raise_no_memory() : Value();
  Value v = Value::from_object(o);
  if (n) {
    if (bytearray_resize(v, static_cast<int64_t>(n)) < 0) return Value();
    std::memcpy(as_bytearray(v)->data, data, n);
  }
  return v;
}

Value bytearray_from_data(const void* data, size_t n) {
  return bytearray_new_typed(&bytearray_type, data, n);
}

// -- Buffer exports ------------------------------------------------------------------------------------

namespace {

bool bytes_get_buffer(Value obj, Buffer* out, int flags) {
  if (flags & kBufWritable) {
    raise_error(exc_BufferError, "Object is not writable.");
    return false;
  }
  BytesObject* b = as_bytes(obj);
  out->obj = obj;
  out->owner = obj;
  out->data = b->data();
  out->len = out->shape = b->length;
  out->readonly = true;
  return true;
}

bool bytearray_get_buffer(Value obj, Buffer* out, int) {
  ByteArrayObject* a = as_bytearray(obj);
  out->obj = obj;
  out->owner = a->storage;
  // An empty bytearray lends a valid (empty) pointer, as CPython's "" fallback.
  static uint8_t empty[1];
  out->data = a->data ? a->data : empty;
  out->len = out->shape = a->length;
  out->readonly = false;
  a->exports++;
  return true;
}

void bytearray_release_buffer(Value obj, Buffer*) { as_bytearray(obj)->exports--; }

}  // namespace

void register_bytes_buffers() {
  register_buffer_type(&bytes_type, bytes_get_buffer, nullptr);
  register_buffer_type(&bytearray_type, bytearray_get_buffer, bytearray_release_buffer);
}

}  // namespace tpy
