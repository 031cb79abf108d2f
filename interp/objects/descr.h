// interp/objects/descr.h -- Descriptor objects: native methods, members, getsets, slot wrappers,
// property, classmethod, staticmethod, super.
//
// The native ones are what type_init turns MethodDef/MemberDef/GetSetDef rows and filled slots
// into (interp/objects/native.h); their reprs are CPython's ("<method 'append' of 'list'
// objects>", "<slot wrapper '__add__' of 'int' objects>", "<built-in method append of list
// object at 0x...>", "<method-wrapper '__add__' of int object at 0x...>").
#pragma once

#include "interp/objects/native.h"
#include "interp/objects/type_slots.h"

namespace tpy {

extern constinit Type method_descriptor_type;      // list.append
extern constinit Type classmethod_descriptor_type; // dict.fromkeys (as found in the dict)
extern constinit Type builtin_function_type;       // builtin_function_or_method
extern constinit Type member_descriptor_type;
extern constinit Type getset_descriptor_type;
extern constinit Type wrapper_descriptor_type;     // slot wrapper
extern constinit Type method_wrapper_type;         // bound slot wrapper
extern constinit Type property_type;
extern constinit Type classmethod_type;
extern constinit Type staticmethod_type;
extern constinit Type super_type;

// method_descriptor, classmethod_descriptor, member_descriptor, getset_descriptor and
// wrapper_descriptor share the head: the type that owns them and their name.
struct DescrObject : Object {
  Type* owner;
  Value name;  // interned str
};
struct MethodDescrObject : DescrObject {
  const MethodDef* def;
};
struct MemberDescrObject : DescrObject {
  const MemberDef* def;
  // __slots__ members of classes have no static MemberDef row: they own this one.
  MemberDef slot_def;
};
struct GetSetDescrObject : DescrObject {
  const GetSetDef* def;
};
struct WrapperDescrObject : DescrObject {
  int row;        // kSlotRows index
  AnyFn wrapped;  // the slot function of [owner] it calls
};
struct MethodWrapperObject : Object {
  Value descr;  // a WrapperDescrObject
  Value self;
};
struct BuiltinFunctionObject : Object {
  const MethodDef* def;
  Value self;    // the module, the bound instance, or null
  Value module;  // __module__ (str) or null
  // For `T.__new__` (self is the type) and for builtin methods bound from a descriptor.
  Type* owner;   // the type whose method this is, or null for module functions
};

struct PropertyObject : Object {
  Value fget, fset, fdel, doc;
  Value name;  // from __set_name__ (3.11's "property 'x' of 'A' object has no setter")
  bool getter_doc;
};
struct ClassMethodObject : Object {
  Value callable;
  Value dict;  // __dict__ (classmethod/staticmethod copy __wrapped__, __doc__ ... into it)
};
using StaticMethodObject = ClassMethodObject;
struct SuperObject : Object {
  Value type;      // the class super() was called with
  Value obj;       // the instance or class, or null (unbound super)
  Value obj_type;  // the type to walk the MRO of, or null
};

// Descriptor objects for type_init and type_new.
Value method_descr_new(Type* owner, const MethodDef* def);
Value member_descr_new(Type* owner, const MemberDef* def);
Value getset_descr_new(Type* owner, const GetSetDef* def);
Value wrapper_descr_new(Type* owner, int row, AnyFn wrapped);
// A __slots__ member at byte [offset] of the instance.
Value slot_member_new(Type* owner, Value name, uint32_t offset);
// staticmethod(f) / classmethod(f) objects, as the builtins make them.
Value staticmethod_wrap(Value callable);
Value classmethod_wrap(Value callable);
// Calls a slot wrapper's function with the convention of its row ("expected 1 argument, got
// 0", "wrapper __add__() takes no keyword arguments").
Value call_wrapper(const WrapperDescrObject* d, Value self, const Value* args, size_t nargs,
                   Value kwnames);
// Bound builtin method (a MethodDef called with [self]).
Value builtin_method_new(const MethodDef* def, Value self, Type* owner);

// Calls a native MethodDef function with CPython's arity checks for its flags; [qualname]
// prefixes the messages ("list.append", "len").
Value call_method_def(const MethodDef* def, const char* owner_name, Value self,
                      const Value* args, size_t nargs, Value kwnames);

inline bool is_property(Value v) { return v.is_object() && type_of(v) == &property_type; }
inline bool is_classmethod(Value v) {
  return v.is_object() && is_instance_of(v, &classmethod_type);
}
inline bool is_staticmethod(Value v) {
  return v.is_object() && is_instance_of(v, &staticmethod_type);
}

}  // namespace tpy
