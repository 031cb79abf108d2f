// interp/modules/time_struct.cpp -- time.struct_time and the functions between timestamps,
// time tuples and text: gmtime, localtime, mktime, strftime, strptime, asctime, ctime.
#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include "interp/modules/structseq.h"
#include "interp/modules/time_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/import.h"

namespace tpy::timemod {

constinit Type struct_time_type{&type_type, "time.struct_time", sizeof(TupleObject), kTypeImmutable};

namespace {

const StructSeqField kFields[] = {
    {"tm_year", "year, for example, 1993"},
    {"tm_mon", "month of year, range [1, 12]"},
    {"tm_mday", "day of month, range [1, 31]"},
    {"tm_hour", "hours, range [0, 23]"},
    {"tm_min", "minutes, range [0, 59]"},
    {"tm_sec", "seconds, range [0, 61])"},
    {"tm_wday", "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", "day of year, range [1, 366]"},
    {"tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", "abbreviation of timezone name"},
    {"tm_gmtoff", "offset from UTC in seconds"},
    {nullptr, nullptr}};

const StructSeqDesc kDesc{
    kFields, 9,
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by "
    "asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers.\n\n"
    " Note that several fields' values are not the same as those defined by\n the C language "
    "standard for struct tm.  For example, the value of the\n field tm_year is the actual "
    "year, not year - 1900.  See individual\n fields' descriptions for details."};

Value from_tm(const struct tm& t) {
  Value zone = t.tm_zone ? str_from_utf8(t.tm_zone) : None();
  if (zone.is_null()) return zone;
  return structseq_new(&struct_time_type,
                       {int_from_i64(t.tm_year + 1900LL), Value::from_int(t.tm_mon + 1),
                        Value::from_int(t.tm_mday), Value::from_int(t.tm_hour),
                        Value::from_int(t.tm_min), Value::from_int(t.tm_sec),
                        Value::from_int((t.tm_wday + 6) % 7), Value::from_int(t.tm_yday + 1),
                        Value::from_int(t.tm_isdst), zone, int_from_i64(t.tm_gmtoff)});
}

// The timestamp argument (None or absent: now) broken down by [conv].
Value convert(const Value* args, size_t nargs, const char* name,
              struct tm* (*conv)(const time_t*, struct tm*)) {
  if (!check_nargs(name, nargs, 0, 1)) return Value();
  time_t t;
  if (nargs == 0 || is_none(args[0])) {
    t = time(nullptr);
  } else if (!arg_to_time_t(args[0], &t)) {
    return Value();
  }
  struct tm out;
  errno = 0;
  if (conv(&t, &out) == nullptr) {
    if (errno == EOVERFLOW)
      return raise_error(exc_OverflowError, "timestamp out of range for platform time_t");
    return raise_errno(errno ? errno : EINVAL);
  }
  return from_tm(out);
}

Value f_gmtime(Value, const Value* args, size_t nargs, Value) {
  return convert(args, nargs, "gmtime", gmtime_r);
}
Value f_localtime(Value, const Value* args, size_t nargs, Value) {
  return convert(args, nargs, "localtime", localtime_r);
}

// A time tuple (or struct_time) as a struct tm; [what] words the error ("mktime(): ...").
// [zone] keeps tm_zone's text alive.
bool tuple_to_tm(Value v, struct tm* out, const char* what, std::string* zone) {
  if (!is_tuple(v)) {
    raise_error(exc_TypeError, "Tuple or struct_time argument required");
    return false;
  }
  std::string illegal = std::string(what) + "(): illegal time tuple argument";
  int64_t n = tuple_length(v);
  if (n != 9) {
    raise_error(exc_TypeError, illegal);
    return false;
  }
  int f[9];
  for (int i = 0; i < 9; i++) {
    Value item = tuple_at(v, i);
    int64_t x;
    if (!arg_to_index(item, &x)) return false;
    if (x > INT_MAX || x < INT_MIN) {
      raise_error(exc_OverflowError, x > 0 ? "signed integer is greater than maximum"
                                           : "signed integer is less than minimum");
      return false;
    }
    f[i] = static_cast<int>(x);
  }
  if (f[0] < INT_MIN + 1900) {
    raise_error(exc_OverflowError, "year out of range");
    return false;
  }
  std::memset(out, 0, sizeof *out);
  out->tm_year = f[0] - 1900;
  out->tm_mon = f[1] - 1;
  out->tm_mday = f[2];
  out->tm_hour = f[3];
  out->tm_min = f[4];
  out->tm_sec = f[5];
  out->tm_wday = (f[6] + 1) % 7;
  out->tm_yday = f[7] - 1;
  out->tm_isdst = f[8];
  if (type_of(v) == &struct_time_type) {
    Value z = getattr_cstr(v, "tm_zone");
    if (z.is_null()) return false;
    if (is_str(z)) {
      *zone = str_to_utf8(z);
      out->tm_zone = zone->c_str();
    }
    Value off = getattr_cstr(v, "tm_gmtoff");
    if (off.is_null()) return false;
    int64_t o;
    if (!is_none(off) && index_to_i64(off, &o)) out->tm_gmtoff = o;
    if (error_occurred()) return false;
  }
  return true;
}

// strftime's and asctime's range checks; [normalise] first maps the zeros strftime accepts.
bool check_tm(struct tm* t, bool normalise) {
  if (normalise) {
    if (t->tm_mon == -1) t->tm_mon = 0;
    if (t->tm_mday == 0) t->tm_mday = 1;
    if (t->tm_yday == -1) t->tm_yday = 0;
    if (t->tm_isdst < -1) t->tm_isdst = -1;
    else if (t->tm_isdst > 1) t->tm_isdst = 1;
  }
  const char* error = nullptr;
  if (t->tm_mon < 0 || t->tm_mon > 11) error = "month out of range";
  else if (t->tm_mday < 1 || t->tm_mday > 31) error = "day of month out of range";
  else if (t->tm_hour < 0 || t->tm_hour > 23) error = "hour out of range";
  else if (t->tm_min < 0 || t->tm_min > 59) error = "minute out of range";
  else if (t->tm_sec < 0 || t->tm_sec > 61) error = "seconds out of range";
  else if (t->tm_wday < 0) error = "day of week out of range";
  else if (t->tm_yday < 0 || t->tm_yday > 365) error = "day of year out of range";
  if (error == nullptr) return true;
  raise_error(exc_ValueError, error);
  return false;
}

// The time tuple argument of strftime/asctime, or the local time now.
bool tm_arg(const Value* args, size_t nargs, size_t index, const char* what, struct tm* out,
            std::string* zone, bool normalise) {
  if (nargs <= index) {
    time_t now = time(nullptr);
    localtime_r(&now, out);
    return true;
  }
  return tuple_to_tm(args[index], out, what, zone) && check_tm(out, normalise);
}

Value f_strftime(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("strftime", nargs, 1, 2)) return Value();
  if (!is_str(args[0]))
    return raise_format(exc_TypeError, "strftime() argument 1 must be str, not %.200s",
                        type_of(args[0])->c_name());
  struct tm t;
  std::string zone;
  if (!tm_arg(args, nargs, 1, "strftime", &t, &zone, true)) return Value();
  std::string fmt = str_to_utf8(args[0]);
  for (size_t size = 1024;; size += size) {
    std::string out(size, '\0');
    size_t n = strftime(out.data(), size, fmt.c_str(), &t);
    if (n > 0 || size >= 256 * fmt.size()) {
      out.resize(n);
      return str_from_utf8(out);
    }
  }
}

std::string asctime_text(const struct tm& t) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %lld", kDays[t.tm_wday],
                kMonths[t.tm_mon], t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec,
                1900LL + t.tm_year);
  return buf;
}

