// interp/objects/descr.cpp -- property, classmethod, staticmethod and super.
#include <string>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/descr.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/instance.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"
#include "interp/vm/frame.h"
#include "interp/vm/function.h"

namespace tpy {

namespace {

size_t kw_count(Value kwnames) { return kwnames.is_null() ? 0 : tuple_length(kwnames); }
Value none_if_null(Value v) { return v.is_null() ? None() : v; }
Value null_if_none(Value v) { return is_none(v) ? Value() : v; }

// -- property ----------------------------------------------------------------------------------------

PropertyObject* as_prop(Value v) { return static_cast<PropertyObject*>(v.as_object()); }

void property_trace(Object* self, VisitFn visit, void* ctx) {
  auto* p = static_cast<PropertyObject*>(self);
  visit(&p->fget, ctx);
  visit(&p->fset, ctx);
  visit(&p->fdel, ctx);
  visit(&p->doc, ctx);
  visit(&p->name, ctx);
  instance_trace_attrs(self, visit, ctx);
}

Value property_new(Type* type, const Value*, size_t, Value) { return alloc_instance(type, 0); }

int property_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"fget", "fset", "fdel", "doc", nullptr};
  Value fget, fset, fdel, doc;
  ArgSpec spec{"property", kw, 0, 4};
  if (!parse_args(spec, args, nargs, kwnames, {&fget, &fset, &fdel, &doc})) return -1;
  PropertyObject* p = as_prop(self);
  Object* o = self.as_object();
  gc::store(o, &p->fget, null_if_none(fget));
  gc::store(o, &p->fset, null_if_none(fset));
  gc::store(o, &p->fdel, null_if_none(fdel));
  gc::store(o, &p->doc, null_if_none(doc));
  p->getter_doc = false;
  if (p->doc.is_null() && !p->fget.is_null()) {
    static StrConst k_doc("__doc__");
    Value d = getattr_opt(p->fget, k_doc.get());
    if (d.is_null() && error_occurred()) return -1;
    if (!d.is_null() && !is_none(d)) {
      if (type_of(self) == &property_type) {
        gc::store(o, &p->doc, d);
      } else {
        // A subclass keeps the getter's doc in its instance __dict__ (as CPython).
        if (setattr(self, k_doc.get(), d) < 0) return -1;
      }
      p->getter_doc = true;
    }
  }
  return 0;
}

Value qualname_of_type_of(Value obj) { return type_qualname_value(type_of(obj)); }

Value property_error(Value self, Value obj, const char* what) {
  PropertyObject* p = as_prop(self);
  Value q = qualname_of_type_of(obj);
  if (q.is_null()) return q;
  if (!p->name.is_null())
    return raise_format(exc_AttributeError, "property %R of %R object has no %s", p->name, q, what);
  return raise_format(exc_AttributeError, "property of %R object has no %s", q, what);
}

Value property_get(Value self, Value obj, Value type) {
  if (obj.is_null() || is_none(obj)) return self;
  PropertyObject* p = as_prop(self);
  if (p->fget.is_null()) return property_error(self, obj, "getter");
  return call1(p->fget, obj);
}

int property_set(Value self, Value obj, Value v) {
  PropertyObject* p = as_prop(self);
  Value func = v.is_null() ? p->fdel : p->fset;
  if (func.is_null()) {
    property_error(self, obj, v.is_null() ? "deleter" : "setter");
    return -1;
  }
  Value r = v.is_null() ? call1(func, obj) : call2(func, obj, v);
  return r.is_null() ? -1 : 0;
}

