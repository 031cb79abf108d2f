// interp/modules/posix_proc.cpp -- The process: environ, ids, uname, times, terminal size, wait
// statuses, kill, _exit, cpu_count.
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <sched.h>

#include "interp/modules/posix_internal.h"
#include "interp/modules/structseq.h"
#include "interp/modules/sys_module.h"
#include "interp/objects/abstract.h"
#include "interp/objects/bytes.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/set.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

extern char** environ;

namespace tpy {

constinit Type uname_result_type{&type_type, "posix.uname_result", sizeof(TupleObject),
                                 kTypeImmutable};
constinit Type terminal_size_type{&type_type, "os.terminal_size", sizeof(TupleObject),
                                  kTypeImmutable};
constinit Type times_result_type{&type_type, "posix.times_result", sizeof(TupleObject),
                                 kTypeImmutable};

namespace {

const StructSeqField kUnameFields[] = {{"sysname", "operating system name"},
                                       {"nodename", "name of machine on network (implementation-defined)"},
                                       {"release", "operating system release"},
                                       {"version", "operating system version"},
                                       {"machine", "hardware identifier"},
                                       {nullptr, nullptr}};
const StructSeqDesc kUnameDesc{
    kUnameFields, -1,
    "uname_result: Result from os.uname().\n\nThis object may be accessed either as a tuple of\n"
    "  (sysname, nodename, release, version, machine),\nor via the attributes sysname, "
    "nodename, release, version, and machine.\n\nSee os.uname for more information."};

const StructSeqField kTermFields[] = {{"columns", "width of the terminal window in characters"},
                                      {"lines", "height of the terminal window in characters"},
                                      {nullptr, nullptr}};
const StructSeqDesc kTermDesc{kTermFields, -1,
                              "A tuple of (columns, lines) for holding terminal window size"};

const StructSeqField kTimesFields[] = {{"user", "user time"},
                                       {"system", "system time"},
                                       {"children_user", "user time of children"},
                                       {"children_system", "system time of children"},
                                       {"elapsed", "elapsed time since an arbitrary point in the past"},
                                       {nullptr, nullptr}};
const StructSeqDesc kTimesDesc{
    kTimesFields, -1,
    "times_result: Result from os.times().\n\nThis object may be accessed either as a tuple of\n"
    "  (user, system, children_user, children_system, elapsed),\nor via the attributes user, "
    "system, children_user, children_system,\nand elapsed.\n\nSee os.times for more information."};

bool int_arg(Value v, int* out) {
  int64_t n;
  if (!index_to_i64(v, &n)) return false;
  *out = static_cast<int>(n);
  return true;
}

// posix.environ: bytes -> bytes, from the process environment at start-up (os.py wraps it).
Value make_environ() {
  Value d = dict_new();
  if (d.is_null()) return d;
  for (char** e = ::environ; e && *e; e++) {
    const char* eq = std::strchr(*e, '=');
    if (!eq) continue;
    Value k = bytes_from_data(*e, static_cast<size_t>(eq - *e));
    Value v = bytes_from_data(eq + 1, std::strlen(eq + 1));
    if (k.is_null() || v.is_null()) return Value();
    int has = dict_contains(d, k);
    if (has < 0) return Value();
    if (!has && dict_set(d, k, v) < 0) return Value();
  }
  return d;
}

bool env_arg(Value v, const char* fname, const char* argname, std::string* out) {
  PathArg p;
  if (!path_convert(v, fname, argname, false, false, &p)) return false;
  *out = p.path;
  return true;
}

Value px_putenv(Value, const Value* args, size_t nargs, Value) {
  std::string k, v;
  if (!check_nargs("putenv", nargs, 2, 2) || !env_arg(args[0], "putenv", "name", &k) ||
      !env_arg(args[1], "putenv", "value", &v))
    return Value();
  if (k.empty() || k.find('=') != std::string::npos)
    return raise_error(exc_ValueError, "illegal environment variable name");
  if (::setenv(k.c_str(), v.c_str(), 1) != 0) return posix_error(errno);
  return None();
}

Value px_unsetenv(Value, const Value* args, size_t nargs, Value) {
  std::string k;
  if (!check_nargs("unsetenv", nargs, 1, 1) || !env_arg(args[0], "unsetenv", "name", &k))
    return Value();
  if (k.empty() || k.find('=') != std::string::npos)
    return raise_error(exc_ValueError, "illegal environment variable name");
  if (::unsetenv(k.c_str()) != 0) return posix_error(errno);
  return None();
}

Value px_getpid(Value, const Value*, size_t, Value) { return int_from_i64(::getpid()); }
Value px_getppid(Value, const Value*, size_t, Value) { return int_from_i64(::getppid()); }
Value px_getuid(Value, const Value*, size_t, Value) { return int_from_i64(::getuid()); }
Value px_geteuid(Value, const Value*, size_t, Value) { return int_from_i64(::geteuid()); }
Value px_getgid(Value, const Value*, size_t, Value) { return int_from_i64(::getgid()); }
Value px_getegid(Value, const Value*, size_t, Value) { return int_from_i64(::getegid()); }
Value px_getpgrp(Value, const Value*, size_t, Value) { return int_from_i64(::getpgrp()); }

Value px_cpu_count(Value, const Value*, size_t, Value) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? None() : int_from_i64(n);
}

Value px_exit(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"status", nullptr};
  Value st;
  ArgSpec spec{"_exit", kw, 1, 1, 0, false};
  int code;
  if (!parse_args(spec, args, nargs, kwnames, {&st}) || !int_arg(st, &code)) return Value();
  ::_exit(code);
}

