// gc/runtime_init.cpp -- init_gc (interp/vm/runtime_inits.def): turns automatic collection on.
//
// Collections stay off while the runtime builds its types and modules (start-up code is not
// audited for roots and would only collect its own scaffolding); from here on every
// allocation may collect.
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
  gc::set_enabled(true);
  return true;
}

}  // namespace tpy
