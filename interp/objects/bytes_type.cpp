// interp/objects/bytes_type.cpp -- The Python `bytes` type: constructor, slots, iterator, type setup.
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
#include "interp/text/repr.h"

namespace tpy {

constinit Type bytes_iterator_type{&type_type, "bytes_iterator", sizeof(SeqIterObject), 0};

bool init_bytearray_type();
bool init_memoryview_type();

namespace {

// str.encode(encoding, errors) for bytes(str, encoding, errors); null arguments are absent.
Value encode_str(Value s, Value encoding, Value errors) {
  static StrConst k_encode("encode");
  Value args[2] = {encoding, errors};
  size_t n = errors.is_null() ? 1 : 2;
  if (encoding.is_null()) {
    args[0] = str_from_ascii("utf-8");
    if (args[0].is_null()) return Value();
  }
  return call_method(s, k_encode.get(), args, n);
}

Value bytes_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"source", "encoding", "errors", nullptr};
  Value x, encoding, errors;
  ArgSpec spec{"bytes", kw, 0, 3, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&x, &encoding, &errors})) return Value();
  for (Value* v : {&encoding, &errors}) {
    if (!v->is_null() && !is_str(*v))
      return raise_format(exc_TypeError, "bytes() argument '%s' must be str, not %.200s",
                          v == &encoding ? "encoding" : "errors", type_of(*v)->c_name());
  }
  Value result;
  if (x.is_null()) {
    if (!encoding.is_null() || !errors.is_null())
      return raise_error(exc_TypeError, !encoding.is_null() ? "encoding without a string argument"
                                                            : "errors without a string argument");
    result = bytes_new_uninit(0);
  } else if (!encoding.is_null()) {
    if (!is_str(x)) return raise_error(exc_TypeError, "encoding without a string argument");
    result = encode_str(x, encoding, errors);
  } else if (!errors.is_null()) {
    return raise_error(exc_TypeError, is_str(x) ? "string argument without an encoding"
                                                : "errors without a string argument");
  } else {
    static StrConst k_bytes("__bytes__");
    Value func = lookup_special(x, k_bytes.get());
    if (!func.is_null()) {
      result = call0(func);
      if (result.is_null()) return result;
      if (!is_bytes(result))
        return raise_format(exc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                            type_of(result)->c_name());
    } else if (error_occurred()) {
      return Value();
    } else if (is_str(x)) {
      return raise_error(exc_TypeError, "string argument without an encoding");
    } else if (has_index(x)) {
      Value i = number_index(x);
      if (i.is_null()) {
        if (!error_matches(exc_TypeError)) return i;
        clear_exception();
        result = bytes_from_object(x);
      } else {
        int64_t size;
        if (!int_to_i64(i, &size))
          return raise_error(exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        if (size < 0) return raise_error(exc_ValueError, "negative count");
        result = bytes_new_uninit(size);
      }
    } else {
      result = bytes_from_object(x);
    }
  }
  if (result.is_null() || type == &bytes_type) return result;
  std::string_view d = bytes_view(result);
  Value sub = bytes_new_typed(type, static_cast<int64_t>(d.size()));
  if (!sub.is_null() && !d.empty()) std::memcpy(as_bytes(sub)->data(), bytes_view(result).data(), d.size());
  return sub;
}

Value bytes_repr_slot(Value self) {
  std::string out;
  text::bytes_repr(out, bytes_view(self));
  return str_from_ascii(out);
}

int64_t bytes_hash_slot(Value self) { return bytes_hash(self); }

Value bytes_richcompare(Value a, Value b, CompareOp op) {
  if (!is_bytes(a) || !is_bytes(b)) return NotImplemented();
  if (a == b && (op == CompareOp::Eq || op == CompareOp::Ne)) return Bool(op == CompareOp::Eq);
  return bytes_compare_views(bytes_view(a), bytes_view(b), op);
}

int64_t bytes_len_slot(Value self) { return as_bytes(self)->length; }

