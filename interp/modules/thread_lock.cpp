// interp/modules/thread_lock.cpp -- _thread.lock and _thread.RLock.
//
// A lock is one word of state in the GC object; threads that wait share one process-wide
// mutex and condition variable, so a lock owns no native resource (nothing to finalise).
// Waiting is sliced so SIGINT still interrupts a blocked acquire (KeyboardInterrupt), as
// in CPython.
#include "interp/modules/thread_internal.h"

#include <pthread.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <mutex>

#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace vm {
extern volatile std::sig_atomic_t g_pending_sigint;
}

constinit Type lock_type{&type_type, "_thread.lock", sizeof(LockObject), kTypeDisallowInstantiation};
constinit Type rlock_type{&type_type, "_thread.RLock", sizeof(RLockObject), kTypeBaseType};

namespace {

std::mutex g_mutex;
std::condition_variable g_cv;

LockObject* as_lock(Value v) { return static_cast<LockObject*>(v.as_object()); }
RLockObject* as_rlock(Value v) { return static_cast<RLockObject*>(v.as_object()); }

// acquire()'s arguments: blocking (bool) and timeout (seconds, -1 forever).
bool parse_acquire(const char* fname, const Value* args, size_t nargs, Value kwnames,
                   double* timeout) {
  static const char* const kw[] = {"blocking", "timeout", nullptr};
  Value blocking, tv;
  ArgSpec spec{fname, kw, 0, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&blocking, &tv})) return false;
  bool block = true;
  if (!blocking.is_null()) {
    int t = object_truthy(blocking);
    if (t < 0) return false;
    block = t != 0;
  }
  double to = -1;
  if (!tv.is_null()) {
    if (is_float(tv)) {
      to = float_as_double(tv);
    } else {
      Value f = number_float(tv);
      if (f.is_null()) return false;
      to = float_as_double(f);
    }
  }
  if (!block && to != -1) {
    raise_error(exc_ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (to < 0 && to != -1) {
    raise_error(exc_ValueError, "timeout value must be a non-negative number");
    return false;
  }
  if (to > kThreadTimeoutMax) {
    raise_error(exc_OverflowError, "timeout value is too large");
    return false;
  }
  *timeout = block ? to : 0;
  return true;
}

// Waits until *state is 0 and sets it to 1. 1: acquired, 0: timed out, -1: interrupted.
int wait_acquire(int64_t* state, double timeout) {
  using clock = std::chrono::steady_clock;
  auto deadline = clock::now() + std::chrono::duration_cast<clock::duration>(
                                     std::chrono::duration<double>(timeout < 0 ? 0 : timeout));
  std::unique_lock<std::mutex> g(g_mutex);
  while (*state != 0) {
    if (timeout == 0) return 0;
    auto slice = clock::now() + std::chrono::milliseconds(20);
    if (timeout > 0 && deadline < slice) slice = deadline;
    g_cv.wait_until(g, slice);
    if (*state == 0) break;
    if (vm::g_pending_sigint) {
      vm::g_pending_sigint = 0;
      g.unlock();
      raise_empty(exc_KeyboardInterrupt);
      return -1;
    }
    if (timeout > 0 && clock::now() >= deadline) return 0;
  }
  *state = 1;
  return 1;
}

std::string addr_of(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(v.as_object()));
  return buf;
}

// -- lock -------------------------------------------------------------------------------------
Value lock_acquire(Value self, const Value* args, size_t nargs, Value kwnames) {
  double timeout;
  if (!parse_acquire("acquire", args, nargs, kwnames, &timeout)) return Value();
  int r = wait_acquire(&as_lock(self)->locked, timeout);
  if (r < 0) return Value();
  return Bool(r == 1);
}

Value lock_release(Value self, const Value*, size_t, Value) {
  LockObject* l = as_lock(self);
  {
    std::lock_guard<std::mutex> g(g_mutex);
    if (!l->locked) return raise_error(exc_RuntimeError, "release unlocked lock");
    l->locked = 0;
  }
  g_cv.notify_all();
  return None();
}

Value lock_exit(Value self, const Value*, size_t, Value) {
  return lock_release(self, nullptr, 0, Value());
}

Value lock_locked(Value self, const Value*, size_t, Value) { return Bool(as_lock(self)->locked); }

Value lock_at_fork_reinit(Value self, const Value*, size_t, Value) {
  as_lock(self)->locked = 0;
  return None();
}

Value lock_repr(Value self) {
  return str_from_utf8(std::string("<") + (as_lock(self)->locked ? "locked" : "unlocked") +
                       " _thread.lock object at " + addr_of(self) + ">");
}

