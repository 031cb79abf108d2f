// interp/vm/runtime.cpp -- runtime_init: the main thread's state, then every initialiser in order.
#include "interp/vm/runtime.h"

#include <sys/resource.h>

#include <cstdio>
#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/str.h"
#include "interp/vm/thread_state.h"

namespace tpy {

namespace {

constinit ThreadState g_main_thread;

}  // namespace

// Starts out at the main thread's state (not null), so code that runs before runtime_init or
// after shut-down (static initialisers, atexit flushes) still finds a valid thread state.
constinit thread_local ThreadState* t_thread_state = &g_main_thread;

namespace {
int g_argc = 0;
const char* const* g_argv = nullptr;

// Native stack space kept free below the limit for the code that raises RecursionError.
constexpr uintptr_t kStackReserve = 256 * 1024;

uintptr_t main_stack_limit() {
  char here;
  auto sp = reinterpret_cast<uintptr_t>(&here);
  rlimit rl{};
  uintptr_t size = 8u << 20;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) size = rl.rlim_cur;
  if (size < 2 * kStackReserve) return 0;
  return sp - size + kStackReserve;
}

void report_failure(const char* part) {
  std::fprintf(stderr, "Fatal Python error: initialising %s failed\n", part);
  Value exc = fetch_exception();
  if (exc.is_null()) return;
  std::string text = type_of(exc)->c_name();
  Value s = object_str(exc);
  if (!s.is_null() && is_str(s)) text += ": " + str_to_utf8(s);
  else clear_exception();
  std::fprintf(stderr, "%s\n", text.c_str());
}

}  // namespace

int runtime_argc() { return g_argc; }
const char* const* runtime_argv() { return g_argv; }

bool runtime_init(int argc, const char* const* argv) {
  static bool done = false;
  if (done) return true;
  done = true;
  g_argc = argc;
  g_argv = argv;
  t_thread_state = &g_main_thread;
  g_main_thread.stack_limit = main_stack_limit();
  g_main_thread.thread_id = 1;
#define TPY_RUNTIME_INIT(name)       \
  if (!init_##name()) {              \
    report_failure(#name);           \
    return false;                    \
  }
#include "interp/vm/runtime_inits.def"
#undef TPY_RUNTIME_INIT
  return true;
}

}  // namespace tpy
