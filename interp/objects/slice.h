// interp/objects/slice.h -- slice objects and the index arithmetic every sequence type shares.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type slice_type;

class SliceObject : public Object {
 public:
  Value start, stop, step;  // any objects; None when omitted
};

inline bool is_slice(Value v) { return v.is_object() && type_of(v) == &slice_type; }
inline SliceObject* as_slice(Value v) { return static_cast<SliceObject*>(v.as_object()); }

// slice(start, stop, step); null arguments mean None.
Value slice_new(Value start, Value stop, Value step);

// PySlice_Unpack: the slice's fields as clamped int64s (None -> the defaults for the step's
// direction). false: TypeError ("slice indices must be integers or None or have an __index__
// method") or ValueError ("slice step cannot be zero") pending.
bool slice_unpack(Value slice, int64_t* start, int64_t* stop, int64_t* step);
// PySlice_AdjustIndices: clips start/stop to a sequence of [length]; returns the slice length.
int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step);
// Both, for a sequence of [length]: the slice length, or -1 with an exception pending.
int64_t slice_indices_for(Value slice, int64_t length, int64_t* start, int64_t* stop,
                          int64_t* step);

// A subscript that must be an index: tagged ints directly, else __index__; a value outside
// int64 raises [overflow_type] ("cannot fit 'int' into an index-sized integer"). A non-index
// raises TypeError "<what> indices must be integers or slices, not <type>".
bool sequence_index(Value key, const char* what, int64_t* out);

}  // namespace tpy
