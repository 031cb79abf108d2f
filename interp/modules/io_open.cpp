// interp/modules/io_open.cpp -- _io.open (the builtin open) and _io.IncrementalNewlineDecoder.
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

constinit Type newline_decoder_type{&type_type, "_io.IncrementalNewlineDecoder", 0, kTypeBaseType};

namespace {

Value bad_mode(const char* msg) { return raise_error(exc_ValueError, msg); }

}  // namespace

bool arg_bool_value(Value v, bool* out) {
  if (v.is_null()) {
    *out = false;
    return true;
  }
  int t = object_truthy(v);
  if (t < 0) return false;
  *out = t != 0;
  return true;
}

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
//      opener=None), as CPython's _io_open_impl.
Value io_open(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"file", "mode", "buffering", "encoding", "errors", "newline",
                                   "closefd", "opener", nullptr};
  Value file, modev, bufv, encoding, errors, newline, closefd, opener;
  ArgSpec spec{"open", kw, 1, 8, 0, false};
  if (!parse_args(spec, args, nargs, kwnames,
                  {&file, &modev, &bufv, &encoding, &errors, &newline, &closefd, &opener}))
    return Value();
  if (!is_str(file) && !is_bytes(file) && !file.is_int() && !is_instance_of(file, &int_type)) {
    static StrConst k_fspath("__fspath__");
    Value fn = lookup_special(file, k_fspath.get());
    if (fn.is_null()) {
      if (error_occurred()) return Value();
      return raise_format(exc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                          type_of(file)->c_name());
    }
    file = call0(fn);
    if (file.is_null()) return file;
  }
  std::string mode = "r";
  if (!modev.is_null()) {
    if (!is_str(modev))
      return raise_format(exc_TypeError, "open() argument 'mode' must be str, not %.200s",
                          type_of(modev)->c_name());
    mode = str_to_utf8(modev);
  }
  int64_t buffering = -1;
  if (!bufv.is_null() && !index_to_i64(bufv, &buffering)) return Value();
  for (Value* v : {&encoding, &errors, &newline})
    if (!v->is_null() && !is_none(*v) && !is_str(*v))
      return raise_format(exc_TypeError, "open() argument must be str or None, not %.200s",
                          type_of(*v)->c_name());
  bool creating = false, reading = false, writing = false, appending = false, updating = false;
  bool text = false, binary = false;
  for (size_t i = 0; i < mode.size(); i++) {
    char c = mode[i];
    if (mode.find(c) != i || std::string("xrwabt+").find(c) == std::string::npos)
      return raise_format(exc_ValueError, "invalid mode: '%s'", mode.c_str());
    creating |= c == 'x';
    reading |= c == 'r';
    writing |= c == 'w';
    appending |= c == 'a';
    updating |= c == '+';
    text |= c == 't';
    binary |= c == 'b';
  }
  if (text && binary) return bad_mode("can't have text and binary mode at once");
  if (creating + reading + writing + appending > 1)
    return bad_mode("must have exactly one of create/read/write/append mode");
  if (!(creating || reading || writing || appending))
    return bad_mode("Must have exactly one of create/read/write/append mode and at most one plus");
  if (binary && !encoding.is_null() && !is_none(encoding))
    return bad_mode("binary mode doesn't take an encoding argument");
  if (binary && !errors.is_null() && !is_none(errors))
    return bad_mode("binary mode doesn't take an errors argument");
  if (binary && !newline.is_null() && !is_none(newline))
    return bad_mode("binary mode doesn't take a newline argument");
  if (binary && buffering == 1) {
    // CPython warns (RuntimeWarning) and uses the default buffer size.
    buffering = -1;
  }
  std::string rawmode = creating ? "x" : reading ? "r" : writing ? "w" : "a";
  if (updating) rawmode += "+";
  Value ra[4] = {file, str_from_ascii(rawmode), closefd.is_null() ? True() : closefd,
                 opener.is_null() ? None() : opener};
  Value raw = call(Value::from_object(&fileio_type), ra, 4);
  if (raw.is_null()) return raw;
  Value result = raw;
  bool line_buffering = false;
  if (buffering == 1 || buffering < 0) {
    Value tty = call_method(raw, str_intern("isatty"), nullptr, 0);
    if (tty.is_null()) return tty;
    if (buffering == 1 || tty == True()) {
      buffering = -1;
      line_buffering = true;
    }
  }
  if (buffering < 0) {
    int64_t blk = static_cast<FileIOObject*>(raw.as_object())->blksize;
    buffering = blk > 1 ? blk : kIoDefaultBufferSize;
  }
  if (buffering == 0) {
    if (binary) return raw;
    return bad_mode("can't have unbuffered text I/O");
  }
  Type* bt = updating ? &buffered_random_type
             : (creating || writing || appending) ? &buffered_writer_type
                                                  : &buffered_reader_type;
  Value ba[2] = {raw, int_from_i64(buffering)};
  Value buffer = call(Value::from_object(bt), ba, 2);
  if (buffer.is_null()) return buffer;
  result = buffer;
  if (binary) return buffer;
  Value ta[5] = {buffer, encoding.is_null() ? None() : encoding, errors.is_null() ? None() : errors,
                 newline.is_null() ? None() : newline, Bool(line_buffering)};
  Value wrapper = call(Value::from_object(&textiowrapper_type), ta, 5);
  if (wrapper.is_null()) return wrapper;
  if (setattr(wrapper, str_intern("mode"), str_from_utf8(mode)) < 0) return Value();
  return wrapper;
}

