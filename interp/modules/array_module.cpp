// interp/modules/array_module.cpp -- The array module: array.array over raw item storage (a
// GC bytes object used as a growable buffer), every typecode of 3.11, the sequence protocol
// with slices, comparisons, the buffer protocol, and CPython's messages.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "gc/barrier.h"
#include "interp/modules/math_internal.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/container_util.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/text/int_view.h"
#include "interp/objects/num_util.h"
#include "interp/vm/module.h"

namespace tpy {
namespace {

struct ArrayObject : Object {
  Value storage;   // bytes object holding the items (capacity = its length), or null
  uint8_t* data;   // its first byte
  int64_t length;  // items
  int64_t exports;
  int64_t typecode;
  int64_t itemsize;
};

void trace_array(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<ArrayObject*>(self)->storage, ctx);
}

}  // namespace

constinit Type array_type{&type_type, "array.array", sizeof(ArrayObject),
                          kTypeBaseType | kTypeImmutable | kTypeSequence};
constinit Type arrayiter_type{&type_type, "array.arrayiterator", 48, kTypeImmutable};

namespace {

constexpr const char kTypecodes[] = "bBuhHiIlLqQfd";

int64_t size_of(char tc) {
  switch (tc) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'u': case 'f': return 4;
    default: return 8;
  }
}

ArrayObject* arr(Value v) { return static_cast<ArrayObject*>(v.as_object()); }
char tc_of(ArrayObject* a) { return static_cast<char>(a->typecode); }

bool check_resize(ArrayObject* a) {
  if (a->exports == 0) return true;
  raise_error(exc_BufferError, "cannot resize an array that is exporting buffers");
  return false;
}

// Capacity for [n] items; refuses to resize while buffers are exported.
bool reserve(ArrayObject* a, int64_t n) {
  if (n != a->length && !check_resize(a)) return false;
  int64_t need = n * a->itemsize;
  int64_t cap = a->storage.is_null() ? 0 : as_bytes(a->storage)->length;
  if (need <= cap) return true;
  int64_t ncap = std::max<int64_t>(need, cap * 2 < 16 ? 16 : cap * 2);
  Value s = bytes_new_uninit(ncap);
  if (s.is_null()) return false;
  uint8_t* d = as_bytes(s)->data();
  if (a->length > 0) std::memcpy(d, a->data, static_cast<size_t>(a->length * a->itemsize));
  gc::store(a, &a->storage, s);
  a->data = d;
  return true;
}

// -- Items ----------------------------------------------------------------------------------------

Value get_item(ArrayObject* a, int64_t i) {
  const uint8_t* p = a->data + i * a->itemsize;
  switch (tc_of(a)) {
    case 'b': return Value::from_int(*reinterpret_cast<const int8_t*>(p));
    case 'B': return Value::from_int(*p);
    case 'h': { int16_t x; std::memcpy(&x, p, 2); return Value::from_int(x); }
    case 'H': { uint16_t x; std::memcpy(&x, p, 2); return Value::from_int(x); }
    case 'i': { int32_t x; std::memcpy(&x, p, 4); return Value::from_int(x); }
    case 'I': { uint32_t x; std::memcpy(&x, p, 4); return Value::from_int(x); }
    case 'l': case 'q': { int64_t x; std::memcpy(&x, p, 8); return int_from_i64(x); }
    case 'L': case 'Q': { uint64_t x; std::memcpy(&x, p, 8); return int_from_u64(x); }
    case 'f': { float x; std::memcpy(&x, p, 4); return float_from_double(x); }
    case 'd': { double x; std::memcpy(&x, p, 8); return float_from_double(x); }
    default: { uint32_t c; std::memcpy(&c, p, 4); return str_from_code_point(c); }
  }
}

bool overflow(const char* message) {
  raise_error(exc_OverflowError, message);
  return false;
}

