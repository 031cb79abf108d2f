// interp/modules/native_modules.cpp -- The table of C++ modules, expanded from its .def.
#include "interp/modules/native_modules.h"

namespace tpy {

// A leading unused row keeps the array non-empty while the .def has no rows.
static const NativeModule kRows[] = {
    {"", nullptr},
#define TPY_NATIVE_MODULE(name, create_fn) {name, &create_fn},
#include "interp/modules/native_modules.def"
#undef TPY_NATIVE_MODULE
};

std::span<const NativeModule> native_modules() {
  return std::span<const NativeModule>(kRows).subspan(1);
}

const NativeModule* find_native_module(std::string_view name) {
  for (const NativeModule& m : native_modules()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace tpy
