// interp/modules/sys_streams.cpp -- sys.stdin/stdout/stderr: native text streams over fd 0/1/2.
//
// CPython's buffering: stdout is line-buffered on a tty and block-buffered otherwise, stderr is
// line-buffered; stdout is flushed before anything goes to stderr and at exit. The buffers are
// static (three streams only), so the objects hold no C++ state the collector cannot see.
#include <unistd.h>

#include <cerrno>
#include <string>

#include "gc/heap.h"
#include "interp/modules/sys_module.h"
#include "interp/modules/sys_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

constinit Type std_stream_type{&type_type, "TextIOWrapper", sizeof(StdStreamObject),
                               kTypeImmutable | kTypeDisallowInstantiation};

namespace {

struct StreamState {
  std::string buf;
  bool line_buffered = false;
  bool tty = false;
  std::string in_buf;  // stdin's read-ahead
  bool in_eof = false;
};
StreamState g_streams[3];

bool write_all(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

bool flush_fd(int fd) {
  StreamState& s = g_streams[fd];
  if (s.buf.empty()) return true;
  bool ok = write_all(fd, s.buf.data(), s.buf.size());
  s.buf.clear();
  return ok;
}

StdStreamObject* as_stream(Value v) { return static_cast<StdStreamObject*>(v.as_object()); }

bool check_stream(Value self, const char* what) {
  if (!self.is_object() || type_of(self) != &std_stream_type) {
    raise_format(exc_TypeError, "descriptor '%s' requires a 'TextIOWrapper' object", what);
    return false;
  }
  return true;
}

Value unsupported(const char* what) {
  return raise_format(exc_OSError, "%s", what);  // io.UnsupportedOperation is an OSError
}

Value stream_write(Value self, const Value* args, size_t, Value) {
  if (!check_stream(self, "write")) return Value();
  int fd = static_cast<int>(as_stream(self)->fd);
  if (fd == 0) return unsupported("not writable");
  Value s = args[0];
  if (!is_str(s))
    return raise_format(exc_TypeError, "write() argument must be str, not %.100s",
                        type_of(s)->c_name());
  std::string text = str_to_utf8(s);
  if (!stream_write_utf8(fd, text)) return raise_errno(errno);
  return int_from_i64(str_length(s));
}

Value stream_flush(Value self, const Value*, size_t, Value) {
  if (!check_stream(self, "flush")) return Value();
  int fd = static_cast<int>(as_stream(self)->fd);
  if (!flush_fd(fd)) return raise_errno(errno);
  return None();
}

Value stream_fileno(Value self, const Value*, size_t, Value) {
  if (!check_stream(self, "fileno")) return Value();
  return int_from_i64(as_stream(self)->fd);
}

Value stream_isatty(Value self, const Value*, size_t, Value) {
  if (!check_stream(self, "isatty")) return Value();
  return Bool(::isatty(static_cast<int>(as_stream(self)->fd)) == 1);
}

Value stream_writable(Value self, const Value*, size_t, Value) {
  if (!check_stream(self, "writable")) return Value();
  return Bool(as_stream(self)->fd != 0);
}
Value stream_readable(Value self, const Value*, size_t, Value) {
  if (!check_stream(self, "readable")) return Value();
  return Bool(as_stream(self)->fd == 0);
}

Value stream_readline(Value self, const Value* args, size_t nargs, Value) {
  if (!check_stream(self, "readline")) return Value();
  if (as_stream(self)->fd != 0) return unsupported("not readable");
  int64_t limit = -1;
  if (nargs > 0 && !is_none(args[0]) && !arg_to_index(args[0], &limit)) return Value();
  std::string line;
  if (!stdin_readline(&line, limit)) return raise_errno(errno);
  return str_from_utf8(line);
}

Value stream_read(Value self, const Value* args, size_t nargs, Value) {
  if (!check_stream(self, "read")) return Value();
  if (as_stream(self)->fd != 0) return unsupported("not readable");
  int64_t limit = -1;
  if (nargs > 0 && !is_none(args[0]) && !arg_to_index(args[0], &limit)) return Value();
  std::string out;
  while (limit < 0 || static_cast<int64_t>(out.size()) < limit) {
    std::string line;
    if (!stdin_readline(&line, -1)) return raise_errno(errno);
    if (line.empty()) break;
    out += line;
  }
  return str_from_utf8(out);
}

Value stream_repr(Value self) {
  int fd = static_cast<int>(as_stream(self)->fd);
  const char* names[3] = {"<stdin>", "<stdout>", "<stderr>"};
  return str_from_utf8(std::string("<_io.TextIOWrapper name='") + names[fd] + "' mode='" +
                       (fd == 0 ? "r" : "w") + "' encoding='utf-8'>");
}

Value stream_name(Value self) {
  const char* names[3] = {"<stdin>", "<stdout>", "<stderr>"};
  return str_from_ascii(names[as_stream(self)->fd]);
}
Value stream_mode(Value self) { return str_from_ascii(as_stream(self)->fd == 0 ? "r" : "w"); }
Value stream_encoding(Value) { return str_from_ascii("utf-8"); }
Value stream_errors(Value self) {
  return str_from_ascii(as_stream(self)->fd == 2 ? "backslashreplace" : "strict");
}
Value stream_closed(Value) { return False(); }
Value stream_line_buffering(Value self) {
  return Bool(g_streams[as_stream(self)->fd].line_buffered);
}

const MethodDef stream_methods[] = {
    {"write", stream_write, kMethO, nullptr},
    {"flush", stream_flush, kMethNoArgs, nullptr},
    {"fileno", stream_fileno, kMethNoArgs, nullptr},
    {"isatty", stream_isatty, kMethNoArgs, nullptr},
    {"writable", stream_writable, kMethNoArgs, nullptr},
    {"readable", stream_readable, kMethNoArgs, nullptr},
    {"readline", stream_readline, kMethFast, nullptr},
    {"read", stream_read, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef stream_getsets[] = {
    {"name", stream_name, nullptr, nullptr},
    {"mode", stream_mode, nullptr, nullptr},
    {"encoding", stream_encoding, nullptr, nullptr},
    {"errors", stream_errors, nullptr, nullptr},
    {"closed", stream_closed, nullptr, nullptr},
    {"line_buffering", stream_line_buffering, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

bool stream_write_utf8(int fd, std::string_view text) {
  StreamState& s = g_streams[fd];
  if (fd == 2 && !flush_fd(1)) return false;
  s.buf.append(text);
  if (fd == 2 || (s.line_buffered && text.find('\n') != std::string_view::npos) ||
      s.buf.size() >= 8192)
    return flush_fd(fd);
  return true;
}

bool stdin_readline(std::string* line, int64_t limit) {
  // Output waiting on stdout is shown before reading (a prompt written without newline).
  if (!flush_fd(1)) return false;
  StreamState& s = g_streams[0];
  for (;;) {
    size_t nl = s.in_buf.find('\n');
    size_t take = std::string::npos;
    if (nl != std::string::npos) take = nl + 1;
    if (limit >= 0 && static_cast<size_t>(limit) <= s.in_buf.size() &&
        (take == std::string::npos || static_cast<size_t>(limit) < take))
      take = static_cast<size_t>(limit);
    if (take == std::string::npos && s.in_eof) take = s.in_buf.size();
    if (take != std::string::npos) {
      *line = s.in_buf.substr(0, take);
      s.in_buf.erase(0, take);
      return true;
    }
    char chunk[4096];
    ssize_t r = ::read(0, chunk, sizeof chunk);
    if (r < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (r == 0) s.in_eof = true;
    s.in_buf.append(chunk, static_cast<size_t>(r));
  }
}

void sys_flush_std_streams() {
  flush_fd(1);
  flush_fd(2);
}

Value std_stream_new(int fd) {
  g_streams[fd].tty = ::isatty(fd) == 1;
  g_streams[fd].line_buffered = fd == 2 || g_streams[fd].tty;
  auto* o = static_cast<StdStreamObject*>(gc::alloc(sizeof(StdStreamObject), &std_stream_type));
  if (!o) return raise_no_memory();
  o->fd = fd;
  return Value::from_object(o);
}

bool init_std_stream_type() {
  std_stream_type.slots.repr = stream_repr;
  type_init(&std_stream_type, &object_type, TypeDefs{stream_methods, nullptr, stream_getsets});
  return true;
}

int sys_write_text(Value file, std::string_view text) {
  if (file.is_object() && type_of(file) == &std_stream_type && as_stream(file)->fd != 0) {
    if (!stream_write_utf8(static_cast<int>(as_stream(file)->fd), text)) {
      raise_errno(errno);
      return -1;
    }
    return 0;
  }
  Value s = str_from_utf8(text);
  if (s.is_null()) return -1;
  return sys_write_str(file, s);
}

int sys_write_str(Value file, Value s) {
  if (file.is_object() && type_of(file) == &std_stream_type && as_stream(file)->fd != 0) {
    if (!stream_write_utf8(static_cast<int>(as_stream(file)->fd), str_to_utf8(s))) {
      raise_errno(errno);
      return -1;
    }
    return 0;
  }
  static StrConst k_write("write");
  Value r = call_method(file, k_write.get(), &s, 1);
  return r.is_null() ? -1 : 0;
}

}  // namespace tpy
