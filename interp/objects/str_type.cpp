// interp/objects/str_type.cpp -- The Python `str` type: slots, constructor, iterator, the method table.
//
// The representation is str_core.cpp's; the methods live in str_methods_*.cpp, str_format.cpp,
// str_percent.cpp, str_translate.cpp and str_encode.cpp (declared in str_internal.h).
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "gc/roots.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/str_internal.h"
#include "interp/objects/tuple.h"
#include "interp/text/format_spec.h"
#include "interp/text/repr.h"
#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/unicode/char_props.h"

namespace tpy {

constinit Type str_iterator_type{&type_type, "str_iterator", 32, 0};

namespace {

struct StrIterObject : Object {
  Value str;
  int64_t index;
};

// -- Slots ----------------------------------------------------------------------------------------

Value str_repr_slot(Value self) { return str_repr(self); }
Value str_str_slot(Value self) {
  if (is_exact_str(self)) return self;
  return str_substring(self, 0, str_length(self));
}
int64_t str_hash_slot(Value self) { return str_hash(self); }

Value str_richcompare(Value a, Value b, CompareOp op) {
  if (!is_str(a) || !is_str(b)) return NotImplemented();
  if (op == CompareOp::Eq) return Bool(str_equal(a, b));
  if (op == CompareOp::Ne) return Bool(!str_equal(a, b));
  int c = str_compare(a, b);
  switch (op) {
    case CompareOp::Lt: return Bool(c < 0);
    case CompareOp::Le: return Bool(c <= 0);
    case CompareOp::Gt: return Bool(c > 0);
    default: return Bool(c >= 0);
  }
}

int64_t str_len_slot(Value self) { return str_length(self); }

Value str_getitem(Value self, Value key) {
  int64_t len = str_length(self);
  if (is_instance_of(key, &slice_type)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key, len, &start, &stop, &step);
    if (n < 0) return Value();
    if (step == 1) return str_substring(self, start, start + n);
    std::vector<uint32_t> cps(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; i++) cps[i] = as_str(self)->at(start + i * step);
    return str_from_code_points(cps.data(), cps.size());
  }
  if (!key.is_int() && !type_of(key)->has_flag(kTypeIntSubclass) &&
      type_of(key)->slots.index == nullptr)
    return raise_format(exc_TypeError, "string indices must be integers, not '%.200s'",
                        type_of(key)->c_name());
  int64_t i;
  if (!sequence_index(key, "string", &i)) return Value();
  if (i < 0) i += len;
  if (i < 0 || i >= len) return raise_error(exc_IndexError, "string index out of range");
  return str_from_code_point(as_str(self)->at(i));
}

int str_contains_slot(Value self, Value item) {
  if (!is_str(item)) {
    raise_format(exc_TypeError, "'in <string>' requires string as left operand, not %.200s",
                 type_of(item)->c_name());
    return -1;
  }
  return str_find_in(self, item, 0, str_length(self), false) >= 0;
}

// str + x is CPython's sq_concat: only after the other operand's own number slot (its
// __radd__) has declined.
Value str_add_slot(Value a, Value b) {
  if (!is_str(a)) return NotImplemented();
  if (!is_str(b)) {
    BinaryFn other = type_of(b)->slots.binop[static_cast<size_t>(BinOp::Add)];
    if (other != nullptr && other != str_add_slot && other_slot_is_numeric(b)) {
      Value r = other(a, b);
      if (r.is_null() || !is_not_implemented(r)) return r;
    }
    return raise_format(exc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                        type_of(b)->c_name());
  }
  return str_concat(a, b);
}

Value str_repeat(Value s, Value count) {
  int64_t n;
  if (!index_to_i64(count, &n)) return raise_error(exc_OverflowError, "cannot fit 'int' into an index-sized integer");
  int64_t len = str_length(s);
  if (n <= 0 || len == 0) return str_empty();
  if (n == 1 && is_exact_str(s)) return s;
  if (len > INT64_MAX / n) return raise_no_memory();
  const StrObject* o = as_str(s);
  Value r = str_new_uninit(len * n, o->kind(), o->ascii());
  if (r.is_null()) return r;
  size_t bytes = static_cast<size_t>(len) * as_str(s)->kind();
  char* d = static_cast<char*>(as_str(r)->data());
  for (int64_t i = 0; i < n; i++) std::memcpy(d + i * bytes, as_str(s)->data(), bytes);
  return r;
}

Value str_mul_slot(Value a, Value b) {
  Value s = is_str(a) ? a : b;
  Value n = is_str(a) ? b : a;
  if (!is_str(s)) return NotImplemented();
  if (!(n.is_int() || type_of(n)->has_flag(kTypeIntSubclass))) {
    if (type_of(n)->slots.index == nullptr) {
      if (s == a) {  // sq_repeat comes after the other operand's __rmul__
        BinaryFn other = type_of(b)->slots.binop[static_cast<size_t>(BinOp::Multiply)];
        if (other != nullptr && other != str_mul_slot && other_slot_is_numeric(b)) {
          Value r = other(a, b);
          if (r.is_null() || !is_not_implemented(r)) return r;
        }
      }
      return raise_format(exc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                          type_of(n)->c_name());
    }
  }
  Value idx = number_index(n);
  if (idx.is_null()) return idx;
  return str_repeat(s, idx);
}

Value str_iter_slot(Value self) {
  auto* it = static_cast<StrIterObject*>(gc::alloc(sizeof(StrIterObject), &str_iterator_type));
  if (!it) return raise_no_memory();
  gc::store(it, &it->str, self);
  it->index = 0;
  return Value::from_object(it);
}

Value str_iter_next(Value self) {
  auto* it = static_cast<StrIterObject*>(self.as_object());
  if (it->str.is_null()) return Value();
  if (it->index >= str_length(it->str)) {
    it->str = Value();
    return Value();
  }
  return str_from_code_point(as_str(it->str)->at(it->index++));
}

Value iter_self(Value self) { return self; }

Value str_iter_length_hint(Value self, const Value*, size_t, Value) {
  auto* it = static_cast<StrIterObject*>(self.as_object());
  if (it->str.is_null()) return Value::from_int(0);
  int64_t n = str_length(it->str) - it->index;
  return Value::from_int(n < 0 ? 0 : n);
}

// (iter, (s,), index), or (iter, ('',)) once exhausted, as CPython's unicodeiter_reduce.
Value str_iter_reduce(Value self, const Value*, size_t, Value) {
  auto* it = static_cast<StrIterObject*>(self.as_object());
  Value iter_fn = builtin_iter_callable();
  if (iter_fn.is_null()) return iter_fn;
  if (it->str.is_null()) {
    Value args = tuple_pack({str_empty()});
    if (args.is_null()) return args;
    return tuple_pack({iter_fn, args});
  }
  Value args = tuple_pack({it->str});
  if (args.is_null()) return args;
  return tuple_pack({iter_fn, args, Value::from_int(it->index)});
}

Value str_iter_setstate(Value self, const Value* args, size_t, Value) {
  auto* it = static_cast<StrIterObject*>(self.as_object());
  int64_t index;
  if (!index_to_i64(args[0], &index)) return Value();
  if (!it->str.is_null()) {
    if (index < 0) index = 0;
    if (index > str_length(it->str)) index = str_length(it->str);
    it->index = index;
  }
  return None();
}

const MethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", str_iter_reduce, kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", str_iter_setstate, kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

void trace_str_iter(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<StrIterObject*>(self)->str, ctx);
}

