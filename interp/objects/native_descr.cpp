// interp/objects/native_descr.cpp -- Descriptors for C++-defined attributes: method_descriptor,
// classmethod_descriptor, builtin_function_or_method, member_descriptor, getset_descriptor,
// wrapper_descriptor (slot wrapper) and method-wrapper, with CPython's reprs and messages.
#include <cstring>
#include <string>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/descr.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"

namespace tpy {

namespace {

size_t kw_count(Value kwnames) { return kwnames.is_null() ? 0 : tuple_length(kwnames); }

std::string qualified(const char* owner, const char* name) {
  if (owner == nullptr) return name;
  return std::string(owner) + "." + name;
}

DescrObject* as_descr(Value v) { return static_cast<DescrObject*>(v.as_object()); }

template <class T>
T* new_descr(Type* type, Type* owner, const char* name) {
  Value n = str_intern(name);
  if (n.is_null()) return nullptr;
  T* d = gc::alloc_as<T>(type);
  if (d == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  d->owner = owner;
  gc::store(d, &d->name, n);
  return d;
}

void descr_trace(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<DescrObject*>(self)->name, ctx);
  // [owner] is a type: static, or kept alive by the dict that holds this descriptor.
}

// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object"
bool descr_check(DescrObject* d, Value obj) {
  if (is_instance_of(obj, d->owner)) return true;
  raise_format(exc_TypeError, "descriptor '%U' for '%.100s' objects doesn't apply to a '%.100s' object",
               d->name, d->owner->c_name(), type_of(obj)->c_name());
  return false;
}

Value descr_repr(Value self, const char* kind) {
  DescrObject* d = as_descr(self);
  std::string s = "<";
  s += kind;
  s += " '";
  s += str_to_utf8(d->name);
  s += "' of '";
  s += d->owner->c_name();
  s += "' objects>";
  return str_from_utf8(s);
}

// Shared getsets of the descriptor types.
Value descr_get_name(Value self) { return as_descr(self)->name; }
Value descr_get_qualname(Value self) {
  DescrObject* d = as_descr(self);
  Value q = type_qualname_value(d->owner);
  if (q.is_null()) return q;
  return str_from_utf8(str_to_utf8(q) + "." + str_to_utf8(d->name));
}
Value descr_get_objclass(Value self) { return Value::from_object(as_descr(self)->owner); }
Value doc_value(const char* doc) {
  if (doc == nullptr) return None();
  return str_from_utf8(doc);
}
Value text_signature_none(Value) { return None(); }

// -- method_descriptor / classmethod_descriptor ----------------------------------------------------

MethodDescrObject* as_mdescr(Value v) { return static_cast<MethodDescrObject*>(v.as_object()); }

Value method_descr_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  MethodDescrObject* d = as_mdescr(callable);
  if (nargs < 1)
    return raise_format(exc_TypeError, "unbound method %s() needs an argument",
                        qualified(d->owner->c_name(), d->def->name).c_str());
  if (!descr_check(d, args[0])) return Value();
  return call_method_def(d->def, d->owner->c_name(), args[0], args + 1, nargs - 1, kwnames);
}

Value method_descr_get(Value descr, Value obj, Value type) {
  if (obj.is_null()) return descr;
  MethodDescrObject* d = as_mdescr(descr);
  if (!descr_check(d, obj)) return Value();
  return builtin_method_new(d->def, obj, d->owner);
}

Value method_descr_repr(Value self) { return descr_repr(self, "method"); }
Value method_descr_doc(Value self) { return doc_value(as_mdescr(self)->def->doc); }

Value classmethod_descr_get(Value descr, Value obj, Value type) {
  MethodDescrObject* d = as_mdescr(descr);
  if (type.is_null()) {
    if (obj.is_null())
      return raise_format(exc_TypeError, "descriptor '%U' for type '%.100s' needs either an object or a type",
                          d->name, d->owner->c_name());
    type = Value::from_object(type_of(obj));
  }
  if (!is_type(type))
    return raise_format(exc_TypeError, "descriptor '%U' for type '%.100s' needs a type, not a '%.100s' as arg 2",
                        d->name, d->owner->c_name(), type_of(type)->c_name());
  if (!type_is_subtype(as_type(type), d->owner))
    return raise_format(exc_TypeError, "descriptor '%U' requires a subtype of '%.100s' but received '%.100s'",
                        d->name, d->owner->c_name(), as_type(type)->c_name());
  return builtin_method_new(d->def, type, d->owner);
}

Value classmethod_descr_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  MethodDescrObject* d = as_mdescr(callable);
  if (nargs < 1)
    return raise_format(exc_TypeError, "descriptor '%U' of '%.100s' object needs an argument",
                        d->name, d->owner->c_name());
  Value bound = classmethod_descr_get(callable, Value(), args[0]);
  if (bound.is_null()) return bound;
  return call(bound, args + 1, nargs - 1, kwnames);
}

