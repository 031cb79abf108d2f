// interp/objects/object_type.cpp -- `object`: the root type, its slots and methods.
#include <cinttypes>
#include <cstdio>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "gc/roots.h"
#include "interp/objects/abstract.h"
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

bool excess_args(size_t nargs, Value kwnames) {
  return nargs > 0 || (!kwnames.is_null() && tuple_length(kwnames) > 0);
}

Value object_new(Type* type, const Value* args, size_t nargs, Value kwnames);
int object_init(Value self, const Value* args, size_t nargs, Value kwnames);

Value raise_abstract(Type* type) {
  static StrConst k_abstract("__abstractmethods__");
  Value am = type->m_dict.is_null() ? Value() : dict_get_str(type->m_dict, k_abstract.get());
  if (am.is_null()) return raise_error(exc_TypeError, "abstract class instantiated");
  Value sorted = list_from_iterable(am);
  if (sorted.is_null() || list_sort(sorted, Value(), false) < 0) return Value();
  Value joined = str_join(str_from_ascii(", "), sorted);
  if (joined.is_null()) return Value();
  return raise_format(exc_TypeError,
                      "Can't instantiate abstract class %s with abstract method%s %U",
                      type->c_name(), list_length(sorted) > 1 ? "s" : "", joined);
}

Value object_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (excess_args(nargs, kwnames)) {
    if (type->slots.new_ != object_new)
      return raise_error(exc_TypeError,
                         "object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->slots.init == object_init)
      return raise_format(exc_TypeError, "%.200s() takes no arguments", type->c_name());
  }
  if (type->has_flag(kTypeAbstract)) return raise_abstract(type);
  return alloc_instance(type, 0);
}

int object_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (excess_args(nargs, kwnames)) {
    Type* type = type_of(self);
    if (type->slots.init != object_init) {
      raise_error(exc_TypeError,
                  "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->slots.new_ == object_new) {
      raise_format(exc_TypeError, "%.200s() takes no arguments", type->c_name());
      return -1;
    }
  }
  return 0;
}

Value object_repr_slot(Value self) {
  Type* t = type_of(self);
  Value mod = type_module_value(t);
  if (mod.is_null()) {
    if (error_occurred()) return Value();
  }
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self.as_object()));
  std::string text = "<";
  if (!mod.is_null() && is_str(mod) && !str_equal_ascii(mod, "builtins")) {
    text += str_to_utf8(mod);
    text += '.';
    text += str_to_utf8(type_qualname_value(t));
  } else {
    text += t->c_name();
  }
  text += " object at ";
  text += addr;
  text += '>';
  return str_from_utf8(text);
}

Value object_str_slot(Value self) {
  UnaryFn r = type_of(self)->slots.repr;
  if (r == nullptr) return object_repr_slot(self);
  return object_repr(self);
}

int64_t object_hash_slot(Value self) { return identity_hash(self); }

Value object_richcompare(Value a, Value b, CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      return a == b ? True() : NotImplemented();
    case CompareOp::Ne: {
      CompareFn f = type_of(a)->slots.richcompare;
      if (f == nullptr) return NotImplemented();
      Value r = f(a, b, CompareOp::Eq);
      if (r.is_null() || is_not_implemented(r)) return r;
      int t = object_truthy(r);
      if (t < 0) return Value();
      return Bool(!t);
    }
    default:
      return NotImplemented();
  }
}

// -- Methods -----------------------------------------------------------------------------------------

Value object_format_m(Value self, const Value* args, size_t nargs, Value) {
  Value spec = args[0];
  if (!is_str(spec))
    return raise_format(exc_TypeError, "__format__() argument must be str, not %.200s",
                        type_of(spec)->c_name());
  if (str_length(spec) > 0)
    return raise_format(exc_TypeError, "unsupported format string passed to %.200s.__format__",
                        type_of(self)->c_name());
  return object_str(self);
}

Value object_sizeof_m(Value self, const Value*, size_t, Value) {
  Type* t = type_of(self);
  int64_t size = t->m_basicsize;
  if (t->m_itemsize != 0 && self.is_object()) {
    int64_t n = object_length(self);
    if (n < 0) {
      clear_exception();
      n = 0;
    }
    size += n * t->m_itemsize;
  }
  return Value::from_int(size);
}

