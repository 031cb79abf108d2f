// interp/modules/builtins_iter.cpp -- The builtins that consume iterables: iter (and the
// callable_iterator of its two-argument form), next, min, max, sum, sorted, any, all, aiter,
// anext.
#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/modules/builtins_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/module.h"

namespace tpy {

// iter(callable, sentinel): calls until the result equals the sentinel.
struct CallIterObject : Object {
  Value callable;  // null once exhausted
  Value sentinel;
};
constinit Type callable_iterator_type{&type_type, "callable_iterator", sizeof(CallIterObject),
                                      kTypeImmutable | kTypeDisallowInstantiation};

namespace {

CallIterObject* as_calliter(Value v) { return static_cast<CallIterObject*>(v.as_object()); }

void calliter_trace(Object* self, VisitFn visit, void* ctx) {
  auto* o = static_cast<CallIterObject*>(self);
  visit(&o->callable, ctx);
  visit(&o->sentinel, ctx);
}

Value calliter_iter(Value self) { return self; }

Value calliter_next(Value self) {
  CallIterObject* o = as_calliter(self);
  if (o->callable.is_null()) return Value();
  Value r = call0(o->callable);
  if (r.is_null()) {
    if (error_matches(exc_StopIteration)) {
      clear_exception();
      gc::store(o, &o->callable, Value());
    }
    return Value();
  }
  int eq = object_equal(r, o->sentinel);
  if (eq < 0) return Value();
  if (eq) {
    gc::store(o, &o->callable, Value());
    return Value();
  }
  return r;
}

Value builtin_iter(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("iter", nargs, 1, 2)) return Value();
  if (nargs == 1) return get_iter(args[0]);
  int c = is_callable(args[0]);
  if (c < 0) return Value();
  if (!c) return raise_error(exc_TypeError, "iter(v, w): v must be callable");
  auto* o = static_cast<CallIterObject*>(gc::alloc(sizeof(CallIterObject), &callable_iterator_type));
  if (!o) return raise_no_memory();
  gc::store(o, &o->callable, args[0]);
  gc::store(o, &o->sentinel, args[1]);
  return Value::from_object(o);
}

Value builtin_next(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("next", nargs, 1, 2)) return Value();
  Value it = args[0];
  UnaryFn fn = type_of(it)->slots.iternext;
  if (!fn)
    return raise_format(exc_TypeError, "'%.200s' object is not an iterator",
                        type_of(it)->c_name());
  Value r = fn(it);
  if (!r.is_null()) return r;
  if (error_occurred()) {
    if (nargs == 1 || !error_matches(exc_StopIteration)) return Value();
    clear_exception();
    return args[1];
  }
  if (nargs == 2) return args[1];
  return raise_empty(exc_StopIteration);
}

// min / max (CPython's min_max).
Value min_max(const Value* args, size_t nargs, Value kwnames, CompareOp op, const char* name) {
  Value key, deflt;
  if (!kwnames.is_null()) {
    for (int64_t i = 0; i < tuple_length(kwnames); i++) {
      Value k = tuple_at(kwnames, i);
      if (str_equal_ascii(k, "key")) key = args[nargs + i];
      else if (str_equal_ascii(k, "default")) deflt = args[nargs + i];
      else
        return raise_format(exc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                            name);
    }
  }
  if (nargs == 0)
    return raise_format(exc_TypeError, "%s expected at least 1 argument, got 0", name);
  if (nargs > 1 && !deflt.is_null())
    return raise_format(exc_TypeError,
                        "Cannot specify a default for %s() with multiple positional arguments",
                        name);
  if (!key.is_null() && is_none(key)) key = Value();
  Value it = get_iter(nargs == 1 ? args[0] : tuple_from_array(args, static_cast<int64_t>(nargs)));
  if (it.is_null()) return it;
  Value best, best_key;
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) {
      if (error_occurred()) return Value();
      break;
    }
    Value k = item;
    if (!key.is_null()) {
      k = call1(key, item);
      if (k.is_null()) return k;
    }
    if (best.is_null()) {
      best = item;
      best_key = k;
      continue;
    }
    int c = compare_bool(k, best_key, op);
    if (c < 0) return Value();
    if (c) {
      best = item;
      best_key = k;
    }
  }
  if (best.is_null()) {
    if (!deflt.is_null()) return deflt;
    return raise_format(exc_ValueError, "%s() arg is an empty sequence", name);
  }
  return best;
}

