// interp/objects/range.cpp -- range: lazy arithmetic sequences over Python ints, with small-int
// fast paths for length, indexing, containment and iteration.
#include "interp/objects/range.h"

#include <cstddef>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

class RangeIterObject : public Object {
 public:
  int64_t start, step, len;
};

class LongRangeIterObject : public Object {
 public:
  Value start, step, len;
};

void trace_range(Object* self, VisitFn visit, void* ctx) {
  auto* r = static_cast<RangeObject*>(self);
  visit(&r->start, ctx);
  visit(&r->stop, ctx);
  visit(&r->step, ctx);
  visit(&r->length, ctx);
}

void trace_longiter(Object* self, VisitFn visit, void* ctx) {
  auto* r = static_cast<LongRangeIterObject*>(self);
  visit(&r->start, ctx);
  visit(&r->step, ctx);
  visit(&r->len, ctx);
}

constexpr Type make_type(const char* name, uint32_t size, TraceFn trace, uint32_t flags) {
  Type t(&type_type, name, size, kTypeImmutable | flags);
  t.slots.trace = trace;
  return t;
}

}  // namespace

constinit Type range_type = make_type("range", sizeof(RangeObject), trace_range, kTypeSequence);
constinit Type range_iterator_type =
    make_type("range_iterator", sizeof(RangeIterObject), nullptr, kTypeDisallowInstantiation);
constinit Type longrange_iterator_type = make_type(
    "longrange_iterator", sizeof(LongRangeIterObject), trace_longiter, kTypeDisallowInstantiation);

namespace {

const Value kZero = Value::from_int(0);
const Value kOne = Value::from_int(1);

// The number of items of range(lo, hi, step), as an int.
Value compute_length(Value lo, Value hi, Value step) {
  if (lo.is_int() && hi.is_int() && step.is_int()) {
    int64_t l = lo.as_int(), h = hi.as_int(), s = step.as_int();
    // 63-bit operands: the differences fit in int64.
    if (s > 0) return int_from_i64(l < h ? (h - l - 1) / s + 1 : 0);
    if (l > h) {
      uint64_t n = static_cast<uint64_t>(l - h - 1) / (0 - static_cast<uint64_t>(s)) + 1;
      return int_from_u64(n);
    }
    return kZero;
  }
  // General case: max(0, (hi - lo - 1) // step + 1) with the direction of step.
  int sign = int_sign(step);
  Value a = lo, b = hi, st = step;
  if (sign < 0) {
    a = hi;
    b = lo;
    st = int_neg(step);
    if (st.is_null()) return st;
  }
  if (int_compare(a, b) >= 0) return kZero;
  Value diff = int_sub(b, a);
  if (diff.is_null()) return diff;
  diff = int_sub(diff, kOne);
  if (diff.is_null()) return diff;
  Value q = int_floordiv(diff, st);
  if (q.is_null()) return q;
  return int_add(q, kOne);
}

Value int_error_to_exception(Value v) {
  if (v.is_null() && !error_occurred()) {
    IntErrorInfo e = int_take_error();
    return raise_error(exc_MemoryError, int_error_message(e));
  }
  return v;
}

}  // namespace

Value range_new(Value start, Value stop, Value step) {
  Value len = int_error_to_exception(compute_length(start, stop, step));
  if (len.is_null()) return len;
  auto* r = gc::alloc_as<RangeObject>(&range_type);
  if (r == nullptr) return raise_no_memory();
  gc::store(r, &r->start, start);
  gc::store(r, &r->stop, stop);
  gc::store(r, &r->step, step);
  gc::store(r, &r->length, len);
  return Value::from_object(r);
}

namespace {

Value range_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("range", kwnames)) return Value();
  if (!check_unpack("range", nargs, 1, 3)) return Value();
  Value start = kZero, stop, step = kOne;
  if (nargs == 1) {
    stop = number_index(args[0]);
    if (stop.is_null()) return stop;
  } else {
    start = number_index(args[0]);
    if (start.is_null()) return start;
    stop = number_index(args[1]);
    if (stop.is_null()) return stop;
    if (nargs == 3) {
      step = number_index(args[2]);
      if (step.is_null()) return step;
      if (int_sign(step) == 0) return raise_error(exc_ValueError, "range() arg 3 must not be zero");
    }
  }
  return range_new(start, stop, step);
}

