// gc/mark.cpp -- Marking: the mark stack, tracing through each type's trace function.
#include "gc/mark.h"

#include <mutex>

#include "gc/heap_internal.h"
#include "interp/objects/type.h"

namespace tpy::gc {

namespace {

// The header byte of a cell that may have been freed by an earlier collection (a stale
// Value left above a frame's stack top): a plain load, since the cell may be poisoned.
[[gnu::no_sanitize_address]] bool cell_is_free(const Object* o) {
  return *reinterpret_cast<const uintptr_t*>(o) == 0;
}

}  // namespace

void Marker::mark_object(Object* o) {
  if (o->is_static()) {
    if (o->gc_bits() & kGcStaticSeen) return;
    o->set_gc_bits(o->gc_bits() | kGcStaticSeen);
    m_statics.push_back(o);
    m_stack.push_back(o);
    return;
  }
  if (cell_is_free(o)) return;
  uint8_t bits = o->gc_bits();
  if (bits & kGcMarked) return;
  o->set_gc_bits(bits | kGcMarked);
  m_marked++;
  if (m_record) m_record->push_back(o);
  m_stack.push_back(o);
}

void Marker::scan_word(uintptr_t w) {
  Heap& h = heap();
  auto* p = reinterpret_cast<const void*>(w);
  if (h.in_small_pages(p)) {
    char* page;
    const PageInfo& info = h.page_of(p, &page);
    if (info.kind != PageKind::kSmall) return;
    size_t index = (w - reinterpret_cast<uintptr_t>(page)) / info.cell_size;
    if (index >= info.cell_count) return;
    if (Object* o = live_cell(page + index * info.cell_size)) mark_object(o);
    return;
  }
  if (!h.maybe_large(p)) return;
  const LargeObject* l;
  {
    std::lock_guard<std::mutex> lock(h.mutex());
    l = h.find_large_locked(p);
  }
  if (l) mark_object(reinterpret_cast<Object*>(l->start));
}

// Stacks hold ASan redzones and uninitialised words: read them without instrumentation.
[[gnu::no_sanitize_address]] void Marker::scan_conservative(const void* begin, const void* end) {
  auto a = (reinterpret_cast<uintptr_t>(begin) + sizeof(uintptr_t) - 1) & ~(sizeof(uintptr_t) - 1);
  auto e = reinterpret_cast<uintptr_t>(end);
  for (; a + sizeof(uintptr_t) <= e; a += sizeof(uintptr_t))
    scan_word(*reinterpret_cast<const uintptr_t*>(a));
}

void Marker::trace_children(Object* o) {
  Type* t = o->type();
  mark_object(t);
  if (t->slots.trace) t->slots.trace(o, visit, this);
}

void Marker::drain() {
  while (!m_stack.empty()) {
    Object* o = m_stack.back();
    m_stack.pop_back();
    trace_children(o);
  }
}

void Marker::finish() {
  for (Object* o : m_statics) o->set_gc_bits(o->gc_bits() & ~kGcStaticSeen);
  m_statics.clear();
}

}  // namespace tpy::gc
