// interp/objects/set_type.cpp -- The Python-level set and frozenset types, and set_iterator.
#include <cstring>
#include <utility>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/dict.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/set.h"
#include "interp/objects/set_internal.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

Value raise_key_error(Value key);  // dict_type.cpp

namespace {

using namespace set_detail;

class SetIterObject : public Object {
 public:
  Value set;      // null once exhausted
  int64_t used;   // the set's size at creation (-1: changed, sticky)
  int64_t pos;
  int64_t len;
};

void trace_set_iter(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<SetIterObject*>(self)->set, ctx);
}

constexpr Type make_iter_type() {
  Type t(&type_type, "set_iterator", sizeof(SetIterObject),
         kTypeImmutable | kTypeDisallowInstantiation);
  t.slots.trace = trace_set_iter;
  return t;
}

}  // namespace

constinit Type set_iterator_type = make_iter_type();

namespace {

Value set_iter(Value self) {
  auto* it = gc::alloc_as<SetIterObject>(&set_iterator_type);
  if (it == nullptr) return raise_no_memory();
  gc::store(it, &it->set, self);
  it->used = set_size(self);
  it->len = it->used;
  return Value::from_object(it);
}

Value setiter_next(Value self) {
  auto* it = static_cast<SetIterObject*>(self.as_object());
  if (it->set.is_null()) return Value();
  if (it->used != set_size(it->set)) {
    it->used = -1;
    return raise_error(exc_RuntimeError, "Set changed size during iteration");
  }
  SetEntry* e;
  if (!next_entry(as_set(it->set), &it->pos, &e)) {
    it->set = Value();
    return Value();
  }
  it->len--;
  return e->key;
}

Value setiter_length_hint(Value self, const Value*, size_t, Value) {
  auto* it = static_cast<SetIterObject*>(self.as_object());
  if (!it->set.is_null() && it->used == set_size(it->set)) return int_from_i64(it->len);
  return Value::from_int(0);
}

Value setiter_reduce(Value self, const Value*, size_t, Value) {
  auto* it = static_cast<SetIterObject*>(self.as_object());
  SetIterObject copy = *it;
  Value l = list_new();
  if (l.is_null()) return l;
  while (!copy.set.is_null()) {
    if (copy.used != set_size(copy.set)) {
      return raise_error(exc_RuntimeError, "Set changed size during iteration");
    }
    SetEntry* e;
    if (!next_entry(as_set(copy.set), &copy.pos, &e)) break;
    if (list_append(l, e->key) < 0) return Value();
  }
  Value iter_fn = builtin_iter_callable();
  if (iter_fn.is_null()) return iter_fn;
  Value args = tuple_pack({l});
  if (args.is_null()) return args;
  return tuple_pack({iter_fn, args});
}

Value iter_self(Value self) { return self; }

const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", setiter_reduce, kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

// -- Construction ---------------------------------------------------------------------------------

Value set_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &set_type && !no_kwargs("set", kwnames)) return Value();
  return make_new(type, Value());
}

int set_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("set", kwnames)) return -1;
  if (!check_unpack(type_of(self)->c_name(), nargs, 0, 1)) return -1;
  SetObject* so = as_set(self);
  if (so->fill) clear(so);
  so->hash = -1;
  if (nargs == 1) return update_internal(so, args[0]);
  return 0;
}

Value frozenset_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if ((type == &frozenset_type || type->slots.init == frozenset_type.slots.init) &&
      !no_kwargs("frozenset", kwnames))
    return Value();
  if (!check_unpack(type->c_name(), nargs, 0, 1)) return Value();
  Value iterable = nargs ? args[0] : Value();
  if (type == &frozenset_type && !iterable.is_null() && type_of(iterable) == &frozenset_type)
    return iterable;
  return make_new(type, iterable);
}

// -- Slots ----------------------------------------------------------------------------------------

