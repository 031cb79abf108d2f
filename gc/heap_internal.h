// gc/heap_internal.h -- The heap's page table and large-object table, shared by gc/*.cpp only.
//
// See docs/internals/gc.md. heap.cpp hands out pages and bump ranges; sweep.cpp frees dead
// cells and recycles pages; mark.cpp and the stack scan resolve words to objects through the
// same tables. Everything here runs under Heap::mutex() or with the world stopped.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "gc/heap.h"

namespace tpy::gc {

enum class PageKind : uint8_t {
  kUnused = 0,  // never handed out (past m_used_bytes)
  kSmall,       // cells of one size class
  kEmpty,       // swept empty and returned to the OS; on the free-page list
};

// Out-of-line metadata of one page.
struct PageInfo {
  uint32_t cell_size;
  uint32_t cell_count;
  PageKind kind;
  uint8_t size_class;
  bool young;   // cells were handed out since the last collection: a young sweep visits it
  bool queued;  // on its class's list of pages with free cells
  uint32_t live;  // live cells after the last sweep
};

struct LargeObject {
  uintptr_t start;
  size_t size;
};

// Reads the type word of a cell that may be free (and poisoned under ASan): a plain load,
// since a call to Object::type() would be instrumented when not inlined.
[[gnu::no_sanitize_address]] inline Object* live_cell(char* cell) {
  return *reinterpret_cast<const uintptr_t*>(cell) != 0 ? reinterpret_cast<Object*>(cell)
                                                         : nullptr;
}

class Heap {
 public:
  std::mutex& mutex() { return m_mutex; }

  // -- Allocation (heap.cpp) -----------------------------------------------------------------
  // A bump range of free, zeroed cells of class [cls] ([max_cells] at most), or false when
  // the reserved range is used up. Caller holds the mutex.
  bool refill(unsigned cls, size_t max_cells, BumpRange* out);
  Object* add_large(size_t size, Type* type);

  // -- Queries -------------------------------------------------------------------------------
  bool in_small_pages(const void* p) const {
    uintptr_t base = m_base.load(std::memory_order_acquire);
    uintptr_t a = reinterpret_cast<uintptr_t>(p);
    return base != 0 && a - base < m_used_bytes.load(std::memory_order_acquire);
  }
  PageInfo& page_of(const void* p, char** page_start) {
    uintptr_t offset = reinterpret_cast<uintptr_t>(p) - m_base.load(std::memory_order_relaxed);
    *page_start = page_address(offset / kPageSize);
    return m_pages[offset / kPageSize];
  }
  // The large object containing [p]; the caller holds the mutex (or the world is stopped).
  const LargeObject* find_large_locked(const void* p);
  bool maybe_large(const void* p) const {
    auto a = reinterpret_cast<uintptr_t>(p);
    return a >= m_large_min && a < m_large_max;
  }
  size_t used_pages() const { return m_used_bytes.load(std::memory_order_acquire) / kPageSize; }
  char* page_address(size_t i) const {
    return reinterpret_cast<char*>(m_base.load(std::memory_order_relaxed)) + i * kPageSize;
  }
  PageInfo& page_info(size_t i) { return m_pages[i]; }
  std::vector<LargeObject>& large() { return m_large; }
  HeapStats stats();

  // -- Sweeping (sweep.cpp, world stopped) -----------------------------------------------------
  // A page swept empty (all zero already): kept resident for any class.
  void release_page(size_t i);
  // Returns resident empty pages beyond [keep] to the OS (MADV_DONTNEED), so RSS falls.
  void trim_empty_pages(size_t keep);
  // A page with free cells: its class's allocator will look for runs in it.
  void queue_page(size_t i);
  // After sweeping the large objects: drop the freed ones and recompute the bounds.
  void large_swept(size_t freed_bytes);
  // Forgets the allocators' positions in partly used pages (they are re-queued by the sweep).
  void reset_cursors();

  size_t small_bytes_in_use() const { return m_pages_in_use * kPageSize; }
  size_t large_bytes() const { return m_large_bytes; }

 private:
  void reserve();
  char* fresh_page(unsigned cls);
  void format_page(size_t i, unsigned cls, bool resident);
  bool next_run(unsigned cls, size_t max_cells, BumpRange* out);

  std::mutex m_mutex;
  std::atomic<uintptr_t> m_base{0};
  std::atomic<size_t> m_used_bytes{0};  // pages [0, used/kPageSize) have been handed out
  size_t m_reserved = 0;
  size_t m_pages_in_use = 0;  // kSmall pages
  PageInfo* m_pages = nullptr;
  std::vector<uint32_t> m_free_pages;   // kEmpty pages returned to the OS
  std::vector<uint32_t> m_clean_pages;  // kEmpty pages still resident (and zero)
  std::vector<uint32_t> m_partial[kNumSizeClasses];      // pages with free cells, per class
  int64_t m_cursor_page[kNumSizeClasses];                // page being carved into runs, or -1
  uint32_t m_cursor_cell[kNumSizeClasses] = {};
  std::vector<LargeObject> m_large;  // sorted by address
  uintptr_t m_large_min = UINTPTR_MAX, m_large_max = 0;
  size_t m_large_bytes = 0;

 public:
  Heap() {
    for (auto& c : m_cursor_page) c = -1;
  }
};

// The one heap; never destroyed (objects may be used by static destructors of other files).
Heap& heap();

}  // namespace tpy::gc
