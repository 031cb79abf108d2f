// interp/objects/type.cpp -- The metatype `type`: lookup with the method cache, version tags,
// attribute access on classes, calling a class, and type's Python-visible attributes.
#include <cstring>
#include <string>

#include "gc/barrier.h"
#include "interp/objects/abstract.h"
#include "interp/objects/descr.h"
#include "interp/objects/dict.h"
#include "interp/objects/dict_views.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/instance.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"
#include "interp/objects/type_slots.h"

namespace tpy {

// -- Operator tables -------------------------------------------------------------------------------

const char* binop_symbol(BinOp op) {
  static const char* const kSymbols[] = {
#define TPY_BINOP_SYM(name, sym) sym,
      TPY_BINOPS(TPY_BINOP_SYM)
#undef TPY_BINOP_SYM
  };
  return kSymbols[static_cast<size_t>(op)];
}

BinOp binop_plain(BinOp op) {
  if (!binop_is_inplace(op)) return op;
  return static_cast<BinOp>(static_cast<int>(op) - static_cast<int>(BinOp::InplaceAdd));
}

CompareOp compare_swapped(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

// -- Subtype test, lookup and the method cache -----------------------------------------------------

bool type_is_subtype(const Type* sub, const Type* base) {
  if (sub == base) return true;
  if (!sub->m_mro.is_null()) {
    TupleObject* mro = as_tuple(sub->m_mro);
    for (int64_t i = 0; i < mro->length; i++)
      if (mro->items[i].as_object() == base) return true;
    return false;
  }
  for (const Type* t = sub->m_base; t != nullptr; t = t->m_base)
    if (t == base) return true;
  return base == &object_type;
}

namespace {

// The global method cache (CPython's type cache): (version, interned name) -> value found
// along the MRO (possibly null: "not there" is cached too). Versions are never reused, so a
// stale entry can only miss. The collector clears it (type_cache_clear) before it marks.
struct CacheEntry {
  uint32_t version;
  Value name;
  Value value;
};
constexpr size_t kCacheBits = 12;
CacheEntry g_cache[1u << kCacheBits];
uint32_t g_next_version = 1;

inline size_t cache_index(uint32_t version, Value name) {
  uint64_t h = (static_cast<uint64_t>(version) * 0x9E3779B97F4A7C15ull) ^ (name.bits() >> 4);
  return static_cast<size_t>((h ^ (h >> 29)) & ((1u << kCacheBits) - 1));
}

Value lookup_uncached(Type* t, Value name) {
  Value mro = t->m_mro;
  if (mro.is_null()) {
    for (Type* b = t; b != nullptr; b = b->m_base) {
      if (b->m_dict.is_null()) continue;
      Value v = dict_get_str(b->m_dict, name);
      if (!v.is_null()) return v;
    }
    return Value();
  }
  TupleObject* m = as_tuple(mro);
  for (int64_t i = 0; i < m->length; i++) {
    Type* b = as_type(m->items[i]);
    if (b->m_dict.is_null()) continue;
    Value v = dict_get_str(b->m_dict, name);
    if (!v.is_null()) return v;
  }
  return Value();
}

}  // namespace

uint32_t type_version(Type* t) {
  if (t->m_version == 0 && g_next_version != 0) {
    // A type's version is only valid while every base has one: a base's change must reach it.
    if (!t->m_mro.is_null()) {
      TupleObject* m = as_tuple(t->m_mro);
      for (int64_t i = 1; i < m->length; i++)
        if (type_version(as_type(m->items[i])) == 0) return 0;
    }
    t->m_version = g_next_version++;
  }
  return t->m_version;
}

Value type_lookup(Type* t, Value name) {
  if (!is_exact_str(name) || !as_str(name)->interned()) return lookup_uncached(t, name);
  uint32_t version = t->m_version != 0 ? t->m_version : type_version(t);
  if (version == 0) return lookup_uncached(t, name);
  CacheEntry& e = g_cache[cache_index(version, name)];
  if (e.version == version && e.name == name) return e.value;
  Value v = lookup_uncached(t, name);
  e.version = version;
  e.name = name;
  e.value = v;
  return v;
}

void type_cache_clear() {
  for (CacheEntry& e : g_cache) e = CacheEntry{};
}

void type_modified(Type* t) {
  if (t->m_version == 0) return;  // nothing cached on it, nor on any subclass
  t->m_version = 0;
  if (t->m_subclasses.is_null()) return;
  for (int64_t i = 0; i < list_length(t->m_subclasses); i++) {
    Value s = list_at(t->m_subclasses, i);
    if (is_type(s)) type_modified(as_type(s));
  }
}

bool add_subclass_links(Type* t) {
  TupleObject* bases = as_tuple(t->m_bases);
  for (int64_t i = 0; i < bases->length; i++) {
    Type* b = as_type(bases->items[i]);
    if (b->m_subclasses.is_null()) {
      Value l = list_new();
      if (l.is_null()) return false;
      gc::store(b, &b->m_subclasses, l);
    }
    if (list_append(b->m_subclasses, Value::from_object(t)) < 0) return false;
  }
  return true;
}

// -- Names -----------------------------------------------------------------------------------------

Value type_name_value(Type* t) {
  if (t->m_name.is_null()) {
    const char* n = t->c_name();
    const char* dot = std::strrchr(n, '.');
    Value s = str_intern(dot ? dot + 1 : n);
    if (s.is_null()) return s;
    gc::store(t, &t->m_name, s);
  }
  return t->m_name;
}

Value type_qualname_value(Type* t) {
  if (t->m_qualname.is_null()) return type_name_value(t);
  return t->m_qualname;
}

Value type_module_value(Type* t) {
  static StrConst k_module("__module__"), k_builtins("builtins");
  if (t->is_heap()) {
    Value m = t->m_dict.is_null() ? Value() : dict_get_str(t->m_dict, k_module.get());
    return m;
  }
  const char* n = t->c_name();
  const char* dot = std::strrchr(n, '.');
  if (dot == nullptr) return k_builtins.get();
  return str_from_utf8(std::string_view(n, dot - n));
}

std::string address_text(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(v.as_object()));
  return buf;
}

// -- Slots of `type` -------------------------------------------------------------------------------

namespace {

Value type_repr(Value self) {
  Type* t = as_type(self);
  Value mod = type_module_value(t);
  if (mod.is_null() && error_occurred()) clear_exception();
  std::string text = "<class '";
  if (!mod.is_null() && is_str(mod) && !str_equal_ascii(mod, "builtins")) {
    text += str_to_utf8(mod);
    text += '.';
  }
  Value q = type_qualname_value(t);
  if (q.is_null()) return q;
  text += str_to_utf8(q);
  text += "'>";
  return str_from_utf8(text);
}

Value type_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  Type* type = as_type(callable);
  size_t nkw = kwnames.is_null() ? 0 : tuple_length(kwnames);
  if (type == &type_type) {
    if (nargs == 1 && nkw == 0) return Value::from_object(type_of(args[0]));
    if (nargs != 3) return raise_error(exc_TypeError, "type() takes 1 or 3 arguments");
  }
  if (type->slots.new_ == nullptr)
    return raise_format(exc_TypeError, "cannot create '%s' instances", type->c_name());
  Value obj = type->slots.new_(type, args, nargs, kwnames);
  if (obj.is_null()) return obj;
  if (!is_instance_of(obj, type)) return obj;
  InitFn init = type_of(obj)->slots.init;
  if (init != nullptr && init(obj, args, nargs, kwnames) < 0) return Value();
  return obj;
}

Value type_new_slot(Type* metatype, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames.is_null() ? 0 : tuple_length(kwnames);
  if (metatype == &type_type && nargs == 1 && nkw == 0)
    return Value::from_object(type_of(args[0]));
  if (nargs != 3) {
    if (nargs == 1 || nargs == 0 || nargs == 2)
      return raise_format(exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)",
                          nargs);
    return raise_format(exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)",
                        nargs);
  }
  if (!is_str(args[0]))
    return raise_format(exc_TypeError,
                        "type.__new__() argument 1 must be str, not %.200s",
                        type_of(args[0])->c_name());
  if (!is_tuple(args[1]))
    return raise_format(exc_TypeError,
                        "type.__new__() argument 2 must be tuple, not %.200s",
                        type_of(args[1])->c_name());
  if (!is_dict(args[2]))
    return raise_format(exc_TypeError,
                        "type.__new__() argument 3 must be dict, not %.200s",
                        type_of(args[2])->c_name());
  return type_new(metatype, args[0], args[1], args[2], args + 3, kwnames);
}