// Converts [v] for typecode [tc] into [out] (itemsize bytes); false with CPython's error.
bool convert_item(char tc, Value v, uint8_t* out) {
  if (tc == 'u') {
    if (!is_str(v) || str_length(v) != 1) {
      raise_error(exc_TypeError, "array item must be unicode character");
      return false;
    }
    uint32_t cp = as_str(v)->at(0);
    std::memcpy(out, &cp, 4);
    return true;
  }
  if (tc == 'f' || tc == 'd') {
    double d;
    if (!math_mod::arg_double(v, &d)) return false;
    if (tc == 'f') {
      float f = static_cast<float>(d);
      std::memcpy(out, &f, 4);
    } else {
      std::memcpy(out, &d, 8);
    }
    return true;
  }
  Value i = number_index(v);
  if (i.is_null()) return false;
  bool is_unsigned = tc == 'I' || tc == 'L' || tc == 'Q';
  if (is_unsigned) {
    if (int_sign(i) < 0)
      return overflow(tc == 'Q' ? "can't convert negative int to unsigned"
                                : "can't convert negative value to unsigned int");
    if (int_bit_length(i) > 64)
      return overflow(tc == 'Q' ? "int too big to convert"
                                : "Python int too large to convert to C unsigned long");
    uint64_t storage;
    text::IntView iv = int_view(i, &storage);
    uint64_t u = iv.n ? iv.limbs[0] : 0;
    if (tc == 'I') {
      if (u > 0xffffffffu) return overflow("unsigned int is greater than maximum");
      uint32_t x = static_cast<uint32_t>(u);
      std::memcpy(out, &x, 4);
    } else {
      std::memcpy(out, &u, 8);
    }
    return true;
  }
  int64_t x;
  if (!int_to_i64(i, &x))
    return overflow(tc == 'q' ? "int too big to convert" : "Python int too large to convert to C long");
  auto range = [&](int64_t lo, int64_t hi, const char* name) {
    if (x > hi) return overflow((std::string(name) + " is greater than maximum").c_str());
    if (x < lo) return overflow((std::string(name) + " is less than minimum").c_str());
    return true;
  };
  switch (tc) {
    case 'b': { if (!range(-128, 127, "signed char")) return false; int8_t y = static_cast<int8_t>(x); std::memcpy(out, &y, 1); return true; }
    case 'B': { if (!range(0, 255, "unsigned byte integer")) return false; uint8_t y = static_cast<uint8_t>(x); std::memcpy(out, &y, 1); return true; }
    case 'h': { if (!range(-32768, 32767, "signed short integer")) return false; int16_t y = static_cast<int16_t>(x); std::memcpy(out, &y, 2); return true; }
    case 'H': { if (!range(0, 65535, "unsigned short")) return false; uint16_t y = static_cast<uint16_t>(x); std::memcpy(out, &y, 2); return true; }
    case 'i': { if (!range(INT32_MIN, INT32_MAX, "signed integer")) return false; int32_t y = static_cast<int32_t>(x); std::memcpy(out, &y, 4); return true; }
    default: std::memcpy(out, &x, 8); return true;
  }
}

bool append(ArrayObject* a, Value v) {
  uint8_t tmp[8];
  if (!convert_item(tc_of(a), v, tmp)) return false;
  if (!reserve(a, a->length + 1)) return false;
  std::memcpy(a->data + a->length * a->itemsize, tmp, static_cast<size_t>(a->itemsize));
  a->length++;
  return true;
}

bool append_bytes(ArrayObject* a, const uint8_t* p, int64_t nbytes) {
  int64_t n = nbytes / a->itemsize;
  if (!reserve(a, a->length + n)) return false;
  if (nbytes > 0) std::memcpy(a->data + a->length * a->itemsize, p, static_cast<size_t>(nbytes));
  a->length += n;
  return true;
}

Value new_array(Type* t, char tc) {
  auto* a = static_cast<ArrayObject*>(alloc_instance(t));
  if (a == nullptr) return raise_no_memory();
  a->typecode = tc;
  a->itemsize = size_of(tc);
  return Value::from_object(a);
}

Value copy_range(Value self, int64_t start, int64_t n) {
  ArrayObject* a = arr(self);
  Value r = new_array(&array_type, tc_of(a));
  if (r.is_null()) return r;
  if (!append_bytes(arr(r), a->data + start * a->itemsize, n * a->itemsize)) return Value();
  return r;
}

bool extend_iterable(ArrayObject* a, Value iterable) {
  Value it = get_iter(iterable);
  if (it.is_null()) return false;
  for (;;) {
    Value v = iter_next(it);
    if (v.is_null()) return !error_occurred();
    if (!append(a, v)) return false;
  }
}

