// interp/objects/tuple.h -- tuple: an immutable array of Values stored inline after the header.
#pragma once

#include <cstdint>
#include <initializer_list>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type tuple_type;

class TupleObject : public Object {
 public:
  int64_t length;
  int64_t hash_cache;  // unused by CPython 3.11 semantics (recomputed), free for the JIT
  Value items[];       // length Values
};

inline bool is_tuple(Value v) {
  return v.is_object() && type_of(v)->has_flag(kTypeTupleSubclass);
}
inline bool is_exact_tuple(Value v) { return v.is_object() && type_of(v) == &tuple_type; }
inline TupleObject* as_tuple(Value v) { return static_cast<TupleObject*>(v.as_object()); }
inline int64_t tuple_length(Value t) { return as_tuple(t)->length; }
inline Value tuple_at(Value t, int64_t i) { return as_tuple(t)->items[i]; }

// A tuple of [n] items, all null: the caller fills every item (tuple_init_item) before the
// tuple escapes. n == 0 returns the shared empty tuple.
Value tuple_new(int64_t n);
// Fills item [i] of a tuple from tuple_new (with the write barrier).
void tuple_init_item(Value t, int64_t i, Value v);
Value tuple_from_array(const Value* items, int64_t n);
Value tuple_pack(std::initializer_list<Value> items);
Value tuple_empty();
Value tuple_slice(Value t, int64_t start, int64_t stop);  // clamped, step 1
// tuple(iterable)
Value tuple_from_iterable(Value iterable);

}  // namespace tpy