// getter/setter/deleter: a copy of the property with one function replaced.
Value property_copy(Value self, Value fget, Value fset, Value fdel) {
  PropertyObject* p = as_prop(self);
  if (fget.is_null()) fget = none_if_null(p->fget);
  if (fset.is_null()) fset = none_if_null(p->fset);
  if (fdel.is_null()) fdel = none_if_null(p->fdel);
  Value doc = (p->getter_doc && !is_none(fget)) ? None() : none_if_null(p->doc);
  Value args[4] = {fget, fset, fdel, doc};
  Value np = call(Value::from_object(type_of(self)), args, 4);
  if (np.is_null()) return np;
  if (is_instance_of(np, &property_type)) gc::store(np.as_object(), &as_prop(np)->name, p->name);
  return np;
}
Value property_getter_m(Value self, const Value* args, size_t, Value) {
  return property_copy(self, args[0], Value(), Value());
}
Value property_setter_m(Value self, const Value* args, size_t, Value) {
  return property_copy(self, Value(), args[0], Value());
}
Value property_deleter_m(Value self, const Value* args, size_t, Value) {
  return property_copy(self, Value(), Value(), args[0]);
}
Value property_set_name_m(Value self, const Value* args, size_t nargs, Value) {
  if (nargs != 2)
    return raise_format(exc_TypeError, "__set_name__() takes 2 positional arguments but %zu were given",
                        nargs);
  gc::store(self.as_object(), &as_prop(self)->name, args[1]);
  return None();
}

int is_abstract(Value f) {
  if (f.is_null()) return 0;
  static StrConst k("__isabstractmethod__");
  Value v = getattr_opt(f, k.get());
  if (v.is_null()) return error_occurred() ? -1 : 0;
  return object_truthy(v);
}

Value property_isabstract(Value self) {
  PropertyObject* p = as_prop(self);
  for (Value f : {p->fget, p->fset, p->fdel}) {
    int r = is_abstract(f);
    if (r < 0) return Value();
    if (r) return True();
  }
  return False();
}

Value property_fget(Value self) { return none_if_null(as_prop(self)->fget); }
Value property_fset(Value self) { return none_if_null(as_prop(self)->fset); }
Value property_fdel(Value self) { return none_if_null(as_prop(self)->fdel); }
Value property_doc(Value self) { return none_if_null(as_prop(self)->doc); }
int property_set_doc(Value self, Value v) {
  gc::store(self.as_object(), &as_prop(self)->doc, v);
  return 0;
}

const MethodDef property_methods[] = {
    {"getter", property_getter_m, kMethO, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter_m, kMethO, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter_m, kMethO, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name_m, kMethFast, "Method to set name of a property."},
    {nullptr, nullptr, 0, nullptr}};
const GetSetDef property_getsets[] = {
    {"fget", property_fget, nullptr, nullptr},
    {"fset", property_fset, nullptr, nullptr},
    {"fdel", property_fdel, nullptr, nullptr},
    {"__doc__", property_doc, property_set_doc, nullptr},
    {"__isabstractmethod__", property_isabstract, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// -- classmethod / staticmethod ----------------------------------------------------------------------

ClassMethodObject* as_cm(Value v) { return static_cast<ClassMethodObject*>(v.as_object()); }

void cm_trace(Object* self, VisitFn visit, void* ctx) {
  auto* c = static_cast<ClassMethodObject*>(self);
  visit(&c->callable, ctx);
  visit(&c->dict, ctx);
}

Value cm_new(Type* type, const Value*, size_t, Value) { return alloc_instance(type, 0); }

// functools.wraps in C (3.10+): copy the wrapped function's metadata into our __dict__.
int copy_wrapped_attrs(Value self, Value callable) {
  static StrConst names[] = {StrConst("__module__"), StrConst("__name__"),
                             StrConst("__qualname__"), StrConst("__doc__"),
                             StrConst("__annotations__")};
  for (StrConst& n : names) {
    Value v = getattr_opt(callable, n.get());
    if (v.is_null()) {
      if (error_occurred()) return -1;
      continue;
    }
    if (setattr(self, n.get(), v) < 0) return -1;
  }
  return 0;
}

int cm_init_common(const char* name, Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs(name, kwnames)) return -1;
  if (!check_nargs(name, nargs, 1, 1)) return -1;
  gc::store(self.as_object(), &as_cm(self)->callable, args[0]);
  return copy_wrapped_attrs(self, args[0]);
}
int classmethod_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return cm_init_common("classmethod", self, args, nargs, kwnames);
}
int staticmethod_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return cm_init_common("staticmethod", self, args, nargs, kwnames);
}

