// interp/modules/struct_module.cpp -- The _struct module: Struct objects, the module-level
// pack/unpack functions, iter_unpack's iterator and the struct.error exception class.
#include <cstring>

#include "gc/barrier.h"
#include "gc/roots.h"
#include "interp/modules/native_modules.h"
#include "interp/modules/struct_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/container_util.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/module.h"

namespace tpy::structmod {

Value raise_struct_error(const std::string& message) {
  Value cls = gc::g_roots.struct_error();
  return raise_error(cls.is_null() ? exc_Exception : as_type(cls), message);
}

namespace {

// The parsed codes live in a bytes object (GC memory) so that a Struct needs no destructor.
struct StructObject : Object {
  Value format;  // str
  Value codes;   // bytes holding Code[ncodes]
  int64_t size, nitems, order;
};
struct UnpackIterObject : Object {
  Value st;    // the Struct
  Value data;  // bytes: a copy of the buffer
  int64_t index;
};

void trace_struct(Object* self, VisitFn visit, void* ctx) {
  auto* s = static_cast<StructObject*>(self);
  visit(&s->format, ctx);
  visit(&s->codes, ctx);
}
void trace_unpack_iter(Object* self, VisitFn visit, void* ctx) {
  auto* u = static_cast<UnpackIterObject*>(self);
  visit(&u->st, ctx);
  visit(&u->data, ctx);
}

}  // namespace

constinit Type struct_type{&type_type, "_struct.Struct", sizeof(StructObject),
                           kTypeBaseType | kTypeImmutable};
constinit Type unpack_iter_type{&type_type, "_struct.unpack_iterator", sizeof(UnpackIterObject),
                                kTypeImmutable};

namespace {

StructObject* st(Value v) { return static_cast<StructObject*>(v.as_object()); }

Format format_of(Value self) {
  StructObject* s = st(self);
  Format f;
  f.order = static_cast<Order>(s->order);
  f.size = s->size;
  f.nitems = s->nitems;
  if (!s->codes.is_null()) {
    std::string_view raw = bytes_view(s->codes);
    f.codes.resize(raw.size() / sizeof(Code));
    if (!f.codes.empty()) std::memcpy(f.codes.data(), raw.data(), raw.size());
  }
  return f;
}

// (Re)compiles [self] for [format] (str or bytes).
bool set_format(Value self, Value format) {
  std::string text;
  Value fstr;
  if (is_str(format)) {
    text = str_to_utf8(format);
    fstr = format;
  } else if (is_bytes(format)) {
    std::string_view b = bytes_view(format);
    text.assign(b.data(), b.size());
    fstr = str_from_latin1(text);
    if (fstr.is_null()) return false;
  } else {
    raise_format(exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %.200s",
                 type_of(format)->c_name());
    return false;
  }
  Format f;
  if (!parse_format(text, &f)) return false;
  Value codes = bytes_from_data(f.codes.data(), f.codes.size() * sizeof(Code));
  if (codes.is_null()) return false;
  StructObject* s = st(self);
  gc::store(s, &s->format, fstr);
  gc::store(s, &s->codes, codes);
  s->size = f.size;
  s->nitems = f.nitems;
  s->order = static_cast<int64_t>(f.order);
  return true;
}

Value struct_new(Type* type, const Value*, size_t, Value) {
  Object* o = alloc_instance(type);
  if (o == nullptr) return raise_no_memory();
  return Value::from_object(o);
}

int struct_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"format", nullptr};
  Value format;
  ArgSpec spec{"Struct", kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&format})) return -1;
  return set_format(self, format) ? 0 : -1;
}

Value make_struct(Value format) {
  Value s = struct_new(&struct_type, nullptr, 0, Value());
  if (s.is_null() || !set_format(s, format)) return Value();
  return s;
}

Value do_pack(Value self, const Value* args, size_t nargs) {
  StructObject* s = st(self);
  if (static_cast<int64_t>(nargs) != s->nitems)
    return raise_struct_error("pack expected " + std::to_string(s->nitems) +
                              " items for packing (got " + std::to_string(nargs) + ")");
  Value out = bytes_new_uninit(s->size);
  if (out.is_null()) return out;
  if (!pack_values(format_of(self), args, as_bytes(out)->data())) return Value();
  return out;
}

