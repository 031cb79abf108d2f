// interp/objects/bytearray_type.cpp -- The Python `bytearray` type: constructor, slots, item and slice assignment.
#include <cstring>
#include <string>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/bytes_internal.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/seq_iter.h"
#include "interp/objects/singletons.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

constinit Type bytearray_iterator_type{&type_type, "bytearray_iterator", sizeof(SeqIterObject), 0};

// bytearray_methods.cpp
extern const MethodDef bytearray_own_methods[];

int bytearray_setslice(Value self, int64_t lo, int64_t hi, std::string_view src) {
  ByteArrayObject* a = as_bytearray(self);
  int64_t needed = static_cast<int64_t>(src.size());
  int64_t growth = needed - (hi - lo);
  int64_t size = a->length;
  if (growth < 0) {
    if (a->exports > 0) {
      raise_error(exc_BufferError, "Existing exports of data: object cannot be re-sized");
      return -1;
    }
    std::memmove(a->data + lo + needed, a->data + hi, static_cast<size_t>(size - hi));
    if (bytearray_resize(self, size + growth) < 0) return -1;
  } else if (growth > 0) {
    if (bytearray_resize(self, size + growth) < 0) return -1;
    a = as_bytearray(self);
    std::memmove(a->data + lo + needed, a->data + hi, static_cast<size_t>(size - hi));
  }
  if (needed > 0) std::memcpy(as_bytearray(self)->data + lo, src.data(), src.size());
  return 0;
}

namespace {

Value encode_str(Value s, Value encoding, Value errors) {
  static StrConst k_encode("encode");
  Value args[2] = {encoding, errors};
  return call_method(s, k_encode.get(), args, errors.is_null() ? 1 : 2);
}

Value bytearray_tp_new(Type* type, const Value*, size_t, Value) {
  return bytearray_new_typed(type, nullptr, 0);
}

int bytearray_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"source", "encoding", "errors", nullptr};
  Value arg, encoding, errors;
  ArgSpec spec{"bytearray", kw, 0, 3, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&arg, &encoding, &errors})) return -1;
  for (Value* v : {&encoding, &errors}) {
    if (!v->is_null() && !is_str(*v)) {
      raise_format(exc_TypeError, "bytearray() argument '%s' must be str, not %.200s",
                   v == &encoding ? "encoding" : "errors", type_of(*v)->c_name());
      return -1;
    }
  }
  if (as_bytearray(self)->length != 0 && bytearray_resize(self, 0) < 0) return -1;
  if (arg.is_null()) {
    if (!encoding.is_null() || !errors.is_null()) {
      raise_error(exc_TypeError, !encoding.is_null() ? "encoding without a string argument"
                                                     : "errors without a string argument");
      return -1;
    }
    return 0;
  }
  if (is_str(arg)) {
    if (encoding.is_null()) {
      raise_error(exc_TypeError, "string argument without an encoding");
      return -1;
    }
    Value enc = encode_str(arg, encoding, errors);
    if (enc.is_null()) return -1;
    BufferView v;
    if (!v.get(enc)) return -1;
    return bytearray_setslice(self, 0, as_bytearray(self)->length, v.bytes());
  }
  if (!encoding.is_null() || !errors.is_null()) {
    raise_error(exc_TypeError, !encoding.is_null() ? "encoding without a string argument"
                                                   : "errors without a string argument");
    return -1;
  }
  if (has_index(arg)) {
    Value i = number_index(arg);
    if (i.is_null()) {
      if (!error_matches(exc_TypeError)) return -1;
      clear_exception();
    } else {
      int64_t count;
      if (!int_to_i64(i, &count)) {
        raise_error(exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
      }
      if (count < 0) {
        raise_error(exc_ValueError, "negative count");
        return -1;
      }
      if (count > 0) {
        if (bytearray_resize(self, count) < 0) return -1;
        std::memset(as_bytearray(self)->data, 0, static_cast<size_t>(count));
      }
      return 0;
    }
  }
  if (has_buffer(arg)) {
    BufferView v;
    if (!v.get(arg, kBufAnyContiguity)) return -1;
    std::string copy(static_cast<size_t>(v.b.len), '\0');
    buffer_copy_out(v.b, reinterpret_cast<uint8_t*>(copy.data()));
    return bytearray_setslice(self, 0, as_bytearray(self)->length, copy);
  }
  Value it = get_iter(arg);
  if (it.is_null()) {
    if (error_matches(exc_TypeError)) {
      clear_exception();
      raise_format(exc_TypeError, "cannot convert '%.200s' object to bytearray",
                   type_of(arg)->c_name());
    }
    return -1;
  }
  std::string data;
  if (!bytes_collect_iterable(it, "byte must be in range(0, 256)", data)) return -1;
  if (is_exact_list(arg) || is_exact_tuple(arg))
    return bytearray_setslice(self, 0, as_bytearray(self)->length, data);
  // CPython appends an iterator's items one by one: grow the same way so __alloc__ agrees.
  for (size_t k = 1; k <= data.size(); k++)
    if (bytearray_resize(self, static_cast<int64_t>(k)) < 0) return -1;
  if (!data.empty()) std::memcpy(as_bytearray(self)->data, data.data(), data.size());
  return 0;
}

