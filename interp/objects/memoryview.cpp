// interp/objects/memoryview.cpp -- The Python `memoryview` type over the buffer protocol (one-dimensional views).
//
// A memoryview holds one export of its underlying object for as long as it is not released,
// so a bytearray it views cannot be resized. Views made from a view (slices, casts,
// memoryview(m)) take their own export of the underlying object, like CPython's views sharing
// a managed buffer: releasing the first leaves the others valid.
#include <cstring>
#include <string>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/bytes_internal.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

constinit Type memoryview_type{&type_type, "memoryview", 0, kTypeImmutable};
constinit Type memory_iterator_type{&type_type, "memory_iterator", 0, 0};

namespace {

constexpr int kMaxDims = 8;  // CPython allows 64; deeper casts raise NotImplementedError here

struct MemoryViewObject : Object {
  Value obj;     // the underlying object (whose export this view holds)
  Value owner;   // the GC object holding the memory
  uint8_t* data;
  int64_t len;   // nbytes
  int64_t itemsize;
  int64_t shape;
  int64_t stride;
  int64_t exports;  // buffers lent by this view (bytes(m) while it copies, join...)
  int64_t hash;     // -1: not computed
  int32_t ndim;
  uint8_t readonly;
  uint8_t released;
  char format[8];
  int64_t pad_;
  // ndim >= 2 (only C-contiguous views from cast()): the logical shape and strides; shape and
  // stride above then describe the same memory flattened to one dimension.
  int64_t dims[kMaxDims];
  int64_t dim_strides[kMaxDims];
};

struct MemoryIterObject : Object {
  Value view;
  int64_t index;
  int64_t pad_;
};

MemoryViewObject* as_mv(Value v) { return static_cast<MemoryViewObject*>(v.as_object()); }
bool is_memoryview(Value v) { return v.is_object() && type_of(v) == &memoryview_type; }

bool check_released(MemoryViewObject* m) {
  if (!m->released) return true;
  raise_error(exc_ValueError, "operation forbidden on released memoryview object");
  return false;
}
// self as a view that is not released, or null with the ValueError pending.
MemoryViewObject* live_view(Value self) {
  MemoryViewObject* m = as_mv(self);
  return check_released(m) ? m : nullptr;
}

// -- Items: struct-module formats of one native item ------------------------------------------------

// The size of a native single-character format ("B", "@i"), or 0 when it is not one.
int64_t native_itemsize(std::string_view f) {
  if (!f.empty() && f[0] == '@') f.remove_prefix(1);
  if (f.size() != 1) return 0;
  switch (f[0]) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return 0;
  }
}

char fmt_char(const char* f) { return f[0] == '@' ? f[1] : f[0]; }
int64_t itemsize_of(char c) { return native_itemsize(std::string_view(&c, 1)); }
bool is_byte_format(const char* f) {
  char c = fmt_char(f);
  return f[(f[0] == '@') + 1] == 0 && (c == 'b' || c == 'B' || c == 'c');
}