Value classmethod_get(Value self, Value obj, Value type) {
  Value f = as_cm(self)->callable;
  if (f.is_null()) return raise_error(exc_RuntimeError, "uninitialized classmethod object");
  if (type.is_null()) type = Value::from_object(type_of(obj));
  // 3.9 - 3.12 chain descriptors: a function binds to the class through its own __get__.
  DescrGetFn get = type_of(f)->slots.descr_get;
  if (get != nullptr) return get(f, type, type);
  return method_new(f, type);
}

Value staticmethod_get(Value self, Value, Value) {
  Value f = as_cm(self)->callable;
  if (f.is_null()) return raise_error(exc_RuntimeError, "uninitialized staticmethod object");
  return f;
}

Value staticmethod_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  return call(as_cm(self)->callable, args, nargs, kwnames);
}

Value cm_repr_common(Value self, const char* kind) {
  Value r = object_repr(as_cm(self)->callable);
  if (r.is_null()) return r;
  return str_from_utf8(std::string("<") + kind + "(" + str_to_utf8(r) + ")>");
}
Value classmethod_repr(Value self) { return cm_repr_common(self, "classmethod"); }
Value staticmethod_repr(Value self) { return cm_repr_common(self, "staticmethod"); }

Value cm_func(Value self) { return as_cm(self)->callable; }
Value cm_isabstract(Value self) {
  int r = is_abstract(as_cm(self)->callable);
  return r < 0 ? Value() : Bool(r);
}
Value cm_get_dict(Value self) {
  ClassMethodObject* c = as_cm(self);
  if (c->dict.is_null()) {
    Value d = dict_new();
    if (d.is_null()) return d;
    gc::store(self.as_object(), &c->dict, d);
  }
  return c->dict;
}
int cm_set_dict(Value self, Value v) {
  if (v.is_null() || !is_dict(v)) {
    raise_error(exc_TypeError, "__dict__ must be set to a dictionary");
    return -1;
  }
  gc::store(self.as_object(), &as_cm(self)->dict, v);
  return 0;
}

const MemberDef cm_members[] = {
    {"__func__", MemberKind::Value, offsetof(ClassMethodObject, callable), true, nullptr},
    {"__wrapped__", MemberKind::Value, offsetof(ClassMethodObject, callable), true, nullptr},
    {nullptr, MemberKind::Value, 0, false, nullptr}};
const GetSetDef cm_getsets[] = {{"__isabstractmethod__", cm_isabstract, nullptr, nullptr},
                                {"__dict__", cm_get_dict, cm_set_dict, nullptr},
                                {nullptr, nullptr, nullptr, nullptr}};

// -- super -----------------------------------------------------------------------------------------

SuperObject* as_super(Value v) { return static_cast<SuperObject*>(v.as_object()); }

void super_trace(Object* self, VisitFn visit, void* ctx) {
  auto* s = static_cast<SuperObject*>(self);
  visit(&s->type, ctx);
  visit(&s->obj, ctx);
  visit(&s->obj_type, ctx);
}

Value super_new(Type* type, const Value*, size_t, Value) { return alloc_instance(type, 0); }

// The type whose MRO super walks for (type, obj), or null with TypeError.
Value supercheck(Type* type, Value obj) {
  if (is_type(obj) && type_is_subtype(as_type(obj), type)) return obj;
  if (is_instance_of(obj, type)) return Value::from_object(type_of(obj));
  static StrConst k_class("__class__");
  Value cls = getattr_opt(obj, k_class.get());
  if (cls.is_null() && error_occurred()) return cls;
  if (!cls.is_null() && is_type(cls) && as_type(cls) != type_of(obj) &&
      type_is_subtype(as_type(cls), type))
    return cls;
  return raise_error(exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
}

int super_init_with(Value self, Value type, Value obj) {
  if (!is_type(type)) {
    raise_format(exc_TypeError, "super() argument 1 must be a type, not %.200s",
                 type_of(type)->c_name());
    return -1;
  }
  Value obj_type;
  if (!obj.is_null() && is_none(obj)) obj = Value();
  if (!obj.is_null()) {
    obj_type = supercheck(as_type(type), obj);
    if (obj_type.is_null()) return -1;
  }
  SuperObject* s = as_super(self);
  Object* o = self.as_object();
  gc::store(o, &s->type, type);
  gc::store(o, &s->obj, obj);
  gc::store(o, &s->obj_type, obj_type);
  return 0;
}

int super_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("super", kwnames)) return -1;
  if (!check_nargs("super()", nargs, 0, 2)) return -1;
  Value type, obj;
  if (nargs == 0) {
    Frame* f = ts().frame;
    if (f == nullptr) {
      raise_error(exc_RuntimeError, "super(): no current frame");
      return -1;
    }
    if (!frame_super_args(f, &type, &obj)) return -1;
  } else {
    type = args[0];
    if (nargs > 1) obj = args[1];
  }
  return super_init_with(self, type, obj);
}

