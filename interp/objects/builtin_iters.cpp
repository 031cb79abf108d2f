// interp/objects/builtin_iters.cpp -- enumerate, zip, map, filter, reversed with CPython 3.11's
// argument handling, messages, __reduce__ and __length_hint__.
#include "interp/objects/builtin_iters.h"

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/dict.h"
#include "interp/objects/int.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

class EnumerateObject : public Object {
 public:
  int64_t index;    // next index while it fits; see long_index
  Value iter;
  Value long_index;  // the index as a Python int once it left int64 (or start was big), else null
};

class ZipObject : public Object {
 public:
  int64_t strict;
  Value iters;  // tuple of iterators
};

class MapObject : public Object {
 public:
  Value func;
  Value iters;  // tuple of iterators
};

class FilterObject : public Object {
 public:
  Value func;  // None: truthiness
  Value iter;
};

class ReversedObject : public Object {
 public:
  int64_t index;
  Value seq;  // null once exhausted
};

void trace_enum(Object* self, VisitFn visit, void* ctx) {
  auto* o = static_cast<EnumerateObject*>(self);
  visit(&o->iter, ctx);
  visit(&o->long_index, ctx);
}
void trace_zip(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<ZipObject*>(self)->iters, ctx);
}
void trace_map(Object* self, VisitFn visit, void* ctx) {
  auto* o = static_cast<MapObject*>(self);
  visit(&o->func, ctx);
  visit(&o->iters, ctx);
}
void trace_filter(Object* self, VisitFn visit, void* ctx) {
  auto* o = static_cast<FilterObject*>(self);
  visit(&o->func, ctx);
  visit(&o->iter, ctx);
}
void trace_reversed(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<ReversedObject*>(self)->seq, ctx);
}

constexpr Type make_type(const char* name, uint32_t size, TraceFn trace) {
  Type t(&type_type, name, size, kTypeBaseType | kTypeImmutable);
  t.slots.trace = trace;
  return t;
}

}  // namespace

constinit Type enumerate_type = make_type("enumerate", sizeof(EnumerateObject), trace_enum);
constinit Type zip_type = make_type("zip", sizeof(ZipObject), trace_zip);
constinit Type map_type = make_type("map", sizeof(MapObject), trace_map);
constinit Type filter_type = make_type("filter", sizeof(FilterObject), trace_filter);
constinit Type reversed_type = make_type("reversed", sizeof(ReversedObject), trace_reversed);

namespace {

template <class T>
T* new_instance(Type* type) {
  return static_cast<T*>(alloc_instance(type));
}

Value iter_self(Value self) { return self; }

// next(it) through the slot; null with no exception at the end (StopIteration swallowed).
Value next_of(Value it) {
  UnaryFn f = type_of(it)->slots.iternext;
  Value v = f ? f(it) : iter_next(it);
  if (v.is_null() && error_occurred() && error_matches(exc_StopIteration)) clear_exception();
  return v;
}

// A tuple of iter(x) for each of args[0, n).
Value iter_tuple(const Value* args, size_t n) {
  Value t = tuple_new(static_cast<int64_t>(n));
  if (t.is_null()) return t;
  for (size_t i = 0; i < n; i++) {
    Value it = get_iter(args[i]);
    if (it.is_null()) return it;
    tuple_init_item(t, static_cast<int64_t>(i), it);
  }
  return t;
}

// -- enumerate ------------------------------------------------------------------------------------

bool check_keyword(Value kwnames, int64_t i, const char* name) {
  Value kw = tuple_at(kwnames, i);
  if (str_equal_ascii(kw, name)) return true;
  raise_format(exc_TypeError, "'%S' is an invalid keyword argument for enumerate()", kw);
  return false;
}

Value enum_make(Type* type, Value iterable, Value start) {
  Value it = get_iter(iterable);
  if (it.is_null()) return it;
  auto* e = new_instance<EnumerateObject>(type);
  if (e == nullptr) return Value();
  gc::store(e, &e->iter, it);
  if (!start.is_null()) {
    Value s = number_index(start);
    if (s.is_null()) return s;
    int64_t i;
    if (int_to_i64(s, &i)) {
      e->index = i;
    } else {
      e->index = INT64_MAX;
      gc::store(e, &e->long_index, s);
    }
  }
  return Value::from_object(e);
}

Value enum_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  int64_t nkw = kwnames.is_null() ? 0 : tuple_length(kwnames);
  int64_t total = static_cast<int64_t>(nargs) + nkw;
  if (total == 2) {
    if (nkw == 1) {
      if (!check_keyword(kwnames, 0, "start")) return Value();
    } else if (nkw == 2) {
      if (str_equal_ascii(tuple_at(kwnames, 0), "start")) {
        if (!check_keyword(kwnames, 1, "iterable")) return Value();
        return enum_make(type, args[1], args[0]);
      }
      if (!check_keyword(kwnames, 0, "iterable") || !check_keyword(kwnames, 1, "start"))
        return Value();
    }
    return enum_make(type, args[0], args[1]);
  }
  if (total == 1) {
    if (nkw == 1 && !check_keyword(kwnames, 0, "iterable")) return Value();
    return enum_make(type, args[0], Value());
  }
  if (nargs == 0) return raise_error(exc_TypeError, "enumerate() missing required argument 'iterable'");
  return raise_format(exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)", total);
}

