// interp/modules/functools_module.cpp -- The _functools module: reduce and cmp_to_key (with
// its functools.KeyWrapper type). partial and the lru_cache wrapper stay functools.py's own
// pure-Python versions, which behave the same.
#include "gc/barrier.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy {
namespace {

// cmp_to_key(mycmp) returns a KeyWrapper without obj; calling it wraps one object.
struct KeyWrapperObject : Object {
  Value cmp, obj;
};

void trace_keywrapper(Object* self, VisitFn visit, void* ctx) {
  auto* k = static_cast<KeyWrapperObject*>(self);
  visit(&k->cmp, ctx);
  visit(&k->obj, ctx);
}

}  // namespace

constinit Type keywrapper_type{&type_type, "functools.KeyWrapper", sizeof(KeyWrapperObject),
                               kTypeImmutable};

namespace {

KeyWrapperObject* kw(Value v) { return static_cast<KeyWrapperObject*>(v.as_object()); }

Value keywrapper_new(Value cmp, Value obj) {
  auto* k = static_cast<KeyWrapperObject*>(alloc_instance(&keywrapper_type));
  if (k == nullptr) return raise_no_memory();
  gc::store(k, &k->cmp, cmp);
  gc::store(k, &k->obj, obj);
  return Value::from_object(k);
}

Value keywrapper_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const names[] = {"obj", nullptr};
  Value obj;
  ArgSpec spec{"K", names, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&obj})) return Value();
  return keywrapper_new(kw(self)->cmp, obj);
}

Value keywrapper_richcompare(Value a, Value b, CompareOp op) {
  if (type_of(b) != &keywrapper_type)
    return raise_error(exc_TypeError, "other argument must be K instance");
  Value x = kw(a)->obj, y = kw(b)->obj;
  if (x.is_null() || y.is_null()) return raise_error(exc_AttributeError, "object");
  Value res = call2(kw(a)->cmp, x, y);
  if (res.is_null()) return res;
  return compare(res, Value::from_int(0), op);
}

Value keywrapper_obj(Value self) {
  Value o = kw(self)->obj;
  if (o.is_null()) return raise_error(exc_AttributeError, "obj");
  return o;
}

const GetSetDef keywrapper_getsets[] = {
    {"obj", keywrapper_obj, nullptr, "Value wrapped by a key function."},
    {nullptr, nullptr, nullptr, nullptr}};

Value f_cmp_to_key(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const names[] = {"mycmp", nullptr};
  Value cmp;
  ArgSpec spec{"cmp_to_key", names, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&cmp})) return Value();
  return keywrapper_new(cmp, Value());
}

Value f_reduce(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("reduce", nargs, 2, 3)) return Value();
  Value func = args[0];
  Value it = get_iter(args[1]);
  if (it.is_null()) {
    if (error_matches(exc_TypeError)) {
      clear_exception();
      return raise_error(exc_TypeError, "reduce() arg 2 must support iteration");
    }
    return it;
  }
  Value result = nargs == 3 ? args[2] : Value();
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) {
      if (error_occurred()) return item;
      break;
    }
    result = result.is_null() ? item : call2(func, result, item);
    if (result.is_null()) return result;
  }
  if (result.is_null())
    return raise_error(exc_TypeError, "reduce() of empty iterable with no initial value");
  return result;
}

const MethodDef kFunctions[] = {
    {"reduce", f_reduce, kMethFast,
     "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments "
     "cumulatively to the items of a sequence\nor iterable, from left to right, so as to "
     "reduce the iterable to a single\nvalue.  For example, reduce(lambda x, y: x+y, [1, 2, 3, "
     "4, 5]) calculates\n((((1+2)+3)+4)+5).  If initial is present, it is placed before the "
     "items\nof the iterable in the calculation, and serves as a default when the\niterable is "
     "empty."},
    {"cmp_to_key", f_cmp_to_key, kMethFastKw, "Convert a cmp= function into a key= function."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_functools_module() {
  static bool ready = false;
  if (!ready) {
    keywrapper_type.slots.call = keywrapper_call;
    keywrapper_type.slots.richcompare = keywrapper_richcompare;
    keywrapper_type.slots.getattro = generic_getattr;
    keywrapper_type.slots.trace = trace_keywrapper;
    type_init(&keywrapper_type, &object_type, TypeDefs{nullptr, nullptr, keywrapper_getsets});
    set_unhashable(&keywrapper_type);
    if (error_occurred()) return Value();
    ready = true;
  }
  Value m = module_new_cstr("_functools");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  Value doc = str_from_ascii("Tools that operate on functions.");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
