// interp/objects/set.cpp -- set and frozenset: the hash table and the C++ set API.
//
// CPython 3.11's setobject.c algorithm, so that iteration order (and thus printed sets) and
// frozenset hashes agree with the oracle: up to 9 linear probes then the perturbation step
// `i = (5*i + 1 + perturb) & mask`; a deletion leaves a dummy (hash -1); the table grows to
// the smallest power of two above 4*used (2*used past 50000) when fill reaches 3/5; tables
// of 8 slots live inside the set object.
#include <cstring>
#include <utility>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/dict.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/set.h"
#include "interp/objects/set_internal.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

// The dummy key of deleted slots: a static object no Python code ever sees.
class SetDummy : public Object {
 public:
  constexpr explicit SetDummy(Type* t) : Object(t) {}
};
constinit SetDummy set_dummy_object{&set_type};

}  // namespace

Value set_detail::dummy() { return Value::from_object(&set_dummy_object); }

namespace {

using set_detail::dummy;

constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr int64_t kMinSize = 8;

// A large table: a GC object of SetEntry slots (keys traced).
class SetTable : public Object {
 public:
  int64_t size;
  int64_t reserved;
  SetEntry entries[];
};

void trace_entries(SetEntry* e, int64_t n, VisitFn visit, void* ctx) {
  Value d = dummy();
  for (int64_t i = 0; i < n; i++)
    if (!e[i].key.is_null() && e[i].key != d) visit(&e[i].key, ctx);
}

void trace_table(Object* self, VisitFn visit, void* ctx) {
  auto* t = static_cast<SetTable*>(self);
  trace_entries(t->entries, t->size, visit, ctx);
}

void trace_set(Object* self, VisitFn visit, void* ctx) {
  auto* s = static_cast<SetObject*>(self);
  visit(&s->table_owner, ctx);
  if (s->table == s->smalltable) trace_entries(s->smalltable, kMinSize, visit, ctx);
}

constexpr Type make_table_type() {
  Type t(&type_type, "set_table", sizeof(SetTable), 0);
  t.slots.trace = trace_table;
  return t;
}
constinit Type set_table_type = make_table_type();

constexpr Type make_set_type(const char* name, uint32_t flags) {
  Type t(&type_type, name, sizeof(SetObject), kTypeBaseType | kTypeImmutable | flags);
  t.slots.trace = trace_set;
  return t;
}

}  // namespace

constinit Type set_type = make_set_type("set", 0);
constinit Type frozenset_type = make_set_type("frozenset", 0);