Value enum_next(Value self) {
  auto* e = static_cast<EnumerateObject*>(self.as_object());
  Value item = next_of(e->iter);
  if (item.is_null()) return item;
  Value index;
  if (e->long_index.is_null() && e->index != INT64_MAX) {
    index = int_from_i64(e->index++);
  } else {
    if (e->long_index.is_null()) gc::store(e, &e->long_index, int_from_i64(INT64_MAX));
    index = e->long_index;
    Value next = int_add(index, Value::from_int(1));
    if (next.is_null()) return raise_no_memory();
    gc::store(e, &e->long_index, next);
  }
  return tuple_pack({index, item});
}

Value enum_reduce(Value self, const Value*, size_t, Value) {
  auto* e = static_cast<EnumerateObject*>(self.as_object());
  Value index = e->long_index.is_null() ? int_from_i64(e->index) : e->long_index;
  Value args = tuple_pack({e->iter, index});
  if (args.is_null()) return args;
  return tuple_pack({Value::from_object(type_of(self)), args});
}

const MethodDef enum_methods[] = {
    {"__reduce__", enum_reduce, kMethNoArgs, "Return state information for pickling."},
    TPY_CLASS_GETITEM_ROW,
    {nullptr, nullptr, 0, nullptr}};

// -- zip ------------------------------------------------------------------------------------------

Value zip_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  bool strict = false;
  if (!kwnames.is_null()) {
    for (int64_t i = 0; i < tuple_length(kwnames); i++) {
      Value kw = tuple_at(kwnames, i);
      if (!str_equal_ascii(kw, "strict"))
        return raise_format(exc_TypeError, "'%S' is an invalid keyword argument for zip()", kw);
      int t = object_truthy(args[nargs + static_cast<size_t>(i)]);
      if (t < 0) return Value();
      strict = t;
    }
  }
  Value iters = iter_tuple(args, nargs);
  if (iters.is_null()) return iters;
  auto* z = new_instance<ZipObject>(type);
  if (z == nullptr) return Value();
  z->strict = strict;
  gc::store(z, &z->iters, iters);
  return Value::from_object(z);
}

Value zip_next(Value self) {
  auto* z = static_cast<ZipObject*>(self.as_object());
  int64_t n = tuple_length(z->iters);
  if (n == 0) return Value();
  Value result = tuple_new(n);
  if (result.is_null()) return result;
  for (int64_t i = 0; i < n; i++) {
    Value item = next_of(tuple_at(z->iters, i));
    if (item.is_null()) {
      if (error_occurred() || !z->strict) return Value();
      if (i) {
        return raise_format(exc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                            i + 1, i == 1 ? " " : "s 1-", i);
      }
      for (int64_t j = 1; j < n; j++) {
        Value x = next_of(tuple_at(z->iters, j));
        if (!x.is_null())
          return raise_format(exc_ValueError, "zip() argument %zd is longer than argument%s%zd",
                              j + 1, j == 1 ? " " : "s 1-", j);
        if (error_occurred()) return Value();
      }
      return Value();
    }
    tuple_init_item(result, i, item);
  }
  return result;
}

Value zip_reduce(Value self, const Value*, size_t, Value) {
  auto* z = static_cast<ZipObject*>(self.as_object());
  Value cls = Value::from_object(type_of(self));
  if (z->strict) return tuple_pack({cls, z->iters, True()});
  return tuple_pack({cls, z->iters});
}

