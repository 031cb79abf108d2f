// interp/objects/list_internal.h -- Inline list operations shared by the list type and the VM.
//
// list.append and list[i] are hot in the interpreter (LIST_APPEND, BINARY_SUBSCR on lists):
// the common cases are a bounds check and a store here; growth is out of line.
#pragma once

#include "gc/barrier.h"
#include "interp/objects/list.h"

namespace tpy::list_detail {

// Sets the length to [newsize] with CPython's over-allocation; new slots are null, dropped
// ones cleared. false: MemoryError pending.
bool resize(ListObject* l, int64_t newsize);
// Replaces the buffer with one of [capacity] slots (>= length), keeping the items.
bool set_capacity(ListObject* l, int64_t capacity);
[[gnu::noinline]] int append_slow(ListObject* l, Value v);

inline int append(ListObject* l, Value v) {
  int64_t n = l->length;
  if (n < l->capacity) [[likely]] {
    gc::store(l->items_owner.as_object(), &l->items[n], v);
    l->length = n + 1;
    return 0;
  }
  return append_slow(l, v);
}

}  // namespace tpy::list_detail