const MethodDef lock_methods[] = {
    {"acquire", lock_acquire, kMethFastKw, nullptr},
    {"acquire_lock", lock_acquire, kMethFastKw, nullptr},
    {"__enter__", lock_acquire, kMethFastKw, nullptr},
    {"release", lock_release, kMethNoArgs, nullptr},
    {"release_lock", lock_release, kMethNoArgs, nullptr},
    {"__exit__", lock_exit, kMethFast, nullptr},
    {"locked", lock_locked, kMethNoArgs, nullptr},
    {"locked_lock", lock_locked, kMethNoArgs, nullptr},
    {"_at_fork_reinit", lock_at_fork_reinit, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// -- RLock ------------------------------------------------------------------------------------
Value rlock_new(Type* t, const Value*, size_t, Value) {
  Object* o = gc::alloc(t->m_basicsize, t);
  if (!o) return raise_no_memory();
  return Value::from_object(o);
}

Value rlock_acquire(Value self, const Value* args, size_t nargs, Value kwnames) {
  double timeout;
  if (!parse_acquire("acquire", args, nargs, kwnames, &timeout)) return Value();
  RLockObject* r = as_rlock(self);
  int64_t me = thread_ident();
  if (r->count > 0 && r->owner == me) {
    if (r->count == INT64_MAX)
      return raise_error(exc_OverflowError, "Internal lock count overflowed");
    r->count++;
    return True();
  }
  int got = wait_acquire(&r->locked, timeout);
  if (got < 0) return Value();
  if (got == 0) return False();
  r->owner = me;
  r->count = 1;
  return True();
}

Value rlock_release(Value self, const Value*, size_t, Value) {
  RLockObject* r = as_rlock(self);
  if (r->count == 0 || r->owner != thread_ident())
    return raise_error(exc_RuntimeError, "cannot release un-acquired lock");
  if (--r->count == 0) {
    r->owner = 0;
    {
      std::lock_guard<std::mutex> g(g_mutex);
      r->locked = 0;
    }
    g_cv.notify_all();
  }
  return None();
}

Value rlock_exit(Value self, const Value*, size_t, Value) {
  return rlock_release(self, nullptr, 0, Value());
}

Value rlock_is_owned(Value self, const Value*, size_t, Value) {
  RLockObject* r = as_rlock(self);
  return Bool(r->count > 0 && r->owner == thread_ident());
}

Value rlock_recursion_count(Value self, const Value*, size_t, Value) {
  RLockObject* r = as_rlock(self);
  return int_from_i64(r->owner == thread_ident() ? r->count : 0);
}

// threading.Condition's wait: give the lock up entirely, then take it back with the count.
Value rlock_release_save(Value self, const Value*, size_t, Value) {
  RLockObject* r = as_rlock(self);
  if (r->count == 0) return raise_error(exc_RuntimeError, "cannot release un-acquired lock");
  Value state = tuple_pack({int_from_i64(r->count), int_from_i64(r->owner)});
  if (state.is_null()) return state;
  r->count = 0;
  r->owner = 0;
  {
    std::lock_guard<std::mutex> g(g_mutex);
    r->locked = 0;
  }
  g_cv.notify_all();
  return state;
}

Value rlock_acquire_restore(Value self, const Value* args, size_t, Value) {
  Value state = args[0];
  int64_t count = 0, owner = 0;
  if (!is_tuple(state) || tuple_length(state) != 2 || !index_to_i64(tuple_at(state, 0), &count) ||
      !index_to_i64(tuple_at(state, 1), &owner)) {
    if (!error_occurred()) raise_error(exc_TypeError, "_acquire_restore() argument must be a 2-tuple");
    return Value();
  }
  RLockObject* r = as_rlock(self);
  if (wait_acquire(&r->locked, -1) < 0) return Value();
  r->owner = owner;
  r->count = count;
  return None();
}

Value rlock_at_fork_reinit(Value self, const Value*, size_t, Value) {
  RLockObject* r = as_rlock(self);
  r->locked = 0;
  r->owner = 0;
  r->count = 0;
  return None();
}

Value rlock_repr(Value self) {
  RLockObject* r = as_rlock(self);
  std::string tname = type_of(self)->c_name();
  return str_from_utf8("<" + std::string(r->count ? "locked" : "unlocked") + " " + tname +
                       " object owner=" + std::to_string(r->count ? r->owner : 0) +
                       " count=" + std::to_string(r->count) + " at " + addr_of(self) + ">");
}

const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, kMethFastKw, nullptr},
    {"__enter__", rlock_acquire, kMethFastKw, nullptr},
    {"release", rlock_release, kMethNoArgs, nullptr},
    {"__exit__", rlock_exit, kMethFast, nullptr},
    {"_is_owned", rlock_is_owned, kMethNoArgs, nullptr},
    {"_recursion_count", rlock_recursion_count, kMethNoArgs, nullptr},
    {"_release_save", rlock_release_save, kMethNoArgs, nullptr},
    {"_acquire_restore", rlock_acquire_restore, kMethO, nullptr},
    {"_at_fork_reinit", rlock_at_fork_reinit, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

int64_t thread_ident() { return static_cast<int64_t>(pthread_self()); }

Value lock_new() {
  Object* o = gc::alloc(sizeof(LockObject), &lock_type);
  if (!o) return raise_no_memory();
  return Value::from_object(o);
}

bool init_thread_lock_types() {
  if (lock_type.has_flag(kTypeReady)) return true;
  lock_type.slots.repr = lock_repr;
  type_init(&lock_type, &object_type, TypeDefs{lock_methods, nullptr, nullptr});
  rlock_type.slots.new_ = rlock_new;
  rlock_type.slots.repr = rlock_repr;
  type_init(&rlock_type, &object_type, TypeDefs{rlock_methods, nullptr, nullptr});
  return !error_occurred();
}

}  // namespace tpy
