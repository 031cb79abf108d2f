// interp/modules/weakref_type.cpp -- weakref.ref objects and the referent side table.
#include <cstdio>
#include <string>
#include <unordered_map>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "gc/weak.h"
#include "interp/modules/weakref.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/type_internal.h"
#include "interp/vm/function.h"
#include "interp/vm/generator.h"
#include "interp/vm/module.h"
#include "interp/vm/traceback.h"

namespace tpy {

constinit Type weakref_type{&type_type, "weakref.ReferenceType", sizeof(WeakRefObject),
                            kTypeBaseType};

namespace {

// referent -> its refs and proxies, oldest first. Not GC memory: the entries are weak in
// both directions (see weakref.h for the collector's duties).
std::unordered_map<Object*, std::vector<Object*>>& table() {
  static auto* t = new std::unordered_map<Object*, std::vector<Object*>>();
  return *t;
}

WeakRefObject* as_ref(Value v) { return static_cast<WeakRefObject*>(v.as_object()); }

bool weakrefable(Value ob) {
  if (!ob.is_object()) return false;
  static Type* const allowed[] = {&type_type, &function_type, &method_type, &module_type,
                                  &generator_type, &coroutine_type, &async_generator_type};
  Type* t = type_of(ob);
  static StrConst k_weakref("__weakref__");
  if (t->is_heap() && !type_lookup(t, k_weakref.get()).is_null()) return true;
  for (Type* a : allowed)
    if (type_is_subtype(t, a)) return true;
  // Types of modules written in C++ opt in by name (sets, code, locks, io objects...).
  static const char* const by_name[] = {"set", "frozenset", "code", "builtin_function_or_method",
                                        "_thread.lock", "_thread.RLock", "property",
                                        "classmethod", "staticmethod", "functools.partial",
                                        "itertools.count", "collections.deque",
                                        "collections.OrderedDict", "_io.FileIO",
                                        "_io.BufferedReader", "_io.BufferedWriter",
                                        "_io.BufferedRandom", "_io.TextIOWrapper", "_io.BytesIO",
                                        "_io.StringIO", "_socket.socket", "re.Pattern",
                                        "frame", "cell", "array.array"};
  for (Type* b = t; b; b = b->m_base)
    for (const char* n : by_name)
      if (std::string_view(b->c_name()) == n) return true;
  return false;
}

void table_add(Object* referent, Object* ref) {
  table()[referent].push_back(ref);
  gc::weak_referent_added(referent);
  gc::weak_ref_added(ref);
}

// After a collection cleared [ref]'s referent: `ref.__callback__(ref)`, errors printed as
// CPython's unraisable hook does ("Exception ignored in: <callback>" and the traceback).
void call_callback(Value ref) {
  Value cb = as_ref(ref)->callback;
  if (cb.is_null()) return;
  Value r = call(cb, &ref, 1);
  if (!r.is_null()) return;
  Value exc = fetch_exception();
  std::string what = repr_utf8(cb);
  if (error_occurred()) clear_exception();
  std::fprintf(stderr, "Exception ignored in: %s\n", what.c_str());
  print_exception(exc);
}

Value ref_alloc(Type* t, Value ob, Value callback) {
  Value v = alloc_instance(t, 0);
  if (v.is_null()) return v;
  WeakRefObject* r = as_ref(v);
  r->referent = ob;  // weak: no barrier needed for a slot the collector does not trace
  if (!callback.is_null() && !is_none(callback)) gc::store(r, &r->callback, callback);
  r->hash = -1;
  table_add(ob.as_object(), r);
  return v;
}

Value ref_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (t == &weakref_type && !check_no_kwargs("ref", kwnames)) return Value();
  if (!check_nargs("__new__", nargs, 1, 2)) return Value();
  Value ob = args[0];
  Value callback = nargs > 1 ? args[1] : Value();
  if (!weakrefable(ob))
    return raise_format(exc_TypeError, "cannot create weak reference to '%s' object",
                        type_of(ob)->c_name());
  // A plain ref without callback is shared, as CPython's.
  if (t == &weakref_type && (callback.is_null() || is_none(callback))) {
    auto it = table().find(ob.as_object());
    if (it != table().end())
      for (Object* o : it->second)
        if (o->type() == &weakref_type && static_cast<WeakRefObject*>(o)->callback.is_null())
          return Value::from_object(o);
  }
  return ref_alloc(t, ob, callback);
}

int ref_init(Value, const Value*, size_t nargs, Value) {
  if (!check_nargs("__init__", nargs, 1, 2)) return -1;
  return 0;
}

Value ref_call(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("weakref", kwnames) || !check_nargs("weakref", nargs, 0, 0)) return Value();
  Value r = as_ref(self)->referent;
  return r.is_null() ? None() : r;
}

