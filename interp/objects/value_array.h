// interp/objects/value_array.h -- ValueArray: a GC-allocated array of Values (a list's item buffer).
//
// Not a Python-visible type. A list keeps its items in one of these so that growing the list
// is one allocation and the collector traces the items through the array (the list only
// points at it). Slots past the list's length are kept null, so tracing every slot is exact.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type value_array_type;

class ValueArray : public Object {
 public:
  int64_t length;  // slots
  int64_t reserved;
  Value items[];
};

// An array of [n] null slots, or null (MemoryError pending).
ValueArray* value_array_new(int64_t n);

}  // namespace tpy
