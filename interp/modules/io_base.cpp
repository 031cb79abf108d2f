// interp/modules/io_base.cpp -- _io._IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase: the
// abstract bases, whose generic methods call the concrete ones through Python attribute
// lookup (so Python subclasses of them work as in CPython).
#include <cstddef>

#include "gc/heap.h"
#include "interp/modules/io_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/bytes.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"

namespace tpy {

constinit Type iobase_type{&type_type, "_io._IOBase", sizeof(IOBaseObject), kTypeBaseType};
constinit Type rawiobase_type{&type_type, "_io._RawIOBase", sizeof(IOBaseObject), kTypeBaseType};
constinit Type bufferediobase_type{&type_type, "_io._BufferedIOBase", sizeof(IOBaseObject),
                                   kTypeBaseType};
constinit Type textiobase_type{&type_type, "_io._TextIOBase", sizeof(IOBaseObject), kTypeBaseType};

namespace {

IOBaseObject* as_io(Value v) { return static_cast<IOBaseObject*>(v.as_object()); }

Value method(Value self, const char* name, const Value* args = nullptr, size_t n = 0) {
  return call_method(self, str_intern(name), args, n);
}

// self.closed through the attribute (FileIO and buffered objects compute it).
int is_closed(Value self) {
  static StrConst k_closed("closed");
  Value c = getattr(self, k_closed.get());
  if (c.is_null()) return -1;
  return object_truthy(c);
}

bool check_not_closed(Value self) {
  int c = is_closed(self);
  if (c < 0) return false;
  if (c) {
    raise_error(exc_ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

Value iob_new(Type* t, const Value*, size_t, Value) {
  Object* o = gc::alloc(t->m_basicsize, t);
  if (!o) return raise_no_memory();
  return Value::from_object(o);
}

void iob_trace(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<IOBaseObject*>(self)->dict, ctx);
}

Value iob_closed(Value self) { return Bool(as_io(self)->iobase_closed); }

Value iob_flush(Value self, const Value*, size_t, Value) {
  if (!check_not_closed(self)) return Value();
  return None();
}

Value iob_close(Value self, const Value*, size_t, Value) {
  int c = is_closed(self);
  if (c < 0) return Value();
  if (c) return None();
  Value r = method(self, "flush");
  as_io(self)->iobase_closed = 1;
  return r.is_null() ? r : None();
}

Value iob_enter(Value self, const Value*, size_t, Value) {
  if (!check_not_closed(self)) return Value();
  return self;
}

Value iob_exit(Value self, const Value*, size_t, Value) { return method(self, "close"); }

Value iob_iter(Value self) {
  if (!check_not_closed(self)) return Value();
  return self;
}

Value iob_next(Value self) {
  Value line = method(self, "readline");
  if (line.is_null()) return line;
  int64_t n = object_length(line);
  if (n < 0) return Value();
  return n == 0 ? Value() : line;
}

Value unsupported_method(const char* name) { return io_unsupported(name); }

Value iob_fileno(Value, const Value*, size_t, Value) { return unsupported_method("fileno"); }
Value iob_seek(Value, const Value*, size_t, Value) { return unsupported_method("seek"); }
Value iob_truncate(Value, const Value*, size_t, Value) { return unsupported_method("truncate"); }
Value iob_tell(Value self, const Value*, size_t, Value) {
  Value a[2] = {Value::from_int(0), Value::from_int(1)};
  return method(self, "seek", a, 2);
}
Value iob_false(Value self, const Value*, size_t, Value) { return False(); }
Value iob_isatty(Value self, const Value*, size_t, Value) {
  if (!check_not_closed(self)) return Value();
  return False();
}

// readline(size=-1) over read(1) (peek when there is one, as CPython's _IOBase.readline).
Value iob_readline(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("readline", nargs, 0, 1)) return Value();
  int64_t limit = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &limit)) return Value();
  std::string out;
  Value one = Value::from_int(1);
  while (limit < 0 || static_cast<int64_t>(out.size()) < limit) {
    Value b = method(self, "read", &one, 1);
    if (b.is_null()) return b;
    if (is_none(b)) break;
    if (!is_bytes(b))
      return raise_format(exc_OSError, "read() should have returned a bytes object, not '%.200s'",
                          type_of(b)->c_name());
    std::string_view v = bytes_view(b);
    if (v.empty()) break;
    out.append(v);
    if (v.back() == '\n') break;
  }
  return bytes_from_data(out.data(), out.size());
}

Value iob_readlines(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("readlines", nargs, 0, 1)) return Value();
  int64_t hint = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &hint)) return Value();
  Value it = get_iter(self);
  if (it.is_null()) return it;
  Value l = list_new();
  if (l.is_null()) return l;
  int64_t total = 0;
  for (;;) {
    Value line = iter_next(it);
    if (line.is_null()) return error_occurred() ? Value() : l;
    if (list_append(l, line) < 0) return Value();
    int64_t n = object_length(line);
    if (n < 0) return Value();
    total += n;
    if (hint > 0 && total >= hint) return l;
  }
}

