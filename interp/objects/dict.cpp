// interp/objects/dict.cpp -- The dict hash table: lookup, insertion, deletion, resizing, merging.
//
// The algorithm is CPython 3.11's dictobject.c (so probe sequences, resize points and the
// order of __eq__ calls match): the index table is open-addressed with the perturbation
// probe `i = (5*i + perturb + 1) & mask` after `perturb >>= 5`; entries are appended in
// insertion order and a deletion leaves a dummy index slot and a hole in the entries; when
// no entry is left to append, the table is rebuilt at the smallest power of two that is at
// least 3 * used (compacting the holes). A lookup whose __eq__ mutated the dict restarts.
#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

using namespace dict_detail;

namespace dict_detail {
uint64_t g_dict_version_counter = 0;
}

namespace {

void trace_keys(Object* self, VisitFn visit, void* ctx) {
  auto* k = static_cast<DictKeys*>(self);
  DictEntry* e = k->entries();
  for (int64_t i = 0; i < k->nentries; i++) {
    if (e[i].key.is_null()) continue;
    visit(&e[i].key, ctx);
    visit(&e[i].value, ctx);
  }
}

constexpr Type make_keys_type() {
  Type t(&type_type, "dict_keys_storage", sizeof(DictKeys), 0);
  t.slots.trace = trace_keys;
  return t;
}

}  // namespace

// Not a Python-visible type: the storage object of a dict (traced through the dict).
constinit Type dict_keys_storage_type = make_keys_type();

namespace {

void trace_dict(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<DictObject*>(self)->storage, ctx);
}

constexpr Type make_dict_type() {
  Type t(&type_type, "dict", sizeof(DictObject),
         kTypeBaseType | kTypeImmutable | kTypeDictSubclass | kTypeMapping);
  t.slots.trace = trace_dict;
  return t;
}

}  // namespace

constinit Type dict_type = make_dict_type();