// CPython's bytearray repr differs from bytes': it escapes a single quote even inside double
// quotes (bytearray(b"it\'s")).
Value bytearray_repr(Value self) {
  std::string out = str_to_utf8(type_name_value(type_of(self)));
  std::string_view s = bytes_view(self);
  char quote = '\'';
  for (char c : s) {
    if (c == '"') {
      quote = '\'';
      break;
    }
    if (c == '\'') quote = '"';
  }
  out += "(b";
  out += quote;
  static const char hex[] = "0123456789abcdef";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  out += quote;
  out += ')';
  return str_from_utf8(out);
}

Value bytearray_richcompare(Value a, Value b, CompareOp op) {
  if (!has_buffer(a) || !has_buffer(b)) return NotImplemented();
  BufferView va, vb;
  if (!va.get(a)) {
    clear_exception();
    return NotImplemented();
  }
  if (!vb.get(b)) {
    clear_exception();
    return NotImplemented();
  }
  return bytes_compare_views(va.bytes(), vb.bytes(), op);
}

int64_t bytearray_len(Value self) { return as_bytearray(self)->length; }

Value bytearray_getitem(Value self, Value key) {
  int64_t len = as_bytearray(self)->length;
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key, len, &start, &stop, &step);
    if (n < 0) return Value();
    const uint8_t* s = as_bytearray(self)->data;
    if (step == 1) return bytearray_from_data(s + start, static_cast<size_t>(n));
    std::string out(static_cast<size_t>(n), '\0');
    for (int64_t i = 0; i < n; i++) out[i] = static_cast<char>(s[start + i * step]);
    return bytearray_from_data(out.data(), out.size());
  }
  int64_t i;
  if (!sequence_index(key, "bytearray", &i)) return Value();
  if (i < 0) i += len;
  if (i < 0 || i >= len) return raise_error(exc_IndexError, "bytearray index out of range");
  return Value::from_int(as_bytearray(self)->data[i]);
}

