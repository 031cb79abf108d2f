// interp/objects/complex.h -- Python complex: a boxed pair of doubles and its arithmetic helpers.
#pragma once

#include "interp/objects/type.h"
#include "interp/objects/value.h"

namespace tpy {

extern constinit Type complex_type;

class ComplexObject : public Object {
 public:
  double real, imag;
};

inline bool is_complex(Value v) {
  return v.is_object() &&
         (type_of(v) == &complex_type || type_is_subtype(type_of(v), &complex_type));
}

Value complex_from_doubles(double real, double imag);
// a ** b on complex numbers with CPython's algorithm and errors (float's negative ** fraction).
Value complex_power(double ar, double ai, double br, double bi);

}  // namespace tpy
