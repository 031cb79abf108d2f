// interp/objects/singletons.cpp -- None, NotImplemented, Ellipsis, True, False and their types.
//
// bool's int behaviour (arithmetic, comparisons, int methods) comes from int, its base, which
// the numbers code owns; here bool gets what True and False need on their own: repr, new,
// and hash/truth fallbacks while int has none.
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

bool no_args(const char* what, size_t nargs, Value kwnames) {
  if (nargs > 0 || (!kwnames.is_null() && tuple_length(kwnames) > 0)) {
    raise_format(exc_TypeError, "%s takes no arguments", what);
    return false;
  }
  return true;
}

Value none_new(Type*, const Value*, size_t nargs, Value kwnames) {
  if (!no_args("NoneType", nargs, kwnames)) return Value();
  return None();
}
Value none_repr(Value) {
  static StrConst k("None");
  return k.get();
}
int none_bool(Value) { return 0; }

Value notimpl_new(Type*, const Value*, size_t nargs, Value kwnames) {
  if (!no_args("NotImplementedType", nargs, kwnames)) return Value();
  return NotImplemented();
}
Value notimpl_repr(Value) {
  static StrConst k("NotImplemented");
  return k.get();
}
int notimpl_bool(Value) { return 1; }  // 3.11 also warns (DeprecationWarning): later, with warnings
Value notimpl_reduce(Value, const Value*, size_t, Value) { return notimpl_repr(Value()); }

Value ellipsis_new(Type*, const Value*, size_t nargs, Value kwnames) {
  if (!no_args("EllipsisType", nargs, kwnames)) return Value();
  return Ellipsis();
}
Value ellipsis_repr(Value) {
  static StrConst k("Ellipsis");
  return k.get();
}
Value ellipsis_reduce(Value, const Value*, size_t, Value) { return ellipsis_repr(Value()); }

Value bool_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("bool", kwnames)) return Value();
  if (!check_nargs("bool", nargs, 0, 1)) return Value();
  if (nargs == 0) return False();
  int t = object_truthy(args[0]);
  if (t < 0) return Value();
  return Bool(t);
}
Value bool_repr(Value self) {
  static StrConst kt("True"), kf("False");
  return self == True() ? kt.get() : kf.get();
}
int64_t bool_hash(Value self) { return self == True() ? 1 : 0; }
int bool_bool(Value self) { return self == True() ? 1 : 0; }

const MethodDef notimpl_methods[] = {{"__reduce__", notimpl_reduce, kMethNoArgs, nullptr},
                                     {nullptr, nullptr, 0, nullptr}};
const MethodDef ellipsis_methods[] = {{"__reduce__", ellipsis_reduce, kMethNoArgs, nullptr},
                                      {nullptr, nullptr, 0, nullptr}};

}  // namespace

constinit Type none_type{&type_type, "NoneType", sizeof(SingletonObject), 0,
                         TypeSlots{.new_ = none_new, .repr = none_repr, .bool_ = none_bool}};
constinit Type not_implemented_type{
    &type_type, "NotImplementedType", sizeof(SingletonObject), 0,
    TypeSlots{.new_ = notimpl_new, .repr = notimpl_repr, .bool_ = notimpl_bool}};
constinit Type ellipsis_type{&type_type, "ellipsis", sizeof(SingletonObject), 0,
                             TypeSlots{.new_ = ellipsis_new, .repr = ellipsis_repr,
                                       .getattro = generic_getattr}};
constinit Type bool_type{&type_type, "bool", sizeof(BoolObject), kTypeIntSubclass,
                         TypeSlots{.new_ = bool_new, .repr = bool_repr}};

constinit SingletonObject none_object{&none_type};
constinit SingletonObject not_implemented_object{&not_implemented_type};
constinit SingletonObject ellipsis_object{&ellipsis_type};
constinit BoolObject true_object{&bool_type, true};
constinit BoolObject false_object{&bool_type, false};

bool init_singletons() {
  type_init(&none_type, &object_type, TypeDefs{});
  type_init(&not_implemented_type, &object_type, TypeDefs{notimpl_methods});
  type_init(&ellipsis_type, &object_type, TypeDefs{ellipsis_methods});
  return !error_occurred();
}

bool init_bool() {
  type_init(&bool_type, &int_type, TypeDefs{},
            "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\n"
            "The builtins True and False are the only two instances of the class bool.\n"
            "The class bool is a subclass of the class int, and cannot be subclassed.");
  // Until int has its own hash and truth slots, True and False answer for themselves.
  if (bool_type.slots.hash == nullptr || bool_type.slots.hash == object_type.slots.hash)
    bool_type.slots.hash = bool_hash;
  if (bool_type.slots.bool_ == nullptr) bool_type.slots.bool_ = bool_bool;
  return !error_occurred();
}

}  // namespace tpy
