// interp/objects/dict_views.cpp -- dict_keys/dict_values/dict_items, the six dict iterators and
// mappingproxy.
//
// The iterators check, as CPython's, that the dict's size did not change since they were made
// ("dictionary changed size during iteration", sticky) and that no more entries turn up than
// there were items ("dictionary keys changed during iteration": a delete plus an insert).
#include "interp/objects/dict_views.h"

#include <cstddef>
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
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

void trace_view(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<DictViewObject*>(self)->dict, ctx);
}
void trace_iter(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<DictIterObject*>(self)->dict, ctx);
}
void trace_proxy(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<MappingProxyObject*>(self)->mapping, ctx);
}

constexpr Type make_type(const char* name, uint32_t size, TraceFn trace, uint32_t flags) {
  Type t(&type_type, name, size, kTypeImmutable | flags);
  t.slots.trace = trace;
  return t;
}

}  // namespace

constinit Type dict_keys_type =
    make_type("dict_keys", sizeof(DictViewObject), trace_view, kTypeDisallowInstantiation);
constinit Type dict_values_type =
    make_type("dict_values", sizeof(DictViewObject), trace_view, kTypeDisallowInstantiation);
constinit Type dict_items_type =
    make_type("dict_items", sizeof(DictViewObject), trace_view, kTypeDisallowInstantiation);
constinit Type dict_keyiterator_type =
    make_type("dict_keyiterator", sizeof(DictIterObject), trace_iter, kTypeDisallowInstantiation);
constinit Type dict_valueiterator_type = make_type(
    "dict_valueiterator", sizeof(DictIterObject), trace_iter, kTypeDisallowInstantiation);
constinit Type dict_itemiterator_type =
    make_type("dict_itemiterator", sizeof(DictIterObject), trace_iter, kTypeDisallowInstantiation);
constinit Type dict_reversekeyiterator_type = make_type(
    "dict_reversekeyiterator", sizeof(DictIterObject), trace_iter, kTypeDisallowInstantiation);
constinit Type dict_reversevalueiterator_type = make_type(
    "dict_reversevalueiterator", sizeof(DictIterObject), trace_iter, kTypeDisallowInstantiation);
constinit Type dict_reverseitemiterator_type = make_type(
    "dict_reverseitemiterator", sizeof(DictIterObject), trace_iter, kTypeDisallowInstantiation);
constinit Type mappingproxy_type =
    make_type("mappingproxy", sizeof(MappingProxyObject), trace_proxy, kTypeMapping);

namespace {

Type* const kIterTypes[2][3] = {
    {&dict_keyiterator_type, &dict_valueiterator_type, &dict_itemiterator_type},
    {&dict_reversekeyiterator_type, &dict_reversevalueiterator_type,
     &dict_reverseitemiterator_type}};

DictIterObject* as_iter(Value v) { return static_cast<DictIterObject*>(v.as_object()); }
DictViewObject* as_view(Value v) { return static_cast<DictViewObject*>(v.as_object()); }

int kind_of(Type* t) {
  for (int r = 0; r < 2; r++)
    for (int k = 0; k < 3; k++)
      if (kIterTypes[r][k] == t) return k;
  return 0;
}
bool is_reverse(Type* t) {
  return t == &dict_reversekeyiterator_type || t == &dict_reversevalueiterator_type ||
         t == &dict_reverseitemiterator_type;
}

}  // namespace

Value dict_iter_new(Value dict, int kind, bool reverse) {
  auto* it = gc::alloc_as<DictIterObject>(kIterTypes[reverse][kind]);
  if (it == nullptr) return raise_no_memory();
  gc::store(it, &it->dict, dict);
  it->used = dict_length(dict);
  it->len = it->used;
  it->pos = reverse ? dict_nentries(dict) - 1 : 0;
  return Value::from_object(it);
}

