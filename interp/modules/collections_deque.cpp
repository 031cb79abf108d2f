// interp/modules/collections_deque.cpp -- collections.deque: a ring buffer of Values in a GC
// ValueArray, with maxlen, CPython 3.11's methods, messages and mutation checks, and its
// forward and reverse iterators.
#include "gc/barrier.h"
#include "interp/modules/collections_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/value_array.h"

namespace tpy::collections {
namespace {

struct DequeObject : Object {
  Value buf;       // ValueArray (ring), or null while empty and never grown
  int64_t head;    // slot of the leftmost item
  int64_t len;
  int64_t maxlen;  // -1: unbounded
  uint64_t state;  // bumped by every mutation (iterators and searches check it)
};
struct DequeIterObject : Object {
  Value deque;
  int64_t index;    // position of the next item (from the left, or from the right)
  int64_t counter;  // items left
  uint64_t state;
};

void trace_deque(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<DequeObject*>(self)->buf, ctx);
}
void trace_deque_iter(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<DequeIterObject*>(self)->deque, ctx);
}

}  // namespace

constinit Type deque_type{&type_type, "collections.deque", sizeof(DequeObject),
                          kTypeBaseType | kTypeImmutable | kTypeSequence};
constinit Type deque_iter_type{&type_type, "_collections._deque_iterator",
                               sizeof(DequeIterObject), kTypeImmutable};
constinit Type deque_reviter_type{&type_type, "_collections._deque_reverse_iterator",
                                  sizeof(DequeIterObject), kTypeImmutable};

namespace {

DequeObject* dq(Value v) { return static_cast<DequeObject*>(v.as_object()); }
ValueArray* arr(DequeObject* d) { return static_cast<ValueArray*>(d->buf.as_object()); }
int64_t cap(DequeObject* d) { return d->buf.is_null() ? 0 : arr(d)->length; }
int64_t slot(DequeObject* d, int64_t i) { return (d->head + i) % cap(d); }
Value item_at(DequeObject* d, int64_t i) { return arr(d)->items[slot(d, i)]; }
void set_slot(DequeObject* d, int64_t s, Value v) {
  ValueArray* a = arr(d);
  gc::store(a, &a->items[s], v);
}

// Room for one more item; false with MemoryError pending.
bool reserve(DequeObject* d) {
  if (d->len < cap(d)) return true;
  int64_t ncap = cap(d) < 8 ? 8 : cap(d) * 2;
  ValueArray* a = value_array_new(ncap);
  if (a == nullptr) return false;
  for (int64_t i = 0; i < d->len; i++) gc::store(a, &a->items[i], item_at(d, i));
  gc::store(d, &d->buf, Value::from_object(a));
  d->head = 0;
  return true;
}

Value pop_right(DequeObject* d) {
  int64_t s = slot(d, d->len - 1);
  Value v = arr(d)->items[s];
  set_slot(d, s, Value());
  d->len--;
  d->state++;
  return v;
}
Value pop_left(DequeObject* d) {
  Value v = arr(d)->items[d->head];
  set_slot(d, d->head, Value());
  d->head = (d->head + 1) % cap(d);
  d->len--;
  d->state++;
  return v;
}

// append / appendleft with maxlen trimming at the other end.
bool push_right(DequeObject* d, Value v) {
  if (d->maxlen == 0) return true;
  if (!reserve(d)) return false;
  set_slot(d, slot(d, d->len), v);
  d->len++;
  d->state++;
  if (d->maxlen >= 0 && d->len > d->maxlen) pop_left(d);
  return true;
}
bool push_left(DequeObject* d, Value v) {
  if (d->maxlen == 0) return true;
  if (!reserve(d)) return false;
  d->head = (d->head + cap(d) - 1) % cap(d);
  set_slot(d, d->head, v);
  d->len++;
  d->state++;
  if (d->maxlen >= 0 && d->len > d->maxlen) pop_right(d);
  return true;
}

void clear(DequeObject* d) {
  gc::store(d, &d->buf, Value());
  d->head = d->len = 0;
  d->state++;
}

// Rotates right by n (left when negative).
void rotate(DequeObject* d, int64_t n) {
  if (d->len <= 1) return;
  n %= d->len;
  if (n < 0) n += d->len;
  if (n == 0) return;
  // A full ring rotates by moving the head; otherwise move items one by one.
  if (d->len == cap(d)) {
    d->head = (d->head + d->len - n) % cap(d);
    d->state++;
    return;
  }
  if (n <= d->len / 2) {
    for (int64_t i = 0; i < n; i++) push_left(d, pop_right(d));
  } else {
    for (int64_t i = 0; i < d->len - n; i++) push_right(d, pop_left(d));
  }
}

bool extend(DequeObject* d, Value self, Value iterable, bool left) {
  if (iterable == self) {
    iterable = list_from_iterable(self);
    if (iterable.is_null()) return false;
  }
  Value it = get_iter(iterable);
  if (it.is_null()) return false;
  for (;;) {
    Value v = iter_next(it);
    if (v.is_null()) return !error_occurred();
    if (!(left ? push_left(d, v) : push_right(d, v))) return false;
  }
}

Value mutated() { return raise_error(exc_RuntimeError, "deque mutated during iteration"); }

// -- Construction ---------------------------------------------------------------------------------

Value deque_tp_new(Type* type, const Value*, size_t, Value) {
  auto* d = static_cast<DequeObject*>(alloc_instance(type));
  if (d == nullptr) return raise_no_memory();
  d->maxlen = -1;
  return Value::from_object(d);
}

int deque_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"iterable", "maxlen", nullptr};
  Value iterable, maxlen;
  ArgSpec spec{"deque", kw, 0, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&iterable, &maxlen})) return -1;
  DequeObject* d = dq(self);
  int64_t m = -1;
  if (!maxlen.is_null() && !is_none(maxlen)) {
    if (!arg_to_index(maxlen, &m)) return -1;
    if (m < 0) {
      raise_error(exc_ValueError, "maxlen must be non-negative");
      return -1;
    }
  }
  d->maxlen = m;
  if (d->len > 0) clear(d);
  if (!iterable.is_null() && !extend(d, self, iterable, false)) return -1;
  return 0;
}

