// interp/objects/slice.cpp -- The slice type and the index clamping of PySlice_Unpack/AdjustIndices.
#include "interp/objects/slice.h"

#include <cstddef>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/int.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

void trace_slice(Object* self, VisitFn visit, void* ctx) {
  auto* s = static_cast<SliceObject*>(self);
  visit(&s->start, ctx);
  visit(&s->stop, ctx);
  visit(&s->step, ctx);
}

constexpr Type make_slice_type() {
  Type t(&type_type, "slice", sizeof(SliceObject), kTypeImmutable);
  t.slots.trace = trace_slice;
  return t;
}

constexpr int64_t kSsizeMax = INT64_MAX;
constexpr int64_t kSsizeMin = INT64_MIN;

// _PyEval_SliceIndex: an int (or __index__) clamped to the int64 range.
bool slice_index(Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.as_int();
    return true;
  }
  if (!has_index(v)) {
    raise_error(exc_TypeError,
                "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Value i = number_index(v);
  if (i.is_null()) return false;
  if (!int_to_i64(i, out)) *out = int_sign(i) < 0 ? kSsizeMin : kSsizeMax;
  return true;
}

}  // namespace

constinit Type slice_type = make_slice_type();

Value slice_new(Value start, Value stop, Value step) {
  auto* s = gc::alloc_as<SliceObject>(&slice_type);
  if (s == nullptr) return raise_no_memory();
  gc::store(s, &s->start, start.is_null() ? None() : start);
  gc::store(s, &s->stop, stop.is_null() ? None() : stop);
  gc::store(s, &s->step, step.is_null() ? None() : step);
  return Value::from_object(s);
}

bool slice_unpack(Value slice, int64_t* start, int64_t* stop, int64_t* step) {
  SliceObject* s = as_slice(slice);
  if (is_none(s->step)) {
    *step = 1;
  } else {
    if (!slice_index(s->step, step)) return false;
    if (*step == 0) {
      raise_error(exc_ValueError, "slice step cannot be zero");
      return false;
    }
    if (*step < -kSsizeMax) *step = -kSsizeMax;
  }
  if (is_none(s->start)) {
    *start = *step < 0 ? kSsizeMax : 0;
  } else if (!slice_index(s->start, start)) {
    return false;
  }
  if (is_none(s->stop)) {
    *stop = *step < 0 ? kSsizeMin : kSsizeMax;
  } else if (!slice_index(s->stop, stop)) {
    return false;
  }
  return true;
}

int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

int64_t slice_indices_for(Value slice, int64_t length, int64_t* start, int64_t* stop,
                          int64_t* step) {
  if (!slice_unpack(slice, start, stop, step)) return -1;
  return slice_adjust_indices(length, start, stop, *step);
}

bool sequence_index(Value key, const char* what, int64_t* out) {
  if (key.is_int()) {
    *out = key.as_int();
    return true;
  }
  if (!has_index(key)) {
    raise_format(exc_TypeError, "%s indices must be integers or slices, not %.200s", what,
                 type_of(key)->c_name());
    return false;
  }
  Value i = number_index(key);
  if (i.is_null()) return false;
  if (!int_to_i64(i, out)) {
    raise_format(exc_IndexError, "cannot fit '%.200s' into an index-sized integer",
                 type_of(key)->c_name());
    return false;
  }
  return true;
}

// -- The Python type ------------------------------------------------------------------------------

namespace {

Value slice_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("slice", kwnames)) return Value();
  if (!check_unpack("slice", nargs, 1, 3)) return Value();
  if (nargs == 1) return slice_new(None(), args[0], None());
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : None());
}

Value slice_repr(Value self) {
  SliceObject* s = as_slice(self);
  StrBuilder b;
  b.text("slice(").repr(s->start).text(", ").repr(s->stop).text(", ").repr(s->step).text(")");
  return b.finish();
}

Value slice_as_tuple(Value self) {
  SliceObject* s = as_slice(self);
  return tuple_pack({s->start, s->stop, s->step});
}