Value range_repr(Value self) {
  RangeObject* r = as_range(self);
  StrBuilder b;
  b.text("range(").repr(r->start).text(", ").repr(r->stop);
  if (!(r->step.is_int() && r->step.as_int() == 1)) b.text(", ").repr(r->step);
  b.text(")");
  return b.finish();
}

int64_t range_len(Value self) {
  int64_t n;
  if (!int_to_i64(as_range(self)->length, &n)) {
    raise_error(exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return n;
}

int range_bool(Value self) { return int_sign(as_range(self)->length) != 0; }

// start + i * step for an int i known to be in range.
Value item_at(RangeObject* r, Value i) {
  Value off = int_mul(i, r->step);
  if (off.is_null()) return int_error_to_exception(off);
  return int_error_to_exception(int_add(r->start, off));
}

// slice.indices() over Python ints (_PySlice_GetLongIndices) for ranges longer than int64.
bool big_slice_index(Value v, Value length, Value lower, Value upper, Value dflt, Value* out) {
  if (is_none(v)) {
    *out = dflt;
    return true;
  }
  if (!has_index(v)) {
    raise_error(exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Value x = number_index(v);
  if (x.is_null()) return false;
  if (int_sign(x) < 0) {
    x = int_error_to_exception(int_add(x, length));
    if (x.is_null()) return false;
    if (int_compare(x, lower) < 0) x = lower;
  } else if (int_compare(x, upper) > 0) {
    x = upper;
  }
  *out = x;
  return true;
}

Value slice_big(RangeObject* r, Value key) {
  SliceObject* s = as_slice(key);
  Value step = kOne;
  if (!is_none(s->step)) {
    if (!has_index(s->step))
      return raise_error(exc_TypeError,
                         "slice indices must be integers or None or have an __index__ method");
    step = number_index(s->step);
    if (step.is_null()) return step;
    if (int_sign(step) == 0) return raise_error(exc_ValueError, "slice step cannot be zero");
  }
  bool neg = int_sign(step) < 0;
  Value lower = neg ? Value::from_int(-1) : kZero;
  Value upper = neg ? int_error_to_exception(int_add(r->length, lower)) : r->length;
  if (upper.is_null()) return upper;
  Value start, stop;
  if (!big_slice_index(s->start, r->length, lower, upper, neg ? upper : lower, &start))
    return Value();
  if (!big_slice_index(s->stop, r->length, lower, upper, neg ? lower : upper, &stop))
    return Value();
  Value nstart = item_at(r, start);
  if (nstart.is_null()) return nstart;
  Value nstop = item_at(r, stop);
  if (nstop.is_null()) return nstop;
  Value nstep = int_error_to_exception(int_mul(r->step, step));
  if (nstep.is_null()) return nstep;
  return range_new(nstart, nstop, nstep);
}

Value range_getitem(Value self, Value key) {
  RangeObject* r = as_range(self);
  if (key.is_int() && r->length.is_int() && r->start.is_int() && r->step.is_int()) {
    int64_t i = key.as_int(), n = r->length.as_int();
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise_error(exc_IndexError, "range object index out of range");
    return item_at(r, Value::from_int(i));
  }
  if (is_slice(key)) {
    int64_t n;
    if (!int_to_i64(r->length, &n)) return slice_big(r, key);
    int64_t start, stop, step;
    if (slice_indices_for(key, n, &start, &stop, &step) < 0) return Value();
    Value nstart = item_at(r, int_from_i64(start));
    if (nstart.is_null()) return nstart;
    Value nstop = item_at(r, int_from_i64(stop));
    if (nstop.is_null()) return nstop;
    Value nstep = int_error_to_exception(int_mul(r->step, int_from_i64(step)));
    if (nstep.is_null()) return nstep;
    return range_new(nstart, nstop, nstep);
  }
  if (!has_index(key))
    return raise_format(exc_TypeError, "range indices must be integers or slices, not %.200s",
                        type_of(key)->c_name());
  Value i = number_index(key);
  if (i.is_null()) return i;
  if (int_sign(i) < 0) {
    i = int_add(i, r->length);
    if (i.is_null()) return int_error_to_exception(i);
  }
  if (int_sign(i) < 0 || int_compare(i, r->length) >= 0)
    return raise_error(exc_IndexError, "range object index out of range");
  return item_at(r, i);
}

// 1 when the exact int [v] is one of the range's values.
int contains_int(RangeObject* r, Value v) {
  int cmp_start = int_compare(v, r->start), cmp_stop = int_compare(v, r->stop);
  if (int_sign(r->step) > 0) {
    if (cmp_start < 0 || cmp_stop >= 0) return 0;
  } else {
    if (cmp_start > 0 || cmp_stop <= 0) return 0;
  }
  Value diff = int_sub(v, r->start);
  if (diff.is_null()) return -1;
  Value m = int_mod(diff, r->step);
  if (m.is_null()) return -1;
  return int_sign(m) == 0;
}

Value as_exact_int(Value v) {
  if (is_exact_int(v)) return v;
  if (is_bool(v)) return Value::from_int(v == True() ? 1 : 0);
  return Value();
}

int range_contains(Value self, Value item) {
  Value i = as_exact_int(item);
  if (!i.is_null()) return contains_int(as_range(self), i);
  // Anything else: compare with every value (PySequence_Contains's iteration).
  Value it = get_iter(self);
  if (it.is_null()) return -1;
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) return error_occurred() ? -1 : 0;
    int eq = object_equal(x, item);
    if (eq != 0) return eq;
  }
}

Value range_richcompare(Value a, Value b, CompareOp op) {
  if (!is_range(a) || !is_range(b) || (op != CompareOp::Eq && op != CompareOp::Ne))
    return NotImplemented();
  bool eq;
  if (a == b) {
    eq = true;
  } else {
    RangeObject* r0 = as_range(a);
    RangeObject* r1 = as_range(b);
    if (!int_equal(r0->length, r1->length)) {
      eq = false;
    } else if (int_sign(r0->length) == 0) {
      eq = true;
    } else if (!int_equal(r0->start, r1->start)) {
      eq = false;
    } else if (int_equal(r0->length, kOne)) {
      eq = true;
    } else {
      eq = int_equal(r0->step, r1->step);
    }
  }
  return Bool(eq == (op == CompareOp::Eq));
}

int64_t range_hash(Value self) {
  RangeObject* r = as_range(self);
  Value t;
  if (int_sign(r->length) == 0)
    t = tuple_pack({r->length, None(), None()});
  else if (int_equal(r->length, kOne))
    t = tuple_pack({r->length, r->start, None()});
  else
    t = tuple_pack({r->length, r->start, r->step});
  if (t.is_null()) return -1;
  return object_hash(t);
}

Value make_iter(Value start, Value stop, Value step, Value len) {
  int64_t s, st, n, e;
  bool small = int_to_i64(start, &s) && int_to_i64(step, &st) && int_to_i64(len, &n) &&
               int_to_i64(stop, &e);
  if (small && n > 0) {
    // start + len * step must not overflow (CPython's fast_range_iter condition).
    if (st > 0 ? e > INT64_MAX - (st - 1) : e < INT64_MIN + (-1 - st)) small = false;
  }
  if (small) {
    auto* it = gc::alloc_as<RangeIterObject>(&range_iterator_type);
    if (it == nullptr) return raise_no_memory();
    it->start = s;
    it->step = st;
    it->len = n;
    return Value::from_object(it);
  }
  auto* it = gc::alloc_as<LongRangeIterObject>(&longrange_iterator_type);
  if (it == nullptr) return raise_no_memory();
  gc::store(it, &it->start, start);
  gc::store(it, &it->step, step);
  gc::store(it, &it->len, len);
  return Value::from_object(it);
}

Value range_iter(Value self) {
  RangeObject* r = as_range(self);
  return make_iter(r->start, r->stop, r->step, r->length);
}

Value m_reversed(Value self, const Value*, size_t, Value) {
  RangeObject* r = as_range(self);
  // reversed(range(start, stop, step)) = range(start + (len-1)*step, start - step, -step).
  Value last;
  if (int_sign(r->length) == 0) {
    last = r->start;
  } else {
    Value lm1 = int_sub(r->length, kOne);
    if (lm1.is_null()) return int_error_to_exception(lm1);
    last = item_at(r, lm1);
    if (last.is_null()) return last;
  }
  Value nstep = int_error_to_exception(int_neg(r->step));
  if (nstep.is_null()) return nstep;
  Value nstop = int_error_to_exception(int_sub(r->start, r->step));
  if (nstop.is_null()) return nstop;
  return make_iter(last, nstop, nstep, r->length);
}

Value m_count(Value self, const Value* args, size_t, Value) {
  Value i = as_exact_int(args[0]);
  if (!i.is_null()) {
    int r = contains_int(as_range(self), i);
    if (r < 0) return Value();
    return Value::from_int(r);
  }
  Value it = get_iter(self);
  if (it.is_null()) return it;
  int64_t count = 0;
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) return error_occurred() ? Value() : int_from_i64(count);
    int eq = object_equal(x, args[0]);
    if (eq < 0) return Value();
    count += eq;
  }
}

