// interp/modules/collections_module.cpp -- The _collections module: defaultdict,
// _count_elements and the module object (deque is in collections_deque.cpp).
#include <cstdint>

#include "gc/barrier.h"
#include "interp/modules/collections_internal.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/module.h"

namespace tpy::collections {
namespace {

// A defaultdict is a dict followed by its default_factory (a callable or None). The field is
// placed past sizeof(DictObject) by hand: a derived struct could put it in the tail padding.
constexpr uint32_t kFactoryOffset = sizeof(DictObject);
constexpr uint32_t kDefaultDictSize = kFactoryOffset + sizeof(Value);
Value* factory_slot(Value self) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(self.as_object()) + kFactoryOffset);
}

void trace_defaultdict(Object* self, VisitFn visit, void* ctx) {
  dict_type.slots.trace(self, visit, ctx);
  visit(factory_slot(Value::from_object(self)), ctx);
}

}  // namespace

constinit Type defaultdict_type{&type_type, "collections.defaultdict", kDefaultDictSize,
                                kTypeBaseType | kTypeImmutable | kTypeDictSubclass | kTypeMapping};

namespace {


int dd_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value factory = None();
  if (nargs > 0) {
    factory = args[0];
    if (!is_none(factory) && is_callable(factory) <= 0) {
      raise_error(exc_TypeError, "first argument must be callable or None");
      return -1;
    }
    args++;
    nargs--;
  }
  gc::store(self.as_object(), factory_slot(self), factory);
  return dict_type.slots.init(self, args, nargs, kwnames);
}

Value dd_missing(Value self, const Value* args, size_t, Value) {
  Value factory = *factory_slot(self);
  if (factory.is_null() || is_none(factory)) {
    Value e = exception_new(exc_KeyError, args, 1);
    if (e.is_null()) return e;
    return raise_value(e);
  }
  Value v = call0(factory);
  if (v.is_null()) return v;
  if (setitem(self, args[0], v) < 0) return Value();
  return v;
}

Value factory_or_none(Value self) {
  Value f = *factory_slot(self);
  return f.is_null() ? None() : f;
}

// type(self)(factory, arg): what copy() and | build.
Value dd_new_like(Value self, Value arg) {
  return call2(Value::from_object(type_of(self)), factory_or_none(self), arg);
}

Value dd_copy(Value self, const Value*, size_t, Value) { return dd_new_like(self, self); }

Value dd_reduce(Value self, const Value*, size_t, Value) {
  Value f = factory_or_none(self);
  Value args = is_none(f) ? tuple_empty() : tuple_pack({f});
  if (args.is_null()) return args;
  static StrConst k_items("items");
  Value items = call_method(self, k_items.get(), nullptr, 0);
  if (items.is_null()) return items;
  Value it = get_iter(items);
  if (it.is_null()) return it;
  return tuple_pack({Value::from_object(type_of(self)), args, None(), None(), it});
}

Value dd_repr(Value self) {
  Value base = dict_type.slots.repr(self);
  if (base.is_null()) return base;
  Value f = factory_or_none(self);
  Value frepr;
  if (is_none(f)) {
    frepr = str_from_ascii("None");
  } else if (repr_enter(f)) {
    frepr = str_from_ascii("...");
  } else {
    frepr = object_repr(f);
    repr_leave(f);
  }
  if (frepr.is_null()) return frepr;
  StrBuilder b;
  b.str(type_name_value(type_of(self))).text("(").str(frepr).text(", ").str(base).text(")");
  return b.finish();
}

Value dd_or(Value a, Value b) {
  Value self = is_instance_of(a, &defaultdict_type) ? a : b;
  Value other = self == a ? b : a;
  if (!is_dict(other)) return NotImplemented();
  Value r = dd_new_like(self, a);
  if (r.is_null()) return r;
  if (dict_update(r, b) < 0) return Value();
  return r;
}

const MethodDef dd_methods[] = {
    {"__missing__", dd_missing, kMethO,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n  return value"},
    {"copy", dd_copy, kMethNoArgs, "D.copy() -> a shallow copy of D."},
    {"__copy__", dd_copy, kMethNoArgs, "D.copy() -> a shallow copy of D."},
    {"__reduce__", dd_reduce, kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

const MemberDef dd_members[] = {
    {"default_factory", MemberKind::ValueOrNone, kFactoryOffset,
     false, "Factory for default value called by __missing__()."},
    {nullptr, MemberKind::Value, 0, false, nullptr}};

}  // namespace

bool init_defaultdict_type() {
  static bool done = false;
  if (done) return true;
  TypeSlots& s = defaultdict_type.slots;
  s.init = dd_init;
  s.repr = dd_repr;
  s.trace = trace_defaultdict;
  s.binop[static_cast<size_t>(BinOp::Or)] = dd_or;
  type_init(&defaultdict_type, &dict_type, TypeDefs{dd_methods, dd_members, nullptr},
            "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
            "The default factory is called without arguments to produce\na new value when a key "
            "is not present, in __getitem__ only.\nA defaultdict compares equal to a dict with "
            "the same items.\nAll remaining arguments are treated the same as if they were\n"
            "passed to the dict constructor, including keyword arguments.\n");
  if (error_occurred()) return false;
  done = true;
  return true;
}

Value count_elements(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("_count_elements", nargs, 2, 2)) return Value();
  Value mapping = args[0];
  Value it = get_iter(args[1]);
  if (it.is_null()) return it;
  static StrConst k_get("get");
  Value one = Value::from_int(1);
  for (;;) {
    Value key = iter_next(it);
    if (key.is_null()) return error_occurred() ? key : None();
    Value old;
    if (is_exact_dict(mapping)) {
      old = dict_get(mapping, key);
      if (old.is_null() && error_occurred()) return old;
    } else {
      Value a[2] = {key, Value::from_int(0)};
      old = call_method(mapping, k_get.get(), a, 2);
      if (old.is_null()) return old;
    }
    Value v = old.is_null() ? one : binary_op(old, one, BinOp::Add);
    if (v.is_null() || setitem(mapping, key, v) < 0) return Value();
  }
}

namespace {

const MethodDef kFunctions[] = {
    {"_count_elements", count_elements, kMethFast, "Count elements in the iterable, updating the mapping"},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace
}  // namespace tpy::collections

namespace tpy {

Value create_collections_module() {
  using namespace collections;
  if (!init_deque_types() || !init_defaultdict_type()) return Value();
  Value m = module_new_cstr("_collections");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  const struct {
    const char* name;
    Type* type;
  } types[] = {{"deque", &deque_type},
               {"defaultdict", &defaultdict_type},
               {"_deque_iterator", &deque_iter_type},
               {"_deque_reverse_iterator", &deque_reviter_type}};
  for (const auto& t : types)
    if (dict_set_cstr(d, t.name, Value::from_object(t.type)) < 0) return Value();
  Value doc = str_from_ascii("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