Value zip_setstate(Value self, const Value* args, size_t, Value) {
  int t = object_truthy(args[0]);
  if (t < 0) return Value();
  static_cast<ZipObject*>(self.as_object())->strict = t;
  return None();
}

const MethodDef zip_methods[] = {
    {"__reduce__", zip_reduce, kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", zip_setstate, kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

// -- map ------------------------------------------------------------------------------------------

Value map_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &map_type && !no_kwargs("map", kwnames)) return Value();
  if (nargs < 2) return raise_error(exc_TypeError, "map() must have at least two arguments.");
  Value iters = iter_tuple(args + 1, nargs - 1);
  if (iters.is_null()) return iters;
  auto* m = new_instance<MapObject>(type);
  if (m == nullptr) return Value();
  gc::store(m, &m->func, args[0]);
  gc::store(m, &m->iters, iters);
  return Value::from_object(m);
}

Value map_next(Value self) {
  auto* m = static_cast<MapObject*>(self.as_object());
  int64_t n = tuple_length(m->iters);
  Value small[8];
  Value argst;
  Value* argv = small;
  if (n > 8) {
    argst = tuple_new(n);
    if (argst.is_null()) return argst;
    argv = as_tuple(argst)->items;
  }
  for (int64_t i = 0; i < n; i++) {
    Value item = next_of(tuple_at(m->iters, i));
    if (item.is_null()) return item;
    if (n > 8)
      tuple_init_item(argst, i, item);
    else
      argv[i] = item;
  }
  return call(m->func, argv, static_cast<size_t>(n));
}

Value map_reduce(Value self, const Value*, size_t, Value) {
  auto* m = static_cast<MapObject*>(self.as_object());
  int64_t n = tuple_length(m->iters);
  Value args = tuple_new(n + 1);
  if (args.is_null()) return args;
  tuple_init_item(args, 0, m->func);
  for (int64_t i = 0; i < n; i++) tuple_init_item(args, i + 1, tuple_at(m->iters, i));
  return tuple_pack({Value::from_object(type_of(self)), args});
}