Value m_index(Value self, const Value* args, size_t, Value) {
  RangeObject* r = as_range(self);
  Value i = as_exact_int(args[0]);
  if (!i.is_null()) {
    int c = contains_int(r, i);
    if (c < 0) return Value();
    if (!c) return raise_format(exc_ValueError, "%R is not in range", args[0]);
    Value diff = int_sub(i, r->start);
    if (diff.is_null()) return int_error_to_exception(diff);
    return int_error_to_exception(int_floordiv(diff, r->step));
  }
  Value it = get_iter(self);
  if (it.is_null()) return it;
  for (int64_t n = 0;; n++) {
    Value x = iter_next(it);
    if (x.is_null()) {
      if (error_occurred()) return Value();
      return raise_error(exc_ValueError, "sequence.index(x): x not in sequence");
    }
    int eq = object_equal(x, args[0]);
    if (eq < 0) return Value();
    if (eq) return int_from_i64(n);
  }
}

Value m_reduce(Value self, const Value*, size_t, Value) {
  RangeObject* r = as_range(self);
  Value args = tuple_pack({r->start, r->stop, r->step});
  if (args.is_null()) return args;
  return tuple_pack({Value::from_object(&range_type), args});
}

const MethodDef range_methods[] = {
    {"__reversed__", m_reversed, kMethNoArgs,
     "Return a reverse iterator."},
    {"__reduce__", m_reduce, kMethNoArgs, nullptr},
    {"count", m_count, kMethO,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", m_index, kMethO,
     "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the "
     "value is not present."},
    {nullptr, nullptr, 0, nullptr}};