const GetSetDef method_descr_getsets[] = {
    {"__doc__", method_descr_doc, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr},
    {"__text_signature__", text_signature_none, nullptr, nullptr},
    {"__name__", descr_get_name, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// -- builtin_function_or_method --------------------------------------------------------------------

BuiltinFunctionObject* as_bfunc(Value v) { return static_cast<BuiltinFunctionObject*>(v.as_object()); }

void bfunc_trace(Object* self, VisitFn visit, void* ctx) {
  auto* f = static_cast<BuiltinFunctionObject*>(self);
  visit(&f->self, ctx);
  visit(&f->module, ctx);
}

Value bfunc_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  BuiltinFunctionObject* f = as_bfunc(callable);
  // Messages name the method by the __qualname__ of its self's type ("list.append",
  // "A.__init_subclass__" for a classmethod bound to A), as CPython's _PyObject_FunctionStr.
  std::string owner_text;
  const char* owner = nullptr;
  if (f->owner != nullptr && !f->self.is_null()) {
    Type* t = is_type(f->self) ? as_type(f->self) : type_of(f->self);
    Value q = type_qualname_value(t);
    owner_text = q.is_null() ? t->c_name() : str_to_utf8(q);
    if (q.is_null()) clear_exception();
    owner = owner_text.c_str();
  }
  if (f->def->flags & kMethStatic)
    return call_method_def(f->def, owner, Value(), args, nargs, kwnames);
  return call_method_def(f->def, owner, f->self, args, nargs, kwnames);
}

Value bfunc_repr(Value self) {
  BuiltinFunctionObject* f = as_bfunc(self);
  std::string s;
  if (f->self.is_null() || f->owner == nullptr) {
    s = "<built-in function ";
    s += f->def->name;
    s += ">";
  } else {
    s = "<built-in method ";
    s += f->def->name;
    s += " of ";
    s += type_of(f->self)->c_name();
    s += " object at ";
    s += address_text(f->self);
    s += ">";
  }
  return str_from_utf8(s);
}

Value bfunc_name(Value self) { return str_from_utf8(as_bfunc(self)->def->name); }
Value bfunc_qualname(Value self) {
  BuiltinFunctionObject* f = as_bfunc(self);
  if (f->self.is_null() || f->owner == nullptr) return bfunc_name(self);
  Type* t = is_type(f->self) ? as_type(f->self) : type_of(f->self);
  Value q = type_qualname_value(t);
  if (q.is_null()) return q;
  return str_from_utf8(str_to_utf8(q) + "." + f->def->name);
}
Value bfunc_self(Value self) {
  Value s = as_bfunc(self)->self;
  return s.is_null() ? None() : s;
}
Value bfunc_module(Value self) {
  Value m = as_bfunc(self)->module;
  return m.is_null() ? None() : m;
}
int bfunc_set_module(Value self, Value v) {
  BuiltinFunctionObject* f = as_bfunc(self);
  gc::store(f, &f->module, v);
  return 0;
}
Value bfunc_doc(Value self) { return doc_value(as_bfunc(self)->def->doc); }

Value bfunc_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &builtin_function_type)
    return NotImplemented();
  BuiltinFunctionObject* x = as_bfunc(a);
  BuiltinFunctionObject* y = as_bfunc(b);
  bool eq = x->def == y->def && x->self == y->self;
  return Bool(op == CompareOp::Eq ? eq : !eq);
}

