// interp/modules/codecs_module.cpp -- _codecs: the codec registry (search functions, cache,
// error handlers) and the codec functions codecs.py and the encodings package call, over the
// bytes and str codecs (bytes_decode_data, str_encode).
//
// Decoding is what bytes.decode supports today (UTF-8, ASCII, latin-1); encoding what
// str.encode supports. Error handlers registered from Python are kept and returned by
// lookup_error, but the native codecs only apply the built-in handlers.
#include <cctype>
#include <string>

#include "gc/roots.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/import.h"
#include "interp/vm/module.h"

namespace tpy {

namespace {

// The registry: [search functions (list), cache (dict), error handlers (dict)].
Value registry(int i) {
  Value& r = gc::g_roots.codec_registry();
  if (r.is_null()) {
    Value t = tuple_pack({list_new(), dict_new(), dict_new()});
    if (t.is_null()) return t;
    r = t;
  }
  return tuple_at(r, i);
}

// codecs.c's normalizestring: lower case, spaces to hyphens.
Value normalize(Value enc) {
  std::string s = str_to_utf8(enc);
  for (char& c : s) {
    if (c == ' ') c = '-';
    else c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return str_from_utf8(s);
}

Value cd_register(Value, const Value* args, size_t, Value) {
  if (!is_callable(args[0])) return raise_error(exc_TypeError, "argument must be callable");
  Value l = registry(0);
  if (l.is_null() || list_append(l, args[0]) < 0) return Value();
  return None();
}

Value cd_unregister(Value, const Value* args, size_t, Value) {
  Value l = registry(0);
  if (l.is_null()) return l;
  Value keep = list_new();
  for (int64_t i = 0; !keep.is_null() && i < list_length(l); i++)
    if (list_at(l, i) != args[0] && list_append(keep, list_at(l, i)) < 0) return Value();
  if (keep.is_null()) return keep;
  gc::g_roots.codec_registry() = tuple_pack({keep, registry(1), registry(2)});
  Value cache = registry(1);
  Value keys = dict_keys_list(cache);
  for (int64_t i = 0; !keys.is_null() && i < list_length(keys); i++) dict_del(cache, list_at(keys, i));
  return None();
}

Value lookup(Value encoding) {
  if (!is_str(encoding))
    return raise_format(exc_TypeError, "lookup() argument must be str, not %.200s",
                        type_of(encoding)->c_name());
  Value key = normalize(encoding);
  if (key.is_null()) return key;
  Value cache = registry(1);
  if (cache.is_null()) return cache;
  Value hit = dict_get(cache, key);
  if (!hit.is_null() || error_occurred()) return hit;
  // The encodings package registers the standard search function when imported.
  if (list_length(registry(0)) == 0 && import_module("encodings").is_null()) return Value();
  Value search = registry(0);
  for (int64_t i = 0; i < list_length(search); i++) {
    Value r = call1(list_at(search, i), key);
    if (r.is_null()) return r;
    if (is_none(r)) continue;
    if (!is_tuple(r) || tuple_length(r) != 4)
      return raise_error(exc_TypeError, "codec search functions must return 4-tuples");
    if (dict_set(cache, key, r) < 0) return Value();
    return r;
  }
  return raise_format(exc_LookupError, "unknown encoding: %U", encoding);
}

Value cd_lookup(Value, const Value* args, size_t, Value) { return lookup(args[0]); }

Value cd_forget(Value, const Value* args, size_t, Value) {
  Value key = normalize(args[0]);
  Value cache = registry(1);
  if (key.is_null() || cache.is_null()) return Value();
  if (dict_del(cache, key) < 0) return Value();
  return None();
}

// encode(obj, encoding='utf-8', errors='strict') / decode: through the codec's functions.
Value coder(const char* fname, int index, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"obj", "encoding", "errors", nullptr};
  Value obj, encoding, errors;
  ArgSpec spec{fname, kw, 1, 3, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&obj, &encoding, &errors})) return Value();
  Value info = lookup(encoding.is_null() ? str_intern("utf-8") : encoding);
  if (info.is_null()) return info;
  Value a[2] = {obj, errors.is_null() ? str_intern("strict") : errors};
  Value r = call(tuple_at(info, index), a, 2);
  if (r.is_null()) return r;
  if (!is_tuple(r) || tuple_length(r) != 2)
    return raise_format(exc_TypeError, "%s must return a tuple (object, integer)",
                        index == 0 ? "encoder" : "decoder");
  return tuple_at(r, 0);
}
Value cd_encode(Value, const Value* a, size_t n, Value k) { return coder("encode", 0, a, n, k); }
Value cd_decode(Value, const Value* a, size_t n, Value k) { return coder("decode", 1, a, n, k); }