template <class T>
T load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class T>
void put(uint8_t* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

Value unpack_item(const char* fmt, const uint8_t* p) {
  switch (fmt_char(fmt)) {
    case 'B': return Value::from_int(*p);
    case 'b': return Value::from_int(static_cast<int8_t>(*p));
    case 'c': return bytes_from_data(p, 1);
    case '?': return Bool(*p != 0);
    case 'h': return Value::from_int(load<int16_t>(p));
    case 'H': return Value::from_int(load<uint16_t>(p));
    case 'i': return Value::from_int(load<int32_t>(p));
    case 'I': return Value::from_int(load<uint32_t>(p));
    case 'l': case 'q': case 'n': return int_from_i64(load<int64_t>(p));
    case 'L': case 'Q': case 'N': case 'P': return int_from_u64(load<uint64_t>(p));
    case 'f': return float_from_double(load<float>(p));
    case 'd': return float_from_double(load<double>(p));
    default:
      return raise_format(exc_NotImplementedError, "memoryview: format %s not supported", fmt);
  }
}

bool pack_item(const char* fmt, uint8_t* p, Value v) {
  char c = fmt_char(fmt);
  auto invalid = [&](Type* t) {
    raise_format(t, "memoryview: invalid %s for format '%s'", t == exc_TypeError ? "type" : "value", fmt);
    return false;
  };
  switch (c) {
    case 'c': {
      if (!is_bytes(v)) return invalid(exc_TypeError);
      if (as_bytes(v)->length != 1) return invalid(exc_ValueError);
      *p = as_bytes(v)->data()[0];
      return true;
    }
    case '?': {
      int t = object_truthy(v);
      if (t < 0) return false;
      *p = static_cast<uint8_t>(t);
      return true;
    }
    case 'f': case 'd': {
      if (!is_float(v) && !v.is_int() && !type_of(v)->has_flag(kTypeIntSubclass) &&
          type_of(v)->slots.float_ == nullptr && type_of(v)->slots.index == nullptr)
        return invalid(exc_TypeError);
      Value f = number_float(v);
      if (f.is_null()) return false;
      double d = float_as_double(f);
      if (c == 'f') put<float>(p, static_cast<float>(d));
      else put<double>(p, d);
      return true;
    }
    default: break;
  }
  if (!v.is_int() && !type_of(v)->has_flag(kTypeIntSubclass) && type_of(v)->slots.index == nullptr)
    return invalid(exc_TypeError);
  Value i = number_index(v);
  if (i.is_null()) return false;
  // Every native integer format fits in [-2**63, 2**64): an int outside it is invalid for all.
  __int128 x;
  int64_t small;
  if (int_to_i64(i, &small)) {
    x = small;
  } else {
    if (int_sign(i) < 0 || int_bit_length(i) > 64) return invalid(exc_ValueError);
    Value hi = int_rshift(i, Value::from_int(32));
    Value lo = int_and(i, Value::from_int(0xFFFFFFFF));
    int64_t h, l;
    if (hi.is_null() || lo.is_null() || !int_to_i64(hi, &h) || !int_to_i64(lo, &l)) return false;
    x = (static_cast<__int128>(h) << 32) | l;
  }
  auto in = [&](__int128 lo, __int128 hi) { return x >= lo && x <= hi; };
  bool ok;
  switch (c) {
    case 'B': ok = in(0, UINT8_MAX); break;
    case 'b': ok = in(INT8_MIN, INT8_MAX); break;
    case 'h': ok = in(INT16_MIN, INT16_MAX); break;
    case 'H': ok = in(0, UINT16_MAX); break;
    case 'i': ok = in(INT32_MIN, INT32_MAX); break;
    case 'I': ok = in(0, UINT32_MAX); break;
    case 'l': case 'q': case 'n': ok = in(INT64_MIN, INT64_MAX); break;
    default: ok = in(0, UINT64_MAX); break;
  }
  if (!ok) return invalid(exc_ValueError);
  auto u = static_cast<uint64_t>(x);
  switch (itemsize_of(c)) {
    case 1: *p = static_cast<uint8_t>(u); break;
    case 2: put<uint16_t>(p, static_cast<uint16_t>(u)); break;
    case 4: put<uint32_t>(p, static_cast<uint32_t>(u)); break;
    default: put<uint64_t>(p, u); break;
  }
  return true;
}

// -- Construction -------------------------------------------------------------------------------------

Value mv_alloc() {
  Object* o = gc::alloc(sizeof(MemoryViewObject), &memoryview_type);
  if (o == nullptr) return raise_no_memory();
  as_mv(Value::from_object(o))->hash = -1;
  return Value::from_object(o);
}

// A new view of [b] (an export already taken, which the view now owns).
Value mv_from_buffer(const Buffer& b) {
  Value v = mv_alloc();
  if (v.is_null()) return v;
  MemoryViewObject* m = as_mv(v);
  gc::store(m, &m->obj, b.obj);
  gc::store(m, &m->owner, b.owner);
  m->data = b.data;
  m->len = b.len;
  m->itemsize = b.itemsize;
  m->shape = b.shape;
  m->stride = b.stride;
  m->ndim = b.ndim;
  m->readonly = b.readonly;
  std::memcpy(m->format, b.format, sizeof m->format);
  return v;
}

// A view sharing [src]'s underlying export (a new export of the underlying object).
Value mv_derive(MemoryViewObject* src) {
  Buffer b;
  if (!get_buffer(src->obj, &b, kBufAnyContiguity)) return Value();
  b.owner = src->owner;
  b.data = src->data;
  b.len = src->len;
  b.itemsize = src->itemsize;
  b.shape = src->shape;
  b.stride = src->stride;
  b.ndim = src->ndim;
  b.readonly = src->readonly;
  std::memcpy(b.format, src->format, sizeof b.format);
  Value v = mv_from_buffer(b);
  if (v.is_null()) {
    release_buffer(&b);
    return v;
  }
  std::memcpy(as_mv(v)->dims, src->dims, sizeof src->dims);
  std::memcpy(as_mv(v)->dim_strides, src->dim_strides, sizeof src->dim_strides);
  return v;
}

void mv_release_now(MemoryViewObject* m) {
  if (m->released) return;
  m->released = 1;
  Buffer b;
  b.obj = m->obj;
  release_buffer(&b);
}

}  // namespace