int bytearray_setitem(Value self, Value key, Value v) {
  int64_t len = as_bytearray(self)->length;
  int64_t start, stop, step, slicelen;
  if (!is_slice(key) && has_index(key)) {
    int64_t i;
    if (!sequence_index(key, "bytearray", &i)) return -1;
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
      raise_error(exc_IndexError, "bytearray index out of range");
      return -1;
    }
    if (!v.is_null()) {
      uint8_t c;
      if (!byte_from_item(v, "byte must be in range(0, 256)", &c)) return -1;
      as_bytearray(self)->data[i] = c;
      return 0;
    }
    start = i;
    stop = i + 1;
    step = 1;
    slicelen = 1;
  } else if (is_slice(key)) {
    if (!slice_unpack(key, &start, &stop, &step)) return -1;
    slicelen = slice_adjust_indices(len, &start, &stop, step);
  } else {
    raise_format(exc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                 type_of(key)->c_name());
    return -1;
  }
  std::string src;
  if (!v.is_null()) {
    Type* t = type_of(v);
    if (is_str(v) || v.is_int() || t->slots.index || t->slots.int_ || t->slots.float_) {
      raise_error(exc_TypeError,
                  "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return -1;
    }
    if (has_buffer(v)) {
      BufferView bv;
      if (!bv.get(v, kBufAnyContiguity)) return -1;
      src.assign(static_cast<size_t>(bv.b.len), '\0');
      buffer_copy_out(bv.b, reinterpret_cast<uint8_t*>(src.data()));
    } else {
      Value it = get_iter(v);
      if (it.is_null()) {
        if (error_matches(exc_TypeError)) {
          clear_exception();
          raise_format(exc_TypeError, "cannot convert '%.200s' object to bytearray", t->c_name());
        }
        return -1;
      }
      if (!bytes_collect_iterable(it, "byte must be in range(0, 256)", src)) return -1;
    }
    // The conversion may have run Python code that resized self.
    len = as_bytearray(self)->length;
    if (is_slice(key)) {
      if (!slice_unpack(key, &start, &stop, &step)) return -1;
      slicelen = slice_adjust_indices(len, &start, &stop, step);
    }
  }
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (step == 1) return bytearray_setslice(self, start, stop, src);
  int64_t needed = static_cast<int64_t>(src.size());
  ByteArrayObject* a = as_bytearray(self);
  if (needed == 0) {  // del b[::2], or b[::2] = b'' (CPython deletes in both cases)
    if (slicelen <= 0) return 0;
    if (a->exports > 0) {
      raise_error(exc_BufferError, "Existing exports of data: object cannot be re-sized");
      return -1;
    }
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelen - 1) - 1;
      step = -step;
    }
    // Keep every byte not on the slice's positions.
    int64_t w = 0;
    for (int64_t r = 0; r < len; r++) {
      bool hit = r >= start && (r - start) % step == 0 && (r - start) / step < slicelen;
      if (!hit) a->data[w++] = a->data[r];
    }
    return bytearray_resize(self, w);
  }
  if (needed != slicelen) {
    raise_format(exc_ValueError,
                 "attempt to assign bytes of size %lld to extended slice of size %lld",
                 static_cast<long long>(needed), static_cast<long long>(slicelen));
    return -1;
  }
  for (int64_t cur = start, i = 0; i < slicelen; cur += step, i++) a->data[cur] = static_cast<uint8_t>(src[i]);
  return 0;
}

Value concat_error(Value a, Value b) {
  return raise_format(exc_TypeError, "can't concat %.100s to %.100s", type_of(b)->c_name(),
                      type_of(a)->c_name());
}

Value bytearray_add(Value a, Value b) {
  if (!is_bytearray(a)) return NotImplemented();
  if (!has_buffer(b)) {
    BinaryFn other = type_of(b)->slots.binop[static_cast<size_t>(BinOp::Add)];
    if (other != nullptr && other_slot_is_numeric(b) && other != bytearray_add) {
      Value r = other(a, b);
      if (r.is_null() || !is_not_implemented(r)) return r;
    }
    return concat_error(a, b);
  }
  BufferView vb;
  if (!vb.get(b)) {
    clear_exception();
    return concat_error(a, b);
  }
  std::string out(bytes_view(a));
  out += vb.bytes();
  return bytearray_from_data(out.data(), out.size());
}

Value bytearray_iadd(Value a, Value b) {
  if (!is_bytearray(a)) return NotImplemented();
  if (!has_buffer(b)) return concat_error(a, b);
  BufferView vb;
  if (!vb.get(b)) {
    clear_exception();
    return concat_error(a, b);
  }
  std::string src(vb.bytes());
  vb.reset();
  int64_t n = as_bytearray(a)->length;
  if (bytearray_setslice(a, n, n, src) < 0) return Value();
  return a;
}