Value px_uname(Value, const Value*, size_t, Value) {
  struct utsname u;
  if (::uname(&u) != 0) return posix_error(errno);
  return structseq_new(&uname_result_type,
                       {str_from_utf8(u.sysname), str_from_utf8(u.nodename),
                        str_from_utf8(u.release), str_from_utf8(u.version),
                        str_from_utf8(u.machine)});
}

Value px_times(Value, const Value*, size_t, Value) {
  struct tms t;
  clock_t c = ::times(&t);
  if (c == static_cast<clock_t>(-1)) return posix_error(errno);
  double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  auto f = [&](clock_t v) { return float_from_double(static_cast<double>(v) / tick); };
  return structseq_new(&times_result_type,
                       {f(t.tms_utime), f(t.tms_stime), f(t.tms_cutime), f(t.tms_cstime), f(c)});
}

Value px_get_terminal_size(Value, const Value* args, size_t nargs, Value) {
  int fd = 1;
  if (!check_nargs("get_terminal_size", nargs, 0, 1) || (nargs && !int_arg(args[0], &fd)))
    return Value();
  struct winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) != 0) return posix_error(errno);
  return structseq_new(&terminal_size_type, {int_from_i64(w.ws_col), int_from_i64(w.ws_row)});
}

Value px_waitstatus_to_exitcode(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"status", nullptr};
  Value st;
  ArgSpec spec{"waitstatus_to_exitcode", kw, 1, 1, 0, false};
  int status;
  if (!parse_args(spec, args, nargs, kwnames, {&st}) || !int_arg(st, &status)) return Value();
  if (WIFEXITED(status)) return int_from_i64(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return int_from_i64(-WTERMSIG(status));
  return raise_format(exc_ValueError, "invalid wait status: %d", status);
}

template <int (*F)(int)>
Value wait_macro(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"status", nullptr};
  Value st;
  ArgSpec spec{"W", kw, 1, 1, 0, false};
  int status;
  if (!parse_args(spec, args, nargs, kwnames, {&st}) || !int_arg(st, &status)) return Value();
  return int_from_i64(F(status));
}
int w_exitstatus(int s) { return WEXITSTATUS(s); }
int w_termsig(int s) { return WTERMSIG(s); }
int w_stopsig(int s) { return WSTOPSIG(s); }
template <int (*F)(int)>
Value wait_pred(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value r = wait_macro<F>(self, args, nargs, kwnames);
  if (r.is_null()) return r;
  return Bool(r.as_int() != 0);
}
int w_ifexited(int s) { return WIFEXITED(s); }
int w_ifsignaled(int s) { return WIFSIGNALED(s); }
int w_ifstopped(int s) { return WIFSTOPPED(s); }
int w_ifcontinued(int s) { return WIFCONTINUED(s); }
int w_coredump(int s) { return WCOREDUMP(s); }

