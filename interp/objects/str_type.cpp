// interp/objects/str_type.cpp -- The Python `str` type: slots, constructor, iterator, core methods.
//
// The representation is str_core.cpp's. This file holds what every program needs first
// (comparison, hashing, indexing and slicing, concatenation, join/split/strip/find/replace,
// the ASCII case methods); the rest of str's methods join it in further str_*.cpp files.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "gc/roots.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/text/format_spec.h"
#include "interp/text/repr.h"
#include "interp/unicode/char_props.h"

namespace tpy {

constinit Type str_iterator_type{&type_type, "str_iterator", 32, 0};

namespace {

struct StrIterObject : Object {
  Value str;
  int64_t index;
};

// -- Helpers -------------------------------------------------------------------------------------

// Finds [needle] in s[start:end]; -1 if absent. Naive scan over code points: str_find's
// callers in hot loops are few, and CPython's two-way search can replace this behind the API.
int64_t find_in(Value s, Value needle, int64_t start, int64_t end, bool reverse) {
  const StrObject* h = as_str(s);
  const StrObject* n = as_str(needle);
  if (n->length == 0) return reverse ? end : start;
  int64_t last = end - n->length;
  if (!reverse) {
    for (int64_t i = start; i <= last; i++) {
      int64_t k = 0;
      while (k < n->length && h->at(i + k) == n->at(k)) k++;
      if (k == n->length) return i;
    }
  } else {
    for (int64_t i = last; i >= start; i--) {
      int64_t k = 0;
      while (k < n->length && h->at(i + k) == n->at(k)) k++;
      if (k == n->length) return i;
    }
  }
  return -1;
}

// CPython's slice-index normalisation of optional start/end arguments.
bool slice_bounds(Value start, Value end, int64_t len, int64_t* s, int64_t* e) {
  *s = 0;
  *e = len;
  if (!start.is_null() && !is_none(start) && !arg_to_ssize_clamped(start, s)) return false;
  if (!end.is_null() && !is_none(end) && !arg_to_ssize_clamped(end, e)) return false;
  if (*s < 0) *s = *s + len < 0 ? 0 : *s + len;
  if (*e < 0) *e = *e + len < 0 ? 0 : *e + len;
  if (*e > len) *e = len;
  return true;
}

// str.split()/strip()/isspace() whitespace: CPython's set, from the Unicode tables.
bool is_space(uint32_t c) { return unicode::is_space(c); }

Value need_str_arg(Value v, const char* what) {
  if (is_str(v)) return v;
  return raise_format(exc_TypeError, "%s, not %.200s", what, type_of(v)->c_name());
}

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
  return find_in(self, item, 0, str_length(self), false) >= 0;
}

Value str_add_slot(Value a, Value b) {
  if (!is_str(a)) return NotImplemented();
  if (!is_str(b))
    return raise_format(exc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                        type_of(b)->c_name());
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

void trace_str_iter(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<StrIterObject*>(self)->str, ctx);
}

// str(object='') / str(object=b'', encoding='utf-8', errors='strict')
Value str_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"object", "encoding", "errors", nullptr};
  Value obj, encoding, errors;
  ArgSpec spec{"str", kw, 0, 3, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&obj, &encoding, &errors})) return Value();
  if (!encoding.is_null() || !errors.is_null())
    return raise_error(exc_TypeError, "decoding to str is not supported yet");
  Value s = obj.is_null() ? str_empty() : object_str(obj);
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

// -- Methods --------------------------------------------------------------------------------------

Value m_join(Value self, const Value* args, size_t, Value) { return str_join(self, args[0]); }