bool extend_array(ArrayObject* a, Value other) {
  ArrayObject* b = arr(other);
  if (b->typecode != a->typecode) {
    raise_error(exc_TypeError, "can only extend with array of same kind");
    return false;
  }
  std::string copy(reinterpret_cast<const char*>(b->data), static_cast<size_t>(b->length * b->itemsize));
  return append_bytes(a, reinterpret_cast<const uint8_t*>(copy.data()), static_cast<int64_t>(copy.size()));
}

bool is_array(Value v) { return is_instance_of(v, &array_type); }

std::u32string code_points(Value s) {
  std::u32string out;
  StrObject* o = as_str(s);
  for (int64_t i = 0; i < o->length; i++) out += static_cast<char32_t>(o->at(i));
  return out;
}

// -- Construction ---------------------------------------------------------------------------------

Value array_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &array_type && !check_no_kwargs("array.array", kwnames)) return Value();
  if (!check_unpack("array", nargs, 1, 2)) return Value();
  Value tcv = args[0];
  if (!is_str(tcv) || str_length(tcv) != 1)
    return raise_format(exc_TypeError,
                        "array() argument 1 must be a unicode character, not %.200s",
                        type_of(tcv)->c_name());
  std::string tcs = str_to_utf8(tcv);
  char tc = tcs[0];
  if (tcs.size() != 1 || std::strchr(kTypecodes, tc) == nullptr)
    return raise_error(exc_ValueError,
                       "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  Value r = new_array(type, tc);
  if (r.is_null() || nargs == 1) return r;
  ArrayObject* a = arr(r);
  Value init = args[1];
  if (is_str(init)) {
    if (tc != 'u')
      return raise_format(exc_TypeError,
                          "cannot use a str to initialize an array with typecode '%c'", tc);
    std::u32string cps = code_points(init);
    if (!append_bytes(a, reinterpret_cast<const uint8_t*>(cps.data()),
                      static_cast<int64_t>(cps.size() * 4)))
      return Value();
    return r;
  }
  if (is_array(init)) {
    if (arr(init)->typecode == 'u' && tc != 'u')
      return raise_format(exc_TypeError,
                          "cannot use a unicode array to initialize an array with typecode '%c'", tc);
    if (!extend_iterable(a, init)) return Value();
    return r;
  }
  if (is_bytes(init) || is_bytearray(init)) {
    std::string_view b = bytes_view(init);
    if (static_cast<int64_t>(b.size()) % a->itemsize != 0)
      return raise_error(exc_ValueError, "bytes length not a multiple of item size");
    if (!append_bytes(a, reinterpret_cast<const uint8_t*>(b.data()), static_cast<int64_t>(b.size())))
      return Value();
    return r;
  }
  if (!extend_iterable(a, init)) return Value();
  return r;
}

// -- Methods --------------------------------------------------------------------------------------

Value m_append(Value self, const Value* args, size_t, Value) {
  return append(arr(self), args[0]) ? None() : Value();
}

Value m_extend(Value self, const Value* args, size_t, Value) {
  ArrayObject* a = arr(self);
  bool ok = is_array(args[0]) ? extend_array(a, args[0]) : extend_iterable(a, args[0]);
  return ok ? None() : Value();
}

Value m_buffer_info(Value self, const Value*, size_t, Value) {
  ArrayObject* a = arr(self);
  return tuple_pack({int_from_u64(reinterpret_cast<uintptr_t>(a->data)), int_from_i64(a->length)});
}

Value m_byteswap(Value self, const Value*, size_t, Value) {
  ArrayObject* a = arr(self);
  for (int64_t i = 0; i < a->length; i++) {
    uint8_t* p = a->data + i * a->itemsize;
    std::reverse(p, p + a->itemsize);
  }
  return None();
}

int64_t find(Value self, Value v, int64_t start, int64_t stop, bool* error) {
  ArrayObject* a = arr(self);
  *error = false;
  for (int64_t i = start; i < stop && i < a->length; i++) {
    Value item = get_item(a, i);
    if (item.is_null()) return *error = true, -1;
    int eq = object_equal(item, v);
    if (eq < 0) return *error = true, -1;
    if (eq) return i;
  }
  return -1;
}

