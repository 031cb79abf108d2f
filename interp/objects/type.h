// interp/objects/type.h -- Type: the skeleton of a Python type object (what exists so far).
//
// Every object's header points at its Type (interp/objects/object.h), and gc::alloc takes the
// Type of the object it makes. Issue 3 grows this class into the real type object (name,
// bases, MRO, dict, version tag, slots, the GC trace function); the contract it keeps is that
// a Type is itself an Object, so `type(x)` is a Value like any other. Built-in types are
// static objects (constinit, outside the GC heap); classes made at run time will be heap
// objects allocated with gc::alloc.
#pragma once

#include "interp/objects/object.h"

namespace tpy {

class Type : public Object {
 public:
  constexpr Type(Type* metatype, const char* name) : Object(metatype), m_name(name) {}

  const char* name() const { return m_name; }

 private:
  const char* m_name;
};

extern constinit Type type_type;  // `type`, the metatype of every built-in type
extern constinit Type int_type;   // `int`: the type of big ints (small ints carry no header)

}  // namespace tpy
