// interp/modules/collections_internal.h -- What the files of the _collections module share.
#pragma once

#include "interp/objects/native.h"
#include "interp/objects/type.h"

namespace tpy::collections {

extern constinit Type deque_type;
extern constinit Type deque_iter_type;
extern constinit Type deque_reviter_type;
extern constinit Type defaultdict_type;

// Complete the types (once); false with an exception pending.
bool init_deque_types();
bool init_defaultdict_type();

// _collections._count_elements(mapping, iterable).
Value count_elements(Value module, const Value* args, size_t nargs, Value kwnames);

}  // namespace tpy::collections
