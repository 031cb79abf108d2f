// interp/objects/shape.cpp -- Shapes and instance attribute storage (see shape.h, instance.h).
#include "interp/objects/shape.h"

#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/instance.h"
#include "interp/objects/int.h"
#include "interp/objects/str.h"

namespace tpy {

namespace {

void shape_trace(Object* self, VisitFn visit, void* ctx) {
  auto* s = static_cast<ShapeObject*>(self);
  visit(&s->parent, ctx);
  visit(&s->name, ctx);
  visit(&s->transitions, ctx);
  visit(&s->index, ctx);
}

void attr_values_trace(Object* self, VisitFn visit, void* ctx) {
  auto* a = static_cast<AttrValues*>(self);
  for (int64_t i = 0; i < a->capacity; i++) visit(&a->items[i], ctx);
}

// Shapes with more names than this get a name -> index dict instead of a parent-chain walk.
constexpr int64_t kLinearLookup = 8;

ShapeObject* as_shape(Value v) { return static_cast<ShapeObject*>(v.as_object()); }

}  // namespace

constinit Type shape_type{&type_type, "shape", sizeof(ShapeObject), 0,
                          TypeSlots{.trace = shape_trace}};
constinit Type attr_values_type{&type_type, "attr_values", sizeof(AttrValues), 0,
                                TypeSlots{.trace = attr_values_trace}};

namespace {
constinit ShapeObject g_root_shape{&shape_type};
}  // namespace

Value shape_root() { return Value::from_object(&g_root_shape); }

int64_t shape_lookup(Value shape, Value name) {
  ShapeObject* s = as_shape(shape);
  if (s->size == 0) return -1;
  if (!s->index.is_null()) {
    Value i = dict_get_str(s->index, name);
    return i.is_null() ? -1 : i.as_int();
  }
  for (ShapeObject* p = s; p->size > 0; p = as_shape(p->parent))
    if (p->name == name) return p->size - 1;
  if (as_str(name)->interned()) return -1;
  for (ShapeObject* p = s; p->size > 0; p = as_shape(p->parent))
    if (str_equal(p->name, name)) return p->size - 1;
  return -1;
}

Value shape_name_at(Value shape, int64_t index) {
  ShapeObject* p = as_shape(shape);
  while (p->size > index + 1) p = as_shape(p->parent);
  return p->name;
}

Value shape_add(Value shape, Value name) {
  ShapeObject* s = as_shape(shape);
  if (!s->transitions.is_null()) {
    Value child = dict_get_str(s->transitions, name);
    if (!child.is_null()) return child;
  } else {
    Value d = dict_new();
    if (d.is_null()) return d;
    gc::store(s, &s->transitions, d);
  }
  auto* c = gc::alloc_as<ShapeObject>(&shape_type);
  if (c == nullptr) return raise_no_memory();
  gc::store(c, &c->parent, shape);
  gc::store(c, &c->name, name);
  c->size = s->size + 1;
  Value child = Value::from_object(c);
  if (c->size > kLinearLookup) {
    // Copy the parent's index (or build it from the chain) and add the new name.
    Value idx = s->index.is_null() ? dict_new() : dict_copy(s->index);
    if (idx.is_null()) return idx;
    if (s->index.is_null()) {
      for (ShapeObject* p = s; p->size > 0; p = as_shape(p->parent))
        if (dict_set(idx, p->name, Value::from_int(p->size - 1)) < 0) return Value();
    }
    if (dict_set(idx, name, Value::from_int(c->size - 1)) < 0) return Value();
    gc::store(c, &c->index, idx);
  }
  if (dict_set(s->transitions, name, child) < 0) return Value();
  return child;
}

// -- Instance attributes ---------------------------------------------------------------------------

InstanceAttrs* instance_attrs_at_end(Object* o) {
  size_t size = gc::cell_size(o);
  return reinterpret_cast<InstanceAttrs*>(reinterpret_cast<char*>(o) + size - sizeof(InstanceAttrs));
}

void instance_init_attrs(Object* o) {
  InstanceAttrs* a = instance_attrs(o);
  if (a != nullptr && a->dict.is_null() && a->shape.is_null()) gc::store(o, &a->shape, shape_root());
}

Value instance_get_attr(Object* o, Value name) {
  InstanceAttrs* a = instance_attrs(o);
  if (a == nullptr) return Value();
  if (!a->dict.is_null()) return is_exact_str(name) ? dict_get_str(a->dict, name) : dict_get(a->dict, name);
  if (a->shape.is_null()) return Value();
  int64_t i = shape_lookup(a->shape, name);
  if (i < 0) return Value();
  return static_cast<AttrValues*>(a->values.as_object())->items[i];
}

namespace {

// Moves an instance to dict mode (its attributes copied in shape order).
Value to_dict_mode(Object* o, InstanceAttrs* a) {
  Value d = dict_new();
  if (d.is_null()) return d;
  if (!a->shape.is_null()) {
    int64_t n = shape_size(a->shape);
    if (n > 0) {
      // Collect names root-first so the dict keeps insertion order.
      Value names[kMaxShapeSize + 1];
      for (ShapeObject* p = as_shape(a->shape); p->size > 0; p = as_shape(p->parent))
        names[p->size - 1] = p->name;
      Value* items = static_cast<AttrValues*>(a->values.as_object())->items;
      for (int64_t i = 0; i < n; i++)
        if (dict_set(d, names[i], items[i]) < 0) return Value();
    }
  }
  gc::store(o, &a->dict, d);
  a->shape = Value();
  a->values = Value();
  return d;
}

}  // namespace

int instance_add_attr(Object* o, Value name, Value v) {
  InstanceAttrs* a = instance_attrs(o);
  Value shape = a->shape.is_null() ? shape_root() : a->shape;
  if (shape_size(shape) >= kMaxShapeSize || !is_exact_str(name)) {
    Value d = to_dict_mode(o, a);
    if (d.is_null()) return -1;
    return dict_set(d, name, v);
  }
  Value iname = as_str(name)->interned() ? name : str_intern_value(name);
  if (iname.is_null()) return -1;
  Value child = shape_add(shape, iname);
  if (child.is_null()) return -1;
  int64_t idx = shape_size(child) - 1;
  auto* vals = a->values.is_null() ? nullptr : static_cast<AttrValues*>(a->values.as_object());
  if (vals == nullptr || vals->capacity <= idx) {
    int64_t cap = vals == nullptr ? 4 : vals->capacity * 2;
    auto* nv = gc::alloc_as<AttrValues>(&attr_values_type, cap * sizeof(Value));
    if (nv == nullptr) {
      raise_no_memory();
      return -1;
    }
    nv->capacity = cap;
    if (vals != nullptr) {
      std::memcpy(nv->items, vals->items, vals->capacity * sizeof(Value));
      gc::write_barrier_all(nv);
    }
    gc::store(o, &a->values, Value::from_object(nv));
    vals = nv;
  }
  gc::store(vals, &vals->items[idx], v);
  gc::store(o, &a->shape, child);
  return 0;
}

int instance_set_attr(Object* o, Value name, Value v) {
  InstanceAttrs* a = instance_attrs(o);
  if (a->dict.is_null()) {
    int64_t i = a->shape.is_null() ? -1 : shape_lookup(a->shape, name);
    if (v.is_null()) {
      if (i < 0) return 1;
      // Deletion gives the shape up (shapes only grow).
      if (to_dict_mode(o, a).is_null()) return -1;
    } else if (i >= 0) {
      auto* vals = static_cast<AttrValues*>(a->values.as_object());
      gc::store(vals, &vals->items[i], v);
      return 0;
    } else {
      return instance_add_attr(o, name, v);
    }
  }
  if (v.is_null()) {
    int r = dict_del(a->dict, name);
    return r < 0 ? -1 : (r == 0 ? 1 : 0);
  }
  return dict_set(a->dict, name, v);
}

Value instance_get_dict(Object* o) {
  InstanceAttrs* a = instance_attrs(o);
  if (!a->dict.is_null()) return a->dict;
  return to_dict_mode(o, a);
}

int instance_set_dict(Object* o, Value d) {
  if (d.is_null()) {
    raise_error(exc_TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!is_dict(d)) {
    raise_format(exc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                 type_of(d)->c_name());
    return -1;
  }
  InstanceAttrs* a = instance_attrs(o);
  gc::store(o, &a->dict, d);
  a->shape = Value();
  a->values = Value();
  return 0;
}

void instance_trace_attrs(Object* o, VisitFn visit, void* ctx) {
  InstanceAttrs* a = instance_attrs(o);
  if (a == nullptr) return;
  visit(&a->shape, ctx);
  visit(&a->values, ctx);
  visit(&a->dict, ctx);
}

}  // namespace tpy