Value memoryview_from_object(Value obj) {
  if (is_memoryview(obj)) {
    if (!check_released(as_mv(obj))) return Value();
    return mv_derive(as_mv(obj));
  }
  Buffer b;
  if (!get_buffer_msg(obj, &b, kBufAnyContiguity, "memoryview: ")) return Value();
  Value v = mv_from_buffer(b);
  if (v.is_null()) release_buffer(&b);
  return v;
}

namespace {

// -- Slots ------------------------------------------------------------------------------------------

Value mv_tp_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"object", nullptr};
  Value obj;
  size_t given = nargs + (kwnames.is_null() ? 0 : static_cast<size_t>(tuple_length(kwnames)));
  if (given > 1)
    return raise_format(exc_TypeError, "memoryview() takes at most 1 argument (%zu given)", given);
  ArgSpec spec{"memoryview", kw, 1, 1, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&obj})) return Value();
  return memoryview_from_object(obj);
}

Value mv_repr(Value self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, as_mv(self)->released ? "<released memory at %p>" : "<memory at %p>",
                static_cast<void*>(self.as_object()));
  return str_from_ascii(buf);
}

int64_t mv_len(Value self) {
  MemoryViewObject* m = as_mv(self);
  if (!check_released(m)) return -1;
  return m->ndim == 0 ? 1 : m->ndim >= 2 ? m->dims[0] : m->shape;
}

std::string mv_tobytes_str(MemoryViewObject* m) {
  std::string out(static_cast<size_t>(m->len), '\0');
  Buffer b;
  b.data = m->data;
  b.len = m->len;
  b.itemsize = m->itemsize;
  b.shape = m->shape;
  b.stride = m->stride;
  b.ndim = m->ndim;
  buffer_copy_out(b, reinterpret_cast<uint8_t*>(out.data()));
  return out;
}

// The item at a tuple of [m->ndim] indices of a multi-dimensional view; null with an
// exception (CPython's messages) when [key] is not such a tuple.
uint8_t* nd_item_ptr(MemoryViewObject* m, Value key) {
  if (!is_tuple(key) || tuple_length(key) < m->ndim) {
    if (is_tuple(key) || has_index(key))
      raise_error(exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
    else
      raise_error(exc_TypeError, "memoryview: invalid slice key");
    return nullptr;
  }
  if (tuple_length(key) > m->ndim) {
    raise_format(exc_TypeError, "cannot index %lld-dimension view with %lld-element tuple",
                 static_cast<long long>(m->ndim), static_cast<long long>(tuple_length(key)));
    return nullptr;
  }
  uint8_t* p = m->data;
  for (int d = 0; d < m->ndim; d++) {
    Value k = tuple_at(key, d);
    int64_t i;
    if (!has_index(k)) {
      raise_error(exc_TypeError, "memoryview: invalid slice key");
      return nullptr;
    }
    if (!sequence_index(k, "memoryview", &i)) return nullptr;
    if (i < 0) i += m->dims[d];
    if (i < 0 || i >= m->dims[d]) {
      raise_format(exc_IndexError, "index out of bounds on dimension %d", d + 1);
      return nullptr;
    }
    p += i * m->dim_strides[d];
  }
  return p;
}

Value nd_getitem(Value self, MemoryViewObject* m, Value key) {
  if (key == Ellipsis()) return self;
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key, m->dims[0], &start, &stop, &step);
    if (n < 0) return Value();
    if (step != 1)
      return raise_error(exc_NotImplementedError,
                         "memoryview: strided slices of multi-dimensional views are not supported by tpy");
    Value v = mv_derive(m);
    if (v.is_null()) return v;
    MemoryViewObject* r = as_mv(v);
    int64_t row = m->dim_strides[0];
    r->data = m->data + start * row;
    r->dims[0] = n;
    r->len = n * row;
    r->shape = r->len / m->itemsize;
    return v;
  }
  uint8_t* p = nd_item_ptr(m, key);
  return p == nullptr ? Value() : unpack_item(m->format, p);
}