Value do_pack_into(Value self, const Value* args, size_t nargs) {
  StructObject* s = st(self);
  if (nargs == 0) return raise_error(exc_TypeError, "pack_into expected buffer argument");
  if (nargs == 1) return raise_error(exc_TypeError, "pack_into expected offset argument");
  if (static_cast<int64_t>(nargs) - 2 != s->nitems)
    return raise_struct_error("pack_into expected " + std::to_string(s->nitems) +
                              " items for packing (got " + std::to_string(nargs - 2) + ")");
  BufferView v;
  if (!v.get_msg(args[0], kBufWritable, "")) {
    if (error_matches(exc_TypeError) || error_matches(exc_BufferError)) {
      clear_exception();
      return raise_format(exc_TypeError, "argument must be read-write bytes-like object, not %.200s",
                          type_of(args[0])->c_name());
    }
    return Value();
  }
  int64_t offset;
  if (!arg_to_index(args[1], &offset)) return Value();
  int64_t len = v.b.len;
  if (offset < 0) {
    if (offset + s->size > 0)
      return raise_struct_error("no space to pack " + std::to_string(s->size) +
                                " bytes at offset " + std::to_string(offset));
    if (offset + len < 0)
      return raise_struct_error("offset " + std::to_string(offset) + " out of range for " +
                                std::to_string(len) + "-byte buffer");
    offset += len;
  }
  if (len - offset < s->size)
    return raise_struct_error("pack_into requires a buffer of at least " +
                              std::to_string(s->size + offset) + " bytes for packing " +
                              std::to_string(s->size) + " bytes at offset " +
                              std::to_string(offset) + " (actual buffer size is " +
                              std::to_string(len) + ")");
  std::string tmp(static_cast<size_t>(s->size), '\0');
  uint8_t* dst = reinterpret_cast<uint8_t*>(tmp.data());
  if (!pack_values(format_of(self), args + 2, dst)) return Value();
  std::memcpy(v.b.data + offset, tmp.data(), tmp.size());
  return None();
}

Value do_unpack(Value self, Value buffer) {
  StructObject* s = st(self);
  BufferView v;
  if (!v.get(buffer)) return Value();
  if (v.b.len != s->size)
    return raise_struct_error("unpack requires a buffer of " + std::to_string(s->size) + " bytes");
  return unpack_values(format_of(self), v.b.data);
}

Value do_unpack_from(Value self, Value buffer, Value offset_obj) {
  StructObject* s = st(self);
  BufferView v;
  if (!v.get(buffer)) return Value();
  int64_t offset = 0;
  if (!offset_obj.is_null() && !arg_to_index(offset_obj, &offset)) return Value();
  int64_t len = v.b.len;
  if (offset < 0) {
    if (offset + len < 0)
      return raise_struct_error("offset " + std::to_string(offset) + " out of range for " +
                                std::to_string(len) + "-byte buffer");
    offset += len;
  }
  if (len - offset < s->size)
    return raise_struct_error("unpack_from requires a buffer of at least " +
                              std::to_string(s->size + offset) + " bytes for unpacking " +
                              std::to_string(s->size) + " bytes at offset " +
                              std::to_string(offset) + " (actual buffer size is " +
                              std::to_string(len) + ")");
  return unpack_values(format_of(self), v.b.data + offset);
}

Value do_iter_unpack(Value self, Value buffer) {
  StructObject* s = st(self);
  if (s->size == 0)
    return raise_struct_error("cannot iteratively unpack with a struct of length 0");
  BufferView v;
  if (!v.get(buffer)) return Value();
  if (v.b.len % s->size != 0)
    return raise_struct_error("iterative unpacking requires a buffer of a multiple of " +
                              std::to_string(s->size) + " bytes");
  Value data = bytes_from_data(v.b.data, static_cast<size_t>(v.b.len));
  if (data.is_null()) return data;
  auto* it = static_cast<UnpackIterObject*>(alloc_instance(&unpack_iter_type));
  if (it == nullptr) return raise_no_memory();
  gc::store(it, &it->st, self);
  gc::store(it, &it->data, data);
  return Value::from_object(it);
}

