// interp/parse/arena.h -- Bump allocator that owns every AST node and string of one parse.
//
// AST nodes are not Python objects: they live exactly as long as the compile that made them,
// so they are bump-allocated here and freed all at once. Nothing in an arena has a destructor.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tpy::parse {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (char* b : m_blocks) ::operator delete(b);
  }

  void* alloc(size_t size, size_t align = alignof(std::max_align_t)) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(m_cur) + align - 1) & ~(uintptr_t(align) - 1);
    if (p + size > reinterpret_cast<uintptr_t>(m_end)) [[unlikely]] return alloc_slow(size, align);
    m_cur = reinterpret_cast<char*>(p + size);
    return reinterpret_cast<void*>(p);
  }

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (alloc(sizeof(T), alignof(T))) T(static_cast<Args&&>(args)...);
  }

  template <class T>
  T* make_array(size_t n) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    T* p = static_cast<T*>(alloc(sizeof(T) * (n ? n : 1), alignof(T)));
    for (size_t i = 0; i < n; i++) new (p + i) T();
    return p;
  }

  // Copies [s] into the arena; the view stays valid as long as the arena.
  std::string_view copy(std::string_view s) {
    char* p = static_cast<char*>(alloc(s.size() + 1, 1));
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return {p, s.size()};
  }

  size_t bytes_reserved() const { return m_reserved; }

 private:
  [[gnu::noinline]] void* alloc_slow(size_t size, size_t align) {
    size_t block = size + align > kBlockSize ? size + align : kBlockSize;
    char* b = static_cast<char*>(::operator new(block));
    m_blocks.push_back(b);
    m_reserved += block;
    m_cur = b;
    m_end = b + block;
    return alloc(size, align);
  }

  static constexpr size_t kBlockSize = 64 * 1024;
  char* m_cur = nullptr;
  char* m_end = nullptr;
  size_t m_reserved = 0;
  std::vector<char*> m_blocks;
};

}  // namespace tpy::parse
