// interp/objects/type_init.cpp -- Completing static types (type_init), C3 MRO, slot inheritance.
#include <cstring>
#include <string>
#include <vector>

#include "gc/barrier.h"
#include "gc/roots.h"
#include "interp/objects/descr.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/instance.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"
#include "interp/objects/type_slots.h"

namespace tpy {

namespace {

constexpr size_t kNumSlotWords = sizeof(TypeSlots) / sizeof(AnyFn);
static_assert(sizeof(TypeSlots) % sizeof(AnyFn) == 0, "TypeSlots holds only function pointers");

constexpr uint32_t kInheritedFlags = kTypeIntSubclass | kTypeListSubclass | kTypeTupleSubclass |
                                     kTypeBytesSubclass | kTypeStrSubclass | kTypeDictSubclass |
                                     kTypeBaseExceptionSubclass | kTypeTypeSubclass |
                                     kTypeSequence | kTypeMapping | kTypeHasFinalizer;

bool add_defs(Type* t, const TypeDefs& defs) {
  Value d = t->m_dict;
  if (defs.methods != nullptr) {
    for (const MethodDef* m = defs.methods; m->name != nullptr; m++) {
      Value name = str_intern(m->name);
      if (name.is_null()) return false;
      if (!dict_get_str(d, name).is_null()) continue;
      Value descr;
      if (m->flags & kMethStatic) {
        Value f = builtin_method_new(m, Value(), t);
        if (f.is_null()) return false;
        descr = staticmethod_wrap(f);
      } else {
        descr = method_descr_new(t, m);
      }
      if (descr.is_null() || dict_set(d, name, descr) < 0) return false;
    }
  }
  if (defs.members != nullptr) {
    for (const MemberDef* m = defs.members; m->name != nullptr; m++) {
      Value name = str_intern(m->name);
      if (name.is_null()) return false;
      if (!dict_get_str(d, name).is_null()) continue;
      Value descr = member_descr_new(t, m);
      if (descr.is_null() || dict_set(d, name, descr) < 0) return false;
    }
  }
  if (defs.getsets != nullptr) {
    for (const GetSetDef* g = defs.getsets; g->name != nullptr; g++) {
      Value name = str_intern(g->name);
      if (name.is_null()) return false;
      if (!dict_get_str(d, name).is_null()) continue;
      Value descr = getset_descr_new(t, g);
      if (descr.is_null() || dict_set(d, name, descr) < 0) return false;
    }
  }
  return true;
}

}  // namespace

void inherit_from_base(Type* t, Type* base) {
  if (base == nullptr) return;
  t->m_flags |= base->m_flags & kInheritedFlags;
  if (t->m_attrs_offset == 0 && base->m_attrs_offset != 0) {
    t->m_attrs_offset = base->m_attrs_offset;
    t->m_flags |= kTypeHasDict;
  }
  if (t->m_dict_offset == 0) t->m_dict_offset = base->m_dict_offset;
  if (t->m_itemsize == 0) t->m_itemsize = base->m_itemsize;
  AnyFn* mine = reinterpret_cast<AnyFn*>(&t->slots);
  const AnyFn* theirs = reinterpret_cast<const AnyFn*>(&base->slots);
  constexpr size_t kHash = offsetof(TypeSlots, hash) / sizeof(AnyFn);
  constexpr size_t kCompare = offsetof(TypeSlots, richcompare) / sizeof(AnyFn);
  constexpr size_t kNew = offsetof(TypeSlots, new_) / sizeof(AnyFn);
  // hash and richcompare go together: a type defining either keeps its own pair.
  bool inherit_hash = mine[kHash] == nullptr && mine[kCompare] == nullptr;
  for (size_t i = 0; i < kNumSlotWords; i++) {
    if (i == kHash || i == kCompare) {
      if (inherit_hash) mine[i] = theirs[i];
      continue;
    }
    if (i == kNew) continue;  // decided by type_init / type_new
    if (mine[i] == nullptr) mine[i] = theirs[i];
  }
}

Value compute_mro(Type* t) {
  TupleObject* bases = as_tuple(t->m_bases);
  Value self = Value::from_object(t);
  if (bases->length == 0) return tuple_pack({self});
  if (bases->length == 1) {
    Type* b = as_type(bases->items[0]);
    Value bm = b->m_mro;
    if (bm.is_null()) return raise_format(exc_TypeError, "base '%s' has no MRO", b->c_name());
    int64_t n = tuple_length(bm);
    Value r = tuple_new(n + 1);
    if (r.is_null()) return r;
    tuple_init_item(r, 0, self);
    for (int64_t i = 0; i < n; i++) tuple_init_item(r, i + 1, tuple_at(bm, i));
    return r;
  }
  // C3: merge the bases' MROs and the list of bases.
  std::vector<std::vector<Value>> seqs;
  for (int64_t i = 0; i < bases->length; i++) {
    Type* b = as_type(bases->items[i]);
    if (b->m_mro.is_null()) return raise_format(exc_TypeError, "base '%s' has no MRO", b->c_name());
    std::vector<Value> s;
    for (int64_t j = 0; j < tuple_length(b->m_mro); j++) s.push_back(tuple_at(b->m_mro, j));
    seqs.push_back(std::move(s));
  }
  seqs.emplace_back(bases->items, bases->items + bases->length);
  std::vector<size_t> pos(seqs.size(), 0);
  std::vector<Value> result{self};
  // Everything here is reachable from t's bases, which the caller holds: no TempRoot needed.
  for (;;) {
    bool empty = true;
    Value winner;
    for (size_t i = 0; i < seqs.size(); i++) {
      if (pos[i] >= seqs[i].size()) continue;
      empty = false;
      Value cand = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; j++)
        for (size_t k = pos[j] + 1; k < seqs[j].size(); k++)
          if (seqs[j][k] == cand) {
            in_tail = true;
            break;
          }
      if (!in_tail) {
        winner = cand;
        break;
      }
    }
    if (empty) break;
    if (winner.is_null()) {
      std::string names;
      std::vector<Value> seen;
      for (size_t i = 0; i < seqs.size(); i++) {
        if (pos[i] >= seqs[i].size()) continue;
        Value c = seqs[i][pos[i]];
        bool dup = false;
        for (Value s : seen) dup |= s == c;
        if (dup) continue;
        seen.push_back(c);
        if (!names.empty()) names += ", ";
        Value n = type_name_value(as_type(c));
        names += n.is_null() ? "?" : str_to_utf8(n);
      }
      return raise_format(exc_TypeError,
                          "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                          names.c_str());
    }
    result.push_back(winner);
    for (size_t i = 0; i < seqs.size(); i++)
      if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == winner) pos[i]++;
  }
  return tuple_from_array(result.data(), static_cast<int64_t>(result.size()));
}