// -- Error handlers -----------------------------------------------------------------------------
Value handler_strict(Value, const Value* args, size_t, Value) {
  if (!is_exception_instance(args[0]))
    return raise_error(exc_TypeError, "codec must pass exception instance");
  return raise_value(args[0]);
}

Value error_end(Value exc) {
  auto* u = static_cast<UnicodeErrorObject*>(exc.as_object());
  return u->end.is_null() ? Value::from_int(0) : u->end;
}

Value handler_ignore(Value, const Value* args, size_t, Value) {
  if (!is_instance_of(args[0], exc_UnicodeError))
    return raise_format(exc_TypeError, "don't know how to handle %.200s in error callback",
                        type_of(args[0])->c_name());
  return tuple_pack({str_empty(), error_end(args[0])});
}

Value handler_replace(Value, const Value* args, size_t, Value) {
  Value exc = args[0];
  if (!is_instance_of(exc, exc_UnicodeError))
    return raise_format(exc_TypeError, "don't know how to handle %.200s in error callback",
                        type_of(exc)->c_name());
  auto* u = static_cast<UnicodeErrorObject*>(exc.as_object());
  int64_t start = 0, end = 0;
  if (!index_to_i64(u->start, &start) || !index_to_i64(u->end, &end)) return Value();
  if (is_instance_of(exc, exc_UnicodeDecodeError))
    return tuple_pack({str_from_code_point(0xFFFD), u->end});
  std::string q(static_cast<size_t>(end > start ? end - start : 0), '?');
  return tuple_pack({str_from_ascii(q), u->end});
}

