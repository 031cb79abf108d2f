// interp/objects/range.h -- range objects (any int bounds) and their two iterator types.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type range_type;
extern constinit Type range_iterator_type;      // int64 bounds
extern constinit Type longrange_iterator_type;  // big-int bounds

class RangeObject : public Object {
 public:
  Value start, stop, step;  // exact ints
  Value length;             // exact int >= 0
};

inline bool is_range(Value v) { return v.is_object() && type_of(v) == &range_type; }
inline RangeObject* as_range(Value v) { return static_cast<RangeObject*>(v.as_object()); }

// range(start, stop, step) from exact ints; step must not be zero.
Value range_new(Value start, Value stop, Value step);

}  // namespace tpy
