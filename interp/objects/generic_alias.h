// interp/objects/generic_alias.h -- types.GenericAlias (PEP 585): what list[int] evaluates to.
#pragma once

#include "interp/objects/native.h"
#include "interp/objects/type.h"

namespace tpy {

extern constinit Type generic_alias_type;

class GenericAliasObject : public Object {
 public:
  Value origin;
  Value args;        // tuple
  Value parameters;  // tuple, computed on first use (null until then)
  int64_t starred;   // *tuple[int] (3.11's __unpacked__); always 0 for now
};

// origin[args]; [args] a tuple or a single item.
Value generic_alias_new(Value origin, Value args);

// `__class_getitem__` of list, dict, tuple, set, ...: a kMethO | kMethClass method.
Value generic_alias_class_getitem(Value cls, const Value* args, size_t nargs, Value kwnames);
#define TPY_CLASS_GETITEM_ROW \
  {"__class_getitem__", generic_alias_class_getitem, kMethO | kMethClass, "See PEP 585"}

}  // namespace tpy
