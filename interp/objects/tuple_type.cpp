// interp/objects/tuple_type.cpp -- The Python-level tuple type: slots, methods and tuple_iterator.
#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/seq_iter.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

constexpr uint64_t kXXPrime1 = 11400714785074694791ULL;
constexpr uint64_t kXXPrime2 = 14029467366897019727ULL;
constexpr uint64_t kXXPrime5 = 2870177450012600261ULL;

Value tuple_item_at(Value t, int64_t i, bool*) { return tuple_at(t, i); }

// A tuple (or subclass instance) of [type] holding [n] items copied from [items].
Value tuple_subtype_new(Type* type, const Value* items, int64_t n) {
  // The items follow TupleObject's header; a subclass's attribute block sits at the end of the
  // cell (kAttrsAtCellEnd), past them.
  Object* o = alloc_instance(type, static_cast<size_t>(n) * sizeof(Value));
  if (o == nullptr) return Value();
  auto* t = static_cast<TupleObject*>(o);
  t->length = n;
  if (n) std::memcpy(static_cast<void*>(t->items), items, static_cast<size_t>(n) * sizeof(Value));
  gc::write_barrier_all(t);
  return Value::from_object(t);
}

Value tuple_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &tuple_type && !no_kwargs("tuple", kwnames)) return Value();
  if (!check_unpack("tuple", nargs, 0, 1)) return Value();
  if (type == &tuple_type) return nargs == 0 ? tuple_empty() : tuple_from_iterable(args[0]);
  Value items = nargs == 0 ? tuple_empty() : tuple_from_iterable(args[0]);
  if (items.is_null()) return items;
  return tuple_subtype_new(type, as_tuple(items)->items, tuple_length(items));
}

Value tuple_repr(Value self) {
  int64_t n = tuple_length(self);
  if (n == 0) return str_from_ascii("()");
  if (repr_enter(self)) return str_from_ascii("(...)");
  StrBuilder b;
  b.text("(");
  for (int64_t i = 0; i < n && b.ok(); i++) {
    if (i) b.text(", ");
    b.repr(tuple_at(self, i));
  }
  b.text(n == 1 ? ",)" : ")");
  repr_leave(self);
  return b.finish();
}

int64_t tuple_hash(Value self) {
  TupleObject* t = as_tuple(self);
  uint64_t acc = kXXPrime5;
  for (int64_t i = 0; i < t->length; i++) {
    int64_t h = object_hash(t->items[i]);
    if (h == -1) return -1;
    acc += static_cast<uint64_t>(h) * kXXPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kXXPrime1;
  }
  acc += static_cast<uint64_t>(t->length) ^ (kXXPrime5 ^ 3527539UL);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

int64_t tuple_len_fn(Value t) { return tuple_length(t); }

Value tuple_richcompare(Value a, Value b, CompareOp op) {
  if (!is_tuple(a) || !is_tuple(b)) return NotImplemented();
  return sequence_compare(a, tuple_len_fn, b, tuple_item_at, op);
}

int64_t tuple_len(Value self) { return tuple_length(self); }

Value tuple_getitem(Value self, Value key) {
  if (key.is_int()) [[likely]] {
    int64_t i = key.as_int(), n = tuple_length(self);
    if (i < 0) i += n;
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n))
      return raise_error(exc_IndexError, "tuple index out of range");
    return tuple_at(self, i);
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t len = slice_indices_for(key, tuple_length(self), &start, &stop, &step);
    if (len < 0) return Value();
    if (len == 0) return tuple_empty();
    if (step == 1) {
      if (start == 0 && len == tuple_length(self) && is_exact_tuple(self)) return self;
      return tuple_from_array(as_tuple(self)->items + start, len);
    }
    Value r = tuple_new(len);
    if (r.is_null()) return r;
    for (int64_t i = 0, j = start; i < len; i++, j += step) tuple_init_item(r, i, tuple_at(self, j));
    return r;
  }
  int64_t i;
  if (!sequence_index(key, "tuple", &i)) return Value();
  int64_t n = tuple_length(self);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise_error(exc_IndexError, "tuple index out of range");
  return tuple_at(self, i);
}