Value iob_writelines(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("writelines", nargs, 1, 1) || !check_not_closed(self)) return Value();
  Value it = get_iter(args[0]);
  if (it.is_null()) return it;
  for (;;) {
    Value line = iter_next(it);
    if (line.is_null()) return error_occurred() ? Value() : None();
    if (method(self, "write", &line, 1).is_null()) return Value();
  }
}

Value iob_check_closed(Value self, const Value*, size_t, Value) {
  return check_not_closed(self) ? None() : Value();
}

Value check_ability(Value self, const char* what, const char* msg) {
  Value r = method(self, what);
  if (r.is_null()) return r;
  int t = object_truthy(r);
  if (t < 0) return Value();
  if (!t) return io_unsupported(msg);
  return True();
}
Value iob_check_readable(Value self, const Value*, size_t, Value) {
  return check_ability(self, "readable", "File or stream is not readable.");
}
Value iob_check_writable(Value self, const Value*, size_t, Value) {
  return check_ability(self, "writable", "File or stream is not writable.");
}
Value iob_check_seekable(Value self, const Value*, size_t, Value) {
  return check_ability(self, "seekable", "File or stream is not seekable.");
}

const MethodDef iobase_methods[] = {
    {"flush", iob_flush, kMethNoArgs, nullptr},
    {"close", iob_close, kMethNoArgs, nullptr},
    {"__enter__", iob_enter, kMethNoArgs, nullptr},
    {"__exit__", iob_exit, kMethFast, nullptr},
    {"fileno", iob_fileno, kMethNoArgs, nullptr},
    {"seek", iob_seek, kMethFast, nullptr},
    {"tell", iob_tell, kMethNoArgs, nullptr},
    {"truncate", iob_truncate, kMethFast, nullptr},
    {"readable", iob_false, kMethNoArgs, nullptr},
    {"writable", iob_false, kMethNoArgs, nullptr},
    {"seekable", iob_false, kMethNoArgs, nullptr},
    {"isatty", iob_isatty, kMethNoArgs, nullptr},
    {"readline", iob_readline, kMethFast, nullptr},
    {"readlines", iob_readlines, kMethFast, nullptr},
    {"writelines", iob_writelines, kMethFast, nullptr},
    {"_checkClosed", iob_check_closed, kMethFast, nullptr},
    {"_checkReadable", iob_check_readable, kMethFast, nullptr},
    {"_checkWritable", iob_check_writable, kMethFast, nullptr},
    {"_checkSeekable", iob_check_seekable, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef iobase_getsets[] = {{"closed", iob_closed, nullptr, nullptr},
                                    {nullptr, nullptr, nullptr, nullptr}};

// _RawIOBase.read(size=-1): readinto a buffer of [size] bytes, or readall().
Value raw_read(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("read", nargs, 0, 1)) return Value();
  int64_t size = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &size)) return Value();
  if (size < 0) return method(self, "readall");
  Value buf = bytearray_from_data(nullptr, 0);
  if (buf.is_null() || bytearray_resize(buf, size) < 0) return Value();
  Value n = method(self, "readinto", &buf, 1);
  if (n.is_null() || is_none(n)) return n;
  int64_t got;
  if (!index_to_i64(n, &got)) return Value();
  std::string_view v = bytes_view(buf);
  if (got < 0 || got > static_cast<int64_t>(v.size()))
    return raise_format(exc_ValueError, "readinto returned %lld outside buffer size %lld",
                        static_cast<long long>(got), static_cast<long long>(v.size()));
  return bytes_from_data(v.data(), static_cast<size_t>(got));
}