namespace {

inline Object* holder(SetObject* so) {
  return so->table == so->smalltable ? static_cast<Object*>(so) : so->table_owner.as_object();
}

inline int64_t key_hash(Value key) {
  if (key.is_int()) return int_hash(key);
  if (is_exact_str(key)) return dict_detail::str_hash_fast(key);
  return object_hash(key);
}

void init_empty(SetObject* so) {
  std::memset(static_cast<void*>(so->smalltable), 0, sizeof(so->smalltable));
  so->fill = 0;
  so->used = 0;
  so->mask = kMinSize - 1;
  so->table = so->smalltable;
  so->table_owner = Value();
  so->hash = -1;
}

// The slot holding [key], or the empty slot where the search ended; null on error.
SetEntry* lookkey(SetObject* so, Value key, int64_t hash) {
restart:
  uint64_t mask = static_cast<uint64_t>(so->mask);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    SetEntry* entry = &so->table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key.is_null()) return entry;
      if (entry->hash == hash) {
        Value start = entry->key;
        if (start == key) return entry;
        if (is_exact_str(start) && is_exact_str(key)) {
          if (str_equal(start, key)) return entry;
        } else if (!(start.is_int() && key.is_int())) {
          SetEntry* table = so->table;
          int cmp = object_equal(start, key);
          if (cmp < 0) return nullptr;
          if (table != so->table || entry->key != start) goto restart;
          if (cmp > 0) return entry;
          mask = static_cast<uint64_t>(so->mask);
        }
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void insert_clean(SetEntry* table, uint64_t mask, Value key, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (entry->key.is_null()) goto found;
    if (i + kLinearProbes <= mask) {
      for (int j = 0; j < kLinearProbes; j++) {
        entry++;
        if (entry->key.is_null()) goto found;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
    continue;
  found:
    entry->key = key;
    entry->hash = hash;
    return;
  }
}

bool table_resize(SetObject* so, int64_t minused) {
  int64_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  SetEntry* oldtable = so->table;
  int64_t oldmask = so->mask;
  SetEntry small_copy[kMinSize];
  Value old_owner = so->table_owner;  // keeps the old table alive while we copy
  SetEntry* newtable;
  Value new_owner;
  if (newsize == kMinSize) {
    newtable = so->smalltable;
    if (newtable == oldtable) {
      if (so->fill == so->used) return true;
      std::memcpy(static_cast<void*>(small_copy), oldtable, sizeof(small_copy));
      oldtable = small_copy;
    }
  } else {
    auto* t = gc::alloc_as<SetTable>(&set_table_type, static_cast<size_t>(newsize) * sizeof(SetEntry));
    if (t == nullptr) {
      raise_no_memory();
      return false;
    }
    t->size = newsize;
    newtable = t->entries;
    new_owner = Value::from_object(t);
  }
  std::memset(static_cast<void*>(newtable), 0, sizeof(SetEntry) * static_cast<size_t>(newsize));
  so->mask = newsize - 1;
  so->table = newtable;
  gc::store(so, &so->table_owner, new_owner);
  uint64_t newmask = static_cast<uint64_t>(so->mask);
  Value d = dummy();
  if (so->fill != so->used) so->fill = so->used;
  for (SetEntry* e = oldtable; e <= oldtable + oldmask; e++)
    if (!e->key.is_null() && e->key != d) insert_clean(newtable, newmask, e->key, e->hash);
  gc::write_barrier_all(holder(so));
  (void)old_owner;
  return true;
}

}  // namespace

namespace set_detail {

int add_entry(SetObject* so, Value key, int64_t hash) {
restart:
  uint64_t mask = static_cast<uint64_t>(so->mask);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  SetEntry* freeslot = nullptr;
  SetEntry* entry;
  for (;;) {
    entry = &so->table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key.is_null()) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Value start = entry->key;
        if (start == key) return 0;
        if (is_exact_str(start) && is_exact_str(key)) {
          if (str_equal(start, key)) return 0;
        } else if (!(start.is_int() && key.is_int())) {
          SetEntry* table = so->table;
          int cmp = object_equal(start, key);
          if (cmp > 0) return 0;
          if (cmp < 0) return -1;
          if (table != so->table || entry->key != start) goto restart;
          mask = static_cast<uint64_t>(so->mask);
        }
      } else if (entry->hash == -1) {
        freeslot = entry;
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot != nullptr) {
    so->used++;
    freeslot->hash = hash;
    gc::store(holder(so), &freeslot->key, key);
    return 0;
  }
  so->fill++;
  so->used++;
  entry->hash = hash;
  gc::store(holder(so), &entry->key, key);
  if (static_cast<uint64_t>(so->fill) * 5 < mask * 3) return 0;
  return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4) ? 0 : -1;
}

int contains_entry(SetObject* so, Value key, int64_t hash) {
  SetEntry* e = lookkey(so, key, hash);
  if (e == nullptr) return -1;
  return !e->key.is_null();
}

int discard_entry(SetObject* so, Value key, int64_t hash) {
  SetEntry* e = lookkey(so, key, hash);
  if (e == nullptr) return -1;
  if (e->key.is_null()) return 0;
  e->key = dummy();
  e->hash = -1;
  so->used--;
  return 1;
}

int add_key(SetObject* so, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  return add_entry(so, key, hash);
}

int contains_key(SetObject* so, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  return contains_entry(so, key, hash);
}

int discard_key(SetObject* so, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  return discard_entry(so, key, hash);
}

void clear(SetObject* so) { init_empty(so); }

bool next_entry(SetObject* so, int64_t* pos, SetEntry** out) {
  int64_t i = *pos;
  Value d = dummy();
  SetEntry* e = &so->table[i];
  while (i <= so->mask && (e->key.is_null() || e->key == d)) {
    i++;
    e++;
  }
  *pos = i + 1;
  if (i > so->mask) return false;
  *out = e;
  return true;
}

int merge(SetObject* so, SetObject* other) {
  if (other == so || other->used == 0) return 0;
  if ((so->fill + other->used) * 5 >= so->mask * 3) {
    if (!table_resize(so, (so->used + other->used) * 2)) return -1;
  }
  Value d = dummy();
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (int64_t i = 0; i <= other->mask; i++) {
      if (!other->table[i].key.is_null()) so->table[i] = other->table[i];
    }
    gc::write_barrier_all(holder(so));
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  if (so->fill == 0) {
    so->fill = other->used;
    so->used = other->used;
    for (int64_t i = 0; i <= other->mask; i++) {
      SetEntry* e = &other->table[i];
      if (!e->key.is_null() && e->key != d)
        insert_clean(so->table, static_cast<uint64_t>(so->mask), e->key, e->hash);
    }
    gc::write_barrier_all(holder(so));
    return 0;
  }
  for (int64_t i = 0; i <= other->mask; i++) {
    SetEntry* e = &other->table[i];
    if (!e->key.is_null() && e->key != d)
      if (add_entry(so, e->key, e->hash) < 0) return -1;
  }
  return 0;
}

int update_internal(SetObject* so, Value other) {
  if (is_anyset(other)) return merge(so, as_set(other));
  if (is_exact_dict(other)) {
    int64_t n = dict_length(other);
    if ((so->fill + n) * 5 >= so->mask * 3) {
      if (!table_resize(so, (so->used + n) * 2)) return -1;
    }
    int64_t pos = 0, hash;
    Value k;
    while (dict_next_hash(other, &pos, &k, nullptr, &hash))
      if (add_entry(so, k, hash) < 0) return -1;
    return 0;
  }
  Value it = get_iter(other);
  if (it.is_null()) return -1;
  for (;;) {
    Value k = iter_next(it);
    if (k.is_null()) return error_occurred() ? -1 : 0;
    if (add_key(so, k) < 0) return -1;
  }
}

Value make_new(Type* type, Value iterable) {
  Object* o = alloc_instance(type);
  if (o == nullptr) return Value();
  auto* so = static_cast<SetObject*>(o);
  init_empty(so);
  if (!iterable.is_null() && update_internal(so, iterable) < 0) return Value();
  return Value::from_object(so);
}

}  // namespace set_detail

