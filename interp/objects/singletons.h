// interp/objects/singletons.h -- None, True, False, NotImplemented, Ellipsis and their types.
//
// Static objects (outside the GC heap, never collected), so `x is None` is one compare with a
// constant address. True and False are ints (bool subclasses int): arithmetic code that
// accepts an int must also accept them (bool_value()).
#pragma once

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type none_type;            // NoneType
extern constinit Type bool_type;            // bool
extern constinit Type not_implemented_type; // NotImplementedType
extern constinit Type ellipsis_type;        // ellipsis

class SingletonObject : public Object {
 public:
  constexpr explicit SingletonObject(Type* t) : Object(t) {}
};
class BoolObject : public Object {
 public:
  constexpr BoolObject(Type* t, bool v) : Object(t), value(v) {}
  bool value;
};

extern constinit SingletonObject none_object;
extern constinit SingletonObject not_implemented_object;
extern constinit SingletonObject ellipsis_object;
extern constinit BoolObject true_object;
extern constinit BoolObject false_object;

inline Value None() { return Value::from_object(&none_object); }
inline Value NotImplemented() { return Value::from_object(&not_implemented_object); }
inline Value Ellipsis() { return Value::from_object(&ellipsis_object); }
inline Value True() { return Value::from_object(&true_object); }
inline Value False() { return Value::from_object(&false_object); }
inline Value Bool(bool b) { return b ? True() : False(); }

inline bool is_none(Value v) { return v == None(); }
inline bool is_not_implemented(Value v) { return v == NotImplemented(); }
inline bool is_bool(Value v) { return v == True() || v == False(); }

}  // namespace tpy
