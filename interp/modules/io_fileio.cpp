// interp/modules/io_fileio.cpp -- _io.FileIO: raw, unbuffered binary I/O on a file descriptor.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/modules/io_internal.h"
#include "interp/modules/posix_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"

namespace tpy {

constinit Type fileio_type{&type_type, "_io.FileIO", sizeof(FileIOObject), kTypeBaseType};

namespace {

FileIOObject* as_fio(Value v) { return static_cast<FileIOObject*>(v.as_object()); }

bool check_open(FileIOObject* f) {
  if (f->fd < 0) {
    raise_error(exc_ValueError, "I/O operation on closed file");
    return false;
  }
  return true;
}

bool check_mode(FileIOObject* f, bool want_read) {
  if (!check_open(f)) return false;
  if (want_read ? !f->readable : !f->writable) {
    io_unsupported(want_read ? "File not open for reading" : "File not open for writing");
    return false;
  }
  return true;
}

Value fio_new(Type* t, const Value*, size_t, Value) {
  Object* o = gc::alloc(t->m_basicsize, t);
  if (!o) return raise_no_memory();
  auto* f = static_cast<FileIOObject*>(o);
  f->fd = -1;
  f->closefd = 1;
  return Value::from_object(o);
}

// FileIO(file, mode='r', closefd=True, opener=None)
int fio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"file", "mode", "closefd", "opener", nullptr};
  Value file, modev, closefdv, opener;
  ArgSpec spec{"FileIO", kw, 1, 4, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&file, &modev, &closefdv, &opener})) return -1;
  FileIOObject* f = as_fio(self);
  std::string mode = "r";
  if (!modev.is_null()) {
    if (!is_str(modev)) {
      raise_format(exc_TypeError, "FileIO() argument 'mode' must be str, not %.200s",
                   type_of(modev)->c_name());
      return -1;
    }
    mode = str_to_utf8(modev);
  }
  bool rwa = false, plus = false;
  int flags = 0;
  for (char c : mode) {
    switch (c) {
      case 'x': case 'r': case 'w': case 'a':
        if (rwa) goto bad_mode;
        rwa = true;
        if (c == 'x') f->created = 1, f->writable = 1, flags |= O_EXCL | O_CREAT;
        if (c == 'r') f->readable = 1;
        if (c == 'w') f->writable = 1, flags |= O_CREAT | O_TRUNC;
        if (c == 'a') f->writable = 1, f->appending = 1, flags |= O_APPEND | O_CREAT;
        break;
      case 'b': break;
      case '+':
        if (plus) goto bad_mode;
        f->readable = f->writable = 1;
        plus = true;
        break;
      default:
        raise_format(exc_ValueError, "invalid mode: %.200s", mode.c_str());
        return -1;
    }
  }
  if (!rwa) goto bad_mode;
  flags |= f->readable && f->writable ? O_RDWR : f->readable ? O_RDONLY : O_WRONLY;
  flags |= O_CLOEXEC;
  {
    bool closefd = true;
    if (!arg_bool(closefdv, true, &closefd)) return -1;
    if (is_float(file)) {
      raise_error(exc_TypeError, "integer argument expected, got float");
      return -1;
    }
    if (file.is_int() || (is_instance_of(file, &int_type) && !is_bool(file))) {
      int64_t fd;
      if (!index_to_i64(file, &fd)) return -1;
      if (fd < 0) {
        raise_error(exc_ValueError, "negative file descriptor");
        return -1;
      }
      f->fd = fd;
      f->closefd = closefd;
    } else {
      if (!closefd) {
        raise_error(exc_ValueError, "Cannot use closefd=False with file name");
        return -1;
      }
      f->closefd = 1;
      int fd;
      if (!opener.is_null() && !is_none(opener)) {
        Value a[2] = {file, int_from_i64(flags)};
        Value r = call(opener, a, 2);
        int64_t n;
        if (r.is_null() || !index_to_i64(r, &n)) return -1;
        if (n < 0) {
          raise_format(exc_ValueError, "opener returned %lld", static_cast<long long>(n));
          return -1;
        }
        fd = static_cast<int>(n);
      } else {
        PathArg p;
        if (!path_convert(file, "FileIO", "file", false, false, &p)) return -1;
        do fd = ::open(p.path.c_str(), flags, 0666);
        while (fd < 0 && errno == EINTR);
        if (fd < 0) {
          posix_error(errno, file);
          return -1;
        }
      }
      f->fd = fd;
    }
    struct stat st;
    if (::fstat(static_cast<int>(f->fd), &st) == 0) {
      if (S_ISDIR(st.st_mode)) {
        int fd = static_cast<int>(f->fd);
        if (f->closefd) ::close(fd);
        f->fd = -1;
        posix_error(EISDIR, file);
        return -1;
      }
      f->blksize = st.st_blksize > 1 ? st.st_blksize : kIoDefaultBufferSize;
    } else if (errno == EBADF) {
      f->fd = -1;
      posix_error(EBADF);
      return -1;
    }
  }
  if (setattr(self, str_intern("name"), file) < 0) return -1;
  if (f->appending) ::lseek(static_cast<int>(f->fd), 0, SEEK_END);
  return 0;