namespace {

// The next live entry of a forward iterator, with CPython's mutation checks.
bool iter_advance(DictIterObject* it, Value* key, Value* value) {
  if (it->dict.is_null()) return false;
  if (it->used != dict_length(it->dict)) {
    raise_error(exc_RuntimeError, "dictionary changed size during iteration");
    it->used = -1;
    return false;
  }
  int64_t pos = it->pos;
  if (!dict_next(it->dict, &pos, key, value)) {
    it->dict = Value();
    return false;
  }
  if (it->len == 0) {
    raise_error(exc_RuntimeError, "dictionary keys changed during iteration");
    it->dict = Value();
    return false;
  }
  it->pos = pos;
  it->len--;
  return true;
}

bool reverse_advance(DictIterObject* it, Value* key, Value* value) {
  if (it->dict.is_null()) return false;
  if (it->used != dict_length(it->dict)) {
    raise_error(exc_RuntimeError, "dictionary changed size during iteration");
    it->used = -1;
    return false;
  }
  int64_t i = it->pos;
  if (i < 0) {
    it->dict = Value();
    return false;
  }
  // Walk back to a live entry: read entries by position through dict_next from i.
  auto* k = static_cast<dict_detail::DictKeys*>(as_dict(it->dict)->keys);
  if (k == nullptr || i >= k->nentries) {
    it->dict = Value();
    return false;
  }
  dict_detail::DictEntry* e = k->entries();
  while (i >= 0 && e[i].value.is_null()) i--;
  if (i < 0) {
    it->dict = Value();
    return false;
  }
  *key = e[i].key;
  *value = e[i].value;
  it->pos = i - 1;
  it->len--;
  return true;
}

Value iter_next_slot(Value self) {
  DictIterObject* it = as_iter(self);
  Type* t = type_of(self);
  Value k, v;
  bool ok = is_reverse(t) ? reverse_advance(it, &k, &v) : iter_advance(it, &k, &v);
  if (!ok) return Value();
  switch (kind_of(t)) {
    case 0: return k;
    case 1: return v;
    default: return tuple_pack({k, v});
  }
}

Value iter_self(Value self) { return self; }

Value iter_length_hint(Value self, const Value*, size_t, Value) {
  DictIterObject* it = as_iter(self);
  if (!it->dict.is_null() && it->used == dict_length(it->dict)) return int_from_i64(it->len);
  return Value::from_int(0);
}

// (iter, (list(remaining),)): consumes a copy of the iterator's state, not the iterator.
Value iter_reduce(Value self, const Value*, size_t, Value) {
  DictIterObject* it = as_iter(self);
  DictIterObject copy = *it;
  Value remaining = list_new();
  if (remaining.is_null()) return remaining;
  Type* t = type_of(self);
  int kind = kind_of(t);
  for (;;) {
    Value k, v;
    bool ok = is_reverse(t) ? reverse_advance(&copy, &k, &v) : iter_advance(&copy, &k, &v);
    if (!ok) break;
    Value item = kind == 0 ? k : kind == 1 ? v : tuple_pack({k, v});
    if (item.is_null() || list_append(remaining, item) < 0) return Value();
  }
  if (error_occurred()) return Value();
  Value iter_fn = builtin_iter_callable();
  if (iter_fn.is_null()) return iter_fn;
  Value args = tuple_pack({remaining});
  if (args.is_null()) return args;
  return tuple_pack({iter_fn, args});
}

const MethodDef iter_methods[] = {
    {"__length_hint__", iter_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", iter_reduce, kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

// -- Views ----------------------------------------------------------------------------------------

int64_t view_len(Value self) { return dict_length(as_view(self)->dict); }

int view_kind(Value self) {
  Type* t = type_of(self);
  return t == &dict_keys_type ? 0 : t == &dict_values_type ? 1 : 2;
}

Value view_iter(Value self) { return dict_iter_new(as_view(self)->dict, view_kind(self), false); }

Value view_repr(Value self) {
  if (repr_enter(self)) return str_from_ascii("...");
  Value seq = list_from_iterable(self);
  Value r;
  if (!seq.is_null()) {
    StrBuilder b;
    b.text(type_of(self)->c_name()).text("(").repr(seq).text(")");
    r = b.finish();
  }
  repr_leave(self);
  return r;
}

int keys_contains(Value self, Value key) { return dict_contains(as_view(self)->dict, key); }

int items_contains(Value self, Value item) {
  if (!is_tuple(item) || tuple_length(item) != 2) return 0;
  Value found = dict_get(as_view(self)->dict, tuple_at(item, 0));
  if (found.is_null()) return error_occurred() ? -1 : 0;
  if (found == tuple_at(item, 1)) return 1;
  return object_equal(found, tuple_at(item, 1));
}

using ContainsSlot = int (*)(Value, Value);

// Every item of [a] is in [b] (dictview richcompare's all_contained_in).
int all_contained_in(Value a, Value b) {
  Value it = get_iter(a);
  if (it.is_null()) return -1;
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) return error_occurred() ? -1 : 1;
    int r = contains(b, x);
    if (r <= 0) return r;
  }
}

bool is_set_like(Value v) { return is_anyset(v) || is_dict_keys_or_items(v); }

Value view_richcompare(Value a, Value b, CompareOp op) {
  if (!is_dict_keys_or_items(a) || !is_set_like(b)) return NotImplemented();
  int64_t la = object_length(a);
  if (la < 0) return Value();
  int64_t lb = object_length(b);
  if (lb < 0) return Value();
  int ok = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      ok = la == lb ? all_contained_in(a, b) : 0;
      if (ok >= 0 && op == CompareOp::Ne) ok = !ok;
      break;
    case CompareOp::Lt: ok = la < lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::Le: ok = la <= lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::Gt: ok = la > lb ? all_contained_in(b, a) : 0; break;
    case CompareOp::Ge: ok = la >= lb ? all_contained_in(b, a) : 0; break;
  }
  if (ok < 0) return Value();
  return Bool(ok != 0);
}

