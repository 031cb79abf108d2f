// interp/modules/posix_files.cpp -- File descriptors and file names: open/read/write/close,
// remove/rename/replace, access, chmod, links, utime, urandom, strerror, fspath.
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>

#include "interp/modules/posix_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

bool fd_arg(Value v, int* fd) {
  int64_t n;
  if (!index_to_i64(v, &n)) return false;
  if (n > INT_MAX || n < INT_MIN) {
    raise_error(exc_OverflowError, n > 0 ? "signed integer is greater than maximum"
                                         : "signed integer is less than minimum");
    return false;
  }
  *fd = static_cast<int>(n);
  return true;
}

Value px_open(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", "flags", "mode", "dir_fd", nullptr};
  Value path, flags, mode, dir_fd;
  ArgSpec spec{"open", kw, 2, 3, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path, &flags, &mode, &dir_fd})) return Value();
  PathArg p;
  int fl, dfd;
  int64_t m = 0777;
  if (!path_convert(path, "open", "path", false, false, &p) || !fd_arg(flags, &fl) ||
      (!mode.is_null() && !index_to_i64(mode, &m)) || !arg_dir_fd(dir_fd, "open", &dfd))
    return Value();
  int fd;
  do fd = ::openat(dfd, p.path.c_str(), fl | O_CLOEXEC, static_cast<mode_t>(m));
  while (fd < 0 && errno == EINTR);
  if (fd < 0) return posix_error(errno, path);
  return int_from_i64(fd);
}

Value px_close(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"fd", nullptr};
  Value fdv;
  ArgSpec spec{"close", kw, 1, 1, 0, false};
  int fd;
  if (!parse_args(spec, args, nargs, kwnames, {&fdv}) || !fd_arg(fdv, &fd)) return Value();
  if (::close(fd) != 0 && errno != EINTR) return posix_error(errno);
  return None();
}

Value px_closerange(Value, const Value* args, size_t nargs, Value) {
  int lo, hi;
  if (!check_nargs("closerange", nargs, 2, 2) || !fd_arg(args[0], &lo) || !fd_arg(args[1], &hi))
    return Value();
  for (int fd = lo; fd < hi; fd++) ::close(fd);
  return None();
}

Value px_read(Value, const Value* args, size_t nargs, Value) {
  int fd;
  int64_t n;
  if (!check_nargs("read", nargs, 2, 2) || !fd_arg(args[0], &fd) || !index_to_i64(args[1], &n))
    return Value();
  if (n < 0) return posix_error(EINVAL);
  Value b = bytes_new_uninit(n);
  if (b.is_null()) return b;
  ssize_t r;
  do r = ::read(fd, as_bytes(b)->data(), static_cast<size_t>(n));
  while (r < 0 && errno == EINTR);
  if (r < 0) return posix_error(errno);
  if (r == n) return b;
  return bytes_from_data(as_bytes(b)->data(), static_cast<size_t>(r));
}

Value px_write(Value, const Value* args, size_t nargs, Value) {
  int fd;
  if (!check_nargs("write", nargs, 2, 2) || !fd_arg(args[0], &fd)) return Value();
  BufferView v;
  if (!v.get(args[1])) return Value();
  ssize_t r;
  do r = ::write(fd, v.b.data, static_cast<size_t>(v.b.len));
  while (r < 0 && errno == EINTR);
  if (r < 0) return posix_error(errno);
  return int_from_i64(r);
}

Value px_lseek(Value, const Value* args, size_t nargs, Value) {
  int fd, how;
  int64_t pos;
  if (!check_nargs("lseek", nargs, 3, 3) || !fd_arg(args[0], &fd) || !index_to_i64(args[1], &pos) ||
      !fd_arg(args[2], &how))
    return Value();
  off_t r = ::lseek(fd, pos, how);
  if (r < 0) return posix_error(errno);
  return int_from_i64(r);
}