Value px_kill(Value, const Value* args, size_t nargs, Value) {
  int pid, sig;
  if (!check_nargs("kill", nargs, 2, 2) || !int_arg(args[0], &pid) || !int_arg(args[1], &sig))
    return Value();
  sys_flush_std_streams();
  if (::kill(pid, sig) != 0) return posix_error(errno);
  return None();
}

Value px_waitpid(Value, const Value* args, size_t nargs, Value) {
  int pid, options;
  if (!check_nargs("waitpid", nargs, 2, 2) || !int_arg(args[0], &pid) || !int_arg(args[1], &options))
    return Value();
  int status = 0;
  pid_t r;
  do r = ::waitpid(pid, &status, options);
  while (r < 0 && errno == EINTR);
  if (r < 0) return posix_error(errno);
  return tuple_pack({int_from_i64(r), int_from_i64(status)});
}

Value px_system(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"command", nullptr};
  Value cmd;
  ArgSpec spec{"system", kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&cmd})) return Value();
  PathArg p;
  if (!path_convert(cmd, "system", "command", false, false, &p)) return Value();
  sys_flush_std_streams();
  return int_from_i64(::system(p.path.c_str()));
}

Value px_fork(Value, const Value*, size_t, Value) {
  sys_flush_std_streams();
  pid_t pid = ::fork();
  if (pid < 0) return posix_error(errno);
  return int_from_i64(pid);
}

// execv(path, argv) / execve(path, argv, env): replace the process image.
bool string_list(Value seq, const char* fname, std::vector<std::string>* out) {
  if (!is_list(seq) && !is_tuple(seq))
    return raise_format(exc_TypeError, "%s() arg 2 must be a tuple or list", fname), false;
  Value items = list_from_iterable(seq);
  if (items.is_null()) return false;
  for (int64_t i = 0; i < list_length(items); i++) {
    PathArg p;
    if (!path_convert(list_at(items, i), fname, "args", false, false, &p)) return false;
    out->push_back(p.path);
  }
  if (out->empty() || (*out)[0].empty())
    return raise_format(exc_ValueError, "%s() arg 2 first element cannot be empty", fname), false;
  return true;
}

Value do_exec(const char* fname, const Value* args, size_t nargs, bool with_env) {
  if (!check_nargs(fname, nargs, with_env ? 3 : 2, with_env ? 3 : 2)) return Value();
  PathArg path;
  std::vector<std::string> argv, envv;
  if (!path_convert(args[0], fname, "path", false, false, &path) || !string_list(args[1], fname, &argv))
    return Value();
  if (with_env) {
    Value env = args[2];
    Value keys = call_method(env, str_intern("keys"), nullptr, 0);
    Value klist = keys.is_null() ? keys : list_from_iterable(keys);
    if (klist.is_null()) return Value();
    for (int64_t i = 0; i < list_length(klist); i++) {
      Value k = list_at(klist, i), v = getitem(env, k);
      PathArg pk, pv;
      if (v.is_null() || !path_convert(k, fname, "env key", false, false, &pk) ||
          !path_convert(v, fname, "env value", false, false, &pv))
        return Value();
      envv.push_back(pk.path + "=" + pv.path);
    }
  }
  std::vector<char*> a, e;
  for (auto& s : argv) a.push_back(s.data());
  a.push_back(nullptr);
  for (auto& s : envv) e.push_back(s.data());
  e.push_back(nullptr);
  sys_flush_std_streams();
  if (with_env) ::execve(path.path.c_str(), a.data(), e.data());
  else ::execv(path.path.c_str(), a.data());
  return posix_error(errno);
}

Value px_execv(Value, const Value* args, size_t nargs, Value) { return do_exec("execv", args, nargs, false); }
Value px_execve(Value, const Value* args, size_t nargs, Value) { return do_exec("execve", args, nargs, true); }

Value px_setsid(Value, const Value*, size_t, Value) {
  if (::setsid() < 0) return posix_error(errno);
  return None();
}

Value px_getpgid(Value, const Value* args, size_t nargs, Value) {
  int pid;
  if (!check_nargs("getpgid", nargs, 1, 1) || !int_arg(args[0], &pid)) return Value();
  pid_t r = ::getpgid(pid);
  if (r < 0) return posix_error(errno);
  return int_from_i64(r);
}