Value raw_readall(Value self, const Value*, size_t, Value) {
  std::string out;
  Value size = int_from_i64(kIoDefaultBufferSize);
  for (;;) {
    Value b = method(self, "read", &size, 1);
    if (b.is_null()) return b;
    if (is_none(b)) {
      if (out.empty()) return b;
      break;
    }
    if (!is_bytes(b)) return raise_error(exc_TypeError, "read() should return bytes");
    std::string_view v = bytes_view(b);
    if (v.empty()) break;
    out.append(v);
  }
  return bytes_from_data(out.data(), out.size());
}

const MethodDef rawiobase_methods[] = {{"read", raw_read, kMethFast, nullptr},
                                       {"readall", raw_readall, kMethNoArgs, nullptr},
                                       {nullptr, nullptr, 0, nullptr}};

Value buf_unsupported_read(Value, const Value*, size_t, Value) { return io_unsupported("read"); }
Value buf_unsupported_write(Value, const Value*, size_t, Value) { return io_unsupported("write"); }
Value buf_unsupported_detach(Value, const Value*, size_t, Value) { return io_unsupported("detach"); }
Value buf_unsupported_read1(Value, const Value*, size_t, Value) { return io_unsupported("read1"); }

const MethodDef bufferediobase_methods[] = {
    {"read", buf_unsupported_read, kMethFast, nullptr},
    {"read1", buf_unsupported_read1, kMethFast, nullptr},
    {"write", buf_unsupported_write, kMethFast, nullptr},
    {"detach", buf_unsupported_detach, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

Value text_none(Value) { return None(); }
Value text_unsupported_readline(Value, const Value*, size_t, Value) {
  return io_unsupported("readline");
}

const MethodDef textiobase_methods[] = {
    {"read", buf_unsupported_read, kMethFast, nullptr},
    {"readline", text_unsupported_readline, kMethFast, nullptr},
    {"write", buf_unsupported_write, kMethFast, nullptr},
    {"detach", buf_unsupported_detach, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef textiobase_getsets[] = {{"encoding", text_none, nullptr, nullptr},
                                        {"newlines", text_none, nullptr, nullptr},
                                        {"errors", text_none, nullptr, nullptr},
                                        {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

bool init_iobase_types() {
  if (iobase_type.has_flag(kTypeReady)) return true;
  iobase_type.slots.new_ = iob_new;
  iobase_type.slots.iter = iob_iter;
  iobase_type.slots.iternext = iob_next;
  iobase_type.slots.trace = iob_trace;
  iobase_type.m_dict_offset = offsetof(IOBaseObject, dict);
  type_init(&iobase_type, &object_type, TypeDefs{iobase_methods, nullptr, iobase_getsets});
  type_init(&rawiobase_type, &iobase_type, TypeDefs{rawiobase_methods, nullptr, nullptr});
  type_init(&bufferediobase_type, &iobase_type, TypeDefs{bufferediobase_methods, nullptr, nullptr});
  type_init(&textiobase_type, &iobase_type, TypeDefs{textiobase_methods, nullptr, textiobase_getsets});
  return !error_occurred();
}

}  // namespace tpy
