// tests/unit/heap_test.cpp -- gc/: size classes, allocation, heap queries, roots and the barrier.
#include "gc/heap.h"

#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <thread>
#include <vector>

#include "gc/barrier.h"
#include "gc/roots.h"
#include "interp/objects/type.h"

namespace tpy::gc {
namespace {

constinit Type test_type{&type_type, "heap_test", 16, 0};
constinit Type other_type{&type_type, "heap_test_other", 16, 0};

bool all_zero(const char* p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (p[i] != 0) return false;
  }
  return true;
}

TEST(SizeClasses, EverySizeGetsTheSmallestFittingClass) {
  for (size_t size = 1; size <= kMaxSmallSize; size++) {
    unsigned c = size_class(size);
    ASSERT_LT(c, kNumSizeClasses);
    ASSERT_GE(kClassSizes[c], size);
    if (c > 0) ASSERT_LT(kClassSizes[c - 1], size) << "size " << size;
  }
}

TEST(Alloc, ObjectsAreZeroedAlignedAndTyped) {
  for (size_t size : {16, 24, 32, 40, 100, 128, 129, 1000, 4096, 8000, 8192}) {
    Object* o = alloc(size, &test_type);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(o) % 16, 0u);
    EXPECT_EQ(o->type(), &test_type);
    EXPECT_EQ(o->gc_bits(), 0);
    EXPECT_EQ(o->gc_flags(), 0);
    EXPECT_FALSE(o->is_static());
    EXPECT_TRUE(all_zero(reinterpret_cast<char*>(o) + 8, size - 8)) << size;
    EXPECT_EQ(cell_size(o), kClassSizes[size_class(size)]);
    std::memset(reinterpret_cast<char*>(o) + 16, 0xAB, size - 16);  // the payload is ours
  }
}

TEST(Alloc, CellsNeverOverlap) {
  std::vector<char*> cells;
  for (int i = 0; i < 5000; i++) cells.push_back(reinterpret_cast<char*>(alloc(48, &test_type)));
  std::set<char*> sorted(cells.begin(), cells.end());
  ASSERT_EQ(sorted.size(), cells.size());
  char* prev = nullptr;
  for (char* p : sorted) {
    if (prev) EXPECT_GE(p - prev, 48);
    prev = p;
  }
}

TEST(Alloc, LargeObjectsLiveOnTheirOwn) {
  HeapStats before = heap_stats();
  size_t size = 100 * 1000 + 8;
  Object* o = alloc(size, &test_type);
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(o) % 16, 0u);
  EXPECT_EQ(o->type(), &test_type);
  EXPECT_TRUE(all_zero(reinterpret_cast<char*>(o) + 8, size - 8));
  EXPECT_GE(cell_size(o), size);
  HeapStats after = heap_stats();
  EXPECT_EQ(after.large_objects, before.large_objects + 1);
  EXPECT_GE(after.large_bytes, before.large_bytes + size);
  EXPECT_EQ(alloc(size_t{1} << 41, &test_type), nullptr);  // too large: the caller's MemoryError
}

TEST(HeapQueries, FindObjectResolvesInteriorPointers) {
  Object* small = alloc(96, &test_type);
  Object* large = alloc(20000, &test_type);
  auto* s = reinterpret_cast<char*>(small);
  auto* l = reinterpret_cast<char*>(large);
  EXPECT_EQ(find_object(s), small);
  EXPECT_EQ(find_object(s + 95), small);
  EXPECT_EQ(find_object(l + 19999), large);
  EXPECT_TRUE(in_heap(s + 50));
  EXPECT_TRUE(in_heap(l + 10000));
  int local = 0;
  EXPECT_EQ(find_object(&local), nullptr);
  EXPECT_FALSE(in_heap(&local));
  EXPECT_EQ(find_object(&int_type), nullptr);  // static objects are not in the heap
  EXPECT_EQ(find_object(nullptr), nullptr);
}

