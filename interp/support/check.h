// interp/support/check.h -- Assertions (TPY_CHECK always on, TPY_DCHECK in debug builds).
#pragma once

#include <cstdio>
#include <cstdlib>

namespace tpy {

[[noreturn, gnu::cold]] inline void fatal(const char* file, int line, const char* msg) {
  std::fprintf(stderr, "tpy: internal error at %s:%d: %s\n", file, line, msg);
  std::abort();
}

}  // namespace tpy

#define TPY_CHECK(cond, msg)                                  \
  do {                                                        \
    if (!(cond)) [[unlikely]] ::tpy::fatal(__FILE__, __LINE__, msg); \
  } while (0)

#ifdef NDEBUG
#define TPY_DCHECK(cond, msg) ((void)0)
#else
#define TPY_DCHECK(cond, msg) TPY_CHECK(cond, msg)
#endif

#define TPY_UNREACHABLE() ::tpy::fatal(__FILE__, __LINE__, "unreachable")
