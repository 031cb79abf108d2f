// interp/objects/dict.h -- dict: compact, insertion-ordered hash table (index table + entries).
//
// Layout as CPython 3.6+: a sparse index table of 1/2/4/8-byte slots pointing into a dense
// array of (hash, key, value) entries in insertion order, so iteration is a scan of the
// entries and the table stays small. Lookups of str keys compare identity first and use the
// cached hash, the fast path for attribute and global names (DESIGN.md). Every mutation bumps
// [version] (a global counter, as PEP 509's ma_version_tag) so LOAD_GLOBAL's inline cache and
// the JIT's guards can check that a module dict did not change.
//
// The index table and the entries live in one GC object (DictKeys, below), so a resize is one
// allocation and a dict is two objects. The str lookup is inline here because attribute and
// global loads are the interpreter's hottest dict operations.
#pragma once

#include <cstdint>

#include "interp/objects/str.h"
#include "interp/objects/type.h"

namespace tpy {

extern constinit Type dict_type;

class DictObject : public Object {
 public:
  int64_t used;        // live entries
  uint64_t version;    // changes on every mutation
  Value storage;       // the GC object holding the index table and entries (traced), or null
  void* keys;          // the same object as a DictKeys* (null while the dict never held a key)
  // Changes when a key is added or removed or the entries move, not when a value is replaced
  // (CPython's dk_version): LOAD_GLOBAL's caches keep an entry index while it holds.
  uint64_t keys_version;
};

inline bool is_dict(Value v) { return v.is_object() && type_of(v)->has_flag(kTypeDictSubclass); }
inline bool is_exact_dict(Value v) { return v.is_object() && type_of(v) == &dict_type; }
inline DictObject* as_dict(Value v) { return static_cast<DictObject*>(v.as_object()); }
inline int64_t dict_length(Value d) { return as_dict(d)->used; }

// -- Storage layout (dict.cpp owns it; inline readers below) --------------------------------------
namespace dict_detail {

struct DictEntry {
  int64_t hash;
  Value key;    // null: deleted
  Value value;  // null: deleted
};

inline constexpr int64_t kIxEmpty = -1;
inline constexpr int64_t kIxDummy = -2;  // a deleted entry's index slot
inline constexpr int64_t kIxError = -3;  // lookup failed (exception pending)
inline constexpr int kPerturbShift = 5;

// The index table (mask + 1 slots of 1 << log2_index_bytes bytes) follows the header, then
// the entries (usable_fraction(size) of them).
class DictKeys : public Object {
 public:
  uint64_t mask;          // index slots - 1 (a power of two minus one)
  int64_t usable;         // entries that may still be appended before a resize
  int64_t nentries;       // entries appended so far, live or deleted
  uint8_t log2_index_bytes;
  bool all_str;           // every key in the entries is an exact str (the str fast path)
  uint8_t pad[6];

