// interp/modules/weakref_proxy.cpp -- weakref.proxy objects: every operation forwarded to the
// referent, ReferenceError once it is gone.
#include <cstdio>
#include <string>
#include <utility>

#include "interp/modules/weakref.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"

namespace tpy {

Value weakref_alloc_checked(Type* t, Value ob, Value callback);  // weakref_type.cpp

constinit Type weakproxy_type{&type_type, "weakref.ProxyType", sizeof(WeakRefObject),
                              kTypeDisallowInstantiation};
constinit Type weakcallableproxy_type{&type_type, "weakref.CallableProxyType",
                                      sizeof(WeakRefObject), kTypeDisallowInstantiation};

namespace {

bool is_proxy(Value v) {
  return v.is_object() && (type_of(v) == &weakproxy_type || type_of(v) == &weakcallableproxy_type);
}

// The referent, or null with ReferenceError pending.
Value live(Value proxy) {
  Value r = weakref_get(proxy);
  if (r.is_null())
    return raise_error(exc_ReferenceError, "weakly-referenced object no longer exists");
  return r;
}

// A proxy operand becomes its referent (null with the error pending if dead).
Value unwrap(Value v) { return is_proxy(v) ? live(v) : v; }

Value p_getattr(Value self, Value name) {
  Value o = live(self);
  return o.is_null() ? o : getattr(o, name);
}

int p_setattr(Value self, Value name, Value v) {
  Value o = live(self);
  return o.is_null() ? -1 : setattr(o, name, v);
}

Value p_str(Value self) {
  Value o = live(self);
  return o.is_null() ? o : object_str(o);
}

Value p_repr(Value self) {
  char a[32], b[32];
  Value r = weakref_get(self);
  std::snprintf(a, sizeof a, "%p", static_cast<void*>(self.as_object()));
  if (r.is_null()) return str_from_utf8(std::string("<weakproxy at ") + a + "; dead>");
  std::snprintf(b, sizeof b, "%p", static_cast<void*>(r.as_object()));
  return str_from_utf8(std::string("<weakproxy at ") + a + "; to '" + type_of(r)->c_name() +
                       "' at " + b + ">");
}

Value p_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value o = live(self);
  return o.is_null() ? o : call(o, args, nargs, kwnames);
}

Value p_richcompare(Value a, Value b, CompareOp op) {
  Value x = unwrap(a);
  if (x.is_null()) return x;
  Value y = unwrap(b);
  if (y.is_null()) return y;
  return compare(x, y, op);
}

int p_bool(Value self) {
  Value o = live(self);
  return o.is_null() ? -1 : object_truthy(o);
}

int64_t p_len(Value self) {
  Value o = live(self);
  return o.is_null() ? -1 : object_length(o);
}

Value p_getitem(Value self, Value key) {
  Value o = live(self);
  return o.is_null() ? o : getitem(o, key);
}

int p_setitem(Value self, Value key, Value v) {
  Value o = live(self);
  if (o.is_null()) return -1;
  return v.is_null() ? delitem(o, key) : setitem(o, key, v);
}

int p_contains(Value self, Value item) {
  Value o = live(self);
  return o.is_null() ? -1 : contains(o, item);
}

Value p_iter(Value self) {
  Value o = live(self);
  return o.is_null() ? o : get_iter(o);
}

Value p_iternext(Value self) {
  Value o = live(self);
  if (o.is_null()) return o;
  UnaryFn next = type_of(o)->slots.iternext;
  if (!next)
    return raise_format(exc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                        type_of(o)->c_name());
  return next(o);
}

int64_t p_hash(Value self) {
  raise_format(exc_TypeError, "unhashable type: '%s'", type_of(self)->c_name());
  return -1;
}

template <BinOp op>
Value p_binop(Value a, Value b) {
  Value x = unwrap(a);
  if (x.is_null()) return x;
  Value y = unwrap(b);
  if (y.is_null()) return y;
  return binary_op(x, y, op);
}

Value p_power(Value a, Value b, Value c) {
  Value x = unwrap(a);
  if (x.is_null()) return x;
  Value y = unwrap(b);
  if (y.is_null()) return y;
  return power(x, y, c);
}

template <Value (*F)(Value)>
Value p_unary(Value self) {
  Value o = live(self);
  return o.is_null() ? o : F(o);
}

template <size_t... I>
void fill_binops(TypeSlots& s, std::index_sequence<I...>) {
  ((s.binop[I] = (static_cast<BinOp>(I) == BinOp::Power ||
                  static_cast<BinOp>(I) == BinOp::InplacePower)
                     ? nullptr
                     : &p_binop<static_cast<BinOp>(I)>),
   ...);
}

void fill(Type* t) {
  TypeSlots& s = t->slots;
  s.getattro = p_getattr;
  s.setattro = p_setattr;
  s.str = p_str;
  s.repr = p_repr;
  s.richcompare = p_richcompare;
  s.bool_ = p_bool;
  s.len = p_len;
  s.getitem = p_getitem;
  s.setitem = p_setitem;
  s.contains = p_contains;
  s.iter = p_iter;
  s.iternext = p_iternext;
  s.hash = p_hash;
  fill_binops(s, std::make_index_sequence<kNumBinOps>{});
  s.power = p_power;
  s.neg = p_unary<unary_neg>;
  s.pos = p_unary<unary_pos>;
  s.abs = p_unary<number_abs>;
  s.invert = p_unary<unary_invert>;
  s.index = p_unary<number_index>;
  s.int_ = p_unary<number_long>;
  s.float_ = p_unary<number_float>;
  s.trace = weakproxy_type.slots.trace;
}

void proxy_trace(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<WeakRefObject*>(self)->callback, ctx);
}

}  // namespace

Value weakref_proxy_new(Value ob, Value callback) {
  int c = is_callable(ob);
  return weakref_alloc_checked(c ? &weakcallableproxy_type : &weakproxy_type, ob, callback);
}

bool init_weakref_proxy_types() {
  if (weakproxy_type.has_flag(kTypeReady)) return true;
  weakproxy_type.slots.trace = proxy_trace;
  fill(&weakproxy_type);
  fill(&weakcallableproxy_type);
  weakcallableproxy_type.slots.call = p_call;
  type_init(&weakproxy_type, &object_type, TypeDefs{});
  type_init(&weakcallableproxy_type, &object_type, TypeDefs{});
  return !error_occurred();
}

}  // namespace tpy
