// gc/sweep.cpp -- Sweeping pages and large objects after marking (see docs/internals/gc.md).
//
// A freed cell is zeroed, because gc::alloc hands out cells without clearing them and a null
// type word is how find_object and the heap walks tell free cells from objects; under ASan
// it is poisoned again, so a use after free is reported. A page left without live cells goes
// back to the OS (MADV_DONTNEED), so RSS falls after garbage dies; a page with free cells is
// queued for its class's allocator, which carves its free runs into bump ranges.
#include "gc/sweep.h"

#include <cstdlib>
#include <cstring>

#include "gc/heap_internal.h"
#include "interp/objects/type.h"

namespace tpy::gc {

namespace {

bool swept_page(const PageInfo& info, bool young) {
  return info.kind == PageKind::kSmall && (!young || info.young);
}

template <class Fn>
void for_each_cell(bool young, Fn fn) {
  Heap& h = heap();
  size_t pages = h.used_pages();
  for (size_t i = 0; i < pages; i++) {
    const PageInfo& info = h.page_info(i);
    if (!swept_page(info, young)) continue;
    char* page = h.page_address(i);
    for (uint32_t k = 0; k < info.cell_count; k++)
      if (Object* o = live_cell(page + size_t{k} * info.cell_size)) fn(o);
  }
  for (const LargeObject& l : h.large()) fn(reinterpret_cast<Object*>(l.start));
}

bool unmarked(const Object* o) {
  return (o->gc_bits() & kGcMarked) == 0 && (o->gc_flags() & kGcFlagFrozen) == 0;
}

}  // namespace

void clear_marks() {
  for_each_cell(false, [](Object* o) {
    if ((o->gc_flags() & kGcFlagFrozen) == 0) o->set_gc_bits(0);
  });
}

void for_each_unmarked(bool young, void (*fn)(Object* o, void* ctx), void* ctx) {
  for_each_cell(young, [&](Object* o) {
    if (unmarked(o)) fn(o, ctx);
  });
}

void find_finalizable(bool young, std::vector<Object*>* out) {
  for_each_cell(young, [&](Object* o) {
    if (unmarked(o) && o->type()->slots.finalize != nullptr &&
        (o->gc_flags() & kGcFlagFinalized) == 0)
      out->push_back(o);
  });
}

SweepResult sweep(bool young) {
  Heap& h = heap();
  SweepResult r;
  size_t pages = h.used_pages();
  for (size_t i = 0; i < pages; i++) {
    PageInfo& info = h.page_info(i);
    if (!swept_page(info, young)) continue;
    char* page = h.page_address(i);
    uint32_t live = 0;
    for (uint32_t k = 0; k < info.cell_count; k++) {
      char* cell = page + size_t{k} * info.cell_size;
      Object* o = live_cell(cell);
      if (!o) continue;
      if (!unmarked(o)) {
        live++;
        continue;
      }
      std::memset(cell, 0, info.cell_size);
      TPY_ASAN_POISON(cell, info.cell_size);
      r.freed_objects++;
      r.freed_bytes += info.cell_size;
    }
    info.young = false;
    info.live = live;
    if (live == 0) h.release_page(i);
    else if (live < info.cell_count) h.queue_page(i);
  }
  size_t large_freed = 0;
  for (LargeObject& l : h.large()) {
    Object* o = reinterpret_cast<Object*>(l.start);
    if (!unmarked(o)) continue;
    r.freed_objects++;
    large_freed += l.size;
    std::free(o);
    l.start = 0;
  }
  if (large_freed) h.large_swept(large_freed);
  r.freed_bytes += large_freed;
  return r;
}

}  // namespace tpy::gc
