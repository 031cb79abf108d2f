// interp/modules/builtins_internal.h -- What the builtins module's files share.
#pragma once

#include "interp/objects/type.h"

namespace tpy {

// Adds the functions of builtins_core.cpp (len, repr, isinstance, ...) to the dict [d].
bool init_builtin_functions(Value d);
// Adds iter, next, min, max, sum, sorted, any, all, aiter, anext (builtins_iter.cpp).
bool init_builtin_iter_functions(Value d);

}  // namespace tpy