Value slice_richcompare(Value a, Value b, CompareOp op) {
  if (!is_slice(a) || !is_slice(b)) return NotImplemented();
  if (a == b && (op == CompareOp::Eq || op == CompareOp::Ne)) return Bool(op == CompareOp::Eq);
  Value ta = slice_as_tuple(a);
  if (ta.is_null()) return ta;
  Value tb = slice_as_tuple(b);
  if (tb.is_null()) return tb;
  return compare(ta, tb, op);
}

// slice.indices(len) with int64 arithmetic (lengths beyond 2**63 are not supported).
Value slice_indices(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value n = number_index(args[0]);
  if (n.is_null()) return n;
  int64_t length;
  if (!int_to_i64(n, &length)) {
    if (int_sign(n) < 0) return raise_error(exc_ValueError, "length should not be negative");
    length = INT64_MAX;
  }
  if (length < 0) return raise_error(exc_ValueError, "length should not be negative");
  SliceObject* s = as_slice(self);
  int64_t step = 1;
  if (!is_none(s->step)) {
    Value st = number_index(s->step);
    if (st.is_null()) {
      if (error_matches(exc_TypeError)) {
        clear_exception();
        return raise_error(exc_TypeError,
                           "slice indices must be integers or None or have an __index__ method");
      }
      return st;
    }
    if (int_sign(st) == 0) return raise_error(exc_ValueError, "slice step cannot be zero");
    if (!int_to_i64(st, &step)) step = int_sign(st) < 0 ? -INT64_MAX : INT64_MAX;
  }
  int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? length - 1 : length;
  auto clamp = [&](Value v, int64_t dflt, int64_t* out) -> bool {
    if (is_none(v)) {
      *out = dflt;
      return true;
    }
    Value i = number_index(v);
    if (i.is_null()) {
      if (error_matches(exc_TypeError)) {
        clear_exception();
        raise_error(exc_TypeError,
                    "slice indices must be integers or None or have an __index__ method");
      }
      return false;
    }
    int64_t x;
    if (!int_to_i64(i, &x)) x = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    if (x < 0) {
      x = x < INT64_MIN + length ? lower : x + length;
      if (x < lower) x = lower;
    } else if (x > upper) {
      x = upper;
    }
    *out = x;
    return true;
  };
  int64_t start, stop;
  if (!clamp(s->start, step < 0 ? upper : lower, &start)) return Value();
  if (!clamp(s->stop, step < 0 ? lower : upper, &stop)) return Value();
  return tuple_pack({int_from_i64(start), int_from_i64(stop), int_from_i64(step)});
}

Value slice_reduce(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value t = slice_as_tuple(self);
  if (t.is_null()) return t;
  return tuple_pack({Value::from_object(type_of(self)), t});
}

const MethodDef slice_methods[] = {
    {"indices", slice_indices, kMethO,
     "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate "
     "the start and stop\nindices, and the stride length of the extended slice described by\nS. "
     "Out of bounds indices are clipped in a manner consistent with the\nhandling of normal "
     "slices."},
    {"__reduce__", slice_reduce, kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

const MemberDef slice_members[] = {
    {"start", MemberKind::Value, offsetof(SliceObject, start), true, nullptr},
    {"stop", MemberKind::Value, offsetof(SliceObject, stop), true, nullptr},
    {"step", MemberKind::Value, offsetof(SliceObject, step), true, nullptr},
    {nullptr, MemberKind::Value, 0, false, nullptr}};

}  // namespace

bool init_slice() {
  slice_type.slots.new_ = slice_tp_new;
  slice_type.slots.repr = slice_repr;
  slice_type.slots.richcompare = slice_richcompare;
  slice_type.slots.getattro = generic_getattr;
  type_init(&slice_type, &object_type, TypeDefs{slice_methods, slice_members, nullptr},
            "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used "
            "for extended slicing (e.g. a[0:10:2]).");
  set_unhashable(&slice_type);
  return !error_occurred();
}

}  // namespace tpy