int tuple_contains(Value self, Value item) {
  for (int64_t i = 0; i < tuple_length(self); i++) {
    Value x = tuple_at(self, i);
    if (x == item) return 1;
    int eq = object_equal(x, item);
    if (eq != 0) return eq;
  }
  return 0;
}

Value tuple_iter(Value self) { return seq_iter_new(&tuple_iterator_type, self, 0); }

Value tuple_repeat(Value t, int64_t n) {
  int64_t len = tuple_length(t);
  if (n <= 0 || len == 0) return tuple_empty();
  if (n == 1 && is_exact_tuple(t)) return t;
  if (len > INT64_MAX / 8 / n) return raise_no_memory();
  Value r = tuple_new(len * n);
  if (r.is_null()) return r;
  Value* dst = as_tuple(r)->items;
  for (int64_t k = 0; k < n; k++)
    std::memcpy(static_cast<void*>(dst + k * len), as_tuple(t)->items,
                static_cast<size_t>(len) * sizeof(Value));
  gc::write_barrier_all(as_tuple(r));
  return r;
}

Value tuple_add(Value a, Value b) {
  if (!is_tuple(a)) return NotImplemented();
  if (!is_tuple(b)) {
    BinaryFn other = type_of(b)->slots.binop[static_cast<size_t>(BinOp::Add)];
    if (other != nullptr && other_slot_is_numeric(b) && other != tuple_add) {
      Value r = other(a, b);
      if (r.is_null() || !is_not_implemented(r)) return r;
    }
    return raise_format(exc_TypeError, "can only concatenate tuple (not \"%.200s\") to tuple",
                        type_of(b)->c_name());
  }
  int64_t na = tuple_length(a), nb = tuple_length(b);
  if (nb == 0 && is_exact_tuple(a)) return a;
  if (na == 0 && is_exact_tuple(b)) return b;
  Value r = tuple_new(na + nb);
  if (r.is_null()) return r;
  Value* dst = as_tuple(r)->items;
  std::memcpy(static_cast<void*>(dst), as_tuple(a)->items, static_cast<size_t>(na) * sizeof(Value));
  std::memcpy(static_cast<void*>(dst + na), as_tuple(b)->items,
              static_cast<size_t>(nb) * sizeof(Value));
  gc::write_barrier_all(as_tuple(r));
  return r;
}

Value tuple_mul(Value a, Value b) {
  Value seq = is_tuple(a) ? a : b, count = is_tuple(a) ? b : a;
  if (!has_index(count)) {
    if (seq == a) {
      BinaryFn other = type_of(b)->slots.binop[static_cast<size_t>(BinOp::Multiply)];
      if (other != nullptr && other_slot_is_numeric(b) && other != tuple_mul) {
        Value r = other(a, b);
        if (r.is_null() || !is_not_implemented(r)) return r;
      }
    }
    return raise_format(exc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                        type_of(count)->c_name());
  }
  int64_t n;
  if (!repeat_count(count, &n)) return Value();
  return tuple_repeat(seq, n);
}

Value tuple_count_m(Value self, const Value* args, size_t nargs, Value kwnames) {
  int64_t count = 0;
  for (int64_t i = 0; i < tuple_length(self); i++) {
    int eq = object_equal(tuple_at(self, i), args[0]);
    if (eq < 0) return Value();
    count += eq;
  }
  return int_from_i64(count);
}

// start/stop of index(): _PyEval_SliceIndexNotNone.
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

Value tuple_index_m(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_unpack("index", nargs, 1, 3)) return Value();
  int64_t n = tuple_length(self), start = 0, stop = INT64_MAX;
  if (nargs > 1 && !index_bound(args[1], &start)) return Value();
  if (nargs > 2 && !index_bound(args[2], &stop)) return Value();
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) stop += n;
  for (int64_t i = start; i < stop && i < tuple_length(self); i++) {
    int eq = object_equal(tuple_at(self, i), args[0]);
    if (eq < 0) return Value();
    if (eq) return int_from_i64(i);
  }
  return raise_error(exc_ValueError, "tuple.index(x): x not in tuple");
}

Value tuple_getnewargs(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value copy = tuple_from_array(as_tuple(self)->items, tuple_length(self));
  if (copy.is_null()) return copy;
  return tuple_pack({copy});
}

