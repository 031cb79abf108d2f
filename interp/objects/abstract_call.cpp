// interp/objects/abstract_call.cpp -- Calls, item access, len, `in`, and iteration (with the
// sequence iterator that iter() falls back to for objects with only __getitem__).
#include <vector>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "gc/roots.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"
#include "interp/objects/descr.h"
#include "interp/objects/type_slots.h"
#include "interp/vm/function.h"

namespace tpy {

// -- Calls -------------------------------------------------------------------------------------------

namespace {

// Whether calling [callable] counts a level of recursion, as in CPython 3.11's specialised
// calls: a Python function's frame counts its own level, a built-in type (vectorcall) or a
// METH_FASTCALL built-in none; METH_O / METH_NOARGS built-ins and everything reached through
// _PyObject_MakeTpCall (classes, instances with __call__, wrappers) one. That keeps the depth
// at which RecursionError strikes, and so its message, CPython's.
bool counts_recursion(Value callable) {
  if (is_function(callable)) return false;
  if (is_method(callable)) return !is_function(as_method(callable)->func);
  Type* t = type_of(callable);
  if (t == &builtin_function_type) {
    uint32_t flags = static_cast<BuiltinFunctionObject*>(callable.as_object())->def->flags;
    return (flags & (kMethO | kMethNoArgs)) != 0;
  }
  if (t == &type_type) return as_type(callable)->is_heap();
  return true;
}

}  // namespace

Value call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  VectorFn f = type_of(callable)->slots.call;
  if (f == nullptr)
    return raise_format(exc_TypeError, "'%.200s' object is not callable",
                        type_of(callable)->c_name());
  if (!counts_recursion(callable)) return f(callable, args, nargs, kwnames);
  ThreadState& t = ts();
  if (++t.recursion_depth > t.recursion_limit) {
    --t.recursion_depth;
    return raise_error(exc_RecursionError,
                       "maximum recursion depth exceeded while calling a Python object");
  }
  Value r = f(callable, args, nargs, kwnames);
  --t.recursion_depth;
  return r;
}

Value call0(Value callable) { return call(callable, nullptr, 0); }
Value call1(Value callable, Value a) { return call(callable, &a, 1); }
Value call2(Value callable, Value a, Value b) {
  Value args[2] = {a, b};
  return call(callable, args, 2);
}

Value call_tuple_dict(Value callable, Value args, Value kwargs) {
  int64_t npos = tuple_length(args);
  if (kwargs.is_null() || dict_length(kwargs) == 0)
    return call(callable, as_tuple(args)->items, static_cast<size_t>(npos));
  int64_t nkw = dict_length(kwargs);
  std::vector<Value> all(static_cast<size_t>(npos + nkw));
  gc::TempRoot root(all.data(), all.size());
  for (int64_t i = 0; i < npos; i++) all[i] = tuple_at(args, i);
  Value names = tuple_new(nkw);
  if (names.is_null()) return names;
  int64_t pos = 0, i = 0;
  Value k, v;
  while (dict_next(kwargs, &pos, &k, &v)) {
    if (!is_str(k)) return raise_error(exc_TypeError, "keywords must be strings");
    tuple_init_item(names, i, k);
    all[npos + i] = v;
    i++;
  }
  return call(callable, all.data(), static_cast<size_t>(npos), names);
}

Value call_method(Value obj, Value name, const Value* args, size_t nargs, Value kwnames) {
  bool is_method;
  Value f = lookup_method(obj, name, &is_method);
  if (f.is_null()) return f;
  if (!is_method) return call(f, args, nargs, kwnames);
  size_t n = nargs + (kwnames.is_null() ? 0 : tuple_length(kwnames));
  std::vector<Value> all(n + 1);
  gc::TempRoot root(all.data(), all.size());
  all[0] = obj;
  for (size_t i = 0; i < n; i++) all[i + 1] = args[i];
  return call(f, all.data(), nargs + 1, kwnames);
}

int is_callable(Value v) { return type_of(v)->slots.call != nullptr; }

// -- Items ---------------------------------------------------------------------------------------------

Value getitem(Value obj, Value key) {
  Type* t = type_of(obj);
  if (t->slots.getitem != nullptr) return t->slots.getitem(obj, key);
  if (is_type(obj)) {
    if (obj == Value::from_object(&type_type)) return generic_alias_new(obj, key);
    static StrConst k_cgi("__class_getitem__");
    Value meth = getattr_opt(obj, k_cgi.get());
    if (!meth.is_null()) return call1(meth, key);
    if (error_occurred()) return Value();
    return raise_format(exc_TypeError, "type '%.200s' is not subscriptable",
                        as_type(obj)->c_name());
  }
  return raise_format(exc_TypeError, "'%.200s' object is not subscriptable", t->c_name());
}

