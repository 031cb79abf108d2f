// interp/modules/io_buffered.cpp -- _io.BufferedReader, BufferedWriter, BufferedRandom and
// BufferedRWPair over a raw stream (FileIO or any object with the raw methods).
//
// The read-ahead is a bytes object and an offset; pending writes are a bytearray flushed
// when it reaches buffer_size, on flush(), seek(), close() and before reading.
#include <algorithm>
#include <string>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/modules/io_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"

namespace tpy {

constinit Type buffered_reader_type{&type_type, "_io.BufferedReader", 0, kTypeBaseType};
constinit Type buffered_writer_type{&type_type, "_io.BufferedWriter", 0, kTypeBaseType};
constinit Type buffered_random_type{&type_type, "_io.BufferedRandom", 0, kTypeBaseType};
constinit Type buffered_rwpair_type{&type_type, "_io.BufferedRWPair", 0, kTypeBaseType};

namespace {

enum : int64_t { kRead = 1, kWrite = 2 };

struct BufferedObject : IOBaseObject {
  Value raw;
  Value rbuf;  // bytes read ahead, or null
  Value wbuf;  // bytearray of pending writes, or null
  int64_t rpos;
  int64_t buffer_size;
  int64_t kind;
  int64_t detached;
  int64_t ok;
};

struct RWPairObject : IOBaseObject {
  Value reader, writer;
};

BufferedObject* as_buf(Value v) { return static_cast<BufferedObject*>(v.as_object()); }

Value raw_call(BufferedObject* b, const char* name, const Value* args = nullptr, size_t n = 0) {
  return call_method(b->raw, str_intern(name), args, n);
}

bool check(BufferedObject* b) {
  if (!b->ok) {
    raise_error(exc_ValueError, b->detached ? "raw stream has been detached"
                                            : "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

int raw_closed(BufferedObject* b) {
  Value c = getattr_cstr(b->raw, "closed");
  if (c.is_null()) return -1;
  return object_truthy(c);
}

bool check_open(BufferedObject* b, const char* what) {
  if (!check(b)) return false;
  int c = raw_closed(b);
  if (c < 0) return false;
  if (c) {
    raise_format(exc_ValueError, "%s of closed file", what);
    return false;
  }
  return true;
}

std::string_view rbuf_rest(BufferedObject* b) {
  if (b->rbuf.is_null()) return {};
  return bytes_view(b->rbuf).substr(static_cast<size_t>(b->rpos));
}

void drop_rbuf(BufferedObject* b) {
  b->rbuf = Value();
  b->rpos = 0;
}

// Writes every pending byte to the raw stream.
bool flush_writes(BufferedObject* b) {
  if (b->wbuf.is_null()) return true;
  while (!bytes_view(b->wbuf).empty()) {
    std::string_view w = bytes_view(b->wbuf);
    Value chunk = bytes_from_data(w.data(), w.size());
    if (chunk.is_null()) return false;
    Value n = raw_call(b, "write", &chunk, 1);
    if (n.is_null()) return false;
    int64_t done = 0;
    if (!is_none(n) && !index_to_i64(n, &done)) return false;
    if (is_none(n)) {
      raise_error(exc_BlockingIOError, "write could not complete without blocking");
      return false;
    }
    std::string rest(w.substr(static_cast<size_t>(std::min<int64_t>(done, w.size()))));
    if (bytearray_resize(b->wbuf, static_cast<int64_t>(rest.size())) < 0) return false;
    std::copy(rest.begin(), rest.end(), as_bytearray(b->wbuf)->data);
  }
  return true;
}

// Reads one chunk from raw into the read-ahead (keeping what is unread). false on error;
// *eof when the raw stream had nothing more.
bool fill(BufferedObject* b, int64_t want, bool* eof) {
  Value size = int_from_i64(std::max(want, b->buffer_size));
  Value chunk = raw_call(b, "read", &size, 1);
  if (chunk.is_null()) return false;
  if (is_none(chunk) || bytes_view(chunk).empty()) {
    *eof = true;
    return true;
  }
  *eof = false;
  std::string_view rest = rbuf_rest(b);
  Value joined = rest.empty() ? chunk : bytes_concat(bytes_from_data(rest.data(), rest.size()), chunk);
  if (joined.is_null()) return false;
  gc::store(b, &b->rbuf, joined);
  b->rpos = 0;
  return true;
}

Value buf_new(Type* t, const Value*, size_t, Value) {
  Object* o = gc::alloc(t->m_basicsize, t);
  if (!o) return raise_no_memory();
  return Value::from_object(o);
}

int buf_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"raw", "buffer_size", nullptr};
  Value raw, size;
  Type* t = type_of(self);
  const char* name = type_is_subtype(t, &buffered_random_type)   ? "BufferedRandom"
                     : type_is_subtype(t, &buffered_writer_type) ? "BufferedWriter"
                                                                  : "BufferedReader";
  ArgSpec spec{name, kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&raw, &size})) return -1;
  BufferedObject* b = as_buf(self);
  int64_t n = kIoDefaultBufferSize;
  if (!size.is_null() && !index_to_i64(size, &n)) return -1;
  if (n <= 0) {
    raise_error(exc_ValueError, "buffer size must be strictly positive");
    return -1;
  }
  b->kind = type_is_subtype(t, &buffered_random_type)   ? (kRead | kWrite)
            : type_is_subtype(t, &buffered_writer_type) ? kWrite
                                                         : kRead;
  const char* checks[] = {(b->kind & kRead) ? "_checkReadable" : nullptr,
                          (b->kind & kWrite) ? "_checkWritable" : nullptr,
                          b->kind == (kRead | kWrite) ? "_checkSeekable" : nullptr};
  for (const char* c : checks) {
    if (!c) continue;
    if (call_method(raw, str_intern(c), nullptr, 0).is_null()) return -1;
  }
  gc::store(b, &b->raw, raw);
  b->buffer_size = n;
  drop_rbuf(b);
  b->wbuf = Value();
  b->detached = 0;
  b->ok = 1;
  return 0;
}

Value buf_read(Value self, const Value* args, size_t nargs, Value) {
  BufferedObject* b = as_buf(self);
  if (!check_open(b, "read") || !check_nargs("read", nargs, 0, 1)) return Value();
  int64_t n = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &n)) return Value();
  if (n < -1) return raise_error(exc_ValueError, "read length must be non-negative or -1");
  if (!flush_writes(b)) return Value();
  if (n < 0) {
    std::string out(rbuf_rest(b));
    drop_rbuf(b);
    Value rest = raw_call(b, "readall");
    if (rest.is_null()) return rest;
    if (is_none(rest)) return out.empty() ? rest : bytes_from_data(out.data(), out.size());
    out.append(bytes_view(rest));
    return bytes_from_data(out.data(), out.size());
  }
  while (static_cast<int64_t>(rbuf_rest(b).size()) < n) {
    bool eof;
    if (!fill(b, n - static_cast<int64_t>(rbuf_rest(b).size()), &eof)) return Value();
    if (eof) break;
  }
  std::string_view rest = rbuf_rest(b);
  size_t take = std::min(rest.size(), static_cast<size_t>(n));
  Value r = bytes_from_data(rest.data(), take);
  b->rpos += static_cast<int64_t>(take);
  return r;
}

