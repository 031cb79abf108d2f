// interp/modules/io_module.cpp -- The _io module: its types, open_code, text_encoding,
// DEFAULT_BUFFER_SIZE and io.UnsupportedOperation.
#include "gc/roots.h"
#include "interp/modules/io_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/module.h"

namespace tpy {

Value io_open(Value self, const Value* args, size_t nargs, Value kwnames);  // io_open.cpp

namespace {

// open_code(path): what importlib reads sources through (CPython: open(path, 'rb')).
Value io_open_code(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", nullptr};
  Value path;
  ArgSpec spec{"open_code", kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path})) return Value();
  if (!is_str(path))
    return raise_format(exc_TypeError, "open_code() argument 'path' must be str, not %.200s",
                        type_of(path)->c_name());
  Value a[2] = {path, str_intern("rb")};
  return io_open(Value(), a, 2, Value());
}

// text_encoding(encoding, stacklevel=2): the encoding open() uses when none is given.
Value io_text_encoding(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("text_encoding", nargs, 1, 2)) return Value();
  if (!is_none(args[0])) return args[0];
  return str_intern("locale");
}

const MethodDef io_functions[] = {
    {"open", io_open, kMethFastKw, nullptr},
    {"open_code", io_open_code, kMethFastKw, nullptr},
    {"text_encoding", io_text_encoding, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

bool make_unsupported() {
  if (!gc::g_roots.io_unsupported().is_null()) return true;
  Value bases = tuple_pack({Value::from_object(exc_OSError), Value::from_object(exc_ValueError)});
  Value ns = dict_new();
  if (bases.is_null() || ns.is_null() || dict_set_cstr(ns, "__module__", str_intern("io")) < 0)
    return false;
  Value a[3] = {str_intern("UnsupportedOperation"), bases, ns};
  Value t = call(Value::from_object(&type_type), a, 3);
  if (t.is_null()) return false;
  gc::g_roots.io_unsupported() = t;
  return true;
}

}  // namespace

Value io_unsupported_type() { return gc::g_roots.io_unsupported(); }

Value io_unsupported(const char* msg) {
  Value t = gc::g_roots.io_unsupported();
  if (t.is_null()) return raise_error(exc_OSError, msg);
  Value m = str_from_utf8(msg);
  if (m.is_null()) return m;
  Value e = call1(t, m);
  if (e.is_null()) return e;
  return raise_value(e);
}

Value create_io_module() {
  if (!init_iobase_types() || !init_fileio_type() || !init_bytesio_type() ||
      !init_stringio_type() || !init_buffered_types() || !init_textio_type() ||
      !init_newline_decoder_type() || !make_unsupported())
    return Value();
  Value m = module_new_cstr("_io");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, io_functions, m, str_intern("_io")) < 0) return Value();
  struct {
    const char* name;
    Type* type;
  } types[] = {{"_IOBase", &iobase_type},
               {"_RawIOBase", &rawiobase_type},
               {"_BufferedIOBase", &bufferediobase_type},
               {"_TextIOBase", &textiobase_type},
               {"FileIO", &fileio_type},
               {"BytesIO", &bytesio_type},
               {"StringIO", &stringio_type},
               {"BufferedReader", &buffered_reader_type},
               {"BufferedWriter", &buffered_writer_type},
               {"BufferedRandom", &buffered_random_type},
               {"BufferedRWPair", &buffered_rwpair_type},
               {"TextIOWrapper", &textiowrapper_type},
               {"IncrementalNewlineDecoder", &newline_decoder_type}};
  for (auto& t : types)
    if (dict_set_cstr(d, t.name, Value::from_object(t.type)) < 0) return Value();
  if (dict_set_cstr(d, "DEFAULT_BUFFER_SIZE", int_from_i64(kIoDefaultBufferSize)) < 0 ||
      dict_set_cstr(d, "UnsupportedOperation", gc::g_roots.io_unsupported()) < 0 ||
      dict_set_cstr(d, "BlockingIOError", Value::from_object(exc_BlockingIOError)) < 0)
    return Value();
  return m;
}

}  // namespace tpy