Value px_fd_call(const char* name, const Value* args, size_t nargs, int (*fn)(int)) {
  int fd;
  if (!check_nargs(name, nargs, 1, 1)) return Value();
  Value a = args[0];
  if (!a.is_int() && !is_instance_of(a, &int_type)) {
    // fsync accepts objects with fileno().
    static StrConst k_fileno("fileno");
    a = call_method(a, k_fileno.get(), nullptr, 0);
    if (a.is_null()) return a;
  }
  if (!fd_arg(a, &fd)) return Value();
  if (fn(fd) != 0) return posix_error(errno);
  return None();
}

Value px_fsync(Value, const Value* args, size_t nargs, Value) {
  return px_fd_call("fsync", args, nargs, ::fsync);
}

Value px_isatty(Value, const Value* args, size_t nargs, Value) {
  int fd;
  if (!check_nargs("isatty", nargs, 1, 1) || !fd_arg(args[0], &fd)) return Value();
  return Bool(::isatty(fd) == 1);
}

Value px_dup(Value, const Value* args, size_t nargs, Value) {
  int fd;
  if (!check_nargs("dup", nargs, 1, 1) || !fd_arg(args[0], &fd)) return Value();
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return posix_error(errno);
  return int_from_i64(r);
}

Value px_dup2(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"fd", "fd2", "inheritable", nullptr};
  Value a, b, inh;
  ArgSpec spec{"dup2", kw, 2, 3, 0, false};
  int fd, fd2;
  bool inheritable;
  if (!parse_args(spec, args, nargs, kwnames, {&a, &b, &inh}) || !fd_arg(a, &fd) ||
      !fd_arg(b, &fd2) || !arg_bool(inh, true, &inheritable))
    return Value();
  int r = inheritable ? ::dup2(fd, fd2) : ::dup3(fd, fd2, O_CLOEXEC);
  if (r < 0) return posix_error(errno);
  return int_from_i64(r);
}

Value px_pipe(Value, const Value*, size_t, Value) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return posix_error(errno);
  return tuple_pack({int_from_i64(fds[0]), int_from_i64(fds[1])});
}

Value px_ftruncate(Value, const Value* args, size_t nargs, Value) {
  int fd;
  int64_t len;
  if (!check_nargs("ftruncate", nargs, 2, 2) || !fd_arg(args[0], &fd) || !index_to_i64(args[1], &len))
    return Value();
  if (::ftruncate(fd, len) != 0) return posix_error(errno);
  return None();
}

Value px_truncate(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", "length", nullptr};
  Value path, length;
  ArgSpec spec{"truncate", kw, 2, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path, &length})) return Value();
  PathArg p;
  int64_t len;
  if (!path_convert(path, "truncate", "path", true, false, &p) || !index_to_i64(length, &len))
    return Value();
  int r = p.fd >= 0 ? ::ftruncate(p.fd, len) : ::truncate(p.path.c_str(), len);
  if (r != 0) return posix_error(errno, path);
  return None();
}

Value px_get_inheritable(Value, const Value* args, size_t nargs, Value) {
  int fd;
  if (!check_nargs("get_inheritable", nargs, 1, 1) || !fd_arg(args[0], &fd)) return Value();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return posix_error(errno);
  return Bool(!(flags & FD_CLOEXEC));
}

Value px_set_inheritable(Value, const Value* args, size_t nargs, Value) {
  int fd;
  if (!check_nargs("set_inheritable", nargs, 2, 2) || !fd_arg(args[0], &fd)) return Value();
  int t = object_truthy(args[1]);
  if (t < 0) return Value();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return posix_error(errno);
  flags = t ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (::fcntl(fd, F_SETFD, flags) < 0) return posix_error(errno);
  return None();
}

Value px_get_blocking(Value, const Value* args, size_t nargs, Value) {
  int fd;
  if (!check_nargs("get_blocking", nargs, 1, 1) || !fd_arg(args[0], &fd)) return Value();
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return posix_error(errno);
  return Bool(!(flags & O_NONBLOCK));
}

