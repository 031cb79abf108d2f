// interp/modules/io_bytesio.cpp -- _io.BytesIO: an in-memory binary stream over a bytearray.
#include <algorithm>
#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/modules/io_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"

namespace tpy {

constinit Type bytesio_type{&type_type, "_io.BytesIO", 0, kTypeBaseType};

namespace {

struct BytesIOObject : IOBaseObject {
  Value buf;  // bytearray holding the whole stream
  int64_t pos;
  int64_t closed;
};

BytesIOObject* as_bio(Value v) { return static_cast<BytesIOObject*>(v.as_object()); }

bool check(BytesIOObject* b) {
  if (b->closed) {
    raise_error(exc_ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

std::string_view data(BytesIOObject* b) { return bytes_view(b->buf); }

Value bio_new(Type* t, const Value*, size_t, Value) {
  Object* o = gc::alloc(t->m_basicsize, t);
  if (!o) return raise_no_memory();
  auto* b = static_cast<BytesIOObject*>(o);
  Value buf = bytearray_from_data(nullptr, 0);
  if (buf.is_null()) return buf;
  gc::store(b, &b->buf, buf);
  return Value::from_object(o);
}

int bio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"initial_bytes", nullptr};
  Value init;
  ArgSpec spec{"BytesIO", kw, 0, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&init})) return -1;
  BytesIOObject* b = as_bio(self);
  b->pos = 0;
  if (init.is_null() || is_none(init)) return bytearray_resize(b->buf, 0);
  BufferView v;
  if (!v.get(init)) return -1;
  Value buf = bytearray_from_data(v.b.data, static_cast<size_t>(v.b.len));
  if (buf.is_null()) return -1;
  gc::store(b, &b->buf, buf);
  return 0;
}

int64_t size_arg(const Value* args, size_t nargs) {
  int64_t n = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &n)) return INT64_MIN;
  return n;
}

Value bio_read(Value self, const Value* args, size_t nargs, Value) {
  BytesIOObject* b = as_bio(self);
  if (!check(b) || !check_nargs("read", nargs, 0, 1)) return Value();
  int64_t n = size_arg(args, nargs);
  if (n == INT64_MIN) return Value();
  std::string_view d = data(b);
  int64_t avail = std::max<int64_t>(0, static_cast<int64_t>(d.size()) - b->pos);
  if (n < 0 || n > avail) n = avail;
  Value r = bytes_from_data(d.data() + std::min<int64_t>(b->pos, d.size()), static_cast<size_t>(n));
  b->pos += n;
  return r;
}

Value bio_readline(Value self, const Value* args, size_t nargs, Value) {
  BytesIOObject* b = as_bio(self);
  if (!check(b) || !check_nargs("readline", nargs, 0, 1)) return Value();
  int64_t n = size_arg(args, nargs);
  if (n == INT64_MIN) return Value();
  std::string_view d = data(b);
  if (b->pos >= static_cast<int64_t>(d.size())) return bytes_from_data("", 0);
  std::string_view rest = d.substr(static_cast<size_t>(b->pos));
  size_t nl = rest.find('\n');
  size_t len = nl == std::string_view::npos ? rest.size() : nl + 1;
  if (n >= 0 && static_cast<size_t>(n) < len) len = static_cast<size_t>(n);
  b->pos += static_cast<int64_t>(len);
  return bytes_from_data(rest.data(), len);
}

Value bio_readinto(Value self, const Value* args, size_t nargs, Value) {
  BytesIOObject* b = as_bio(self);
  if (!check(b) || !check_nargs("readinto", nargs, 1, 1)) return Value();
  BufferView v;
  if (!v.get(args[0], kBufWritable)) return Value();
  std::string_view d = data(b);
  int64_t avail = std::max<int64_t>(0, static_cast<int64_t>(d.size()) - b->pos);
  int64_t n = std::min(avail, v.b.len);
  if (n > 0) std::memcpy(v.b.data, d.data() + b->pos, static_cast<size_t>(n));
  b->pos += n;
  return int_from_i64(n);
}

Value bio_write(Value self, const Value* args, size_t nargs, Value) {
  BytesIOObject* b = as_bio(self);
  if (!check(b) || !check_nargs("write", nargs, 1, 1)) return Value();
  BufferView v;
  if (!v.get(args[0])) return Value();
  std::string copy(v.b.bytes());  // the source may be this very buffer
  int64_t end = b->pos + static_cast<int64_t>(copy.size());
  int64_t size = static_cast<int64_t>(data(b).size());
  if (end > size && bytearray_resize(b->buf, end) < 0) return Value();
  if (b->pos > size) std::memset(as_bytearray(b->buf)->data + size, 0, static_cast<size_t>(b->pos - size));
  if (!copy.empty()) std::memcpy(as_bytearray(b->buf)->data + b->pos, copy.data(), copy.size());
  b->pos = end;
  return int_from_i64(static_cast<int64_t>(copy.size()));
}