// set(view) as dictviews_to_set: a keys view of an exact dict takes set()'s dict fast path
// (which pre-sizes the table, so the resulting order is CPython's).
Value view_to_set(Value v) {
  if (type_of(v) == &dict_keys_type && is_exact_dict(as_view(v)->dict))
    return set_new(as_view(v)->dict);
  return set_new(v);
}

Value view_sub(Value a, Value b) {
  Value r = view_to_set(a);
  if (r.is_null()) return r;
  if (set_difference_update(r, b) < 0) return Value();
  return r;
}

Value view_or(Value a, Value b) {
  Value r = view_to_set(a);
  if (r.is_null()) return r;
  if (set_update(r, b) < 0) return Value();
  return r;
}

Value view_xor(Value a, Value b) {
  Value r = view_to_set(a);
  if (r.is_null()) return r;
  if (set_symmetric_difference_update(r, b) < 0) return Value();
  return r;
}

Value view_and(Value self, Value other) {
  if (!is_dict_keys_or_items(self)) std::swap(self, other);
  int64_t len_self = view_len(self);
  if (type_of(other) == &set_type && len_self <= set_size(other)) {
    static StrConst k_intersection("intersection");
    return call_method(other, k_intersection.get(), &self, 1);
  }
  if (is_dict_keys_or_items(other) && view_len(other) > len_self) std::swap(self, other);
  Value result = set_new();
  if (result.is_null()) return result;
  Value it = get_iter(other);
  if (it.is_null()) return it;
  ContainsSlot has = type_of(self) == &dict_keys_type ? keys_contains : items_contains;
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) return error_occurred() ? Value() : result;
    int r = has(self, x);
    if (r < 0) return Value();
    if (r && set_add(result, x) < 0) return Value();
  }
}

Value m_isdisjoint(Value self, const Value* args, size_t, Value) {
  Value other = args[0];
  if (self == other) return Bool(view_len(self) == 0);
  // Iterate over the shorter one, when the other is a set (containment is cheap there).
  if (is_set_like(other)) {
    int64_t lo = object_length(other);
    if (lo < 0) return Value();
    if (lo > view_len(self)) std::swap(self, other);
  }
  Value it = get_iter(other);
  if (it.is_null()) return it;
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) return error_occurred() ? Value() : True();
    int r = contains(self, x);
    if (r < 0) return Value();
    if (r) return False();
  }
}

