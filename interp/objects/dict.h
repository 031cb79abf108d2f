// interp/objects/dict.h -- dict: compact, insertion-ordered hash table (index table + entries).
//
// Layout as CPython 3.6+: a sparse index table of 1/2/4/8-byte slots pointing into a dense
// array of (hash, key, value) entries in insertion order, so iteration is a scan of the
// entries and the table stays small. Lookups of str keys compare identity first and use the
// cached hash, the fast path for attribute and global names (DESIGN.md). Every mutation bumps
// [version] (a global counter, as PEP 509's ma_version_tag) so LOAD_GLOBAL's inline cache and
// the JIT's guards can check that a module dict did not change.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type dict_type;

class DictObject : public Object {
 public:
  int64_t used;        // live entries
  uint64_t version;    // changes on every mutation
  Value storage;       // the GC object holding the index table and entries (traced), or null
  void* keys;          // internal view of [storage] (see dict.cpp)
};

inline bool is_dict(Value v) { return v.is_object() && type_of(v)->has_flag(kTypeDictSubclass); }
inline bool is_exact_dict(Value v) { return v.is_object() && type_of(v) == &dict_type; }
inline DictObject* as_dict(Value v) { return static_cast<DictObject*>(v.as_object()); }
inline int64_t dict_length(Value d) { return as_dict(d)->used; }

Value dict_new(int64_t capacity = 0);
// The item for [key], or null: then error_occurred() tells "missing" (false) from a failed
// hash or __eq__ (true). Does not call __missing__ (that is dict.__getitem__'s).
Value dict_get(Value d, Value key);
// Faster twin for a str key (interned or not); never fails.
Value dict_get_str(Value d, Value key);
Value dict_get_cstr(Value d, const char* key);  // for C++ callers (interns the key)
int dict_set(Value d, Value key, Value v);      // 0, or -1 with an exception pending
int dict_set_cstr(Value d, const char* key, Value v);
// 1 deleted, 0 missing (no exception), -1 error.
int dict_del(Value d, Value key);
int dict_contains(Value d, Value key);          // 1, 0, -1
void dict_clear(Value d);
Value dict_copy(Value d);
int dict_update(Value d, Value other);          // dict.update(other): mapping or pairs
// Iteration over live entries in order: `int64_t pos = 0; while (dict_next(d, &pos, &k, &v))`.
// The dict must not change during the walk.
bool dict_next(Value d, int64_t* pos, Value* key, Value* value);
Value dict_keys_list(Value d);
inline uint64_t dict_version(Value d) { return as_dict(d)->version; }

}  // namespace tpy
