// gc/heap.cpp -- The GC heap's memory: reserved range, page table, bump ranges, large objects.
//
// See docs/internals/gc.md. Small objects live on kPageSize pages carved in order from one
// range of address space reserved at the first allocation (MAP_NORESERVE: only touched pages
// cost memory), so "is this word a heap pointer?" -- the question the conservative stack scan
// asks of every word -- is a range check plus one page-table load. A page belongs to one size
// class and its metadata lives out of line in the page table, so the whole page is cells.
// After a sweep, a page's free cells are handed out again as bump ranges (runs of adjacent
// free cells), so the inline fast path of gc::alloc never changes. Large objects come from the
// process allocator (jemalloc) and are kept in an address-sorted table, as JavaScriptCore
// keeps its precise allocations.
#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>

#include "gc/collector_internal.h"
#include "gc/heap_internal.h"

namespace tpy::gc {

constinit thread_local LocalCache t_local_cache{};

namespace {

constexpr size_t kDefaultReserve = size_t{32} << 30;
constexpr size_t kMinReserve = size_t{1} << 30;
constexpr size_t kMaxObjectSize = size_t{1} << 40;

void* map_noreserve(size_t size) {
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

// Faults a fresh page in with one system call instead of one trap per 4 KiB as the bump
// pointer reaches it: on the project's VMs a first touch costs ~12 us per 4 KiB page lazily
// and ~3.5 us through MADV_POPULATE_WRITE. Kernels before 5.14 reject the advice; the page
// then faults in lazily.
void populate(char* page) { madvise(page, kPageSize, MADV_POPULATE_WRITE); }

// Registers the thread's cache with the collector on its first slow allocation, and takes
// it back when the thread exits (its unused cells are free cells; the sweep finds them).
struct CacheRegistration {
  bool registered = false;
  ~CacheRegistration() {
    if (!registered) return;
    std::lock_guard<std::mutex> lock(heap().mutex());
    unregister_local_cache(&t_local_cache);
  }
};
thread_local CacheRegistration t_cache_registration;

}  // namespace

Heap& heap() {
  static Heap* h = new Heap();
  return *h;
}

// -- Small-object pages ---------------------------------------------------------------------------

void Heap::reserve() {
  for (size_t size = kDefaultReserve; size >= kMinReserve; size /= 2) {
    void* raw = map_noreserve(size + kPageSize);
    if (!raw) continue;
    void* table = map_noreserve(size / kPageSize * sizeof(PageInfo));
    if (!table) {
      munmap(raw, size + kPageSize);
      continue;
    }
    uintptr_t base = (reinterpret_cast<uintptr_t>(raw) + kPageSize - 1) & ~(kPageSize - 1);
    m_pages = static_cast<PageInfo*>(table);
    m_reserved = size;
    m_base.store(base, std::memory_order_release);
    return;
  }
  fatal(__FILE__, __LINE__, "cannot reserve address space for the GC heap");
}

void Heap::format_page(size_t i, unsigned cls, bool resident) {
  uint32_t cell = kClassSizes[cls];
  m_pages[i] = {cell, static_cast<uint32_t>(kPageSize / cell), PageKind::kSmall,
                static_cast<uint8_t>(cls), true, false, 0};
  m_pages_in_use++;
  char* page = page_address(i);
  if (!resident) populate(page);
  TPY_ASAN_POISON(page, kPageSize);
}

// A page for size class [cls]: a recycled empty one (resident ones first: faulting a page in
// again costs more than anything else the allocator does), else the next one of the
// reserved range; null when the range is used up.
char* Heap::fresh_page(unsigned cls) {
  size_t i;
  bool resident = false;
  if (!m_clean_pages.empty()) {
    i = m_clean_pages.back();
    m_clean_pages.pop_back();
    resident = true;
  } else if (!m_free_pages.empty()) {
    i = m_free_pages.back();
    m_free_pages.pop_back();
  } else {
    if (m_base.load(std::memory_order_relaxed) == 0) reserve();
    size_t used = m_used_bytes.load(std::memory_order_relaxed);
    if (used == m_reserved) return nullptr;
    i = used / kPageSize;
    m_used_bytes.store(used + kPageSize, std::memory_order_release);
  }
  format_page(i, cls, resident);
  return page_address(i);
}

// The next run of free cells in the partly used pages of [cls].
bool Heap::next_run(unsigned cls, size_t max_cells, BumpRange* out) {
  for (;;) {
    int64_t pi = m_cursor_page[cls];
    if (pi < 0) {
      if (m_partial[cls].empty()) return false;
      pi = m_partial[cls].back();
      m_partial[cls].pop_back();
      // A stale entry: the page was released (and maybe reformatted for another class)
      // or queued twice since it was pushed.
      PageInfo& p = m_pages[pi];
      if (!p.queued || p.kind != PageKind::kSmall || p.size_class != cls) continue;
      p.queued = false;
      m_cursor_page[cls] = pi;
      m_cursor_cell[cls] = 0;
    }
    PageInfo& info = m_pages[pi];
    char* page = page_address(static_cast<size_t>(pi));
    uint32_t k = m_cursor_cell[cls];
    while (k < info.cell_count && live_cell(page + size_t{k} * info.cell_size)) k++;
    uint32_t start = k;
    while (k < info.cell_count && k - start < max_cells &&
           !live_cell(page + size_t{k} * info.cell_size))
      k++;
    m_cursor_cell[cls] = k;
    if (k == info.cell_count) m_cursor_page[cls] = -1;
    if (k > start) {
      info.young = true;
      out->cur = page + size_t{start} * info.cell_size;
      out->end = page + size_t{k} * info.cell_size;
      return true;
    }
  }
}

bool Heap::refill(unsigned cls, size_t max_cells, BumpRange* out) {
  if (next_run(cls, max_cells, out)) return true;
  char* page = fresh_page(cls);
  if (!page) return false;
  size_t cell = kClassSizes[cls];
  size_t cells = std::min(kPageSize / cell, max_cells);
  out->cur = page;
  out->end = page + cells * cell;
  if (cells < kPageSize / cell) {
    // The rest of the page is found again as a run of free cells.
    size_t i = (reinterpret_cast<uintptr_t>(page) - m_base.load()) / kPageSize;
    m_cursor_page[cls] = static_cast<int64_t>(i);
    m_cursor_cell[cls] = static_cast<uint32_t>(cells);
  }
  return true;
}

void Heap::release_page(size_t i) {
  m_pages[i].kind = PageKind::kEmpty;
  m_pages[i].queued = false;
  m_pages[i].young = false;
  m_pages[i].live = 0;
  m_pages_in_use--;
  m_clean_pages.push_back(static_cast<uint32_t>(i));
}

void Heap::trim_empty_pages(size_t keep) {
  while (m_clean_pages.size() > keep) {
    size_t i = m_clean_pages.back();
    m_clean_pages.pop_back();
    char* page = page_address(i);
    TPY_ASAN_UNPOISON(page, kPageSize);
    madvise(page, kPageSize, MADV_DONTNEED);  // reads back as zeroes; RSS falls
    TPY_ASAN_POISON(page, kPageSize);
    m_free_pages.push_back(static_cast<uint32_t>(i));
  }
}

void Heap::queue_page(size_t i) {
  PageInfo& info = m_pages[i];
  if (info.queued) return;
  info.queued = true;
  m_partial[info.size_class].push_back(static_cast<uint32_t>(i));
}

void Heap::reset_cursors() {
  for (unsigned c = 0; c < kNumSizeClasses; c++) {
    int64_t pi = m_cursor_page[c];
    m_cursor_page[c] = -1;
    // A page being carved still has free cells past the cursor; the sweep re-queues it only
    // when it is young, so queue it here in case it is not swept.
    if (pi >= 0 && m_pages[pi].kind == PageKind::kSmall) queue_page(static_cast<size_t>(pi));
  }
}

// -- Large objects --------------------------------------------------------------------------------

Object* Heap::add_large(size_t size, Type* type) {
  if (size > kMaxObjectSize) return nullptr;
  size = (size + kCellAlign - 1) & ~(kCellAlign - 1);
  void* p = std::calloc(1, size);
  if (!p) return nullptr;
  TPY_CHECK((reinterpret_cast<uintptr_t>(p) & (kCellAlign - 1)) == 0,
            "gc: the process allocator returned a large object that is not 16-byte aligned");
  auto a = reinterpret_cast<uintptr_t>(p);
  auto it = std::upper_bound(m_large.begin(), m_large.end(), a,
                             [](uintptr_t x, const LargeObject& l) { return x < l.start; });
  m_large.insert(it, {a, size});
  m_large_bytes += size;
  m_large_min = std::min(m_large_min, a);
  m_large_max = std::max(m_large_max, a + size);
  Object* o = static_cast<Object*>(p);
  HeaderAccess::set_type(o, type);
  return o;
}

const LargeObject* Heap::find_large_locked(const void* p) {
  if (!maybe_large(p)) return nullptr;
  uintptr_t a = reinterpret_cast<uintptr_t>(p);
  auto it = std::upper_bound(m_large.begin(), m_large.end(), a,
                             [](uintptr_t x, const LargeObject& l) { return x < l.start; });
  if (it == m_large.begin()) return nullptr;
  --it;
  return a - it->start < it->size ? &*it : nullptr;
}

void Heap::large_swept(size_t freed_bytes) {
  m_large_bytes -= freed_bytes;
  std::erase_if(m_large, [](const LargeObject& l) { return l.start == 0; });
  m_large_min = m_large.empty() ? UINTPTR_MAX : m_large.front().start;
  m_large_max = 0;
  for (const LargeObject& l : m_large) m_large_max = std::max(m_large_max, l.start + l.size);
}

HeapStats Heap::stats() {
  std::lock_guard<std::mutex> lock(m_mutex);
  return {m_reserved, m_pages_in_use, m_large.size(), m_large_bytes};
}

// -- Entry points ---------------------------------------------------------------------------------

Object* alloc_slow(size_t size, Type* type) {
  Heap& h = heap();
  size_t max_cells = before_slow_alloc(size);  // may collect; 1 under TPY_GC_STRESS
  if (size > kMaxSmallSize) {
    if (!heap_has_room(size)) return nullptr;
    std::lock_guard<std::mutex> lock(h.mutex());
    note_allocated((size + kCellAlign - 1) & ~(kCellAlign - 1));
    return h.add_large(size, type);
  }
  unsigned c = size_class(size);
  size_t cell = kClassSizes[c];
  if (!heap_has_room(cell)) return nullptr;
  BumpRange& r = t_local_cache.ranges[c];
  {
    std::lock_guard<std::mutex> lock(h.mutex());
    if (!t_cache_registration.registered) {
      register_local_cache(&t_local_cache);
      t_cache_registration.registered = true;
    }
    if (!h.refill(c, max_cells, &r)) return nullptr;
    note_allocated(static_cast<size_t>(r.end - r.cur));
  }
  char* p = r.cur;
  r.cur += cell;
  return init_cell(p, cell, type);  // the whole cell is the object (cell_size)
}

bool in_heap(const void* p) {
  Heap& h = heap();
  if (h.in_small_pages(p)) return true;
  std::lock_guard<std::mutex> lock(h.mutex());
  return h.find_large_locked(p) != nullptr;
}

Object* find_object(const void* p) {
  Heap& h = heap();
  if (h.in_small_pages(p)) {
    char* page;
    const PageInfo& info = h.page_of(p, &page);
    if (info.kind != PageKind::kSmall) return nullptr;
    size_t index = static_cast<size_t>(static_cast<const char*>(p) - page) / info.cell_size;
    if (index >= info.cell_count) return nullptr;  // the unused tail of the page
    return live_cell(page + index * info.cell_size);
  }
  std::lock_guard<std::mutex> lock(h.mutex());
  const LargeObject* l = h.find_large_locked(p);
  return l ? reinterpret_cast<Object*>(l->start) : nullptr;
}

size_t cell_size(const Object* o) {
  Heap& h = heap();
  if (h.in_small_pages(o)) {
    char* page;
    return h.page_of(o, &page).cell_size;
  }
  std::lock_guard<std::mutex> lock(h.mutex());
  const LargeObject* l = h.find_large_locked(o);
  TPY_CHECK(l != nullptr && l->start == reinterpret_cast<uintptr_t>(o),
            "gc::cell_size of an object outside the GC heap");
  return l->size;
}

void for_each_object(ObjectVisitor fn, void* ctx) {
  Heap& h = heap();
  size_t pages = h.used_pages();
  for (size_t i = 0; i < pages; i++) {
    const PageInfo& info = h.page_info(i);
    if (info.kind != PageKind::kSmall) continue;
    char* page = h.page_address(i);
    for (uint32_t k = 0; k < info.cell_count; k++) {
      if (Object* o = live_cell(page + size_t{k} * info.cell_size)) fn(o, ctx);
    }
  }
  std::vector<LargeObject> copy;
  {
    std::lock_guard<std::mutex> lock(h.mutex());
    copy = h.large();
  }
  for (const LargeObject& l : copy) fn(reinterpret_cast<Object*>(l.start), ctx);
}

HeapStats heap_stats() { return heap().stats(); }

}  // namespace tpy::gc
