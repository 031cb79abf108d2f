// jit/backend/versions.cpp -- Reports the asmjit and Zydis versions (the only asmjit include
// outside the future jit/backend/asm.h wrapper, kept here so the build proves the link).
#include "jit/backend/versions.h"

#include <Zydis/Zydis.h>
#include <asmjit/core.h>

#include <cstdio>

namespace tpy::jit {

std::string backend_versions() {
  char buf[160];
  uint32_t a = ASMJIT_LIBRARY_VERSION;
  // Calling into both libraries (not just reading header macros) proves they are linked.
  const asmjit::CpuInfo& cpu = asmjit::CpuInfo::host();
  ZyanU64 z = ZydisGetVersion();
  std::snprintf(buf, sizeof buf, "asmjit %u.%u.%u (host %s), Zydis %u.%u.%u", a >> 16, (a >> 8) & 0xFF,
                a & 0xFF, cpu.vendor(), unsigned(ZYDIS_VERSION_MAJOR(z)), unsigned(ZYDIS_VERSION_MINOR(z)),
                unsigned(ZYDIS_VERSION_PATCH(z)));
  return buf;
}

}  // namespace tpy::jit
