// gc/roots.cpp -- The VM globals and the per-thread chain of temporary roots.
#include "gc/roots.h"

#include <mutex>
#include <vector>

namespace tpy::gc {

constinit Roots g_roots{};

namespace {
// The innermost live TempRoot of this thread; each links to the one made before it.
constinit thread_local TempRoot* t_temp_roots = nullptr;
// Static objects holding Values (kind 4); never destroyed, like the objects themselves.
std::vector<Object*>& static_objects() {
  static auto* v = new std::vector<Object*>();
  return *v;
}
std::mutex g_static_mutex;

}  // namespace

void register_static_object(Object* o) {
  std::lock_guard<std::mutex> lock(g_static_mutex);
  auto& v = static_objects();
  for (Object* x : v)
    if (x == o) return;
  v.push_back(o);
}

void for_each_static_object(void (*fn)(Object* o, void* ctx), void* ctx) {
  std::lock_guard<std::mutex> lock(g_static_mutex);
  for (Object* o : static_objects()) fn(o, ctx);
}

TempRoot::TempRoot(Value* slots, size_t count)
    : m_slots(slots), m_count(count), m_prev(t_temp_roots) {
  t_temp_roots = this;
}

TempRoot::~TempRoot() {
  TPY_CHECK(t_temp_roots == this, "gc::TempRoot destroyed out of order (or on another thread)");
  t_temp_roots = m_prev;
}

void for_each_root_slot(void (*fn)(Value* slot, void* ctx), void* ctx) {
  for (Value& v : g_roots.slots) fn(&v, ctx);
  for (TempRoot* r = t_temp_roots; r; r = r->m_prev) {
    for (size_t i = 0; i < r->m_count; i++) fn(&r->m_slots[i], ctx);
  }
}

}  // namespace tpy::gc
