// interp/objects/object_dir.h -- dir(obj) for C++ callers (builtins.dir, the traceback's suggestions).
#pragma once

#include "interp/objects/value.h"

namespace tpy {

// dir(obj): its __dir__() as a sorted list (PyObject_Dir of an object); null with an
// exception pending.
Value object_dir(Value obj);

}  // namespace tpy