Value split_impl(Value self, const Value* args, size_t nargs, Value kwnames, bool right) {
  static const char* const kw[] = {"sep", "maxsplit", nullptr};
  Value sep, maxsplit_v;
  ArgSpec spec{right ? "rsplit" : "split", kw, 0, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&sep, &maxsplit_v})) return Value();
  int64_t maxsplit = -1;
  if (!maxsplit_v.is_null() && !index_to_i64(maxsplit_v, &maxsplit)) return Value();
  if (maxsplit < 0) maxsplit = INT64_MAX;
  Value out = list_new();
  if (out.is_null()) return out;
  int64_t len = str_length(self);
  std::vector<std::pair<int64_t, int64_t>> parts;
  if (sep.is_null() || is_none(sep)) {
    const StrObject* s = as_str(self);
    if (!right) {
      int64_t i = 0;
      while (true) {
        while (i < len && is_space(s->at(i))) i++;
        if (i == len) break;
        if (static_cast<int64_t>(parts.size()) == maxsplit) {
          parts.push_back({i, len});  // the rest keeps its trailing whitespace, as CPython
          break;
        }
        int64_t j = i;
        while (j < len && !is_space(s->at(j))) j++;
        parts.push_back({i, j});
        i = j;
      }
    } else {
      int64_t i = len;
      while (true) {
        while (i > 0 && is_space(s->at(i - 1))) i--;
        if (i == 0) break;
        if (static_cast<int64_t>(parts.size()) == maxsplit) {
          parts.push_back({0, i});  // the rest keeps its leading whitespace, as CPython
          break;
        }
        int64_t j = i;
        while (j > 0 && !is_space(s->at(j - 1))) j--;
        parts.push_back({j, i});
        i = j;
      }
    }
  } else {
    if (need_str_arg(sep, "must be str or None").is_null()) return Value();
    int64_t n = str_length(sep);
    if (n == 0) return raise_error(exc_ValueError, "empty separator");
    if (!right) {
      int64_t i = 0;
      while (static_cast<int64_t>(parts.size()) < maxsplit) {
        int64_t j = find_in(self, sep, i, len, false);
        if (j < 0) break;
        parts.push_back({i, j});
        i = j + n;
      }
      parts.push_back({i, len});
    } else {
      int64_t e = len;
      while (static_cast<int64_t>(parts.size()) < maxsplit) {
        int64_t j = find_in(self, sep, 0, e, true);
        if (j < 0) break;
        parts.push_back({j + n, e});
        e = j;
      }
      parts.push_back({0, e});
    }
  }
  if (right) std::reverse(parts.begin(), parts.end());
  for (auto [b, e] : parts) {
    Value piece = str_substring(self, b, e);
    if (piece.is_null() || list_append(out, piece) < 0) return Value();
  }
  return out;
}
Value m_split(Value self, const Value* a, size_t n, Value kw) { return split_impl(self, a, n, kw, false); }
Value m_rsplit(Value self, const Value* a, size_t n, Value kw) { return split_impl(self, a, n, kw, true); }

Value strip_impl(Value self, const Value* args, size_t nargs, const char* name, bool left,
                 bool right) {
  if (!check_nargs(name, nargs, 0, 1)) return Value();
  Value chars = nargs ? args[0] : Value();
  bool ws = chars.is_null() || is_none(chars);
  if (!ws && !is_str(chars))
    return raise_format(exc_TypeError, "%s arg must be None or str", name);
  const StrObject* s = as_str(self);
  auto strip_it = [&](uint32_t c) {
    if (ws) return is_space(c);
    const StrObject* cs = as_str(chars);
    for (int64_t k = 0; k < cs->length; k++)
      if (cs->at(k) == c) return true;
    return false;
  };
  int64_t b = 0, e = s->length;
  if (left) while (b < e && strip_it(s->at(b))) b++;
  if (right) while (e > b && strip_it(s->at(e - 1))) e--;
  return str_substring(self, b, e);
}
Value m_strip(Value self, const Value* a, size_t n, Value) { return strip_impl(self, a, n, "strip", true, true); }
Value m_lstrip(Value self, const Value* a, size_t n, Value) { return strip_impl(self, a, n, "lstrip", true, false); }
Value m_rstrip(Value self, const Value* a, size_t n, Value) { return strip_impl(self, a, n, "rstrip", false, true); }