Value m_view_reversed(Value self, const Value*, size_t, Value) {
  return dict_iter_new(as_view(self)->dict, view_kind(self), true);
}

Value get_mapping(Value self) { return mappingproxy_new(as_view(self)->dict); }

const MethodDef setview_methods[] = {
    {"isdisjoint", m_isdisjoint, kMethO,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", m_view_reversed, kMethNoArgs,
     "Return a reverse iterator over the dict keys."},
    {nullptr, nullptr, 0, nullptr}};
const MethodDef values_methods[] = {
    {"__reversed__", m_view_reversed, kMethNoArgs,
     "Return a reverse iterator over the dict values."},
    {nullptr, nullptr, 0, nullptr}};
const GetSetDef view_getsets[] = {
    {"mapping", get_mapping, nullptr, "dictionary that this view refers to"},
    {nullptr, nullptr, nullptr, nullptr}};

// -- mappingproxy ---------------------------------------------------------------------------------

Value proxy_mapping(Value self) { return static_cast<MappingProxyObject*>(self.as_object())->mapping; }

Value proxy_tp_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"mapping", nullptr};
  Value mapping;
  ArgSpec spec{"mappingproxy", kw, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, {&mapping})) return Value();
  return mappingproxy_new(mapping);
}

Value proxy_getitem(Value self, Value key) { return getitem(proxy_mapping(self), key); }
int64_t proxy_len(Value self) { return object_length(proxy_mapping(self)); }
int proxy_contains(Value self, Value key) {
  Value m = proxy_mapping(self);
  if (is_exact_dict(m)) return dict_contains(m, key);
  return contains(m, key);
}
Value proxy_iter(Value self) { return get_iter(proxy_mapping(self)); }
Value proxy_str(Value self) { return object_str(proxy_mapping(self)); }
Value proxy_repr(Value self) {
  StrBuilder b;
  b.text("mappingproxy(").repr(proxy_mapping(self)).text(")");
  return b.finish();
}
Value proxy_richcompare(Value a, Value b, CompareOp op) {
  if (type_of(a) != &mappingproxy_type) return NotImplemented();
  return compare(proxy_mapping(a), b, op);
}
Value proxy_or(Value a, Value b) {
  if (type_of(a) == &mappingproxy_type) a = proxy_mapping(a);
  if (type_of(b) == &mappingproxy_type) b = proxy_mapping(b);
  return binary_op(a, b, BinOp::Or);
}
Value proxy_ior(Value a, Value b) {
  return raise_format(exc_TypeError, "'|=' is not supported by %s; use '|' instead",
                      type_of(a)->c_name());
}

Value proxy_call(Value self, const char* name, const Value* args, size_t nargs) {
  Value n = str_intern(name);
  if (n.is_null()) return n;
  return call_method(proxy_mapping(self), n, args, nargs);
}

Value pm_get(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("get", kwnames) || !check_unpack("get", nargs, 1, 2)) return Value();
  return proxy_call(self, "get", args, nargs);
}
Value pm_keys(Value self, const Value*, size_t, Value) { return proxy_call(self, "keys", nullptr, 0); }
Value pm_values(Value self, const Value*, size_t, Value) {
  return proxy_call(self, "values", nullptr, 0);
}
Value pm_items(Value self, const Value*, size_t, Value) {
  return proxy_call(self, "items", nullptr, 0);
}
Value pm_copy(Value self, const Value*, size_t, Value) { return proxy_call(self, "copy", nullptr, 0); }
Value pm_reversed(Value self, const Value*, size_t, Value) {
  Value rev = builtin_reversed_callable();
  if (rev.is_null()) return rev;
  return call1(rev, proxy_mapping(self));
}

