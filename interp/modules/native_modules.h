// interp/modules/native_modules.h -- The table of C++ modules (native_modules.def) as C++.
#pragma once

#include <span>
#include <string_view>

#include "interp/objects/value.h"

namespace tpy {

#define TPY_NATIVE_MODULE(name, create_fn) Value create_fn();
#include "interp/modules/native_modules.def"
#undef TPY_NATIVE_MODULE

struct NativeModule {
  std::string_view name;
  Value (*create)();
};

// The rows of native_modules.def, in order.
std::span<const NativeModule> native_modules();

// The row named [name], or null.
const NativeModule* find_native_module(std::string_view name);

}  // namespace tpy
