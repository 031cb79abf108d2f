// interp/vm/vm_deps.h -- Declarations the VM needs from parts whose headers do not exist yet.
//
// Each row names its owner. When the owner's header appears, the declaration here must match
// it exactly (a redeclaration is harmless) and the row is then deleted in favour of the include.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "interp/objects/type.h"

namespace tpy {

// TODO(types): `object`, the root of every MRO (type.h does not declare it yet).
extern constinit Type object_type;

// TODO(numbers): float and complex construction and access (float.h / complex.h).
extern constinit Type float_type;
Value float_from_double(double d);
double float_as_double(Value v);  // v an exact float
Value complex_from_doubles(double real, double imag);

// TODO(str/bytes): bytes from raw data (bytes.h).
Value bytes_from_data(const void* data, size_t n);

// TODO(containers): set, frozenset, slice (set.h / slice.h).
Value set_new();
int set_add(Value set, Value item);             // 0 / -1
int set_update(Value set, Value iterable);      // 0 / -1
Value frozenset_from_iterable(Value iterable);  // frozenset(iterable)
Value slice_new(Value start, Value stop, Value step);  // None for missing parts

}  // namespace tpy
