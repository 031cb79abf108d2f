// gc/heap.cpp -- The GC heap's memory: reserved range, page table, large objects, heap walks.
//
// See docs/internals/objects.md. Small objects live on kPageSize pages carved in order from
// one range of address space reserved at the first allocation (MAP_NORESERVE: only touched
// pages cost memory), so "is this word a heap pointer?" -- the question the conservative
// stack scan asks of every word -- is a range check plus one page-table load. A page belongs
// to one size class and its metadata lives out of line in the page table, so the whole page
// is cells. Large objects come from the process allocator (jemalloc) and are kept in an
// address-sorted table, as JavaScriptCore keeps its precise allocations.
#include "gc/heap.h"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace tpy::gc {

constinit thread_local LocalCache t_local_cache{};

namespace {

constexpr size_t kDefaultReserve = size_t{32} << 30;
constexpr size_t kMinReserve = size_t{1} << 30;
constexpr size_t kMaxObjectSize = size_t{1} << 40;

enum class PageKind : uint8_t { kUnused = 0, kSmall };

// Out-of-line metadata of one page (issue 4 adds mark bitmaps / sweep state here or in-page).
struct PageInfo {
  uint32_t cell_size;
  uint32_t cell_count;
  PageKind kind;
  uint8_t size_class;
};

struct LargeObject {
  uintptr_t start;
  size_t size;
};

void* map_noreserve(size_t size) {
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

class Heap {
 public:
  char* take_page(unsigned cls);
  Object* add_large(size_t size, Type* type);

  bool in_small_pages(const void* p) const {
    uintptr_t base = m_base.load(std::memory_order_acquire);
    uintptr_t a = reinterpret_cast<uintptr_t>(p);
    return base != 0 && a - base < m_used_bytes.load(std::memory_order_acquire);
  }
  const PageInfo& page_of(const void* p, char** page_start) const;
  const LargeObject* find_large(const void* p);
  size_t used_pages() const { return m_used_bytes.load(std::memory_order_acquire) / kPageSize; }
  char* page_address(size_t i) const {
    return reinterpret_cast<char*>(m_base.load(std::memory_order_relaxed)) + i * kPageSize;
  }
  const PageInfo& page_info(size_t i) const { return m_pages[i]; }
  void visit_large(ObjectVisitor fn, void* ctx);
  HeapStats stats();

 private:
  void reserve();

  std::mutex m_mutex;
  std::atomic<uintptr_t> m_base{0};
  std::atomic<size_t> m_used_bytes{0};  // pages [0, used/kPageSize) have been handed out
  size_t m_reserved = 0;
  PageInfo* m_pages = nullptr;
  std::vector<LargeObject> m_large;
  size_t m_large_bytes = 0;
  bool m_large_sorted = true;
};

// Never destroyed: objects may be used by static destructors of other files.
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

// A fresh page for size class [cls], or null when the reserved range is used up.
char* Heap::take_page(unsigned cls) {
  std::lock_guard<std::mutex> lock(m_mutex);
  if (m_base.load(std::memory_order_relaxed) == 0) reserve();
  size_t used = m_used_bytes.load(std::memory_order_relaxed);
  if (used == m_reserved) return nullptr;
  uint32_t cell = kClassSizes[cls];
  m_pages[used / kPageSize] = {cell, static_cast<uint32_t>(kPageSize / cell), PageKind::kSmall,
                               static_cast<uint8_t>(cls)};
  m_used_bytes.store(used + kPageSize, std::memory_order_release);
  return page_address(used / kPageSize);
}

const PageInfo& Heap::page_of(const void* p, char** page_start) const {
  uintptr_t offset = reinterpret_cast<uintptr_t>(p) - m_base.load(std::memory_order_relaxed);
  *page_start = page_address(offset / kPageSize);
  return m_pages[offset / kPageSize];
}

// -- Large objects --------------------------------------------------------------------------------

Object* Heap::add_large(size_t size, Type* type) {
  if (size > kMaxObjectSize) return nullptr;
  size = (size + kCellAlign - 1) & ~(kCellAlign - 1);
  void* p = std::calloc(1, size);
  if (!p) return nullptr;
  TPY_CHECK((reinterpret_cast<uintptr_t>(p) & (kCellAlign - 1)) == 0,
            "gc: the process allocator returned a large object that is not 16-byte aligned");
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_large.push_back({reinterpret_cast<uintptr_t>(p), size});
    m_large_bytes += size;
    m_large_sorted = false;
  }
  Object* o = static_cast<Object*>(p);
  HeaderAccess::set_type(o, type);
  return o;
}

const LargeObject* Heap::find_large(const void* p) {
  std::lock_guard<std::mutex> lock(m_mutex);
  if (!m_large_sorted) {
    std::sort(m_large.begin(), m_large.end(),
              [](const LargeObject& a, const LargeObject& b) { return a.start < b.start; });
    m_large_sorted = true;
  }
  uintptr_t a = reinterpret_cast<uintptr_t>(p);
  auto it = std::upper_bound(m_large.begin(), m_large.end(), a,
                             [](uintptr_t x, const LargeObject& l) { return x < l.start; });
  if (it == m_large.begin()) return nullptr;
  --it;
  return a - it->start < it->size ? &*it : nullptr;
}

void Heap::visit_large(ObjectVisitor fn, void* ctx) {
  std::vector<LargeObject> copy;
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    copy = m_large;
  }
  for (const LargeObject& l : copy) fn(reinterpret_cast<Object*>(l.start), ctx);
}

