// interp/objects/list_type.cpp -- The Python-level list type: slots, methods, slicing, iterators.
#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/list_internal.h"
#include "interp/objects/seq_iter.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/value_array.h"

namespace tpy {

Value seq_iter_reduce(Value self, const Value*, size_t, Value);
Value seq_iter_setstate(Value self, const Value* args, size_t, Value);
Value list_sort_method(Value self, const Value* args, size_t nargs, Value kwnames);

namespace {

using list_detail::resize;

inline Object* owner(ListObject* l) { return l->items_owner.as_object(); }

Value list_item_at(Value l, int64_t i, bool*) { return list_at(l, i); }
int64_t list_len_fn(Value l) { return list_length(l); }

Value list_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &list_type) return list_new();
  Object* o = alloc_instance(type);
  return o ? Value::from_object(o) : Value();
}

// Removes every item (the buffer is dropped, as list_clear does).
void clear_items(ListObject* l) {
  l->items = nullptr;
  gc::store(l, &l->items_owner, Value());
  l->length = 0;
  l->capacity = 0;
}

int list_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if ((type_of(self) == &list_type || type_of(self)->slots.new_ == list_tp_new) &&
      !no_kwargs("list", kwnames))
    return -1;
  if (!check_unpack("list", nargs, 0, 1)) return -1;
  ListObject* l = as_list(self);
  if (l->length) clear_items(l);
  if (nargs == 1) return list_extend(self, args[0]);
  return 0;
}

Value list_repr(Value self) {
  if (list_length(self) == 0) return str_from_ascii("[]");
  if (repr_enter(self)) return str_from_ascii("[...]");
  StrBuilder b;
  b.text("[");
  // The list may change while reprs run: re-read the length each time.
  for (int64_t i = 0; i < list_length(self) && b.ok(); i++) {
    if (i) b.text(", ");
    b.repr(list_at(self, i));
  }
  b.text("]");
  repr_leave(self);
  return b.finish();
}

Value list_richcompare(Value a, Value b, CompareOp op) {
  if (!is_list(a) || !is_list(b)) return NotImplemented();
  return sequence_compare(a, list_len_fn, b, list_item_at, op);
}

int64_t list_len(Value self) { return list_length(self); }

Value list_slice(Value self, int64_t start, int64_t stop) {
  return list_from_array(as_list(self)->items + start, stop - start);
}

Value list_getitem(Value self, Value key) {
  if (key.is_int()) [[likely]] {
    int64_t i = key.as_int(), n = list_length(self);
    if (i < 0) i += n;
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n))
      return raise_error(exc_IndexError, "list index out of range");
    return list_at(self, i);
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t len = slice_indices_for(key, list_length(self), &start, &stop, &step);
    if (len < 0) return Value();
    if (step == 1) return list_slice(self, start, start + len);
    Value r = list_new(len);
    if (r.is_null()) return r;
    ListObject* rl = as_list(r);
    for (int64_t i = 0, j = start; i < len; i++, j += step) rl->items[i] = list_at(self, j);
    if (len) gc::write_barrier_all(owner(rl));
    rl->length = len;
    return r;
  }
  int64_t i;
  if (!sequence_index(key, "list", &i)) return Value();
  int64_t n = list_length(self);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise_error(exc_IndexError, "list index out of range");
  return list_at(self, i);
}

