// interp/modules/io_textio.cpp -- _io.TextIOWrapper: text over a buffered binary stream.
//
// Decoding goes through the bytes codecs (bytes_decode_data: UTF-8, latin-1, ASCII and the
// rest of what bytes.decode knows); a UTF-8 sequence cut at a chunk boundary waits in
// `undecoded`, and in universal-newline mode a "\r" at a chunk's end waits for the next
// chunk to know whether "\n" follows. The read-ahead keeps the text untranslated (lines are
// translated as they are returned), so tell() is the exact byte position of the next
// unread character.
#include <cctype>
#include <string>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/modules/io_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/bytes.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

constinit Type textiowrapper_type{&type_type, "_io.TextIOWrapper", 0, kTypeBaseType};

namespace {

struct TextIOObject : IOBaseObject {
  Value buffer;
  Value encoding;   // str
  Value errors;     // str
  Value newline;    // None or str
  Value decoded;    // str: decoded text not yet returned starts at pos
  Value undecoded;  // bytes: an incomplete multi-byte sequence, or null
  int64_t pos;
  int64_t mode;     // NewlineMode
  int64_t line_buffering;
  int64_t write_through;
  int64_t pending_cr;
  int64_t eof;
  int64_t ok;
  int64_t chunk_size;
  int64_t seen;     // newline kinds read in universal mode: 1 "\r", 2 "\n", 4 "\r\n"
};

TextIOObject* as_text(Value v) { return static_cast<TextIOObject*>(v.as_object()); }

Value buffer_call(TextIOObject* t, const char* name, const Value* args = nullptr, size_t n = 0) {
  return call_method(t->buffer, str_intern(name), args, n);
}

bool check(TextIOObject* t) {
  if (!t->ok) {
    raise_error(exc_ValueError, "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

bool check_open(TextIOObject* t) {
  if (!check(t)) return false;
  Value c = getattr_cstr(t->buffer, "closed");
  if (c.is_null()) return false;
  int closed = object_truthy(c);
  if (closed < 0) return false;
  if (closed) {
    raise_error(exc_ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

bool is_utf8(TextIOObject* t) {
  std::string e = str_to_utf8(t->encoding);
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e == "utf-8" || e == "utf8" || e == "utf_8" || e == "u8";
}

// Bytes at the end of [d] that start a UTF-8 sequence not complete yet.
size_t incomplete_utf8_tail(std::string_view d) {
  size_t n = d.size();
  for (size_t k = 1; k <= 3 && k <= n; k++) {
    unsigned char c = static_cast<unsigned char>(d[n - k]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte: look further back
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

// Decodes [raw] (after any undecoded tail) and appends the text to decoded[pos:].
bool feed(TextIOObject* t, std::string_view raw, bool final) {
  std::string data;
  if (!t->undecoded.is_null()) data.assign(bytes_view(t->undecoded));
  data.append(raw);
  size_t keep = (!final && is_utf8(t)) ? incomplete_utf8_tail(data) : 0;
  std::string enc = str_to_utf8(t->encoding), err = str_to_utf8(t->errors);
  Value text = bytes_decode_data(std::string_view(data).substr(0, data.size() - keep), enc.c_str(),
                                 err.c_str());
  if (text.is_null()) return false;
  if (keep) {
    Value u = bytes_from_data(data.data() + data.size() - keep, keep);
    if (u.is_null()) return false;
    gc::store(t, &t->undecoded, u);
  } else {
    t->undecoded = Value();
  }
  if (t->mode == static_cast<int64_t>(NewlineMode::Universal)) {
    if (t->pending_cr) {
      text = str_concat(str_intern("\r"), text);
      if (text.is_null()) return false;
      t->pending_cr = 0;
    }
    int64_t n = str_length(text);
    if (!final && n > 0 && as_str(text)->at(n - 1) == '\r') {
      text = str_substring(text, 0, n - 1);
      t->pending_cr = 1;
      n--;
    }
    StrObject* so = as_str(text);
    for (int64_t i = 0; i < n; i++) {
      uint32_t c = so->at(i);
      if (c == '\n') t->seen |= 2;
      if (c != '\r') continue;
      bool crlf = i + 1 < n && so->at(i + 1) == '\n';
      t->seen |= crlf ? 4 : 1;
      i += crlf;
    }
  }
  Value rest = str_substring(t->decoded, t->pos, str_length(t->decoded));
  Value all = rest.is_null() ? rest : str_concat(rest, text);
  if (all.is_null()) return false;
  gc::store(t, &t->decoded, all);
  t->pos = 0;
  return true;
}

// Reads one chunk from the buffer into the decoded text; sets eof at the end.
bool read_chunk(TextIOObject* t) {
  Value size = int_from_i64(t->chunk_size);
  static StrConst k_read1("read1");
  Value fn = getattr_opt(t->buffer, k_read1.get());
  if (fn.is_null() && error_occurred()) return false;
  Value chunk = fn.is_null() ? buffer_call(t, "read", &size, 1) : call1(fn, size);
  if (chunk.is_null()) return false;
  if (is_none(chunk)) return true;
  if (!is_bytes(chunk))
    return raise_format(exc_TypeError, "underlying read1() should have returned a bytes-like object, not '%.200s'",
                        type_of(chunk)->c_name()),
           false;
  std::string_view d = bytes_view(chunk);
  if (d.empty()) t->eof = 1;
  return feed(t, d, d.empty());
}

bool universal(TextIOObject* t) { return t->mode == static_cast<int64_t>(NewlineMode::Universal); }

int64_t available(TextIOObject* t) { return str_length(t->decoded) - t->pos; }

void reset_decoder(TextIOObject* t) {
  gc::store(t, &t->decoded, str_empty());
  t->pos = 0;
  t->undecoded = Value();
  t->pending_cr = 0;
  t->eof = 0;
}

Value text_new(Type* type, const Value*, size_t, Value) {
  Object* o = gc::alloc(type->m_basicsize, type);
  if (!o) return raise_no_memory();
  auto* t = static_cast<TextIOObject*>(o);
  gc::store(t, &t->decoded, str_empty());
  return Value::from_object(o);
}

bool set_encoding(TextIOObject* t, Value encoding, Value errors) {
  if (encoding.is_null() || is_none(encoding) || str_equal_ascii(encoding, "locale"))
    encoding = str_intern("UTF-8");
  if (!is_str(encoding))
    return raise_format(exc_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %.200s",
                        type_of(encoding)->c_name()),
           false;
  if (errors.is_null() || is_none(errors)) errors = str_intern("strict");
  if (!is_str(errors))
    return raise_format(exc_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %.200s",
                        type_of(errors)->c_name()),
           false;
  // An unknown codec fails now (LookupError), as CPython's constructor does.
  std::string enc = str_to_utf8(encoding);
  if (bytes_decode_data("", enc.c_str(), "strict").is_null()) return false;
  gc::store(t, &t->encoding, encoding);
  gc::store(t, &t->errors, errors);
  return true;
}

int text_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"buffer", "encoding", "errors", "newline", "line_buffering",
                                   "write_through", nullptr};
  Value buffer, encoding, errors, newline, lb, wt;
  ArgSpec spec{"TextIOWrapper", kw, 1, 6, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&buffer, &encoding, &errors, &newline, &lb, &wt}))
    return -1;
  TextIOObject* t = as_text(self);
  NewlineMode mode;
  Value nl;
  if (!text_newline_arg(newline, &mode, &nl) || !set_encoding(t, encoding, errors)) return -1;
  bool line_buffering, write_through;
  if (!arg_bool_value(lb, &line_buffering) || !arg_bool_value(wt, &write_through)) return -1;
  gc::store(t, &t->buffer, buffer);
  gc::store(t, &t->newline, nl);
  t->mode = static_cast<int64_t>(mode);
  t->line_buffering = line_buffering;
  t->write_through = write_through;
  t->chunk_size = 8192;
  reset_decoder(t);
  t->ok = 1;
  return 0;
}

Value text_read(Value self, const Value* args, size_t nargs, Value) {
  TextIOObject* t = as_text(self);
  if (!check_open(t) || !check_nargs("read", nargs, 0, 1)) return Value();
  int64_t n = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &n)) return Value();
  if (n < 0) {
    Value all = buffer_call(t, "read");
    if (all.is_null()) return all;
    if (!is_none(all) && !feed(t, bytes_view(all), true)) return Value();
    t->eof = 1;
    Value r = str_substring(t->decoded, t->pos, str_length(t->decoded));
    if (r.is_null()) return r;
    gc::store(t, &t->decoded, str_empty());
    t->pos = 0;
    return universal(t) ? text_translate_input(r) : r;
  }
  for (;;) {
    // [end]: where n characters (a "\r\n" counting as one in universal mode) end.
    int64_t end = t->pos, got = 0, len = str_length(t->decoded);
    StrObject* so = as_str(t->decoded);
    while (got < n && end < len) {
      if (universal(t) && so->at(end) == '\r' && end + 1 < len && so->at(end + 1) == '\n') end++;
      end++;
      got++;
    }
    if (got == n || t->eof) {
      Value r = str_substring(t->decoded, t->pos, end);
      t->pos = end;
      return universal(t) && !r.is_null() ? text_translate_input(r) : r;
    }
    if (!read_chunk(t)) return Value();
  }
}

Value text_readline(Value self, const Value* args, size_t nargs, Value) {
  TextIOObject* t = as_text(self);
  if (!check_open(t) || !check_nargs("readline", nargs, 0, 1)) return Value();
  int64_t limit = -1;
  if (nargs && !is_none(args[0]) && !index_to_i64(args[0], &limit)) return Value();
  for (;;) {
    NewlineMode search = universal(t) ? NewlineMode::Any : static_cast<NewlineMode>(t->mode);
    int64_t end = text_line_end(t->decoded, t->pos, search, t->newline, t->eof != 0);
    int64_t len = str_length(t->decoded);
    if (limit >= 0 && (end < 0 || end - t->pos > limit) && len - t->pos >= limit) end = t->pos + limit;
    if (end < 0 && t->eof) end = len;
    if (end >= 0) {
      Value r = str_substring(t->decoded, t->pos, end);
      t->pos = end;
      return universal(t) && !r.is_null() ? text_translate_input(r) : r;
    }
    if (!read_chunk(t)) return Value();
  }
}

Value text_iternext(Value self) {
  Value line = text_readline(self, nullptr, 0, Value());
  if (line.is_null()) return line;
  return str_length(line) == 0 ? Value() : line;
}

Value text_write(Value self, const Value* args, size_t nargs, Value) {
  TextIOObject* t = as_text(self);
  if (!check_open(t) || !check_nargs("write", nargs, 1, 1)) return Value();
  Value s = args[0];
  if (!is_str(s))
    return raise_format(exc_TypeError, "write() argument must be str, not %.200s", type_of(s)->c_name());
  Value text = t->mode == static_cast<int64_t>(NewlineMode::Exact) ? text_translate_output(s, t->newline) : s;
  if (text.is_null()) return text;
  std::string enc = str_to_utf8(t->encoding), err = str_to_utf8(t->errors);
  Value b = str_encode(text, enc, err);
  if (b.is_null()) return b;
  if (available(t) > 0 || !t->undecoded.is_null()) {
    // Switching from reading to writing: the buffer is at the end of the read-ahead.
    Value pos = text_tell_value(self);
    if (pos.is_null()) return pos;
    reset_decoder(t);
    Value r = buffer_call(t, "seek", &pos, 1);
    if (r.is_null()) return r;
  }
  if (buffer_call(t, "write", &b, 1).is_null()) return Value();
  bool has_nl = false;
  StrObject* so = as_str(s);
  for (int64_t i = 0; i < so->length && !has_nl; i++) has_nl = so->at(i) == '\n' || so->at(i) == '\r';
  if ((t->line_buffering && has_nl) || t->write_through) {
    if (buffer_call(t, "flush").is_null()) return Value();
  }
  return int_from_i64(str_length(s));
}

Value text_flush(Value self, const Value*, size_t, Value) {
  TextIOObject* t = as_text(self);
  if (!check_open(t)) return Value();
  return buffer_call(t, "flush");
}

Value text_close(Value self, const Value*, size_t, Value) {
  TextIOObject* t = as_text(self);
  if (!check(t)) return Value();
  Value c = getattr_cstr(t->buffer, "closed");
  int closed = c.is_null() ? -1 : object_truthy(c);
  if (closed < 0) return Value();
  if (closed) return None();
  Value f = buffer_call(t, "flush");
  Value err = f.is_null() ? fetch_exception() : Value();
  Value r = buffer_call(t, "close");
  if (!err.is_null()) {
    if (r.is_null()) exception_set_context(pending_exception(), err);
    else set_exception(err);
    return Value();
  }
  return r.is_null() ? r : None();
}

Value text_seek(Value self, const Value* args, size_t nargs, Value) {
  TextIOObject* t = as_text(self);
  if (!check_open(t) || !check_nargs("seek", nargs, 1, 2)) return Value();
  int64_t cookie, whence = 0;
  if (!index_to_i64(args[0], &cookie) || (nargs > 1 && !index_to_i64(args[1], &whence))) return Value();
  if (whence == 1 && cookie != 0) return io_unsupported("can't do nonzero cur-relative seeks");
  if (whence == 2 && cookie != 0) return io_unsupported("can't do nonzero end-relative seeks");
  if (whence == 1) return text_tell_value(self);
  if (whence < 0 || whence > 2)
    return raise_format(exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  if (whence == 0 && cookie < 0)
    return raise_format(exc_ValueError, "negative seek position %lld", static_cast<long long>(cookie));
  if (buffer_call(t, "flush").is_null()) return Value();
  reset_decoder(t);
  Value a[2] = {int_from_i64(cookie), int_from_i64(whence)};
  return buffer_call(t, "seek", a, 2);
}

Value text_tell(Value self, const Value*, size_t, Value) {
  if (!check_open(as_text(self))) return Value();
  return text_tell_value(self);
}

Value text_truncate(Value self, const Value* args, size_t nargs, Value) {
  TextIOObject* t = as_text(self);
  if (!check_open(t) || buffer_call(t, "flush").is_null()) return Value();
  return buffer_call(t, "truncate", args, nargs);
}

Value text_detach(Value self, const Value*, size_t, Value) {
  TextIOObject* t = as_text(self);
  if (!check(t) || buffer_call(t, "flush").is_null()) return Value();
  Value b = t->buffer;
  t->ok = 0;
  return b;
}

Value text_reconfigure(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"encoding", "errors", "newline", "line_buffering",
                                   "write_through", nullptr};
  Value encoding, errors, newline, lb, wt;
  ArgSpec spec{"reconfigure", kw, 0, 0, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&encoding, &errors, &newline, &lb, &wt})) return Value();
  TextIOObject* t = as_text(self);
  if (!check(t)) return Value();
  if (!encoding.is_null() || !errors.is_null()) {
    if (!set_encoding(t, encoding.is_null() ? t->encoding : encoding,
                      errors.is_null() ? (encoding.is_null() ? t->errors : Value()) : errors))
      return Value();
  }
  if (!newline.is_null()) {
    NewlineMode mode;
    Value nl;
    if (!text_newline_arg(newline, &mode, &nl)) return Value();
    gc::store(t, &t->newline, nl);
    t->mode = static_cast<int64_t>(mode);
  }
  bool b;
  if (!lb.is_null()) {
    if (!arg_bool_value(lb, &b)) return Value();
    t->line_buffering = b;
  }
  if (!wt.is_null()) {
    if (!arg_bool_value(wt, &b)) return Value();
    t->write_through = b;
  }
  return None();
}

Value forward(Value self, const char* name) {
  TextIOObject* t = as_text(self);
  if (!check(t)) return Value();
  return buffer_call(t, name);
}
Value text_fileno(Value self, const Value*, size_t, Value) { return forward(self, "fileno"); }
Value text_isatty(Value self, const Value*, size_t, Value) { return forward(self, "isatty"); }
Value text_readable(Value self, const Value*, size_t, Value) { return forward(self, "readable"); }
Value text_writable(Value self, const Value*, size_t, Value) { return forward(self, "writable"); }
Value text_seekable(Value self, const Value*, size_t, Value) { return forward(self, "seekable"); }

Value text_closed(Value self) {
  if (!check(as_text(self))) return Value();
  return getattr_cstr(as_text(self)->buffer, "closed");
}
Value text_name(Value self) {
  if (!check(as_text(self))) return Value();
  return getattr_cstr(as_text(self)->buffer, "name");
}
Value text_buffer(Value self) { return check(as_text(self)) ? as_text(self)->buffer : Value(); }
Value text_encoding(Value self) { return as_text(self)->encoding; }
Value text_errors(Value self) { return as_text(self)->errors; }
Value text_newlines(Value self) { return newlines_seen(as_text(self)->seen); }
Value text_line_buffering(Value self) { return Bool(as_text(self)->line_buffering); }
Value text_write_through(Value self) { return Bool(as_text(self)->write_through); }
Value text_get_chunk(Value self) { return int_from_i64(as_text(self)->chunk_size); }
int text_set_chunk(Value self, Value v) {
  int64_t n;
  if (v.is_null() || !index_to_i64(v, &n)) {
    if (!error_occurred()) raise_error(exc_AttributeError, "cannot delete attribute");
    return -1;
  }
  if (n <= 0) {
    raise_error(exc_ValueError, "a strictly positive integer is required");
    return -1;
  }
  as_text(self)->chunk_size = n;
  return 0;
}

Value text_repr(Value self) {
  std::string out = "<" + std::string(type_of(self)->c_name());
  for (const char* attr : {"name", "mode"}) {
    Value v = getattr_opt(self, str_intern(attr));
    if (v.is_null()) {
      if (error_occurred() && !error_matches(exc_ValueError)) return Value();
      clear_exception();
      continue;
    }
    Value r = object_repr(v);
    if (r.is_null()) return r;
    out += std::string(" ") + attr + "=" + str_to_utf8(r);
  }
  Value e = object_repr(as_text(self)->encoding.is_null() ? None() : as_text(self)->encoding);
  if (e.is_null()) return e;
  return str_from_utf8(out + " encoding=" + str_to_utf8(e) + ">");
}

void text_trace(Object* self, VisitFn visit, void* ctx) {
  auto* t = static_cast<TextIOObject*>(self);
  visit(&t->dict, ctx);
  visit(&t->buffer, ctx);
  visit(&t->encoding, ctx);
  visit(&t->errors, ctx);
  visit(&t->newline, ctx);
  visit(&t->decoded, ctx);
  visit(&t->undecoded, ctx);
}

const MethodDef text_methods[] = {
    {"read", text_read, kMethFast, nullptr},
    {"readline", text_readline, kMethFast, nullptr},
    {"write", text_write, kMethFast, nullptr},
    {"flush", text_flush, kMethNoArgs, nullptr},
    {"close", text_close, kMethNoArgs, nullptr},
    {"seek", text_seek, kMethFast, nullptr},
    {"tell", text_tell, kMethNoArgs, nullptr},
    {"truncate", text_truncate, kMethFast, nullptr},
    {"detach", text_detach, kMethNoArgs, nullptr},
    {"reconfigure", text_reconfigure, kMethFastKw, nullptr},
    {"fileno", text_fileno, kMethNoArgs, nullptr},
    {"isatty", text_isatty, kMethNoArgs, nullptr},
    {"readable", text_readable, kMethNoArgs, nullptr},
    {"writable", text_writable, kMethNoArgs, nullptr},
    {"seekable", text_seekable, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef text_getsets[] = {{"closed", text_closed, nullptr, nullptr},
                                  {"name", text_name, nullptr, nullptr},
                                  {"buffer", text_buffer, nullptr, nullptr},
                                  {"encoding", text_encoding, nullptr, nullptr},
                                  {"errors", text_errors, nullptr, nullptr},
                                  {"newlines", text_newlines, nullptr, nullptr},
                                  {"line_buffering", text_line_buffering, nullptr, nullptr},
                                  {"write_through", text_write_through, nullptr, nullptr},
                                  {"_CHUNK_SIZE", text_get_chunk, text_set_chunk, nullptr},
                                  {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

// The byte position of the next unread character (see the file comment).
Value text_tell_value(Value self) {
  TextIOObject* t = as_text(self);
  if (buffer_call(t, "flush").is_null()) return Value();
  Value pos = buffer_call(t, "tell");
  int64_t p;
  if (pos.is_null() || !index_to_i64(pos, &p)) return Value();
  if (available(t) > 0) {
    Value rest = str_substring(t->decoded, t->pos, str_length(t->decoded));
    std::string enc = str_to_utf8(t->encoding);
    Value b = rest.is_null() ? rest : str_encode(rest, enc, "surrogatepass");
    if (b.is_null()) return b;
    p -= static_cast<int64_t>(bytes_view(b).size());
  }
  if (!t->undecoded.is_null()) p -= static_cast<int64_t>(bytes_view(t->undecoded).size());
  p -= t->pending_cr;
  return int_from_i64(p);
}

bool init_textio_type() {
  if (textiowrapper_type.has_flag(kTypeReady)) return true;
  textiowrapper_type.m_basicsize = sizeof(TextIOObject);
  textiowrapper_type.slots.new_ = text_new;
  textiowrapper_type.slots.init = text_init;
  textiowrapper_type.slots.repr = text_repr;
  textiowrapper_type.slots.iternext = text_iternext;
  textiowrapper_type.slots.trace = text_trace;
  type_init(&textiowrapper_type, &textiobase_type, TypeDefs{text_methods, nullptr, text_getsets});
  return !error_occurred();
}

}  // namespace tpy