Value buf_read1(Value self, const Value* args, size_t nargs, Value) {
  BufferedObject* b = as_buf(self);
  if (!check_open(b, "read") || !check_nargs("read1", nargs, 0, 1)) return Value();
  int64_t n = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &n)) return Value();
  if (!flush_writes(b)) return Value();
  if (rbuf_rest(b).empty() && n != 0) {
    bool eof;
    if (!fill(b, n < 0 ? b->buffer_size : n, &eof)) return Value();
  }
  std::string_view rest = rbuf_rest(b);
  size_t take = n < 0 ? rest.size() : std::min(rest.size(), static_cast<size_t>(n));
  Value r = bytes_from_data(rest.data(), take);
  b->rpos += static_cast<int64_t>(take);
  return r;
}

Value buf_peek(Value self, const Value* args, size_t nargs, Value) {
  BufferedObject* b = as_buf(self);
  if (!check_open(b, "peek") || !check_nargs("peek", nargs, 0, 1) || !flush_writes(b)) return Value();
  if (rbuf_rest(b).empty()) {
    bool eof;
    if (!fill(b, b->buffer_size, &eof)) return Value();
  }
  std::string_view rest = rbuf_rest(b);
  return bytes_from_data(rest.data(), rest.size());
}

Value buf_readline(Value self, const Value* args, size_t nargs, Value) {
  BufferedObject* b = as_buf(self);
  if (!check_open(b, "readline") || !check_nargs("readline", nargs, 0, 1)) return Value();
  int64_t limit = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &limit)) return Value();
  if (!flush_writes(b)) return Value();
  size_t scanned = 0;
  for (;;) {
    std::string_view rest = rbuf_rest(b);
    size_t nl = rest.find('\n', scanned);
    size_t end = nl == std::string_view::npos ? std::string_view::npos : nl + 1;
    if (limit >= 0 && (end == std::string_view::npos || end > static_cast<size_t>(limit)) &&
        rest.size() >= static_cast<size_t>(limit))
      end = static_cast<size_t>(limit);
    if (end != std::string_view::npos) {
      Value r = bytes_from_data(rest.data(), end);
      b->rpos += static_cast<int64_t>(end);
      return r;
    }
    scanned = rest.size();
    bool eof;
    if (!fill(b, b->buffer_size, &eof)) return Value();
    if (eof) {
      rest = rbuf_rest(b);
      Value r = bytes_from_data(rest.data(), rest.size());
      drop_rbuf(b);
      return r;
    }
  }
}