Value px_set_blocking(Value, const Value* args, size_t nargs, Value) {
  int fd;
  if (!check_nargs("set_blocking", nargs, 2, 2) || !fd_arg(args[0], &fd)) return Value();
  int t = object_truthy(args[1]);
  if (t < 0) return Value();
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return posix_error(errno);
  flags = t ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (::fcntl(fd, F_SETFL, flags) < 0) return posix_error(errno);
  return None();
}

Value px_device_encoding(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"fd", nullptr};
  Value fdv;
  ArgSpec spec{"device_encoding", kw, 1, 1, 0, false};
  int fd;
  if (!parse_args(spec, args, nargs, kwnames, {&fdv}) || !fd_arg(fdv, &fd)) return Value();
  if (::isatty(fd) == 1) return str_from_ascii("UTF-8");
  return None();
}

// unlink/remove(path, *, dir_fd=None)
Value do_unlink(const char* fname, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", "dir_fd", nullptr};
  Value path, dir_fd;
  ArgSpec spec{fname, kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path, &dir_fd})) return Value();
  PathArg p;
  int dfd;
  if (!path_convert(path, fname, "path", false, false, &p) || !arg_dir_fd(dir_fd, fname, &dfd))
    return Value();
  if (::unlinkat(dfd, p.path.c_str(), 0) != 0) return posix_error(errno, path);
  return None();
}
Value px_unlink(Value, const Value* args, size_t nargs, Value kwnames) {
  return do_unlink("unlink", args, nargs, kwnames);
}
Value px_remove(Value, const Value* args, size_t nargs, Value kwnames) {
  return do_unlink("remove", args, nargs, kwnames);
}

Value do_rename(const char* fname, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", nullptr};
  Value src, dst, sfd, dfd;
  ArgSpec spec{fname, kw, 2, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&src, &dst, &sfd, &dfd})) return Value();
  PathArg a, b;
  int s, d;
  if (!path_convert(src, fname, "src", false, false, &a) ||
      !path_convert(dst, fname, "dst", false, false, &b) || !arg_dir_fd(sfd, fname, &s) ||
      !arg_dir_fd(dfd, fname, &d))
    return Value();
  if (::renameat(s, a.path.c_str(), d, b.path.c_str()) != 0) return posix_error(errno, src, dst);
  return None();
}
Value px_rename(Value, const Value* args, size_t nargs, Value kwnames) {
  return do_rename("rename", args, nargs, kwnames);
}
Value px_replace(Value, const Value* args, size_t nargs, Value kwnames) {
  return do_rename("replace", args, nargs, kwnames);
}

Value px_access(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks",
                                   nullptr};
  Value path, mode, dir_fd, eff, follow;
  ArgSpec spec{"access", kw, 2, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path, &mode, &dir_fd, &eff, &follow}))
    return Value();
  PathArg p;
  int m, dfd;
  bool e, f;
  if (!path_convert(path, "access", "path", false, false, &p) || !fd_arg(mode, &m) ||
      !arg_dir_fd(dir_fd, "access", &dfd) || !arg_bool(eff, false, &e) || !arg_bool(follow, true, &f))
    return Value();
  int flags = (e ? AT_EACCESS : 0) | (f ? 0 : AT_SYMLINK_NOFOLLOW);
  return Bool(::faccessat(dfd, p.path.c_str(), m, flags) == 0);
}

Value px_chmod(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", "mode", "dir_fd", "follow_symlinks", nullptr};
  Value path, mode, dir_fd, follow;
  ArgSpec spec{"chmod", kw, 2, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path, &mode, &dir_fd, &follow})) return Value();
  PathArg p;
  int m, dfd;
  bool f;
  if (!path_convert(path, "chmod", "path", true, false, &p) || !fd_arg(mode, &m) ||
      !arg_dir_fd(dir_fd, "chmod", &dfd) || !arg_bool(follow, true, &f))
    return Value();
  int r = p.fd >= 0 ? ::fchmod(p.fd, static_cast<mode_t>(m))
                    : ::fchmodat(dfd, p.path.c_str(), static_cast<mode_t>(m), 0);
  if (r != 0) return posix_error(errno, path);
  return None();
}