Value m_count(Value self, const Value* args, size_t, Value) {
  ArrayObject* a = arr(self);
  int64_t n = 0;
  for (int64_t i = 0; i < a->length; i++) {
    int eq = object_equal(get_item(a, i), args[0]);
    if (eq < 0) return Value();
    n += eq;
  }
  return int_from_i64(n);
}

Value m_index(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("index", nargs, 1, 3)) return Value();
  int64_t n = arr(self)->length, start = 0, stop = INT64_MAX;
  if (nargs > 1 && !arg_to_ssize_clamped(args[1], &start)) return Value();
  if (nargs > 2 && !arg_to_ssize_clamped(args[2], &stop)) return Value();
  if (start < 0 && (start += n) < 0) start = 0;
  if (stop < 0 && (stop += n) < 0) stop = 0;
  bool error;
  int64_t i = find(self, args[0], start, stop, &error);
  if (error) return Value();
  if (i < 0) return raise_error(exc_ValueError, "array.index(x): x not in array");
  return int_from_i64(i);
}

void remove_range(ArrayObject* a, int64_t start, int64_t n) {
  int64_t sz = a->itemsize;
  std::memmove(a->data + start * sz, a->data + (start + n) * sz,
               static_cast<size_t>((a->length - start - n) * sz));
  a->length -= n;
}

Value m_remove(Value self, const Value* args, size_t, Value) {
  bool error;
  int64_t i = find(self, args[0], 0, INT64_MAX, &error);
  if (error) return Value();
  if (i < 0) return raise_error(exc_ValueError, "array.remove(x): x not in array");
  if (!check_resize(arr(self))) return Value();
  remove_range(arr(self), i, 1);
  return None();
}

Value m_pop(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("pop", nargs, 0, 1)) return Value();
  ArrayObject* a = arr(self);
  int64_t i = -1;
  if (nargs == 1 && !arg_to_index(args[0], &i)) return Value();
  if (a->length == 0) return raise_error(exc_IndexError, "pop from empty array");
  if (i < 0) i += a->length;
  if (i < 0 || i >= a->length) return raise_error(exc_IndexError, "pop index out of range");
  if (!check_resize(a)) return Value();
  Value v = get_item(a, i);
  remove_range(a, i, 1);
  return v;
}

Value m_insert(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("insert", nargs, 2, 2)) return Value();
  ArrayObject* a = arr(self);
  int64_t i;
  if (!arg_to_index(args[0], &i)) return Value();
  uint8_t tmp[8];
  if (!convert_item(tc_of(a), args[1], tmp) || !reserve(a, a->length + 1)) return Value();
  if (i < 0 && (i += a->length) < 0) i = 0;
  if (i > a->length) i = a->length;
  int64_t sz = a->itemsize;
  std::memmove(a->data + (i + 1) * sz, a->data + i * sz, static_cast<size_t>((a->length - i) * sz));
  std::memcpy(a->data + i * sz, tmp, static_cast<size_t>(sz));
  a->length++;
  return None();
}

Value m_reverse(Value self, const Value*, size_t, Value) {
  ArrayObject* a = arr(self);
  int64_t sz = a->itemsize;
  uint8_t tmp[8];
  for (int64_t i = 0, j = a->length - 1; i < j; i++, j--) {
    std::memcpy(tmp, a->data + i * sz, sz);
    std::memcpy(a->data + i * sz, a->data + j * sz, sz);
    std::memcpy(a->data + j * sz, tmp, sz);
  }
  return None();
}

Value m_tobytes(Value self, const Value*, size_t, Value) {
  ArrayObject* a = arr(self);
  return bytes_from_data(a->data, static_cast<size_t>(a->length * a->itemsize));
}

Value m_frombytes(Value self, const Value* args, size_t, Value) {
  ArrayObject* a = arr(self);
  BufferView b;
  if (!b.get(args[0])) return Value();
  if (b.b.len % a->itemsize != 0)
    return raise_error(exc_ValueError, "bytes length not a multiple of item size");
  std::string copy(b.bytes());
  return append_bytes(a, reinterpret_cast<const uint8_t*>(copy.data()), b.b.len) ? None() : Value();
}

Value m_tolist(Value self, const Value*, size_t, Value) {
  ArrayObject* a = arr(self);
  Value l = list_new(a->length);
  if (l.is_null()) return l;
  for (int64_t i = 0; i < a->length; i++) {
    Value v = get_item(a, i);
    if (v.is_null() || list_append(l, v) < 0) return Value();
  }
  return l;
}