Value px_getloadavg(Value, const Value*, size_t, Value) {
  double l[3];
  if (::getloadavg(l, 3) != 3) return raise_error(exc_OSError, "Load averages are unobtainable");
  return tuple_pack({float_from_double(l[0]), float_from_double(l[1]), float_from_double(l[2])});
}

Value px_sched_getaffinity(Value, const Value* args, size_t nargs, Value) {
  int pid;
  if (!check_nargs("sched_getaffinity", nargs, 1, 1) || !int_arg(args[0], &pid)) return Value();
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(pid, sizeof set, &set) != 0) return posix_error(errno);
  Value s = set_new();
  for (int i = 0; i < CPU_SETSIZE && !s.is_null(); i++)
    if (CPU_ISSET(i, &set) && set_add(s, int_from_i64(i)) < 0) return Value();
  return s;
}

}  // namespace

const MethodDef posix_proc_functions[] = {
    {"system", px_system, kMethFastKw, nullptr},
    {"fork", px_fork, kMethNoArgs, nullptr},
    {"execv", px_execv, kMethFast, nullptr},
    {"execve", px_execve, kMethFast, nullptr},
    {"setsid", px_setsid, kMethNoArgs, nullptr},
    {"getpgid", px_getpgid, kMethFast, nullptr},
    {"getloadavg", px_getloadavg, kMethNoArgs, nullptr},
    {"sched_getaffinity", px_sched_getaffinity, kMethFast, nullptr},
    {"putenv", px_putenv, kMethFast, nullptr},
    {"unsetenv", px_unsetenv, kMethFast, nullptr},
    {"getpid", px_getpid, kMethNoArgs, nullptr},
    {"getppid", px_getppid, kMethNoArgs, nullptr},
    {"getuid", px_getuid, kMethNoArgs, nullptr},
    {"geteuid", px_geteuid, kMethNoArgs, nullptr},
    {"getgid", px_getgid, kMethNoArgs, nullptr},
    {"getegid", px_getegid, kMethNoArgs, nullptr},
    {"getpgrp", px_getpgrp, kMethNoArgs, nullptr},
    {"cpu_count", px_cpu_count, kMethNoArgs, nullptr},
    {"_exit", px_exit, kMethFastKw, nullptr},
    {"uname", px_uname, kMethNoArgs, nullptr},
    {"times", px_times, kMethNoArgs, nullptr},
    {"get_terminal_size", px_get_terminal_size, kMethFast, nullptr},
    {"waitstatus_to_exitcode", px_waitstatus_to_exitcode, kMethFastKw, nullptr},
    {"WEXITSTATUS", wait_macro<w_exitstatus>, kMethFastKw, nullptr},
    {"WTERMSIG", wait_macro<w_termsig>, kMethFastKw, nullptr},
    {"WSTOPSIG", wait_macro<w_stopsig>, kMethFastKw, nullptr},
    {"WIFEXITED", wait_pred<w_ifexited>, kMethFastKw, nullptr},
    {"WIFSIGNALED", wait_pred<w_ifsignaled>, kMethFastKw, nullptr},
    {"WIFSTOPPED", wait_pred<w_ifstopped>, kMethFastKw, nullptr},
    {"WIFCONTINUED", wait_pred<w_ifcontinued>, kMethFastKw, nullptr},
    {"WCOREDUMP", wait_pred<w_coredump>, kMethFastKw, nullptr},
    {"kill", px_kill, kMethFast, nullptr},
    {"waitpid", px_waitpid, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

bool posix_add_proc_attrs(Value d) {
  if (!uname_result_type.has_flag(kTypeReady) &&
      (!structseq_init_type(&uname_result_type, &kUnameDesc) ||
       !structseq_init_type(&terminal_size_type, &kTermDesc) ||
       !structseq_init_type(&times_result_type, &kTimesDesc)))
    return false;
  Value env = make_environ();
  return !env.is_null() && dict_set_cstr(d, "environ", env) == 0 &&
         dict_set_cstr(d, "uname_result", Value::from_object(&uname_result_type)) == 0 &&
         dict_set_cstr(d, "terminal_size", Value::from_object(&terminal_size_type)) == 0 &&
         dict_set_cstr(d, "times_result", Value::from_object(&times_result_type)) == 0;
}

}  // namespace tpy