Value f_asctime(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("asctime", nargs, 0, 1)) return Value();
  struct tm t;
  std::string zone;
  if (!tm_arg(args, nargs, 0, "asctime", &t, &zone, false)) return Value();
  return str_from_ascii(asctime_text(t));
}

Value f_ctime(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("ctime", nargs, 0, 1)) return Value();
  time_t tt;
  if (nargs == 0 || is_none(args[0])) {
    tt = time(nullptr);
  } else if (!arg_to_time_t(args[0], &tt)) {
    return Value();
  }
  struct tm t;
  errno = 0;
  if (localtime_r(&tt, &t) == nullptr) {
    if (errno == EOVERFLOW)
      return raise_error(exc_OverflowError, "timestamp out of range for platform time_t");
    return raise_errno(errno ? errno : EINVAL);
  }
  return str_from_ascii(asctime_text(t));
}

Value f_mktime(Value, const Value* args, size_t, Value) {
  struct tm t;
  std::string zone;
  if (!tuple_to_tm(args[0], &t, "mktime", &zone)) return Value();
  t.tm_wday = -1;  // mktime leaves it alone only when it fails
  time_t tt = mktime(&t);
  if (tt == static_cast<time_t>(-1) && t.tm_wday == -1)
    return raise_error(exc_OverflowError, "mktime argument out of range");
  return float_from_double(static_cast<double>(tt));
}

Value f_strptime(Value, const Value* args, size_t nargs, Value kwnames) {
  Value mod = import_module("_strptime");
  if (mod.is_null()) return mod;
  Value fn = getattr_cstr(mod, "_strptime_time");
  if (fn.is_null()) return fn;
  return call(fn, args, nargs, kwnames);
}

}  // namespace

bool init_struct_time() {
  static bool done = false;
  if (done) return true;
  if (!structseq_init_type(&struct_time_type, &kDesc)) return false;
  done = true;
  return true;
}

const MethodDef kStructFunctions[] = {
    {"gmtime", f_gmtime, kMethFast, "gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n                       tm_sec, tm_wday, tm_yday, tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing UTC (a.k.a.\nGMT).  When 'seconds' is not passed in, convert the current time instead.\n\nIf the platform supports the tm_gmtoff and tm_zone, they are available as\nattributes only."},
    {"localtime", f_localtime, kMethFast, "localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n                          tm_sec,tm_wday,tm_yday,tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing local time.\nWhen 'seconds' is not passed in, convert the current time instead."},
    {"mktime", f_mktime, kMethO, "mktime(tuple) -> floating point number\n\nConvert a time tuple in local time to seconds since the Epoch.\nNote that mktime(gmtime(0)) will not generally return zero for most\ntime zones; instead the returned value will either be equal to that\nof the timezone or altzone attributes on the time module."},
    {"strftime", f_strftime, kMethFast, "strftime(format[, tuple]) -> string\n\nConvert a time tuple to a string according to a format specification.\nSee the library reference manual for formatting codes. When the time tuple\nis not present, current time as returned by localtime() is used."},
    {"strptime", f_strptime, kMethFastKw, "strptime(string, format) -> struct_time\n\nParse a string to a time tuple according to a format specification.\nSee the library reference manual for formatting codes (same as\nstrftime())."},
    {"asctime", f_asctime, kMethFast, "asctime([tuple]) -> string\n\nConvert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.\nWhen the time tuple is not present, current time as returned by localtime()\nis used."},
    {"ctime", f_ctime, kMethFast, "ctime(seconds) -> string\n\nConvert a time in seconds since the Epoch to a string in local time.\nThis is equivalent to asctime(localtime(seconds)). When the time tuple is\nnot present, current time as returned by localtime() is used."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace tpy::timemod