Value m_fromlist(Value self, const Value* args, size_t, Value) {
  if (!is_list(args[0])) return raise_error(exc_TypeError, "arg must be list");
  ArrayObject* a = arr(self);
  int64_t old = a->length;
  for (int64_t i = 0; i < list_length(args[0]); i++) {
    if (!append(a, list_at(args[0], i))) {
      a->length = old;
      return Value();
    }
  }
  return None();
}

Value m_tounicode(Value self, const Value*, size_t, Value) {
  ArrayObject* a = arr(self);
  if (a->typecode != 'u')
    return raise_error(exc_ValueError, "tounicode() may only be called on unicode type arrays");
  return str_from_code_points(reinterpret_cast<const uint32_t*>(a->data), static_cast<size_t>(a->length));
}

Value m_fromunicode(Value self, const Value* args, size_t, Value) {
  ArrayObject* a = arr(self);
  if (!is_str(args[0]))
    return raise_format(exc_TypeError, "fromunicode() argument must be str, not %.200s",
                        type_of(args[0])->c_name());
  if (a->typecode != 'u')
    return raise_error(exc_ValueError, "fromunicode() may only be called on unicode type arrays");
  std::u32string cps = code_points(args[0]);
  return append_bytes(a, reinterpret_cast<const uint8_t*>(cps.data()), static_cast<int64_t>(cps.size() * 4))
             ? None()
             : Value();
}

Value m_tofile(Value self, const Value* args, size_t, Value) {
  Value b = m_tobytes(self, nullptr, 0, Value());
  if (b.is_null()) return b;
  static StrConst k_write("write");
  Value r = call_method(args[0], k_write.get(), &b, 1);
  return r.is_null() ? r : None();
}

Value m_fromfile(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("fromfile", nargs, 2, 2)) return Value();
  ArrayObject* a = arr(self);
  int64_t n;
  if (!arg_to_index(args[1], &n)) return Value();
  if (n < 0) return raise_error(exc_ValueError, "negative count");
  static StrConst k_read("read");
  Value want = int_from_i64(n * a->itemsize);
  Value b = call_method(args[0], k_read.get(), &want, 1);
  if (b.is_null()) return b;
  if (!is_bytes(b)) return raise_error(exc_TypeError, "read() didn't return bytes");
  std::string_view v = bytes_view(b);
  int64_t whole = static_cast<int64_t>(v.size()) / a->itemsize * a->itemsize;
  if (!append_bytes(a, reinterpret_cast<const uint8_t*>(v.data()), whole)) return Value();
  if (static_cast<int64_t>(v.size()) != n * a->itemsize)
    return raise_error(exc_EOFError, "read() didn't return enough bytes");
  return None();
}

Value m_copy(Value self, const Value*, size_t, Value) { return copy_range(self, 0, arr(self)->length); }

Value m_reduce_ex(Value self, const Value*, size_t, Value) {
  ArrayObject* a = arr(self);
  Value list = m_tolist(self, nullptr, 0, Value());
  if (list.is_null()) return list;
  static StrConst k_dict("__dict__");
  Value d = getattr_opt(self, k_dict.get());
  if (d.is_null()) {
    if (error_occurred()) return d;
    d = None();
  }
  Value args = tuple_pack({str_from_code_point(static_cast<uint32_t>(a->typecode)), list});
  if (args.is_null()) return args;
  return tuple_pack({Value::from_object(type_of(self)), args, d});
}

Value m_sizeof(Value self, const Value*, size_t, Value) {
  ArrayObject* a = arr(self);
  return int_from_i64(64 + (a->storage.is_null() ? 0 : as_bytes(a->storage)->length));
}