const MethodDef proxy_methods[] = {
    {"get", pm_get, kMethFast,
     "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."},
    {"keys", pm_keys, kMethNoArgs, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", pm_values, kMethNoArgs, "D.values() -> an object providing a view on D's values"},
    {"items", pm_items, kMethNoArgs,
     "D.items() -> a set-like object providing a view on D's items"},
    {"copy", pm_copy, kMethNoArgs, "D.copy() -> a shallow copy of D"},
    {"__reversed__", pm_reversed, kMethNoArgs, "D.__reversed__() -> reverse iterator"},
    TPY_CLASS_GETITEM_ROW,
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value dict_view_new(Type* type, Value dict) {
  auto* v = gc::alloc_as<DictViewObject>(type);
  if (v == nullptr) return raise_no_memory();
  gc::store(v, &v->dict, dict);
  return Value::from_object(v);
}

Value mappingproxy_new(Value mapping) {
  Type* t = type_of(mapping);
  bool is_mapping = t->slots.getitem != nullptr && !is_list(mapping) && !is_tuple(mapping);
  if (!is_mapping)
    return raise_format(exc_TypeError, "mappingproxy() argument must be a mapping, not %.200s",
                        t->c_name());
  auto* p = gc::alloc_as<MappingProxyObject>(&mappingproxy_type);
  if (p == nullptr) return raise_no_memory();
  gc::store(p, &p->mapping, mapping);
  return Value::from_object(p);
}

bool init_dict_views() {
  for (Type* t : {&dict_keyiterator_type, &dict_valueiterator_type, &dict_itemiterator_type,
                  &dict_reversekeyiterator_type, &dict_reversevalueiterator_type,
                  &dict_reverseitemiterator_type}) {
    // CPython's reverse dict iterators leave tp_getattro unset (no __getattribute__ of their own).
    if (!is_reverse(t)) t->slots.getattro = generic_getattr;
    t->slots.iter = iter_self;
    t->slots.iternext = iter_next_slot;
    type_init(t, &object_type, TypeDefs{iter_methods, nullptr, nullptr});
  }
  for (Type* t : {&dict_keys_type, &dict_values_type, &dict_items_type}) {
    TypeSlots& s = t->slots;
    s.repr = view_repr;
    s.getattro = generic_getattr;
    s.iter = view_iter;
    s.len = view_len;
    bool setlike = t != &dict_values_type;
    if (setlike) {
      s.richcompare = view_richcompare;
      s.contains = t == &dict_keys_type ? keys_contains : items_contains;
      s.binop[static_cast<size_t>(BinOp::Subtract)] = view_sub;
      s.binop[static_cast<size_t>(BinOp::And)] = view_and;
      s.binop[static_cast<size_t>(BinOp::Xor)] = view_xor;
      s.binop[static_cast<size_t>(BinOp::Or)] = view_or;
    }
    type_init(t, &object_type,
              TypeDefs{setlike ? setview_methods : values_methods, nullptr, view_getsets});
  }
  // keys and items views are set-like: unhashable as sets are.
  set_unhashable(&dict_keys_type);
  set_unhashable(&dict_items_type);
  TypeSlots& p = mappingproxy_type.slots;
  p.new_ = proxy_tp_new;
  p.repr = proxy_repr;
  p.str = proxy_str;
  p.getattro = generic_getattr;
  p.richcompare = proxy_richcompare;
  p.iter = proxy_iter;
  p.len = proxy_len;
  p.getitem = proxy_getitem;
  p.contains = proxy_contains;
  p.binop[static_cast<size_t>(BinOp::Or)] = proxy_or;
  p.binop[static_cast<size_t>(BinOp::InplaceOr)] = proxy_ior;
  type_init(&mappingproxy_type, &object_type, TypeDefs{proxy_methods, nullptr, nullptr},
            "mappingproxy(mapping)\n--\n\nRead-only proxy of a mapping.");
  set_unhashable(&mappingproxy_type);
  return !error_occurred();
}

}  // namespace tpy