namespace {

constexpr int kLog2MinSize = 3;  // PyDict_LOG_MINSIZE: 8 index slots, 5 entries

inline int64_t usable_fraction(int64_t size) { return (size << 1) / 3; }

// The smallest log2 size whose table has at least [minsize] slots.
int calculate_log2_keysize(int64_t minsize) {
  int log2 = kLog2MinSize;
  while ((int64_t{1} << log2) < minsize) log2++;
  return log2;
}

// The log2 size for a dict that will hold [n] items without resizing.
int estimate_log2_keysize(int64_t n) { return calculate_log2_keysize((n * 3 + 1) / 2); }

DictKeys* new_keys(int log2_size) {
  int log2_bytes = log2_size < 8 ? 0 : log2_size < 16 ? 1 : log2_size < 32 ? 2 : 3;
  int64_t size = int64_t{1} << log2_size;
  int64_t usable = usable_fraction(size);
  size_t bytes = sizeof(DictKeys) + (static_cast<size_t>(size) << log2_bytes) +
                 static_cast<size_t>(usable) * sizeof(DictEntry);
  auto* k = static_cast<DictKeys*>(gc::alloc(bytes, &dict_keys_storage_type));
  if (k == nullptr) return nullptr;
  k->mask = static_cast<uint64_t>(size - 1);
  k->usable = usable;
  k->nentries = 0;
  k->log2_index_bytes = static_cast<uint8_t>(log2_bytes);
  k->all_str = true;
  std::memset(k->index_table(), 0xff, static_cast<size_t>(size) << log2_bytes);  // kIxEmpty
  return k;
}

inline DictKeys* keys_of(DictObject* d) { return static_cast<DictKeys*>(d->keys); }

void set_keys(DictObject* d, DictKeys* k) {
  d->keys = k;
  d->keys_version = next_version();  // entry indexes cached elsewhere are stale
  gc::store(d, &d->storage, k ? Value::from_object(k) : Value());
}

// The hash of a key: inline for tagged ints and strs with a cached hash.
inline int64_t key_hash(Value key) {
  if (key.is_int()) return int_hash(key);
  if (is_exact_str(key)) return str_hash_fast(key);
  return object_hash(key);
}

// An empty index slot for [hash] (the key is known to be absent).
uint64_t find_empty_slot(DictKeys* k, int64_t hash) {
  uint64_t mask = k->mask;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (k->index_at(i) >= 0 || k->index_at(i) == kIxDummy) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// The index slot that holds entry [ix].
uint64_t find_slot_of(DictKeys* k, int64_t hash, int64_t ix) {
  uint64_t mask = k->mask;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    int64_t found = k->index_at(i);
    if (found == ix) return i;
    TPY_CHECK(found != kIxEmpty, "dict: entry not in its index table");
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// The entry index of [key], kIxEmpty, or kIxError. Calls __eq__ on keys with the same hash;
// if that changed the table under us, starts over (CPython's lookdict).
int64_t lookup(DictObject* d, Value key, int64_t hash) {
restart:
  DictKeys* k = keys_of(d);
  if (k == nullptr) return kIxEmpty;
  bool key_is_str = is_exact_str(key);
  if (k->all_str && key_is_str) return lookup_str_in(k, key, hash);
  uint64_t mask = k->mask;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    int64_t ix = k->index_at(i);
    if (ix >= 0) {
      DictEntry* e = &k->entries()[ix];
      Value start = e->key;
      if (start == key) return ix;
      if (e->hash == hash) {
        if (key_is_str && is_exact_str(start)) {
          if (str_equal(start, key)) return ix;
        } else if (!(start.is_int() && key.is_int())) {  // distinct tagged ints never equal
          int cmp = object_equal(start, key);
          if (cmp < 0) return kIxError;
          if (keys_of(d) != k || k->entries()[ix].key != start) goto restart;
          if (cmp > 0) return ix;
        }
      }
    } else if (ix == kIxEmpty) {
      return kIxEmpty;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Rebuilds the table at 2**log2_size slots with the live entries compacted, in order.
bool resize(DictObject* d, int log2_size) {
  DictKeys* old = keys_of(d);
  DictKeys* k = new_keys(log2_size);
  if (k == nullptr) return false;
  if (old != nullptr) {
    DictEntry* src = old->entries();
    DictEntry* dst = k->entries();
    int64_t n = 0;
    bool all_str = true;
    if (old->nentries == d->used) {
      std::memcpy(static_cast<void*>(dst), src, sizeof(DictEntry) * static_cast<size_t>(d->used));
      n = d->used;
      all_str = old->all_str;
    } else {
      for (int64_t i = 0; i < old->nentries; i++) {
        if (src[i].value.is_null()) continue;
        dst[n++] = src[i];
      }
    }
    if (!old->all_str || old->nentries != d->used) {
      for (int64_t i = 0; i < n && all_str; i++) all_str = is_exact_str(dst[i].key);
    }
    k->all_str = all_str;
    gc::write_barrier_all(k);
    for (int64_t i = 0; i < n; i++) k->set_index(find_empty_slot(k, dst[i].hash), i);
    k->nentries = n;
    k->usable -= n;
  }
  set_keys(d, k);
  return true;
}

bool insertion_resize(DictObject* d) { return resize(d, calculate_log2_keysize(d->used * 3)); }

// Appends a new entry for [key] (known absent).
int insert_new(DictObject* d, Value key, int64_t hash, Value value) {
  DictKeys* k = keys_of(d);
  if (k == nullptr || k->usable <= 0) {
    if (!insertion_resize(d)) {
      raise_no_memory();
      return -1;
    }
    k = keys_of(d);
  }
  if (!is_exact_str(key)) k->all_str = false;
  uint64_t slot = find_empty_slot(k, hash);
  int64_t ix = k->nentries;
  DictEntry* e = &k->entries()[ix];
  e->hash = hash;
  gc::store(k, &e->key, key);
  gc::store(k, &e->value, value);
  k->set_index(slot, ix);
  k->nentries++;
  k->usable--;
  d->used++;
  d->version = next_version();
  d->keys_version = d->version;
  return 0;
}

int insert(DictObject* d, Value key, int64_t hash, Value value) {
  int64_t ix = lookup(d, key, hash);
  if (ix == kIxError) return -1;
  if (ix == kIxEmpty) return insert_new(d, key, hash, value);
  DictKeys* k = keys_of(d);
  DictEntry* e = &k->entries()[ix];
  if (e->value != value) {
    gc::store(k, &e->value, value);
    d->version = next_version();
  }
  return 0;
}

void delete_entry(DictObject* d, int64_t ix, int64_t hash) {
  DictKeys* k = keys_of(d);
  k->set_index(find_slot_of(k, hash, ix), kIxDummy);
  DictEntry* e = &k->entries()[ix];
  e->key = Value();
  e->value = Value();
  d->used--;
  d->version = next_version();
  d->keys_version = d->version;
}

}  // namespace

// -- Public API -----------------------------------------------------------------------------------

Value dict_new(int64_t capacity) {
  auto* d = gc::alloc_as<DictObject>(&dict_type);
  if (d == nullptr) return raise_no_memory();
  d->version = next_version();
  d->keys_version = d->version;
  if (capacity > usable_fraction(int64_t{1} << kLog2MinSize)) {
    DictKeys* k = new_keys(estimate_log2_keysize(capacity));
    if (k == nullptr) return raise_no_memory();
    set_keys(d, k);
  }
  return Value::from_object(d);
}

Value dict_get_known_hash(Value dv, Value key, int64_t hash) {
  DictObject* d = as_dict(dv);
  int64_t ix = lookup(d, key, hash);
  if (ix < 0) return Value();
  return keys_of(d)->entries()[ix].value;
}

Value dict_get(Value dv, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return Value();
  return dict_get_known_hash(dv, key, hash);
}

Value dict_detail::dict_get_str_slow(Value d, Value key) {
  if (as_dict(d)->keys == nullptr) return Value();
  // A str subclass may define its own __hash__: only exact strs use the cached hash.
  Value v = is_exact_str(key) ? dict_get_known_hash(d, key, str_hash(key)) : dict_get(d, key);
  if (v.is_null() && error_occurred()) clear_exception();
  return v;
}

Value dict_get_cstr(Value d, const char* key) {
  Value k = str_intern(key);
  if (k.is_null()) return k;
  return dict_get_str(d, k);
}

int dict_set_known_hash(Value d, Value key, int64_t hash, Value v) {
  return insert(as_dict(d), key, hash, v);
}

int dict_set(Value d, Value key, Value v) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  return insert(as_dict(d), key, hash, v);
}

int dict_set_cstr(Value d, const char* key, Value v) {
  Value k = str_intern(key);
  if (k.is_null()) return -1;
  return dict_set(d, k, v);
}

int dict_del(Value dv, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  DictObject* d = as_dict(dv);
  int64_t ix = lookup(d, key, hash);
  if (ix == kIxError) return -1;
  if (ix == kIxEmpty) return 0;
  delete_entry(d, ix, hash);
  return 1;
}

Value dict_pop(Value dv, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return Value();
  DictObject* d = as_dict(dv);
  if (d->used == 0) return Value();
  int64_t ix = lookup(d, key, hash);
  if (ix < 0) return Value();
  Value v = keys_of(d)->entries()[ix].value;
  delete_entry(d, ix, hash);
  return v;
}

int dict_contains(Value d, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  int64_t ix = lookup(as_dict(d), key, hash);
  if (ix == kIxError) return -1;
  return ix >= 0;
}

void dict_clear(Value dv) {
  DictObject* d = as_dict(dv);
  if (d->keys == nullptr && d->used == 0) return;
  set_keys(d, nullptr);
  d->used = 0;
  d->version = next_version();
  d->keys_version = d->version;
}

bool dict_next_hash(Value dv, int64_t* pos, Value* key, Value* value, int64_t* hash) {
  DictKeys* k = keys_of(as_dict(dv));
  if (k == nullptr) return false;
  int64_t i = *pos;
  DictEntry* e = k->entries();
  while (i < k->nentries && e[i].value.is_null()) i++;
  if (i >= k->nentries) return false;
  *pos = i + 1;
  if (key) *key = e[i].key;
  if (value) *value = e[i].value;
  if (hash) *hash = e[i].hash;
  return true;
}

bool dict_next(Value d, int64_t* pos, Value* key, Value* value) {
  return dict_next_hash(d, pos, key, value, nullptr);
}

int64_t dict_nentries(Value d) {
  DictKeys* k = keys_of(as_dict(d));
  return k ? k->nentries : 0;
}

Value dict_copy(Value dv) {
  DictObject* d = as_dict(dv);
  Value result = dict_new();
  if (result.is_null()) return result;
  DictObject* r = as_dict(result);
  DictKeys* k = keys_of(d);
  if (k == nullptr || d->used == 0) return result;
  // A dense table is cloned as is (CPython's clone_combined_dict_keys): same index layout.
  if (d->used >= (k->nentries * 2) / 3) {
    size_t bytes = gc::cell_size(k);
    auto* c = static_cast<DictKeys*>(gc::alloc(bytes, &dict_keys_storage_type));
    if (c == nullptr) return raise_no_memory();
    std::memcpy(reinterpret_cast<char*>(c) + sizeof(Object),
                reinterpret_cast<const char*>(k) + sizeof(Object), bytes - sizeof(Object));
    gc::write_barrier_all(c);
    set_keys(r, c);
    r->used = d->used;
    r->version = next_version();
    r->keys_version = r->version;
    return result;
  }
  if (dict_merge(result, dv, true) < 0) return Value();
  return result;
}

int dict_merge(Value dv, Value ov, bool override) {
  DictObject* d = as_dict(dv);
  DictObject* o = as_dict(ov);
  if (d == o || o->used == 0) return 0;
  DictKeys* ok = keys_of(o);
  // One resize up front rather than several while inserting.
  DictKeys* k = keys_of(d);
  int64_t usable = k ? k->usable : 0;
  if (usable * 3 < o->used * 2) {
    if (!resize(d, estimate_log2_keysize(d->used + o->used))) {
      raise_no_memory();
      return -1;
    }
  }
  int64_t n = ok->nentries;
  int64_t orig_used = o->used;
  for (int64_t i = 0; i < n; i++) {
    DictEntry* e = &ok->entries()[i];
    Value key = e->key, value = e->value;
    if (value.is_null()) continue;
    int64_t hash = e->hash;
    int err;
    if (override) {
      err = insert(d, key, hash, value);
    } else {
      int64_t ix = lookup(d, key, hash);
      if (ix == kIxError) return -1;
      err = ix == kIxEmpty ? insert_new(d, key, hash, value) : 0;
    }
    if (err < 0) return -1;
    if (keys_of(o) != ok || ok->nentries != n || o->used != orig_used) {
      raise_error(exc_RuntimeError, "dict mutated during update");
      return -1;
    }
  }
  return 0;
}

int dict_merge_from_seq2(Value d, Value seq) {
  Value it = get_iter(seq);
  if (it.is_null()) return -1;
  for (int64_t i = 0;; i++) {
    Value item = iter_next(it);
    if (item.is_null()) return error_occurred() ? -1 : 0;
    Value k, v;
    if (is_exact_tuple(item) || is_exact_list(item)) {
      int64_t n = is_exact_tuple(item) ? tuple_length(item) : list_length(item);
      if (n != 2) {
        raise_format(exc_ValueError,
                     "dictionary update sequence element #%zd has length %zd; 2 is required", i,
                     n);
        return -1;
      }
      k = is_exact_tuple(item) ? tuple_at(item, 0) : list_at(item, 0);
      v = is_exact_tuple(item) ? tuple_at(item, 1) : list_at(item, 1);
    } else {
      // PySequence_Fast: anything iterable, as a list.
      Value fast = list_from_iterable(item);
      if (fast.is_null()) {
        if (error_matches(exc_TypeError)) {
          clear_exception();
          raise_format(exc_TypeError,
                       "cannot convert dictionary update sequence element #%zd to a sequence", i);
        }
        return -1;
      }
      if (list_length(fast) != 2) {
        raise_format(exc_ValueError,
                     "dictionary update sequence element #%zd has length %zd; 2 is required", i,
                     list_length(fast));
        return -1;
      }
      k = list_at(fast, 0);
      v = list_at(fast, 1);
    }
    if (dict_set(d, k, v) < 0) return -1;
  }
}

int dict_update(Value d, Value other) {
  if (is_dict(other) && type_of(other)->slots.iter == dict_type.slots.iter)
    return dict_merge(d, other, true);
  static StrConst k_keys("keys");
  Value keys_fn = getattr_opt(other, k_keys.get());
  if (keys_fn.is_null()) {
    if (error_occurred()) return -1;
    return dict_merge_from_seq2(d, other);
  }
  // A mapping: for k in other.keys(): d[k] = other[k].
  Value keys = call0(keys_fn);
  if (keys.is_null()) return -1;
  Value it = get_iter(keys);
  if (it.is_null()) return -1;
  for (;;) {
    Value k = iter_next(it);
    if (k.is_null()) return error_occurred() ? -1 : 0;
    Value v = getitem(other, k);
    if (v.is_null()) return -1;
    if (dict_set(d, k, v) < 0) return -1;
  }
}

Value dict_popitem(Value dv) {
  DictObject* d = as_dict(dv);
  if (d->used == 0) return raise_error(exc_KeyError, "popitem(): dictionary is empty");
  DictKeys* k = keys_of(d);
  DictEntry* e = k->entries();
  int64_t i = k->nentries - 1;
  while (i >= 0 && e[i].value.is_null()) i--;
  Value result = tuple_pack({e[i].key, e[i].value});
  if (result.is_null()) return result;
  delete_entry(d, i, e[i].hash);
  // The slot stays a dummy in the index, so the entry is not reusable (usable unchanged).
  k->nentries = i;
  return result;
}

namespace {
template <int kWhat>
Value dict_to_list(Value d) {
  Value l = list_new(dict_length(d));
  if (l.is_null()) return l;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) {
    Value item = kWhat == 0 ? k : kWhat == 1 ? v : tuple_pack({k, v});
    if (item.is_null() || list_append(l, item) < 0) return Value();
  }
  return l;
}
}  // namespace

Value dict_keys_list(Value d) { return dict_to_list<0>(d); }
Value dict_values_list(Value d) { return dict_to_list<1>(d); }
Value dict_items_list(Value d) { return dict_to_list<2>(d); }

}  // namespace tpy
