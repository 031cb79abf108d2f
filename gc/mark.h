// gc/mark.h -- The marker: an explicit mark stack, precise and conservative marking.
//
// See docs/internals/gc.md. Marking never recurses on the native stack (a ten-million-element
// linked list is one loop over the mark stack). A heap object is marked by setting kGcMarked
// in its header; static objects (built-in types) are never marked but traced once per
// collection (kGcStaticSeen, cleared by finish()).
#pragma once

#include <cstddef>
#include <vector>

#include "interp/objects/value.h"

namespace tpy::gc {

class Marker {
 public:
  // A Value field of a traced object or a root slot (null and small ints are skipped).
  void mark_value(Value v) {
    if (v.is_object()) mark_object(v.as_object());
  }
  void mark_object(Object* o);
  // Every word of [begin, end) that points into a live object (interior pointers included).
  void scan_conservative(const void* begin, const void* end);
  void scan_word(uintptr_t w);
  // Traces the children of [o] (an old object of the remembered set) without marking it.
  void trace_children(Object* o);
  // Empties the mark stack, tracing every object on it.
  void drain();
  // Clears the static objects' seen bits.
  void finish();

  // The VisitFn of trace functions; ctx is the Marker.
  static void visit(Value* slot, void* ctx) { static_cast<Marker*>(ctx)->mark_value(*slot); }

  size_t marked_objects() const { return m_marked; }
  // While set, every heap object marked is also appended to *record.
  void record_marked(std::vector<Object*>* record) { m_record = record; }

 private:
  std::vector<Object*>* m_record = nullptr;
  std::vector<Object*> m_stack;
  std::vector<Object*> m_statics;
  size_t m_marked = 0;
};

}  // namespace tpy::gc