Value object_getstate_m(Value self, const Value*, size_t, Value) {
  InstanceAttrs* a = instance_attrs(self);
  Value state = None();
  if (a != nullptr && type_of(self)->has_flag(kTypeHasDict)) {
    bool empty = a->dict.is_null() ? (a->shape.is_null() || shape_size(a->shape) == 0)
                                   : dict_length(a->dict) == 0;
    if (!empty) {
      state = instance_get_dict(self.as_object());
      if (state.is_null()) return state;
    }
  }
  Type* t = type_of(self);
  // __slots__ values go into a second dict, as CPython's object.__getstate__.
  Value slots = Value();
  for (int64_t i = 0; i < tuple_length(t->m_mro); i++) {
    Type* b = as_type(tuple_at(t->m_mro, i));
    if (b->m_slots_names.is_null()) continue;
    for (int64_t j = 0; j < tuple_length(b->m_slots_names); j++) {
      Value name = tuple_at(b->m_slots_names, j);
      Value v = getattr_opt(self, name);
      if (v.is_null()) {
        if (error_occurred()) return v;
        continue;
      }
      if (slots.is_null() && (slots = dict_new()).is_null()) return slots;
      if (dict_set(slots, name, v) < 0) return Value();
    }
  }
  if (!slots.is_null()) return tuple_pack({state, slots});
  return state;
}

Value import_copyreg() {
  static StrConst k_import("__import__"), k_copyreg("copyreg");
  Value b = gc::g_roots.builtins();
  if (b.is_null()) return raise_error(exc_ImportError, "import of copyreg halted; None in sys.modules");
  Value imp = getattr(b, k_import.get());
  if (imp.is_null()) return imp;
  return call1(imp, k_copyreg.get());
}

// copyreg.__reduce_ex__'s protocol 2+ form (CPython's reduce_newobj): (copyreg.__newobj__,
// (cls, *args), state, listitems, dictitems).
Value reduce_newobj(Value self) {
  static StrConst k_getnewargs_ex("__getnewargs_ex__"), k_getnewargs("__getnewargs__"),
      k_newobj("__newobj__"), k_newobj_ex("__newobj_ex__"), k_getstate("__getstate__"),
      k_items("items");
  Type* t = type_of(self);
  if (t->slots.new_ == nullptr)
    return raise_format(exc_TypeError, "cannot pickle '%.200s' object", t->c_name());
  Value args = tuple_empty(), kwargs;
  bool hasargs = false;
  Value f = lookup_special(self, k_getnewargs_ex.get());
  if (!f.is_null()) {
    Value r = call0(f);
    if (r.is_null()) return r;
    if (!is_tuple(r) || tuple_length(r) != 2)
      return raise_format(exc_TypeError, "__getnewargs_ex__ should return a tuple of length 2, not '%.200s'",
                          type_of(r)->c_name());
    args = tuple_at(r, 0);
    kwargs = tuple_at(r, 1);
    hasargs = true;
  } else if (error_occurred()) {
    return Value();
  } else if (!(f = lookup_special(self, k_getnewargs.get())).is_null()) {
    args = call0(f);
    if (args.is_null()) return args;
    if (!is_tuple(args))
      return raise_format(exc_TypeError, "__getnewargs__ should return a tuple, not '%.200s'",
                          type_of(args)->c_name());
    hasargs = true;
  } else if (error_occurred()) {
    return Value();
  }
  (void)hasargs;
  Value copyreg = import_copyreg();
  if (copyreg.is_null()) return copyreg;
  Value newobj, newargs;
  Value cls = Value::from_object(t);
  if (kwargs.is_null() || (is_dict(kwargs) && dict_length(kwargs) == 0)) {
    newobj = getattr(copyreg, k_newobj.get());
    if (newobj.is_null()) return newobj;
    int64_t n = tuple_length(args);
    newargs = tuple_new(n + 1);
    if (newargs.is_null()) return newargs;
    tuple_init_item(newargs, 0, cls);
    for (int64_t i = 0; i < n; i++) tuple_init_item(newargs, i + 1, tuple_at(args, i));
  } else {
    newobj = getattr(copyreg, k_newobj_ex.get());
    if (newobj.is_null()) return newobj;
    newargs = tuple_pack({cls, args, kwargs});
  }
  if (newargs.is_null()) return newargs;
  Value state = call_method(self, k_getstate.get(), nullptr, 0);
  if (state.is_null()) return state;
  Value listitems = None(), dictitems = None();
  if (is_list(self)) {
    listitems = get_iter(self);
    if (listitems.is_null()) return listitems;
  }
  if (is_dict(self)) {
    Value items = call_method(self, k_items.get(), nullptr, 0);
    if (items.is_null()) return items;
    dictitems = get_iter(items);
    if (dictitems.is_null()) return dictitems;
  }
  return tuple_pack({newobj, newargs, state, listitems, dictitems});
}

