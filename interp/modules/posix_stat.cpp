// interp/modules/posix_stat.cpp -- os.stat_result and stat/lstat/fstat.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "interp/modules/posix_internal.h"
#include "interp/modules/structseq.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/abstract.h"
#include "interp/objects/singletons.h"
#include "interp/objects/tuple.h"

namespace tpy {

constinit Type stat_result_type{&type_type, "os.stat_result", sizeof(TupleObject), kTypeImmutable};

namespace {

const StructSeqField kStatFields[] = {
    {"st_mode", "protection bits"},
    {"st_ino", "inode"},
    {"st_dev", "device"},
    {"st_nlink", "number of hard links"},
    {"st_uid", "user ID of owner"},
    {"st_gid", "group ID of owner"},
    {"st_size", "total size, in bytes"},
    {"", "integer time of last access"},
    {"", "integer time of last modification"},
    {"", "integer time of last change"},
    {"st_atime", "time of last access"},
    {"st_mtime", "time of last modification"},
    {"st_ctime", "time of last change"},
    {"st_atime_ns", "time of last access in nanoseconds"},
    {"st_mtime_ns", "time of last modification in nanoseconds"},
    {"st_ctime_ns", "time of last change in nanoseconds"},
    {"st_blksize", "blocksize for filesystem I/O"},
    {"st_blocks", "number of blocks allocated"},
    {"st_rdev", "device type (if inode device)"},
    {nullptr, nullptr}};

const StructSeqDesc kStatDesc{
    kStatFields, 10,
    "stat_result: Result from stat, fstat, or lstat.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\n"
    "or via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.\n\n"
    "Posix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\n"
    "or st_flags, they are available as attributes only.\n\n"
    "See os.stat for more information."};

Value ns_value(const struct timespec& ts) {
  Value s = int_from_i64(ts.tv_sec);
  Value billion = int_from_i64(1000000000);
  Value ns = binary_op(s, billion, BinOp::Multiply);
  if (ns.is_null()) return ns;
  return binary_op(ns, int_from_i64(ts.tv_nsec), BinOp::Add);
}

Value float_time(const struct timespec& ts) {
  return float_from_double(static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9);
}

// stat(path, *, dir_fd=None, follow_symlinks=True) and lstat (follow_symlinks=False).
Value do_stat(const char* fname, const Value* args, size_t nargs, Value kwnames, bool lstat) {
  static const char* const kw[] = {"path", "dir_fd", "follow_symlinks", nullptr};
  Value path, dir_fd, follow;
  ArgSpec spec{fname, kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path, &dir_fd, &follow})) return Value();
  PathArg p;
  if (!path_convert(path, fname, "path", !lstat, false, &p)) return Value();
  int dfd;
  bool follow_links;
  if (!arg_dir_fd(dir_fd, fname, &dfd) || !arg_bool(follow, !lstat, &follow_links)) return Value();
  if (lstat) follow_links = false;
  struct stat st;
  int r;
  if (p.fd >= 0) r = ::fstat(p.fd, &st);
  else r = ::fstatat(dfd, p.path.c_str(), &st, follow_links ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r != 0) return posix_error(errno, path);
  return stat_result_from(st);
}

Value px_stat(Value, const Value* args, size_t nargs, Value kwnames) {
  return do_stat("stat", args, nargs, kwnames, false);
}
Value px_lstat(Value, const Value* args, size_t nargs, Value kwnames) {
  return do_stat("lstat", args, nargs, kwnames, true);
}

Value px_fstat(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"fd", nullptr};
  Value fdv;
  ArgSpec spec{"fstat", kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&fdv})) return Value();
  int64_t fd;
  if (!index_to_i64(fdv, &fd)) return Value();
  struct stat st;
  if (::fstat(static_cast<int>(fd), &st) != 0) return posix_error(errno);
  return stat_result_from(st);
}

}  // namespace

const MethodDef posix_stat_functions[] = {
    {"stat", px_stat, kMethFastKw, nullptr},
    {"lstat", px_lstat, kMethFastKw, nullptr},
    {"fstat", px_fstat, kMethFastKw, nullptr},
    {nullptr, nullptr, 0, nullptr}};

Value stat_result_from(const struct stat& st) {
  auto i = [](int64_t v) { return int_from_i64(v); };
  return structseq_new(
      &stat_result_type,
      {i(st.st_mode), int_from_u64(st.st_ino), int_from_u64(st.st_dev), i(static_cast<int64_t>(st.st_nlink)),
       i(st.st_uid), i(st.st_gid), i(st.st_size), i(st.st_atim.tv_sec), i(st.st_mtim.tv_sec),
       i(st.st_ctim.tv_sec), float_time(st.st_atim), float_time(st.st_mtim),
       float_time(st.st_ctim), ns_value(st.st_atim), ns_value(st.st_mtim), ns_value(st.st_ctim),
       i(st.st_blksize), i(st.st_blocks), int_from_u64(st.st_rdev)});
}

bool init_posix_stat_type() {
  if (stat_result_type.has_flag(kTypeReady)) return true;
  return structseq_init_type(&stat_result_type, &kStatDesc);
}

bool posix_add_stat_attrs(Value d) {
  return dict_set_cstr(d, "stat_result", Value::from_object(&stat_result_type)) == 0;
}

}  // namespace tpy
