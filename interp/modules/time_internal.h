// interp/modules/time_internal.h -- What the files of the time module share.
#pragma once

#include <ctime>

#include "interp/objects/native.h"
#include "interp/objects/type.h"

namespace tpy::timemod {

extern constinit Type struct_time_type;
bool init_struct_time();

// The struct_time / tuple functions (time_struct.cpp).
extern const MethodDef kStructFunctions[];

// A timestamp argument (int or float, floored) as time_t: CPython's _PyTime_ObjectToTime_t.
bool arg_to_time_t(Value v, time_t* out);

}  // namespace tpy::timemod