// str(obj, encoding, errors): PyUnicode_FromEncodedObject.
Value decode_object(Value obj, Value encoding, Value errors) {
  if (!encoding.is_null() && !is_str(encoding))
    return raise_format(exc_TypeError, "str() argument 'encoding' must be str, not %.200s",
                        clinic_type_name(encoding));
  if (!errors.is_null() && !is_str(errors))
    return raise_format(exc_TypeError, "str() argument 'errors' must be str, not %.200s",
                        clinic_type_name(errors));
  if (obj.is_null()) return str_empty();
  if (is_str(obj)) return raise_error(exc_TypeError, "decoding str is not supported");
  std::string enc = encoding.is_null() ? "utf-8" : str_to_utf8(encoding);
  std::string err = errors.is_null() ? "strict" : str_to_utf8(errors);
  if (is_bytes(obj)) return bytes_decode_data(bytes_view(obj), enc.c_str(), err.c_str(), obj);
  if (has_buffer(obj)) {
    BufferView view;
    if (!view.get(obj)) return Value();
    return bytes_decode_data(view.bytes(), enc.c_str(), err.c_str());
  }
  return raise_format(exc_TypeError, "decoding to str: need a bytes-like object, %.80s found",
                      type_of(obj)->c_name());
}

// str(object='') / str(object=b'', encoding='utf-8', errors='strict')
Value str_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"object", "encoding", "errors", nullptr};
  Value obj, encoding, errors;
  ArgSpec spec{"str", kw, 0, 3, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&obj, &encoding, &errors})) return Value();
  Value s;
  if (!encoding.is_null() || !errors.is_null()) s = decode_object(obj, encoding, errors);
  else s = obj.is_null() ? str_empty() : object_str(obj);
  if (s.is_null() || type == &str_type) return s;
  // A subclass instance: its own object with the same code points (and instance attributes).
  const StrObject* o = as_str(s);
  auto* r = static_cast<StrObject*>(
      gc::alloc(type->m_basicsize + static_cast<size_t>(o->length + 1) * o->kind(), type));
  if (!r) return raise_no_memory();
  r->length = o->length;
  r->hash = -1;
  r->set_repr(o->kind(), o->ascii());
  std::memcpy(r->data(), as_str(s)->data(), static_cast<size_t>(o->length) * o->kind());
  return Value::from_object(r);
}