// a[ilow:ihigh] = v (v null: delete); v any iterable (list_ass_slice).
int list_ass_slice(Value self, int64_t ilow, int64_t ihigh, Value v) {
  ListObject* a = as_list(self);
  Value items_list;
  const Value* src = nullptr;
  int64_t n = 0;
  if (!v.is_null()) {
    if (v == self || !(is_exact_list(v) || is_exact_tuple(v))) {
      Value it = get_iter(v);
      if (it.is_null()) {
        if (error_matches(exc_TypeError)) {
          clear_exception();
          raise_error(exc_TypeError, "can only assign an iterable");
        }
        return -1;
      }
      items_list = list_from_iterable(it);
      if (items_list.is_null()) return -1;
      v = items_list;
    }
    if (is_exact_tuple(v)) {
      src = as_tuple(v)->items;
      n = tuple_length(v);
    } else {
      src = as_list(v)->items;
      n = list_length(v);
    }
  }
  int64_t len = a->length;
  if (ilow < 0) ilow = 0;
  else if (ilow > len) ilow = len;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > len) ihigh = len;
  int64_t norig = ihigh - ilow;
  int64_t d = n - norig;
  if (len + d == 0) {
    clear_items(a);
    return 0;
  }
  if (d < 0) {
    std::memmove(static_cast<void*>(a->items + ihigh + d), a->items + ihigh,
                 static_cast<size_t>(len - ihigh) * sizeof(Value));
    if (!resize(a, len + d)) return -1;
  } else if (d > 0) {
    if (!resize(a, len + d)) return -1;
    std::memmove(static_cast<void*>(a->items + ihigh + d), a->items + ihigh,
                 static_cast<size_t>(len - ihigh) * sizeof(Value));
  }
  if (n) std::memcpy(static_cast<void*>(a->items + ilow), src, static_cast<size_t>(n) * sizeof(Value));
  gc::write_barrier_all(owner(a));
  return 0;
}

int list_setitem(Value self, Value key, Value v) {
  ListObject* l = as_list(self);
  if (!is_slice(key)) {
    int64_t i;
    if (!sequence_index(key, "list", &i)) return -1;
    if (i < 0) i += l->length;
    if (i < 0 || i >= l->length) {
      raise_error(exc_IndexError, "list assignment index out of range");
      return -1;
    }
    if (v.is_null()) return list_ass_slice(self, i, i + 1, Value());
    gc::store(owner(l), &l->items[i], v);
    return 0;
  }
  int64_t start, stop, step;
  if (!slice_unpack(key, &start, &stop, &step)) return -1;
  int64_t slicelen = slice_adjust_indices(l->length, &start, &stop, step);
  if (step == 1) return list_ass_slice(self, start, stop, v);
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (v.is_null()) {
    if (slicelen <= 0) return 0;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelen - 1) - 1;
      step = -step;
    }
    // Compact: keep every item not on the slice.
    int64_t dst = start, n = l->length;
    for (int64_t src = start, k = 0; src < n; src++) {
      if (k < slicelen && src == start + k * step) {
        k++;
        continue;
      }
      l->items[dst++] = l->items[src];
    }
    for (int64_t i = dst; i < n; i++) l->items[i] = Value();
    l->length = dst;
    return resize(l, dst) ? 0 : -1;
  }
  Value seq;
  if (v == self) {
    seq = list_slice(self, 0, l->length);
  } else if (is_exact_list(v) || is_exact_tuple(v)) {
    seq = v;
  } else {
    Value it = get_iter(v);
    if (it.is_null()) {
      if (error_matches(exc_TypeError)) {
        clear_exception();
        raise_error(exc_TypeError, "must assign iterable to extended slice");
      }
      return -1;
    }
    seq = list_from_iterable(it);
  }
  if (seq.is_null()) return -1;
  int64_t n = is_exact_tuple(seq) ? tuple_length(seq) : list_length(seq);
  if (n != slicelen) {
    raise_format(exc_ValueError,
                 "attempt to assign sequence of size %zd to extended slice of size %zd", n,
                 slicelen);
    return -1;
  }
  const Value* src = is_exact_tuple(seq) ? as_tuple(seq)->items : as_list(seq)->items;
  for (int64_t i = 0, j = start; i < slicelen; i++, j += step) l->items[j] = src[i];
  if (slicelen) gc::write_barrier_all(owner(l));
  return 0;
}

int list_contains(Value self, Value item) {
  for (int64_t i = 0; i < list_length(self); i++) {
    Value x = list_at(self, i);
    if (x == item) return 1;
    int eq = object_equal(x, item);
    if (eq != 0) return eq;
  }
  return 0;
}

Value list_iter(Value self) { return seq_iter_new(&list_iterator_type, self, 0); }

Value list_repeat(Value self, int64_t n) {
  int64_t len = list_length(self);
  if (n <= 0 || len == 0) return list_new();
  if (len > INT64_MAX / 8 / n) return raise_no_memory();
  Value r = list_new(len * n);
  if (r.is_null()) return r;
  ListObject* rl = as_list(r);
  for (int64_t k = 0; k < n; k++)
    std::memcpy(static_cast<void*>(rl->items + k * len), as_list(self)->items,
                static_cast<size_t>(len) * sizeof(Value));
  gc::write_barrier_all(owner(rl));
  rl->length = len * n;
  return r;
}

