// interp/objects/type_bases.cpp -- Assigning a class's __bases__: checks, new MRO down the hierarchy, slots.
#include "gc/barrier.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"
#include "interp/objects/type_slots.h"

namespace tpy {

namespace {

bool check_new_bases(Type* t, Value v) {
  if (!t->is_heap()) {
    raise_format(exc_TypeError, "cannot %s '__bases__' attribute of immutable type '%s'",
                 v.is_null() ? "delete" : "set", t->c_name());
    return false;
  }
  if (v.is_null()) {
    raise_format(exc_TypeError, "cannot delete '__bases__' attribute of immutable type '%s'",
                 t->c_name());
    return false;
  }
  if (!is_instance_of(v, &tuple_type)) {
    raise_format(exc_TypeError, "can only assign tuple to %s.__bases__, not %s", t->c_name(),
                 type_of(v)->c_name());
    return false;
  }
  if (tuple_length(v) == 0) {
    raise_format(exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                 t->c_name());
    return false;
  }
  for (int64_t i = 0; i < tuple_length(v); i++) {
    Value b = tuple_at(v, i);
    if (!is_type(b)) {
      raise_format(exc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'", t->c_name(),
                   type_of(b)->c_name());
      return false;
    }
    if (type_is_subtype(as_type(b), t)) {
      raise_error(exc_TypeError, "a __bases__ item causes an inheritance cycle");
      return false;
    }
  }
  return true;
}

// Recomputes the MRO of [t] and of every subclass; on failure the MROs already replaced
// are restored from [undo] (pairs of type, old mro) by the caller.
bool remake_mros(Type* t, Value undo) {
  Value mro = custom_mro(t);
  if (mro.is_null()) return false;
  if (list_append(undo, Value::from_object(t)) < 0 || list_append(undo, t->m_mro) < 0)
    return false;
  gc::store(t, &t->m_mro, mro);
  if (t->m_subclasses.is_null()) return true;
  for (int64_t i = 0; i < list_length(t->m_subclasses); i++) {
    Value s = list_at(t->m_subclasses, i);
    if (is_type(s) && !remake_mros(as_type(s), undo)) return false;
  }
  return true;
}

bool unlink_from_bases(Type* t, Value bases) {
  for (int64_t i = 0; i < tuple_length(bases); i++) {
    Type* b = as_type(tuple_at(bases, i));
    if (b->m_subclasses.is_null()) continue;
    Value kept = list_new();
    if (kept.is_null()) return false;
    for (int64_t j = 0; j < list_length(b->m_subclasses); j++) {
      Value s = list_at(b->m_subclasses, j);
      if (s != Value::from_object(t) && list_append(kept, s) < 0) return false;
    }
    gc::store(b, &b->m_subclasses, kept);
  }
  return true;
}

void refresh_slots(Type* t) {
  fixup_slot_dispatchers(t);
  if (t->m_subclasses.is_null()) return;
  for (int64_t i = 0; i < list_length(t->m_subclasses); i++) {
    Value s = list_at(t->m_subclasses, i);
    if (is_type(s)) refresh_slots(as_type(s));
  }
}

}  // namespace

int type_set_bases(Value self, Value v) {
  Type* t = as_type(self);
  if (!check_new_bases(t, v)) return -1;
  Type* new_base = best_base(v);
  if (new_base == nullptr) return -1;
  if (!compatible_for_assignment(t->m_base, new_base, "__bases__")) return -1;
  Value old_bases = t->m_bases;
  Type* old_base = t->m_base;
  gc::store(t, &t->m_bases, v);
  t->m_base = new_base;
  Value undo = list_new();
  if (undo.is_null() || !remake_mros(t, undo)) {
    if (!undo.is_null()) {
      for (int64_t i = list_length(undo) - 2; i >= 0; i -= 2) {
        Type* u = as_type(list_at(undo, i));
        gc::store(u, &u->m_mro, list_at(undo, i + 1));
      }
    }
    gc::store(t, &t->m_bases, old_bases);
    t->m_base = old_base;
    return -1;
  }
  if (!unlink_from_bases(t, old_bases) || !add_subclass_links(t)) return -1;
  type_modified(t);
  refresh_slots(t);
  return 0;
}

}  // namespace tpy