const MethodDef array_methods[] = {
    {"append", m_append, kMethO, "Append new value v to the end of the array."},
    {"buffer_info", m_buffer_info, kMethNoArgs, "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents."},
    {"byteswap", m_byteswap, kMethNoArgs, "Byteswap all items of the array."},
    {"__copy__", m_copy, kMethNoArgs, "Return a copy of the array."},
    {"count", m_count, kMethO, "Return number of occurrences of v in the array."},
    {"__deepcopy__", m_copy, kMethO, "Return a copy of the array."},
    {"extend", m_extend, kMethO, "Append items to the end of the array."},
    {"frombytes", m_frombytes, kMethO, "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method."},
    {"fromfile", m_fromfile, kMethFast, "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", m_fromlist, kMethO, "Append items to array from list."},
    {"fromunicode", m_fromunicode, kMethO, "Extends this array with data from the unicode string ustr."},
    {"index", m_index, kMethFast, "Return index of first occurrence of v in the array."},
    {"insert", m_insert, kMethFast, "Insert a new item v into the array before position i."},
    {"pop", m_pop, kMethFast, "Return the i-th element and delete it from the array."},
    {"__reduce_ex__", m_reduce_ex, kMethO, "Return state information for pickling."},
    {"remove", m_remove, kMethO, "Remove the first occurrence of v in the array."},
    {"reverse", m_reverse, kMethNoArgs, "Reverse the order of the items in the array."},
    {"tofile", m_tofile, kMethO, "Write all items (as machine values) to the file object f."},
    {"tolist", m_tolist, kMethNoArgs, "Convert array to an ordinary list with the same items."},
    {"tobytes", m_tobytes, kMethNoArgs, "Convert the array to an array of machine values and return the bytes representation."},
    {"tounicode", m_tounicode, kMethNoArgs, "Extends this array with data from the unicode string ustr."},
    {"__sizeof__", m_sizeof, kMethNoArgs, "Size of the array in memory, in bytes."},
    TPY_CLASS_GETITEM_ROW,
    {nullptr, nullptr, 0, nullptr}};

Value get_typecode(Value self) { return str_from_code_point(static_cast<uint32_t>(arr(self)->typecode)); }
Value get_itemsize(Value self) { return int_from_i64(arr(self)->itemsize); }

const GetSetDef array_getsets[] = {
    {"typecode", get_typecode, nullptr, "the typecode character used to create the array"},
    {"itemsize", get_itemsize, nullptr, "the size, in bytes, of one array item"},
    {nullptr, nullptr, nullptr, nullptr}};

// -- Slots ----------------------------------------------------------------------------------------

int64_t array_len(Value self) { return arr(self)->length; }

Value array_repr(Value self) {
  ArrayObject* a = arr(self);
  StrBuilder b;
  b.str(type_name_value(type_of(self))).text("('").text(std::string(1, tc_of(a))).text("'");
  if (a->length > 0) {
    Value body = a->typecode == 'u' ? m_tounicode(self, nullptr, 0, Value())
                                    : m_tolist(self, nullptr, 0, Value());
    if (body.is_null()) return body;
    b.text(", ").repr(body);
  }
  return b.text(")").finish();
}

Value array_getitem(Value self, Value key) {
  ArrayObject* a = arr(self);
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key, a->length, &start, &stop, &step);
    if (n < 0) return Value();
    if (step == 1) return copy_range(self, start, n);
    Value r = new_array(&array_type, tc_of(a));
    if (r.is_null() || !reserve(arr(r), n)) return Value();
    for (int64_t k = 0; k < n; k++)
      std::memcpy(arr(r)->data + k * a->itemsize, a->data + (start + k * step) * a->itemsize,
                  static_cast<size_t>(a->itemsize));
    arr(r)->length = n;
    return r;
  }
  int64_t i;
  if (!sequence_index(key, "array", &i)) return Value();
  if (i < 0) i += a->length;
  if (i < 0 || i >= a->length) return raise_error(exc_IndexError, "array index out of range");
  return get_item(a, i);
}

