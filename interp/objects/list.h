// interp/objects/list.h -- list: a growable array of Values in a separate GC-allocated buffer.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type list_type;

class ListObject : public Object {
 public:
  int64_t length;
  int64_t capacity;
  Value* items;  // a GC object's payload (ValueArray) or null when capacity is 0
  Value items_owner;  // the ValueArray object that holds [items] (keeps it alive, traced)
};

inline bool is_list(Value v) { return v.is_object() && type_of(v)->has_flag(kTypeListSubclass); }
inline bool is_exact_list(Value v) { return v.is_object() && type_of(v) == &list_type; }
inline ListObject* as_list(Value v) { return static_cast<ListObject*>(v.as_object()); }
inline int64_t list_length(Value l) { return as_list(l)->length; }
inline Value list_at(Value l, int64_t i) { return as_list(l)->items[i]; }

Value list_new(int64_t capacity = 0);       // empty list with room for [capacity]
Value list_from_array(const Value* items, int64_t n);
Value list_from_iterable(Value iterable);   // list(iterable)
int list_append(Value l, Value v);          // 0, or -1 (MemoryError pending)
int list_extend(Value l, Value iterable);
void list_set_item(Value l, int64_t i, Value v);  // i in range; with the write barrier
Value list_as_tuple(Value l);
int list_sort(Value l, Value key, bool reverse);  // list.sort(key=, reverse=)

}  // namespace tpy