// -- Methods ----------------------------------------------------------------------------------------

Value m_getnewargs(Value self, const Value*, size_t, Value) {
  Value copy = str_substring(self, 0, str_length(self));
  if (copy.is_null()) return copy;
  return tuple_pack({copy});
}

Value m_sizeof(Value self, const Value*, size_t, Value) {
  const StrObject* s = as_str(self);
  // CPython's sizes: the compact ASCII / compact header (48 / 72 bytes on 64-bit) plus the
  // code points and their terminator.
  int64_t header = s->ascii() ? 48 : 72;
  return Value::from_int(header + (s->length + 1) * s->kind());
}

// CPython's order (str.__dict__ lists them so).
const MethodDef str_methods[] = {
    {"encode", m_encode, kMethFastKw, "Encode the string using the codec registered for encoding."},
    {"replace", m_replace, kMethFast, "Return a copy with all occurrences of substring old replaced by new."},
    {"split", m_split, kMethFastKw, "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", m_rsplit, kMethFastKw, "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", m_join, kMethO, "Concatenate any number of strings."},
    {"capitalize", m_capitalize, kMethNoArgs, "Return a capitalized version of the string."},
    {"casefold", m_casefold, kMethNoArgs, "Return a version of the string suitable for caseless comparisons."},
    {"title", m_title, kMethNoArgs, "Return a version of the string where each word is titlecased."},
    {"center", m_center, kMethFast, "Return a centered string of length width."},
    {"count", m_count, kMethFast, "S.count(sub[, start[, end]]) -> int"},
    {"expandtabs", m_expandtabs, kMethFastKw, "Return a copy where all tab characters are expanded using spaces."},
    {"find", m_find, kMethFast, "S.find(sub[, start[, end]]) -> int"},
    {"partition", m_partition, kMethO, "Partition the string into three parts using the given separator."},
    {"index", m_index, kMethFast, "S.index(sub[, start[, end]]) -> int"},
    {"ljust", m_ljust, kMethFast, "Return a left-justified string of length width."},
    {"lower", m_lower, kMethNoArgs, "Return a copy of the string converted to lowercase."},
    {"lstrip", m_lstrip, kMethFast, "Return a copy of the string with leading whitespace removed."},
    {"rfind", m_rfind, kMethFast, "S.rfind(sub[, start[, end]]) -> int"},
    {"rindex", m_rindex, kMethFast, "S.rindex(sub[, start[, end]]) -> int"},
    {"rjust", m_rjust, kMethFast, "Return a right-justified string of length width."},
    {"rstrip", m_rstrip, kMethFast, "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", m_rpartition, kMethO, "Partition the string into three parts using the given separator."},
    {"splitlines", m_splitlines, kMethFastKw, "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", m_strip, kMethFast, "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", m_swapcase, kMethNoArgs, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", m_translate, kMethO, "Replace each character in the string using the given translation table."},
    {"upper", m_upper, kMethNoArgs, "Return a copy of the string converted to uppercase."},
    {"startswith", m_startswith, kMethFast, "S.startswith(prefix[, start[, end]]) -> bool"},
    {"endswith", m_endswith, kMethFast, "S.endswith(suffix[, start[, end]]) -> bool"},
    {"removeprefix", m_removeprefix, kMethO, "Return a str with the given prefix string removed if present."},
    {"removesuffix", m_removesuffix, kMethO, "Return a str with the given suffix string removed if present."},
    {"isascii", m_isascii, kMethNoArgs, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", m_islower, kMethNoArgs, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", m_isupper, kMethNoArgs, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", m_istitle, kMethNoArgs, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", m_isspace, kMethNoArgs, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", m_isdecimal, kMethNoArgs, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", m_isdigit, kMethNoArgs, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", m_isnumeric, kMethNoArgs, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", m_isalpha, kMethNoArgs, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", m_isalnum, kMethNoArgs, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", m_isidentifier, kMethNoArgs, "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", m_isprintable, kMethNoArgs, "Return True if the string is printable, False otherwise."},
    {"zfill", m_zfill, kMethO, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", m_format, kMethFastKw, "S.format(*args, **kwargs) -> str"},
    {"format_map", m_format_map, kMethO, "S.format_map(mapping) -> str"},
    {"__format__", m_format_spec, kMethO, "Return a formatted version of the string as described by format_spec."},
    {"maketrans", m_maketrans, kMethFast | kMethStatic, "Return a translation table usable for str.translate()."},
    {"__sizeof__", m_sizeof, kMethNoArgs, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", m_getnewargs, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

// -- Functions of str.h that need the type ---------------------------------------------------------

Value str_repr(Value s) {
  std::string out;
  text::str_repr(out, str_to_utf8(s));
  return str_from_utf8(out);
}

bool init_str() {
  TypeSlots& s = str_type.slots;
  s.new_ = str_new;
  s.repr = str_repr_slot;
  s.str = str_str_slot;
  s.hash = str_hash_slot;
  s.richcompare = str_richcompare;
  s.len = str_len_slot;
  s.getitem = str_getitem;
  s.contains = str_contains_slot;
  s.iter = str_iter_slot;
  s.binop[static_cast<size_t>(BinOp::Add)] = str_add_slot;
  s.binop[static_cast<size_t>(BinOp::Multiply)] = str_mul_slot;
  s.binop[static_cast<size_t>(BinOp::Remainder)] = str_mod_slot;
  str_type.m_itemsize = 1;
  TypeDefs defs;
  defs.methods = str_methods;
  type_init(&str_type, &object_type, defs,
            "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
            "Create a new string object from the given object.");
  remove_type_attr(&str_type, "__radd__");  // concatenation is no number slot in CPython
  str_iterator_type.slots.iter = iter_self;
  str_iterator_type.slots.iternext = str_iter_next;
  str_iterator_type.slots.trace = trace_str_iter;
  TypeDefs iter_defs;
  iter_defs.methods = str_iter_methods;
  type_init(&str_iterator_type, &object_type, iter_defs);
  return true;
}

}  // namespace tpy