Value super_getattro(Value self, Value name) {
  SuperObject* s = as_super(self);
  static StrConst k_class("__class__");
  if (!s->obj_type.is_null() && !(is_str(name) && str_equal(name, k_class.get()))) {
    Value mro = as_type(s->obj_type)->m_mro;
    if (!mro.is_null()) {
      int64_t n = tuple_length(mro);
      int64_t i = 0;
      while (i + 1 < n && !(tuple_at(mro, i) == s->type)) i++;
      for (i++; i < n; i++) {
        Type* b = as_type(tuple_at(mro, i));
        if (b->m_dict.is_null()) continue;
        Value res = is_exact_str(name) ? dict_get_str(b->m_dict, name) : dict_get(b->m_dict, name);
        if (res.is_null()) {
          if (error_occurred()) return res;
          continue;
        }
        DescrGetFn get = type_of(res)->slots.descr_get;
        if (get != nullptr)
          return get(res, s->obj == s->obj_type ? Value() : s->obj, s->obj_type);
        return res;
      }
    }
  }
  return generic_getattr(self, name);
}

Value super_get(Value self, Value obj, Value type) {
  SuperObject* s = as_super(self);
  if (obj.is_null() || is_none(obj) || !s->obj.is_null()) return self;
  Value ns = alloc_instance(type_of(self), 0);
  if (ns.is_null()) return ns;
  if (super_init_with(ns, s->type, obj) < 0) return Value();
  return ns;
}

Value super_repr(Value self) {
  SuperObject* s = as_super(self);
  // CPython prints tp_name (a class's bare name), not the class's repr.
  const char* tname = is_type(s->type) ? as_type(s->type)->c_name() : "NULL";
  std::string text = std::string("<super: <class '") + tname + "'>, ";
  if (s->obj_type.is_null()) text += "NULL>";
  else text += std::string("<") + as_type(s->obj_type)->c_name() + " object>>";
  return str_from_utf8(text);
}

const MemberDef super_members[] = {
    {"__thisclass__", MemberKind::ValueOrNone, offsetof(SuperObject, type), true,
     "the class invoking super()"},
    {"__self__", MemberKind::ValueOrNone, offsetof(SuperObject, obj), true,
     "the instance invoking super(); may be None"},
    {"__self_class__", MemberKind::ValueOrNone, offsetof(SuperObject, obj_type), true,
     "the type of the instance invoking super(); may be None"},
    {nullptr, MemberKind::Value, 0, false, nullptr}};

}  // namespace

constinit Type property_type{&type_type, "property", sizeof(PropertyObject), kTypeBaseType,
                             TypeSlots{.new_ = property_new, .init = property_init,
                                       .getattro = generic_getattr,
                                       .descr_get = property_get, .descr_set = property_set,
                                       .trace = property_trace}};
constinit Type classmethod_type{&type_type, "classmethod", sizeof(ClassMethodObject),
                                kTypeBaseType,
                                TypeSlots{.new_ = cm_new, .init = classmethod_init,
                                          .repr = classmethod_repr,
                                          .descr_get = classmethod_get, .trace = cm_trace}};
constinit Type staticmethod_type{&type_type, "staticmethod", sizeof(ClassMethodObject),
                                 kTypeBaseType,
                                 TypeSlots{.new_ = cm_new, .init = staticmethod_init,
                                           .repr = staticmethod_repr,
                                           .descr_get = staticmethod_get,
                                           .call = staticmethod_call, .trace = cm_trace}};
