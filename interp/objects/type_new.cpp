// interp/objects/type_new.cpp -- Class creation: type.__new__(meta, name, bases, ns, **kw).
//
// What a class statement does after __build_class__ (interp/vm) has run the body: metaclass
// choice, base validation and the solid base, instance layout (__slots__, the instance
// attribute block), the dict and its special entries (__qualname__, __classcell__, __doc__,
// __new__/__init_subclass__/__class_getitem__ wrapping), MRO (a metaclass's mro() too), slot
// functions from the dunders (type_slots.cpp), then __set_name__ and __init_subclass__.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "gc/roots.h"
#include "interp/objects/abstract.h"
#include "interp/objects/descr.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/instance.h"
#include "interp/objects/list.h"
#include "interp/objects/set.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"
#include "interp/objects/type_slots.h"
#include "interp/unicode/unicode.h"
#include "interp/vm/frame.h"
#include "interp/vm/function.h"

namespace tpy {

namespace {

size_t kw_count(Value kwnames) { return kwnames.is_null() ? 0 : tuple_length(kwnames); }

// -- Layout ------------------------------------------------------------------------------------------

// A heap type that only added the instance attribute block keeps its base's layout.
bool extra_ivars(Type* type, Type* base) {
  uint32_t t_size = type->m_basicsize;
  uint32_t b_size = base->m_basicsize;
  if (type->m_itemsize != 0 || base->m_itemsize != 0)
    return t_size != b_size || type->m_itemsize != base->m_itemsize;
  // Built-in types whose instances are made by their own __new__ have their own layout even
  // when their C++ struct is no bigger (int keeps its digits in the header's aux word).
  if (!type->is_heap() && type->slots.new_ != base->slots.new_ && type != &object_type)
    return true;
  if (type->is_heap() && type->m_attrs_offset != 0 && base->m_attrs_offset == 0 &&
      (type->m_attrs_offset == kAttrsAtCellEnd ||
       type->m_attrs_offset + sizeof(InstanceAttrs) == t_size))
    t_size -= sizeof(InstanceAttrs);
  return t_size != b_size;
}

}  // namespace

Type* solid_base(Type* type) {
  Type* base = type->m_base != nullptr ? solid_base(type->m_base) : &object_type;
  return extra_ivars(type, base) ? type : base;
}

Type* best_base(Value bases) {
  Type* base = nullptr;
  Type* winner = nullptr;
  for (int64_t i = 0; i < tuple_length(bases); i++) {
    Value b = tuple_at(bases, i);
    if (!is_type(b)) {
      raise_error(exc_TypeError, "bases must be types");
      return nullptr;
    }
    Type* bt = as_type(b);
    if (!bt->has_flag(kTypeBaseType)) {
      raise_format(exc_TypeError, "type '%.100s' is not an acceptable base type", bt->c_name());
      return nullptr;
    }
    Type* candidate = solid_base(bt);
    if (winner == nullptr) {
      winner = candidate;
      base = bt;
    } else if (type_is_subtype(winner, candidate)) {
      // keep
    } else if (type_is_subtype(candidate, winner)) {
      winner = candidate;
      base = bt;
    } else {
      raise_error(exc_TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

namespace {

// Built-ins whose instances take weak references themselves (CPython's tp_weaklistoffset):
// their subclasses get no __weakref__ descriptor.
bool has_weaklist(Type* base) {
  return type_is_subtype(base, &type_type) || type_is_subtype(base, &set_type) ||
         type_is_subtype(base, &frozenset_type);
}

// -- __slots__ -----------------------------------------------------------------------------------------

bool is_identifier(Value s) {
  StrObject* o = as_str(s);
  if (o->length == 0) return false;
  if (!unicode::is_xid_start(o->at(0)) && o->at(0) != '_') return false;
  for (int64_t i = 1; i < o->length; i++)
    if (!unicode::is_xid_continue(o->at(i))) return false;
  return true;
}

// _Py_Mangle: __x inside class C is _C__x (names ending in __ or containing a dot are kept).
Value mangle(Value class_name, Value name) {
  std::string n = str_to_utf8(name);
  if (n.size() < 2 || n[0] != '_' || n[1] != '_') return name;
  if (n.size() >= 4 && n.substr(n.size() - 2) == "__") return name;
  if (n.find('.') != std::string::npos) return name;
  std::string c = str_to_utf8(class_name);
  size_t i = 0;
  while (i < c.size() && c[i] == '_') i++;
  if (i == c.size()) return name;
  return str_from_utf8("_" + c.substr(i) + n);
}

Value subtype_get_dict(Value self) {
  if (instance_attrs(self) == nullptr) return raise_error(exc_AttributeError, "This object has no __dict__");
  return instance_get_dict(self.as_object());
}
int subtype_set_dict(Value self, Value v) {
  if (instance_attrs(self) == nullptr) {
    raise_error(exc_AttributeError, "This object has no __dict__");
    return -1;
  }
  return instance_set_dict(self.as_object(), v);
}
Value subtype_get_weakref(Value) { return None(); }

const GetSetDef kDictGetSet = {"__dict__", subtype_get_dict, subtype_set_dict,
                               "dictionary for instance variables (if defined)"};
const GetSetDef kWeakrefGetSet = {"__weakref__", subtype_get_weakref, nullptr,
                                  "list of weak references to the object (if defined)"};

// -- Special entries of the namespace -------------------------------------------------------------------

bool is_plain_function(Value v) { return is_function(v); }

// __new__ becomes a staticmethod; __init_subclass__ and __class_getitem__ classmethods.
bool wrap_special(Value dict, const char* name, Value (*wrap)(Value)) {
  Value k = str_intern(name);
  if (k.is_null()) return false;
  Value v = dict_get_str(dict, k);
  if (v.is_null() || !is_plain_function(v)) return true;
  Value w = wrap(v);
  return !w.is_null() && dict_set(dict, k, w) == 0;
}

bool call_set_name(Type* type) {
  static StrConst k_set_name("__set_name__");
  Value d = dict_copy(type->m_dict);
  if (d.is_null()) return false;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) {
    Value f = lookup_special(v, k_set_name.get());
    if (f.is_null()) {
      if (error_occurred()) return false;
      continue;
    }
    Value r = call2(f, Value::from_object(type), k);
    if (r.is_null()) {
      // 3.11 wraps the error (3.12 adds a note instead).
      Value cause = fetch_exception();
      raise_format(exc_RuntimeError, "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                   type_of(v)->c_name(), k, type->c_name());
      Value exc = pending_exception();
      if (!cause.is_null() && !exc.is_null()) exception_set_cause(exc, cause);
      return false;
    }
  }
  return true;
}

bool init_subclass(Type* type, const Value* kwvalues, Value kwnames) {
  // super(type, type).__init_subclass__(**kwds)
  static StrConst k_init_subclass("__init_subclass__");
  Value mro = type->m_mro;
  for (int64_t i = 1; i < tuple_length(mro); i++) {
    Type* b = as_type(tuple_at(mro, i));
    Value f = b->m_dict.is_null() ? Value() : dict_get_str(b->m_dict, k_init_subclass.get());
    if (f.is_null()) continue;
    Value tv = Value::from_object(type);
    DescrGetFn get = type_of(f)->slots.descr_get;
    Value bound = get ? get(f, tv, tv) : f;
    if (bound.is_null()) return false;
    return !call(bound, kwvalues, 0, kwnames).is_null();
  }
  return true;
}

}  // namespace

Value custom_mro(Type* type) {
  Type* meta = type_of(Value::from_object(type));
  if (meta == &type_type) return compute_mro(type);
  static StrConst k_mro("mro");
  Value m = type_lookup(meta, k_mro.get());
  Value base_m = type_lookup(&type_type, k_mro.get());
  if (m.is_null() || m == base_m) return compute_mro(type);
  Value r = call_method(Value::from_object(type), k_mro.get(), nullptr, 0);
  if (r.is_null()) return r;
  Value t = tuple_from_iterable(r);
  if (t.is_null()) return t;
  Type* solid = solid_base(type);
  for (int64_t i = 0; i < tuple_length(t); i++) {
    Value c = tuple_at(t, i);
    if (!is_type(c))
      return raise_format(exc_TypeError, "mro() returned a non-class ('%.500s')",
                          type_of(c)->c_name());
    if (!type_is_subtype(solid, solid_base(as_type(c))))
      return raise_format(exc_TypeError, "mro() returned base with unsuitable layout ('%.500s')",
                          as_type(c)->c_name());
  }
  return t;
}

namespace {

}  // namespace

void heap_instance_trace(Object* self, VisitFn visit, void* ctx) {
  Type* t = self->type();
  // __slots__ members of every heap class in the chain, then the attribute block, then the
  // first static base's own fields.
  Type* b = t;
  for (; b != nullptr && b->is_heap(); b = b->m_base) {
    if (b->m_slots_names.is_null()) continue;
    int64_t n = tuple_length(b->m_slots_names);
    uint32_t start = b->m_base->m_basicsize;
    for (int64_t i = 0; i < n; i++)
      visit(reinterpret_cast<Value*>(reinterpret_cast<char*>(self) + start + i * sizeof(Value)), ctx);
  }
  instance_trace_attrs(self, visit, ctx);
  if (b != nullptr && b->slots.trace != nullptr && b->slots.trace != heap_instance_trace)
    b->slots.trace(self, visit, ctx);
}

Type* calculate_metaclass(Type* meta, Value bases) {
  Type* winner = meta;
  for (int64_t i = 0; i < tuple_length(bases); i++) {
    Type* t = type_of(tuple_at(bases, i));
    if (type_is_subtype(winner, t)) continue;
    if (type_is_subtype(t, winner)) {
      winner = t;
      continue;
    }
    raise_error(exc_TypeError,
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                "subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

Value type_new(Type* metatype, Value name, Value bases, Value ns, const Value* kwvalues,
               Value kwnames) {
  Type* winner = calculate_metaclass(metatype, bases);
  if (winner == nullptr) return Value();
  if (winner != metatype && winner->slots.new_ != type_type.slots.new_) {
    // A more derived metaclass with its own __new__ takes over.
    size_t nkw = kw_count(kwnames);
    std::vector<Value> args{name, bases, ns};
    for (size_t i = 0; i < nkw; i++) args.push_back(kwvalues[i]);
    gc::TempRoot root(args.data(), args.size());
    return winner->slots.new_(winner, args.data(), 3, kwnames);
  }
  metatype = winner;
  if (tuple_length(bases) == 0) {
    bases = tuple_pack({Value::from_object(&object_type)});
    if (bases.is_null()) return bases;
  }
  for (int64_t i = 0; i < tuple_length(bases); i++)
    for (int64_t j = i + 1; j < tuple_length(bases); j++)
      if (tuple_at(bases, i) == tuple_at(bases, j)) {
        Value n = is_type(tuple_at(bases, i)) ? type_name_value(as_type(tuple_at(bases, i)))
                                              : object_repr(tuple_at(bases, i));
        if (n.is_null()) return n;
        return raise_format(exc_TypeError, "duplicate base class %U", n);
      }
  Type* base = best_base(bases);
  if (base == nullptr) return Value();

  Value dict = dict_copy(ns);
  if (dict.is_null()) return dict;

  // __slots__
  static StrConst k_slots("__slots__"), k_dict("__dict__"), k_weakref("__weakref__");
  bool add_dict = base->m_attrs_offset == 0 && base->m_dict_offset == 0;
  // int is variable-sized in CPython (itemsize 4): no __slots__ members or __weakref__ after it.
  bool varsize_base = base->m_itemsize != 0 || base->has_flag(kTypeIntSubclass);
  bool add_weak = true;
  Value slot_names;  // tuple of mangled names that become members
  Value slots = dict_get_str(dict, k_slots.get());
  if (!slots.is_null()) {
    Value seq = is_str(slots) ? tuple_pack({slots}) : tuple_from_iterable(slots);
    if (seq.is_null()) return seq;
    bool had_dict = false, had_weak = false;
    std::vector<Value> names;
    for (int64_t i = 0; i < tuple_length(seq); i++) {
      Value s = tuple_at(seq, i);
      if (!is_str(s))
        return raise_format(exc_TypeError, "__slots__ items must be strings, not '%.200s'",
                            type_of(s)->c_name());
      if (!is_identifier(s)) return raise_error(exc_TypeError, "__slots__ must be identifiers");
      if (str_equal(s, k_dict.get())) {
        if (!add_dict || had_dict)
          return raise_error(exc_TypeError, "__dict__ slot disallowed: we already got one");
        had_dict = true;
        continue;
      }
      if (str_equal(s, k_weakref.get())) {
        if (had_weak || varsize_base)
          return raise_error(exc_TypeError,
                             "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        had_weak = true;
        continue;
      }
      Value m = mangle(name, s);
      if (m.is_null()) return m;
      m = str_intern_value(m);
      if (m.is_null()) return m;
      if (!dict_get_str(dict, m).is_null())
        return raise_format(exc_ValueError, "%R in __slots__ conflicts with class variable", s);
      names.push_back(m);
    }
    if (!names.empty() && varsize_base)
      return raise_format(exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                          base->c_name());
    std::sort(names.begin(), names.end(), [](Value a, Value b) { return str_compare(a, b) < 0; });
    slot_names = tuple_from_array(names.data(), static_cast<int64_t>(names.size()));
    if (slot_names.is_null()) return slot_names;
    add_dict = add_dict && had_dict;
    add_weak = had_weak;
    (void)add_weak;
  }

  // The type object.
  auto* type = static_cast<Type*>(gc::alloc(std::max<size_t>(metatype->m_basicsize, sizeof(Type)), metatype));
  if (type == nullptr) return raise_no_memory();
  Value tv = Value::from_object(type);
  type->m_flags = kTypeHeap | kTypeBaseType;
  if (metatype->has_flag(kTypeTypeSubclass) || type_is_subtype(metatype, &type_type)) {
    // instances of a metaclass are types; nothing to do here
  }
  type->m_base = base;
  gc::store(type, &type->m_bases, bases);
  gc::store(type, &type->m_dict, dict);
  if (!set_heap_type_name(type, name)) return Value();

  // Layout: the base's, then __slots__ members, then the attribute block if a new one.
  uint32_t size = base->m_basicsize;
  type->m_itemsize = base->m_itemsize;
  if (!slot_names.is_null()) {
    gc::store(type, &type->m_slots_names, slot_names);
    for (int64_t i = 0; i < tuple_length(slot_names); i++) {
      Value m = slot_member_new(type, tuple_at(slot_names, i), size);
      if (m.is_null() || dict_set(dict, tuple_at(slot_names, i), m) < 0) return Value();
      size += sizeof(Value);
    }
  }
  if (add_dict) {
    if (base->m_itemsize != 0) {
      type->m_attrs_offset = kAttrsAtCellEnd;  // see instance.h
    } else {
      size = (size + 15) & ~uint32_t{15};
      type->m_attrs_offset = size;
    }
    size += sizeof(InstanceAttrs);
    type->m_flags |= kTypeHasDict | kTypeHasInstanceAttrs;
  }
  type->m_basicsize = size;

  // Namespace entries.
  static StrConst k_qualname("__qualname__"), k_classcell("__classcell__"), k_doc("__doc__"),
      k_module("__module__"), k_eq("__eq__"), k_hash("__hash__");
  Value qualname = dict_get_str(dict, k_qualname.get());
  if (!qualname.is_null()) {
    if (!is_str(qualname))
      return raise_format(exc_TypeError, "type __qualname__ must be a str, not %s",
                          type_of(qualname)->c_name());
    gc::store(type, &type->m_qualname, qualname);
    if (dict_del(dict, k_qualname.get()) < 0) return Value();
  } else {
    gc::store(type, &type->m_qualname, name);
  }
  if (dict_get_str(dict, k_module.get()).is_null()) {
    // type(name, bases, ns) called directly: __module__ is the caller's __name__.
    Frame* f = ts().frame;
    if (f != nullptr && !f->globals.is_null()) {
      static StrConst k_name("__name__");
      Value mod = dict_get_str(f->globals, k_name.get());
      if (!mod.is_null() && dict_set(dict, k_module.get(), mod) < 0) return Value();
    }
  }
  if (add_dict && dict_get_str(dict, k_dict.get()).is_null()) {
    Value d = getset_descr_new(type, &kDictGetSet);
    if (d.is_null() || dict_set(dict, k_dict.get(), d) < 0) return Value();
  }
  if (base->m_attrs_offset == 0 && (slots.is_null() || add_weak) &&
      dict_get_str(dict, k_weakref.get()).is_null() && !varsize_base && !has_weaklist(base) &&
      type_lookup(base, k_weakref.get()).is_null()) {
    Value d = getset_descr_new(type, &kWeakrefGetSet);
    if (d.is_null() || dict_set(dict, k_weakref.get(), d) < 0) return Value();
  }
  if (dict_get_str(dict, k_doc.get()).is_null() && dict_set(dict, k_doc.get(), None()) < 0)
    return Value();
  if (!wrap_special(dict, "__new__", staticmethod_wrap) ||
      !wrap_special(dict, "__init_subclass__", classmethod_wrap) ||
      !wrap_special(dict, "__class_getitem__", classmethod_wrap))
    return Value();
  if (!dict_get_str(dict, k_eq.get()).is_null() && dict_get_str(dict, k_hash.get()).is_null() &&
      dict_set(dict, k_hash.get(), None()) < 0)
    return Value();
  Value cell = dict_get_str(dict, k_classcell.get());
  if (!cell.is_null()) {
    if (!is_cell(cell))
      return raise_format(exc_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                          Value::from_object(type_of(cell)));
    gc::store(cell.as_object(), &as_cell(cell)->ref, tv);
    if (dict_del(dict, k_classcell.get()) < 0) return Value();
  }

  // MRO, slots, links.
  Value mro = custom_mro(type);
  if (mro.is_null()) return mro;
  gc::store(type, &type->m_mro, mro);
  inherit_from_base(type, base);
  type->m_flags |= kTypeHeap | kTypeBaseType;
  type->m_flags &= ~(kTypeImmutable | kTypeDisallowInstantiation);
  // Flags that come from any base in the MRO (a second base may be a mapping, ...).
  for (int64_t i = 1; i < tuple_length(mro); i++) {
    Type* b = as_type(tuple_at(mro, i));
    type->m_flags |= b->m_flags & (kTypeSequence | kTypeMapping | kTypeHasFinalizer);
  }
  type->slots.new_ = base->slots.new_;
  type->slots.trace = heap_instance_trace;
  fixup_slot_dispatchers(type);
  if (type->slots.new_ == nullptr) type->slots.new_ = base->slots.new_;
  static StrConst k_del("__del__");
  if (!type_lookup(type, k_del.get()).is_null()) type->m_flags |= kTypeHasFinalizer;
  if (!add_subclass_links(type)) return Value();
  type->m_flags |= kTypeReady;

  if (!call_set_name(type)) return Value();
  if (!init_subclass(type, kwvalues, kwnames)) return Value();
  return tv;
}

}  // namespace tpy
