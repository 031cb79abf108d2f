// interp/objects/type.cpp -- The metatype `type` (a static object whose type is itself).
#include "interp/objects/type.h"

namespace tpy {

constinit Type type_type{&type_type, "type", sizeof(Type),
                         kTypeBaseType | kTypeImmutable | kTypeTypeSubclass};

}  // namespace tpy