int array_setitem(Value self, Value key, Value v) {
  ArrayObject* a = arr(self);
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key, a->length, &start, &stop, &step);
    if (n < 0) return -1;
    int64_t sz = a->itemsize;
    if (v.is_null()) {  // del a[slice]
      if (n == 0) return 0;
      if (!check_resize(a)) return -1;
      if (step < 0) {
        start = start + step * (n - 1);
        step = -step;
      }
      int64_t w = start;
      for (int64_t r = start; r < a->length; r++) {
        bool deleted = r >= start && (r - start) % step == 0 && (r - start) / step < n;
        if (!deleted) std::memmove(a->data + (w++) * sz, a->data + r * sz, static_cast<size_t>(sz));
      }
      a->length = w;
      return 0;
    }
    if (!is_array(v)) {
      raise_format(exc_TypeError, "can only assign array (not \"%.200s\") to array slice",
                   type_of(v)->c_name());
      return -1;
    }
    ArrayObject* b = arr(v);
    if (b->typecode != a->typecode) {
      raise_error(exc_TypeError, "bad argument type for built-in operation");
      return -1;
    }
    std::string src(reinterpret_cast<const char*>(b->data), static_cast<size_t>(b->length * sz));
    int64_t m = b->length;
    if (step == 1) {
      if (m != n && !check_resize(a)) return -1;
      if (m > n && !reserve(a, a->length + m - n)) return -1;
      std::memmove(a->data + (start + m) * sz, a->data + (start + n) * sz,
                   static_cast<size_t>((a->length - start - n) * sz));
      std::memcpy(a->data + start * sz, src.data(), src.size());
      a->length += m - n;
      return 0;
    }
    if (m != n) {
      raise_format(exc_ValueError, "attempt to assign array of size %lld to extended slice of size %lld",
                   static_cast<long long>(m), static_cast<long long>(n));
      return -1;
    }
    for (int64_t k = 0; k < n; k++)
      std::memcpy(a->data + (start + k * step) * sz, src.data() + k * sz, static_cast<size_t>(sz));
    return 0;
  }
  int64_t i;
  if (!sequence_index(key, "array", &i)) return -1;
  if (i < 0) i += a->length;
  if (i < 0 || i >= a->length) {
    raise_error(exc_IndexError, v.is_null() ? "array assignment index out of range"
                                            : "array assignment index out of range");
    return -1;
  }
  if (v.is_null()) {
    if (!check_resize(a)) return -1;
    remove_range(a, i, 1);
    return 0;
  }
  return convert_item(tc_of(a), v, a->data + i * a->itemsize) ? 0 : -1;
}

int array_contains(Value self, Value v) {
  bool error;
  int64_t i = find(self, v, 0, INT64_MAX, &error);
  return error ? -1 : i >= 0;
}

Value array_richcompare(Value x, Value y, CompareOp op) {
  if (!is_array(x) || !is_array(y)) return NotImplemented();
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && arr(x)->length != arr(y)->length)
    return Bool(op == CompareOp::Ne);
  Value lx = m_tolist(x, nullptr, 0, Value());
  if (lx.is_null()) return lx;
  Value ly = m_tolist(y, nullptr, 0, Value());
  if (ly.is_null()) return ly;
  return compare(lx, ly, op);
}

Value array_concat(Value x, Value y) {
  if (!is_array(x)) return NotImplemented();
  if (!is_array(y))
    return raise_format(exc_TypeError, "can only append array (not \"%.200s\") to array",
                        type_of(y)->c_name());
  if (arr(x)->typecode != arr(y)->typecode)
    return raise_error(exc_TypeError, "bad argument type for built-in operation");
  Value r = copy_range(x, 0, arr(x)->length);
  if (r.is_null() || !extend_array(arr(r), y)) return Value();
  return r;
}

Value array_iconcat(Value x, Value y) {
  if (!is_array(y))
    return raise_format(exc_TypeError, "can only extend array with array (not \"%.200s\")",
                        type_of(y)->c_name());
  return extend_array(arr(x), y) ? x : Value();
}

bool repeat_into(ArrayObject* r, ArrayObject* src_a, int64_t n) {
  std::string src(reinterpret_cast<const char*>(src_a->data), static_cast<size_t>(src_a->length * src_a->itemsize));
  for (int64_t k = 0; k < n; k++)
    if (!append_bytes(r, reinterpret_cast<const uint8_t*>(src.data()), static_cast<int64_t>(src.size())))
      return false;
  return true;
}

Value array_repeat(Value x, Value y) {
  Value self = is_array(x) ? x : y, count = is_array(x) ? y : x;
  if (!has_index(count)) return NotImplemented();
  int64_t n;
  if (!repeat_count(count, &n)) return Value();
  Value r = new_array(&array_type, tc_of(arr(self)));
  if (r.is_null() || !repeat_into(arr(r), arr(self), n)) return Value();
  return r;
}

