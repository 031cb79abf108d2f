// gc/runtime_init.cpp -- init_gc (interp/vm/runtime_inits.def): turns automatic collection on.
//
// Collections stay off while the runtime builds its types and modules (start-up code is not
// audited for roots and would only collect its own scaffolding); from here on every
// allocation may collect.
#include <cstdlib>
#include <string_view>

#include "gc/collector.h"
#include "gc/roots.h"
#include "interp/objects/shape.h"

namespace tpy {

bool init_gc() {
  // The root shape is static and holds its transition table.
  gc::register_static_object(shape_root().as_object());
  gc::Options o = gc::current_options();
  gc::options_from_env(&o);
  gc::configure(o);
  // TPY_GC=off: no automatic collections (an escape hatch while hunting a rooting bug;
  // gc.collect() still collects).
  const char* env = std::getenv("TPY_GC");
  gc::set_enabled(!(env && std::string_view(env) == "off"));
  return true;
}

}  // namespace tpy