Value affix_impl(Value self, const Value* args, size_t nargs, const char* name, bool suffix) {
  if (!check_nargs(name, nargs, 1, 3)) return Value();
  int64_t start, end;
  if (!slice_bounds(nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(),
                    str_length(self), &start, &end))
    return Value();
  auto test = [&](Value p) -> int {
    int64_t n = str_length(p);
    if (end - start < n) return 0;
    int64_t at = suffix ? end - n : start;
    return find_in(self, p, at, at + n, false) == at;
  };
  Value prefix = args[0];
  if (is_tuple(prefix)) {
    for (int64_t i = 0; i < tuple_length(prefix); i++) {
      Value p = tuple_at(prefix, i);
      if (!is_str(p))
        return raise_format(exc_TypeError, "tuple for %s must only contain str, not %.200s",
                            name, type_of(p)->c_name());
      if (start <= str_length(self) && test(p)) return True();
    }
    return False();
  }
  if (!is_str(prefix))
    return raise_format(exc_TypeError, "%s first arg must be str or a tuple of str, not %.200s",
                        name, type_of(prefix)->c_name());
  if (start > str_length(self)) return False();
  return Bool(test(prefix));
}
Value m_startswith(Value self, const Value* a, size_t n, Value) { return affix_impl(self, a, n, "startswith", false); }
Value m_endswith(Value self, const Value* a, size_t n, Value) { return affix_impl(self, a, n, "endswith", true); }

Value find_impl(Value self, const Value* args, size_t nargs, const char* name, bool reverse,
                bool raise_missing) {
  if (!check_nargs(name, nargs, 1, 3)) return Value();
  if (!is_str(args[0]))
    return raise_format(exc_TypeError, "must be str, not %.200s", type_of(args[0])->c_name());
  int64_t start, end;
  if (!slice_bounds(nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(),
                    str_length(self), &start, &end))
    return Value();
  int64_t r = start > str_length(self) ? -1 : find_in(self, args[0], start, end, reverse);
  if (r < 0 && raise_missing) return raise_error(exc_ValueError, "substring not found");
  return Value::from_int(r);
}
Value m_find(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "find", false, false); }
Value m_rfind(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "rfind", true, false); }
Value m_index(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "index", false, true); }
Value m_rindex(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "rindex", true, true); }

Value m_count(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("count", nargs, 1, 3)) return Value();
  if (!is_str(args[0]))
    return raise_format(exc_TypeError, "must be str, not %.200s", type_of(args[0])->c_name());
  int64_t start, end;
  if (!slice_bounds(nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(),
                    str_length(self), &start, &end))
    return Value();
  if (start > str_length(self)) return Value::from_int(0);
  int64_t n = str_length(args[0]), count = 0;
  if (n == 0) return Value::from_int(end >= start ? end - start + 1 : 0);
  for (int64_t i = start; (i = find_in(self, args[0], i, end, false)) >= 0; i += n) count++;
  return Value::from_int(count);
}

Value m_replace(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("replace", nargs, 2, 3)) return Value();
  for (int k = 0; k < 2; k++)
    if (!is_str(args[k]))
      return raise_format(exc_TypeError, "replace() argument %d must be str, not %.200s", k + 1,
                          type_of(args[k])->c_name());
  int64_t maxcount = -1;
  if (nargs == 3 && !index_to_i64(args[2], &maxcount)) return Value();
  if (maxcount < 0) maxcount = INT64_MAX;
  Value old = args[0], repl = args[1];
  int64_t len = str_length(self), n = str_length(old);
  Value parts = list_new();
  if (parts.is_null()) return parts;
  int64_t i = 0, done = 0;
  if (n == 0) {
    // Inserts [repl] before every character and at the end, up to maxcount times.
    for (; i <= len && done < maxcount; i++, done++) {
      if (list_append(parts, repl) < 0) return Value();
      if (i < len && list_append(parts, str_substring(self, i, i + 1)) < 0) return Value();
    }
    if (i <= len && list_append(parts, str_substring(self, i, len)) < 0) return Value();
    return str_join(str_empty(), parts);
  }
  while (done < maxcount) {
    int64_t j = find_in(self, old, i, len, false);
    if (j < 0) break;
    if (list_append(parts, str_substring(self, i, j)) < 0 || list_append(parts, repl) < 0)
      return Value();
    i = j + n;
    done++;
  }
  if (done == 0 && is_exact_str(self)) return self;
  if (list_append(parts, str_substring(self, i, len)) < 0) return Value();
  return str_join(str_empty(), parts);
}

