// interp/vm/vm_deps.h -- Declarations the VM needs from parts whose headers do not exist yet.
//
// Each row names its owner. When the owner's header appears, the declaration here must match
// it exactly (a redeclaration is harmless) and the row is then deleted in favour of the include.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "interp/objects/bytes.h"
#include "interp/objects/complex.h"
#include "interp/objects/float.h"
#include "interp/objects/set.h"
#include "interp/objects/slice.h"
#include "interp/objects/type.h"

namespace tpy {

}  // namespace tpy
