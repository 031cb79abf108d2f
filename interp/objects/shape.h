// interp/objects/shape.h -- Shapes (hidden classes, PyPy's maps): attribute name -> slot index.
//
// A shape describes the attribute layout of instances: the names they have and at which index
// of their slot array each value lives. Shapes form a transition tree rooted at the empty
// shape: adding attribute `x` to an instance of shape S moves it to S's child for `x`
// (created once, then shared), so instances built by the same code share one shape, and a
// cache keyed on the shape pointer knows the index of a name without any lookup.
//
// Shapes are immutable once made and never die while an instance or a child uses them (they
// are GC objects). Names are interned strs, compared by identity on the fast path.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type shape_type;  // internal; not visible from Python

class ShapeObject : public Object {
 public:
  constexpr explicit ShapeObject(Type* t) : Object(t) {}  // the static root only
  Value parent;       // the shape this one extends, null for the root
  Value name;         // the attribute this transition added (interned str), null for the root
  int64_t size = 0;   // attributes in the shape: they use slot indices 0 .. size-1
  Value transitions;  // dict: name -> child shape, or null until the first transition
  Value index;        // dict: name -> slot index, built when a shape grows past a few names
  int64_t pad_ = 0;
};

// The empty shape (a process-wide root).
Value shape_root();
// The slot index of [name] (a str) in [shape], or -1. Never fails.
int64_t shape_lookup(Value shape, Value name);
// The child of [shape] with [name] (interned str) added at index shape.size; null with
// MemoryError pending.
Value shape_add(Value shape, Value name);
inline int64_t shape_size(Value shape) {
  return static_cast<ShapeObject*>(shape.as_object())->size;
}
// The name at slot [index] of [shape] (index < size).
Value shape_name_at(Value shape, int64_t index);

// Instances whose shapes grow past this many attributes switch to a dict (instance.h).
constexpr int64_t kMaxShapeSize = 64;

}  // namespace tpy