// ASCII case mapping; non-ASCII text goes through the Unicode tables once they are merged.
Value map_ascii(Value self, int mode) {
  std::string s = str_to_utf8(self);
  bool start = true;
  for (char& c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    bool lower = u >= 'a' && u <= 'z', upper = u >= 'A' && u <= 'Z';
    switch (mode) {
      case 0: if (upper) c = static_cast<char>(u + 32); break;  // lower
      case 1: if (lower) c = static_cast<char>(u - 32); break;  // upper
      case 2: if (lower) c = static_cast<char>(u - 32); else if (upper) c = static_cast<char>(u + 32); break;
      case 3:  // capitalize
        if (start) { if (lower) c = static_cast<char>(u - 32); }
        else if (upper) c = static_cast<char>(u + 32);
        break;
      case 4:  // title
        if (start && lower) c = static_cast<char>(u - 32);
        else if (!start && upper) c = static_cast<char>(u + 32);
        break;
    }
    if (mode == 4) start = !(lower || upper);
    else start = false;
  }
  return str_from_utf8(s);
}
Value m_lower(Value self, const Value*, size_t, Value) { return map_ascii(self, 0); }
Value m_upper(Value self, const Value*, size_t, Value) { return map_ascii(self, 1); }
Value m_swapcase(Value self, const Value*, size_t, Value) { return map_ascii(self, 2); }
Value m_capitalize(Value self, const Value*, size_t, Value) { return map_ascii(self, 3); }
Value m_title(Value self, const Value*, size_t, Value) { return map_ascii(self, 4); }