Value px_readlink(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", "dir_fd", nullptr};
  Value path, dir_fd;
  ArgSpec spec{"readlink", kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path, &dir_fd})) return Value();
  PathArg p;
  int dfd;
  if (!path_convert(path, "readlink", "path", false, false, &p) ||
      !arg_dir_fd(dir_fd, "readlink", &dfd))
    return Value();
  char buf[PATH_MAX];
  ssize_t n = ::readlinkat(dfd, p.path.c_str(), buf, sizeof buf);
  if (n < 0) return posix_error(errno, path);
  return fs_decode(std::string_view(buf, static_cast<size_t>(n)), p.is_bytes);
}

Value px_symlink(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"src", "dst", "target_is_directory", "dir_fd", nullptr};
  Value src, dst, isdir, dir_fd;
  ArgSpec spec{"symlink", kw, 2, 3, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&src, &dst, &isdir, &dir_fd})) return Value();
  PathArg a, b;
  int dfd;
  if (!path_convert(src, "symlink", "src", false, false, &a) ||
      !path_convert(dst, "symlink", "dst", false, false, &b) || !arg_dir_fd(dir_fd, "symlink", &dfd))
    return Value();
  if (::symlinkat(a.path.c_str(), dfd, b.path.c_str()) != 0) return posix_error(errno, src, dst);
  return None();
}

Value px_link(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks",
                                   nullptr};
  Value src, dst, sfd, dfd, follow;
  ArgSpec spec{"link", kw, 2, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&src, &dst, &sfd, &dfd, &follow})) return Value();
  PathArg a, b;
  int s, d;
  bool f;
  if (!path_convert(src, "link", "src", false, false, &a) ||
      !path_convert(dst, "link", "dst", false, false, &b) || !arg_dir_fd(sfd, "link", &s) ||
      !arg_dir_fd(dfd, "link", &d) || !arg_bool(follow, true, &f))
    return Value();
  if (::linkat(s, a.path.c_str(), d, b.path.c_str(), f ? AT_SYMLINK_FOLLOW : 0) != 0)
    return posix_error(errno, src, dst);
  return None();
}

bool time_arg(Value v, struct timespec* ts) {
  double d;
  if (is_float(v)) {
    d = float_as_double(v);
  } else {
    Value f = number_float(v);
    if (f.is_null()) return false;
    d = float_as_double(f);
  }
  double sec = std::floor(d);
  ts->tv_sec = static_cast<time_t>(sec);
  ts->tv_nsec = static_cast<long>((d - sec) * 1e9);
  return true;
}