const MethodDef tuple_methods[] = {
    {"__getnewargs__", tuple_getnewargs, kMethNoArgs, nullptr},
    {"index", tuple_index_m, kMethFast,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", tuple_count_m, kMethO, "Return number of occurrences of value."},
    TPY_CLASS_GETITEM_ROW,
    {nullptr, nullptr, 0, nullptr}};

// -- Sequence iterators (tuple_iterator here; list's share the layout) -----------------------------

void trace_seq_iter(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<SeqIterObject*>(self)->seq, ctx);
}

constexpr Type make_iter_type(const char* name) {
  Type t(&type_type, name, sizeof(SeqIterObject), kTypeImmutable);
  t.slots.trace = trace_seq_iter;
  return t;
}

Value tupleiter_next(Value self) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (it->seq.is_null()) return Value();
  if (it->index < tuple_length(it->seq)) return tuple_at(it->seq, it->index++);
  it->seq = Value();
  return Value();
}

Value tupleiter_length_hint(Value self, const Value*, size_t, Value) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (it->seq.is_null()) return Value::from_int(0);
  int64_t n = tuple_length(it->seq) - it->index;
  return Value::from_int(n < 0 ? 0 : n);
}

Value iter_self(Value self) { return self; }

}  // namespace

// __reduce__ of the forward sequence iterators: (iter, (seq,), index) or (iter, ((),)).
Value seq_iter_reduce(Value self, const Value*, size_t, Value) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  Value iter_fn = builtin_iter_callable();
  if (iter_fn.is_null()) return iter_fn;
  if (it->seq.is_null()) {
    Value empty = tuple_pack({tuple_empty()});
    if (empty.is_null()) return empty;
    return tuple_pack({iter_fn, empty});
  }
  Value args = tuple_pack({it->seq});
  if (args.is_null()) return args;
  return tuple_pack({iter_fn, args, int_from_i64(it->index)});
}

// __setstate__ of the forward sequence iterators: clamps the index into [0, len].
Value seq_iter_setstate(Value self, const Value* args, size_t, Value) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  int64_t index;
  if (!index_to_i64(args[0], &index)) return Value();
  if (!it->seq.is_null()) {
    if (index < 0) index = 0;
    int64_t n = is_tuple(it->seq) ? tuple_length(it->seq) : list_length(it->seq);
    if (index > n) index = n;
    it->index = index;
  }
  return None();
}

namespace {
const MethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", seq_iter_reduce, kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", seq_iter_setstate, kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};
}  // namespace

constinit Type tuple_iterator_type = make_iter_type("tuple_iterator");
constinit Type list_iterator_type = make_iter_type("list_iterator");
constinit Type list_reverseiterator_type = make_iter_type("list_reverseiterator");

Value seq_iter_new(Type* type, Value seq, int64_t index) {
  auto* it = gc::alloc_as<SeqIterObject>(type);
  if (it == nullptr) return raise_no_memory();
  it->index = index;
  gc::store(it, &it->seq, seq);
  return Value::from_object(it);
}

bool init_tuple() {
  TypeSlots& s = tuple_type.slots;
  s.new_ = tuple_tp_new;
  s.repr = tuple_repr;
  s.hash = tuple_hash;
  s.richcompare = tuple_richcompare;
  s.getattro = generic_getattr;
  s.iter = tuple_iter;
  s.len = tuple_len;
  s.getitem = tuple_getitem;
  s.contains = tuple_contains;
  s.binop[static_cast<size_t>(BinOp::Add)] = tuple_add;
  s.binop[static_cast<size_t>(BinOp::Multiply)] = tuple_mul;
  type_init(&tuple_type, &object_type, TypeDefs{tuple_methods, nullptr, nullptr},
            "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an "
            "empty tuple.\nIf iterable is specified the tuple is initialized from iterable's "
            "items.\n\nIf the argument is a tuple, the return value is the same object.");
  remove_type_attr(&tuple_type, "__radd__");
  tuple_iterator_type.slots.getattro = generic_getattr;
  tuple_iterator_type.slots.iter = iter_self;
  tuple_iterator_type.slots.iternext = tupleiter_next;
  type_init(&tuple_iterator_type, &object_type, TypeDefs{tupleiter_methods, nullptr, nullptr});
  return !error_occurred();
}

}  // namespace tpy