int64_t ref_hash(Value self) {
  WeakRefObject* r = as_ref(self);
  if (r->hash != -1) return r->hash;
  if (r->referent.is_null()) {
    raise_error(exc_TypeError, "weak object has gone away");
    return -1;
  }
  int64_t h = object_hash(r->referent);
  if (h == -1) return -1;
  r->hash = h;
  return h;
}

Value ref_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_instance_of(b, &weakref_type))
    return NotImplemented();
  Value ra = as_ref(a)->referent, rb = as_ref(b)->referent;
  if (ra.is_null() || rb.is_null()) {
    bool same = a == b;
    return Bool(op == CompareOp::Eq ? same : !same);
  }
  return compare(ra, rb, op);
}

Value ref_repr(Value self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(self.as_object()));
  Value r = as_ref(self)->referent;
  std::string text = std::string("<weakref at ") + buf + "; ";
  if (r.is_null()) return str_from_utf8(text + "dead>");
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(r.as_object()));
  text += std::string("to '") + type_of(r)->c_name() + "' at " + buf;
  static StrConst k_name("__name__");
  Value name = getattr_opt(r, k_name.get());
  if (name.is_null() && error_occurred()) return name;
  if (!name.is_null() && is_str(name)) text += " (" + str_to_utf8(name) + ")";
  return str_from_utf8(text + ">");
}

Value ref_get_callback(Value self) {
  Value c = as_ref(self)->callback;
  return c.is_null() ? None() : c;
}

void ref_trace(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<WeakRefObject*>(self)->callback, ctx);
}

const MethodDef ref_methods[] = {TPY_CLASS_GETITEM_ROW, {nullptr, nullptr, 0, nullptr}};

const GetSetDef ref_getsets[] = {{"__callback__", ref_get_callback, nullptr, nullptr},
                                 {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

Value weakref_new(Value ob, Value callback) {
  Value args[2] = {ob, callback.is_null() ? None() : callback};
  return ref_new(&weakref_type, args, 2, Value());
}

Value weakref_get(Value ref) { return as_ref(ref)->referent; }

// Shared with the proxies (weakref_proxy.cpp).
Value weakref_alloc_checked(Type* t, Value ob, Value callback) {
  if (!weakrefable(ob))
    return raise_format(exc_TypeError, "cannot create weak reference to '%s' object",
                        type_of(ob)->c_name());
  return ref_alloc(t, ob, callback);
}

int64_t weakref_count(Value ob) {
  if (!ob.is_object()) return 0;
  auto it = table().find(ob.as_object());
  return it == table().end() ? 0 : static_cast<int64_t>(it->second.size());
}

void weakref_list(Value ob, std::vector<Value>* out) {
  if (!ob.is_object()) return;
  auto it = table().find(ob.as_object());
  if (it == table().end()) return;
  for (Object* o : it->second) out->push_back(Value::from_object(o));
}

bool weakref_has_refs(Object* referent) { return table().count(referent) != 0; }

void weakref_clear_referent(Object* referent, std::vector<Value>* callbacks) {
  auto it = table().find(referent);
  if (it == table().end()) return;
  std::vector<Object*> refs = std::move(it->second);
  table().erase(it);
  // CPython calls the callbacks newest first.
  for (auto r = refs.rbegin(); r != refs.rend(); ++r) {
    auto* w = static_cast<WeakRefObject*>(*r);
    w->referent = Value();
    if (!w->callback.is_null()) callbacks->push_back(Value::from_object(w));
  }
}

void weakref_forget(Object* ref) {
  auto* w = static_cast<WeakRefObject*>(ref);
  if (w->referent.is_null()) return;
  auto it = table().find(w->referent.as_object());
  if (it == table().end()) return;
  auto& v = it->second;
  for (size_t i = 0; i < v.size(); i++)
    if (v[i] == ref) {
      v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  if (v.empty()) table().erase(it);
}

bool init_weakref_ref_type() {
  if (weakref_type.has_flag(kTypeReady)) return true;
  weakref_type.slots.new_ = ref_new;
  weakref_type.slots.init = ref_init;
  weakref_type.slots.call = ref_call;
  weakref_type.slots.hash = ref_hash;
  weakref_type.slots.richcompare = ref_richcompare;
  weakref_type.slots.repr = ref_repr;
  weakref_type.slots.trace = ref_trace;
  type_init(&weakref_type, &object_type, TypeDefs{ref_methods, nullptr, ref_getsets});
  gc::set_weakref_hooks({weakref_clear_referent, weakref_forget, call_callback});
  return !error_occurred();
}

}  // namespace tpy