constinit Type super_type{&type_type, "super", sizeof(SuperObject), kTypeBaseType,
                          TypeSlots{.new_ = super_new, .init = super_init, .repr = super_repr,
                                    .getattro = super_getattro, .descr_get = super_get,
                                    .trace = super_trace}};

Value staticmethod_wrap(Value callable) {
  Value s = alloc_instance(&staticmethod_type, 0);
  if (s.is_null()) return s;
  gc::store(s.as_object(), &as_cm(s)->callable, callable);
  return s;
}

Value classmethod_wrap(Value callable) {
  Value s = alloc_instance(&classmethod_type, 0);
  if (s.is_null()) return s;
  gc::store(s.as_object(), &as_cm(s)->callable, callable);
  return s;
}

bool init_descriptors() {
  classmethod_type.m_dict_offset = offsetof(ClassMethodObject, dict);
  staticmethod_type.m_dict_offset = offsetof(ClassMethodObject, dict);
  type_init(&property_type, &object_type, TypeDefs{property_methods, nullptr, property_getsets},
            "Property attribute.\n\n  fget\n    function to be used for getting an attribute value\n"
            "  fset\n    function to be used for setting an attribute value\n"
            "  fdel\n    function to be used for del'ing an attribute\n  doc\n    docstring\n\n"
            "Typical use is to define a managed attribute x:\n\n"
            "class C(object):\n    def getx(self): return self._x\n"
            "    def setx(self, value): self._x = value\n"
            "    def delx(self): del self._x\n"
            "    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\n"
            "Decorators make defining new properties or modifying existing ones easy:\n\n"
            "class C(object):\n    @property\n    def x(self):\n        \"I am the 'x' property.\"\n"
            "        return self._x\n    @x.setter\n    def x(self, value):\n"
            "        self._x = value\n    @x.deleter\n    def x(self):\n        del self._x");
  type_init(&classmethod_type, &object_type, TypeDefs{nullptr, cm_members, cm_getsets},
            "classmethod(function) -> method\n\n"
            "Convert a function to be a class method.\n\n"
            "A class method receives the class as implicit first argument,\n"
            "just like an instance method receives the instance.\n"
            "To declare a class method, use this idiom:\n\n"
            "  class C:\n      @classmethod\n      def f(cls, arg1, arg2, argN):\n          ...\n\n"
            "It can be called either on the class (e.g. C.f()) or on an instance\n"
            "(e.g. C().f()).  The instance is ignored except for its class.\n"
            "If a class method is called for a derived class, the derived class\n"
            "object is passed as the implied first argument.\n\n"
            "Class methods are different than C++ or Java static methods.\n"
            "If you want those, see the staticmethod builtin.");
  type_init(&staticmethod_type, &object_type, TypeDefs{nullptr, cm_members, cm_getsets},
            "staticmethod(function) -> method\n\n"
            "Convert a function to be a static method.\n\n"
            "A static method does not receive an implicit first argument.\n"
            "To declare a static method, use this idiom:\n\n"
            "     class C:\n         @staticmethod\n         def f(arg1, arg2, argN):\n"
            "             ...\n\n"
            "It can be called either on the class (e.g. C.f()) or on an instance\n"
            "(e.g. C().f()). Both the class and the instance are ignored, and\n"
            "neither is passed implicitly as the first argument to the method.\n\n"
            "Static methods in Python are similar to those found in Java or C++.\n"
            "For a more advanced concept, see the classmethod builtin.");
  type_init(&super_type, &object_type, TypeDefs{nullptr, super_members, nullptr},
            "super() -> same as super(__class__, <first argument>)\n"
            "super(type) -> unbound super object\n"
            "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
            "super(type, type2) -> bound super object; requires issubclass(type2, type)\n"
            "Typical super call in a class method:\n"
            "class C(B):\n    def meth(self, arg):\n        super().meth(arg)\n"
            "This works for class methods too:\n"
            "class C(B):\n    @classmethod\n    def cmeth(cls, arg):\n"
            "        super().cmeth(arg)\n");
  init_seq_iterator();
  return !error_occurred();
}

}  // namespace tpy