const MemberDef range_members[] = {
    {"start", MemberKind::Value, offsetof(RangeObject, start), true, nullptr},
    {"stop", MemberKind::Value, offsetof(RangeObject, stop), true, nullptr},
    {"step", MemberKind::Value, offsetof(RangeObject, step), true, nullptr},
    {nullptr, MemberKind::Value, 0, false, nullptr}};

// -- Iterators ------------------------------------------------------------------------------------

Value iter_self(Value self) { return self; }

Value rangeiter_next(Value self) {
  auto* it = static_cast<RangeIterObject*>(self.as_object());
  if (it->len > 0) {
    int64_t v = it->start;
    it->start = v + it->step;
    it->len--;
    return int_from_i64(v);
  }
  return Value();
}

Value rangeiter_length_hint(Value self, const Value*, size_t, Value) {
  return int_from_i64(static_cast<RangeIterObject*>(self.as_object())->len);
}

Value iter_reduce_common(Value start, Value step, Value len) {
  Value end = int_mul(len, step);
  if (end.is_null()) return int_error_to_exception(end);
  end = int_add(start, end);
  if (end.is_null()) return int_error_to_exception(end);
  Value range = range_new(start, end, step);
  if (range.is_null()) return range;
  Value iter_fn = builtin_iter_callable();
  if (iter_fn.is_null()) return iter_fn;
  Value args = tuple_pack({range});
  if (args.is_null()) return args;
  return tuple_pack({iter_fn, args, kZero});
}

