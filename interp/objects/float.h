// interp/objects/float.h -- Python float: a boxed double, and the conversions other parts need.
#pragma once

#include "interp/objects/type.h"
#include "interp/objects/value.h"

namespace tpy {

extern constinit Type float_type;

class FloatObject : public Object {
 public:
  double value;
};

inline bool is_exact_float(Value v) { return v.is_object() && type_of(v) == &float_type; }
inline bool is_float(Value v) {
  return v.is_object() && (type_of(v) == &float_type || type_is_subtype(type_of(v), &float_type));
}

Value float_from_double(double d);
double float_as_double(Value v);  // v a float (or float subclass instance)

}  // namespace tpy