const MethodDef map_methods[] = {
    {"__reduce__", map_reduce, kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

// -- filter ---------------------------------------------------------------------------------------

Value filter_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &filter_type && !no_kwargs("filter", kwnames)) return Value();
  if (nargs != 2)
    return raise_format(exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
  Value it = get_iter(args[1]);
  if (it.is_null()) return it;
  auto* f = new_instance<FilterObject>(type);
  if (f == nullptr) return Value();
  gc::store(f, &f->func, args[0]);
  gc::store(f, &f->iter, it);
  return Value::from_object(f);
}

Value filter_next(Value self) {
  auto* f = static_cast<FilterObject*>(self.as_object());
  bool truth_only = is_none(f->func) || f->func == Value::from_object(&bool_type);
  for (;;) {
    Value item = next_of(f->iter);
    if (item.is_null()) return item;
    int ok;
    if (truth_only) {
      ok = object_truthy(item);
    } else {
      Value r = call1(f->func, item);
      if (r.is_null()) return r;
      ok = object_truthy(r);
    }
    if (ok < 0) return Value();
    if (ok) return item;
  }
}

Value filter_reduce(Value self, const Value*, size_t, Value) {
  auto* f = static_cast<FilterObject*>(self.as_object());
  Value args = tuple_pack({f->func, f->iter});
  if (args.is_null()) return args;
  return tuple_pack({Value::from_object(type_of(self)), args});
}

const MethodDef filter_methods[] = {
    {"__reduce__", filter_reduce, kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

// -- reversed -------------------------------------------------------------------------------------

Value reversed_make(Type* type, Value seq) {
  static StrConst k_reversed("__reversed__");
  Value method = lookup_special(seq, k_reversed.get());
  if (!method.is_null()) {
    if (is_none(method)) {
      return raise_format(exc_TypeError, "'%.200s' object is not reversible",
                          type_of(seq)->c_name());
    }
    return call0(method);
  }
  if (error_occurred()) return Value();
  Type* t = type_of(seq);
  if (t->slots.getitem == nullptr || t->slots.len == nullptr || is_dict(seq))
    return raise_format(exc_TypeError, "'%.200s' object is not reversible", t->c_name());
  int64_t n = object_length(seq);
  if (n < 0) return Value();
  auto* r = new_instance<ReversedObject>(type);
  if (r == nullptr) return Value();
  r->index = n - 1;
  gc::store(r, &r->seq, seq);
  return Value::from_object(r);
}

Value reversed_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &reversed_type && !no_kwargs("reversed", kwnames)) return Value();
  if (nargs != 1)
    return raise_format(exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
  return reversed_make(type, args[0]);
}

Value reversed_next(Value self) {
  auto* r = static_cast<ReversedObject*>(self.as_object());
  if (r->index >= 0 && !r->seq.is_null()) {
    Value item = getitem(r->seq, int_from_i64(r->index));
    if (!item.is_null()) {
      r->index--;
      return item;
    }
    if (error_matches(exc_IndexError) || error_matches(exc_StopIteration)) clear_exception();
    else return Value();
  }
  r->index = -1;
  r->seq = Value();
  return Value();
}

Value reversed_length_hint(Value self, const Value*, size_t, Value) {
  auto* r = static_cast<ReversedObject*>(self.as_object());
  if (r->seq.is_null()) return Value::from_int(0);
  int64_t n = object_length(r->seq);
  if (n < 0) return Value();
  return int_from_i64(n < r->index + 1 ? 0 : r->index + 1);
}

Value reversed_reduce(Value self, const Value*, size_t, Value) {
  auto* r = static_cast<ReversedObject*>(self.as_object());
  Value cls = Value::from_object(type_of(self));
  if (r->seq.is_null()) {
    Value args = tuple_pack({tuple_empty()});
    if (args.is_null()) return args;
    return tuple_pack({cls, args});
  }
  Value args = tuple_pack({r->seq});
  if (args.is_null()) return args;
  return tuple_pack({cls, args, int_from_i64(r->index)});
}

Value reversed_setstate(Value self, const Value* args, size_t, Value) {
  auto* r = static_cast<ReversedObject*>(self.as_object());
  int64_t index;
  if (!index_to_i64(args[0], &index)) return Value();
  if (!r->seq.is_null()) {
    int64_t n = object_length(r->seq);
    if (n < 0) return Value();
    if (index < -1) index = -1;
    else if (index > n - 1) index = n - 1;
    r->index = index;
  }
  return None();
}

const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reversed_reduce, kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", reversed_setstate, kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

void fill(Type* t, NewFn new_fn, UnaryFn next) {
  t->slots.new_ = new_fn;
  t->slots.getattro = generic_getattr;
  t->slots.iter = iter_self;
  t->slots.iternext = next;
}

}  // namespace

Value reversed_new(Value seq) { return reversed_make(&reversed_type, seq); }

bool init_builtin_iters() {
  fill(&enumerate_type, enum_tp_new, enum_next);
  type_init(&enumerate_type, &object_type, TypeDefs{enum_methods, nullptr, nullptr},
            "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe "
            "enumerate object yields pairs containing a count (from start, which\ndefaults to "
            "zero) and a value yielded by the iterable argument.\n\nenumerate is useful for "
            "obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...");
  fill(&zip_type, zip_tp_new, zip_next);
  type_init(&zip_type, &object_type, TypeDefs{zip_methods, nullptr, nullptr},
            "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n   "
            ">>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', "
            "2, 2)]\n\nThe zip object yields n-length tuples, where n is the number of "
            "iterables\npassed as positional arguments to zip().  The i-th element in every "
            "tuple\ncomes from the i-th iterable argument to zip().  This continues until "
            "the\nshortest argument is exhausted.\n\nIf strict is true and one of the arguments "
            "is exhausted before the others,\nraise a ValueError.");
  fill(&map_type, map_tp_new, map_next);
  type_init(&map_type, &object_type, TypeDefs{map_methods, nullptr, nullptr},
            "map(func, *iterables) --> map object\n\nMake an iterator that computes the "
            "function using arguments from\neach of the iterables.  Stops when the shortest "
            "iterable is exhausted.");
  fill(&filter_type, filter_tp_new, filter_next);
  type_init(&filter_type, &object_type, TypeDefs{filter_methods, nullptr, nullptr},
            "filter(function or None, iterable) --> filter object\n\nReturn an iterator "
            "yielding those items of iterable for which function(item)\nis true. If function is "
            "None, return the items that are true.");
  fill(&reversed_type, reversed_tp_new, reversed_next);
  type_init(&reversed_type, &object_type, TypeDefs{reversed_methods, nullptr, nullptr},
            "Return a reverse iterator over the values of the given sequence.");
  return !error_occurred();
}

}  // namespace tpy
