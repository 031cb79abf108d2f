// gc/stack_scan.cpp -- The root scan: conservative over the native stack, registers and frames.
//
// Only the collecting thread is scanned: tpy runs Python on one thread at a time today, and
// other threads' stacks join here when threads can be stopped at safepoints.
#include "gc/stack_scan.h"

#include <pthread.h>

#include <csetjmp>
#include <cstdint>

#include "gc/roots.h"
#include "interp/support/check.h"
#include "interp/vm/frame.h"
#include "interp/vm/thread_state.h"

namespace tpy::gc {

namespace {

// The highest address of the calling thread's stack (it grows down), found once per thread:
// glibc answers the main thread's bounds by reading /proc/self/maps.
uintptr_t stack_top() {
  static thread_local uintptr_t top = 0;
  if (top != 0) return top;
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  TPY_CHECK(pthread_getattr_np(pthread_self(), &attr) == 0, "gc: pthread_getattr_np failed");
  pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  top = reinterpret_cast<uintptr_t>(addr) + size;
  return top;
}

// Spills the callee-saved registers into this frame (setjmp, and __builtin_unwind_init makes
// the prologue save all of them), then scans from the stack pointer to the stack's top: any
// value a caller keeps in a register is then in memory the scan reads.
[[gnu::noinline]] void scan_native_stack(Marker& m) {
  __builtin_unwind_init();
  std::jmp_buf regs;
  setjmp(regs);
  uintptr_t sp;
#if defined(__x86_64__)
  asm volatile("mov %%rsp, %0" : "=r"(sp));
#elif defined(__aarch64__)
  asm volatile("mov %0, sp" : "=r"(sp));
#else
  sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
#endif
  m.scan_conservative(reinterpret_cast<const void*>(sp), reinterpret_cast<const void*>(stack_top()));
  asm volatile("" : : "r"(&regs) : "memory");  // keeps regs alive until the scan is over
}

void scan_range(const void* begin, const void* end, void* ctx) {
  static_cast<Marker*>(ctx)->scan_conservative(begin, end);
}

void visit_slot(Value* slot, void* ctx) { static_cast<Marker*>(ctx)->mark_value(*slot); }

void visit_static(Object* o, void* ctx) { static_cast<Marker*>(ctx)->mark_object(o); }

}  // namespace

void mark_roots(Marker& m) {
  scan_native_stack(m);
  frame_stack_ranges(scan_range, &m);
  ThreadState& t = ts();
  m.mark_value(t.current_exception);
  m.mark_value(t.handled_exception);
  // Generator frames live inside their generator objects; while one runs, its stack top is
  // as stale as any running frame's, so scan its slots conservatively too.
  for (Frame* f = t.frame; f; f = f->previous) {
    if (f->owner != FrameOwner::Generator) continue;
    m.scan_conservative(f, f->localsplus + f->code->framesize);
  }
  for_each_root_slot(visit_slot, &m);
  for_each_static_object(visit_static, &m);
}

}  // namespace tpy::gc