Value bytes_getitem(Value self, Value key) {
  int64_t len = as_bytes(self)->length;
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key, len, &start, &stop, &step);
    if (n < 0) return Value();
    if (step == 1) {
      if (n == len && is_exact_bytes(self)) return self;
      return bytes_from_data(as_bytes(self)->data() + start, static_cast<size_t>(n));
    }
    Value r = bytes_new_uninit(n);
    if (r.is_null()) return r;
    const uint8_t* s = as_bytes(self)->data();
    uint8_t* d = as_bytes(r)->data();
    for (int64_t i = 0; i < n; i++) d[i] = s[start + i * step];
    return r;
  }
  int64_t i;
  if (!sequence_index(key, "byte", &i)) return Value();
  if (i < 0) i += len;
  if (i < 0 || i >= len) return raise_error(exc_IndexError, "index out of range");
  return Value::from_int(as_bytes(self)->data()[i]);
}

Value bytes_add(Value a, Value b) {
  if (!has_buffer(a) || !has_buffer(b)) {
    if (!is_bytes(a)) return NotImplemented();
    BinaryFn other = type_of(b)->slots.binop[static_cast<size_t>(BinOp::Add)];
    if (other != nullptr && other_slot_is_numeric(b) && other != bytes_add) {
      Value r = other(a, b);
      if (r.is_null() || !is_not_implemented(r)) return r;
    }
    return raise_format(exc_TypeError, "can't concat %.100s to %.100s", type_of(b)->c_name(),
                        type_of(a)->c_name());
  }
  if (!is_bytes(a)) return NotImplemented();
  return bytes_concat(a, b);
}

Value bytes_repeat(Value self, int64_t n) {
  int64_t len = as_bytes(self)->length;
  if (n < 0) n = 0;
  if (n == 1 && is_exact_bytes(self)) return self;
  if (len && n > INT64_MAX / 4 / len) return raise_no_memory();
  Value r = bytes_new_uninit(len * n);
  if (r.is_null()) return r;
  uint8_t* d = as_bytes(r)->data();
  const uint8_t* s = as_bytes(self)->data();
  for (int64_t i = 0; i < n; i++) std::memcpy(d + i * len, s, static_cast<size_t>(len));
  return r;
}

Value bytes_mul(Value a, Value b) {
  if (!is_bytes(a) && !is_bytes(b)) return NotImplemented();
  Value seq;
  int64_t n;
  if (!bytes_repeat_args(a, b, is_bytes, bytes_mul, &seq, &n)) return Value();
  if (n < 0) return seq;  // the other operand's own result
  return bytes_repeat(seq, n);
}

Value bytes_mod(Value a, Value b) {
  if (!is_bytes(a)) return NotImplemented();
  return bytes_percent_format(a, b);
}

Value bytes_iter(Value self) { return bytes_family_iter(&bytes_iterator_type, self); }

Value bytes_iter_next(Value self) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (it->seq.is_null()) return Value();
  std::string_view s = bytes_view(it->seq);
  if (it->index < static_cast<int64_t>(s.size()))
    return Value::from_int(static_cast<unsigned char>(s[it->index++]));
  it->seq = Value();
  return Value();
}

Value bytes_iter_length_hint(Value self, const Value*, size_t, Value) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (it->seq.is_null()) return Value::from_int(0);
  int64_t n = static_cast<int64_t>(bytes_view(it->seq).size()) - it->index;
  return Value::from_int(n < 0 ? 0 : n);
}

Value bytes_iter_reduce(Value self, const Value*, size_t, Value) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  Value iter = builtin_iter_callable();
  if (iter.is_null()) return iter;
  if (it->seq.is_null()) {
    Value empty = tuple_pack({tuple_empty()});
    return empty.is_null() ? empty : tuple_pack({iter, empty});
  }
  Value args = tuple_pack({it->seq});
  if (args.is_null()) return args;
  return tuple_pack({iter, args, int_from_i64(it->index)});
}

Value bytes_iter_setstate(Value self, const Value* args, size_t, Value) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  int64_t i;
  if (!arg_to_ssize_clamped(args[0], &i)) return Value();
  if (!it->seq.is_null()) {
    int64_t n = static_cast<int64_t>(bytes_view(it->seq).size());
    it->index = i < 0 ? 0 : i > n ? n : i;
  }
  return None();
}

void trace_bytes_iter(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<SeqIterObject*>(self)->seq, ctx);
}

