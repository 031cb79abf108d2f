// interp/objects/exceptions_internal.h -- What the exception types' files share.
#pragma once

#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"

namespace tpy {

// Sets the slots of the built-in exception type [t] and returns the methods / members /
// getsets its dict gets (exceptions_type.cpp), before type_init runs for it.
TypeDefs exception_type_setup(Type* t);
// After every exception type is ready: ExceptionGroup's second base, ...
bool exception_types_finish();

// BaseException's new/init/str, for the subclasses that extend them.
Value base_exception_new(Type* type, const Value* args, size_t nargs, Value kwnames);
Value base_exception_str(Value self);
inline BaseExceptionObject* exc_obj(Value v) {
  return static_cast<BaseExceptionObject*>(v.as_object());
}

// exceptions_group.cpp
Value exception_group_new(Type* type, const Value* args, size_t nargs, Value kwnames);
int exception_group_init(Value self, const Value* args, size_t nargs, Value kwnames);
Value exception_group_str(Value self);
extern const MethodDef exception_group_methods[];
extern const MemberDef exception_group_members[];

}  // namespace tpy