HeapStats Heap::stats() {
  std::lock_guard<std::mutex> lock(m_mutex);
  return {m_reserved, used_pages(), m_large.size(), m_large_bytes};
}

// Faults a fresh page in with one system call instead of one trap per 4 KiB as the bump
// pointer reaches it: on the project's VMs a first touch costs ~12 us per 4 KiB page lazily
// and ~3.5 us through MADV_POPULATE_WRITE. The whole page is about to be used by the bump
// range anyway. Kernels before 5.14 reject the advice; the page then faults in lazily.
void populate(char* page) { madvise(page, kPageSize, MADV_POPULATE_WRITE); }

// Reads the type word of a cell that may be free (and poisoned under ASan): a plain load here,
// since a call to Object::type() would be instrumented when not inlined.
[[gnu::no_sanitize_address]] Object* live_cell(char* cell) {
  return *reinterpret_cast<const uintptr_t*>(cell) != 0 ? reinterpret_cast<Object*>(cell)
                                                         : nullptr;
}

}  // namespace

// -- Entry points ---------------------------------------------------------------------------------

Object* alloc_slow(size_t size, Type* type) {
  if (size > kMaxSmallSize) return heap().add_large(size, type);
  unsigned c = size_class(size);
  char* page = heap().take_page(c);
  if (!page) return nullptr;
  populate(page);
  TPY_ASAN_POISON(page, kPageSize);
  size_t cell = kClassSizes[c];
  BumpRange& r = t_local_cache.ranges[c];
  r.cur = page + cell;
  r.end = page + kPageSize / cell * cell;
  return init_cell(page, cell, type);  // the whole cell is the object (cell_size)
}

bool in_heap(const void* p) {
  return heap().in_small_pages(p) || heap().find_large(p) != nullptr;
}

Object* find_object(const void* p) {
  Heap& h = heap();
  if (h.in_small_pages(p)) {
    char* page;
    const PageInfo& info = h.page_of(p, &page);
    size_t index = static_cast<size_t>(static_cast<const char*>(p) - page) / info.cell_size;
    if (index >= info.cell_count) return nullptr;  // the unused tail of the page
    return live_cell(page + index * info.cell_size);
  }
  const LargeObject* l = h.find_large(p);
  return l ? reinterpret_cast<Object*>(l->start) : nullptr;
}

size_t cell_size(const Object* o) {
  Heap& h = heap();
  if (h.in_small_pages(o)) {
    char* page;
    return h.page_of(o, &page).cell_size;
  }
  const LargeObject* l = h.find_large(o);
  TPY_CHECK(l != nullptr && l->start == reinterpret_cast<uintptr_t>(o),
            "gc::cell_size of an object outside the GC heap");
  return l->size;
}

void for_each_object(ObjectVisitor fn, void* ctx) {
  Heap& h = heap();
  size_t pages = h.used_pages();
  for (size_t i = 0; i < pages; i++) {
    const PageInfo& info = h.page_info(i);
    char* page = h.page_address(i);
    for (uint32_t k = 0; k < info.cell_count; k++) {
      if (Object* o = live_cell(page + size_t{k} * info.cell_size)) fn(o, ctx);
    }
  }
  h.visit_large(fn, ctx);
}

HeapStats heap_stats() { return heap().stats(); }

}  // namespace tpy::gc