// -- IncrementalNewlineDecoder -----------------------------------------------------------------
namespace {

struct NewlineDecoderObject : Object {
  Value decoder;  // None or an incremental decoder
  Value errors;
  int64_t translate;
  int64_t pendingcr;
  int64_t seen;  // bit 1: "\r", 2: "\n", 4: "\r\n"
};

NewlineDecoderObject* as_nd(Value v) { return static_cast<NewlineDecoderObject*>(v.as_object()); }

Value nd_new(Type* t, const Value*, size_t, Value) {
  Object* o = gc::alloc(t->m_basicsize, t);
  if (!o) return raise_no_memory();
  return Value::from_object(o);
}

int nd_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"decoder", "translate", "errors", nullptr};
  Value decoder, translate, errors;
  ArgSpec spec{"IncrementalNewlineDecoder", kw, 2, 3, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&decoder, &translate, &errors})) return -1;
  bool tr;
  if (!arg_bool_value(translate, &tr)) return -1;
  NewlineDecoderObject* d = as_nd(self);
  gc::store(d, &d->decoder, decoder);
  gc::store(d, &d->errors, errors.is_null() ? str_intern("strict") : errors);
  d->translate = tr;
  d->pendingcr = 0;
  d->seen = 0;
  return 0;
}

Value nd_decode(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"input", "final", nullptr};
  Value input, finalv;
  ArgSpec spec{"decode", kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&input, &finalv})) return Value();
  bool final;
  if (!arg_bool_value(finalv, &final)) return Value();
  NewlineDecoderObject* d = as_nd(self);
  Value out = input;
  if (!d->decoder.is_null() && !is_none(d->decoder)) {
    Value a[2] = {input, Bool(final)};
    out = call_method(d->decoder, str_intern("decode"), a, 2);
    if (out.is_null()) return out;
  }
  if (!is_str(out))
    return raise_format(exc_TypeError, "decoder should return a string result, not '%.200s'",
                        type_of(out)->c_name());
  std::string s = str_to_utf8(out);
  if (d->pendingcr && (final || !s.empty())) {
    s.insert(s.begin(), '\r');
    d->pendingcr = 0;
  }
  if (!final && !s.empty() && s.back() == '\r') {
    s.pop_back();
    d->pendingcr = 1;
  }
  std::string res;
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] == '\r') {
      bool crlf = i + 1 < s.size() && s[i + 1] == '\n';
      d->seen |= crlf ? 4 : 1;
      if (d->translate) {
        res += '\n';
        if (crlf) i++;
      } else {
        res += '\r';
      }
    } else {
      if (s[i] == '\n') d->seen |= 2;
      res += s[i];
    }
  }
  return str_from_utf8(res);
}

Value nd_getstate(Value self, const Value*, size_t, Value) {
  NewlineDecoderObject* d = as_nd(self);
  Value buf = bytes_from_data("", 0);
  int64_t flag = 0;
  if (!d->decoder.is_null() && !is_none(d->decoder)) {
    Value st = call_method(d->decoder, str_intern("getstate"), nullptr, 0);
    if (st.is_null()) return st;
    if (!is_tuple(st) || tuple_length(st) != 2) return raise_error(exc_TypeError, "illegal decoder state");
    buf = tuple_at(st, 0);
    if (!index_to_i64(tuple_at(st, 1), &flag)) return Value();
  }
  return tuple_pack({buf, int_from_i64((flag << 1) | d->pendingcr)});
}

Value nd_setstate(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("setstate", nargs, 1, 1)) return Value();
  Value st = args[0];
  int64_t flag;
  if (!is_tuple(st) || tuple_length(st) != 2) return raise_error(exc_TypeError, "state argument must be a tuple");
  if (!index_to_i64(tuple_at(st, 1), &flag)) return Value();
  NewlineDecoderObject* d = as_nd(self);
  d->pendingcr = flag & 1;
  if (!d->decoder.is_null() && !is_none(d->decoder)) {
    Value ns = tuple_pack({tuple_at(st, 0), int_from_i64(flag >> 1)});
    if (ns.is_null() || call_method(d->decoder, str_intern("setstate"), &ns, 1).is_null()) return Value();
  }
  return None();
}

Value nd_reset(Value self, const Value*, size_t, Value) {
  NewlineDecoderObject* d = as_nd(self);
  d->seen = 0;
  d->pendingcr = 0;
  if (!d->decoder.is_null() && !is_none(d->decoder))
    return call_method(d->decoder, str_intern("reset"), nullptr, 0);
  return None();
}

Value nd_newlines(Value self) { return newlines_seen(as_nd(self)->seen); }

void nd_trace(Object* self, VisitFn visit, void* ctx) {
  auto* d = static_cast<NewlineDecoderObject*>(self);
  visit(&d->decoder, ctx);
  visit(&d->errors, ctx);
}

const MethodDef nd_methods[] = {{"decode", nd_decode, kMethFastKw, nullptr},
                                {"getstate", nd_getstate, kMethNoArgs, nullptr},
                                {"setstate", nd_setstate, kMethFast, nullptr},
                                {"reset", nd_reset, kMethNoArgs, nullptr},
                                {nullptr, nullptr, 0, nullptr}};

const GetSetDef nd_getsets[] = {{"newlines", nd_newlines, nullptr, nullptr},
                                {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

bool init_newline_decoder_type() {
  if (newline_decoder_type.has_flag(kTypeReady)) return true;
  newline_decoder_type.m_basicsize = sizeof(NewlineDecoderObject);
  newline_decoder_type.slots.new_ = nd_new;
  newline_decoder_type.slots.init = nd_init;
  newline_decoder_type.slots.trace = nd_trace;
  type_init(&newline_decoder_type, &object_type, TypeDefs{nd_methods, nullptr, nd_getsets});
  return !error_occurred();
}

}  // namespace tpy
