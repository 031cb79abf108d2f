// interp/vm/suggestions.h -- 3.11's "Did you mean: 'x'?" for uncaught AttributeError and NameError.
#pragma once

#include <string>

#include "interp/objects/value.h"

namespace tpy {

// The name CPython's traceback printer would suggest for [exc] (an exact AttributeError with
// name and obj, or an exact NameError with a traceback), or "" for none. Never leaves an
// exception pending.
std::string exception_suggestion(Value exc);

}  // namespace tpy