const MethodDef handler_defs[] = {
    {"strict_errors", handler_strict, kMethO, nullptr},
    {"ignore_errors", handler_ignore, kMethO, nullptr},
    {"replace_errors", handler_replace, kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

Value cd_register_error(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("register_error", nargs, 2, 2)) return Value();
  if (!is_str(args[0])) return raise_error(exc_TypeError, "register_error() argument 1 must be str");
  if (!is_callable(args[1])) return raise_error(exc_TypeError, "handler must be callable");
  Value d = registry(2);
  if (d.is_null() || dict_set(d, args[0], args[1]) < 0) return Value();
  return None();
}

Value cd_lookup_error(Value self, const Value* args, size_t, Value) {
  if (!is_str(args[0])) return raise_error(exc_TypeError, "lookup_error() argument must be str");
  Value d = registry(2);
  if (d.is_null()) return d;
  Value h = dict_get(d, args[0]);
  if (!h.is_null() || error_occurred()) return h;
  std::string name = str_to_utf8(args[0]);
  // The handlers the native codecs implement themselves are known by name too.
  static const char* const known[] = {"strict", "ignore", "replace", "backslashreplace",
                                      "surrogateescape", "surrogatepass", "xmlcharrefreplace",
                                      "namereplace"};
  for (const char* k : known) {
    if (name != k) continue;
    const MethodDef* def = &handler_defs[0];
    if (name == "ignore") def = &handler_defs[1];
    if (name == "replace") def = &handler_defs[2];
    Value fn = native_function_new(def, self, str_intern("_codecs"));
    if (fn.is_null() || dict_set(d, args[0], fn) < 0) return Value();
    return fn;
  }
  return raise_format(exc_LookupError, "unknown error handler name '%s'", name.c_str());
}

// -- Codec functions ------------------------------------------------------------------------------
std::string errors_of(Value v) { return v.is_null() || is_none(v) ? "strict" : str_to_utf8(v); }

// Bytes at the end of [d] that may start an incomplete UTF-8 sequence.
size_t utf8_tail(std::string_view d) {
  size_t n = d.size();
  for (size_t k = 1; k <= 3 && k <= n; k++) {
    unsigned char c = static_cast<unsigned char>(d[n - k]);
    if ((c & 0xC0) == 0x80) continue;
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

Value do_decode(const char* codec, const Value* args, size_t nargs, bool incremental) {
  if (!check_nargs(codec, nargs, 1, 3)) return Value();
  BufferView v;
  if (!v.get(args[0])) return Value();
  std::string errors = errors_of(nargs > 1 ? args[1] : Value());
  bool final = true;
  if (incremental && nargs > 2) {
    int t = object_truthy(args[2]);
    if (t < 0) return Value();
    final = t != 0;
  }
  std::string_view data = v.b.bytes();
  if (!final) data = data.substr(0, data.size() - utf8_tail(data));
  Value s = bytes_decode_data(data, codec, errors.c_str());
  if (s.is_null()) return s;
  return tuple_pack({s, int_from_i64(static_cast<int64_t>(data.size()))});
}

Value do_encode(const char* codec, const Value* args, size_t nargs) {
  if (!check_nargs(codec, nargs, 1, 2)) return Value();
  if (!is_str(args[0]))
    return raise_format(exc_TypeError, "%s_encode() argument 1 must be str, not %.200s", codec,
                        type_of(args[0])->c_name());
  Value b = str_encode(args[0], codec, errors_of(nargs > 1 ? args[1] : Value()));
  if (b.is_null()) return b;
  return tuple_pack({b, int_from_i64(str_length(args[0]))});
}

#define TPY_CODEC_FNS(py, codec, incremental)                                   \
  Value py##_decode(Value, const Value* args, size_t nargs, Value) {            \
    return do_decode(codec, args, nargs, incremental);                           \
  }                                                                              \
  Value py##_encode(Value, const Value* args, size_t nargs, Value) {            \
    return do_encode(codec, args, nargs);                                        \
  }
TPY_CODEC_FNS(utf_8, "utf-8", true)
TPY_CODEC_FNS(latin_1, "latin-1", false)
TPY_CODEC_FNS(ascii, "ascii", false)
#undef TPY_CODEC_FNS

Value encode_only(const char* codec, const Value* args, size_t nargs) { return do_encode(codec, args, nargs); }
Value unicode_escape_encode(Value, const Value* a, size_t n, Value) { return encode_only("unicode_escape", a, n); }
Value raw_unicode_escape_encode(Value, const Value* a, size_t n, Value) {
  return encode_only("raw_unicode_escape", a, n);
}
Value utf_16_encode(Value, const Value* a, size_t n, Value) { return encode_only("utf-16", a, n); }
Value utf_16_le_encode(Value, const Value* a, size_t n, Value) { return encode_only("utf-16-le", a, n); }
Value utf_16_be_encode(Value, const Value* a, size_t n, Value) { return encode_only("utf-16-be", a, n); }
Value utf_32_encode(Value, const Value* a, size_t n, Value) { return encode_only("utf-32", a, n); }
Value utf_32_le_encode(Value, const Value* a, size_t n, Value) { return encode_only("utf-32-le", a, n); }
Value utf_32_be_encode(Value, const Value* a, size_t n, Value) { return encode_only("utf-32-be", a, n); }
Value utf_7_encode(Value, const Value* a, size_t n, Value) { return encode_only("utf-7", a, n); }

const MethodDef codecs_functions[] = {
    {"register", cd_register, kMethO, nullptr},
    {"unregister", cd_unregister, kMethO, nullptr},
    {"lookup", cd_lookup, kMethO, nullptr},
    {"_forget_codec", cd_forget, kMethO, nullptr},
    {"encode", cd_encode, kMethFastKw, nullptr},
    {"decode", cd_decode, kMethFastKw, nullptr},
    {"register_error", cd_register_error, kMethFast, nullptr},
    {"lookup_error", cd_lookup_error, kMethO, nullptr},
    {"utf_8_decode", utf_8_decode, kMethFast, nullptr},
    {"utf_8_encode", utf_8_encode, kMethFast, nullptr},
    {"latin_1_decode", latin_1_decode, kMethFast, nullptr},
    {"latin_1_encode", latin_1_encode, kMethFast, nullptr},
    {"ascii_decode", ascii_decode, kMethFast, nullptr},
    {"ascii_encode", ascii_encode, kMethFast, nullptr},
    {"unicode_escape_encode", unicode_escape_encode, kMethFast, nullptr},
    {"raw_unicode_escape_encode", raw_unicode_escape_encode, kMethFast, nullptr},
    {"utf_16_encode", utf_16_encode, kMethFast, nullptr},
    {"utf_16_le_encode", utf_16_le_encode, kMethFast, nullptr},
    {"utf_16_be_encode", utf_16_be_encode, kMethFast, nullptr},
    {"utf_32_encode", utf_32_encode, kMethFast, nullptr},
    {"utf_32_le_encode", utf_32_le_encode, kMethFast, nullptr},
    {"utf_32_be_encode", utf_32_be_encode, kMethFast, nullptr},
    {"utf_7_encode", utf_7_encode, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_codecs_module() {
  Value m = module_new_cstr("_codecs");
  if (m.is_null()) return m;
  if (add_native_functions(module_dict(m), codecs_functions, m, str_intern("_codecs")) < 0)
    return Value();
  return m;
}

}  // namespace tpy