std::string repeated(std::string_view s, int64_t n, bool* ok) {
  *ok = true;
  if (!s.empty() && n > kMaxBytesResult / static_cast<int64_t>(s.size())) {
    *ok = false;
    return {};
  }
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) out += s;
  return out;
}

Value bytearray_mul(Value a, Value b) {
  if (!is_bytearray(a) && !is_bytearray(b)) return NotImplemented();
  Value seq;
  int64_t n;
  if (!bytes_repeat_args(a, b, is_bytearray, bytearray_mul, &seq, &n)) return Value();
  if (n < 0) return seq;  // the other operand's own result
  bool ok;
  std::string out = repeated(bytes_view(seq), n, &ok);
  if (!ok) return raise_no_memory();
  return bytearray_from_data(out.data(), out.size());
}

Value bytearray_imul(Value a, Value b) {
  if (!is_bytearray(a)) return NotImplemented();
  Value seq;
  int64_t n;
  if (!bytes_repeat_args(a, b, is_bytearray, bytearray_imul, &seq, &n)) return Value();
  if (n < 0) return seq;
  bool ok;
  std::string out = repeated(bytes_view(a), n, &ok);
  if (!ok) return raise_no_memory();
  if (bytearray_setslice(a, 0, as_bytearray(a)->length, out) < 0) return Value();
  return a;
}

Value bytearray_mod(Value a, Value b) {
  if (!is_bytearray(a)) return NotImplemented();
  Value r = bytes_percent_format(a, b);
  if (r.is_null()) return r;
  return bytearray_from_data(bytes_view(r).data(), bytes_view(r).size());
}

Value bytearray_iter(Value self) { return bytes_family_iter(&bytearray_iterator_type, self); }

void trace_bytearray(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<ByteArrayObject*>(self)->storage, ctx);
}

const MethodDef bytearray_shared_methods[] = {
#define TPY_BYTES_METHOD(name, fn, flags, doc) {name, fn, flags, doc},
#include "interp/objects/bytes_methods.def"
#undef TPY_BYTES_METHOD
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool init_bytearray_type() {
  TypeSlots& s = bytearray_type.slots;
  s.new_ = bytearray_tp_new;
  s.init = bytearray_tp_init;
  s.repr = bytearray_repr;
  s.str = bytearray_repr;
  s.richcompare = bytearray_richcompare;
  s.len = bytearray_len;
  s.getitem = bytearray_getitem;
  s.setitem = bytearray_setitem;
  s.contains = bytes_contains;
  s.iter = bytearray_iter;
  s.trace = trace_bytearray;
  s.binop[static_cast<size_t>(BinOp::Add)] = bytearray_add;
  s.binop[static_cast<size_t>(BinOp::Multiply)] = bytearray_mul;
  s.binop[static_cast<size_t>(BinOp::Remainder)] = bytearray_mod;
  s.binop[static_cast<size_t>(BinOp::InplaceAdd)] = bytearray_iadd;
  s.binop[static_cast<size_t>(BinOp::InplaceMultiply)] = bytearray_imul;
  // Two rounds of type_init: the mutable sequence methods, then the ones shared with bytes.
  type_init(&bytearray_type, &object_type, TypeDefs{bytearray_own_methods, nullptr, nullptr},
            "bytearray(iterable_of_ints) -> bytearray\n"
            "bytearray(string, encoding[, errors]) -> bytearray\n"
            "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
            "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
            "bytearray() -> empty bytes array\n\n"
            "Construct a mutable bytearray object from:\n"
            "  - an iterable yielding integers in range(256)\n"
            "  - a text string encoded using the specified encoding\n"
            "  - a bytes or a buffer object\n"
            "  - any object implementing the buffer API.\n"
            "  - an integer");
  type_init(&bytearray_type, &object_type, TypeDefs{bytearray_shared_methods, nullptr, nullptr});
  set_unhashable(&bytearray_type);
  remove_type_attr(&bytearray_type, "__radd__");
  if (!init_bytes_iterator(&bytearray_iterator_type)) return false;
  return true;
}

}  // namespace tpy