template <bool (*Pred)(uint32_t)>
Value all_chars(Value self, const Value*, size_t, Value) {
  const StrObject* s = as_str(self);
  if (s->length == 0) return False();
  for (int64_t i = 0; i < s->length; i++)
    if (!Pred(s->at(i))) return False();
  return True();
}
bool p_digit(uint32_t c) { return c >= '0' && c <= '9'; }
bool p_alpha(uint32_t c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
bool p_alnum(uint32_t c) { return p_digit(c) || p_alpha(c); }
bool p_space(uint32_t c) { return is_space(c); }
bool p_ascii(uint32_t c) { return c < 128; }

Value m_isascii(Value self, const Value*, size_t, Value) { return Bool(as_str(self)->ascii() || str_length(self) == 0); }

Value m_format_spec(Value self, const Value* args, size_t, Value) {
  if (!is_str(args[0]))
    return raise_format(exc_TypeError, "format() argument must be str, not %.200s",
                        type_of(args[0])->c_name());
  return str_format_spec(self, args[0]);
}

Value m_getnewargs(Value self, const Value*, size_t, Value) {
  Value copy = str_substring(self, 0, str_length(self));
  if (copy.is_null()) return copy;
  return tuple_pack({copy});
}

const MethodDef str_methods[] = {
    {"join", m_join, kMethO, "Concatenate any number of strings."},
    {"split", m_split, kMethFastKw, "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", m_rsplit, kMethFastKw, "Return a list of the substrings in the string, using sep as the separator string."},
    {"strip", m_strip, kMethFast, "Return a copy of the string with leading and trailing whitespace removed."},
    {"lstrip", m_lstrip, kMethFast, "Return a copy of the string with leading whitespace removed."},
    {"rstrip", m_rstrip, kMethFast, "Return a copy of the string with trailing whitespace removed."},
    {"startswith", m_startswith, kMethFast, "Return True if S starts with the specified prefix, False otherwise."},
    {"endswith", m_endswith, kMethFast, "Return True if S ends with the specified suffix, False otherwise."},
    {"find", m_find, kMethFast, "Return the lowest index in S where substring sub is found."},
    {"rfind", m_rfind, kMethFast, "Return the highest index in S where substring sub is found."},
    {"index", m_index, kMethFast, "Return the lowest index in S where substring sub is found."},
    {"rindex", m_rindex, kMethFast, "Return the highest index in S where substring sub is found."},
    {"count", m_count, kMethFast, "Return the number of non-overlapping occurrences of substring sub."},
    {"replace", m_replace, kMethFast, "Return a copy with all occurrences of substring old replaced by new."},
    {"lower", m_lower, kMethNoArgs, "Return a copy of the string converted to lowercase."},
    {"upper", m_upper, kMethNoArgs, "Return a copy of the string converted to uppercase."},
    {"swapcase", m_swapcase, kMethNoArgs, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"capitalize", m_capitalize, kMethNoArgs, "Return a capitalized version of the string."},
    {"title", m_title, kMethNoArgs, "Return a version of the string where each word is titlecased."},
    {"isdigit", all_chars<p_digit>, kMethNoArgs, "Return True if the string is a digit string, False otherwise."},
    {"isalpha", all_chars<p_alpha>, kMethNoArgs, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", all_chars<p_alnum>, kMethNoArgs, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isspace", all_chars<p_space>, kMethNoArgs, "Return True if the string is a whitespace string, False otherwise."},
    {"isascii", m_isascii, kMethNoArgs, "Return True if all characters in the string are ASCII, False otherwise."},
    {"__format__", m_format_spec, kMethO, "Return a formatted version of the string as described by format_spec."},
    {"__getnewargs__", m_getnewargs, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

// -- Functions of str.h that need the type ---------------------------------------------------------

Value str_join(Value sep, Value iterable) {
  Value items = list_from_iterable(iterable);
  if (items.is_null()) return items;
  int64_t n = list_length(items);
  int64_t total = 0;
  int kind = as_str(sep)->kind();
  bool ascii = as_str(sep)->ascii();
  for (int64_t i = 0; i < n; i++) {
    Value it = list_at(items, i);
    if (!is_str(it))
      return raise_format(exc_TypeError, "sequence item %zd: expected str instance, %.200s found",
                          static_cast<size_t>(i), type_of(it)->c_name());
    total += str_length(it);
    kind = as_str(it)->kind() > kind ? as_str(it)->kind() : kind;
    ascii = ascii && as_str(it)->ascii();
  }
  if (n == 1 && is_exact_str(list_at(items, 0))) return list_at(items, 0);
  total += n > 0 ? (n - 1) * str_length(sep) : 0;
  Value r = str_new_uninit(total, kind, ascii);
  if (r.is_null()) return r;
  int64_t pos = 0;
  auto put = [&](Value s) {
    const StrObject* o = as_str(s);
    StrObject* d = as_str(r);
    if (o->kind() == kind) {
      std::memcpy(static_cast<char*>(d->data()) + pos * kind, o->data(),
                  static_cast<size_t>(o->length) * kind);
    } else {
      for (int64_t k = 0; k < o->length; k++) {
        uint32_t c = o->at(k);
        if (kind == 2) static_cast<uint16_t*>(d->data())[pos + k] = static_cast<uint16_t>(c);
        else static_cast<uint32_t*>(d->data())[pos + k] = c;
      }
    }
    pos += o->length;
  };
  for (int64_t i = 0; i < n; i++) {
    if (i) put(sep);
    put(list_at(items, i));
  }
  return r;
}

Value str_repr(Value s) {
  std::string out;
  text::str_repr(out, str_to_utf8(s));
  return str_from_utf8(out);
}

Value str_format_spec(Value s, Value spec) {
  std::string out;
  text::NumError err;
  if (!text::format_str(out, str_to_utf8(spec), str_to_utf8(s), err, type_of(s)->c_name())) {
    return raise_num_error(err);
  }
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
  str_type.m_itemsize = 1;
  TypeDefs defs;
  defs.methods = str_methods;
  type_init(&str_type, &object_type, defs,
            "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
            "Create a new string object from the given object.");
  str_iterator_type.slots.iter = iter_self;
  str_iterator_type.slots.iternext = str_iter_next;
  str_iterator_type.slots.trace = trace_str_iter;
  type_init(&str_iterator_type, &object_type, TypeDefs{});
  return true;
}

}  // namespace tpy
