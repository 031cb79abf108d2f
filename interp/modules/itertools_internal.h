// interp/modules/itertools_internal.h -- What the files of the itertools module share.
#pragma once

#include <cstddef>

#include "gc/barrier.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type.h"

namespace tpy::itertools {

// A static iterator type named "itertools.<name>" (subclassable, as CPython's).
constexpr Type iter_type(const char* name, uint32_t size, TraceFn trace) {
  Type t(&type_type, name, size, kTypeBaseType | kTypeImmutable);
  t.slots.trace = trace;
  t.slots.getattro = generic_getattr;
  return t;
}

// A new instance of [type] (maybe a subclass) with [extra] bytes after the type's layout.
template <class T>
T* new_obj(Type* type, size_t extra = 0) {
  return static_cast<T*>(alloc_instance(type, extra));
}
// The [extra] bytes new_obj added, past the (sub)type's own layout.
template <class E>
E* trailing(Object* self) {
  return reinterpret_cast<E*>(reinterpret_cast<char*>(self) + self->type()->m_basicsize);
}

inline Value iter_self(Value self) { return self; }

// One itertools type to register: the object, new/next slots, its dict rows and __doc__.
struct TypeRow {
  Type* type;
  NewFn new_fn;
  UnaryFn next;
  UnaryFn repr;  // null: object's
  const MethodDef* methods;
  const char* doc;
};
// The rows of each file (terminated by a null type).
extern const TypeRow kBasicTypes[];
extern const TypeRow kGroupTypes[];
extern const TypeRow kCombinatoricTypes[];
extern const MethodDef kFunctions[];  // tee

// "%s()" with the type's __name__ (subclasses print their own name, as _PyType_Name).
Value type_short_name(Value self);

}  // namespace tpy::itertools
