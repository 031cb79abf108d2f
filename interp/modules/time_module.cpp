// interp/modules/time_module.cpp -- The time module: clocks (time, monotonic, perf_counter,
// process_time, thread_time and their _ns twins, clock_gettime), sleep, get_clock_info, the
// timezone attributes and the module object.
#include <cerrno>
#include <cmath>
#include <ctime>

#include <pthread.h>

#include "interp/modules/math_internal.h"
#include "interp/modules/native_modules.h"
#include "interp/modules/signal.h"
#include "interp/modules/time_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/import.h"
#include "interp/vm/module.h"

namespace tpy::timemod {

bool arg_to_time_t(Value v, time_t* out) {
  if (is_float(v)) {
    double d = float_as_double(v);
    if (std::isnan(d)) {
      raise_error(exc_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    if (!(d >= -9.2233720368547758e18 && d < 9.2233720368547758e18)) {
      raise_error(exc_OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = static_cast<time_t>(d);
    return true;
  }
  Value i = number_index(v);
  if (i.is_null()) return false;
  int64_t x;
  if (!int_to_i64(i, &x)) {
    raise_error(exc_OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  *out = static_cast<time_t>(x);
  return true;
}

namespace {

int64_t clock_ns(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Nanoseconds as float seconds, as _PyTime_AsSecondsDouble.
Value seconds(int64_t ns) {
  double d = ns % 1000000000 == 0 ? static_cast<double>(ns / 1000000000) : ns / 1e9;
  return float_from_double(d);
}

template <clockid_t kId>
Value f_clock(Value, const Value*, size_t, Value) { return seconds(clock_ns(kId)); }
template <clockid_t kId>
Value f_clock_ns(Value, const Value*, size_t, Value) { return int_from_i64(clock_ns(kId)); }

bool clock_id_arg(Value v, clockid_t* out) {
  int64_t id;
  if (!arg_to_index(v, &id)) return false;
  *out = static_cast<clockid_t>(id);
  return true;
}

Value f_clock_gettime(Value, const Value* args, size_t, Value) {
  clockid_t id;
  if (!clock_id_arg(args[0], &id)) return Value();
  struct timespec ts;
  if (clock_gettime(id, &ts) != 0) return raise_errno(errno);
  return float_from_double(ts.tv_sec + ts.tv_nsec * 1e-9);
}

Value f_clock_gettime_ns(Value, const Value* args, size_t, Value) {
  clockid_t id;
  if (!clock_id_arg(args[0], &id)) return Value();
  struct timespec ts;
  if (clock_gettime(id, &ts) != 0) return raise_errno(errno);
  return int_from_i64(static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec);
}

Value f_clock_settime(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("clock_settime", nargs, 2, 2)) return Value();
  clockid_t id;
  if (!clock_id_arg(args[0], &id)) return Value();
  double t;
  if (!math_mod::arg_double(args[1], &t)) return Value();
  struct timespec ts;
  ts.tv_sec = static_cast<time_t>(std::floor(t));
  ts.tv_nsec = static_cast<long>((t - std::floor(t)) * 1e9);
  if (clock_settime(id, &ts) != 0) return raise_errno(errno);
  return None();
}

Value f_clock_settime_ns(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("clock_settime_ns", nargs, 2, 2)) return Value();
  clockid_t id;
  int64_t ns;
  if (!clock_id_arg(args[0], &id) || !index_to_i64(args[1], &ns)) return Value();
  struct timespec ts;
  ts.tv_sec = static_cast<time_t>(ns / 1000000000);
  ts.tv_nsec = static_cast<long>(ns % 1000000000);
  if (ts.tv_nsec < 0) {
    ts.tv_nsec += 1000000000;
    ts.tv_sec--;
  }
  if (clock_settime(id, &ts) != 0) return raise_errno(errno);
  return None();
}

Value f_pthread_getcpuclockid(Value, const Value* args, size_t, Value) {
  int64_t tid;
  if (!index_to_i64(args[0], &tid)) return Value();
  clockid_t id;
  int err = pthread_getcpuclockid(static_cast<pthread_t>(tid), &id);
  if (err != 0) return raise_errno(err);
  return Value::from_int(id);
}

Value f_clock_getres(Value, const Value* args, size_t, Value) {
  clockid_t id;
  if (!clock_id_arg(args[0], &id)) return Value();
  struct timespec ts;
  if (clock_getres(id, &ts) != 0) return raise_errno(errno);
  return float_from_double(ts.tv_sec + ts.tv_nsec * 1e-9);
}

Value f_sleep(Value, const Value* args, size_t, Value) {
  double secs;
  Value v = args[0];
  if (is_float(v)) {
    secs = float_as_double(v);
    if (std::isnan(secs)) return raise_error(exc_ValueError, "Invalid value NaN (not a number)");
  } else {
    Value i = number_index(v);
    if (i.is_null()) return i;
    if (!int_to_double(i, &secs)) {
      int_take_error();
      return raise_error(exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    }
  }
  if (secs < 0) return raise_error(exc_ValueError, "sleep length must be non-negative");
  struct timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  double whole = std::floor(secs);
  deadline.tv_sec += static_cast<time_t>(whole);
  deadline.tv_nsec += static_cast<long>((secs - whole) * 1e9);
  if (deadline.tv_nsec >= 1000000000) {
    deadline.tv_sec++;
    deadline.tv_nsec -= 1000000000;
  }
  // Sleep to an absolute deadline so that a signal does not lengthen the sleep; its Python
  // handler runs at once and may end the sleep with an exception (PEP 475).
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr) == EINTR) {
    if (signal_run_pending() < 0) return Value();
  }
  return None();
}

// time.get_clock_info(name): a types.SimpleNamespace as CPython returns.
Value f_get_clock_info(Value, const Value* args, size_t, Value) {
  Value name = args[0];
  if (!is_str(name)) return raise_error(exc_TypeError, "get_clock_info() argument must be str");
  std::string n = str_to_utf8(name);
  const char* impl;
  clockid_t id;
  bool monotonic = true, adjustable = false;
  if (n == "time") {
    impl = "clock_gettime(CLOCK_REALTIME)";
    id = CLOCK_REALTIME;
    monotonic = false;
    adjustable = true;
  } else if (n == "monotonic" || n == "perf_counter") {
    impl = "clock_gettime(CLOCK_MONOTONIC)";
    id = CLOCK_MONOTONIC;
  } else if (n == "process_time") {
    impl = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)";
    id = CLOCK_PROCESS_CPUTIME_ID;
  } else if (n == "thread_time") {
    impl = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)";
    id = CLOCK_THREAD_CPUTIME_ID;
  } else {
    return raise_error(exc_ValueError, "unknown clock");
  }
  struct timespec res;
  clock_getres(id, &res);
  Value types = import_module("types");
  if (types.is_null()) return types;
  Value ns_type = getattr_cstr(types, "SimpleNamespace");
  if (ns_type.is_null()) return ns_type;
  Value kwnames = tuple_pack({str_intern("implementation"), str_intern("monotonic"),
                              str_intern("adjustable"), str_intern("resolution")});
  if (kwnames.is_null()) return kwnames;
  Value values[4] = {str_from_ascii(impl), Bool(monotonic), Bool(adjustable),
                     float_from_double(res.tv_sec + res.tv_nsec * 1e-9)};
  return call(ns_type, values, 0, kwnames);
}

// timezone, altzone, daylight and tzname from January and July of this year, as CPython's
// init_timezone (the southern hemisphere has its DST in January).
bool set_timezone_attrs(Value d) {
  tzset();
  const time_t year = (365 * 24 + 6) * 3600;
  time_t t = (time(nullptr) / year) * year;
  struct tm p;
  localtime_r(&t, &p);
  long janzone = -p.tm_gmtoff;
  std::string janname = p.tm_zone ? p.tm_zone : "   ";
  t += year / 2;
  localtime_r(&t, &p);
  long julyzone = -p.tm_gmtoff;
  std::string julyname = p.tm_zone ? p.tm_zone : "   ";
  bool southern = janzone < julyzone;
  long zone = southern ? julyzone : janzone, alt = southern ? janzone : julyzone;
  Value names = tuple_pack({str_from_utf8(southern ? julyname : janname),
                            str_from_utf8(southern ? janname : julyname)});
  if (names.is_null()) return false;
  return dict_set_cstr(d, "timezone", int_from_i64(zone)) == 0 &&
         dict_set_cstr(d, "altzone", int_from_i64(alt)) == 0 &&
         dict_set_cstr(d, "daylight", Value::from_int(janzone != julyzone)) == 0 &&
         dict_set_cstr(d, "tzname", names) == 0;
}

Value f_tzset(Value module, const Value*, size_t, Value) {
  return set_timezone_attrs(module_dict(module)) ? None() : Value();
}

const MethodDef kClockFunctions[] = {
    {"time", f_clock<CLOCK_REALTIME>, kMethNoArgs, "time() -> floating point number\n\nReturn the current time in seconds since the Epoch.\nFractions of a second may be present if the system clock provides them."},
    {"time_ns", f_clock_ns<CLOCK_REALTIME>, kMethNoArgs, "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch."},
    {"monotonic", f_clock<CLOCK_MONOTONIC>, kMethNoArgs, "monotonic() -> float\n\nMonotonic clock, cannot go backward."},
    {"monotonic_ns", f_clock_ns<CLOCK_MONOTONIC>, kMethNoArgs, "monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", f_clock<CLOCK_MONOTONIC>, kMethNoArgs, "perf_counter() -> float\n\nPerformance counter for benchmarking."},
    {"perf_counter_ns", f_clock_ns<CLOCK_MONOTONIC>, kMethNoArgs, "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds."},
    {"process_time", f_clock<CLOCK_PROCESS_CPUTIME_ID>, kMethNoArgs, "process_time() -> float\n\nProcess time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", f_clock_ns<CLOCK_PROCESS_CPUTIME_ID>, kMethNoArgs, "process_time() -> int\n\nProcess time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."},
    {"thread_time", f_clock<CLOCK_THREAD_CPUTIME_ID>, kMethNoArgs, "thread_time() -> float\n\nThread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", f_clock_ns<CLOCK_THREAD_CPUTIME_ID>, kMethNoArgs, "thread_time() -> int\n\nThread time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."},
    {"clock_gettime", f_clock_gettime, kMethO, "clock_gettime(clk_id) -> float\n\nReturn the time of the specified clock clk_id."},
    {"clock_gettime_ns", f_clock_gettime_ns, kMethO, "clock_gettime(clk_id) -> int\n\nReturn the time of the specified clock clk_id as nanoseconds."},
    {"clock_settime", f_clock_settime, kMethFast, "clock_settime(clk_id, time)\n\nSet the time of the specified clock clk_id."},
    {"clock_settime_ns", f_clock_settime_ns, kMethFast, "clock_settime_ns(clk_id, time)\n\nSet the time of the specified clock clk_id with nanoseconds."},
    {"pthread_getcpuclockid", f_pthread_getcpuclockid, kMethO, "pthread_getcpuclockid(thread_id) -> int\n\nReturn the clk_id of a thread's CPU time clock."},
    {"clock_getres", f_clock_getres, kMethO, "clock_getres(clk_id) -> floating point number\n\nReturn the resolution (precision) of the specified clock clk_id."},
    {"sleep", f_sleep, kMethO, "sleep(seconds)\n\nDelay execution for a given number of seconds.  The argument may be\na floating point number for subsecond precision."},
    {"get_clock_info", f_get_clock_info, kMethO, "get_clock_info(name: str) -> dict\n\nGet information of the specified clock."},
    {"tzset", f_tzset, kMethNoArgs, "tzset()\n\nInitialize, or reinitialize, the local timezone to the value\nof the environment variable TZ."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace
}  // namespace tpy::timemod

namespace tpy {

Value create_time_module() {
  using namespace timemod;
  if (!init_struct_time()) return Value();
  Value m = module_new_cstr("time");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  Value name = dict_get_cstr(d, "__name__");
  if (add_native_functions(d, kClockFunctions, m, name) < 0 ||
      add_native_functions(d, kStructFunctions, m, name) < 0)
    return Value();
  if (dict_set_cstr(d, "struct_time", Value::from_object(&struct_time_type)) < 0 ||
      dict_set_cstr(d, "_STRUCT_TM_ITEMS", Value::from_int(11)) < 0)
    return Value();
  const struct {
    const char* name;
    int value;
  } clocks[] = {{"CLOCK_REALTIME", CLOCK_REALTIME},
                {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
                {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
                {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
                {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
                {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
                {"CLOCK_TAI", CLOCK_TAI}};
  for (const auto& c : clocks)
    if (dict_set_cstr(d, c.name, Value::from_int(c.value)) < 0) return Value();
  if (!set_timezone_attrs(d)) return Value();
  Value doc = str_from_ascii(
      "This module provides various functions to manipulate time values.\n\nThere are two "
      "standard representations of time.  One is the number\nof seconds since the Epoch, in "
      "UTC (a.k.a. GMT).  It may be an integer\nor a floating point number (to represent "
      "fractions of seconds).\nThe Epoch is system-defined; on Unix, it is generally January "
      "1st, 1970.\nThe actual value can be retrieved by calling gmtime(0).\n");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