Value list_add(Value a, Value b) {
  if (!is_list(a)) return NotImplemented();
  if (!is_list(b)) {
    BinaryFn other = type_of(b)->slots.binop[static_cast<size_t>(BinOp::Add)];
    if (other != nullptr && other_slot_is_numeric(b) && other != list_add) {
      Value r = other(a, b);
      if (r.is_null() || !is_not_implemented(r)) return r;
    }
    return raise_format(exc_TypeError, "can only concatenate list (not \"%.200s\") to list",
                        type_of(b)->c_name());
  }
  int64_t na = list_length(a), nb = list_length(b);
  Value r = list_new(na + nb);
  if (r.is_null()) return r;
  ListObject* rl = as_list(r);
  if (na) std::memcpy(static_cast<void*>(rl->items), as_list(a)->items, static_cast<size_t>(na) * sizeof(Value));
  if (nb)
    std::memcpy(static_cast<void*>(rl->items + na), as_list(b)->items,
                static_cast<size_t>(nb) * sizeof(Value));
  if (na + nb) gc::write_barrier_all(owner(rl));
  rl->length = na + nb;
  return r;
}

Value list_mul(Value a, Value b) {
  Value seq = is_list(a) ? a : b, count = is_list(a) ? b : a;
  if (!has_index(count)) {
    if (seq == a) {
      BinaryFn other = type_of(b)->slots.binop[static_cast<size_t>(BinOp::Multiply)];
      if (other != nullptr && other_slot_is_numeric(b) && other != list_mul) {
        Value r = other(a, b);
        if (r.is_null() || !is_not_implemented(r)) return r;
      }
    }
    return raise_format(exc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                        type_of(count)->c_name());
  }
  int64_t n;
  if (!repeat_count(count, &n)) return Value();
  return list_repeat(seq, n);
}

Value list_iadd(Value a, Value b) {
  if (list_extend(a, b) < 0) return Value();
  return a;
}

Value list_imul(Value a, Value b) {
  if (!has_index(b)) return NotImplemented();
  int64_t n;
  if (!repeat_count(b, &n)) return Value();
  ListObject* l = as_list(a);
  int64_t len = l->length;
  if (n < 1 || len == 0) {
    if (len) clear_items(l);
    return a;
  }
  if (n == 1) return a;
  if (len > INT64_MAX / 8 / n) return raise_no_memory();
  if (!resize(l, len * n)) return Value();
  for (int64_t k = 1; k < n; k++)
    std::memcpy(static_cast<void*>(l->items + k * len), l->items, static_cast<size_t>(len) * sizeof(Value));
  gc::write_barrier_all(owner(l));
  return a;
}

// -- Methods --------------------------------------------------------------------------------------

Value m_append(Value self, const Value* args, size_t, Value) {
  if (list_append(self, args[0]) < 0) return Value();
  return None();
}

Value m_clear(Value self, const Value*, size_t, Value) {
  clear_items(as_list(self));
  return None();
}

Value m_copy(Value self, const Value*, size_t, Value) {
  return list_slice(self, 0, list_length(self));
}

Value m_count(Value self, const Value* args, size_t, Value) {
  int64_t count = 0;
  for (int64_t i = 0; i < list_length(self); i++) {
    Value x = list_at(self, i);
    if (x == args[0]) {
      count++;
      continue;
    }
    int eq = object_equal(x, args[0]);
    if (eq < 0) return Value();
    count += eq;
  }
  return int_from_i64(count);
}

Value m_extend(Value self, const Value* args, size_t, Value) {
  if (list_extend(self, args[0]) < 0) return Value();
  return None();
}

