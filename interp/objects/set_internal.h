// interp/objects/set_internal.h -- The set table operations shared by set.cpp and set_type.cpp.
#pragma once

#include "interp/objects/set.h"

namespace tpy {

Value set_intersection(Value s, Value other);  // s & other for any iterable other

namespace set_detail {

Value dummy();
int add_entry(SetObject* so, Value key, int64_t hash);
int contains_entry(SetObject* so, Value key, int64_t hash);
int discard_entry(SetObject* so, Value key, int64_t hash);  // 1, 0, -1
int add_key(SetObject* so, Value key);
int contains_key(SetObject* so, Value key);
int discard_key(SetObject* so, Value key);
void clear(SetObject* so);
bool next_entry(SetObject* so, int64_t* pos, SetEntry** out);
int merge(SetObject* so, SetObject* other);
int update_internal(SetObject* so, Value other);
// A new set of [type] (set, frozenset or a subclass) from [iterable] (null: empty).
Value make_new(Type* type, Value iterable);
// set or frozenset, whichever [s]'s type derives from (make_new_set_basetype).
Type* base_type_of(Value s);
Value copy(Value s);  // make_new(base_type_of(s), s)

}  // namespace set_detail
}  // namespace tpy