bad_mode:
  raise_error(exc_ValueError,
              "Must have exactly one of create/read/write/append mode and at most one plus");
  return -1;
}

Value fio_read(Value self, const Value* args, size_t nargs, Value) {
  FileIOObject* f = as_fio(self);
  if (!check_mode(f, true) || !check_nargs("read", nargs, 0, 1)) return Value();
  int64_t size = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &size)) return Value();
  if (size < 0) return fileio_readall(self);
  Value b = bytes_new_uninit(size);
  if (b.is_null()) return b;
  ssize_t r;
  do r = ::read(static_cast<int>(f->fd), as_bytes(b)->data(), static_cast<size_t>(size));
  while (r < 0 && errno == EINTR);
  if (r < 0) {
    if (errno == EAGAIN) return None();
    return posix_error(errno);
  }
  if (r == size) return b;
  return bytes_from_data(as_bytes(b)->data(), static_cast<size_t>(r));
}

Value fio_readall(Value self, const Value*, size_t, Value) {
  if (!check_mode(as_fio(self), true)) return Value();
  return fileio_readall(self);
}

Value fio_readinto(Value self, const Value* args, size_t nargs, Value) {
  FileIOObject* f = as_fio(self);
  if (!check_mode(f, true) || !check_nargs("readinto", nargs, 1, 1)) return Value();
  BufferView v;
  if (!v.get(args[0], kBufWritable)) return Value();
  ssize_t r;
  do r = ::read(static_cast<int>(f->fd), v.b.data, static_cast<size_t>(v.b.len));
  while (r < 0 && errno == EINTR);
  if (r < 0) return errno == EAGAIN ? None() : posix_error(errno);
  return int_from_i64(r);
}

Value fio_write(Value self, const Value* args, size_t nargs, Value) {
  FileIOObject* f = as_fio(self);
  if (!check_mode(f, false) || !check_nargs("write", nargs, 1, 1)) return Value();
  BufferView v;
  if (!v.get(args[0])) return Value();
  ssize_t r;
  do r = ::write(static_cast<int>(f->fd), v.b.data, static_cast<size_t>(v.b.len));
  while (r < 0 && errno == EINTR);
  if (r < 0) return errno == EAGAIN ? None() : posix_error(errno);
  return int_from_i64(r);
}

Value fio_close(Value self, const Value*, size_t, Value) {
  FileIOObject* f = as_fio(self);
  if (f->fd >= 0) {
    int fd = static_cast<int>(f->fd);
    f->fd = -1;
    if (f->closefd && ::close(fd) != 0 && errno != EINTR) return posix_error(errno);
  }
  return None();
}

Value fio_seek(Value self, const Value* args, size_t nargs, Value) {
  FileIOObject* f = as_fio(self);
  if (!check_open(f) || !check_nargs("seek", nargs, 1, 2)) return Value();
  int64_t pos, whence = 0;
  if (is_float(args[0])) return raise_error(exc_TypeError, "an integer is required");
  if (!index_to_i64(args[0], &pos) || (nargs > 1 && !index_to_i64(args[1], &whence))) return Value();
  off_t r = ::lseek(static_cast<int>(f->fd), pos, static_cast<int>(whence));
  if (r < 0) return posix_error(errno);
  return int_from_i64(r);
}

Value fio_tell(Value self, const Value*, size_t, Value) {
  FileIOObject* f = as_fio(self);
  if (!check_open(f)) return Value();
  off_t r = ::lseek(static_cast<int>(f->fd), 0, SEEK_CUR);
  if (r < 0) return posix_error(errno);
  return int_from_i64(r);
}

Value fio_truncate(Value self, const Value* args, size_t nargs, Value) {
  FileIOObject* f = as_fio(self);
  if (!check_mode(f, false) || !check_nargs("truncate", nargs, 0, 1)) return Value();
  int64_t size;
  if (nargs && !is_none(args[0])) {
    if (!index_to_i64(args[0], &size)) return Value();
  } else {
    size = ::lseek(static_cast<int>(f->fd), 0, SEEK_CUR);
  }
  if (::ftruncate(static_cast<int>(f->fd), size) != 0) return posix_error(errno);
  return int_from_i64(size);
}