bool index_bound(Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.as_int();
    return true;
  }
  if (!has_index(v)) {
    raise_error(exc_TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  Value i = number_index(v);
  if (i.is_null()) return false;
  if (!int_to_i64(i, out)) *out = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
  return true;
}

Value m_index(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("index", kwnames)) return Value();
  if (!check_unpack("index", nargs, 1, 3)) return Value();
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !index_bound(args[1], &start)) return Value();
  if (nargs > 2 && !index_bound(args[2], &stop)) return Value();
  int64_t n = list_length(self);
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
    if (stop < 0) stop = 0;
  }
  for (int64_t i = start; i < stop && i < list_length(self); i++) {
    Value x = list_at(self, i);
    if (x == args[0]) return int_from_i64(i);
    int eq = object_equal(x, args[0]);
    if (eq < 0) return Value();
    if (eq) return int_from_i64(i);
  }
  return raise_format(exc_ValueError, "%R is not in list", args[0]);
}

Value m_insert(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("insert", kwnames)) return Value();
  if (nargs != 2)
    return raise_format(exc_TypeError, "insert expected 2 arguments, got %zu", nargs);
  int64_t where;
  if (!index_to_i64(args[0], &where)) return Value();
  ListObject* l = as_list(self);
  int64_t n = l->length;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (!resize(l, n + 1)) return Value();
  std::memmove(static_cast<void*>(l->items + where + 1), l->items + where,
               static_cast<size_t>(n - where) * sizeof(Value));
  gc::store(owner(l), &l->items[where], args[1]);
  return None();
}

Value m_pop(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("pop", kwnames)) return Value();
  if (!check_unpack("pop", nargs, 0, 1)) return Value();
  int64_t i = -1;
  if (nargs == 1 && !index_to_i64(args[0], &i)) return Value();
  ListObject* l = as_list(self);
  int64_t n = l->length;
  if (n == 0) return raise_error(exc_IndexError, "pop from empty list");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise_error(exc_IndexError, "pop index out of range");
  Value v = l->items[i];
  if (i == n - 1) {
    if (!resize(l, n - 1)) return Value();
    return v;
  }
  if (list_ass_slice(self, i, i + 1, Value()) < 0) return Value();
  return v;
}

Value m_remove(Value self, const Value* args, size_t, Value) {
  for (int64_t i = 0; i < list_length(self); i++) {
    Value x = list_at(self, i);
    int eq = x == args[0] ? 1 : object_equal(x, args[0]);
    if (eq < 0) return Value();
    if (eq) {
      if (list_ass_slice(self, i, i + 1, Value()) < 0) return Value();
      return None();
    }
  }
  return raise_error(exc_ValueError, "list.remove(x): x not in list");
}

Value m_reverse(Value self, const Value*, size_t, Value) {
  ListObject* l = as_list(self);
  for (int64_t i = 0, j = l->length - 1; i < j; i++, j--) {
    Value t = l->items[i];
    l->items[i] = l->items[j];
    l->items[j] = t;
  }
  return None();
}

Value m_reversed(Value self, const Value*, size_t, Value) {
  return seq_iter_new(&list_reverseiterator_type, self, list_length(self) - 1);
}

Value m_sizeof(Value self, const Value*, size_t, Value) {
  return int_from_i64(40 + 8 * as_list(self)->capacity);
}

const MethodDef list_methods[] = {
    {"__reversed__", m_reversed, kMethNoArgs, "Return a reverse iterator over the list."},
    {"__sizeof__", m_sizeof, kMethNoArgs, "Return the size of the list in memory, in bytes."},
    {"clear", m_clear, kMethNoArgs, "Remove all items from list."},
    {"copy", m_copy, kMethNoArgs, "Return a shallow copy of the list."},
    {"append", m_append, kMethO, "Append object to the end of the list."},
    {"insert", m_insert, kMethFast, "Insert object before index."},
    {"extend", m_extend, kMethO, "Extend list by appending elements from the iterable."},
    {"pop", m_pop, kMethFast,
     "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or "
     "index is out of range."},
    {"remove", m_remove, kMethO,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", m_index, kMethFast,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", m_count, kMethO, "Return number of occurrences of value."},
    {"reverse", m_reverse, kMethNoArgs, "Reverse *IN PLACE*."},
    {"sort", list_sort_method, kMethFastKw,
     "Sort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list "
     "itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\nascending or "
     "descending, according to their function values.\n\nThe reverse flag can be set to sort "
     "in descending order."},
    TPY_CLASS_GETITEM_ROW,
    {nullptr, nullptr, 0, nullptr}};

// -- Iterators ------------------------------------------------------------------------------------