int setitem(Value obj, Value key, Value v) {
  SetItemFn f = type_of(obj)->slots.setitem;
  if (f == nullptr) {
    raise_format(exc_TypeError, "'%.200s' object does not support item assignment",
                 type_of(obj)->c_name());
    return -1;
  }
  return f(obj, key, v);
}

int delitem(Value obj, Value key) {
  SetItemFn f = type_of(obj)->slots.setitem;
  if (f == nullptr) {
    // CPython words it by path: PySequence_DelItem for an index key on a type with sequence
    // methods ("doesn't"), PyObject_DelItem's own message otherwise ("does not").
    Type* t = type_of(obj);
    bool index_key = key.is_int() || type_of(key)->slots.index != nullptr;
    bool sequence = t->is_heap() || t->slots.len != nullptr || t->slots.getitem != nullptr ||
                    t->slots.contains != nullptr;
    raise_format(exc_TypeError, "'%.200s' object %s support item deletion", t->c_name(),
                 index_key && sequence ? "doesn't" : "does not");
    return -1;
  }
  return f(obj, key, Value());
}

int64_t object_length(Value v) {
  LenFn f = type_of(v)->slots.len;
  if (f == nullptr) {
    raise_format(exc_TypeError, "object of type '%.200s' has no len()", type_of(v)->c_name());
    return -1;
  }
  return f(v);
}

int contains(Value container, Value item) {
  ContainsFn f = type_of(container)->slots.contains;
  if (f != nullptr) return f(container, item);
  Type* t = type_of(container);
  if (t->slots.iter == nullptr && (t->slots.getitem == nullptr || is_dict(container))) {
    raise_format(exc_TypeError, "argument of type '%.200s' is not iterable", t->c_name());
    return -1;
  }
  Value it = get_iter(container);
  if (it.is_null()) return -1;
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) return error_occurred() ? -1 : 0;
    int r = object_equal(x, item);
    if (r != 0) return r;
  }
}

// -- Iteration -----------------------------------------------------------------------------------------

namespace {

struct SeqIterObject : Object {
  Value seq;  // null once exhausted
  int64_t index;
};

void seqiter_trace(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<SeqIterObject*>(self)->seq, ctx);
}

Value seqiter_next(Value self) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (it->seq.is_null()) return Value();
  Value r = getitem(it->seq, Value::from_int(it->index));
  if (r.is_null()) {
    if (error_matches(exc_IndexError) || error_matches(exc_StopIteration)) {
      clear_exception();
      it->seq = Value();
    }
    return Value();
  }
  it->index++;
  return r;
}

Value seqiter_iter(Value self) { return self; }

}  // namespace

constinit Type seq_iterator_type{&type_type, "iterator", sizeof(SeqIterObject), 0,
                                 TypeSlots{.getattro = generic_getattr, .iter = seqiter_iter,
                                           .iternext = seqiter_next, .trace = seqiter_trace}};

Value get_iter(Value v) {
  Type* t = type_of(v);
  if (t->slots.iter != nullptr) {
    Value r = t->slots.iter(v);
    if (r.is_null()) return r;
    if (type_of(r)->slots.iternext == nullptr)
      return raise_format(exc_TypeError, "iter() returned non-iterator of type '%.100s'",
                          type_of(r)->c_name());
    return r;
  }
  if (t->slots.getitem != nullptr && !is_dict(v)) {
    auto* it = gc::alloc_as<SeqIterObject>(&seq_iterator_type);
    if (it == nullptr) return raise_no_memory();
    gc::store(it, &it->seq, v);
    return Value::from_object(it);
  }
  return raise_format(exc_TypeError, "'%.200s' object is not iterable", t->c_name());
}

Value iter_next(Value it) {
  UnaryFn f = type_of(it)->slots.iternext;
  if (f == nullptr)
    return raise_format(exc_TypeError, "'%.200s' object is not an iterator",
                        type_of(it)->c_name());
  Value r = f(it);
  if (r.is_null() && error_matches(exc_StopIteration)) clear_exception();
  return r;
}

bool init_seq_iterator() {
  type_init(&seq_iterator_type, &object_type, TypeDefs{});
  return !error_occurred();
}

}  // namespace tpy