Value fio_fileno(Value self, const Value*, size_t, Value) {
  FileIOObject* f = as_fio(self);
  if (!check_open(f)) return Value();
  return int_from_i64(f->fd);
}

Value fio_readable(Value self, const Value*, size_t, Value) {
  FileIOObject* f = as_fio(self);
  return check_open(f) ? Bool(f->readable) : Value();
}
Value fio_writable(Value self, const Value*, size_t, Value) {
  FileIOObject* f = as_fio(self);
  return check_open(f) ? Bool(f->writable) : Value();
}
Value fio_seekable(Value self, const Value*, size_t, Value) {
  FileIOObject* f = as_fio(self);
  if (!check_open(f)) return Value();
  return Bool(::lseek(static_cast<int>(f->fd), 0, SEEK_CUR) >= 0);
}
Value fio_isatty(Value self, const Value*, size_t, Value) {
  FileIOObject* f = as_fio(self);
  return check_open(f) ? Bool(::isatty(static_cast<int>(f->fd)) == 1) : Value();
}

Value fio_closed(Value self) { return Bool(as_fio(self)->fd < 0); }
Value fio_closefd(Value self) { return Bool(as_fio(self)->closefd); }

Value fio_mode(Value self) {
  FileIOObject* f = as_fio(self);
  const char* m = f->created ? (f->readable ? "xb+" : "xb")
                  : f->appending ? (f->readable ? "ab+" : "ab")
                  : f->readable ? (f->writable ? "rb+" : "rb")
                                : "wb";
  return str_from_ascii(m);
}

Value fio_repr(Value self) {
  FileIOObject* f = as_fio(self);
  std::string tname = type_of(self)->c_name();
  if (f->fd < 0) return str_from_utf8("<" + tname + " [closed]>");
  static StrConst k_name("name");
  Value name = getattr_opt(self, k_name.get());
  if (name.is_null() && error_occurred()) return name;
  Value mode = fio_mode(self);
  std::string tail = " mode='" + str_to_utf8(mode) + "' closefd=" + (f->closefd ? "True" : "False") + ">";
  if (name.is_null()) return str_from_utf8("<" + tname + " fd=" + std::to_string(f->fd) + tail);
  Value r = object_repr(name);
  if (r.is_null()) return r;
  return str_from_utf8("<" + tname + " name=" + str_to_utf8(r) + tail);
}

const MethodDef fio_methods[] = {
    {"read", fio_read, kMethFast, nullptr},
    {"readall", fio_readall, kMethNoArgs, nullptr},
    {"readinto", fio_readinto, kMethFast, nullptr},
    {"write", fio_write, kMethFast, nullptr},
    {"close", fio_close, kMethNoArgs, nullptr},
    {"seek", fio_seek, kMethFast, nullptr},
    {"tell", fio_tell, kMethNoArgs, nullptr},
    {"truncate", fio_truncate, kMethFast, nullptr},
    {"fileno", fio_fileno, kMethNoArgs, nullptr},
    {"readable", fio_readable, kMethNoArgs, nullptr},
    {"writable", fio_writable, kMethNoArgs, nullptr},
    {"seekable", fio_seekable, kMethNoArgs, nullptr},
    {"isatty", fio_isatty, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef fio_getsets[] = {{"closed", fio_closed, nullptr, nullptr},
                                 {"closefd", fio_closefd, nullptr, nullptr},
                                 {"mode", fio_mode, nullptr, nullptr},
                                 {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

Value fileio_readall(Value self) {
  FileIOObject* f = as_fio(self);
  std::string out;
  struct stat st;
  if (::fstat(static_cast<int>(f->fd), &st) == 0 && st.st_size > 0) {
    off_t pos = ::lseek(static_cast<int>(f->fd), 0, SEEK_CUR);
    if (pos >= 0 && st.st_size > pos) out.reserve(static_cast<size_t>(st.st_size - pos) + 1);
  }
  char buf[65536];
  for (;;) {
    ssize_t r = ::read(static_cast<int>(f->fd), buf, sizeof buf);
    if (r < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN && !out.empty()) break;
      return errno == EAGAIN ? None() : posix_error(errno);
    }
    if (r == 0) break;
    out.append(buf, static_cast<size_t>(r));
  }
  return bytes_from_data(out.data(), out.size());
}

bool init_fileio_type() {
  if (fileio_type.has_flag(kTypeReady)) return true;
  fileio_type.slots.new_ = fio_new;
  fileio_type.slots.init = fio_init;
  fileio_type.slots.repr = fio_repr;
  type_init(&fileio_type, &rawiobase_type, TypeDefs{fio_methods, nullptr, fio_getsets});
  return !error_occurred();
}

}  // namespace tpy