SeqIterObject* as_seq_iter(Value v) { return static_cast<SeqIterObject*>(v.as_object()); }

Value listiter_next(Value self) {
  SeqIterObject* it = as_seq_iter(self);
  if (it->seq.is_null()) return Value();
  if (it->index < list_length(it->seq)) return list_at(it->seq, it->index++);
  it->seq = Value();
  return Value();
}

Value listiter_length_hint(Value self, const Value*, size_t, Value) {
  SeqIterObject* it = as_seq_iter(self);
  if (it->seq.is_null()) return Value::from_int(0);
  int64_t n = list_length(it->seq) - it->index;
  return Value::from_int(n < 0 ? 0 : n);
}

Value listrev_next(Value self) {
  SeqIterObject* it = as_seq_iter(self);
  if (it->seq.is_null()) return Value();
  if (it->index >= 0 && it->index < list_length(it->seq)) return list_at(it->seq, it->index--);
  it->index = -1;
  it->seq = Value();
  return Value();
}

Value listrev_length_hint(Value self, const Value*, size_t, Value) {
  SeqIterObject* it = as_seq_iter(self);
  if (it->seq.is_null()) return Value::from_int(0);
  int64_t n = it->index + 1;
  if (n > list_length(it->seq)) n = 0;
  return Value::from_int(n < 0 ? 0 : n);
}

Value listrev_reduce(Value self, const Value*, size_t, Value) {
  SeqIterObject* it = as_seq_iter(self);
  if (it->seq.is_null()) {
    Value iter_fn = builtin_iter_callable();
    if (iter_fn.is_null()) return iter_fn;
    Value l = list_new();
    if (l.is_null()) return l;
    Value args = tuple_pack({l});
    if (args.is_null()) return args;
    return tuple_pack({iter_fn, args});
  }
  Value rev = builtin_reversed_callable();
  if (rev.is_null()) return rev;
  Value args = tuple_pack({it->seq});
  if (args.is_null()) return args;
  return tuple_pack({rev, args, int_from_i64(it->index)});
}

Value listrev_setstate(Value self, const Value* args, size_t, Value) {
  SeqIterObject* it = as_seq_iter(self);
  int64_t index;
  if (!index_to_i64(args[0], &index)) return Value();
  if (!it->seq.is_null()) {
    if (index < -1) index = -1;
    else if (index > list_length(it->seq) - 1) index = list_length(it->seq) - 1;
    it->index = index;
  }
  return None();
}

Value iter_self(Value self) { return self; }

const MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", seq_iter_reduce, kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", seq_iter_setstate, kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

const MethodDef listrev_methods[] = {
    {"__length_hint__", listrev_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", listrev_reduce, kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", listrev_setstate, kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool init_list() {
  TypeSlots& s = list_type.slots;
  s.new_ = list_tp_new;
  s.init = list_tp_init;
  s.repr = list_repr;
  s.richcompare = list_richcompare;
  s.getattro = generic_getattr;
  s.iter = list_iter;
  s.len = list_len;
  s.getitem = list_getitem;
  s.setitem = list_setitem;
  s.contains = list_contains;
  s.binop[static_cast<size_t>(BinOp::Add)] = list_add;
  s.binop[static_cast<size_t>(BinOp::Multiply)] = list_mul;
  s.binop[static_cast<size_t>(BinOp::InplaceAdd)] = list_iadd;
  s.binop[static_cast<size_t>(BinOp::InplaceMultiply)] = list_imul;
  type_init(&list_type, &object_type, TypeDefs{list_methods, nullptr, nullptr},
            "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new "
            "empty list.\nThe argument must be an iterable if specified.");
  set_unhashable(&list_type);
  remove_type_attr(&list_type, "__radd__");
  for (Type* t : {&list_iterator_type, &list_reverseiterator_type}) {
    t->slots.getattro = generic_getattr;
    t->slots.iter = iter_self;
  }
  list_iterator_type.slots.iternext = listiter_next;
  list_reverseiterator_type.slots.iternext = listrev_next;
  type_init(&list_iterator_type, &object_type, TypeDefs{listiter_methods, nullptr, nullptr});
  type_init(&list_reverseiterator_type, &object_type, TypeDefs{listrev_methods, nullptr, nullptr});
  return !error_occurred();
}

}  // namespace tpy
