// gc/malloc_info.cpp -- Asks jemalloc for its version through mallctl, proving it is linked.
#include "gc/malloc_info.h"

#ifdef TPY_USE_JEMALLOC
#include <jemalloc/jemalloc.h>
#endif

namespace tpy::gc {

std::string malloc_version() {
#ifdef TPY_USE_JEMALLOC
  const char* v = nullptr;
  size_t len = sizeof v;
  if (mallctl("version", &v, &len, nullptr, 0) == 0 && v) return std::string("jemalloc ") + v;
  return "jemalloc (version unknown)";
#else
  return "system malloc (sanitizer build)";
#endif
}

}  // namespace tpy::gc
