// interp/vm/vm_deps_fallback.cpp -- Weak stand-ins for what vm_deps.h declares, so the runtime
// links before the owning parts exist; their real (strong) definitions replace these.
#include "interp/objects/exceptions.h"
#include "interp/vm/vm_deps.h"

namespace tpy {

[[gnu::weak]] constinit Type float_type{&type_type, "float", 32, 0};

[[gnu::weak]] Value float_from_double(double) {
  return raise_error(exc_SystemError, "float is not available in this build of tpy yet");
}
[[gnu::weak]] double float_as_double(Value) { return 0.0; }
[[gnu::weak]] Value complex_from_doubles(double, double) {
  return raise_error(exc_SystemError, "complex is not available in this build of tpy yet");
}
[[gnu::weak]] Value bytes_from_data(const void*, size_t) {
  return raise_error(exc_SystemError, "bytes is not available in this build of tpy yet");
}

}  // namespace tpy
