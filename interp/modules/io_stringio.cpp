// interp/modules/io_stringio.cpp -- _io.StringIO: an in-memory text stream.
//
// Writes at the end (the common case: building output) are collected in a list and joined
// the next time the text is read, so n small writes cost O(total), not O(n * total).
#include <algorithm>
#include <string>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/modules/io_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"

namespace tpy {

constinit Type stringio_type{&type_type, "_io.StringIO", 0, kTypeBaseType};

namespace {

struct StringIOObject : IOBaseObject {
  Value buf;      // str: the text up to the pending writes
  Value pending;  // list of strs written at the end since buf was last joined, or null
  Value newline;  // the newline argument (None or str)
  int64_t pos;    // in code points
  int64_t length; // of buf + pending
  int64_t closed;
  int64_t mode;   // NewlineMode
  int64_t ok;     // __init__ ran
};

StringIOObject* as_sio(Value v) { return static_cast<StringIOObject*>(v.as_object()); }

bool check(StringIOObject* s) {
  if (!s->ok) {
    raise_error(exc_ValueError, "I/O operation on uninitialized object");
    return false;
  }
  if (s->closed) {
    raise_error(exc_ValueError, "I/O operation on closed file");
    return false;
  }
  return true;
}

// Joins the pending writes into buf.
bool realize(StringIOObject* s) {
  if (s->pending.is_null()) return true;
  Value parts = s->pending;
  if (list_length(parts) == 0) {
    s->pending = Value();
    return true;
  }
  Value all = list_new();
  if (all.is_null() || list_append(all, s->buf) < 0 || list_extend(all, parts) < 0) return false;
  Value joined = str_join(str_empty(), all);
  if (joined.is_null()) return false;
  gc::store(s, &s->buf, joined);
  s->pending = Value();
  return true;
}

Value sio_new(Type* t, const Value*, size_t, Value) {
  Object* o = gc::alloc(t->m_basicsize, t);
  if (!o) return raise_no_memory();
  auto* s = static_cast<StringIOObject*>(o);
  gc::store(s, &s->buf, str_empty());
  s->newline = None();
  return Value::from_object(o);
}

int64_t write_text(StringIOObject* s, Value text) {
  if (s->mode == static_cast<int64_t>(NewlineMode::Universal)) text = text_translate_input(text);
  else text = text_translate_output(text, s->newline);
  if (text.is_null()) return -1;
  int64_t n = str_length(text);
  if (n == 0) return 0;
  if (s->pos == s->length) {
    if (s->pending.is_null()) {
      Value l = list_new();
      if (l.is_null()) return -1;
      gc::store(s, &s->pending, l);
    }
    if (list_append(s->pending, text) < 0) return -1;
    s->pos += n;
    s->length += n;
    return n;
  }
  if (!realize(s)) return -1;
  Value head = str_substring(s->buf, 0, s->pos);
  if (head.is_null()) return -1;
  if (s->pos > s->length) {
    // Writing past the end pads with NULs, as CPython.
    std::u32string pad(static_cast<size_t>(s->pos - s->length), U'\0');
    Value padv = str_from_code_points(reinterpret_cast<const uint32_t*>(pad.data()), pad.size());
    if (padv.is_null()) return -1;
    head = str_concat(s->buf, padv);
    if (head.is_null()) return -1;
  }
  Value tail = str_substring(s->buf, s->pos + n, s->length);
  Value mid = tail.is_null() ? tail : str_concat(head, text);
  Value all = mid.is_null() ? mid : str_concat(mid, tail);
  if (all.is_null()) return -1;
  gc::store(s, &s->buf, all);
  s->pos += n;
  s->length = str_length(all);
  return n;
}

int sio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"initial_value", "newline", nullptr};
  Value init, nl;
  ArgSpec spec{"StringIO", kw, 0, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&init, &nl})) return -1;
  StringIOObject* s = as_sio(self);
  NewlineMode mode = NewlineMode::Exact;
  Value newline = str_intern("\n");
  if (!nl.is_null() && !text_newline_arg(nl, &mode, &newline)) return -1;
  if (!init.is_null() && !is_none(init) && !is_str(init)) {
    raise_format(exc_TypeError, "initial_value must be str or None, not %.200s",
                 type_of(init)->c_name());
    return -1;
  }
  gc::store(s, &s->newline, newline);
  s->mode = static_cast<int64_t>(mode);
  gc::store(s, &s->buf, str_empty());
  s->pending = Value();
  s->pos = s->length = 0;
  s->ok = 1;
  s->closed = 0;
  if (!init.is_null() && !is_none(init) && write_text(s, init) < 0) return -1;
  s->pos = 0;
  return 0;
}

Value sio_write(Value self, const Value* args, size_t nargs, Value) {
  StringIOObject* s = as_sio(self);
  if (!check(s) || !check_nargs("write", nargs, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_format(exc_TypeError, "string argument expected, got '%.200s'",
                        type_of(args[0])->c_name());
  int64_t len = str_length(args[0]);
  if (write_text(s, args[0]) < 0) return Value();
  return int_from_i64(len);
}

Value sio_getvalue(Value self, const Value*, size_t, Value) {
  StringIOObject* s = as_sio(self);
  if (!check(s) || !realize(s)) return Value();
  return s->buf;
}

Value sio_read(Value self, const Value* args, size_t nargs, Value) {
  StringIOObject* s = as_sio(self);
  if (!check(s) || !check_nargs("read", nargs, 0, 1) || !realize(s)) return Value();
  int64_t n = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &n)) return Value();
  int64_t avail = std::max<int64_t>(0, s->length - s->pos);
  if (n < 0 || n > avail) n = avail;
  Value r = str_substring(s->buf, s->pos, s->pos + n);
  s->pos += n;
  return r;
}

