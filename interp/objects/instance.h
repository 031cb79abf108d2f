// interp/objects/instance.h -- Instance attributes of classes: a shape and a slot array, or a dict.
//
// An instance of a type with kTypeHasDict keeps an InstanceAttrs block at byte offset
// type->m_attrs_offset. The block is in one of three states:
//
//   fresh       shape null, values null, dict null: no attribute yet (same as the root shape)
//   shape mode  shape = a ShapeObject (shape.h); values = an AttrValues array with at least
//               shape.size items; the value of the attribute at index i is values->items[i]
//               (never null for i < size)
//   dict mode   dict = a dict; shape null. The dict is the storage from then on.
//
// Dict mode is entered when `__dict__` is asked for (the dict escapes: as PyPy's maps do, tpy
// then gives up the shape rather than keeping a live dict view over the slots in sync), when
// an attribute is deleted, when a non-str key would be stored, or when the shape passes
// kMaxShapeSize names. It is never left. An instance created by object.__new__ starts in
// shape mode on the root shape, so caches can hit from its first attribute store.
//
// For the interpreter's inline caches (LOAD_ATTR_INSTANCE_VALUE / STORE_ATTR_INSTANCE_VALUE)
// and the JIT's guards:
//   - guard: type(obj)->m_version == cached version (type_version(); a change of any class in
//     the MRO changes it, see type.h) and instance_shape(obj) == cached shape (a non-null
//     shape pointer; a null shape -- fresh or dict mode -- never matches a cache);
//   - then the value is instance_slots(obj)[cached index] (shape_lookup(shape, name) at cache
//     fill time). A load must also check the type has no data descriptor of that name
//     (type_lookup at fill time; the version guard keeps it true). For a store to an existing
//     attribute the slot is overwritten (with gc::store on instance_values_object(obj)); a store
//     that adds an attribute goes through instance_add_attr (the cache may remember the
//     resulting shape transition, (shape, name) -> child, which never changes).
#pragma once

#include <cstdint>

#include "interp/objects/shape.h"
#include "interp/objects/type.h"

namespace tpy {

extern constinit Type attr_values_type;  // internal: the slot array

class AttrValues : public Object {
 public:
  int64_t capacity;
  int64_t pad_;
  Value items[];
};

struct InstanceAttrs {
  Value shape;   // ShapeObject or null
  Value values;  // AttrValues or null
  Value dict;    // dict, or null
  Value pad_;
};

// m_attrs_offset of subclasses of variable-size built-ins (str, tuple, bytes): their items
// start right after the base's header, so the block lives in the last bytes of the object's
// cell instead (the allocation of basicsize + items leaves them free, as CPython's negative
// tp_dictoffset does).
constexpr uint32_t kAttrsAtCellEnd = 0xFFFFFFFFu;
InstanceAttrs* instance_attrs_at_end(Object* o);

inline InstanceAttrs* instance_attrs(Object* o) {
  uint32_t off = o->type()->m_attrs_offset;
  if (off == 0) return nullptr;
  if (off == kAttrsAtCellEnd) [[unlikely]] return instance_attrs_at_end(o);
  return reinterpret_cast<InstanceAttrs*>(reinterpret_cast<char*>(o) + off);
}
inline InstanceAttrs* instance_attrs(Value v) {
  return v.is_object() ? instance_attrs(v.as_object()) : nullptr;
}
// The shape pointer caches compare (null: not cacheable).
inline Value instance_shape(Object* o) {
  InstanceAttrs* a = instance_attrs(o);
  return a ? a->shape : Value();
}
inline Value* instance_slots(Object* o) {
  return static_cast<AttrValues*>(instance_attrs(o)->values.as_object())->items;
}
inline Object* instance_values_object(Object* o) { return instance_attrs(o)->values.as_object(); }

// Puts a fresh instance on the root shape (object.__new__ and other allocators of heap types).
void instance_init_attrs(Object* o);
// The attribute [name] (a str) of the instance, or null without an exception when missing.
Value instance_get_attr(Object* o, Value name);
// Sets (v non-null) or deletes (v null) an attribute. 0 on success; 1 when deleting a missing
// name (the caller words the AttributeError); -1 with an exception pending (MemoryError or a
// failing __eq__ in dict mode).
int instance_set_attr(Object* o, Value name, Value v);
// Adds [name] (not present) in shape mode: the slow half of a caching STORE_ATTR.
int instance_add_attr(Object* o, Value name, Value v);
// `obj.__dict__`: materialises the dict (switching to dict mode). null on MemoryError.
Value instance_get_dict(Object* o);
// `obj.__dict__ = d` ("__dict__ must be set to a dictionary, not a 'int'").
int instance_set_dict(Object* o, Value d);
// The collector's view of the block (heap types' trace functions call it).
void instance_trace_attrs(Object* o, VisitFn visit, void* ctx);

}  // namespace tpy