// tolist() of dimension [d] at [p].
Value nd_tolist(MemoryViewObject* m, const uint8_t* p, int d) {
  Value list = list_new(m->dims[d]);
  if (list.is_null()) return list;
  for (int64_t i = 0; i < m->dims[d]; i++, p += m->dim_strides[d]) {
    Value item = d + 1 == m->ndim ? unpack_item(m->format, p) : nd_tolist(m, p, d + 1);
    if (item.is_null() || list_append(list, item) < 0) return Value();
  }
  return list;
}

Value mv_getitem(Value self, Value key) {
  MemoryViewObject* m = live_view(self);
  if (m == nullptr) return Value();
  if (m->ndim == 0) {
    if (key == Ellipsis()) return self;
    if (is_tuple(key) && tuple_length(key) == 0) return unpack_item(m->format, m->data);
    return raise_error(exc_TypeError, "invalid indexing of 0-dim memory");
  }
  if (m->ndim >= 2) return nd_getitem(self, m, key);
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key, m->shape, &start, &stop, &step);
    if (n < 0) return Value();
    Value v = mv_derive(m);
    if (v.is_null()) return v;
    MemoryViewObject* r = as_mv(v);
    r->data = m->data + start * m->stride;
    r->stride = m->stride * step;
    r->shape = n;
    r->len = n * m->itemsize;
    return v;
  }
  Value k = key;
  if (is_tuple(key)) {
    if (tuple_length(key) == 0)
      return raise_error(exc_NotImplementedError, "sub-views are not implemented");
    if (tuple_length(key) != 1)
      return raise_format(exc_TypeError, "cannot index %lld-dimension view with %lld-element tuple",
                          static_cast<long long>(m->ndim), static_cast<long long>(tuple_length(key)));
    k = tuple_at(key, 0);
  }
  if (!has_index(k)) return raise_error(exc_TypeError, "memoryview: invalid slice key");
  int64_t i;
  if (!sequence_index(k, "memoryview", &i)) return Value();
  if (i < 0) i += m->shape;
  if (i < 0 || i >= m->shape) return raise_error(exc_IndexError, "index out of bounds on dimension 1");
  return unpack_item(m->format, m->data + i * m->stride);
}

