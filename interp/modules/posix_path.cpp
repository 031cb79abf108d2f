// interp/modules/posix_path.cpp -- Path arguments (CPython's path_converter), os.fspath, and
// OSError with file names for the posix module.
#include <fcntl.h>

#include <cstring>

#include "interp/modules/posix_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

Value fspath(Value v) {
  if (is_str(v) || is_bytes(v)) return v;
  static StrConst k_fspath("__fspath__");
  Value fn = lookup_special(v, k_fspath.get());
  if (fn.is_null()) {
    if (error_occurred()) return Value();
    return raise_format(exc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                        type_of(v)->c_name());
  }
  Value r = call0(fn);
  if (r.is_null()) return r;
  if (!is_str(r) && !is_bytes(r))
    return raise_format(exc_TypeError, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                        type_of(v)->c_name(), type_of(r)->c_name());
  return r;
}

bool path_convert(Value v, const char* fname, const char* argname, bool allow_fd, bool nullable,
                  PathArg* out) {
  out->object = v;
  if (nullable && is_none(v)) {
    out->path = ".";
    return true;
  }
  if (allow_fd && (v.is_int() || (is_instance_of(v, &int_type) && !is_bool(v)))) {
    int64_t fd;
    if (!index_to_i64(v, &fd)) return false;
    out->fd = static_cast<int>(fd);
    return true;
  }
  Value p = v;
  if (!is_str(v) && !is_bytes(v)) {
    static StrConst k_fspath("__fspath__");
    Value fn = lookup_special(v, k_fspath.get());
    if (fn.is_null()) {
      if (error_occurred()) return false;
      if (has_buffer(v) && !is_bytearray(v)) {
        BufferView b;
        if (!b.get(v)) return false;
        out->path.assign(b.b.bytes());
        out->is_bytes = true;
        goto check_nul;
      }
      const char* kinds = allow_fd ? (nullable ? "string, bytes, os.PathLike, integer or None"
                                               : "string, bytes, os.PathLike or integer")
                                   : (nullable ? "string, bytes, os.PathLike or None"
                                               : "string, bytes or os.PathLike");
      raise_format(exc_TypeError, "%s: %s should be %s, not %.200s", fname, argname, kinds,
                   type_of(v)->c_name());
      return false;
    }
    p = fspath(v);
    if (p.is_null()) return false;
  }
  if (is_str(p)) {
    std::string_view ascii = str_ascii_view(p);
    if (!ascii.empty() || str_length(p) == 0) {
      out->path.assign(ascii);
    } else {
      Value b = str_encode(p, "utf-8", "surrogateescape");
      if (b.is_null()) return false;
      out->path.assign(bytes_view(b));
    }
    if (out->path.find('\0') != std::string::npos) {
      raise_error(exc_ValueError, "embedded null byte");
      return false;
    }
    return true;
  }
  out->path.assign(bytes_view(p));
  out->is_bytes = true;
check_nul:
  if (out->path.find('\0') != std::string::npos) {
    raise_format(exc_ValueError, "%s: embedded null character in %s", fname, argname);
    return false;
  }
  return true;
}

Value fs_decode(std::string_view raw, bool as_bytes) {
  if (as_bytes) return bytes_from_data(raw.data(), raw.size());
  bool ascii = true;
  for (char c : raw) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return str_from_ascii(raw);
  return bytes_decode_data(raw, "utf-8", "surrogateescape");
}

Value posix_error(int err, Value filename, Value filename2) {
  if (filename2.is_null()) return raise_errno(err, filename);
  Type* t = oserror_subclass(err);
  Value args[5] = {int_from_i64(err), str_from_utf8(std::strerror(err)), filename, Value::from_int(0),
                   filename2};
  if (args[1].is_null()) return Value();
  Value exc = exception_new(t ? t : exc_OSError, args, 5);
  if (exc.is_null()) return exc;
  return raise_value(exc);
}

bool arg_bool(Value v, bool dflt, bool* out) {
  if (v.is_null()) {
    *out = dflt;
    return true;
  }
  int t = object_truthy(v);
  if (t < 0) return false;
  *out = t != 0;
  return true;
}

bool arg_dir_fd(Value v, const char* fname, int* out) {
  *out = AT_FDCWD;
  if (v.is_null() || is_none(v)) return true;
  int64_t fd;
  if (!index_to_i64(v, &fd)) return false;
  *out = static_cast<int>(fd);
  return true;
}

}  // namespace tpy