Value buf_readinto(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("readinto", nargs, 1, 1)) return Value();
  BufferView v;
  if (!v.get(args[0], kBufWritable)) return Value();
  Value n = int_from_i64(v.b.len);
  Value data = buf_read(self, &n, 1, Value());
  if (data.is_null()) return data;
  std::string_view d = bytes_view(data);
  std::copy(d.begin(), d.end(), v.b.data);
  return int_from_i64(static_cast<int64_t>(d.size()));
}

Value buf_write(Value self, const Value* args, size_t nargs, Value) {
  BufferedObject* b = as_buf(self);
  if (!check(b) || !check_nargs("write", nargs, 1, 1)) return Value();
  int c = raw_closed(b);
  if (c < 0) return Value();
  if (c) return raise_error(exc_ValueError, "write to closed file");
  BufferView v;
  if (!v.get(args[0])) return Value();
  if (!rbuf_rest(b).empty()) {
    // Writing after reading ahead: put the raw position back where the caller is.
    Value back = int_from_i64(-static_cast<int64_t>(rbuf_rest(b).size()));
    Value one = Value::from_int(1);
    Value a[2] = {back, one};
    if (raw_call(b, "seek", a, 2).is_null()) return Value();
  }
  drop_rbuf(b);
  if (b->wbuf.is_null()) {
    Value w = bytearray_from_data(nullptr, 0);
    if (w.is_null()) return w;
    gc::store(b, &b->wbuf, w);
  }
  int64_t old = as_bytearray(b->wbuf)->length;
  std::string copy(v.b.bytes());
  if (bytearray_resize(b->wbuf, old + static_cast<int64_t>(copy.size())) < 0) return Value();
  std::copy(copy.begin(), copy.end(), as_bytearray(b->wbuf)->data + old);
  if (as_bytearray(b->wbuf)->length >= b->buffer_size && !flush_writes(b)) return Value();
  return int_from_i64(static_cast<int64_t>(copy.size()));
}

