// interp/modules/warnings.h -- Issuing warnings from C++ (CPython's PyErr_WarnEx).
#pragma once

#include <cstdint>
#include <string_view>

#include "interp/objects/type.h"

namespace tpy {

// warnings.warn(message, category, stacklevel) on behalf of native code: stacklevel 1 is the
// Python frame running now. 0, or -1 with the exception pending (a warning turned into an
// error by a filter, or a failure to warn).
int warn_ex(Type* category, std::string_view message, int64_t stacklevel);

}  // namespace tpy
