// interp/objects/num_util.h -- Helpers shared by the int, float and complex types (numbers part).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/objects/float_math.h"
#include "interp/objects/value.h"
#include "interp/text/int_view.h"
#include "interp/text/num_error.h"

namespace tpy {

// Raises the exception named [type] ("ValueError", ...) with [message].
Value raise_named(const char* type, std::string_view message);
inline Value raise_num_error(const text::NumError& e) { return raise_named(e.type, e.message); }
// A float_math status as its exception (not kOk / kComplexPower).
Value raise_float_status(FloatStatus s);
// The int core's pending error as a Python exception (int_type.cpp).
Value int_raise_pending(std::string_view literal);

// An int operand (int, bool) as an exact int, or null when [v] is no int.
Value int_operand(Value v);
// A view of exact int [v]; [storage] holds a small int's limb.
text::IntView int_view(Value v, uint64_t* storage);
// An integer described by float_math as an int object.
Value int_from_float_int(const FloatInt& fi);
// An int from decimal text (float_math's numerator/denominator strings).
Value int_from_decimal(const std::string& s);

// A number operand as a double for float arithmetic: 1 converted, 0 not a real number
// (NotImplemented), -1 exception pending (an int too large for a float).
int real_operand(Value v, double* out);

// Unicode text of a str prepared for the ASCII parsers: white space becomes ' ' and decimal
// digits ASCII, as CPython's _PyUnicode_TransformDecimalAndSpaceToASCII; other non-ASCII code
// points become '?' (which no parser accepts).
std::string numeric_ascii(Value str);

}  // namespace tpy