// A new deque of self's type with its items: copy() and the operators' left operand.
Value deque_copy_of(Value self) {
  DequeObject* d = dq(self);
  if (type_of(self) == &deque_type) {
    Value r = deque_tp_new(&deque_type, nullptr, 0, Value());
    if (r.is_null()) return r;
    dq(r)->maxlen = d->maxlen;
    if (!extend(dq(r), r, self, false)) return Value();
    return r;
  }
  if (d->maxlen < 0) return call1(Value::from_object(type_of(self)), self);
  return call2(Value::from_object(type_of(self)), self, int_from_i64(d->maxlen));
}

// -- Methods --------------------------------------------------------------------------------------

Value m_append(Value self, const Value* args, size_t, Value) {
  return push_right(dq(self), args[0]) ? None() : Value();
}
Value m_appendleft(Value self, const Value* args, size_t, Value) {
  return push_left(dq(self), args[0]) ? None() : Value();
}
Value m_extend(Value self, const Value* args, size_t, Value) {
  return extend(dq(self), self, args[0], false) ? None() : Value();
}
Value m_extendleft(Value self, const Value* args, size_t, Value) {
  return extend(dq(self), self, args[0], true) ? None() : Value();
}
Value m_pop(Value self, const Value*, size_t, Value) {
  if (dq(self)->len == 0) return raise_error(exc_IndexError, "pop from an empty deque");
  return pop_right(dq(self));
}
Value m_popleft(Value self, const Value*, size_t, Value) {
  if (dq(self)->len == 0) return raise_error(exc_IndexError, "pop from an empty deque");
  return pop_left(dq(self));
}
Value m_clear(Value self, const Value*, size_t, Value) {
  clear(dq(self));
  return None();
}
Value m_copy(Value self, const Value*, size_t, Value) { return deque_copy_of(self); }

Value m_count(Value self, const Value* args, size_t, Value) {
  DequeObject* d = dq(self);
  uint64_t state = d->state;
  int64_t n = 0;
  for (int64_t i = 0; i < d->len; i++) {
    int eq = object_equal(item_at(d, i), args[0]);
    if (eq < 0) return Value();
    if (state != d->state) return mutated();
    n += eq;
  }
  return int_from_i64(n);
}

