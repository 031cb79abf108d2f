// interp/modules/thread_internal.h -- What the _thread module's files share.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

// threading.TIMEOUT_MAX: the longest wait a lock accepts, in seconds (CPython's value on Linux).
inline constexpr double kThreadTimeoutMax = 9223372036.0;

extern constinit Type lock_type;
extern constinit Type rlock_type;

struct LockObject : Object {
  int64_t locked;  // 0 or 1, changed under the waiters' mutex
};

struct RLockObject : Object {
  int64_t locked;
  int64_t owner;  // thread ident of the holder while count > 0
  int64_t count;
};

// The calling thread's identifier (_thread.get_ident()).
int64_t thread_ident();

// A new unlocked _thread.lock.
Value lock_new();

bool init_thread_lock_types();

}  // namespace tpy