Value buf_flush(Value self, const Value*, size_t, Value) {
  BufferedObject* b = as_buf(self);
  if (!check(b)) return Value();
  int c = raw_closed(b);
  if (c < 0) return Value();
  if (c) return raise_error(exc_ValueError, "flush of closed file");
  if (!flush_writes(b)) return Value();
  return raw_call(b, "flush");
}

Value buf_tell(Value self, const Value*, size_t, Value) {
  BufferedObject* b = as_buf(self);
  if (!check(b)) return Value();
  Value pos = raw_call(b, "tell");
  int64_t p;
  if (pos.is_null() || !index_to_i64(pos, &p)) return Value();
  p -= static_cast<int64_t>(rbuf_rest(b).size());
  if (!b->wbuf.is_null()) p += as_bytearray(b->wbuf)->length;
  return int_from_i64(std::max<int64_t>(p, 0));
}

Value buf_seek(Value self, const Value* args, size_t nargs, Value) {
  BufferedObject* b = as_buf(self);
  if (!check_open(b, "seek") || !check_nargs("seek", nargs, 1, 2)) return Value();
  int64_t pos, whence = 0;
  if (!index_to_i64(args[0], &pos) || (nargs > 1 && !index_to_i64(args[1], &whence))) return Value();
  if (whence < 0 || whence > 2)
    return raise_format(exc_ValueError, "whence value %lld unsupported", static_cast<long long>(whence));
  if (!flush_writes(b)) return Value();
  if (whence == 1) pos -= static_cast<int64_t>(rbuf_rest(b).size());
  drop_rbuf(b);
  Value a[2] = {int_from_i64(pos), int_from_i64(whence)};
  return raw_call(b, "seek", a, 2);
}

Value buf_truncate(Value self, const Value* args, size_t nargs, Value) {
  BufferedObject* b = as_buf(self);
  if (!check_open(b, "truncate") || !check_nargs("truncate", nargs, 0, 1)) return Value();
  Value pos = nargs ? args[0] : None();
  if (is_none(pos)) {
    pos = buf_tell(self, nullptr, 0, Value());
    if (pos.is_null()) return pos;
  }
  if (!flush_writes(b)) return Value();
  drop_rbuf(b);
  return raw_call(b, "truncate", &pos, 1);
}

Value buf_close(Value self, const Value*, size_t, Value) {
  BufferedObject* b = as_buf(self);
  if (!check(b)) return Value();
  int c = raw_closed(b);
  if (c < 0) return Value();
  if (c) return None();
  bool flushed = flush_writes(b);
  Value err = flushed ? Value() : fetch_exception();
  Value r = raw_call(b, "close");
  if (!err.is_null()) {
    if (r.is_null()) exception_set_context(pending_exception(), err);
    else set_exception(err);
    return Value();
  }
  return r.is_null() ? r : None();
}

Value buf_detach(Value self, const Value*, size_t, Value) {
  BufferedObject* b = as_buf(self);
  if (!check(b) || !flush_writes(b)) return Value();
  Value raw = b->raw;
  b->ok = 0;
  b->detached = 1;
  return raw;
}

Value forward(Value self, const char* name) {
  BufferedObject* b = as_buf(self);
  if (!check(b)) return Value();
  return raw_call(b, name);
}
Value buf_fileno(Value self, const Value*, size_t, Value) { return forward(self, "fileno"); }
Value buf_isatty(Value self, const Value*, size_t, Value) { return forward(self, "isatty"); }
Value buf_seekable(Value self, const Value*, size_t, Value) { return forward(self, "seekable"); }
Value buf_readable(Value self, const Value*, size_t, Value) {
  if (!check(as_buf(self))) return Value();
  return (as_buf(self)->kind & kRead) ? forward(self, "readable") : False();
}
Value buf_writable(Value self, const Value*, size_t, Value) {
  if (!check(as_buf(self))) return Value();
  return (as_buf(self)->kind & kWrite) ? forward(self, "writable") : False();
}