Value iter_self(Value self) { return self; }

Value m_getnewargs(Value self, const Value*, size_t, Value) {
  Value copy = bytes_from_view(bytes_view(self));
  if (copy.is_null()) return copy;
  return tuple_pack({copy});
}

Value m_bytes(Value self, const Value*, size_t, Value) {
  if (is_exact_bytes(self)) return self;
  return bytes_from_view(bytes_view(self));
}

Value m_sizeof(Value self, const Value*, size_t, Value) {
  return Value::from_int(static_cast<int64_t>(sizeof(BytesObject)) + 1 + as_bytes(self)->length);
}

const MethodDef bytes_methods[] = {
    {"__getnewargs__", m_getnewargs, kMethNoArgs, nullptr},
    {"__bytes__", m_bytes, kMethNoArgs, "Convert this value to exact type bytes."},
#define TPY_BYTES_METHOD(name, fn, flags, doc) {name, fn, flags, doc},
#include "interp/objects/bytes_methods.def"
#undef TPY_BYTES_METHOD
    {"__sizeof__", m_sizeof, kMethNoArgs, "Size of object in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr}};

const MethodDef bytes_iter_methods[] = {
    {"__length_hint__", bytes_iter_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", bytes_iter_reduce, kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", bytes_iter_setstate, kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool bytes_repeat_args(Value a, Value b, bool (*is_seq)(Value), BinaryFn self_fn, Value* seq,
                       int64_t* n) {
  *seq = is_seq(a) ? a : b;
  Value count = is_seq(a) ? b : a;
  if (!has_index(count)) {
    if (*seq == a) {
      BinaryFn other = type_of(b)->slots.binop[static_cast<size_t>(BinOp::Multiply)];
      if (other != nullptr && other_slot_is_numeric(b) && other != self_fn) {
        Value r = other(a, b);
        if (r.is_null()) return false;
        if (!is_not_implemented(r)) {
          *seq = r;
          *n = -1;
          return true;
        }
      }
    }
    raise_format(exc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                 type_of(count)->c_name());
    return false;
  }
  if (!repeat_count(count, n)) return false;
  if (*n < 0) *n = 0;
  return true;
}

Value bytes_family_iter(Type* iter_type, Value self) { return seq_iter_new(iter_type, self, 0); }

bool init_bytes_iterator(Type* t) {
  t->slots.getattro = generic_getattr;
  t->slots.iter = iter_self;
  t->slots.iternext = bytes_iter_next;
  t->slots.trace = trace_bytes_iter;
  type_init(t, &object_type, TypeDefs{bytes_iter_methods, nullptr, nullptr});
  return !error_occurred();
}

bool init_bytes() {
  TypeSlots& s = bytes_type.slots;
  s.new_ = bytes_tp_new;
  s.repr = bytes_repr_slot;
  s.str = bytes_repr_slot;
  s.hash = bytes_hash_slot;
  s.richcompare = bytes_richcompare;
  s.len = bytes_len_slot;
  s.getitem = bytes_getitem;
  s.contains = bytes_contains;
  s.iter = bytes_iter;
  s.binop[static_cast<size_t>(BinOp::Add)] = bytes_add;
  s.binop[static_cast<size_t>(BinOp::Multiply)] = bytes_mul;
  s.binop[static_cast<size_t>(BinOp::Remainder)] = bytes_mod;
  bytes_type.m_itemsize = 1;
  type_init(&bytes_type, &object_type, TypeDefs{bytes_methods, nullptr, nullptr},
            "bytes(iterable_of_ints) -> bytes\n"
            "bytes(string, encoding[, errors]) -> bytes\n"
            "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
            "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
            "bytes() -> empty bytes object\n\n"
            "Construct an immutable array of bytes from:\n"
            "  - an iterable yielding integers in range(256)\n"
            "  - a text string encoded using the specified encoding\n"
            "  - any object implementing the buffer API.\n"
            "  - an integer");
  remove_type_attr(&bytes_type, "__radd__");
  if (!init_bytes_iterator(&bytes_iterator_type)) return false;
  register_bytes_buffers();
  return init_bytearray_type() && init_memoryview_type();
}

}  // namespace tpy
