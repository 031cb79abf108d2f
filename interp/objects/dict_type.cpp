// interp/objects/dict_type.cpp -- The Python-level dict type: slots and methods (views are in
// dict_views.cpp).
#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/dict.h"
#include "interp/objects/dict_views.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/set.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

// KeyError(key): the key itself is the exception's argument (so a tuple key stays a tuple).
Value raise_key_error(Value key) {
  Value e = exception_new(exc_KeyError, &key, 1);
  if (e.is_null()) return e;
  return raise_value(e);
}

namespace {

Value dict_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &dict_type) return dict_new();
  Object* o = alloc_instance(type);
  if (o == nullptr) return Value();
  auto* d = static_cast<DictObject*>(o);
  d->version = dict_detail::next_version();
  d->keys_version = d->version;
  return Value::from_object(o);
}

// dict.update's argument: a dict, anything with keys(), or an iterable of pairs.
int update_arg(Value self, Value arg) {
  if (is_exact_dict(arg)) return dict_merge(self, arg, true);
  return dict_update(self, arg);
}

// The keyword arguments of a vector call, merged into [self].
int update_kwargs(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames.is_null()) return 0;
  for (int64_t i = 0; i < tuple_length(kwnames); i++)
    if (dict_set(self, tuple_at(kwnames, i), args[nargs + static_cast<size_t>(i)]) < 0) return -1;
  return 0;
}

int dict_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_unpack("dict", nargs, 0, 1)) return -1;
  if (nargs == 1 && update_arg(self, args[0]) < 0) return -1;
  return update_kwargs(self, args, nargs, kwnames);
}

Value dict_repr(Value self) {
  if (dict_length(self) == 0) return str_from_ascii("{}");
  if (repr_enter(self)) return str_from_ascii("{...}");
  StrBuilder b;
  b.text("{");
  int64_t pos = 0;
  Value k, v;
  bool first = true;
  while (b.ok() && dict_next(self, &pos, &k, &v)) {
    if (!first) b.text(", ");
    first = false;
    b.repr(k).text(": ").repr(v);
  }
  b.text("}");
  repr_leave(self);
  return b.finish();
}

// a == b for two dicts: same size and every key of a maps to an equal value in b.
int dict_equal(Value a, Value b) {
  if (dict_length(a) != dict_length(b)) return 0;
  int64_t pos = 0, hash;
  Value k, av;
  while (dict_next_hash(a, &pos, &k, &av, &hash)) {
    Value bv = dict_get_known_hash(b, k, hash);
    if (bv.is_null()) return error_occurred() ? -1 : 0;
    if (av == bv) continue;
    int eq = object_equal(av, bv);
    if (eq <= 0) return eq;
  }
  return 1;
}

Value dict_richcompare(Value a, Value b, CompareOp op) {
  if (!is_dict(a) || !is_dict(b) || (op != CompareOp::Eq && op != CompareOp::Ne))
    return NotImplemented();
  int eq = dict_equal(a, b);
  if (eq < 0) return Value();
  return Bool((eq == 1) == (op == CompareOp::Eq));
}

int64_t dict_len(Value self) { return dict_length(self); }

Value dict_subscript(Value self, Value key) {
  Value v = is_exact_str(key) ? dict_get_str(self, key) : dict_get(self, key);
  if (!v.is_null()) return v;
  if (error_occurred()) return Value();
  if (!is_exact_dict(self)) {
    static StrConst k_missing("__missing__");
    Value missing = lookup_special(self, k_missing.get());
    if (!missing.is_null()) return call1(missing, key);
    if (error_occurred()) return Value();
  }
  return raise_key_error(key);
}

int dict_ass_sub(Value self, Value key, Value v) {
  if (!v.is_null()) return dict_set(self, key, v);
  int r = dict_del(self, key);
  if (r == 0) {
    raise_key_error(key);
    return -1;
  }
  return r < 0 ? -1 : 0;
}

int dict_contains_slot(Value self, Value key) { return dict_contains(self, key); }

Value dict_iter(Value self) { return dict_iter_new(self, 0, false); }

Value dict_or(Value a, Value b) {
  if (!is_dict(a) || !is_dict(b)) return NotImplemented();
  Value r = dict_copy(a);
  if (r.is_null()) return r;
  if (dict_update(r, b) < 0) return Value();
  return r;
}

Value dict_ior(Value a, Value b) {
  if (update_arg(a, b) < 0) return Value();
  return a;
}

// -- Methods --------------------------------------------------------------------------------------

Value m_get(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("get", kwnames) || !check_unpack("get", nargs, 1, 2)) return Value();
  Value v = dict_get(self, args[0]);
  if (!v.is_null()) return v;
  if (error_occurred()) return Value();
  return nargs == 2 ? args[1] : None();
}

Value m_setdefault(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("setdefault", kwnames) || !check_unpack("setdefault", nargs, 1, 2))
    return Value();
  Value v = dict_get(self, args[0]);
  if (!v.is_null()) return v;
  if (error_occurred()) return Value();
  Value dflt = nargs == 2 ? args[1] : None();
  if (dict_set(self, args[0], dflt) < 0) return Value();
  return dflt;
}