Value set_repr(Value self) {
  Type* t = type_of(self);
  if (repr_enter(self)) {
    StrBuilder b;
    b.text(t->c_name()).text("(...)");
    return b.finish();
  }
  Value r;
  if (set_size(self) == 0) {
    StrBuilder b;
    b.text(t->c_name()).text("()");
    r = b.finish();
  } else {
    Value keys = list_from_iterable(self);
    if (!keys.is_null()) {
      Value lr = object_repr(keys);
      if (!lr.is_null()) {
        Value inner = str_substring(lr, 1, str_length(lr) - 1);
        if (!inner.is_null()) {
          StrBuilder b;
          if (t == &set_type)
            b.text("{").str(inner).text("}");
          else
            b.text(t->c_name()).text("({").str(inner).text("})");
          r = b.finish();
        }
      }
    }
  }
  repr_leave(self);
  return r;
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

int64_t frozenset_hash(Value self) {
  SetObject* so = as_set(self);
  if (so->hash != -1) return so->hash;
  uint64_t hash = 0;
  int64_t pos = 0;
  SetEntry* e;
  while (next_entry(so, &pos, &e)) hash ^= shuffle_bits(static_cast<uint64_t>(e->hash));
  hash ^= (static_cast<uint64_t>(so->used) + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713UL;
  so->hash = static_cast<int64_t>(hash);
  return so->hash;
}

int64_t set_len(Value self) { return set_size(self); }

// `key in s`; a set key that is unhashable is looked up as a frozenset.
int set_contains_slot(Value self, Value key) {
  int rv = contains_key(as_set(self), key);
  if (rv < 0) {
    if (!(is_anyset(key) && !is_frozenset(key)) || !error_matches(exc_TypeError)) return -1;
    clear_exception();
    Value tmp = make_new(&frozenset_type, key);
    if (tmp.is_null()) return -1;
    rv = contains_key(as_set(self), tmp);
  }
  return rv;
}

Value issubset(Value so, Value other);
Value issuperset(Value so, Value other);

Value set_richcompare(Value v, Value w, CompareOp op) {
  if (!is_anyset(v) || !is_anyset(w)) return NotImplemented();
  switch (op) {
    case CompareOp::Eq:
      if (set_size(v) != set_size(w)) return False();
      if (as_set(v)->hash != -1 && as_set(w)->hash != -1 && as_set(v)->hash != as_set(w)->hash)
        return False();
      return issubset(v, w);
    case CompareOp::Ne: {
      Value r = set_richcompare(v, w, CompareOp::Eq);
      if (r.is_null()) return r;
      return Bool(r == False());
    }
    case CompareOp::Le: return issubset(v, w);
    case CompareOp::Ge: return issuperset(v, w);
    case CompareOp::Lt:
      if (set_size(v) >= set_size(w)) return False();
      return issubset(v, w);
    case CompareOp::Gt:
      if (set_size(v) <= set_size(w)) return False();
      return issuperset(v, w);
  }
  return NotImplemented();
}

Value issubset(Value so, Value other) {
  if (!is_anyset(other)) {
    Value tmp = set_intersection(so, other);
    if (tmp.is_null()) return tmp;
    return Bool(set_size(tmp) == set_size(so));
  }
  if (set_size(so) > set_size(other)) return False();
  int64_t pos = 0;
  SetEntry* e;
  while (next_entry(as_set(so), &pos, &e)) {
    Value key = e->key;
    int rv = contains_entry(as_set(other), key, e->hash);
    if (rv < 0) return Value();
    if (!rv) return False();
  }
  return True();
}

Value issuperset(Value so, Value other) {
  if (is_anyset(other)) return issubset(other, so);
  Value it = get_iter(other);
  if (it.is_null()) return it;
  for (;;) {
    Value key = iter_next(it);
    if (key.is_null()) return error_occurred() ? Value() : True();
    int rv = contains_key(as_set(so), key);
    if (rv < 0) return Value();
    if (!rv) return False();
  }
}

Value set_difference(Value so, Value other) {
  int64_t other_size;
  if (is_anyset(other)) {
    other_size = set_size(other);
  } else if (is_exact_dict(other)) {
    other_size = dict_length(other);
  } else {
    Value r = copy(so);
    if (r.is_null() || set_difference_update(r, other) < 0) return Value();
    return r;
  }
  if ((set_size(so) >> 2) > other_size) {
    Value r = copy(so);
    if (r.is_null() || set_difference_update(r, other) < 0) return Value();
    return r;
  }
  Value result = make_new(base_type_of(so), Value());
  if (result.is_null()) return result;
  int64_t pos = 0;
  SetEntry* e;
  while (next_entry(as_set(so), &pos, &e)) {
    Value key = e->key;
    int64_t hash = e->hash;
    int rv;
    if (is_exact_dict(other)) {
      Value found = dict_get_known_hash(other, key, hash);
      rv = found.is_null() ? (error_occurred() ? -1 : 0) : 1;
    } else {
      rv = contains_entry(as_set(other), key, hash);
    }
    if (rv < 0) return Value();
    if (!rv && add_entry(as_set(result), key, hash) < 0) return Value();
  }
  return result;
}

Value set_symmetric_difference(Value so, Value other) {
  Value r = make_new(base_type_of(so), other);
  if (r.is_null()) return r;
  if (set_symmetric_difference_update(r, so) < 0) return Value();
  return r;
}

Value set_union(Value so, Value other) {
  Value r = copy(so);
  if (r.is_null()) return r;
  if (so == other) return r;
  if (update_internal(as_set(r), other) < 0) return Value();
  return r;
}

// In-place replacement of a set's contents with another's (intersection_update).
void swap_bodies(Value a, Value b) {
  SetObject* sa = as_set(a);
  SetObject* sb = as_set(b);
  SetObject tmp_a = *sa;
  Value owner_b = sb->table_owner;
  bool b_small = sb->table == sb->smalltable;
  sa->fill = sb->fill;
  sa->used = sb->used;
  sa->mask = sb->mask;
  if (b_small) {
    std::memcpy(static_cast<void*>(sa->smalltable), sb->smalltable, sizeof(sa->smalltable));
    sa->table = sa->smalltable;
  } else {
    sa->table = sb->table;
  }
  gc::store(sa, &sa->table_owner, owner_b);
  gc::write_barrier_all(sa);
  sa->hash = -1;
  (void)tmp_a;
}

Value set_or(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  return set_union(a, b);
}
Value set_and(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  return set_intersection(a, b);
}
Value set_sub(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  return set_difference(a, b);
}
Value set_xor(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  return set_symmetric_difference(a, b);
}
Value set_ior(Value a, Value b) {
  if (!is_anyset(b)) return NotImplemented();
  if (update_internal(as_set(a), b) < 0) return Value();
  return a;
}
Value set_iand(Value a, Value b) {
  if (!is_anyset(b)) return NotImplemented();
  Value tmp = set_intersection(a, b);
  if (tmp.is_null()) return tmp;
  swap_bodies(a, tmp);
  return a;
}
Value set_isub(Value a, Value b) {
  if (!is_anyset(b)) return NotImplemented();
  if (set_difference_update(a, b) < 0) return Value();
  return a;
}
Value set_ixor(Value a, Value b) {
  if (!is_anyset(b)) return NotImplemented();
  if (set_symmetric_difference_update(a, b) < 0) return Value();
  return a;
}

// -- Methods --------------------------------------------------------------------------------------

Value m_add(Value self, const Value* args, size_t, Value) {
  if (add_key(as_set(self), args[0]) < 0) return Value();
  return None();
}

Value m_clear(Value self, const Value*, size_t, Value) {
  clear(as_set(self));
  return None();
}

Value m_copy(Value self, const Value*, size_t, Value) { return copy(self); }

Value m_frozen_copy(Value self, const Value*, size_t, Value) {
  if (type_of(self) == &frozenset_type) return self;
  return copy(self);
}

// remove/discard: a set argument that is unhashable is looked up as a frozenset.
int discard_with_frozen(Value self, Value key) {
  int rv = discard_key(as_set(self), key);
  if (rv < 0) {
    if (!(is_anyset(key) && !is_frozenset(key)) || !error_matches(exc_TypeError)) return -1;
    clear_exception();
    Value tmp = make_new(&frozenset_type, key);
    if (tmp.is_null()) return -1;
    rv = discard_key(as_set(self), tmp);
  }
  return rv;
}

Value m_discard(Value self, const Value* args, size_t, Value) {
  if (discard_with_frozen(self, args[0]) < 0) return Value();
  return None();
}

Value m_remove(Value self, const Value* args, size_t, Value) {
  int rv = discard_with_frozen(self, args[0]);
  if (rv < 0) return Value();
  if (rv == 0) return raise_key_error(args[0]);
  return None();
}

Value m_pop(Value self, const Value*, size_t, Value) {
  SetObject* so = as_set(self);
  if (so->used == 0) return raise_error(exc_KeyError, "pop from an empty set");
  SetEntry* entry = so->table + (so->finger & so->mask);
  SetEntry* limit = so->table + so->mask;
  Value d = dummy();
  while (entry->key.is_null() || entry->key == d) {
    entry++;
    if (entry > limit) entry = so->table;
  }
  Value key = entry->key;
  entry->key = d;
  entry->hash = -1;
  so->used--;
  so->finger = entry - so->table + 1;
  return key;
}

Value m_union(Value self, const Value* args, size_t nargs, Value) {
  Value r = copy(self);
  if (r.is_null()) return r;
  for (size_t i = 0; i < nargs; i++) {
    if (args[i] == self) continue;
    if (update_internal(as_set(r), args[i]) < 0) return Value();
  }
  return r;
}

Value m_update(Value self, const Value* args, size_t nargs, Value) {
  for (size_t i = 0; i < nargs; i++)
    if (update_internal(as_set(self), args[i]) < 0) return Value();
  return None();
}

Value intersection_multi(Value self, const Value* args, size_t nargs) {
  if (nargs == 0) return copy(self);
  Value result = self;
  for (size_t i = 0; i < nargs; i++) {
    result = set_intersection(result, args[i]);
    if (result.is_null()) return result;
  }
  return result;
}

Value m_intersection(Value self, const Value* args, size_t nargs, Value) {
  return intersection_multi(self, args, nargs);
}

Value m_intersection_update(Value self, const Value* args, size_t nargs, Value) {
  Value tmp = intersection_multi(self, args, nargs);
  if (tmp.is_null()) return tmp;
  swap_bodies(self, tmp);
  return None();
}

Value m_difference(Value self, const Value* args, size_t nargs, Value) {
  if (nargs == 0) return copy(self);
  Value result = set_difference(self, args[0]);
  if (result.is_null()) return result;
  for (size_t i = 1; i < nargs; i++)
    if (set_difference_update(result, args[i]) < 0) return Value();
  return result;
}

Value m_difference_update(Value self, const Value* args, size_t nargs, Value) {
  for (size_t i = 0; i < nargs; i++)
    if (set_difference_update(self, args[i]) < 0) return Value();
  return None();
}

Value m_symmetric_difference(Value self, const Value* args, size_t, Value) {
  return set_symmetric_difference(self, args[0]);
}

Value m_symmetric_difference_update(Value self, const Value* args, size_t, Value) {
  if (set_symmetric_difference_update(self, args[0]) < 0) return Value();
  return None();
}

Value m_isdisjoint(Value self, const Value* args, size_t, Value) {
  Value so = self, other = args[0];
  if (so == other) return Bool(set_size(so) == 0);
  if (is_exact_anyset(other)) {
    if (set_size(other) > set_size(so)) std::swap(so, other);
    int64_t pos = 0;
    SetEntry* e;
    while (next_entry(as_set(other), &pos, &e)) {
      Value key = e->key;
      int rv = contains_entry(as_set(so), key, e->hash);
      if (rv < 0) return Value();
      if (rv) return False();
    }
    return True();
  }
  Value it = get_iter(other);
  if (it.is_null()) return it;
  for (;;) {
    Value key = iter_next(it);
    if (key.is_null()) return error_occurred() ? Value() : True();
    int rv = contains_key(as_set(so), key);
    if (rv < 0) return Value();
    if (rv) return False();
  }
}

Value m_issubset(Value self, const Value* args, size_t, Value) { return issubset(self, args[0]); }
Value m_issuperset(Value self, const Value* args, size_t, Value) {
  return issuperset(self, args[0]);
}

Value m_reduce(Value self, const Value*, size_t, Value) {
  Value keys = list_from_iterable(self);
  if (keys.is_null()) return keys;
  Value args = tuple_pack({keys});
  if (args.is_null()) return args;
  static StrConst k_dict("__dict__");
  Value state = getattr_opt(self, k_dict.get());
  if (state.is_null()) {
    if (error_occurred()) return Value();
    state = None();
  }
  return tuple_pack({Value::from_object(type_of(self)), args, state});
}

Value m_sizeof(Value self, const Value*, size_t, Value) {
  SetObject* so = as_set(self);
  int64_t size = 200;
  if (so->table != so->smalltable) size += 16 * (so->mask + 1);
  return int_from_i64(size);
}

Value m_contains(Value self, const Value* args, size_t, Value) {
  int rv = set_contains_slot(self, args[0]);
  if (rv < 0) return Value();
  return Bool(rv);
}

const MethodDef set_methods[] = {
    {"add", m_add, kMethO,
     "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", m_clear, kMethNoArgs, "Remove all elements from this set."},
    {"__contains__", m_contains, kMethO, "x.__contains__(y) <==> y in x."},
    {"copy", m_copy, kMethNoArgs, "Return a shallow copy of a set."},
    {"discard", m_discard, kMethO,
     "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() "
     "method does not raise\nan exception when an element is missing from the set."},
    {"difference", m_difference, kMethFast,
     "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are "
     "in this set but not the others.)"},
    {"difference_update", m_difference_update, kMethFast,
     "Remove all elements of another set from this set."},
    {"intersection", m_intersection, kMethFast,
     "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both "
     "sets.)"},
    {"intersection_update", m_intersection_update, kMethFast,
     "Update a set with the intersection of itself and another."},
    {"isdisjoint", m_isdisjoint, kMethO, "Return True if two sets have a null intersection."},
    {"issubset", m_issubset, kMethO, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, kMethO, "Report whether this set contains another set."},
    {"pop", m_pop, kMethNoArgs,
     "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"__reduce__", m_reduce, kMethNoArgs, "Return state information for pickling."},
    {"remove", m_remove, kMethO,
     "Remove an element from a set; it must be a member.\n\nIf the element is not a member, "
     "raise a KeyError."},
    {"__sizeof__", m_sizeof, kMethNoArgs, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", m_symmetric_difference, kMethO,
     "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are "
     "in exactly one of the sets.)"},
    {"symmetric_difference_update", m_symmetric_difference_update, kMethO,
     "Update a set with the symmetric difference of itself and another."},
    {"union", m_union, kMethFast,
     "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"},
    {"update", m_update, kMethFast, "Update a set with the union of itself and others."},
    TPY_CLASS_GETITEM_ROW,
    {nullptr, nullptr, 0, nullptr}};

const MethodDef frozenset_methods[] = {
    {"__contains__", m_contains, kMethO, "x.__contains__(y) <==> y in x."},
    {"copy", m_frozen_copy, kMethNoArgs, "Return a shallow copy of a set."},
    {"difference", m_difference, kMethFast,
     "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are "
     "in this set but not the others.)"},
    {"intersection", m_intersection, kMethFast,
     "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both "
     "sets.)"},
    {"isdisjoint", m_isdisjoint, kMethO, "Return True if two sets have a null intersection."},
    {"issubset", m_issubset, kMethO, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, kMethO, "Report whether this set contains another set."},
    {"__reduce__", m_reduce, kMethNoArgs, "Return state information for pickling."},
    {"__sizeof__", m_sizeof, kMethNoArgs, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", m_symmetric_difference, kMethO,
     "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are "
     "in exactly one of the sets.)"},
    {"union", m_union, kMethFast,
     "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"},
    TPY_CLASS_GETITEM_ROW,
    {nullptr, nullptr, 0, nullptr}};

void fill_common(TypeSlots& s) {
  s.repr = set_repr;
  s.richcompare = set_richcompare;
  s.getattro = generic_getattr;
  s.iter = set_iter;
  s.len = set_len;
  s.contains = set_contains_slot;
  s.binop[static_cast<size_t>(BinOp::Subtract)] = set_sub;
  s.binop[static_cast<size_t>(BinOp::And)] = set_and;
  s.binop[static_cast<size_t>(BinOp::Xor)] = set_xor;
  s.binop[static_cast<size_t>(BinOp::Or)] = set_or;
}

}  // namespace

bool init_set() {
  TypeSlots& s = set_type.slots;
  fill_common(s);
  s.new_ = set_tp_new;
  s.init = set_tp_init;
  s.binop[static_cast<size_t>(BinOp::InplaceSubtract)] = set_isub;
  s.binop[static_cast<size_t>(BinOp::InplaceAnd)] = set_iand;
  s.binop[static_cast<size_t>(BinOp::InplaceXor)] = set_ixor;
  s.binop[static_cast<size_t>(BinOp::InplaceOr)] = set_ior;
  type_init(&set_type, &object_type, TypeDefs{set_methods, nullptr, nullptr},
            "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an "
            "unordered collection of unique elements.");
  set_unhashable(&set_type);
  TypeSlots& f = frozenset_type.slots;
  fill_common(f);
  f.new_ = frozenset_tp_new;
  f.hash = frozenset_hash;
  type_init(&frozenset_type, &object_type, TypeDefs{frozenset_methods, nullptr, nullptr},
            "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
            "Build an immutable unordered collection of unique elements.");
  set_iterator_type.slots.getattro = generic_getattr;
  set_iterator_type.slots.iter = iter_self;
  set_iterator_type.slots.iternext = setiter_next;
  type_init(&set_iterator_type, &object_type, TypeDefs{setiter_methods, nullptr, nullptr});
  return !error_occurred();
}

}  // namespace tpy
