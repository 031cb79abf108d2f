// interp/objects/set.h -- set and frozenset: CPython 3.11's open-addressing table (linear probes
// plus perturbation), so iteration order and frozenset hashes match the oracle.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type set_type;
extern constinit Type frozenset_type;

struct SetEntry {
  Value key;     // null: never used; the dummy marker: deleted
  int64_t hash;  // -1 with the dummy key
};

class SetObject : public Object {
 public:
  int64_t fill;    // active + dummy slots
  int64_t used;    // active slots
  int64_t mask;    // slots - 1
  int64_t finger;  // where pop() starts looking
  int64_t hash;    // frozenset's cached hash, -1 until computed
  SetEntry* table;     // [smalltable] or the items of [table_owner]
  Value table_owner;   // the GC object holding a table larger than 8 slots, or null
  SetEntry smalltable[8];
};

inline bool is_anyset(Value v) {
  if (!v.is_object()) return false;
  Type* t = type_of(v);
  return t == &set_type || t == &frozenset_type || type_is_subtype(t, &set_type) ||
         type_is_subtype(t, &frozenset_type);
}
inline bool is_exact_anyset(Value v) {
  return v.is_object() && (type_of(v) == &set_type || type_of(v) == &frozenset_type);
}
inline bool is_frozenset(Value v) { return v.is_object() && is_instance_of(v, &frozenset_type); }
inline SetObject* as_set(Value v) { return static_cast<SetObject*>(v.as_object()); }
inline int64_t set_size(Value s) { return as_set(s)->used; }

// set(iterable) / frozenset(iterable); iterable null: empty.
Value set_new(Value iterable = Value());
Value frozenset_new(Value iterable = Value());
int set_add(Value s, Value key);        // 0, -1 (unhashable...)
int set_contains(Value s, Value key);   // 1, 0, -1
int set_discard(Value s, Value key);    // 1 found, 0 missing, -1 error
int set_update(Value s, Value iterable);
int set_difference_update(Value s, Value other);
int set_symmetric_difference_update(Value s, Value other);
void set_clear(Value s);
// Table-order iteration: `int64_t pos = 0; while (set_next(s, &pos, &key, &hash))`.
bool set_next(Value s, int64_t* pos, Value* key, int64_t* hash);

}  // namespace tpy