TEST(HeapQueries, FreeCellsAreNotObjects) {
  // The next cell of this thread's bump range is free: zero, so it has no type.
  const BumpRange& r = t_local_cache.ranges[size_class(4096)];
  ASSERT_NE(alloc(4096, &test_type), nullptr);
  if (r.cur == r.end) ASSERT_NE(alloc(4096, &test_type), nullptr);
  ASSERT_NE(r.cur, r.end);
  EXPECT_EQ(find_object(r.cur), nullptr);
  EXPECT_EQ(find_object(r.cur + 100), nullptr);
  EXPECT_TRUE(in_heap(r.cur));
}

TEST(HeapQueries, ForEachObjectSeesEveryAllocation) {
  auto count = [] {
    size_t n = 0;
    for_each_object(
        [](Object* o, void* ctx) {
          if (o->type() == &other_type) ++*static_cast<size_t*>(ctx);
        },
        &n);
    return n;
  };
  size_t before = count();
  for (int i = 0; i < 300; i++) ASSERT_NE(alloc(16 + (i % 40) * 16, &other_type), nullptr);
  ASSERT_NE(alloc(50000, &other_type), nullptr);
  EXPECT_EQ(count(), before + 301);
}

TEST(Alloc, ThreadsAllocateFromTheirOwnCaches) {
  constexpr int kThreads = 4, kPerThread = 20000;
  std::vector<std::vector<Object*>> made(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&made, t] {
      for (int i = 0; i < kPerThread; i++) made[t].push_back(alloc(32 + (i % 3) * 16, &test_type));
    });
  }
  for (std::thread& th : threads) th.join();
  std::set<Object*> all;
  for (auto& v : made) {
    for (Object* o : v) {
      ASSERT_NE(o, nullptr);
      ASSERT_EQ(find_object(o), o);
      all.insert(o);
    }
  }
  EXPECT_EQ(all.size(), size_t{kThreads} * kPerThread);
}

#if defined(__SANITIZE_ADDRESS__)
// An object owns its whole cell (cell_size), so the first byte ASan must reject is the next,
// still free, cell of the bump range.
TEST(AllocDeathTest, AsanCatchesOverflowPastTheCell) {
  Object* o = alloc(40, &test_type);
  volatile char* p = reinterpret_cast<char*>(o);
  size_t end = cell_size(o);
  p[end - 1] = 1;
  EXPECT_DEATH(p[end] = 1, "use-after-poison");
}
#endif

// -- Roots and the barrier ------------------------------------------------------------------------

std::vector<Value*> root_slots() {
  std::vector<Value*> slots;
  for_each_root_slot(
      [](Value* v, void* ctx) { static_cast<std::vector<Value*>*>(ctx)->push_back(v); }, &slots);
  return slots;
}

TEST(Roots, GlobalsAreOneArray) {
  std::vector<Value*> slots = root_slots();
  ASSERT_EQ(slots.size(), static_cast<size_t>(RootId::kCount));
  EXPECT_EQ(slots[static_cast<size_t>(RootId::builtins)], &g_roots.builtins());
  EXPECT_TRUE(g_roots.interned().is_null());
}

TEST(Roots, TempRootsRegisterOffStackValues) {
  std::vector<Value> held(3, Value::from_int(1));
  size_t globals = static_cast<size_t>(RootId::kCount);
  {
    TempRoot outer(held.data(), held.size());
    Value single = Value::from_int(2);
    {
      TempRoot inner(single);
      std::vector<Value*> slots = root_slots();
      ASSERT_EQ(slots.size(), globals + 4);
      EXPECT_EQ(slots[globals], &single);  // innermost first
      EXPECT_EQ(slots[globals + 1], &held[0]);
    }
    held.resize(100);
    outer.reset(held.data(), held.size());
    EXPECT_EQ(root_slots().size(), globals + 100);
  }
  EXPECT_EQ(root_slots().size(), globals);
}

TEST(Barrier, StoreWritesTheField) {
  struct Pair : Object {
    Value first, second;
  };
  auto* p = alloc_as<Pair>(&test_type);
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->first.is_null());  // zeroed memory reads as null Values
  Object* target = alloc(32, &other_type);
  store(p, &p->first, Value::from_object(target));
  store(p, &p->second, Value::from_int(9));
  EXPECT_EQ(p->first.as_object(), target);
  EXPECT_EQ(p->second.as_int(), 9);
  write_barrier_all(p);
}

}  // namespace
}  // namespace tpy::gc
