// interp/modules/posix_internal.h -- What the posix module's files share: path arguments and
// OSError raising with file names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <sys/stat.h>

#include "interp/objects/native.h"
#include "interp/objects/type.h"

namespace tpy {

// A path argument as CPython's path_converter sees it: str (encoded UTF-8/surrogateescape),
// bytes-like, an os.PathLike, or (when allowed) an int file descriptor.
struct PathArg {
  Value object;       // what the caller passed (the OSError's filename)
  std::string path;   // the file system bytes
  int fd = -1;        // set when an int was given
  bool is_bytes = false;  // results (listdir names) are bytes
};

// Fills [out] from [v]; [fname]/[argname] name the function and parameter in TypeErrors
// ("stat: path should be string, bytes, os.PathLike or integer, not list"). False with the
// error pending.
bool path_convert(Value v, const char* fname, const char* argname, bool allow_fd, bool nullable,
                  PathArg* out);

// os.fspath(v): str or bytes, or null with TypeError pending.
Value fspath(Value v);

// Text of file-system bytes: str (UTF-8, surrogateescape) or bytes when [as_bytes].
Value fs_decode(std::string_view raw, bool as_bytes);

// OSError (the errno's subclass) with filename(s); always null.
Value posix_error(int err, Value filename = Value(), Value filename2 = Value());

// `dir_fd=None` / `follow_symlinks=True` style keyword parsing helpers.
bool arg_bool(Value v, bool dflt, bool* out);
bool arg_dir_fd(Value v, const char* fname, int* out);  // None -> AT_FDCWD

// Shared constructors.
Value stat_result_from(const struct stat& st);
bool init_posix_stat_type();
bool init_posix_dir_types();

// Function tables of the other files (null-name terminated).
extern const MethodDef posix_stat_functions[];
extern const MethodDef posix_dir_functions[];
extern const MethodDef posix_file_functions[];
extern const MethodDef posix_proc_functions[];

// Module attributes the files add to the dict (environ, constants, result types).
bool posix_add_proc_attrs(Value d);
bool posix_add_dir_attrs(Value d);
bool posix_add_stat_attrs(Value d);

}  // namespace tpy
