// interp/objects/builtin_iters.h -- enumerate, zip, map, filter and reversed (the builtin iterator
// types; the builtins module binds their names).
#pragma once

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type enumerate_type;
extern constinit Type zip_type;
extern constinit Type map_type;
extern constinit Type filter_type;
extern constinit Type reversed_type;

// reversed(seq) for C++ callers: seq.__reversed__() or the sequence-protocol iterator.
Value reversed_new(Value seq);

}  // namespace tpy