Value m_pop(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("pop", kwnames) || !check_unpack("pop", nargs, 1, 2)) return Value();
  Value v = dict_pop(self, args[0]);
  if (!v.is_null()) return v;
  if (error_occurred()) return Value();
  if (nargs == 2) return args[1];
  return raise_key_error(args[0]);
}

Value m_popitem(Value self, const Value*, size_t, Value) { return dict_popitem(self); }

Value m_keys(Value self, const Value*, size_t, Value) {
  return dict_view_new(&dict_keys_type, self);
}
Value m_values(Value self, const Value*, size_t, Value) {
  return dict_view_new(&dict_values_type, self);
}
Value m_items(Value self, const Value*, size_t, Value) {
  return dict_view_new(&dict_items_type, self);
}

Value m_update(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_unpack("update", nargs, 0, 1)) return Value();
  if (nargs == 1 && update_arg(self, args[0]) < 0) return Value();
  if (update_kwargs(self, args, nargs, kwnames) < 0) return Value();
  return None();
}

Value m_fromkeys(Value cls, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("fromkeys", kwnames) || !check_unpack("fromkeys", nargs, 1, 2)) return Value();
  Value value = nargs == 2 ? args[1] : None();
  Value d = call0(cls);
  if (d.is_null()) return d;
  Value iterable = args[0];
  if (is_exact_dict(d) && dict_length(d) == 0) {
    if (is_exact_dict(iterable)) {
      int64_t pos = 0, hash;
      Value k;
      while (dict_next_hash(iterable, &pos, &k, nullptr, &hash))
        if (dict_set_known_hash(d, k, hash, value) < 0) return Value();
      return d;
    }
    if (is_exact_anyset(iterable)) {
      int64_t pos = 0, hash;
      Value k;
      while (set_next(iterable, &pos, &k, &hash))
        if (dict_set_known_hash(d, k, hash, value) < 0) return Value();
      return d;
    }
  }
  Value it = get_iter(iterable);
  if (it.is_null()) return it;
  bool exact = is_exact_dict(d);
  for (;;) {
    Value k = iter_next(it);
    if (k.is_null()) return error_occurred() ? Value() : d;
    if ((exact ? dict_set(d, k, value) : setitem(d, k, value)) < 0) return Value();
  }
}

Value m_clear(Value self, const Value*, size_t, Value) {
  dict_clear(self);
  return None();
}

Value m_copy(Value self, const Value*, size_t, Value) { return dict_copy(self); }

Value m_reversed(Value self, const Value*, size_t, Value) {
  return dict_iter_new(self, 0, true);
}

Value m_sizeof(Value self, const Value*, size_t, Value) {
  auto* k = static_cast<dict_detail::DictKeys*>(as_dict(self)->keys);
  int64_t size = 48;
  if (k != nullptr) size += static_cast<int64_t>(gc::cell_size(k));
  return int_from_i64(size);
}

const MethodDef dict_methods[] = {
    {"__sizeof__", m_sizeof, kMethNoArgs, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", m_get, kMethFast,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", m_setdefault, kMethFast,
     "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value "
     "for key if key is in the dictionary, else default."},
    {"pop", m_pop, kMethFast,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key "
     "is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", m_popitem, kMethNoArgs,
     "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, "
     "first-out) order.\nRaises KeyError if the dict is empty."},
    {"keys", m_keys, kMethNoArgs, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", m_items, kMethNoArgs,
     "D.items() -> a set-like object providing a view on D's items"},
    {"values", m_values, kMethNoArgs, "D.values() -> an object providing a view on D's values"},
    {"update", m_update, kMethFastKw,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is present and has "
     "a .keys() method, then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() "
     "method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in "
     "F:  D[k] = F[k]"},
    {"fromkeys", m_fromkeys, kMethFast | kMethClass,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", m_clear, kMethNoArgs, "D.clear() -> None.  Remove all items from D."},
    {"copy", m_copy, kMethNoArgs, "D.copy() -> a shallow copy of D"},
    {"__reversed__", m_reversed, kMethNoArgs,
     "Return a reverse iterator over the dict keys."},
    TPY_CLASS_GETITEM_ROW,
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool init_dict() {
  TypeSlots& s = dict_type.slots;
  s.new_ = dict_tp_new;
  s.init = dict_tp_init;
  s.repr = dict_repr;
  s.richcompare = dict_richcompare;
  s.getattro = generic_getattr;
  s.iter = dict_iter;
  s.len = dict_len;
  s.getitem = dict_subscript;
  s.setitem = dict_ass_sub;
  s.contains = dict_contains_slot;
  s.binop[static_cast<size_t>(BinOp::Or)] = dict_or;
  s.binop[static_cast<size_t>(BinOp::InplaceOr)] = dict_ior;
  type_init(&dict_type, &object_type, TypeDefs{dict_methods, nullptr, nullptr},
            "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a "
            "mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary "
            "initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\n"
            "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the "
            "keyword argument list.  For example:  dict(one=1, two=2)");
  set_unhashable(&dict_type);
  return !error_occurred();
}

}  // namespace tpy