Value attr_of_raw(Value self, const char* name) {
  BufferedObject* b = as_buf(self);
  if (!check(b)) return Value();
  return getattr_cstr(b->raw, name);
}
Value buf_closed(Value self) { return attr_of_raw(self, "closed"); }
Value buf_name(Value self) { return attr_of_raw(self, "name"); }
Value buf_mode(Value self) { return attr_of_raw(self, "mode"); }
Value buf_raw(Value self) { return as_buf(self)->raw.is_null() ? None() : as_buf(self)->raw; }

Value buf_repr(Value self) {
  std::string t = type_of(self)->c_name();
  Value name = getattr_opt(self, str_intern("name"));
  if (name.is_null()) {
    if (error_occurred() && !error_matches(exc_ValueError)) return Value();
    clear_exception();
    return str_from_utf8("<" + t + ">");
  }
  Value r = object_repr(name);
  if (r.is_null()) return r;
  return str_from_utf8("<" + t + " name=" + str_to_utf8(r) + ">");
}

Value buf_iternext(Value self) {
  Value line = buf_readline(self, nullptr, 0, Value());
  if (line.is_null()) return line;
  return bytes_view(line).empty() ? Value() : line;
}

void buf_trace(Object* self, VisitFn visit, void* ctx) {
  auto* b = static_cast<BufferedObject*>(self);
  visit(&b->dict, ctx);
  visit(&b->raw, ctx);
  visit(&b->rbuf, ctx);
  visit(&b->wbuf, ctx);
}

const MethodDef buf_methods[] = {
    {"read", buf_read, kMethFast, nullptr},
    {"read1", buf_read1, kMethFast, nullptr},
    {"peek", buf_peek, kMethFast, nullptr},
    {"readline", buf_readline, kMethFast, nullptr},
    {"readinto", buf_readinto, kMethFast, nullptr},
    {"write", buf_write, kMethFast, nullptr},
    {"flush", buf_flush, kMethNoArgs, nullptr},
    {"tell", buf_tell, kMethNoArgs, nullptr},
    {"seek", buf_seek, kMethFast, nullptr},
    {"truncate", buf_truncate, kMethFast, nullptr},
    {"close", buf_close, kMethNoArgs, nullptr},
    {"detach", buf_detach, kMethNoArgs, nullptr},
    {"fileno", buf_fileno, kMethNoArgs, nullptr},
    {"isatty", buf_isatty, kMethNoArgs, nullptr},
    {"seekable", buf_seekable, kMethNoArgs, nullptr},
    {"readable", buf_readable, kMethNoArgs, nullptr},
    {"writable", buf_writable, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef buf_getsets[] = {{"closed", buf_closed, nullptr, nullptr},
                                 {"name", buf_name, nullptr, nullptr},
                                 {"mode", buf_mode, nullptr, nullptr},
                                 {"raw", buf_raw, nullptr, nullptr},
                                 {nullptr, nullptr, nullptr, nullptr}};

// -- BufferedRWPair: a reader and a writer stream used as one --------------------------------------
RWPairObject* as_pair(Value v) { return static_cast<RWPairObject*>(v.as_object()); }

int pair_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"reader", "writer", "buffer_size", nullptr};
  Value r, w, size;
  ArgSpec spec{"BufferedRWPair", kw, 2, 3, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&r, &w, &size})) return -1;
  Value ra[2] = {r, size.is_null() ? int_from_i64(kIoDefaultBufferSize) : size};
  Value reader = call(Value::from_object(&buffered_reader_type), ra, 2);
  if (reader.is_null()) return -1;
  Value wa[2] = {w, ra[1]};
  Value writer = call(Value::from_object(&buffered_writer_type), wa, 2);
  if (writer.is_null()) return -1;
  gc::store(as_pair(self), &as_pair(self)->reader, reader);
  gc::store(as_pair(self), &as_pair(self)->writer, writer);
  return 0;
}

