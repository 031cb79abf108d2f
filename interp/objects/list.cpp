// interp/objects/list.cpp -- list storage: the item buffer, growth policy and the C++ list API.
//
// Growth follows CPython 3.11's list_resize (capacity = n + n/8 + 6 rounded to 4, shrink when
// below half), so sys.getsizeof-visible capacities and amortised costs match.
#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/list_internal.h"
#include "interp/objects/tuple.h"
#include "interp/objects/value_array.h"

namespace tpy {

namespace {

void trace_value_array(Object* self, VisitFn visit, void* ctx) {
  auto* a = static_cast<ValueArray*>(self);
  for (int64_t i = 0; i < a->length; i++) visit(&a->items[i], ctx);
}

constexpr Type make_value_array_type() {
  Type t(&type_type, "value_array", sizeof(ValueArray), 0);
  t.slots.trace = trace_value_array;
  return t;
}

}  // namespace

constinit Type value_array_type = make_value_array_type();

namespace {

// A list's items are traced through its ValueArray.
void trace_list(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<ListObject*>(self)->items_owner, ctx);
}

constexpr Type make_list_type() {
  Type t(&type_type, "list", sizeof(ListObject),
         kTypeBaseType | kTypeImmutable | kTypeListSubclass | kTypeSequence);
  t.slots.trace = trace_list;
  return t;
}

}  // namespace

constinit Type list_type = make_list_type();

ValueArray* value_array_new(int64_t n) {
  if (n < 0 || static_cast<uint64_t>(n) > (uint64_t{1} << 59)) {
    raise_no_memory();
    return nullptr;
  }
  auto* a = gc::alloc_as<ValueArray>(&value_array_type, static_cast<size_t>(n) * sizeof(Value));
  if (a == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  a->length = n;
  return a;
}

namespace list_detail {

bool set_capacity(ListObject* l, int64_t capacity) {
  if (capacity == 0) {
    l->items = nullptr;
    gc::store(l, &l->items_owner, Value());
    l->capacity = 0;
    return true;
  }
  ValueArray* a = value_array_new(capacity);
  if (a == nullptr) return false;
  int64_t keep = l->length < capacity ? l->length : capacity;
  if (keep > 0) {
    std::memcpy(static_cast<void*>(a->items), l->items, static_cast<size_t>(keep) * sizeof(Value));
    gc::write_barrier_all(a);
  }
  l->items = a->items;
  gc::store(l, &l->items_owner, Value::from_object(a));
  l->capacity = capacity;
  return true;
}

bool resize(ListObject* l, int64_t newsize) {
  int64_t allocated = l->capacity;
  if (allocated >= newsize && newsize >= (allocated >> 1)) {
    for (int64_t i = newsize; i < l->length; i++) l->items[i] = Value();
    l->length = newsize;
    return true;
  }
  uint64_t new_allocated =
      (static_cast<uint64_t>(newsize) + (static_cast<uint64_t>(newsize) >> 3) + 6) & ~uint64_t{3};
  if (newsize - l->length > static_cast<int64_t>(new_allocated) - newsize)
    new_allocated = (static_cast<uint64_t>(newsize) + 3) & ~uint64_t{3};
  if (newsize == 0) new_allocated = 0;
  if (newsize < l->length) {
    for (int64_t i = newsize; i < l->length; i++) l->items[i] = Value();
    l->length = newsize;
  }
  if (!set_capacity(l, static_cast<int64_t>(new_allocated))) return false;
  l->length = newsize;
  return true;
}

int append_slow(ListObject* l, Value v) {
  int64_t n = l->length;
  if (!resize(l, n + 1)) return -1;
  gc::store(l->items_owner.as_object(), &l->items[n], v);
  return 0;
}

}  // namespace list_detail

Value list_new(int64_t capacity) {
  auto* l = gc::alloc_as<ListObject>(&list_type);
  if (l == nullptr) return raise_no_memory();
  if (capacity > 0 && !list_detail::set_capacity(l, capacity)) return Value();
  return Value::from_object(l);
}

Value list_from_array(const Value* items, int64_t n) {
  Value lv = list_new(n);
  if (lv.is_null() || n == 0) return lv;
  ListObject* l = as_list(lv);
  std::memcpy(static_cast<void*>(l->items), items, static_cast<size_t>(n) * sizeof(Value));
  gc::write_barrier_all(l->items_owner.as_object());
  l->length = n;
  return lv;
}

int list_append(Value lv, Value v) { return list_detail::append(as_list(lv), v); }

void list_set_item(Value lv, int64_t i, Value v) {
  ListObject* l = as_list(lv);
  gc::store(l->items_owner.as_object(), &l->items[i], v);
}

int list_extend(Value lv, Value iterable) {
  ListObject* l = as_list(lv);
  if (is_exact_list(iterable) || is_exact_tuple(iterable)) {
    // Snapshot the source first: l.extend(l) doubles the list.
    bool is_l = is_exact_list(iterable);
    int64_t n = is_l ? list_length(iterable) : tuple_length(iterable);
    if (n == 0) return 0;
    int64_t old = l->length;
    if (!list_detail::resize(l, old + n)) return -1;
    const Value* src = is_l ? as_list(iterable)->items : as_tuple(iterable)->items;
    std::memmove(static_cast<void*>(l->items + old), src, static_cast<size_t>(n) * sizeof(Value));
    gc::write_barrier_all(l->items_owner.as_object());
    return 0;
  }
  Value it = get_iter(iterable);
  if (it.is_null()) return -1;
  UnaryFn next = type_of(it)->slots.iternext;
  for (;;) {
    Value item = next ? next(it) : iter_next(it);
    if (item.is_null()) {
      if (error_occurred()) {
        if (!error_matches(exc_StopIteration)) return -1;
        clear_exception();
      }
      return 0;
    }
    if (list_detail::append(l, item) < 0) return -1;
  }
}

Value list_from_iterable(Value iterable) {
  Value l = list_new();
  if (l.is_null()) return l;
  if (list_extend(l, iterable) < 0) return Value();
  return l;
}

Value list_as_tuple(Value lv) {
  ListObject* l = as_list(lv);
  return tuple_from_array(l->items, l->length);
}

}  // namespace tpy