Value rangeiter_reduce(Value self, const Value*, size_t, Value) {
  auto* it = static_cast<RangeIterObject*>(self.as_object());
  return iter_reduce_common(int_from_i64(it->start), int_from_i64(it->step), int_from_i64(it->len));
}

Value rangeiter_setstate(Value self, const Value* args, size_t, Value) {
  auto* it = static_cast<RangeIterObject*>(self.as_object());
  int64_t index;
  if (!index_to_i64(args[0], &index)) return Value();
  if (index < 0) index = 0;
  else if (index > it->len) index = it->len;
  it->start += index * it->step;
  it->len -= index;
  return None();
}

Value longiter_next(Value self) {
  auto* it = static_cast<LongRangeIterObject*>(self.as_object());
  if (int_sign(it->len) <= 0) return Value();
  Value v = it->start;
  Value next = int_add(v, it->step);
  if (next.is_null()) return int_error_to_exception(next);
  Value len = int_sub(it->len, kOne);
  if (len.is_null()) return int_error_to_exception(len);
  gc::store(it, &it->start, next);
  gc::store(it, &it->len, len);
  return v;
}

Value longiter_length_hint(Value self, const Value*, size_t, Value) {
  return static_cast<LongRangeIterObject*>(self.as_object())->len;
}

Value longiter_reduce(Value self, const Value*, size_t, Value) {
  auto* it = static_cast<LongRangeIterObject*>(self.as_object());
  return iter_reduce_common(it->start, it->step, it->len);
}

Value longiter_setstate(Value self, const Value* args, size_t, Value) {
  auto* it = static_cast<LongRangeIterObject*>(self.as_object());
  Value index = number_index(args[0]);
  if (index.is_null()) return index;
  if (int_sign(index) < 0) index = kZero;
  else if (int_compare(index, it->len) > 0) index = it->len;
  Value off = int_mul(index, it->step);
  if (off.is_null()) return int_error_to_exception(off);
  Value start = int_add(it->start, off);
  if (start.is_null()) return int_error_to_exception(start);
  Value len = int_sub(it->len, index);
  if (len.is_null()) return int_error_to_exception(len);
  gc::store(it, &it->start, start);
  gc::store(it, &it->len, len);
  return None();
}

const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", rangeiter_reduce, kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", rangeiter_setstate, kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

const MethodDef longiter_methods[] = {
    {"__length_hint__", longiter_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", longiter_reduce, kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", longiter_setstate, kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool init_range() {
  TypeSlots& s = range_type.slots;
  s.new_ = range_tp_new;
  s.repr = range_repr;
  s.hash = range_hash;
  s.richcompare = range_richcompare;
  s.getattro = generic_getattr;
  s.iter = range_iter;
  s.bool_ = range_bool;
  s.len = range_len;
  s.getitem = range_getitem;
  s.contains = range_contains;
  type_init(&range_type, &object_type, TypeDefs{range_methods, range_members, nullptr},
            "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an "
            "object that produces a sequence of integers from start (inclusive)\nto stop "
            "(exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults "
            "to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the "
            "valid indices for a list of 4 elements.\nWhen step is given, it specifies the "
            "increment (or decrement).");
  range_iterator_type.slots.getattro = generic_getattr;
  range_iterator_type.slots.iter = iter_self;
  range_iterator_type.slots.iternext = rangeiter_next;
  type_init(&range_iterator_type, &object_type, TypeDefs{rangeiter_methods, nullptr, nullptr});
  longrange_iterator_type.slots.getattro = generic_getattr;
  longrange_iterator_type.slots.iter = iter_self;
  longrange_iterator_type.slots.iternext = longiter_next;
  type_init(&longrange_iterator_type, &object_type, TypeDefs{longiter_methods, nullptr, nullptr});
  return !error_occurred();
}

}  // namespace tpy
