// gc/malloc_info.h -- Which process allocator serves non-GC memory (jemalloc unless sanitised).
#pragma once

#include <string>

namespace tpy::gc {

// "jemalloc 5.3.0-0-g54eaed1d8b56b1aa528be3bdd1877e59c56fa90c" or "system malloc (sanitizer build)".
std::string malloc_version();

}  // namespace tpy::gc
