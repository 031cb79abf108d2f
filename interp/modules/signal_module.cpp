// interp/modules/signal_module.cpp -- _signal: signal handlers, signal constants, alarm/timers.
#include "interp/modules/signal.h"

#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

#include "gc/roots.h"
#include "interp/modules/posix_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/set.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/frame.h"
#include "interp/vm/module.h"
#include "interp/vm/thread_state.h"

namespace tpy {

namespace vm {
extern volatile std::sig_atomic_t g_pending_sigint;
}

namespace {

constexpr int kNsig = 65;
volatile std::sig_atomic_t g_tripped[kNsig];
std::atomic<bool> g_any_tripped{false};
volatile int g_wakeup_fd = -1;

void c_handler(int sig) {
  int saved = errno;
  if (sig > 0 && sig < kNsig) g_tripped[sig] = 1;
  g_any_tripped = true;
  // Only SIGINT trips the eval breaker today (it raises KeyboardInterrupt there); see signal.h.
  if (sig == SIGINT) vm::g_pending_sigint = 1;
  if (g_wakeup_fd >= 0) {
    unsigned char b = static_cast<unsigned char>(sig);
    [[maybe_unused]] ssize_t r = ::write(g_wakeup_fd, &b, 1);
  }
  errno = saved;
}

Value handlers() {
  Value& l = gc::g_roots.signal_handlers();
  if (l.is_null()) {
    l = list_new(kNsig);
    for (int i = 0; i < kNsig && !l.is_null(); i++) list_append(l, None());
  }
  return l;
}

Value default_int_handler_fn() {
  Value m = dict_get_cstr(gc::g_roots.sys_modules(), "_signal");
  return m.is_null() ? m : dict_get_cstr(module_dict(m), "default_int_handler");
}

bool signum_arg(Value v, int* out) {
  int64_t n;
  if (!index_to_i64(v, &n)) return false;
  if (n < 1 || n >= kNsig) {
    raise_error(exc_ValueError, "signal number out of range");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

Value sg_default_int_handler(Value, const Value*, size_t, Value) {
  return raise_empty(exc_KeyboardInterrupt);
}

Value sg_signal(Value, const Value* args, size_t nargs, Value) {
  int sig;
  if (!check_nargs("signal", nargs, 2, 2) || !signum_arg(args[0], &sig)) return Value();
  Value h = args[1];
  struct sigaction sa = {};
  sigemptyset(&sa.sa_mask);
  int64_t code = -1;
  if (h.is_int()) code = h.as_int();
  if (code == 0 || code == 1) {
    sa.sa_handler = code == 0 ? SIG_DFL : SIG_IGN;
  } else if (is_callable(h) > 0) {
    sa.sa_handler = c_handler;
  } else {
    return raise_error(exc_TypeError,
                       "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  if (sig == SIGKILL || sig == SIGSTOP) return posix_error(EINVAL);
  Value old = list_at(handlers(), sig);
  if (is_none(old)) {
    // Not set from Python yet: report what the process has.
    struct sigaction cur = {};
    sigaction(sig, nullptr, &cur);
    old = sig == SIGINT && cur.sa_handler != SIG_DFL && cur.sa_handler != SIG_IGN
              ? default_int_handler_fn()
              : Value::from_int(cur.sa_handler == SIG_IGN ? 1 : 0);
  }
  if (sigaction(sig, &sa, nullptr) != 0) return posix_error(errno);
  if (setitem(handlers(), Value::from_int(sig), h) < 0) return Value();
  return old;
}

Value sg_getsignal(Value, const Value* args, size_t nargs, Value) {
  int sig;
  if (!check_nargs("getsignal", nargs, 1, 1) || !signum_arg(args[0], &sig)) return Value();
  Value h = list_at(handlers(), sig);
  if (!is_none(h)) return h;
  struct sigaction cur = {};
  sigaction(sig, nullptr, &cur);
  if (cur.sa_handler == SIG_IGN) return Value::from_int(1);
  if (cur.sa_handler == SIG_DFL) return Value::from_int(0);
  if (sig == SIGINT) return default_int_handler_fn();
  return None();
}

Value sg_raise_signal(Value, const Value* args, size_t nargs, Value) {
  int sig;
  if (!check_nargs("raise_signal", nargs, 1, 1) || !signum_arg(args[0], &sig)) return Value();
  if (::raise(sig) != 0) return posix_error(errno);
  if (signal_run_pending() < 0) return Value();
  return None();
}

Value sg_strsignal(Value, const Value* args, size_t nargs, Value) {
  int sig;
  if (!check_nargs("strsignal", nargs, 1, 1) || !signum_arg(args[0], &sig)) return Value();
  const char* s = ::strsignal(sig);
  if (!s || std::strncmp(s, "Unknown signal", 14) == 0 || std::strncmp(s, "Real-time signal", 16) == 0)
    return None();
  return str_from_utf8(s);
}

Value sg_valid_signals(Value, const Value*, size_t, Value) {
  Value s = set_new();
  if (s.is_null()) return s;
  for (int i = 1; i < kNsig; i++) {
    if (i == 32 || i == 33) continue;  // glibc's internal real-time signals
    if (set_add(s, Value::from_int(i)) < 0) return Value();
  }
  return s;
}

Value sg_alarm(Value, const Value* args, size_t nargs, Value) {
  int64_t secs;
  if (!check_nargs("alarm", nargs, 1, 1) || !index_to_i64(args[0], &secs)) return Value();
  return int_from_i64(::alarm(static_cast<unsigned>(secs)));
}

Value sg_pause(Value, const Value*, size_t, Value) {
  ::pause();
  if (signal_run_pending() < 0) return Value();
  return None();
}

Value sg_set_wakeup_fd(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"fd", "warn_on_full_buffer", nullptr};
  Value fdv, warn;
  ArgSpec spec{"set_wakeup_fd", kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&fdv, &warn})) return Value();
  int64_t fd;
  if (!index_to_i64(fdv, &fd)) return Value();
  int old = g_wakeup_fd;
  g_wakeup_fd = static_cast<int>(fd);
  return int_from_i64(old);
}

Value sg_siginterrupt(Value, const Value* args, size_t nargs, Value) {
  int sig;
  if (!check_nargs("siginterrupt", nargs, 2, 2) || !signum_arg(args[0], &sig)) return Value();
  int flag = object_truthy(args[1]);
  if (flag < 0) return Value();
  struct sigaction sa = {};
  sigaction(sig, nullptr, &sa);
  if (flag) sa.sa_flags &= ~SA_RESTART;
  else sa.sa_flags |= SA_RESTART;
  sigaction(sig, &sa, nullptr);
  return None();
}

Value timer_tuple(const struct itimerval& v) {
  auto f = [](const struct timeval& t) { return float_from_double(t.tv_sec + t.tv_usec * 1e-6); };
  return tuple_pack({f(v.it_value), f(v.it_interval)});
}

bool seconds_arg(Value v, struct timeval* tv) {
  Value f = is_float(v) ? v : number_float(v);
  if (f.is_null()) return false;
  double d = float_as_double(f);
  tv->tv_sec = static_cast<time_t>(d);
  tv->tv_usec = static_cast<suseconds_t>((d - static_cast<double>(tv->tv_sec)) * 1e6);
  return true;
}

Value sg_setitimer(Value, const Value* args, size_t nargs, Value) {
  int64_t which;
  if (!check_nargs("setitimer", nargs, 2, 3) || !index_to_i64(args[0], &which)) return Value();
  struct itimerval nv = {}, old = {};
  if (!seconds_arg(args[1], &nv.it_value) || (nargs > 2 && !seconds_arg(args[2], &nv.it_interval)))
    return Value();
  if (::setitimer(static_cast<int>(which), &nv, &old) != 0) return posix_error(errno);
  return timer_tuple(old);
}

Value sg_getitimer(Value, const Value* args, size_t nargs, Value) {
  int64_t which;
  if (!check_nargs("getitimer", nargs, 1, 1) || !index_to_i64(args[0], &which)) return Value();
  struct itimerval v = {};
  if (::getitimer(static_cast<int>(which), &v) != 0) return posix_error(errno);
  return timer_tuple(v);
}

Value sg_pthread_kill(Value, const Value* args, size_t nargs, Value) {
  int64_t tid;
  int sig;
  if (!check_nargs("pthread_kill", nargs, 2, 2) || !index_to_i64(args[0], &tid) || !signum_arg(args[1], &sig))
    return Value();
  int r = ::pthread_kill(static_cast<pthread_t>(tid), sig);
  if (r != 0) return posix_error(r);
  if (signal_run_pending() < 0) return Value();
  return None();
}

Value sg_pthread_sigmask(Value, const Value* args, size_t nargs, Value) {
  int64_t how;
  if (!check_nargs("pthread_sigmask", nargs, 2, 2) || !index_to_i64(args[0], &how)) return Value();
  sigset_t set, old;
  sigemptyset(&set);
  Value it = get_iter(args[1]);
  if (it.is_null()) return it;
  for (Value v; !(v = iter_next(it)).is_null();) {
    int sig;
    if (!signum_arg(v, &sig)) return Value();
    sigaddset(&set, sig);
  }
  if (error_occurred()) return Value();
  int r = ::pthread_sigmask(static_cast<int>(how), &set, &old);
  if (r != 0) return posix_error(r);
  Value out = set_new();
  for (int i = 1; i < kNsig && !out.is_null(); i++)
    if (sigismember(&old, i) == 1 && set_add(out, Value::from_int(i)) < 0) return Value();
  return out;
}

const MethodDef signal_functions[] = {
    {"default_int_handler", sg_default_int_handler, kMethFast, nullptr},
    {"signal", sg_signal, kMethFast, nullptr},
    {"getsignal", sg_getsignal, kMethFast, nullptr},
    {"raise_signal", sg_raise_signal, kMethFast, nullptr},
    {"strsignal", sg_strsignal, kMethFast, nullptr},
    {"valid_signals", sg_valid_signals, kMethNoArgs, nullptr},
    {"alarm", sg_alarm, kMethFast, nullptr},
    {"pause", sg_pause, kMethNoArgs, nullptr},
    {"set_wakeup_fd", sg_set_wakeup_fd, kMethFastKw, nullptr},
    {"siginterrupt", sg_siginterrupt, kMethFast, nullptr},
    {"setitimer", sg_setitimer, kMethFast, nullptr},
    {"getitimer", sg_getitimer, kMethFast, nullptr},
    {"pthread_kill", sg_pthread_kill, kMethFast, nullptr},
    {"pthread_sigmask", sg_pthread_sigmask, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

#define TPY_SIGNALS(X)                                                                       \
  X(SIGHUP) X(SIGINT) X(SIGQUIT) X(SIGILL) X(SIGTRAP) X(SIGABRT) X(SIGIOT) X(SIGBUS) X(SIGFPE) \
  X(SIGKILL) X(SIGUSR1) X(SIGSEGV) X(SIGUSR2) X(SIGPIPE) X(SIGALRM) X(SIGTERM) X(SIGSTKFLT)    \
  X(SIGCHLD) X(SIGCONT) X(SIGSTOP) X(SIGTSTP) X(SIGTTIN) X(SIGTTOU) X(SIGURG) X(SIGXCPU)      \
  X(SIGXFSZ) X(SIGVTALRM) X(SIGPROF) X(SIGWINCH) X(SIGIO) X(SIGPOLL) X(SIGPWR) X(SIGSYS)      \
  X(SIGRTMIN) X(SIGRTMAX) X(ITIMER_REAL) X(ITIMER_VIRTUAL) X(ITIMER_PROF) X(SIG_BLOCK)         \
  X(SIG_UNBLOCK) X(SIG_SETMASK)

}  // namespace

bool signal_pending() { return g_any_tripped.load(); }

int signal_run_pending() {
  if (!g_any_tripped.exchange(false)) return 0;
  for (int sig = 1; sig < kNsig; sig++) {
    if (!g_tripped[sig]) continue;
    g_tripped[sig] = 0;
    Value h = list_at(handlers(), sig);
    if (is_none(h) || h.is_int()) {
      if (sig == SIGINT) {
        raise_empty(exc_KeyboardInterrupt);
        return -1;
      }
      continue;
    }
    Value frame = ts().frame ? frame_object(ts().frame) : None();
    if (frame.is_null()) return -1;
    Value args[2] = {Value::from_int(sig), frame};
    if (call(h, args, 2).is_null()) return -1;
  }
  return 0;
}

Value create_signal_module() {
  Value m = module_new_cstr("_signal");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, signal_functions, m, str_intern("_signal")) < 0 || handlers().is_null())
    return Value();
#define TPY_ADD(name) \
  if (dict_set_cstr(d, #name, int_from_i64(name)) < 0) return Value();
  TPY_SIGNALS(TPY_ADD)
#undef TPY_ADD
  if (dict_set_cstr(d, "SIG_DFL", Value::from_int(0)) < 0 ||
      dict_set_cstr(d, "SIG_IGN", Value::from_int(1)) < 0 ||
      dict_set_cstr(d, "NSIG", Value::from_int(kNsig)) < 0 ||
      dict_set_cstr(d, "ItimerError", Value::from_object(exc_OSError)) < 0)
    return Value();
  return m;
}

}  // namespace tpy