Value array_irepeat(Value x, Value y) {
  if (!has_index(y)) return NotImplemented();
  int64_t n;
  if (!repeat_count(y, &n)) return Value();
  ArrayObject* a = arr(x);
  if (n <= 0) {
    if (!check_resize(a)) return Value();
    a->length = 0;
    return x;
  }
  Value src = copy_range(x, 0, a->length);
  if (src.is_null() || !repeat_into(a, arr(src), n - 1)) return Value();
  return x;
}

bool array_get_buffer(Value obj, Buffer* out, int) {
  ArrayObject* a = arr(obj);
  static uint8_t empty[8];
  out->obj = obj;
  out->owner = a->storage;
  out->data = a->data ? a->data : empty;
  out->itemsize = a->itemsize;
  out->shape = a->length;
  out->len = a->length * a->itemsize;
  out->stride = a->itemsize;
  out->readonly = false;
  out->format[0] = a->typecode == 'u' ? 'w' : static_cast<char>(a->typecode);
  out->format[1] = 0;
  a->exports++;
  return true;
}

void array_release_buffer(Value obj, Buffer*) { arr(obj)->exports--; }

// -- Iterator -------------------------------------------------------------------------------------

struct ArrayIterObject : Object {
  Value array;
  int64_t index;
};
static_assert(sizeof(ArrayIterObject) <= 48);

void trace_arrayiter(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<ArrayIterObject*>(self)->array, ctx);
}

Value array_iter(Value self) {
  auto* it = static_cast<ArrayIterObject*>(alloc_instance(&arrayiter_type));
  if (it == nullptr) return raise_no_memory();
  gc::store(it, &it->array, self);
  return Value::from_object(it);
}

Value arrayiter_next(Value self) {
  auto* it = static_cast<ArrayIterObject*>(self.as_object());
  if (it->array.is_null()) return Value();
  ArrayObject* a = arr(it->array);
  if (it->index >= a->length) {
    gc::store(it, &it->array, Value());
    return Value();
  }
  return get_item(a, it->index++);
}

Value iter_self(Value self) { return self; }

}  // namespace

Value create_array_module() {
  static bool ready = false;
  if (!ready) {
    TypeSlots& s = array_type.slots;
    s.new_ = array_tp_new;
    s.repr = array_repr;
    s.richcompare = array_richcompare;
    s.getattro = generic_getattr;
    s.iter = array_iter;
    s.len = array_len;
    s.getitem = array_getitem;
    s.setitem = array_setitem;
    s.contains = array_contains;
    s.binop[static_cast<size_t>(BinOp::Add)] = array_concat;
    s.binop[static_cast<size_t>(BinOp::InplaceAdd)] = array_iconcat;
    s.binop[static_cast<size_t>(BinOp::Multiply)] = array_repeat;
    s.binop[static_cast<size_t>(BinOp::InplaceMultiply)] = array_irepeat;
    s.trace = trace_array;
    type_init(&array_type, &object_type, TypeDefs{array_methods, nullptr, array_getsets},
              "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are "
              "restricted by typecode, and\ninitialized from the optional initializer value, "
              "which must be a list,\nstring or iterable over elements of the appropriate type.");
    set_unhashable(&array_type);
    register_buffer_type(&array_type, array_get_buffer, array_release_buffer);
    arrayiter_type.slots.getattro = generic_getattr;
    arrayiter_type.slots.iter = iter_self;
    arrayiter_type.slots.iternext = arrayiter_next;
    arrayiter_type.slots.trace = trace_arrayiter;
    type_init(&arrayiter_type, &object_type, TypeDefs{});
    if (error_occurred()) return Value();
    ready = true;
  }
  Value m = module_new_cstr("array");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  Value codes = str_from_ascii(kTypecodes);
  if (codes.is_null() || dict_set_cstr(d, "typecodes", codes) < 0 ||
      dict_set_cstr(d, "array", Value::from_object(&array_type)) < 0 ||
      dict_set_cstr(d, "ArrayType", Value::from_object(&array_type)) < 0)
    return Value();
  Value doc = str_from_ascii(
      "This module defines an object type which can efficiently represent\nan array of basic "
      "values: characters, integers, floating point\nnumbers.  Arrays are sequence types and "
      "behave very much like lists,\nexcept that the type of objects stored in them is "
      "constrained.\n");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