  const void* index_table() const { return this + 1; }
  void* index_table() { return this + 1; }
  DictEntry* entries() {
    return reinterpret_cast<DictEntry*>(static_cast<char*>(index_table()) +
                                        ((mask + 1) << log2_index_bytes));
  }
  int64_t index_at(uint64_t i) const {
    switch (log2_index_bytes) {
      case 0: return static_cast<const int8_t*>(index_table())[i];
      case 1: return static_cast<const int16_t*>(index_table())[i];
      case 2: return static_cast<const int32_t*>(index_table())[i];
      default: return static_cast<const int64_t*>(index_table())[i];
    }
  }
  void set_index(uint64_t i, int64_t ix) {
    switch (log2_index_bytes) {
      case 0: static_cast<int8_t*>(index_table())[i] = static_cast<int8_t>(ix); break;
      case 1: static_cast<int16_t*>(index_table())[i] = static_cast<int16_t>(ix); break;
      case 2: static_cast<int32_t*>(index_table())[i] = static_cast<int32_t>(ix); break;
      default: static_cast<int64_t*>(index_table())[i] = ix; break;
    }
  }
};
static_assert(sizeof(DictKeys) == 48, "DictKeys header");

// The global version counter (PEP 509): every dict mutation takes the next value.
extern uint64_t g_dict_version_counter;
inline uint64_t next_version() { return ++g_dict_version_counter; }

// The entry index of the exact str [key] with hash [hash] in a table whose keys are all exact
// strs, or kIxEmpty. Identity first, then the cached hash, then the characters.
inline int64_t lookup_str_in(DictKeys* k, Value key, int64_t hash) {
  DictEntry* entries = k->entries();
  uint64_t mask = k->mask;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    int64_t ix = k->index_at(i);
    if (ix >= 0) {
      DictEntry& e = entries[ix];
      if (e.key == key) [[likely]] return ix;
      if (e.hash == hash && str_equal(e.key, key)) return ix;
    } else if (ix == kIxEmpty) {
      return kIxEmpty;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

inline int64_t str_hash_fast(Value s) {
  int64_t h = as_str(s)->hash;
  return h != -1 ? h : str_hash(s);
}

Value dict_get_str_slow(Value d, Value key);

}  // namespace dict_detail

Value dict_new(int64_t capacity = 0);
// The item for [key], or null: then error_occurred() tells "missing" (false) from a failed
// hash or __eq__ (true). Does not call __missing__ (that is dict.__getitem__'s).
Value dict_get(Value d, Value key);
// Faster twin for a str key (interned or not); never fails (an __eq__ that raises while
// comparing against a non-str key with the same hash is swallowed, as PyDict_GetItem does).
inline Value dict_get_str(Value d, Value key) {
  auto* k = static_cast<dict_detail::DictKeys*>(as_dict(d)->keys);
  if (k == nullptr) return Value();
  if (k->all_str && is_exact_str(key)) [[likely]] {
    int64_t ix = dict_detail::lookup_str_in(k, key, dict_detail::str_hash_fast(key));
    return ix < 0 ? Value() : k->entries()[ix].value;
  }
  return dict_detail::dict_get_str_slow(d, key);
}
Value dict_get_cstr(Value d, const char* key);  // for C++ callers (interns the key)
// dict_get with a hash the caller already has (sets and views reuse entry hashes).
Value dict_get_known_hash(Value d, Value key, int64_t hash);
int dict_set(Value d, Value key, Value v);      // 0, or -1 with an exception pending
int dict_set_cstr(Value d, const char* key, Value v);
int dict_set_known_hash(Value d, Value key, int64_t hash, Value v);
// 1 deleted, 0 missing (no exception), -1 error.
int dict_del(Value d, Value key);
int dict_contains(Value d, Value key);          // 1, 0, -1
void dict_clear(Value d);
Value dict_copy(Value d);
int dict_update(Value d, Value other);          // dict.update(other): mapping or pairs
// dict.update(other) for a dict [other] only; [override] false keeps existing keys.
int dict_merge(Value d, Value other, bool override);
// dict(pairs): each item a 2-sequence ("dictionary update sequence element #0 ...").
int dict_merge_from_seq2(Value d, Value seq);
// Iteration over live entries in order: `int64_t pos = 0; while (dict_next(d, &pos, &k, &v))`.
// The dict must not change during the walk. [key] or [value] may be null.
bool dict_next(Value d, int64_t* pos, Value* key, Value* value);
// As dict_next, also giving the entry's stored hash.
bool dict_next_hash(Value d, int64_t* pos, Value* key, Value* value, int64_t* hash);
Value dict_keys_list(Value d);
Value dict_values_list(Value d);
Value dict_items_list(Value d);
// dict.pop(key) without a default: the value, or null (missing: no exception; error: pending).
Value dict_pop(Value d, Value key);
// The entry count (live + deleted) and position-based reads, for the iterators.
int64_t dict_nentries(Value d);
inline uint64_t dict_version(Value d) { return as_dict(d)->version; }
inline uint64_t dict_keys_version(Value d) { return as_dict(d)->keys_version; }
// The entry index of the exact str [key] in a dict whose keys are all exact strs; -1 when
// absent or when the dict has other keys.
inline int64_t dict_str_entry_index(Value d, Value key) {
  auto* k = static_cast<dict_detail::DictKeys*>(as_dict(d)->keys);
  if (k == nullptr || !k->all_str || !is_exact_str(key)) return -1;
  int64_t ix = dict_detail::lookup_str_in(k, key, dict_detail::str_hash_fast(key));
  return ix < 0 ? -1 : ix;
}
// The value of entry [ix], found by dict_str_entry_index while the keys version is the same.
inline Value dict_entry_value(Value d, int64_t ix) {
  return static_cast<dict_detail::DictKeys*>(as_dict(d)->keys)->entries()[ix].value;
}

}  // namespace tpy

namespace tpy {

// dict.popitem(): the last live entry as (key, value), removed; null with KeyError when empty.
Value dict_popitem(Value d);

}  // namespace tpy
