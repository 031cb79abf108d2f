// interp/objects/bytearray_methods.cpp -- bytearray's own mutable-sequence methods (append, pop, ...).
#include <algorithm>
#include <cstring>
#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/bytes_internal.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/instance.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

int bytearray_setslice(Value self, int64_t lo, int64_t hi, std::string_view src);

namespace {

Value m_append(Value self, const Value* args, size_t, Value) {
  uint8_t c;
  if (!byte_from_item(args[0], "byte must be in range(0, 256)", &c)) return Value();
  int64_t n = as_bytearray(self)->length;
  if (bytearray_resize(self, n + 1) < 0) return Value();
  as_bytearray(self)->data[n] = c;
  return None();
}

Value m_extend(Value self, const Value* args, size_t, Value) {
  Value x = args[0];
  std::string src;
  if (has_buffer(x)) {
    BufferView v;
    if (!v.get(x, kBufAnyContiguity)) return Value();
    src.assign(static_cast<size_t>(v.b.len), '\0');
    buffer_copy_out(v.b, reinterpret_cast<uint8_t*>(src.data()));
  } else {
    Value it = get_iter(x);
    if (it.is_null()) {
      if (error_matches(exc_TypeError)) {
        clear_exception();
        return raise_format(exc_TypeError, "can't extend bytearray with %.100s",
                            type_of(x)->c_name());
      }
      return it;
    }
    if (!bytes_collect_iterable(it, "byte must be in range(0, 256)", src)) return Value();
  }
  int64_t n = as_bytearray(self)->length;
  if (bytearray_setslice(self, n, n, src) < 0) return Value();
  return None();
}

Value m_insert(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("insert", nargs, 2, 2)) return Value();
  int64_t where;
  if (!bytes_ssize_arg(args[0], &where)) return Value();
  uint8_t c;
  if (!byte_from_item(args[1], "byte must be in range(0, 256)", &c)) return Value();
  int64_t n = as_bytearray(self)->length;
  if (where < 0) where = std::max<int64_t>(where + n, 0);
  if (where > n) where = n;
  char b = static_cast<char>(c);
  if (bytearray_setslice(self, where, where, std::string_view(&b, 1)) < 0) return Value();
  return None();
}

Value m_pop(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("pop", nargs, 0, 1)) return Value();
  int64_t i = -1;
  if (nargs && !bytes_ssize_arg(args[0], &i)) return Value();
  int64_t n = as_bytearray(self)->length;
  if (n == 0) return raise_error(exc_IndexError, "pop from empty bytearray");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise_error(exc_IndexError, "pop index out of range");
  uint8_t c = as_bytearray(self)->data[i];
  if (bytearray_setslice(self, i, i + 1, {}) < 0) return Value();
  return Value::from_int(c);
}

Value m_remove(Value self, const Value* args, size_t, Value) {
  uint8_t c;
  if (!byte_from_item(args[0], "byte must be in range(0, 256)", &c)) return Value();
  std::string_view s = bytes_view(self);
  size_t i = s.find(static_cast<char>(c));
  if (i == std::string_view::npos) return raise_error(exc_ValueError, "value not found in bytearray");
  if (bytearray_setslice(self, static_cast<int64_t>(i), static_cast<int64_t>(i) + 1, {}) < 0)
    return Value();
  return None();
}

Value m_reverse(Value self, const Value*, size_t, Value) {
  ByteArrayObject* a = as_bytearray(self);
  std::reverse(a->data, a->data + a->length);
  return None();
}

Value m_clear(Value self, const Value*, size_t, Value) {
  if (bytearray_resize(self, 0) < 0) return Value();
  return None();
}

Value m_copy(Value self, const Value*, size_t, Value) {
  std::string_view s = bytes_view(self);
  return bytearray_from_data(s.data(), s.size());
}

Value m_alloc(Value self, const Value*, size_t, Value) {
  return Value::from_int(as_bytearray(self)->capacity);
}

Value m_sizeof(Value self, const Value*, size_t, Value) {
  return Value::from_int(56 + as_bytearray(self)->capacity);
}

// (type(self), args, state): the data as a latin-1 str before protocol 3, as bytes from it on.
Value reduce_impl(Value self, int64_t proto) {
  Value dict = None();
  if (InstanceAttrs* attrs = instance_attrs(self)) {
    (void)attrs;
    Value d = instance_get_dict(self.as_object());
    if (d.is_null()) return d;
    if (dict_length(d) > 0) dict = d;
  }
  Value args;
  std::string_view s = bytes_view(self);
  if (proto < 3) {
    Value text = str_from_latin1(s);
    Value enc = str_from_ascii("latin-1");
    if (text.is_null() || enc.is_null()) return Value();
    args = tuple_pack({text, enc});
  } else {
    Value b = bytes_from_view(s);
    if (b.is_null()) return b;
    args = s.empty() ? tuple_empty() : tuple_pack({b});
  }
  if (args.is_null()) return args;
  return tuple_pack({Value::from_object(type_of(self)), args, dict});
}

Value m_reduce(Value self, const Value*, size_t, Value) { return reduce_impl(self, 2); }

Value m_reduce_ex(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("__reduce_ex__", nargs, 0, 1)) return Value();
  int64_t proto = 0;
  if (nargs && !bytes_ssize_arg(args[0], &proto)) return Value();
  return reduce_impl(self, proto);
}

}  // namespace

extern const MethodDef bytearray_own_methods[] = {
    {"__alloc__", m_alloc, kMethNoArgs,
     "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"__reduce__", m_reduce, kMethNoArgs, "Return state information for pickling."},
    {"__reduce_ex__", m_reduce_ex, kMethFast, "Return state information for pickling."},
    {"__sizeof__", m_sizeof, kMethNoArgs, "Returns the size of the bytearray object in memory, in bytes."},
    {"append", m_append, kMethO, "Append a single item to the end of the bytearray.\n\n  item\n    The item to be appended."},
    {"clear", m_clear, kMethNoArgs, "Remove all items from the bytearray."},
    {"copy", m_copy, kMethNoArgs, "Return a copy of B."},
    {"extend", m_extend, kMethO, "Append all the items from the iterator or sequence to the end of the bytearray.\n\n  iterable_of_ints\n    The iterable of items to append."},
    {"insert", m_insert, kMethFast, "Insert a single item into the bytearray before the given index.\n\n  index\n    The index where the value is to be inserted.\n  item\n    The item to be inserted."},
    {"pop", m_pop, kMethFast, "Remove and return a single item from B.\n\n  index\n    The index from where to remove the item.\n    -1 (the default value) means remove the last item.\n\nIf no index argument is given, will pop the last item."},
    {"remove", m_remove, kMethO, "Remove the first occurrence of a value in the bytearray.\n\n  value\n    The value to remove."},
    {"reverse", m_reverse, kMethNoArgs, "Reverse the order of the values in B in place."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace tpy