int64_t bfunc_hash(Value self) {
  BuiltinFunctionObject* f = as_bfunc(self);
  int64_t h = f->self.is_null() ? 0 : object_hash(f->self);
  if (h == -1) return -1;
  h ^= static_cast<int64_t>(reinterpret_cast<uintptr_t>(f->def) >> 4);
  return h == -1 ? -2 : h;
}

const GetSetDef bfunc_getsets[] = {
    {"__doc__", bfunc_doc, nullptr, nullptr},
    {"__name__", bfunc_name, nullptr, nullptr},
    {"__qualname__", bfunc_qualname, nullptr, nullptr},
    {"__text_signature__", text_signature_none, nullptr, nullptr},
    {"__self__", bfunc_self, nullptr, nullptr},
    {"__module__", bfunc_module, bfunc_set_module, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// -- member_descriptor -----------------------------------------------------------------------------

MemberDescrObject* as_member(Value v) { return static_cast<MemberDescrObject*>(v.as_object()); }

Value member_get(Value descr, Value obj, Value type) {
  if (obj.is_null()) return descr;
  MemberDescrObject* d = as_member(descr);
  if (!descr_check(d, obj)) return Value();
  const MemberDef* m = d->def;
  char* field = reinterpret_cast<char*>(obj.as_object()) + m->offset;
  switch (m->kind) {
    case MemberKind::Value: {
      Value v = *reinterpret_cast<Value*>(field);
      if (v.is_null()) return raise_no_attribute(obj, d->name);
      return v;
    }
    case MemberKind::ValueOrNone: {
      Value v = *reinterpret_cast<Value*>(field);
      return v.is_null() ? None() : v;
    }
    case MemberKind::Int64: return int_from_i64(*reinterpret_cast<int64_t*>(field));
    case MemberKind::Int32: return int_from_i64(*reinterpret_cast<int32_t*>(field));
    case MemberKind::Bool: return Bool(*reinterpret_cast<bool*>(field));
    case MemberKind::Double: {
      // TODO(numbers): a float object; until float exists, report the error.
      return raise_error(exc_TypeError, "float members are not supported yet");
    }
  }
  TPY_UNREACHABLE();
}

int member_set(Value descr, Value obj, Value v) {
  MemberDescrObject* d = as_member(descr);
  if (!descr_check(d, obj)) return -1;
  const MemberDef* m = d->def;
  if (m->readonly) {
    raise_error(exc_AttributeError, "readonly attribute");
    return -1;
  }
  Object* o = obj.as_object();
  char* field = reinterpret_cast<char*>(o) + m->offset;
  switch (m->kind) {
    case MemberKind::Value: {
      Value* slot = reinterpret_cast<Value*>(field);
      if (v.is_null() && slot->is_null()) {
        raise_error(exc_AttributeError, str_to_utf8(d->name));
        attribute_error_set_context(obj, d->name);
        return -1;
      }
      gc::store(o, slot, v);
      return 0;
    }
    case MemberKind::ValueOrNone:
      gc::store(o, reinterpret_cast<Value*>(field), v);
      return 0;
    case MemberKind::Int64:
    case MemberKind::Int32: {
      if (v.is_null()) {
        raise_error(exc_TypeError, "can't delete numeric/char attribute");
        return -1;
      }
      int64_t x;
      if (!is_instance_of(v, &int_type)) {
        raise_error(exc_TypeError, "an integer is required");
        return -1;
      }
      if (!index_to_i64(v, &x)) return -1;
      if (m->kind == MemberKind::Int64) *reinterpret_cast<int64_t*>(field) = x;
      else *reinterpret_cast<int32_t*>(field) = static_cast<int32_t>(x);
      return 0;
    }
    case MemberKind::Bool:
      if (v.is_null()) {
        raise_error(exc_TypeError, "can't delete numeric/char attribute");
        return -1;
      }
      if (!is_bool(v)) {
        raise_error(exc_TypeError, "attribute value type must be bool");
        return -1;
      }
      *reinterpret_cast<bool*>(field) = v == True();
      return 0;
    case MemberKind::Double:
      raise_error(exc_TypeError, "float members are not supported yet");
      return -1;
  }
  TPY_UNREACHABLE();
}

Value member_repr(Value self) { return descr_repr(self, "member"); }
Value member_doc(Value self) { return doc_value(as_member(self)->def->doc); }

const GetSetDef member_getsets[] = {
    {"__doc__", member_doc, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr},
    {"__name__", descr_get_name, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// -- getset_descriptor -----------------------------------------------------------------------------

GetSetDescrObject* as_getset(Value v) { return static_cast<GetSetDescrObject*>(v.as_object()); }

Value getset_get(Value descr, Value obj, Value type) {
  if (obj.is_null()) return descr;
  GetSetDescrObject* d = as_getset(descr);
  if (!descr_check(d, obj)) return Value();
  if (d->def->get == nullptr)
    return raise_format(exc_AttributeError, "attribute '%U' of '%.100s' objects is not readable",
                        d->name, d->owner->c_name());
  return d->def->get(obj);
}

int getset_set(Value descr, Value obj, Value v) {
  GetSetDescrObject* d = as_getset(descr);
  if (!descr_check(d, obj)) return -1;
  if (d->def->set == nullptr) {
    raise_format(exc_AttributeError, "attribute '%U' of '%.100s' objects is not writable",
                 d->name, d->owner->c_name());
    return -1;
  }
  return d->def->set(obj, v);
}

Value getset_repr(Value self) { return descr_repr(self, "attribute"); }
Value getset_doc(Value self) { return doc_value(as_getset(self)->def->doc); }

const GetSetDef getset_getsets[] = {
    {"__doc__", getset_doc, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr},
    {"__name__", descr_get_name, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// -- wrapper_descriptor and method-wrapper ---------------------------------------------------------

WrapperDescrObject* as_wdescr(Value v) { return static_cast<WrapperDescrObject*>(v.as_object()); }

bool wrapper_check(WrapperDescrObject* d, Value obj) {
  if (is_instance_of(obj, d->owner)) return true;
  raise_format(exc_TypeError, "descriptor '%U' requires a '%.100s' object but received a '%.100s'",
               d->name, d->owner->c_name(), type_of(obj)->c_name());
  return false;
}

Value wrapper_descr_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  WrapperDescrObject* d = as_wdescr(callable);
  if (nargs < 1)
    return raise_format(exc_TypeError, "descriptor '%U' of '%.100s' object needs an argument",
                        d->name, d->owner->c_name());
  if (!wrapper_check(d, args[0])) return Value();
  return call_wrapper(d, args[0], args + 1, nargs - 1, kwnames);
}

Value wrapper_descr_get(Value descr, Value obj, Value type) {
  if (obj.is_null()) return descr;
  WrapperDescrObject* d = as_wdescr(descr);
  if (!wrapper_check(d, obj)) return Value();
  auto* w = gc::alloc_as<MethodWrapperObject>(&method_wrapper_type);
  if (w == nullptr) return raise_no_memory();
  gc::store(w, &w->descr, descr);
  gc::store(w, &w->self, obj);
  return Value::from_object(w);
}

Value wrapper_descr_repr(Value self) { return descr_repr(self, "slot wrapper"); }
Value wrapper_doc(Value self) { return None(); }

const GetSetDef wrapper_descr_getsets[] = {
    {"__doc__", wrapper_doc, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr},
    {"__text_signature__", text_signature_none, nullptr, nullptr},
    {"__name__", descr_get_name, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

MethodWrapperObject* as_mwrapper(Value v) { return static_cast<MethodWrapperObject*>(v.as_object()); }

void mwrapper_trace(Object* self, VisitFn visit, void* ctx) {
  auto* w = static_cast<MethodWrapperObject*>(self);
  visit(&w->descr, ctx);
  visit(&w->self, ctx);
}

Value mwrapper_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  MethodWrapperObject* w = as_mwrapper(callable);
  return call_wrapper(as_wdescr(w->descr), w->self, args, nargs, kwnames);
}

Value mwrapper_repr(Value self) {
  MethodWrapperObject* w = as_mwrapper(self);
  std::string s = "<method-wrapper '";
  s += str_to_utf8(as_wdescr(w->descr)->name);
  s += "' of ";
  s += type_of(w->self)->c_name();
  s += " object at ";
  s += address_text(w->self);
  s += ">";
  return str_from_utf8(s);
}

Value mwrapper_self(Value self) { return as_mwrapper(self)->self; }
Value mwrapper_name(Value self) { return as_wdescr(as_mwrapper(self)->descr)->name; }
Value mwrapper_objclass(Value self) {
  return Value::from_object(as_wdescr(as_mwrapper(self)->descr)->owner);
}
Value mwrapper_qualname(Value self) { return descr_get_qualname(as_mwrapper(self)->descr); }

Value mwrapper_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &method_wrapper_type)
    return NotImplemented();
  MethodWrapperObject* x = as_mwrapper(a);
  MethodWrapperObject* y = as_mwrapper(b);
  bool eq = x->descr == y->descr && x->self == y->self;
  return Bool(op == CompareOp::Eq ? eq : !eq);
}

int64_t mwrapper_hash(Value self) {
  MethodWrapperObject* w = as_mwrapper(self);
  int64_t h = identity_hash(w->self) ^ identity_hash(w->descr);
  return h == -1 ? -2 : h;
}

const GetSetDef mwrapper_getsets[] = {
    {"__self__", mwrapper_self, nullptr, nullptr},
    {"__name__", mwrapper_name, nullptr, nullptr},
    {"__qualname__", mwrapper_qualname, nullptr, nullptr},
    {"__objclass__", mwrapper_objclass, nullptr, nullptr},
    {"__doc__", wrapper_doc, nullptr, nullptr},
    {"__text_signature__", text_signature_none, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

constinit Type method_descriptor_type{
    &type_type, "method_descriptor", sizeof(MethodDescrObject), kTypeMethodDescriptor,
    TypeSlots{.repr = method_descr_repr, .getattro = generic_getattr,
              .descr_get = method_descr_get, .call = method_descr_call, .trace = descr_trace}};
constinit Type classmethod_descriptor_type{
    &type_type, "classmethod_descriptor", sizeof(MethodDescrObject), 0,
    TypeSlots{.repr = method_descr_repr, .getattro = generic_getattr,
              .descr_get = classmethod_descr_get, .call = classmethod_descr_call,
              .trace = descr_trace}};
constinit Type builtin_function_type{
    &type_type, "builtin_function_or_method", sizeof(BuiltinFunctionObject), 0,
    TypeSlots{.repr = bfunc_repr, .hash = bfunc_hash, .richcompare = bfunc_richcompare,
              .getattro = generic_getattr, .call = bfunc_call, .trace = bfunc_trace}};
constinit Type member_descriptor_type{
    &type_type, "member_descriptor", sizeof(MemberDescrObject), 0,
    TypeSlots{.repr = member_repr, .getattro = generic_getattr, .descr_get = member_get,
              .descr_set = member_set, .trace = descr_trace}};
constinit Type getset_descriptor_type{
    &type_type, "getset_descriptor", sizeof(GetSetDescrObject), 0,
    TypeSlots{.repr = getset_repr, .getattro = generic_getattr, .descr_get = getset_get,
              .descr_set = getset_set, .trace = descr_trace}};
constinit Type wrapper_descriptor_type{
    &type_type, "wrapper_descriptor", sizeof(WrapperDescrObject), kTypeMethodDescriptor,
    TypeSlots{.repr = wrapper_descr_repr, .getattro = generic_getattr,
              .descr_get = wrapper_descr_get, .call = wrapper_descr_call, .trace = descr_trace}};
constinit Type method_wrapper_type{
    &type_type, "method-wrapper", sizeof(MethodWrapperObject), 0,
    TypeSlots{.repr = mwrapper_repr, .hash = mwrapper_hash,
              .richcompare = mwrapper_richcompare, .getattro = generic_getattr,
              .call = mwrapper_call, .trace = mwrapper_trace}};

Value method_descr_new(Type* owner, const MethodDef* def) {
  Type* t = (def->flags & kMethClass) ? &classmethod_descriptor_type : &method_descriptor_type;
  auto* d = new_descr<MethodDescrObject>(t, owner, def->name);
  if (d == nullptr) return Value();
  d->def = def;
  return Value::from_object(d);
}

Value member_descr_new(Type* owner, const MemberDef* def) {
  auto* d = new_descr<MemberDescrObject>(&member_descriptor_type, owner, def->name);
  if (d == nullptr) return Value();
  d->def = def;
  return Value::from_object(d);
}

Value slot_member_new(Type* owner, Value name, uint32_t offset) {
  auto* d = gc::alloc_as<MemberDescrObject>(&member_descriptor_type);
  if (d == nullptr) return raise_no_memory();
  d->owner = owner;
  gc::store(d, &d->name, name);
  // The name's UTF-8 is only needed for errors, which use d->name: no C string is kept.
  d->slot_def = MemberDef{"", MemberKind::Value, offset, false, nullptr};
  d->def = &d->slot_def;
  return Value::from_object(d);
}

Value getset_descr_new(Type* owner, const GetSetDef* def) {
  auto* d = new_descr<GetSetDescrObject>(&getset_descriptor_type, owner, def->name);
  if (d == nullptr) return Value();
  d->def = def;
  return Value::from_object(d);
}

Value wrapper_descr_new(Type* owner, int row, AnyFn wrapped) {
  auto* d = new_descr<WrapperDescrObject>(&wrapper_descriptor_type, owner, kSlotRows[row].name);
  if (d == nullptr) return Value();
  d->row = row;
  d->wrapped = wrapped;
  return Value::from_object(d);
}

Value builtin_method_new(const MethodDef* def, Value self, Type* owner) {
  auto* f = gc::alloc_as<BuiltinFunctionObject>(&builtin_function_type);
  if (f == nullptr) return raise_no_memory();
  f->def = def;
  f->owner = owner;
  gc::store(f, &f->self, self);
  return Value::from_object(f);
}

Value native_function_new(const MethodDef* def, Value self, Value module_name) {
  auto* f = gc::alloc_as<BuiltinFunctionObject>(&builtin_function_type);
  if (f == nullptr) return raise_no_memory();
  f->def = def;
  f->owner = nullptr;
  gc::store(f, &f->self, self);
  gc::store(f, &f->module, module_name);
  return Value::from_object(f);
}

int add_native_functions(Value d, const MethodDef* defs, Value self, Value module_name) {
  for (const MethodDef* m = defs; m->name != nullptr; m++) {
    Value f = native_function_new(m, self, module_name);
    if (f.is_null() || dict_set_cstr(d, m->name, f) < 0) return -1;
  }
  return 0;
}

Value call_method_def(const MethodDef* def, const char* owner_name, Value self,
                      const Value* args, size_t nargs, Value kwnames) {
  uint32_t conv = def->flags & (kMethNoArgs | kMethO | kMethFast | kMethFastKw);
  if (conv != kMethFastKw && kw_count(kwnames) > 0)
    return raise_format(exc_TypeError, "%s() takes no keyword arguments",
                        qualified(owner_name, def->name).c_str());
  switch (conv) {
    case kMethNoArgs:
      if (nargs != 0)
        return raise_format(exc_TypeError, "%s() takes no arguments (%zu given)",
                            qualified(owner_name, def->name).c_str(), nargs);
      return def->fn(self, nullptr, 0, Value());
    case kMethO:
      if (nargs != 1)
        return raise_format(exc_TypeError, "%s() takes exactly one argument (%zu given)",
                            qualified(owner_name, def->name).c_str(), nargs);
      return def->fn(self, args, 1, Value());
    case kMethFast:
      return def->fn(self, args, nargs, Value());
    default:
      return def->fn(self, args, nargs, kwnames);
  }
}

bool init_native_descriptors() {
  type_init(&method_descriptor_type, &object_type, TypeDefs{nullptr, nullptr, method_descr_getsets});
  type_init(&classmethod_descriptor_type, &object_type,
            TypeDefs{nullptr, nullptr, method_descr_getsets});
  type_init(&builtin_function_type, &object_type, TypeDefs{nullptr, nullptr, bfunc_getsets});
  type_init(&member_descriptor_type, &object_type, TypeDefs{nullptr, nullptr, member_getsets});
  type_init(&getset_descriptor_type, &object_type, TypeDefs{nullptr, nullptr, getset_getsets});
  type_init(&wrapper_descriptor_type, &object_type,
            TypeDefs{nullptr, nullptr, wrapper_descr_getsets});
  type_init(&method_wrapper_type, &object_type, TypeDefs{nullptr, nullptr, mwrapper_getsets});
  return !error_occurred();
}

}  // namespace tpy
