// interp/objects/tuple.cpp -- tuple storage: allocation, the shared empty tuple, the C++ tuple API.
#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

void trace_tuple(Object* self, VisitFn visit, void* ctx) {
  auto* t = static_cast<TupleObject*>(self);
  for (int64_t i = 0; i < t->length; i++) visit(&t->items[i], ctx);
}

constexpr Type make_tuple_type() {
  Type t(&type_type, "tuple", sizeof(TupleObject),
         kTypeBaseType | kTypeImmutable | kTypeTupleSubclass | kTypeSequence);
  t.m_itemsize = sizeof(Value);
  t.slots.trace = trace_tuple;
  return t;
}

}  // namespace

constinit Type tuple_type = make_tuple_type();

// The one empty tuple (static, like CPython's singleton): `() is ()`.
// A TupleObject with no items: a class of its own because a constant initializer cannot
// leave TupleObject's flexible item array uninitialised.
namespace {
class EmptyTuple : public Object {
 public:
  constexpr explicit EmptyTuple(Type* t) : Object(t) {}
  int64_t length = 0;
  int64_t hash_cache = 0;
};
static_assert(sizeof(EmptyTuple) == sizeof(TupleObject));
constinit EmptyTuple empty_tuple_object{&tuple_type};
}  // namespace

Value tuple_empty() { return Value::from_object(&empty_tuple_object); }

Value tuple_new(int64_t n) {
  if (n == 0) return tuple_empty();
  if (n < 0 || static_cast<uint64_t>(n) > (uint64_t{1} << 59)) return raise_no_memory();
  auto* t = gc::alloc_as<TupleObject>(&tuple_type, static_cast<size_t>(n) * sizeof(Value));
  if (t == nullptr) return raise_no_memory();
  t->length = n;
  return Value::from_object(t);
}

void tuple_init_item(Value t, int64_t i, Value v) {
  TupleObject* o = as_tuple(t);
  gc::store(o, &o->items[i], v);
}

Value tuple_from_array(const Value* items, int64_t n) {
  Value t = tuple_new(n);
  if (t.is_null() || n == 0) return t;
  std::memcpy(static_cast<void*>(as_tuple(t)->items), items, static_cast<size_t>(n) * sizeof(Value));
  gc::write_barrier_all(as_tuple(t));
  return t;
}

Value tuple_pack(std::initializer_list<Value> items) {
  return tuple_from_array(items.begin(), static_cast<int64_t>(items.size()));
}

Value tuple_slice(Value t, int64_t start, int64_t stop) {
  int64_t n = tuple_length(t);
  if (start < 0) start = 0;
  if (stop > n) stop = n;
  if (stop <= start) return tuple_empty();
  if (start == 0 && stop == n && is_exact_tuple(t)) return t;
  return tuple_from_array(as_tuple(t)->items + start, stop - start);
}

Value tuple_from_iterable(Value iterable) {
  if (is_exact_tuple(iterable)) return iterable;
  if (is_exact_list(iterable)) return list_as_tuple(iterable);
  Value l = list_from_iterable(iterable);
  if (l.is_null()) return l;
  return list_as_tuple(l);
}

}  // namespace tpy