int type_init_slot(Value self, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames.is_null() ? 0 : tuple_length(kwnames);
  if (nargs == 1 && nkw != 0) {
    raise_error(exc_TypeError, "type.__init__() takes no keyword arguments");
    return -1;
  }
  if (nargs != 1 && nargs != 3) {
    raise_error(exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

Value type_getattro(Value self, Value name) {
  if (!is_str(name))
    return raise_format(exc_TypeError, "attribute name must be string, not '%.200s'",
                        type_of(name)->c_name());
  Type* type = as_type(self);
  Type* meta = type_of(self);
  Value meta_attr = type_lookup(meta, name);
  DescrGetFn meta_get = nullptr;
  if (!meta_attr.is_null()) {
    meta_get = type_of(meta_attr)->slots.descr_get;
    if (meta_get != nullptr && is_data_descriptor(meta_attr))
      return meta_get(meta_attr, self, Value::from_object(meta));
  }
  Value attr = type_lookup(type, name);
  if (!attr.is_null()) {
    DescrGetFn local_get = type_of(attr)->slots.descr_get;
    if (local_get != nullptr) return local_get(attr, Value(), self);
    return attr;
  }
  if (meta_get != nullptr) return meta_get(meta_attr, self, Value::from_object(meta));
  if (!meta_attr.is_null()) return meta_attr;
  Value r = raise_format(exc_AttributeError, "type object '%.50s' has no attribute '%U'",
                         type->c_name(), name);
  attribute_error_set_context(self, name);
  return r;
}

int type_setattro(Value self, Value name, Value v) {
  Type* type = as_type(self);
  if (!is_str(name)) {
    raise_format(exc_TypeError, "attribute name must be string, not '%.200s'",
                 type_of(name)->c_name());
    return -1;
  }
  if (type->has_flag(kTypeImmutable)) {
    raise_format(exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name,
                 type->c_name());
    return -1;
  }
  Value iname = str_intern_value(name);
  if (iname.is_null()) return -1;
  Type* meta = type_of(self);
  Value descr = type_lookup(meta, iname);
  if (!descr.is_null()) {
    DescrSetFn set = type_of(descr)->slots.descr_set;
    if (set != nullptr) return set(descr, self, v);
  }
  int r;
  if (v.is_null()) {
    int d = dict_del(type->m_dict, iname);
    if (d < 0) return -1;
    if (d == 0) {
      raise_format(exc_AttributeError, "type object '%.50s' has no attribute '%U'",
                   type->c_name(), iname);
      attribute_error_set_context(self, iname);
      return -1;
    }
    r = 0;
  } else {
    r = dict_set(type->m_dict, iname, v);
  }
  type_modified(type);
  if (r == 0) {
    std::string_view n = str_ascii_view(iname);
    if (n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__")
      update_slots_for_name(type, iname);
  }
  return r;
}

void type_trace(Object* self, VisitFn visit, void* ctx) {
  auto* t = static_cast<Type*>(self);
  visit(&t->m_bases, ctx);
  visit(&t->m_mro, ctx);
  visit(&t->m_dict, ctx);
  visit(&t->m_name, ctx);
  visit(&t->m_qualname, ctx);
  visit(&t->m_module, ctx);
  visit(&t->m_doc, ctx);
  visit(&t->m_subclasses, ctx);
  visit(&t->m_slots_names, ctx);
  visit(&t->m_c_name_owner, ctx);
}

// -- Methods and attributes ------------------------------------------------------------------------

Value type_mro_m(Value self, const Value*, size_t, Value) {
  Value mro = compute_mro(as_type(self));
  if (mro.is_null()) return mro;
  return list_from_iterable(mro);
}

Value type_subclasses_m(Value self, const Value*, size_t, Value) {
  Type* t = as_type(self);
  if (t->m_subclasses.is_null()) return list_new();
  return list_from_iterable(t->m_subclasses);
}

Value type_prepare_m(Value, const Value*, size_t, Value) { return dict_new(); }

Value type_instancecheck_m(Value self, const Value* args, size_t, Value) {
  int r = object_recursive_isinstance(args[0], self);
  return r < 0 ? Value() : Bool(r);
}

Value type_subclasscheck_m(Value self, const Value* args, size_t, Value) {
  int r = object_recursive_issubclass(args[0], self);
  return r < 0 ? Value() : Bool(r);
}

Value type_dir_m(Value self, const Value*, size_t, Value) {
  Value d = dict_new();
  if (d.is_null()) return d;
  Type* t = as_type(self);
  TupleObject* mro = as_tuple(t->m_mro);
  for (int64_t i = mro->length - 1; i >= 0; i--) {
    Type* b = as_type(mro->items[i]);
    if (!b->m_dict.is_null() && dict_update(d, b->m_dict) < 0) return Value();
  }
  return dict_keys_list(d);
}

Value type_sizeof_m(Value self, const Value*, size_t, Value) {
  return Value::from_int(sizeof(Type));
}

Value get_name(Value self) { return type_name_value(as_type(self)); }
int set_name(Value self, Value v) {
  Type* t = as_type(self);
  if (!t->is_heap()) {
    raise_format(exc_TypeError, "cannot set '__name__' attribute of immutable type '%s'",
                 t->c_name());
    return -1;
  }
  if (v.is_null()) {
    raise_format(exc_TypeError, "cannot delete '__name__' attribute of immutable type '%s'",
                 t->c_name());
    return -1;
  }
  if (!is_str(v)) {
    raise_format(exc_TypeError, "can only assign string to %s.__name__, not '%s'", t->c_name(),
                 type_of(v)->c_name());
    return -1;
  }
  std::string u = str_to_utf8(v);
  if (u.find('\0') != std::string::npos) {
    raise_error(exc_ValueError, "type name must not contain null characters");
    return -1;
  }
  return set_heap_type_name(t, v) ? 0 : -1;
}

Value get_qualname(Value self) { return type_qualname_value(as_type(self)); }
int set_qualname(Value self, Value v) {
  Type* t = as_type(self);
  if (!t->is_heap()) {
    raise_format(exc_TypeError, "cannot set '__qualname__' attribute of immutable type '%s'",
                 t->c_name());
    return -1;
  }
  if (v.is_null()) {
    raise_format(exc_TypeError, "cannot delete '__qualname__' attribute of immutable type '%s'",
                 t->c_name());
    return -1;
  }
  if (!is_str(v)) {
    raise_format(exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                 t->c_name(), type_of(v)->c_name());
    return -1;
  }
  gc::store(t, &t->m_qualname, v);
  return 0;
}

Value get_bases(Value self) { return as_type(self)->m_bases; }
Value get_base(Value self) {
  Type* b = as_type(self)->m_base;
  return b ? Value::from_object(b) : None();
}
Value get_mro(Value self) {
  Value m = as_type(self)->m_mro;
  return m.is_null() ? None() : m;
}
Value get_module(Value self) {
  Type* t = as_type(self);
  Value m = type_module_value(t);
  if (m.is_null()) {
    if (!error_occurred()) raise_error(exc_AttributeError, "__module__");
    return Value();
  }
  return m;
}
int set_module(Value self, Value v) {
  Type* t = as_type(self);
  if (!t->is_heap()) {
    raise_format(exc_TypeError, "cannot set '__module__' attribute of immutable type '%s'",
                 t->c_name());
    return -1;
  }
  if (v.is_null()) {
    raise_format(exc_TypeError, "cannot delete '__module__' attribute of immutable type '%s'",
                 t->c_name());
    return -1;
  }
  type_modified(t);
  return dict_set_cstr(t->m_dict, "__module__", v);
}

Value get_abstractmethods(Value self) {
  static StrConst k("__abstractmethods__");
  Type* t = as_type(self);
  Value v = t != &type_type ? dict_get_str(t->m_dict, k.get()) : Value();
  if (v.is_null()) return raise_error(exc_AttributeError, "__abstractmethods__");
  return v;
}
int set_abstractmethods(Value self, Value v) {
  static StrConst k("__abstractmethods__");
  Type* t = as_type(self);
  int abstract = 0;
  if (!v.is_null()) {
    abstract = object_truthy(v);
    if (abstract < 0) return -1;
    if (dict_set(t->m_dict, k.get(), v) < 0) return -1;
  } else {
    int r = dict_del(t->m_dict, k.get());
    if (r < 0) return -1;
    if (r == 0) {
      raise_error(exc_AttributeError, "__abstractmethods__");
      return -1;
    }
  }
  type_modified(t);
  if (abstract) t->m_flags |= kTypeAbstract;
  else t->m_flags &= ~kTypeAbstract;
  return 0;
}

Value get_dict(Value self) { return mappingproxy_new(as_type(self)->m_dict); }

Value get_doc(Value self) {
  static StrConst k("__doc__");
  Type* t = as_type(self);
  Value d = dict_get_str(t->m_dict, k.get());
  if (d.is_null()) return None();
  DescrGetFn get = type_of(d)->slots.descr_get;
  if (get != nullptr) return get(d, Value(), self);
  return d;
}
int set_doc(Value self, Value v) {
  Type* t = as_type(self);
  if (!t->is_heap()) {
    raise_format(exc_TypeError, "cannot set '__doc__' attribute of immutable type '%s'",
                 t->c_name());
    return -1;
  }
  if (v.is_null()) {
    raise_format(exc_TypeError, "cannot delete '__doc__' attribute of immutable type '%s'",
                 t->c_name());
    return -1;
  }
  type_modified(t);
  return dict_set_cstr(t->m_dict, "__doc__", v);
}

Value get_text_signature(Value) { return None(); }

Value get_annotations(Value self) {
  static StrConst k("__annotations__");
  Type* t = as_type(self);
  if (!t->is_heap()) {
    return raise_format(exc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                        t->c_name());
  }
  Value a = dict_get_str(t->m_dict, k.get());
  if (!a.is_null()) {
    DescrGetFn get = type_of(a)->slots.descr_get;
    if (get != nullptr) return get(a, Value(), self);
    return a;
  }
  a = dict_new();
  if (a.is_null() || dict_set(t->m_dict, k.get(), a) < 0) return Value();
  return a;
}
int set_annotations(Value self, Value v) {
  static StrConst k("__annotations__");
  Type* t = as_type(self);
  if (!t->is_heap()) {
    raise_format(exc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                 t->c_name());
    return -1;
  }
  int r;
  if (v.is_null()) {
    r = dict_del(t->m_dict, k.get());
    if (r == 0) {
      raise_error(exc_AttributeError, "__annotations__");
      return -1;
    }
    r = r < 0 ? -1 : 0;
  } else {
    r = dict_set(t->m_dict, k.get(), v);
  }
  type_modified(t);
  return r;
}

Value get_basicsize(Value self) { return Value::from_int(as_type(self)->m_basicsize); }
Value get_itemsize(Value self) { return Value::from_int(as_type(self)->m_itemsize); }
Value get_flags(Value self) {
  // CPython's bit values for the flags programs test (heap type, base type, abstract).
  Type* t = as_type(self);
  int64_t f = 0;
  if (t->has_flag(kTypeHeap)) f |= 1 << 9;
  if (t->has_flag(kTypeBaseType)) f |= 1 << 10;
  if (!t->has_flag(kTypeImmutable)) f |= 0;
  else f |= 1 << 8;
  if (t->has_flag(kTypeAbstract)) f |= 1 << 20;
  if (t->has_flag(kTypeSequence)) f |= 1 << 5;
  if (t->has_flag(kTypeMapping)) f |= 1 << 6;
  if (t->has_flag(kTypeIntSubclass)) f |= 1ul << 24;
  if (t->has_flag(kTypeListSubclass)) f |= 1ul << 25;
  if (t->has_flag(kTypeTupleSubclass)) f |= 1ul << 26;
  if (t->has_flag(kTypeBytesSubclass)) f |= 1ul << 27;
  if (t->has_flag(kTypeStrSubclass)) f |= 1ul << 28;
  if (t->has_flag(kTypeDictSubclass)) f |= 1ul << 29;
  if (t->has_flag(kTypeBaseExceptionSubclass)) f |= 1ul << 30;
  if (t->has_flag(kTypeTypeSubclass)) f |= 1ul << 31;
  return Value::from_int(f);
}
Value get_weakrefoffset(Value) { return Value::from_int(0); }
Value get_dictoffset(Value self) {
  uint32_t off = as_type(self)->m_attrs_offset;
  if (off == 0) off = as_type(self)->m_dict_offset;
  // Blocks at the end of variable-size objects read as negative offsets, as in CPython.
  return Value::from_int(off == kAttrsAtCellEnd ? -static_cast<int64_t>(sizeof(Value)) : off);
}

const MethodDef type_methods[] = {
    {"mro", type_mro_m, kMethNoArgs, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses_m, kMethNoArgs, "Return a list of immediate subclasses."},
    {"__prepare__", type_prepare_m, kMethFastKw | kMethClass,
     "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {"__instancecheck__", type_instancecheck_m, kMethO, "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck_m, kMethO, "Check if a class is a subclass."},
    {"__dir__", type_dir_m, kMethNoArgs, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof_m, kMethNoArgs, "Return memory consumption of the type object."},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef type_getsets[] = {
    {"__basicsize__", get_basicsize, nullptr, nullptr},
    {"__itemsize__", get_itemsize, nullptr, nullptr},
    {"__flags__", get_flags, nullptr, nullptr},
    {"__weakrefoffset__", get_weakrefoffset, nullptr, nullptr},
    {"__base__", get_base, nullptr, nullptr},
    {"__dictoffset__", get_dictoffset, nullptr, nullptr},
    {"__mro__", get_mro, nullptr, nullptr},
    {"__name__", get_name, set_name, nullptr},
    {"__qualname__", get_qualname, set_qualname, nullptr},
    {"__bases__", get_bases, type_set_bases, nullptr},
    {"__module__", get_module, set_module, nullptr},
    {"__abstractmethods__", get_abstractmethods, set_abstractmethods, nullptr},
    {"__dict__", get_dict, nullptr, nullptr},
    {"__doc__", get_doc, set_doc, nullptr},
    {"__text_signature__", get_text_signature, nullptr, nullptr},
    {"__annotations__", get_annotations, set_annotations, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

constinit Type type_type{&type_type, "type", sizeof(Type),
                         kTypeBaseType | kTypeImmutable | kTypeTypeSubclass,
                         TypeSlots{
                             .new_ = type_new_slot,
                             .init = type_init_slot,
                             .repr = type_repr,
                             .getattro = type_getattro,
                             .setattro = type_setattro,
                             .call = type_call,
                             .trace = type_trace,
                         }};

Value type_or(Value a, Value b);  // union_type.cpp: `int | str`

bool init_type() {
  type_type.slots.binop[static_cast<size_t>(BinOp::Or)] = type_or;
  // A class's attributes live in its dict: metaclasses need no instance attribute block.
  type_type.m_dict_offset = offsetof(Type, m_dict);
  type_init(&type_type, &object_type, TypeDefs{type_methods, nullptr, type_getsets},
            "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type");
  return !error_occurred();
}

}  // namespace tpy
