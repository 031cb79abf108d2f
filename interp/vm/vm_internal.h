// interp/vm/vm_internal.h -- Helpers shared by the VM's own types (not for other parts).
#pragma once

#include <string>

#include "interp/objects/type.h"

namespace tpy::vm {

// Attribute lookup for an object that keeps its attributes in a dict field of its own
// (functions, modules): data descriptors of the type, then [dict], then other class
// attributes. Null without an exception when absent (the caller raises its own message).
Value dict_field_getattr(Value obj, Value name, Value dict);
// Assignment / deletion (v null) for such an object; *dictslot is made on demand.
// Missing attribute on delete: AttributeError with the type's usual message.
int dict_field_setattr(Value obj, Value name, Value v, Value* dictslot);
// "%p"-style address text as CPython's repr shows it (0x7f...).
std::string address_text(const void* p);
// The __qualname__ (else __name__, else "?") of any callable, for reprs and messages.
std::string callable_qualname(Value f);

}  // namespace tpy::vm