int mv_setitem(Value self, Value key, Value v) {
  MemoryViewObject* m = as_mv(self);
  if (!check_released(m)) return -1;
  if (m->readonly) {
    raise_error(exc_TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (v.is_null()) {
    raise_error(exc_TypeError, "cannot delete memory");
    return -1;
  }
  if (m->ndim >= 2) {
    uint8_t* p = nd_item_ptr(m, key);
    return p != nullptr && pack_item(m->format, p, v) ? 0 : -1;
  }
  if (m->ndim == 0) {
    if (key == Ellipsis() || (is_tuple(key) && tuple_length(key) == 0))
      return pack_item(m->format, m->data, v) ? 0 : -1;
    raise_error(exc_TypeError, "invalid indexing of 0-dim memory");
    return -1;
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key, m->shape, &start, &stop, &step);
    if (n < 0) return -1;
    BufferView src;
    if (!src.get(v, kBufAnyContiguity)) return -1;
    if (src.b.shape != n || src.b.itemsize != m->itemsize ||
        std::strcmp(src.b.format[0] == '@' ? src.b.format + 1 : src.b.format,
                    m->format[0] == '@' ? m->format + 1 : m->format) != 0) {
      raise_error(exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
    std::string tmp(static_cast<size_t>(src.b.len), '\0');
    buffer_copy_out(src.b, reinterpret_cast<uint8_t*>(tmp.data()));
    for (int64_t i = 0; i < n; i++)
      std::memcpy(m->data + (start + i * step) * m->stride,
                  tmp.data() + i * m->itemsize, static_cast<size_t>(m->itemsize));
    return 0;
  }
  Value k = key;
  if (is_tuple(key) && tuple_length(key) == 1) k = tuple_at(key, 0);
  if (!has_index(k)) {
    raise_error(exc_TypeError, "memoryview: invalid slice key");
    return -1;
  }
  int64_t i;
  if (!sequence_index(k, "memoryview", &i)) return -1;
  if (i < 0) i += m->shape;
  if (i < 0 || i >= m->shape) {
    raise_error(exc_IndexError, "index out of bounds on dimension 1");
    return -1;
  }
  return pack_item(m->format, m->data + i * m->stride, v) ? 0 : -1;
}

Value mv_richcompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return NotImplemented();
  if (!is_memoryview(a)) std::swap(a, b);
  MemoryViewObject* m = as_mv(a);
  bool eq;
  if (a == b) {
    eq = true;
  } else if (m->released || (is_memoryview(b) && as_mv(b)->released)) {
    eq = false;
  } else if (!has_buffer(b)) {
    return NotImplemented();
  } else {
    Value vb = memoryview_from_object(b);
    if (vb.is_null()) return vb;
    MemoryViewObject* o = as_mv(vb);
    if (o->ndim != m->ndim || o->shape != m->shape ||
        (m->ndim >= 2 && std::memcmp(m->dims, o->dims, sizeof(int64_t) * m->ndim) != 0)) {
      eq = false;
    } else if (is_byte_format(m->format) && is_byte_format(o->format) &&
               fmt_char(m->format) == fmt_char(o->format)) {
      eq = mv_tobytes_str(m) == mv_tobytes_str(o);
    } else {
      eq = true;
      int64_t n = m->ndim == 0 ? 1 : m->shape;
      for (int64_t i = 0; i < n && eq; i++) {
        Value x = unpack_item(m->format, m->data + i * m->stride);
        Value y = unpack_item(o->format, o->data + i * o->stride);
        if (x.is_null() || y.is_null()) {
          mv_release_now(o);
          return Value();
        }
        int r = object_equal(x, y);
        if (r < 0) {
          mv_release_now(o);
          return Value();
        }
        eq = r != 0;
      }
    }
    mv_release_now(o);
  }
  return Bool(op == CompareOp::Eq ? eq : !eq);
}

int64_t mv_hash(Value self) {
  MemoryViewObject* m = as_mv(self);
  if (m->hash != -1) return m->hash;
  if (!check_released(m)) return -1;
  if (!m->readonly) {
    raise_error(exc_ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  if (!is_byte_format(m->format)) {
    raise_error(exc_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  // The underlying object must be hashable too (CPython checks it the same way).
  if (!m->obj.is_null() && object_hash(m->obj) == -1) return -1;
  Value b = bytes_from_view(mv_tobytes_str(m));
  if (b.is_null()) return -1;
  m->hash = bytes_hash(b);
  return m->hash;
}

Value mv_iter(Value self) {
  MemoryViewObject* m = live_view(self);
  if (m == nullptr) return Value();
  if (m->ndim == 0) return raise_error(exc_TypeError, "invalid indexing of 0-dim memory");
  if (m->ndim >= 2)
    return raise_error(exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
  auto* it = static_cast<MemoryIterObject*>(gc::alloc(sizeof(MemoryIterObject), &memory_iterator_type));
  if (it == nullptr) return raise_no_memory();
  gc::store(it, &it->view, self);
  return Value::from_object(it);
}

Value mv_iter_next(Value self) {
  auto* it = static_cast<MemoryIterObject*>(self.as_object());
  if (it->view.is_null()) return Value();
  MemoryViewObject* m = as_mv(it->view);
  if (!check_released(m)) return Value();
  if (it->index >= m->shape) {
    it->view = Value();
    return Value();
  }
  return unpack_item(m->format, m->data + (it->index++) * m->stride);
}

void trace_mv(Object* self, VisitFn visit, void* ctx) {
  auto* m = static_cast<MemoryViewObject*>(self);
  visit(&m->obj, ctx);
  visit(&m->owner, ctx);
}

void trace_mv_iter(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<MemoryIterObject*>(self)->view, ctx);
}

// -- Buffer export of a memoryview ----------------------------------------------------------------------

bool mv_get_buffer(Value obj, Buffer* out, int flags) {
  MemoryViewObject* m = as_mv(obj);
  if (!check_released(m)) return false;
  if ((flags & kBufWritable) && m->readonly) {
    raise_error(exc_BufferError, "memoryview: underlying buffer is not writable");
    return false;
  }
  out->obj = obj;
  out->owner = m->owner;
  out->data = m->data;
  out->len = m->len;
  out->itemsize = m->itemsize;
  out->shape = m->shape;
  out->stride = m->stride;
  out->ndim = m->ndim >= 2 ? 1 : m->ndim;  // consumers see the memory flattened
  out->readonly = m->readonly;
  std::memcpy(out->format, m->format, sizeof out->format);
  m->exports++;
  return true;
}

void mv_release_buffer(Value obj, Buffer*) { as_mv(obj)->exports--; }

// -- Methods ---------------------------------------------------------------------------------------------

Value m_release(Value self, const Value*, size_t, Value) {
  MemoryViewObject* m = as_mv(self);
  if (m->released) return None();
  if (m->exports > 0)
    return raise_format(exc_BufferError, "memoryview has %lld exported buffer%s",
                        static_cast<long long>(m->exports), m->exports == 1 ? "" : "s");
  mv_release_now(m);
  return None();
}

Value m_enter(Value self, const Value*, size_t, Value) {
  if (!check_released(as_mv(self))) return Value();
  return self;
}

Value m_exit(Value self, const Value*, size_t, Value) { return m_release(self, nullptr, 0, Value()); }

Value m_tobytes(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"order", nullptr};
  Value order;
  ArgSpec spec{"tobytes", kw, 0, 1, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&order})) return Value();
  MemoryViewObject* m = live_view(self);
  if (m == nullptr) return Value();
  if (!order.is_null() && !is_none(order)) {
    if (!is_str(order))
      return raise_format(exc_TypeError, "tobytes() argument 'order' must be str or None, not %.200s",
                          type_of(order)->c_name());
    if (!str_equal_ascii(order, "C") && !str_equal_ascii(order, "F") && !str_equal_ascii(order, "A"))
      return raise_error(exc_ValueError, "order must be 'C', 'F' or 'A'");
  }
  return bytes_from_view(mv_tobytes_str(m));
}

Value m_tolist(Value self, const Value*, size_t, Value) {
  MemoryViewObject* m = live_view(self);
  if (m == nullptr) return Value();
  if (m->ndim == 0) return unpack_item(m->format, m->data);
  if (m->ndim >= 2) return nd_tolist(m, m->data, 0);
  Value list = list_new(m->shape);
  if (list.is_null()) return list;
  for (int64_t i = 0; i < m->shape; i++) {
    Value item = unpack_item(m->format, m->data + i * m->stride);
    if (item.is_null() || list_append(list, item) < 0) return Value();
  }
  return list;
}

Value m_hex(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"sep", "bytes_per_sep", nullptr};
  Value sep, bps;
  ArgSpec spec{"hex", kw, 0, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&sep, &bps})) return Value();
  MemoryViewObject* m = live_view(self);
  if (m == nullptr) return Value();
  return bytes_hex_impl(mv_tobytes_str(m), sep, bps);
}