Value common_reduce(Value self, int64_t protocol) {
  if (protocol >= 2) return reduce_newobj(self);
  static StrConst k_reduce_ex("_reduce_ex");
  Value copyreg = import_copyreg();
  if (copyreg.is_null()) return copyreg;
  Value f = getattr(copyreg, k_reduce_ex.get());
  if (f.is_null()) return f;
  return call2(f, self, Value::from_int(protocol));
}

Value object_reduce_m(Value self, const Value*, size_t, Value) { return common_reduce(self, 0); }

Value object_reduce_ex_m(Value self, const Value* args, size_t nargs, Value) {
  int64_t protocol;
  if (!args[0].is_int() && !is_instance_of(args[0], &int_type))
    return raise_format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                        type_of(args[0])->c_name());
  if (!index_to_i64(args[0], &protocol)) return Value();
  // A class that overrides __reduce__ gets it called.
  static StrConst k_reduce("__reduce__");
  Value mine = type_lookup(type_of(self), k_reduce.get());
  Value objects = dict_get_str(object_type.m_dict, k_reduce.get());
  if (!mine.is_null() && !(mine == objects)) return call_method(self, k_reduce.get(), nullptr, 0);
  return common_reduce(self, protocol);
}

Value object_subclasshook_m(Value, const Value*, size_t, Value) { return NotImplemented(); }
Value object_init_subclass_m(Value, const Value*, size_t, Value) { return None(); }

// dir(): instance __dict__ keys, then the class's attributes and its bases', recursively.
int merge_class_dict(Value d, Value cls) {
  static StrConst k_dict("__dict__"), k_bases("__bases__");
  Value cd = getattr_opt(cls, k_dict.get());
  if (cd.is_null()) {
    if (error_occurred()) return -1;
  } else if (dict_update(d, cd) < 0) {
    return -1;
  }
  Value bases = getattr_opt(cls, k_bases.get());
  if (bases.is_null()) return error_occurred() ? -1 : 0;
  if (!is_tuple(bases)) return 0;
  for (int64_t i = 0; i < tuple_length(bases); i++)
    if (merge_class_dict(d, tuple_at(bases, i)) < 0) return -1;
  return 0;
}

Value object_dir_m(Value self, const Value*, size_t, Value) {
  static StrConst k_dict("__dict__"), k_class("__class__");
  Value d = getattr_opt(self, k_dict.get());
  if (d.is_null() && error_occurred()) return d;
  Value result = (d.is_null() || !is_dict(d)) ? dict_new() : dict_copy(d);
  if (result.is_null()) return result;
  Value cls = getattr_opt(self, k_class.get());
  if (cls.is_null() && error_occurred()) return cls;
  if (!cls.is_null() && merge_class_dict(result, cls) < 0) return Value();
  return dict_keys_list(result);
}

Value object_get_class(Value self) { return Value::from_object(type_of(self)); }

// CPython frees GC and non-GC objects differently and refuses to mix them; here a type's
// instances are "GC" when they can hold Values: heap types and built-ins with a trace function
// (int's trace is only for its subclasses' instances).
bool frees_as_gc(Type* t) {
  return t->is_heap() || (t->slots.trace != nullptr && t != &int_type);
}

}  // namespace

// Both types added the same __slots__ members (by name, as CPython's same_slots_added).
static bool same_slot_names(Value a, Value b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (tuple_length(a) != tuple_length(b)) return false;
  for (int64_t i = 0; i < tuple_length(a); i++)
    if (!str_equal(tuple_at(a, i), tuple_at(b, i))) return false;
  return true;
}