template <bool kToWriter>
Value pair_forward(Value self, const char* name, const Value* args, size_t nargs) {
  RWPairObject* p = as_pair(self);
  Value target = kToWriter ? p->writer : p->reader;
  if (target.is_null()) return raise_error(exc_ValueError, "I/O operation on uninitialized object");
  return call_method(target, str_intern(name), args, nargs);
}
#define TPY_PAIR(fn, name, writer)                                       \
  Value fn(Value self, const Value* args, size_t nargs, Value) {         \
    return pair_forward<writer>(self, name, args, nargs);                \
  }
TPY_PAIR(pair_read, "read", false)
TPY_PAIR(pair_read1, "read1", false)
TPY_PAIR(pair_peek, "peek", false)
TPY_PAIR(pair_readline, "readline", false)
TPY_PAIR(pair_readinto, "readinto", false)
TPY_PAIR(pair_readable, "readable", false)
TPY_PAIR(pair_write, "write", true)
TPY_PAIR(pair_flush, "flush", true)
TPY_PAIR(pair_writable, "writable", true)
TPY_PAIR(pair_isatty, "isatty", true)
#undef TPY_PAIR

Value pair_close(Value self, const Value*, size_t, Value) {
  Value w = pair_forward<true>(self, "close", nullptr, 0);
  Value r = pair_forward<false>(self, "close", nullptr, 0);
  return w.is_null() || r.is_null() ? Value() : None();
}
Value pair_closed(Value self) { return getattr_cstr(as_pair(self)->writer, "closed"); }

void pair_trace(Object* self, VisitFn visit, void* ctx) {
  auto* p = static_cast<RWPairObject*>(self);
  visit(&p->dict, ctx);
  visit(&p->reader, ctx);
  visit(&p->writer, ctx);
}

const MethodDef pair_methods[] = {
    {"read", pair_read, kMethFast, nullptr},       {"read1", pair_read1, kMethFast, nullptr},
    {"peek", pair_peek, kMethFast, nullptr},       {"readline", pair_readline, kMethFast, nullptr},
    {"readinto", pair_readinto, kMethFast, nullptr}, {"readable", pair_readable, kMethFast, nullptr},
    {"write", pair_write, kMethFast, nullptr},     {"flush", pair_flush, kMethFast, nullptr},
    {"writable", pair_writable, kMethFast, nullptr}, {"isatty", pair_isatty, kMethFast, nullptr},
    {"close", pair_close, kMethNoArgs, nullptr},   {nullptr, nullptr, 0, nullptr}};

const GetSetDef pair_getsets[] = {{"closed", pair_closed, nullptr, nullptr},
                                  {nullptr, nullptr, nullptr, nullptr}};

void init_one(Type* t) {
  t->m_basicsize = sizeof(BufferedObject);
  t->slots.new_ = buf_new;
  t->slots.init = buf_init;
  t->slots.repr = buf_repr;
  t->slots.iternext = buf_iternext;
  t->slots.trace = buf_trace;
  type_init(t, &bufferediobase_type, TypeDefs{buf_methods, nullptr, buf_getsets});
}

}  // namespace

bool init_buffered_types() {
  if (buffered_reader_type.has_flag(kTypeReady)) return true;
  init_one(&buffered_reader_type);
  init_one(&buffered_writer_type);
  init_one(&buffered_random_type);
  buffered_rwpair_type.m_basicsize = sizeof(RWPairObject);
  buffered_rwpair_type.slots.new_ = buf_new;
  buffered_rwpair_type.slots.init = pair_init;
  buffered_rwpair_type.slots.trace = pair_trace;
  type_init(&buffered_rwpair_type, &bufferediobase_type, TypeDefs{pair_methods, nullptr, pair_getsets});
  return !error_occurred();
}

}  // namespace tpy