Value m_toreadonly(Value self, const Value*, size_t, Value) {
  MemoryViewObject* m = live_view(self);
  if (m == nullptr) return Value();
  Value v = mv_derive(m);
  if (!v.is_null()) as_mv(v)->readonly = 1;
  return v;
}

Value m_cast(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"format", "shape", nullptr};
  Value format, shape;
  ArgSpec spec{"cast", kw, 1, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&format, &shape})) return Value();
  MemoryViewObject* m = live_view(self);
  if (m == nullptr) return Value();
  if (!is_str(format))
    return raise_format(exc_TypeError, "cast() argument 'format' must be str, not %.200s",
                        type_of(format)->c_name());
  bool contiguous = m->ndim == 0 || m->stride == m->itemsize || m->shape <= 1;
  if (!contiguous) return raise_error(exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
  Value dims;
  if (!shape.is_null() && !is_none(shape)) {
    if (!is_list(shape) && !is_tuple(shape))
      return raise_error(exc_TypeError, "shape must be a list or a tuple");
    dims = is_list(shape) ? list_as_tuple(shape) : shape;
    if (dims.is_null()) return dims;
    if (m->shape == 0) return raise_error(exc_TypeError, "memoryview: cannot cast view with zeros in shape or strides");
  }
  std::string f = str_to_utf8(format);
  int64_t itemsize = native_itemsize(f);
  if (itemsize == 0)
    return raise_error(exc_ValueError,
                       "memoryview: destination format must be a native single character format "
                       "prefixed with an optional '@'");
  if (!is_byte_format(f.c_str()) && !is_byte_format(m->format))
    return raise_error(exc_TypeError, "memoryview: cannot cast between two non-byte formats");
  if (m->len % itemsize != 0)
    return raise_error(exc_TypeError, "memoryview: length is not a multiple of itemsize");
  int ndim = 1;
  int64_t n = m->len / itemsize;
  if (!dims.is_null()) {
    int64_t nd = tuple_length(dims);
    if (m->ndim != 1 && nd != 1)
      return raise_error(exc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
    if (nd > 64)
      return raise_error(exc_ValueError, "memoryview: number of dimensions must not exceed 64");
    if (nd > kMaxDims)
      return raise_error(exc_NotImplementedError,
                         "memoryview: tpy supports casts to at most 8 dimensions");
    int64_t product = 1;
    for (int64_t i = 0; i < nd; i++) {
      int64_t d;
      if (!tuple_at(dims, i).is_int() || (d = tuple_at(dims, i).as_int()) <= 0)
        return raise_error(exc_ValueError,
                           "memoryview.cast(): elements of shape must be integers > 0");
      product *= d;
    }
    if (product * itemsize != m->len)
      return raise_error(exc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
    ndim = static_cast<int>(nd);
  }
  Value v = mv_derive(m);
  if (v.is_null()) return v;
  MemoryViewObject* r = as_mv(v);
  std::memset(r->format, 0, sizeof r->format);
  std::memcpy(r->format, f.data(), f.size());
  r->itemsize = itemsize;
  r->ndim = ndim;
  r->shape = ndim == 0 ? 1 : n;
  r->stride = itemsize;
  if (ndim >= 2) {
    int64_t stride = itemsize;
    for (int d = ndim - 1; d >= 0; d--) {
      r->dims[d] = tuple_at(dims, d).as_int();
      r->dim_strides[d] = stride;
      stride *= r->dims[d];
    }
  }
  return v;
}

// -- Attributes ------------------------------------------------------------------------------------------

template <Value (*F)(MemoryViewObject*)>
Value checked_get(Value self) {
  MemoryViewObject* m = live_view(self);
  if (m == nullptr) return Value();
  return F(m);
}

Value g_obj(MemoryViewObject* m) { return m->obj.is_null() ? None() : m->obj; }
Value g_nbytes(MemoryViewObject* m) { return Value::from_int(m->len); }
Value g_readonly(MemoryViewObject* m) { return Bool(m->readonly); }
Value g_itemsize(MemoryViewObject* m) { return Value::from_int(m->itemsize); }
Value g_format(MemoryViewObject* m) { return str_from_ascii(m->format); }
Value g_ndim(MemoryViewObject* m) { return Value::from_int(m->ndim); }
Value dims_tuple(MemoryViewObject* m, const int64_t* values) {
  Value t = tuple_new(m->ndim);
  if (t.is_null()) return t;
  for (int d = 0; d < m->ndim; d++) tuple_init_item(t, d, Value::from_int(values[d]));
  return t;
}
Value g_shape(MemoryViewObject* m) {
  if (m->ndim >= 2) return dims_tuple(m, m->dims);
  return m->ndim == 0 ? tuple_empty() : tuple_pack({Value::from_int(m->shape)});
}
Value g_strides(MemoryViewObject* m) {
  if (m->ndim >= 2) return dims_tuple(m, m->dim_strides);
  return m->ndim == 0 ? tuple_empty() : tuple_pack({Value::from_int(m->stride)});
}
Value g_suboffsets(MemoryViewObject*) { return tuple_empty(); }
Value g_contiguous(MemoryViewObject* m) {
  return Bool(m->ndim == 0 || m->stride == m->itemsize || m->shape <= 1);
}

const MethodDef mv_methods[] = {
    {"release", m_release, kMethNoArgs, "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", m_tobytes, kMethFastKw, "Return the data in the buffer as a byte string."},
    {"hex", m_hex, kMethFastKw, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", m_tolist, kMethNoArgs, "Return the data in the buffer as a list of elements."},
    {"cast", m_cast, kMethFastKw, "Cast a memoryview to a new format or shape."},
    {"toreadonly", m_toreadonly, kMethNoArgs, "Return a readonly version of the memoryview."},
    {"__enter__", m_enter, kMethNoArgs, nullptr},
    {"__exit__", m_exit, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef mv_getsets[] = {
    {"obj", checked_get<g_obj>, nullptr, "The underlying object of the memoryview."},
    {"nbytes", checked_get<g_nbytes>, nullptr, "The amount of space in bytes that the array would use in\n a contiguous representation."},
    {"readonly", checked_get<g_readonly>, nullptr, "A bool indicating whether the memory is read only."},
    {"itemsize", checked_get<g_itemsize>, nullptr, "The size in bytes of each element of the memoryview."},
    {"format", checked_get<g_format>, nullptr, "A string containing the format (in struct module style)\n for each element in the view."},
    {"ndim", checked_get<g_ndim>, nullptr, "An integer indicating how many dimensions of a multi-dimensional\n array the memory represents."},
    {"shape", checked_get<g_shape>, nullptr, "A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array."},
    {"strides", checked_get<g_strides>, nullptr, "A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array."},
    {"suboffsets", checked_get<g_suboffsets>, nullptr, "A tuple of integers used internally for PIL-style arrays."},
    {"c_contiguous", checked_get<g_contiguous>, nullptr, "A bool indicating whether the memory is C contiguous."},
    {"f_contiguous", checked_get<g_contiguous>, nullptr, "A bool indicating whether the memory is Fortran contiguous."},
    {"contiguous", checked_get<g_contiguous>, nullptr, "A bool indicating whether the memory is contiguous."},
    {nullptr, nullptr, nullptr, nullptr}};

Value iter_self(Value self) { return self; }

}  // namespace

bool init_memoryview_type() {
  memoryview_type.m_basicsize = sizeof(MemoryViewObject);
  TypeSlots& s = memoryview_type.slots;
  s.new_ = mv_tp_new;
  s.repr = mv_repr;
  s.hash = mv_hash;
  s.richcompare = mv_richcompare;
  s.len = mv_len;
  s.getitem = mv_getitem;
  s.setitem = mv_setitem;
  s.iter = mv_iter;
  s.trace = trace_mv;
  type_init(&memoryview_type, &object_type, TypeDefs{mv_methods, nullptr, mv_getsets},
            "Create a new memoryview object which references the given object.");
  memory_iterator_type.m_basicsize = sizeof(MemoryIterObject);
  memory_iterator_type.slots.getattro = generic_getattr;
  memory_iterator_type.slots.iter = iter_self;
  memory_iterator_type.slots.iternext = mv_iter_next;
  memory_iterator_type.slots.trace = trace_mv_iter;
  type_init(&memory_iterator_type, &object_type, TypeDefs{});
  register_buffer_type(&memoryview_type, mv_get_buffer, mv_release_buffer);
  return true;
}

}  // namespace tpy