bool compatible_for_assignment(Type* a, Type* b, const char* attr) {
  if (frees_as_gc(a) != frees_as_gc(b)) {
    raise_format(exc_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr,
                 b->c_name(), a->c_name());
    return false;
  }
  Type* sa = a;
  Type* sb = b;
  while (sa->is_heap() && sa->m_base != nullptr && sa->m_basicsize == sa->m_base->m_basicsize &&
         sa->m_attrs_offset == sa->m_base->m_attrs_offset)
    sa = sa->m_base;
  while (sb->is_heap() && sb->m_base != nullptr && sb->m_basicsize == sb->m_base->m_basicsize &&
         sb->m_attrs_offset == sb->m_base->m_attrs_offset)
    sb = sb->m_base;
  bool ok = (sa == sb || (sa->m_base == sb->m_base && sa->m_basicsize == sb->m_basicsize &&
                          sa->m_itemsize == sb->m_itemsize)) &&
            a->m_basicsize == b->m_basicsize && a->m_attrs_offset == b->m_attrs_offset &&
            same_slot_names(a->m_slots_names, b->m_slots_names);
  if (!ok)
    raise_format(exc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr,
                 b->c_name(), a->c_name());
  return ok;
}

namespace {

int object_set_class(Value self, Value v) {
  if (v.is_null()) {
    raise_error(exc_TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!is_type(v)) {
    raise_format(exc_TypeError, "__class__ must be set to a class, not '%s' object",
                 type_of(v)->c_name());
    return -1;
  }
  Type* nt = as_type(v);
  Type* ot = type_of(self);
  if (!(nt->is_heap() && ot->is_heap())) {
    raise_error(exc_TypeError,
                "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!compatible_for_assignment(ot, nt, "__class__")) return -1;
  gc::HeaderAccess::set_type(self.as_object(), nt);
  return 0;
}

const MethodDef object_methods[] = {
    {"__reduce_ex__", object_reduce_ex_m, kMethO, "Helper for pickle."},
    {"__reduce__", object_reduce_m, kMethNoArgs, "Helper for pickle."},
    {"__getstate__", object_getstate_m, kMethNoArgs, "Helper for pickle."},
    {"__subclasshook__", object_subclasshook_m, kMethFastKw | kMethClass,
     "Abstract classes can override this to customize issubclass().\n\n"
     "This is invoked early on by abc.ABCMeta.__subclasscheck__().\n"
     "It should return True, False or NotImplemented.  If it returns\n"
     "NotImplemented, the normal algorithm is used.  Otherwise, it\n"
     "overrides the normal algorithm (and the outcome is cached).\n"},
    {"__init_subclass__", object_init_subclass_m, kMethNoArgs | kMethClass,
     "This method is called when a class is subclassed.\n\n"
     "The default implementation does nothing. It may be\n"
     "overridden to extend subclasses.\n"},
    {"__format__", object_format_m, kMethO, "Default object formatter."},
    {"__sizeof__", object_sizeof_m, kMethNoArgs, "Size of object in memory, in bytes."},
    {"__dir__", object_dir_m, kMethNoArgs, "Default dir() implementation."},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class,
     "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type"},
    {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

NewFn const object_new_fn = object_new;
InitFn const object_init_fn = object_init;

int64_t identity_hash(Value v) {
  uint64_t y = v.bits();
  y = (y >> 4) | (y << 60);
  auto x = static_cast<int64_t>(y);
  return x == -1 ? -2 : x;
}

Value alloc_instance(Type* type, int64_t nitems) {
  size_t size = type->m_basicsize + static_cast<size_t>(nitems) * type->m_itemsize;
  Object* o = gc::alloc((size + 15) & ~size_t{15}, type);
  if (o == nullptr) return raise_no_memory();
  instance_init_attrs(o);
  return Value::from_object(o);
}

constinit Type object_type{&type_type, "object", sizeof(Object), kTypeBaseType | kTypeImmutable,
                           TypeSlots{
                               .new_ = object_new,
                               .init = object_init,
                               .repr = object_repr_slot,
                               .str = object_str_slot,
                               .hash = object_hash_slot,
                               .richcompare = object_richcompare,
                               .getattro = generic_getattr,
                               .setattro = generic_setattr,
                           }};

bool init_object() {
  type_init(&object_type, nullptr, TypeDefs{object_methods, nullptr, object_getsets},
            "The base class of the class hierarchy.\n\n"
            "When called, it accepts no arguments and returns a new featureless\n"
            "instance that has no instance attributes and cannot be given any.\n");
  return !error_occurred();
}

}  // namespace tpy