bool set_heap_type_name(Type* t, Value name) {
  std::string u = str_to_utf8(name);
  // The bytes live after an empty AttrValues header (capacity 0: nothing for the GC to trace).
  Object* owner = gc::alloc(sizeof(AttrValues) + u.size() + 1, &attr_values_type);
  if (owner == nullptr) {
    raise_no_memory();
    return false;
  }
  char* p = reinterpret_cast<char*>(owner) + sizeof(AttrValues);
  std::memcpy(p, u.c_str(), u.size() + 1);
  gc::store(t, &t->m_c_name_owner, Value::from_object(owner));
  t->m_c_name = p;
  gc::store(t, &t->m_name, name);
  type_modified(t);
  return true;
}

void type_init(Type* t, Type* base, const TypeDefs& defs, const char* doc) {
  // A built-in type's dict, MRO... are reachable only through the static object.
  if (t->is_static()) gc::register_static_object(t);
  if (t->has_flag(kTypeReady)) {
    // A second call completes a type that was initialised early as someone's base (bool
    // needs int): wrappers for slots filled since, the rows, the doc.
    if (t->slots.new_ != nullptr && dict_get_cstr(t->m_dict, "__new__").is_null()) {
      Value w = make_tp_new_wrapper(t);
      if (w.is_null() || dict_set_cstr(t->m_dict, "__new__", w) < 0) return;
    }
    if (!add_slot_wrappers(t) || !add_defs(t, defs)) return;
    if (doc != nullptr) {
      Value d = str_from_utf8(doc);
      if (d.is_null() || dict_set_cstr(t->m_dict, "__doc__", d) < 0) return;
    }
    type_modified(t);
    return;
  }
  if (base == nullptr && t != &object_type) base = &object_type;
  if (base != nullptr && !base->has_flag(kTypeReady))
    type_init(base, base->m_base, TypeDefs{});
  if (error_occurred()) return;
  t->m_base = base;
  if (t->m_bases.is_null()) t->m_bases = base ? tuple_pack({Value::from_object(base)}) : tuple_empty();
  if (t->m_bases.is_null()) return;
  t->m_mro = compute_mro(t);
  if (t->m_mro.is_null()) return;
  t->m_dict = dict_new();
  if (t->m_dict.is_null()) return;

  // __new__: own new_ gets a wrapper; types straight under object without one cannot be
  // instantiated; others inherit their base's.
  if (t->slots.new_ == nullptr && base == &object_type) t->m_flags |= kTypeDisallowInstantiation;
  if (!t->has_flag(kTypeDisallowInstantiation)) {
    if (t->slots.new_ != nullptr) {
      Value w = make_tp_new_wrapper(t);
      if (w.is_null() || dict_set_cstr(t->m_dict, "__new__", w) < 0) return;
    } else if (base != nullptr) {
      t->slots.new_ = base->slots.new_;
    }
  } else {
    t->slots.new_ = nullptr;
  }
  if (!add_slot_wrappers(t)) return;
  if (!add_defs(t, defs)) return;
  static StrConst k_doc("__doc__");
  if (dict_get_str(t->m_dict, k_doc.get()).is_null()) {
    Value d = doc ? str_from_utf8(doc) : None();
    if (d.is_null() || dict_set(t->m_dict, k_doc.get(), d) < 0) return;
  }
  inherit_from_base(t, base);
  if (t->slots.hash == nullptr) {
    static StrConst k_hash("__hash__");
    if (dict_get_str(t->m_dict, k_hash.get()).is_null() &&
        dict_set(t->m_dict, k_hash.get(), None()) < 0)
      return;
  }
  if (!add_subclass_links(t)) return;
  t->m_flags |= kTypeReady;
}

}  // namespace tpy
