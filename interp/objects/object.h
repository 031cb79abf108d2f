// interp/objects/object.h -- Object: the 16-byte header every heap and static object starts with.
//
// See docs/internals/objects.md. Layout of the header:
//
//   offset size field        owner        meaning
//   0      8    m_type       object model the Python type, type(x); non-null in every live object
//   8      1    m_gc_bits    collector    mark bits (sticky marks) and the remembered bit
//   9      1    m_gc_flags   collector    static object, finalizer state, has weakrefs, ...
//   10     2    m_lock       threading    reserved for the per-object lock of `-X gil=free`
//   12     4    m_aux        the type     32 bits each type may use (a big int's signed size)
//
// The type pointer is a whole word so that `type(x) is T` -- what every inline cache and trace
// guard checks -- is one load and one compare, with no masking. The collector's byte holds
// the mark bit issue 4 needs (it may also keep side bitmaps per page: the byte stays either
// way), and m_aux gives the 16 bytes back to the types that need a small count, so a big
// int is header + limbs and a float is header + double (32 bytes, as a CPython float).
//
// Heap objects are never constructed: gc::alloc returns zeroed memory with m_type set, and
// the type's own code fills the payload. Static objects (built-in types, None, True...) are
// C++ objects built through the constexpr constructor below, which flags them as static.
#pragma once

#include <cstdint>

namespace tpy {

class Type;  // interp/objects/type.h

namespace gc {
struct HeaderAccess;  // gc/heap.h: the allocator writes headers of fresh cells
}

class alignas(16) Object {
 public:
  // m_gc_flags bits (collector-owned; issue 4 adds finalizer and weakref bits).
  static constexpr uint8_t kGcFlagStatic = 1 << 0;  // not in the GC heap: never swept

  Type* type() const { return m_type; }
  bool is_static() const { return (m_gc_flags & kGcFlagStatic) != 0; }

  // -- Collector-owned bytes (gc/ reads and writes them; nothing else should) ---------------------
  uint8_t gc_bits() const { return m_gc_bits; }
  void set_gc_bits(uint8_t bits) { m_gc_bits = bits; }
  uint8_t gc_flags() const { return m_gc_flags; }
  void set_gc_flags(uint8_t flags) { m_gc_flags = flags; }

 protected:
  // For static objects only (heap objects come from gc::alloc).
  constexpr explicit Object(Type* type) : m_type(type), m_gc_flags(kGcFlagStatic) {}

  // The type-owned 32 bits.
  int32_t aux() const { return m_aux; }
  void set_aux(int32_t v) { m_aux = v; }

 private:
  friend struct gc::HeaderAccess;

  Type* m_type = nullptr;
  uint8_t m_gc_bits = 0;
  uint8_t m_gc_flags = 0;
  uint16_t m_lock = 0;
  int32_t m_aux = 0;
};

static_assert(sizeof(Object) == 16, "the object header is two words");
static_assert(alignof(Object) == 16, "objects are 16-byte aligned: Value tags use bits 3..0");

}  // namespace tpy
