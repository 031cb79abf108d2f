// interp/objects/dict_views.h -- dict views (keys/values/items), dict iterators and mappingproxy.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type dict_keys_type;    // dict_keys
extern constinit Type dict_values_type;  // dict_values
extern constinit Type dict_items_type;   // dict_items
extern constinit Type dict_keyiterator_type;
extern constinit Type dict_valueiterator_type;
extern constinit Type dict_itemiterator_type;
extern constinit Type dict_reversekeyiterator_type;
extern constinit Type dict_reversevalueiterator_type;
extern constinit Type dict_reverseitemiterator_type;
extern constinit Type mappingproxy_type;

class DictViewObject : public Object {
 public:
  Value dict;
};

class DictIterObject : public Object {
 public:
  Value dict;     // null once exhausted
  int64_t used;   // the dict's size when the iterator was made (-1: changed, sticky)
  int64_t pos;    // next entry index (reverse: the index to look at next)
  int64_t len;    // items left to produce
};

class MappingProxyObject : public Object {
 public:
  Value mapping;
};

inline bool is_dict_keys_or_items(Value v) {
  return v.is_object() && (type_of(v) == &dict_keys_type || type_of(v) == &dict_items_type);
}

Value dict_view_new(Type* type, Value dict);
// iter(d), iter(d.values()), ... : kind 0 keys, 1 values, 2 items.
Value dict_iter_new(Value dict, int kind, bool reverse);
// types.MappingProxyType(mapping): type.__dict__ wraps the type's dict in one of these.
Value mappingproxy_new(Value mapping);

}  // namespace tpy