Value bio_getvalue(Value self, const Value*, size_t, Value) {
  BytesIOObject* b = as_bio(self);
  if (!check(b)) return Value();
  std::string_view d = data(b);
  return bytes_from_data(d.data(), d.size());
}

Value bio_seek(Value self, const Value* args, size_t nargs, Value) {
  BytesIOObject* b = as_bio(self);
  if (!check(b) || !check_nargs("seek", nargs, 1, 2)) return Value();
  int64_t pos, whence = 0;
  if (!index_to_i64(args[0], &pos) || (nargs > 1 && !index_to_i64(args[1], &whence))) return Value();
  if (whence == 0 && pos < 0) return raise_format(exc_ValueError, "negative seek value %lld", static_cast<long long>(pos));
  if (whence == 1) pos += b->pos;
  else if (whence == 2) pos += static_cast<int64_t>(data(b).size());
  else if (whence != 0)
    return raise_format(exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  b->pos = std::max<int64_t>(0, pos);
  return int_from_i64(b->pos);
}

Value bio_tell(Value self, const Value*, size_t, Value) {
  BytesIOObject* b = as_bio(self);
  return check(b) ? int_from_i64(b->pos) : Value();
}

Value bio_truncate(Value self, const Value* args, size_t nargs, Value) {
  BytesIOObject* b = as_bio(self);
  if (!check(b) || !check_nargs("truncate", nargs, 0, 1)) return Value();
  int64_t n = b->pos;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &n)) return Value();
  if (n < 0) return raise_format(exc_ValueError, "negative size value %lld", static_cast<long long>(n));
  if (n < static_cast<int64_t>(data(b).size()) && bytearray_resize(b->buf, n) < 0) return Value();
  return int_from_i64(n);
}

Value bio_true(Value self, const Value*, size_t, Value) {
  return check(as_bio(self)) ? True() : Value();
}

Value bio_close(Value self, const Value*, size_t, Value) {
  as_bio(self)->closed = 1;
  return None();
}

Value bio_flush(Value self, const Value*, size_t, Value) {
  return check(as_bio(self)) ? None() : Value();
}

Value bio_closed(Value self) { return Bool(as_bio(self)->closed); }

Value bio_iternext(Value self) {
  Value line = bio_readline(self, nullptr, 0, Value());
  if (line.is_null()) return line;
  return bytes_view(line).empty() ? Value() : line;
}

void bio_trace(Object* self, VisitFn visit, void* ctx) {
  auto* b = static_cast<BytesIOObject*>(self);
  visit(&b->dict, ctx);
  visit(&b->buf, ctx);
}

const MethodDef bio_methods[] = {
    {"read", bio_read, kMethFast, nullptr},
    {"read1", bio_read, kMethFast, nullptr},
    {"readline", bio_readline, kMethFast, nullptr},
    {"readinto", bio_readinto, kMethFast, nullptr},
    {"write", bio_write, kMethFast, nullptr},
    {"getvalue", bio_getvalue, kMethNoArgs, nullptr},
    {"seek", bio_seek, kMethFast, nullptr},
    {"tell", bio_tell, kMethNoArgs, nullptr},
    {"truncate", bio_truncate, kMethFast, nullptr},
    {"readable", bio_true, kMethNoArgs, nullptr},
    {"writable", bio_true, kMethNoArgs, nullptr},
    {"seekable", bio_true, kMethNoArgs, nullptr},
    {"close", bio_close, kMethNoArgs, nullptr},
    {"flush", bio_flush, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef bio_getsets[] = {{"closed", bio_closed, nullptr, nullptr},
                                 {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

bool init_bytesio_type() {
  if (bytesio_type.has_flag(kTypeReady)) return true;
  bytesio_type.m_basicsize = sizeof(BytesIOObject);
  bytesio_type.slots.new_ = bio_new;
  bytesio_type.slots.init = bio_init;
  bytesio_type.slots.iternext = bio_iternext;
  bytesio_type.slots.trace = bio_trace;
  type_init(&bytesio_type, &bufferediobase_type, TypeDefs{bio_methods, nullptr, bio_getsets});
  return !error_occurred();
}

}  // namespace tpy