Value px_utime(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", nullptr};
  Value path, times, ns, dir_fd, follow;
  ArgSpec spec{"utime", kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path, &times, &ns, &dir_fd, &follow}))
    return Value();
  PathArg p;
  int dfd;
  bool f;
  if (!path_convert(path, "utime", "path", true, false, &p) || !arg_dir_fd(dir_fd, "utime", &dfd) ||
      !arg_bool(follow, true, &f))
    return Value();
  struct timespec ts[2];
  struct timespec* tsp = nullptr;
  if (!times.is_null() && !is_none(times)) {
    if (!ns.is_null())
      return raise_error(exc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
    if (!is_tuple(times) || tuple_length(times) != 2)
      return raise_error(exc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
    if (!time_arg(tuple_at(times, 0), &ts[0]) || !time_arg(tuple_at(times, 1), &ts[1])) return Value();
    tsp = ts;
  } else if (!ns.is_null()) {
    if (!is_tuple(ns) || tuple_length(ns) != 2)
      return raise_error(exc_TypeError, "utime: 'ns' must be a tuple of two ints");
    for (int i = 0; i < 2; i++) {
      Value q = number_divmod(tuple_at(ns, i), int_from_i64(1000000000));
      int64_t s, n;
      if (q.is_null() || !index_to_i64(tuple_at(q, 0), &s) || !index_to_i64(tuple_at(q, 1), &n))
        return Value();
      ts[i].tv_sec = s;
      ts[i].tv_nsec = n;
    }
    tsp = ts;
  }
  int r = p.fd >= 0 ? ::futimens(p.fd, tsp)
                    : ::utimensat(dfd, p.path.c_str(), tsp, f ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r != 0) return posix_error(errno, path);
  return None();
}

Value px_urandom(Value, const Value* args, size_t nargs, Value) {
  int64_t n;
  if (!check_nargs("urandom", nargs, 1, 1) || !index_to_i64(args[0], &n)) return Value();
  if (n < 0) return raise_error(exc_ValueError, "negative argument not allowed");
  Value b = bytes_new_uninit(n);
  if (b.is_null()) return b;
  uint8_t* p = as_bytes(b)->data();
  int64_t got = 0;
  while (got < n) {
    ssize_t r = ::getrandom(p + got, static_cast<size_t>(n - got), 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      return posix_error(errno);
    }
    got += r;
  }
  return b;
}

Value px_strerror(Value, const Value* args, size_t nargs, Value) {
  int code;
  if (!check_nargs("strerror", nargs, 1, 1) || !fd_arg(args[0], &code)) return Value();
  return str_from_utf8(std::strerror(code));
}

Value px_fspath(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", nullptr};
  Value path;
  ArgSpec spec{"fspath", kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path})) return Value();
  return fspath(path);
}

Value px_umask(Value, const Value* args, size_t nargs, Value) {
  int m;
  if (!check_nargs("umask", nargs, 1, 1) || !fd_arg(args[0], &m)) return Value();
  return int_from_i64(::umask(static_cast<mode_t>(m)));
}

}  // namespace

const MethodDef posix_file_functions[] = {
    {"open", px_open, kMethFastKw, nullptr},
    {"close", px_close, kMethFastKw, nullptr},
    {"closerange", px_closerange, kMethFast, nullptr},
    {"read", px_read, kMethFast, nullptr},
    {"write", px_write, kMethFast, nullptr},
    {"lseek", px_lseek, kMethFast, nullptr},
    {"fsync", px_fsync, kMethFast, nullptr},
    {"isatty", px_isatty, kMethFast, nullptr},
    {"dup", px_dup, kMethFast, nullptr},
    {"dup2", px_dup2, kMethFastKw, nullptr},
    {"pipe", px_pipe, kMethNoArgs, nullptr},
    {"ftruncate", px_ftruncate, kMethFast, nullptr},
    {"truncate", px_truncate, kMethFastKw, nullptr},
    {"get_inheritable", px_get_inheritable, kMethFast, nullptr},
    {"set_inheritable", px_set_inheritable, kMethFast, nullptr},
    {"get_blocking", px_get_blocking, kMethFast, nullptr},
    {"set_blocking", px_set_blocking, kMethFast, nullptr},
    {"device_encoding", px_device_encoding, kMethFastKw, nullptr},
    {"unlink", px_unlink, kMethFastKw, nullptr},
    {"remove", px_remove, kMethFastKw, nullptr},
    {"rename", px_rename, kMethFastKw, nullptr},
    {"replace", px_replace, kMethFastKw, nullptr},
    {"access", px_access, kMethFastKw, nullptr},
    {"chmod", px_chmod, kMethFastKw, nullptr},
    {"readlink", px_readlink, kMethFastKw, nullptr},
    {"symlink", px_symlink, kMethFastKw, nullptr},
    {"link", px_link, kMethFastKw, nullptr},
    {"utime", px_utime, kMethFastKw, nullptr},
    {"urandom", px_urandom, kMethFast, nullptr},
    {"strerror", px_strerror, kMethFast, nullptr},
    {"fspath", px_fspath, kMethFastKw, nullptr},
    {"umask", px_umask, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace tpy