Value sio_readline(Value self, const Value* args, size_t nargs, Value) {
  StringIOObject* s = as_sio(self);
  if (!check(s) || !check_nargs("readline", nargs, 0, 1) || !realize(s)) return Value();
  int64_t limit = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &limit)) return Value();
  if (s->pos >= s->length) return str_empty();
  int64_t end = text_line_end(s->buf, s->pos, static_cast<NewlineMode>(s->mode), s->newline, true);
  if (end < 0) end = s->length;
  if (limit >= 0 && s->pos + limit < end) end = s->pos + limit;
  Value r = str_substring(s->buf, s->pos, end);
  s->pos = end;
  return r;
}

Value sio_iternext(Value self) {
  Value line = sio_readline(self, nullptr, 0, Value());
  if (line.is_null()) return line;
  return str_length(line) == 0 ? Value() : line;
}

Value sio_seek(Value self, const Value* args, size_t nargs, Value) {
  StringIOObject* s = as_sio(self);
  if (!check(s) || !check_nargs("seek", nargs, 1, 2)) return Value();
  int64_t pos, whence = 0;
  if (!index_to_i64(args[0], &pos) || (nargs > 1 && !index_to_i64(args[1], &whence))) return Value();
  if (whence < 0 || whence > 2)
    return raise_format(exc_ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  if (pos < 0 && whence == 0) return raise_format(exc_ValueError, "Negative seek position %lld", static_cast<long long>(pos));
  if (whence != 0 && pos != 0) return io_unsupported("Can't do nonzero cur-relative seeks");
  if (whence == 1) pos = s->pos;
  if (whence == 2) pos = s->length;
  if (!realize(s)) return Value();
  s->pos = pos;
  return int_from_i64(pos);
}

Value sio_tell(Value self, const Value*, size_t, Value) {
  StringIOObject* s = as_sio(self);
  return check(s) ? int_from_i64(s->pos) : Value();
}

Value sio_truncate(Value self, const Value* args, size_t nargs, Value) {
  StringIOObject* s = as_sio(self);
  if (!check(s) || !check_nargs("truncate", nargs, 0, 1) || !realize(s)) return Value();
  int64_t n = s->pos;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &n)) return Value();
  if (n < 0) return raise_format(exc_ValueError, "Negative size value %lld", static_cast<long long>(n));
  if (n < s->length) {
    Value b = str_substring(s->buf, 0, n);
    if (b.is_null()) return b;
    gc::store(s, &s->buf, b);
    s->length = n;
  }
  return int_from_i64(n);
}

Value sio_true(Value self, const Value*, size_t, Value) {
  return check(as_sio(self)) ? True() : Value();
}
Value sio_close(Value self, const Value*, size_t, Value) {
  as_sio(self)->closed = 1;
  return None();
}
Value sio_closed(Value self) { return Bool(as_sio(self)->closed); }
Value sio_line_buffering(Value) { return False(); }
Value sio_newlines(Value) { return None(); }

void sio_trace(Object* self, VisitFn visit, void* ctx) {
  auto* s = static_cast<StringIOObject*>(self);
  visit(&s->dict, ctx);
  visit(&s->buf, ctx);
  visit(&s->pending, ctx);
  visit(&s->newline, ctx);
}

const MethodDef sio_methods[] = {
    {"write", sio_write, kMethFast, nullptr},
    {"getvalue", sio_getvalue, kMethNoArgs, nullptr},
    {"read", sio_read, kMethFast, nullptr},
    {"readline", sio_readline, kMethFast, nullptr},
    {"seek", sio_seek, kMethFast, nullptr},
    {"tell", sio_tell, kMethNoArgs, nullptr},
    {"truncate", sio_truncate, kMethFast, nullptr},
    {"readable", sio_true, kMethNoArgs, nullptr},
    {"writable", sio_true, kMethNoArgs, nullptr},
    {"seekable", sio_true, kMethNoArgs, nullptr},
    {"close", sio_close, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef sio_getsets[] = {{"closed", sio_closed, nullptr, nullptr},
                                 {"line_buffering", sio_line_buffering, nullptr, nullptr},
                                 {"newlines", sio_newlines, nullptr, nullptr},
                                 {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

bool init_stringio_type() {
  if (stringio_type.has_flag(kTypeReady)) return true;
  stringio_type.m_basicsize = sizeof(StringIOObject);
  stringio_type.slots.new_ = sio_new;
  stringio_type.slots.init = sio_init;
  stringio_type.slots.iternext = sio_iternext;
  stringio_type.slots.trace = sio_trace;
  type_init(&stringio_type, &textiobase_type, TypeDefs{sio_methods, nullptr, sio_getsets});
  return !error_occurred();
}

}  // namespace tpy