Value unpack_iter_next(Value self) {
  auto* it = static_cast<UnpackIterObject*>(self.as_object());
  if (it->st.is_null()) return Value();
  int64_t size = st(it->st)->size;
  std::string_view d = bytes_view(it->data);
  if (it->index + size > static_cast<int64_t>(d.size())) {
    gc::store(it, &it->st, Value());
    return Value();
  }
  Value r = unpack_values(format_of(it->st), reinterpret_cast<const uint8_t*>(d.data()) + it->index);
  it->index += size;
  return r;
}

Value unpack_iter_length_hint(Value self, const Value*, size_t, Value) {
  auto* it = static_cast<UnpackIterObject*>(self.as_object());
  if (it->st.is_null()) return Value::from_int(0);
  return int_from_i64((static_cast<int64_t>(bytes_view(it->data).size()) - it->index) /
                      st(it->st)->size);
}

Value iter_self(Value self) { return self; }

// -- Struct methods -------------------------------------------------------------------------------

Value m_pack(Value self, const Value* args, size_t nargs, Value) { return do_pack(self, args, nargs); }
Value m_pack_into(Value self, const Value* args, size_t nargs, Value) {
  return do_pack_into(self, args, nargs);
}
Value m_unpack(Value self, const Value* args, size_t, Value) { return do_unpack(self, args[0]); }
Value m_unpack_from(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"buffer", "offset", nullptr};
  Value buffer, offset;
  ArgSpec spec{"unpack_from", kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&buffer, &offset})) return Value();
  return do_unpack_from(self, buffer, offset);
}
Value m_iter_unpack(Value self, const Value* args, size_t, Value) {
  return do_iter_unpack(self, args[0]);
}
Value m_sizeof(Value self, const Value*, size_t, Value) {
  Value codes = st(self)->codes;
  return int_from_i64(static_cast<int64_t>(type_of(self)->m_basicsize) +
                      (codes.is_null() ? 0 : static_cast<int64_t>(bytes_view(codes).size())));
}

const MethodDef struct_methods[] = {
    {"iter_unpack", m_iter_unpack, kMethO,
     "Return an iterator yielding tuples.\n\nTuples are unpacked from the given bytes source, "
     "like a repeated invocation of unpack_from()."},
    {"pack", m_pack, kMethFast, "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object "
     "containing values v1, v2, ... packed according\nto the format string S.format.  See "
     "help(struct) for more on format\nstrings."},
    {"pack_into", m_pack_into, kMethFast, "S.pack_into(buffer, offset, v1, v2, ...)"},
    {"unpack", m_unpack, kMethO, "Return a tuple containing unpacked values."},
    {"unpack_from", m_unpack_from, kMethFastKw, "Return a tuple containing unpacked values."},
    {"__sizeof__", m_sizeof, kMethNoArgs, "S.__sizeof__() -> size of S in memory, in bytes"},
    {nullptr, nullptr, 0, nullptr}};

Value get_format(Value self) { return st(self)->format.is_null() ? None() : st(self)->format; }
Value get_size(Value self) { return int_from_i64(st(self)->size); }

const GetSetDef struct_getsets[] = {
    {"format", get_format, nullptr, "struct format string"},
    {"size", get_size, nullptr, "struct size in bytes"},
    {nullptr, nullptr, nullptr, nullptr}};