Value m_index(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("index", nargs, 1, 3)) return Value();
  DequeObject* d = dq(self);
  int64_t start = 0, stop = INT64_MAX;
  for (size_t k = 1; k < nargs; k++) {
    int64_t* out = k == 1 ? &start : &stop;
    if (!has_index(args[k]))
      return raise_error(exc_TypeError,
                         "slice indices must be integers or have an __index__ method");
    if (!arg_to_ssize_clamped(args[k], out)) return Value();
  }
  if (start < 0 && (start += d->len) < 0) start = 0;
  if (stop < 0 && (stop += d->len) < 0) stop = 0;
  if (stop > d->len) stop = d->len;
  if (start > stop) start = stop;
  uint64_t state = d->state;
  for (int64_t i = start; i < stop; i++) {
    int eq = object_equal(item_at(d, i), args[0]);
    if (eq < 0) return Value();
    if (state != d->state) return mutated();
    if (eq) return int_from_i64(i);
  }
  return raise_format(exc_ValueError, "%R is not in deque", args[0]);
}

// Removes the item at [i] (0 <= i < len) by rotating it to an end.
void del_item(DequeObject* d, int64_t i) {
  rotate(d, -i);
  pop_left(d);
  rotate(d, i);
}

Value m_insert(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("insert", nargs, 2, 2)) return Value();
  DequeObject* d = dq(self);
  int64_t index;
  if (!arg_to_index(args[0], &index)) return Value();
  if (d->maxlen == d->len) return raise_error(exc_IndexError, "deque already at its maximum size");
  int64_t n = d->len;
  if (index >= n) return push_right(d, args[1]) ? None() : Value();
  if (index <= -n || index == 0) return push_left(d, args[1]) ? None() : Value();
  rotate(d, -index);
  bool ok = index < 0 ? push_right(d, args[1]) : push_left(d, args[1]);
  if (!ok) return Value();
  rotate(d, index);
  return None();
}

Value m_remove(Value self, const Value* args, size_t, Value) {
  DequeObject* d = dq(self);
  uint64_t state = d->state;
  int64_t n = d->len;
  for (int64_t i = 0; i < n; i++) {
    int eq = object_equal(item_at(d, i), args[0]);
    if (eq < 0) return Value();
    if (state != d->state) return raise_error(exc_IndexError, "deque mutated during iteration");
    if (eq) {
      del_item(d, i);
      return None();
    }
  }
  return raise_format(exc_ValueError, "%R is not in deque", args[0]);
}

Value m_reverse(Value self, const Value*, size_t, Value) {
  DequeObject* d = dq(self);
  for (int64_t i = 0, j = d->len - 1; i < j; i++, j--) {
    int64_t si = slot(d, i), sj = slot(d, j);
    Value t = arr(d)->items[si];
    set_slot(d, si, arr(d)->items[sj]);
    set_slot(d, sj, t);
  }
  d->state++;
  return None();
}

Value m_rotate(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("rotate", nargs, 0, 1)) return Value();
  int64_t n = 1;
  if (nargs == 1 && !arg_to_index(args[0], &n)) return Value();
  rotate(dq(self), n);
  return None();
}

Value m_reduce(Value self, const Value*, size_t, Value) {
  DequeObject* d = dq(self);
  static StrConst k_dict("__dict__");
  Value state = getattr_opt(self, k_dict.get());
  if (state.is_null()) {
    if (error_occurred()) return state;
    state = None();
  } else if (is_dict(state) && dict_length(state) == 0) {
    state = None();
  }
  Value it = get_iter(self);
  if (it.is_null()) return it;
  Value args = d->maxlen < 0 ? tuple_empty() : tuple_pack({tuple_empty(), int_from_i64(d->maxlen)});
  if (args.is_null()) return args;
  return tuple_pack({Value::from_object(type_of(self)), args, state, it});
}

Value m_reversed(Value self, const Value*, size_t, Value);

Value m_sizeof(Value self, const Value*, size_t, Value) {
  return int_from_i64(static_cast<int64_t>(type_of(self)->m_basicsize) + cap(dq(self)) * 8);
}

