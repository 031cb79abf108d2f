// interp/modules/math_internal.h -- What the files of the math module share.
#pragma once

#include <cstddef>

#include "interp/objects/native.h"
#include "interp/objects/value.h"

namespace tpy::math_mod {

// PyFloat_AsDouble: a float, an int, __float__ or __index__; "must be real number, not X".
bool arg_double(Value v, double* out);
// ValueError "math domain error" / OverflowError "math range error".
Value domain_error();
Value range_error();
// errno after a libm call as CPython's is_error: true with an exception raised, false when
// the error is ignored (an underflow, |r| < 1.5).
bool is_error(int err, double r);
// The module functions of each file (rows terminated by a null name).
extern const MethodDef kFloatFunctions[];
extern const MethodDef kIntFunctions[];
extern const MethodDef kAggregateFunctions[];

// Gamma and log-gamma with CPython's own algorithms (results differ from glibc's in the last
// bits); [err] receives EDOM / ERANGE like errno.
double m_tgamma(double x, int* err);
double m_lgamma(double x, int* err);

}  // namespace tpy::math_mod