Value builtin_min(Value, const Value* args, size_t nargs, Value kwnames) {
  return min_max(args, nargs, kwnames, CompareOp::Lt, "min");
}
Value builtin_max(Value, const Value* args, size_t nargs, Value kwnames) {
  return min_max(args, nargs, kwnames, CompareOp::Gt, "max");
}

Value builtin_sum(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"", "start", nullptr};
  Value iterable, start;
  ArgSpec spec{"sum", kw, 1, 2, 1, false};
  if (!parse_args(spec, args, nargs, kwnames, {&iterable, &start})) return Value();
  Value result = start.is_null() ? Value::from_int(0) : start;
  if (!start.is_null()) {
    if (is_str(start))
      return raise_error(exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Type* t = type_of(start);
    if (t->has_flag(kTypeBytesSubclass))
      return raise_error(exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (std::string_view(t->c_name()) == "bytearray")
      return raise_error(exc_TypeError,
                         "sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  Value it = get_iter(iterable);
  if (it.is_null()) return it;
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) {
      if (error_occurred()) return Value();
      return result;
    }
    // The int fast path: tagged ints add without dispatch.
    if (result.is_int() && item.is_int()) {
      result = int_add(result, item);
    } else {
      result = binary_op(result, item, BinOp::Add);
    }
    if (result.is_null()) return result;
  }
}

Value builtin_sorted(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1)
    return raise_format(exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
  static const char* const kw[] = {"key", "reverse", nullptr};
  Value key, reverse;
  ArgSpec spec{"sort", kw, 0, 0, 0, false};
  if (!parse_args(spec, args + 1, 0, kwnames, {&key, &reverse})) return Value();
  Value l = list_from_iterable(args[0]);
  if (l.is_null()) return l;
  bool rev = false;
  if (!reverse.is_null()) {
    int64_t r;
    if (!index_to_i64(reverse, &r)) return Value();
    rev = r != 0;
  }
  if (!key.is_null() && is_none(key)) key = Value();
  if (list_sort(l, key, rev) < 0) return Value();
  return l;
}

Value any_all(Value iterable, bool want) {
  Value it = get_iter(iterable);
  if (it.is_null()) return it;
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) return error_occurred() ? Value() : Bool(!want);
    int t = object_truthy(item);
    if (t < 0) return Value();
    if ((t != 0) == want) return Bool(want);
  }
}

Value builtin_any(Value, const Value* args, size_t, Value) { return any_all(args[0], true); }
Value builtin_all(Value, const Value* args, size_t, Value) { return any_all(args[0], false); }

Value builtin_aiter(Value, const Value* args, size_t, Value) {
  Value v = args[0];
  UnaryFn fn = type_of(v)->slots.am_aiter;
  if (!fn)
    return raise_format(exc_TypeError, "'%.200s' object is not an async iterable",
                        type_of(v)->c_name());
  Value it = fn(v);
  if (it.is_null()) return it;
  if (!type_of(it)->slots.am_anext)
    return raise_format(exc_TypeError, "aiter() returned not an async iterator of type '%.100s'",
                        type_of(it)->c_name());
  return it;
}

Value builtin_anext(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("anext", nargs, 1, 2)) return Value();
  Value v = args[0];
  UnaryFn fn = type_of(v)->slots.am_anext;
  if (!fn)
    return raise_format(exc_TypeError, "'%.200s' object is not an async iterator",
                        type_of(v)->c_name());
  if (nargs == 2)
    return raise_error(exc_NotImplementedError, "anext() with a default is not supported yet");
  return fn(v);
}

const MethodDef iter_functions[] = {
    {"aiter", builtin_aiter, kMethO, nullptr},
    {"all", builtin_all, kMethO, nullptr},
    {"anext", builtin_anext, kMethFast, nullptr},
    {"any", builtin_any, kMethO, nullptr},
    {"iter", builtin_iter, kMethFast, nullptr},
    {"max", builtin_max, kMethFastKw, nullptr},
    {"min", builtin_min, kMethFastKw, nullptr},
    {"next", builtin_next, kMethFast, nullptr},
    {"sorted", builtin_sorted, kMethFastKw, nullptr},
    {"sum", builtin_sum, kMethFastKw, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool init_builtin_iter_functions(Value d) {
  callable_iterator_type.slots.trace = calliter_trace;
  callable_iterator_type.slots.iter = calliter_iter;
  callable_iterator_type.slots.iternext = calliter_next;
  type_init(&callable_iterator_type, &object_type, TypeDefs{});
  Value name = str_intern("builtins");
  return add_native_functions(d, iter_functions, builtins_module(), name) == 0;
}

}  // namespace tpy
