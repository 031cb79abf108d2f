// jit/backend/versions.h -- Versions of the code-generation libraries tpy is linked with.
#pragma once

#include <string>

namespace tpy::jit {

// "asmjit 1.9.0 (host GenuineIntel), Zydis 4.0.0": proves at start-up that both libraries are linked and usable.
std::string backend_versions();

}  // namespace tpy::jit