// -- Public API -----------------------------------------------------------------------------------

using namespace set_detail;

Value set_new(Value iterable) { return make_new(&set_type, iterable); }
Value frozenset_new(Value iterable) { return make_new(&frozenset_type, iterable); }
int set_add(Value s, Value key) { return add_key(as_set(s), key); }
int set_contains(Value s, Value key) { return contains_key(as_set(s), key); }
int set_discard(Value s, Value key) { return discard_key(as_set(s), key); }
int set_update(Value s, Value iterable) { return update_internal(as_set(s), iterable); }
void set_clear(Value s) { clear(as_set(s)); }

bool set_next(Value s, int64_t* pos, Value* key, int64_t* hash) {
  SetEntry* e;
  if (!next_entry(as_set(s), pos, &e)) return false;
  if (key) *key = e->key;
  if (hash) *hash = e->hash;
  return true;
}

int set_difference_update(Value s, Value other) {
  SetObject* so = as_set(s);
  if (s == other) {
    clear(so);
    return 0;
  }
  if (is_anyset(other)) {
    Value o = other;
    if ((set_size(other) >> 3) > so->used) {
      o = set_intersection(s, other);
      if (o.is_null()) return -1;
    }
    int64_t pos = 0;
    SetEntry* e;
    while (next_entry(as_set(o), &pos, &e)) {
      Value key = e->key;
      if (discard_entry(so, key, e->hash) < 0) return -1;
    }
  } else {
    Value it = get_iter(other);
    if (it.is_null()) return -1;
    for (;;) {
      Value k = iter_next(it);
      if (k.is_null()) {
        if (error_occurred()) return -1;
        break;
      }
      if (discard_key(so, k) < 0) return -1;
    }
  }
  if (static_cast<uint64_t>(so->fill - so->used) <= static_cast<uint64_t>(so->mask) / 4) return 0;
  return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4) ? 0 : -1;
}

int set_symmetric_difference_update(Value s, Value other) {
  SetObject* so = as_set(s);
  if (s == other) {
    clear(so);
    return 0;
  }
  if (is_exact_dict(other)) {
    int64_t pos = 0, hash;
    Value k;
    while (dict_next_hash(other, &pos, &k, nullptr, &hash)) {
      int rv = discard_entry(so, k, hash);
      if (rv < 0) return -1;
      if (rv == 0 && add_entry(so, k, hash) < 0) return -1;
    }
    return 0;
  }
  Value o = other;
  if (!is_anyset(other)) {
    o = make_new(base_type_of(s), other);
    if (o.is_null()) return -1;
  }
  int64_t pos = 0;
  SetEntry* e;
  while (next_entry(as_set(o), &pos, &e)) {
    Value key = e->key;
    int64_t hash = e->hash;
    int rv = discard_entry(so, key, hash);
    if (rv < 0) return -1;
    if (rv == 0 && add_entry(so, key, hash) < 0) return -1;
  }
  return 0;
}

namespace set_detail {

Type* base_type_of(Value s) {
  Type* t = type_of(s);
  if (t == &set_type || t == &frozenset_type) return t;
  return type_is_subtype(t, &set_type) ? &set_type : &frozenset_type;
}

Value copy(Value s) { return make_new(base_type_of(s), s); }

}  // namespace set_detail

Value set_intersection(Value s, Value other) {
  if (s == other) return copy(s);
  Value result = make_new(base_type_of(s), Value());
  if (result.is_null()) return result;
  SetObject* r = as_set(result);
  if (is_anyset(other)) {
    Value so = s;
    if (set_size(other) > set_size(so)) std::swap(so, other);
    int64_t pos = 0;
    SetEntry* e;
    while (next_entry(as_set(other), &pos, &e)) {
      Value key = e->key;
      int64_t hash = e->hash;
      int rv = contains_entry(as_set(so), key, hash);
      if (rv < 0) return Value();
      if (rv && add_entry(r, key, hash) < 0) return Value();
    }
    return result;
  }
  Value it = get_iter(other);
  if (it.is_null()) return it;
  for (;;) {
    Value key = iter_next(it);
    if (key.is_null()) return error_occurred() ? Value() : result;
    int64_t hash = key_hash(key);
    if (hash == -1) return Value();
    int rv = contains_entry(as_set(s), key, hash);
    if (rv < 0) return Value();
    if (rv) {
      if (add_entry(r, key, hash) < 0) return Value();
      if (r->used >= set_size(s)) return result;
    }
  }
}

}  // namespace tpy