const MethodDef unpack_iter_methods[] = {
    {"__length_hint__", unpack_iter_length_hint, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// -- Module functions -----------------------------------------------------------------------------

// The Struct for args[0]; "missing format argument" when there is none.
Value struct_arg(const Value* args, size_t nargs) {
  if (nargs == 0) return raise_error(exc_TypeError, "missing format argument");
  if (is_instance_of(args[0], &struct_type)) return args[0];
  return make_struct(args[0]);
}

Value f_pack(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("pack", kwnames)) return Value();
  Value s = struct_arg(args, nargs);
  return s.is_null() ? s : do_pack(s, args + 1, nargs - 1);
}
Value f_pack_into(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("pack_into", kwnames)) return Value();
  Value s = struct_arg(args, nargs);
  return s.is_null() ? s : do_pack_into(s, args + 1, nargs - 1);
}
Value f_unpack(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("unpack", nargs, 2, 2)) return Value();
  Value s = struct_arg(args, nargs);
  return s.is_null() ? s : do_unpack(s, args[1]);
}
Value f_unpack_from(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"", "buffer", "offset", nullptr};
  Value format, buffer, offset;
  ArgSpec spec{"unpack_from", kw, 2, 3, 1, false};
  if (!parse_args(spec, args, nargs, kwnames, {&format, &buffer, &offset})) return Value();
  Value s = struct_arg(&format, 1);
  return s.is_null() ? s : do_unpack_from(s, buffer, offset);
}
Value f_iter_unpack(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("iter_unpack", nargs, 2, 2)) return Value();
  Value s = struct_arg(args, nargs);
  return s.is_null() ? s : do_iter_unpack(s, args[1]);
}
Value f_calcsize(Value, const Value* args, size_t, Value) {
  Value s = struct_arg(args, 1);
  return s.is_null() ? s : int_from_i64(st(s)->size);
}
Value f_clearcache(Value, const Value*, size_t, Value) { return None(); }

const MethodDef kFunctions[] = {
    {"_clearcache", f_clearcache, kMethNoArgs, "Clear the internal cache."},
    {"calcsize", f_calcsize, kMethO, "Return size in bytes of the struct described by the format string."},
    {"iter_unpack", f_iter_unpack, kMethFast, "Return an iterator yielding tuples unpacked from the buffer."},
    {"pack", f_pack, kMethFastKw, "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, v2, ... packed according\nto the format string.  See help(struct) for more on format strings."},
    {"pack_into", f_pack_into, kMethFastKw, "pack_into(format, buffer, offset, v1, v2, ...)"},
    {"unpack", f_unpack, kMethFast, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", f_unpack_from, kMethFastKw, "Return a tuple containing values unpacked according to the format string."},
    {nullptr, nullptr, 0, nullptr}};

bool init_types() {
  static bool done = false;
  if (done) return true;
  struct_type.slots.new_ = struct_new;
  struct_type.slots.init = struct_init;
  struct_type.slots.getattro = generic_getattr;
  struct_type.slots.trace = trace_struct;
  type_init(&struct_type, &object_type, TypeDefs{struct_methods, nullptr, struct_getsets},
            "Struct(format)\n--\n\nCreate a compiled struct object.\n\nReturn a new Struct "
            "object which writes and reads binary data according to\nthe format string.\n\n"
            "See help(struct) for more on format strings.");
  unpack_iter_type.slots.getattro = generic_getattr;
  unpack_iter_type.slots.iter = iter_self;
  unpack_iter_type.slots.iternext = unpack_iter_next;
  unpack_iter_type.slots.trace = trace_unpack_iter;
  type_init(&unpack_iter_type, &object_type, TypeDefs{unpack_iter_methods, nullptr, nullptr});
  if (gc::g_roots.struct_error().is_null()) {
    Value name = str_from_ascii("error");
    Value bases = tuple_pack({Value::from_object(exc_Exception)});
    Value ns = dict_new();
    Value mod = str_from_ascii("struct");
    if (name.is_null() || bases.is_null() || ns.is_null() || mod.is_null() ||
        dict_set_cstr(ns, "__module__", mod) < 0)
      return false;
    Value cls = call_tuple_dict(Value::from_object(&type_type),
                                tuple_pack({name, bases, ns}), Value());
    if (cls.is_null()) return false;
    gc::g_roots.struct_error() = cls;
  }
  if (error_occurred()) return false;
  done = true;
  return true;
}

}  // namespace
}  // namespace tpy::structmod

namespace tpy {

Value create_struct_module() {
  using namespace structmod;
  if (!init_types()) return Value();
  Value m = module_new_cstr("_struct");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  if (dict_set_cstr(d, "Struct", Value::from_object(&struct_type)) < 0 ||
      dict_set_cstr(d, "error", gc::g_roots.struct_error()) < 0)
    return Value();
  Value doc = str_from_ascii(
      "Functions to convert between Python values and C structs.\nPython bytes objects are "
      "used to hold the data representing the C struct\nand also as format strings (explained "
      "below) to describe the layout of data\nin the C struct.\n");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
