// interp/modules/posix_module.cpp -- The posix module (what os.py re-exports): its function
// tables, constants and _have_functions.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "interp/modules/posix_internal.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy {

namespace {

#define TPY_POSIX_INT_CONSTANTS(X)                                                                \
  X(F_OK) X(R_OK) X(W_OK) X(X_OK) X(O_RDONLY) X(O_WRONLY) X(O_RDWR) X(O_APPEND) X(O_CREAT)         \
  X(O_EXCL) X(O_TRUNC) X(O_NONBLOCK) X(O_NDELAY) X(O_CLOEXEC) X(O_DIRECTORY) X(O_NOFOLLOW)         \
  X(O_NOCTTY) X(O_SYNC) X(O_DSYNC) X(O_RSYNC) X(O_ACCMODE) X(O_ASYNC) X(O_DIRECT) X(O_LARGEFILE)    \
  X(O_NOATIME) X(O_PATH) X(O_TMPFILE) X(SEEK_SET) X(SEEK_CUR) X(SEEK_END) X(SEEK_DATA)             \
  X(SEEK_HOLE) X(WNOHANG) X(WUNTRACED) X(WCONTINUED) X(EX_OK) X(EX_USAGE) X(EX_DATAERR)            \
  X(EX_NOINPUT) X(EX_NOUSER) X(EX_NOHOST) X(EX_UNAVAILABLE) X(EX_SOFTWARE) X(EX_OSERR)             \
  X(EX_OSFILE) X(EX_CANTCREAT) X(EX_IOERR) X(EX_TEMPFAIL) X(EX_PROTOCOL) X(EX_NOPERM)              \
  X(EX_CONFIG) X(F_LOCK) X(F_TLOCK) X(F_ULOCK) X(F_TEST) X(AT_FDCWD) X(AT_SYMLINK_NOFOLLOW)        \
  X(AT_REMOVEDIR) X(AT_SYMLINK_FOLLOW) X(AT_EACCESS)

// The dir_fd / follow_symlinks support os.py advertises (os.supports_dir_fd...): what the
// functions here accept.
const char* const kHaveFunctions[] = {"HAVE_FACCESSAT", "HAVE_FCHDIR",  "HAVE_FCHMOD",
                                      "HAVE_FSTATAT",   "HAVE_FTRUNCATE", "HAVE_FUTIMENS",
                                      "HAVE_LINKAT",    "HAVE_LSTAT",   "HAVE_MKDIRAT",
                                      "HAVE_OPENAT",    "HAVE_READLINKAT", "HAVE_RENAMEAT",
                                      "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT"};

bool add_constants(Value d) {
#define TPY_ADD_CONST(name) \
  if (dict_set_cstr(d, #name, int_from_i64(name)) < 0) return false;
  TPY_POSIX_INT_CONSTANTS(TPY_ADD_CONST)
#undef TPY_ADD_CONST
  Value have = list_new();
  if (have.is_null()) return false;
  for (const char* n : kHaveFunctions)
    if (list_append(have, str_intern(n)) < 0) return false;
  return dict_set_cstr(d, "_have_functions", have) == 0 &&
         dict_set_cstr(d, "error", Value::from_object(exc_OSError)) == 0;
}

}  // namespace

Value create_posix_module() {
  if (!init_posix_stat_type() || !init_posix_dir_types()) return Value();
  Value m = module_new_cstr("posix");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  Value name = str_intern("posix");
  for (const MethodDef* table : {posix_stat_functions, posix_dir_functions, posix_file_functions,
                                 posix_proc_functions})
    if (add_native_functions(d, table, m, name) < 0) return Value();
  if (!add_constants(d) || !posix_add_stat_attrs(d) || !posix_add_dir_attrs(d) ||
      !posix_add_proc_attrs(d))
    return Value();
  Value doc = str_from_ascii(
      "This module provides access to operating system functionality that is\nstandardized by "
      "the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to "
      "the library manual and\ncorresponding Unix manual entries for more information on "
      "calls.");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