const MethodDef deque_methods[] = {
    {"append", m_append, kMethO, "Add an element to the right side of the deque."},
    {"appendleft", m_appendleft, kMethO, "Add an element to the left side of the deque."},
    {"clear", m_clear, kMethNoArgs, "Remove all elements from the deque."},
    {"__copy__", m_copy, kMethNoArgs, "Return a shallow copy of a deque."},
    {"copy", m_copy, kMethNoArgs, "Return a shallow copy of a deque."},
    {"count", m_count, kMethO, "D.count(value) -> integer -- return number of occurrences of value"},
    {"extend", m_extend, kMethO, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", m_extendleft, kMethO, "Extend the left side of the deque with elements from the iterable"},
    {"index", m_index, kMethFast,
     "D.index(value, [start, [stop]]) -> integer -- return first index of value.\n"
     "Raises ValueError if the value is not present."},
    {"insert", m_insert, kMethFast, "D.insert(index, object) -- insert object before index"},
    {"pop", m_pop, kMethNoArgs, "Remove and return the rightmost element."},
    {"popleft", m_popleft, kMethNoArgs, "Remove and return the leftmost element."},
    {"__reduce__", m_reduce, kMethNoArgs, "Return state information for pickling."},
    {"remove", m_remove, kMethO, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", m_reversed, kMethNoArgs, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", m_reverse, kMethNoArgs, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", m_rotate, kMethFast, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__sizeof__", m_sizeof, kMethNoArgs, "D.__sizeof__() -- size of D in memory, in bytes"},
    TPY_CLASS_GETITEM_ROW,
    {nullptr, nullptr, 0, nullptr}};

Value get_maxlen(Value self) {
  int64_t m = dq(self)->maxlen;
  return m < 0 ? None() : int_from_i64(m);
}

const GetSetDef deque_getsets[] = {
    {"maxlen", get_maxlen, nullptr, "maximum size of a deque or None if unbounded"},
    {nullptr, nullptr, nullptr, nullptr}};

// -- Slots ----------------------------------------------------------------------------------------

int64_t deque_len(Value self) { return dq(self)->len; }

// A sequence index (no slices): false with CPython's TypeError / IndexError pending.
bool seq_index(Value self, Value key, int64_t* i) {
  if (!has_index(key)) {
    raise_format(exc_TypeError, "sequence index must be integer, not '%.200s'",
                 type_of(key)->c_name());
    return false;
  }
  if (!arg_to_index(key, i)) return false;
  int64_t n = dq(self)->len;
  if (*i < 0) *i += n;
  if (*i < 0 || *i >= n) {
    raise_error(exc_IndexError, "deque index out of range");
    return false;
  }
  return true;
}

Value deque_getitem(Value self, Value key) {
  int64_t i;
  if (!seq_index(self, key, &i)) return Value();
  return item_at(dq(self), i);
}

int deque_setitem(Value self, Value key, Value v) {
  int64_t i;
  if (!seq_index(self, key, &i)) return -1;
  DequeObject* d = dq(self);
  if (v.is_null()) {
    del_item(d, i);
  } else {
    set_slot(d, slot(d, i), v);
  }
  return 0;
}

int deque_contains(Value self, Value v) {
  DequeObject* d = dq(self);
  uint64_t state = d->state;
  for (int64_t i = 0; i < d->len; i++) {
    int eq = object_equal(item_at(d, i), v);
    if (eq != 0) return eq;
    if (state != d->state) {
      mutated();
      return -1;
    }
  }
  return 0;
}

Value deque_repr(Value self) {
  Value name = type_name_value(type_of(self));
  if (name.is_null()) return name;
  if (repr_enter(self)) return str_from_ascii("[...]");
  Value items = list_from_iterable(self);
  if (items.is_null()) {
    repr_leave(self);
    return items;
  }
  StrBuilder b;
  b.str(name).text("(").repr(items);
  repr_leave(self);
  if (dq(self)->maxlen >= 0) b.text(", maxlen=").text(std::to_string(dq(self)->maxlen));
  return b.text(")").finish();
}

bool is_deque(Value v) { return is_instance_of(v, &deque_type); }

Value deque_item_at(Value seq, int64_t i, bool* ok) {
  DequeObject* d = dq(seq);
  if (i >= d->len) {
    *ok = false;
    return Value();
  }
  *ok = true;
  return item_at(d, i);
}

Value deque_richcompare(Value a, Value b, CompareOp op) {
  if (!is_deque(a) || !is_deque(b)) return NotImplemented();
  return sequence_compare(a, deque_len, b, deque_item_at, op);
}

Value deque_add(Value a, Value b) {
  if (!is_deque(a)) return NotImplemented();
  if (!is_deque(b))
    return raise_format(exc_TypeError, "can only concatenate deque (not \"%.200s\") to deque",
                        type_of(b)->c_name());
  Value r = deque_copy_of(a);
  if (r.is_null()) return r;
  if (!extend(dq(r), r, b, false)) return Value();
  return r;
}

Value deque_iadd(Value a, Value b) {
  if (!extend(dq(a), a, b, false)) return Value();
  return a;
}

// In-place repetition: the items n times (maxlen trims from the left as appends would).
Value repeat_into(Value self, Value count) {
  int64_t n;
  if (!repeat_count(count, &n)) return Value();
  DequeObject* d = dq(self);
  if (n <= 0 || d->len == 0) {
    clear(d);
    return self;
  }
  if (n == 1) return self;
  int64_t size = d->len;
  Value items = list_from_iterable(self);
  if (items.is_null()) return items;
  for (int64_t k = 1; k < n; k++) {
    for (int64_t i = 0; i < size; i++)
      if (!push_right(d, list_at(items, i))) return Value();
    if (d->maxlen >= 0 && k * size >= d->maxlen) break;  // further copies only shift
  }
  return self;
}

Value deque_mul(Value a, Value b) {
  Value self = is_deque(a) ? a : b;
  Value count = is_deque(a) ? b : a;
  if (!has_index(count)) return NotImplemented();
  Value r = deque_copy_of(self);
  if (r.is_null()) return r;
  return repeat_into(r, count);
}

Value deque_imul(Value a, Value b) {
  if (!has_index(b)) return NotImplemented();
  return repeat_into(a, b);
}

// -- Iterators ------------------------------------------------------------------------------------

Value iter_make(Type* t, Value self) {
  auto* it = static_cast<DequeIterObject*>(alloc_instance(t));
  if (it == nullptr) return raise_no_memory();
  gc::store(it, &it->deque, self);
  it->counter = dq(self)->len;
  it->state = dq(self)->state;
  return Value::from_object(it);
}

Value deque_iter(Value self) { return iter_make(&deque_iter_type, self); }
Value m_reversed(Value self, const Value*, size_t, Value) {
  return iter_make(&deque_reviter_type, self);
}

template <bool kReverse>
Value dequeiter_next(Value self) {
  auto* it = static_cast<DequeIterObject*>(self.as_object());
  DequeObject* d = dq(it->deque);
  if (d->state != it->state) {
    it->counter = 0;
    return mutated();
  }
  if (it->counter == 0) return Value();
  Value v = item_at(d, kReverse ? d->len - 1 - it->index : it->index);
  it->index++;
  it->counter--;
  return v;
}

Value dequeiter_length_hint(Value self, const Value*, size_t, Value) {
  return int_from_i64(static_cast<DequeIterObject*>(self.as_object())->counter);
}

Value iter_self(Value self) { return self; }

const MethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool init_deque_types() {
  static bool done = false;
  if (done) return true;
  TypeSlots& s = deque_type.slots;
  s.new_ = deque_tp_new;
  s.init = deque_init;
  s.repr = deque_repr;
  s.richcompare = deque_richcompare;
  s.getattro = generic_getattr;
  s.iter = deque_iter;
  s.len = deque_len;
  s.getitem = deque_getitem;
  s.setitem = deque_setitem;
  s.contains = deque_contains;
  s.binop[static_cast<size_t>(BinOp::Add)] = deque_add;
  s.binop[static_cast<size_t>(BinOp::InplaceAdd)] = deque_iadd;
  s.binop[static_cast<size_t>(BinOp::Multiply)] = deque_mul;
  s.binop[static_cast<size_t>(BinOp::InplaceMultiply)] = deque_imul;
  s.trace = trace_deque;
  type_init(&deque_type, &object_type, TypeDefs{deque_methods, nullptr, deque_getsets},
            "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for "
            "data accesses near its endpoints.");
  set_unhashable(&deque_type);
  for (Type* t : {&deque_iter_type, &deque_reviter_type}) {
    t->slots.getattro = generic_getattr;
    t->slots.iter = iter_self;
    t->slots.iternext = t == &deque_iter_type ? dequeiter_next<false> : dequeiter_next<true>;
    t->slots.trace = trace_deque_iter;
    type_init(t, &object_type, TypeDefs{dequeiter_methods, nullptr, nullptr});
  }
  if (error_occurred()) return false;
  done = true;
  return true;
}

}  // namespace tpy::collections
