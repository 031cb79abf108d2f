// interp/objects/bytes_methods.cpp -- bytes/bytearray methods that search: find, count, split, replace...
#include <cstring>
#include <string>
#include <vector>

#include "interp/objects/abstract.h"
#include "interp/objects/bytes_internal.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

// -- Shared helpers ---------------------------------------------------------------------------------

Value bytes_result(Value self, std::string_view data) {
  if (bytes_family_mutable(self)) return bytearray_from_data(data.data(), data.size());
  return bytes_from_view(data);
}

Value bytes_result_self(Value self) {
  if (is_exact_bytes(self)) return self;
  return bytes_result(self, bytes_view(self));
}

bool arg_buffer(Value v, BufferView& out) { return out.get(v); }

bool bytes_slice_bounds(Value start, Value end, int64_t len, int64_t* s, int64_t* e) {
  *s = 0;
  *e = len;
  for (Value v : {start, end}) {
    if (!v.is_null() && !is_none(v) && !has_index(v)) {
      raise_error(exc_TypeError,
                  "slice indices must be integers or None or have an __index__ method");
      return false;
    }
  }
  if (!start.is_null() && !is_none(start) && !arg_to_ssize_clamped(start, s)) return false;
  if (!end.is_null() && !is_none(end) && !arg_to_ssize_clamped(end, e)) return false;
  if (*e > len) *e = len;
  else if (*e < 0) *e = *e + len < 0 ? 0 : *e + len;
  if (*s < 0) *s = *s + len < 0 ? 0 : *s + len;
  return true;
}

int64_t bytes_find_in(std::string_view h, std::string_view n, int64_t start, int64_t end,
                      bool reverse) {
  int64_t m = static_cast<int64_t>(n.size());
  if (end - start < m) return -1;
  if (m == 0) return reverse ? end : start;
  const char* base = h.data();
  if (!reverse) {
    const char* p = base + start;
    const char* stop = base + end - m + 1;
    while (p < stop) {
      p = static_cast<const char*>(std::memchr(p, n[0], static_cast<size_t>(stop - p)));
      if (p == nullptr) return -1;
      if (std::memcmp(p, n.data(), static_cast<size_t>(m)) == 0) return p - base;
      p++;
    }
    return -1;
  }
  for (int64_t i = end - m; i >= start; i--)
    if (base[i] == n[0] && std::memcmp(base + i, n.data(), static_cast<size_t>(m)) == 0) return i;
  return -1;
}

bool bytes_sub_arg(Value v, BufferView& view, std::string& single) {
  if (has_buffer(v)) return view.get(v);
  Type* t = type_of(v);
  if (!v.is_int() && !t->has_flag(kTypeIntSubclass) && t->slots.index == nullptr) {
    raise_format(exc_TypeError, "argument should be integer or bytes-like object, not '%.200s'",
                 t->c_name());
    return false;
  }
  uint8_t c;
  if (!byte_from_item(v, "byte must be in range(0, 256)", &c)) return false;
  single.assign(1, static_cast<char>(c));
  return true;
}

// maxsplit / count arguments: C Py_ssize_t converters.
bool bytes_ssize_arg(Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.as_int();
    return true;
  }
  Value i = number_index(v);
  if (i.is_null()) return false;
  if (!int_to_i64(i, out)) {
    raise_error(exc_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

bool bytes_size_ok(int64_t n) {
  if (n >= 0 && n <= kMaxBytesResult) return true;
  raise_no_memory();
  return false;
}

Value bytes_compare_views(std::string_view x, std::string_view y, CompareOp op) {
  if (op == CompareOp::Eq) return Bool(x == y);
  if (op == CompareOp::Ne) return Bool(x != y);
  int c = x.compare(y);
  switch (op) {
    case CompareOp::Lt: return Bool(c < 0);
    case CompareOp::Le: return Bool(c <= 0);
    case CompareOp::Gt: return Bool(c > 0);
    default: return Bool(c >= 0);
  }
}

int bytes_contains(Value self, Value item) {
  // CPython's _Py_bytes_contains: an index first, a buffer otherwise.
  BufferView v;
  std::string single;
  if (item.is_int() || (!has_buffer(item) && has_index(item))) {
    uint8_t c;
    if (!byte_from_item(item, "byte must be in range(0, 256)", &c)) return -1;
    single.assign(1, static_cast<char>(c));
  } else if (!v.get(item)) {
    return -1;
  }
  std::string_view h = bytes_view(self);
  std::string_view n = single.empty() ? v.bytes() : std::string_view(single);
  return bytes_find_in(h, n, 0, static_cast<int64_t>(h.size()), false) >= 0 ? 1 : 0;
}

namespace {

// "count() takes at least 1 argument (0 given)": the old-style argument errors.
bool old_style_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    raise_format(exc_TypeError, "%s() takes at least %zu argument%s (%zu given)", fname, min,
                 min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    raise_format(exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname, max,
                 max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

// find/rfind/index/rindex/count: (sub[, start[, end]]).
struct FindArgs {
  BufferView view;
  std::string single;
  std::string_view sub;
  int64_t start, end;
};

bool parse_find(Value self, const char* fname, const Value* args, size_t nargs, FindArgs& fa) {
  if (!old_style_nargs(fname, nargs, 1, 3)) return false;
  int64_t len = static_cast<int64_t>(bytes_view(self).size());
  if (!bytes_slice_bounds(nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(), len,
                          &fa.start, &fa.end))
    return false;
  if (!bytes_sub_arg(args[0], fa.view, fa.single)) return false;
  fa.sub = fa.single.empty() ? fa.view.bytes() : std::string_view(fa.single);
  return true;
}

Value find_impl(Value self, const Value* args, size_t nargs, const char* fname, bool reverse,
                bool raise) {
  FindArgs fa;
  if (!parse_find(self, fname, args, nargs, fa)) return Value();
  int64_t i = bytes_find_in(bytes_view(self), fa.sub, fa.start, fa.end, reverse);
  if (i < 0 && raise) return raise_error(exc_ValueError, "subsection not found");
  return Value::from_int(i);
}

// startswith/endswith: one candidate.
int tail_match(std::string_view s, Value sub, int64_t start, int64_t end, bool suffix) {
  BufferView v;
  if (!v.get(sub)) return -1;
  std::string_view n = v.bytes();
  int64_t len = static_cast<int64_t>(s.size()), m = static_cast<int64_t>(n.size());
  if (!suffix) {
    if (start > len - m) return 0;
  } else {
    if (end - start < m || start > len) return 0;
    if (end - m > start) start = end - m;
  }
  if (end - start < m) return 0;
  return std::memcmp(s.data() + start, n.data(), static_cast<size_t>(m)) == 0 ? 1 : 0;
}

Value tailmatch_impl(Value self, const Value* args, size_t nargs, const char* fname, bool suffix) {
  if (!old_style_nargs(fname, nargs, 1, 3)) return Value();
  std::string_view s = bytes_view(self);
  int64_t start, end;
  if (!bytes_slice_bounds(nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(),
                          static_cast<int64_t>(s.size()), &start, &end))
    return Value();
  s = bytes_view(self);
  Value sub = args[0];
  if (is_tuple(sub)) {
    for (int64_t i = 0; i < tuple_length(sub); i++) {
      int r = tail_match(s, tuple_at(sub, i), start, end, suffix);
      if (r < 0) return Value();
      if (r) return True();
    }
    return False();
  }
  int r = tail_match(s, sub, start, end, suffix);
  if (r < 0) {
    if (error_matches(exc_TypeError)) {
      clear_exception();
      return raise_format(exc_TypeError,
                          "%s first arg must be bytes or a tuple of bytes, not %.200s", fname,
                          type_of(sub)->c_name());
    }
    return Value();
  }
  return Bool(r != 0);
}

int append_piece(Value list, Value self, std::string_view piece) {
  // A piece that is all of exact bytes is self itself, as CPython's split returns it.
  if (is_exact_bytes(self) && piece.size() == bytes_view(self).size()) return list_append(list, self);
  Value b = bytes_result(self, piece);
  if (b.is_null()) return -1;
  return list_append(list, b);
}

Value split_impl(Value self, const Value* args, size_t nargs, Value kwnames, bool right) {
  static const char* const kw[] = {"sep", "maxsplit", nullptr};
  Value sep, maxsplit_v;
  ArgSpec spec{right ? "rsplit" : "split", kw, 0, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&sep, &maxsplit_v})) return Value();
  int64_t maxsplit = -1;
  if (!maxsplit_v.is_null() && !bytes_ssize_arg(maxsplit_v, &maxsplit)) return Value();
  if (maxsplit < 0) maxsplit = INT64_MAX;
  BufferView sv;
  bool whitespace = sep.is_null() || is_none(sep);
  if (!whitespace) {
    if (!arg_buffer(sep, sv)) return Value();
    if (sv.b.len == 0) return raise_error(exc_ValueError, "empty separator");
  }
  std::string_view s = bytes_view(self);
  std::string copy(s);  // the list appends below may run a collection; the data is stable here
  s = copy;
  Value list = list_new();
  if (list.is_null()) return list;
  int64_t n = static_cast<int64_t>(s.size());
  if (whitespace) {
    if (!right) {
      int64_t i = 0;
      for (;;) {
        while (i < n && byte_is_space(s[i])) i++;
        if (i == n) break;
        if (maxsplit-- == 0) {
          if (append_piece(list, self, s.substr(i)) < 0) return Value();
          break;
        }
        int64_t j = i;
        while (j < n && !byte_is_space(s[j])) j++;
        if (append_piece(list, self, s.substr(i, j - i)) < 0) return Value();
        i = j;
      }
    } else {
      std::vector<std::string_view> pieces;
      int64_t j = n;
      for (;;) {
        while (j > 0 && byte_is_space(s[j - 1])) j--;
        if (j == 0) break;
        if (maxsplit-- == 0) {
          pieces.push_back(s.substr(0, j));
          break;
        }
        int64_t i = j;
        while (i > 0 && !byte_is_space(s[i - 1])) i--;
        pieces.push_back(s.substr(i, j - i));
        j = i;
      }
      for (auto it = pieces.rbegin(); it != pieces.rend(); ++it)
        if (append_piece(list, self, *it) < 0) return Value();
    }
    return list;
  }
  std::string sepcopy(sv.bytes());
  int64_t m = static_cast<int64_t>(sepcopy.size());
  if (!right) {
    int64_t i = 0;
    while (maxsplit-- > 0) {
      int64_t j = bytes_find_in(s, sepcopy, i, n, false);
      if (j < 0) break;
      if (append_piece(list, self, s.substr(i, j - i)) < 0) return Value();
      i = j + m;
    }
    if (append_piece(list, self, s.substr(i)) < 0) return Value();
    return list;
  }
  int64_t j = n;
  std::vector<std::string_view> pieces;
  while (maxsplit-- > 0) {
    int64_t i = bytes_find_in(s, sepcopy, 0, j, true);
    if (i < 0) break;
    pieces.push_back(s.substr(i + m, j - i - m));
    j = i;
  }
  pieces.push_back(s.substr(0, j));
  for (auto it = pieces.rbegin(); it != pieces.rend(); ++it)
    if (append_piece(list, self, *it) < 0) return Value();
  return list;
}

Value partition_impl(Value self, Value sep, bool right) {
  BufferView sv;
  if (!arg_buffer(sep, sv)) return Value();
  if (sv.b.len == 0) return raise_error(exc_ValueError, "empty separator");
  std::string s(bytes_view(self));
  std::string_view n = sv.bytes();
  int64_t len = static_cast<int64_t>(s.size());
  int64_t i = bytes_find_in(s, n, 0, len, right);
  Value parts[3];
  if (i < 0) {
    Value empty = bytes_result(self, {});
    Value whole = bytes_result_self(self);
    if (empty.is_null() || whole.is_null()) return Value();
    Value empty2 = bytes_family_mutable(self) ? bytes_result(self, {}) : empty;
    if (empty2.is_null()) return Value();
    if (right) return tuple_pack({empty, empty2, whole});
    return tuple_pack({whole, empty, empty2});
  }
  std::string_view sview(s);
  parts[0] = bytes_result(self, sview.substr(0, i));
  parts[1] = bytes_family_mutable(self) || !is_exact_bytes(sep) ? bytes_result(self, n) : sep;
  parts[2] = bytes_result(self, sview.substr(i + n.size()));
  for (Value p : parts)
    if (p.is_null()) return Value();
  return tuple_pack({parts[0], parts[1], parts[2]});
}

}  // namespace

// -- The methods ------------------------------------------------------------------------------------

Value bm_find(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "find", false, false); }
Value bm_rfind(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "rfind", true, false); }
Value bm_index(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "index", false, true); }
Value bm_rindex(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "rindex", true, true); }

Value bm_count(Value self, const Value* args, size_t nargs, Value) {
  FindArgs fa;
  if (!parse_find(self, "count", args, nargs, fa)) return Value();
  std::string_view s = bytes_view(self);
  if (fa.end - fa.start < 0 || fa.start > static_cast<int64_t>(s.size())) return Value::from_int(0);
  if (fa.sub.empty()) return Value::from_int(fa.end - fa.start + 1);
  int64_t count = 0, i = fa.start;
  for (;;) {
    i = bytes_find_in(s, fa.sub, i, fa.end, false);
    if (i < 0) break;
    count++;
    i += static_cast<int64_t>(fa.sub.size());
  }
  return Value::from_int(count);
}

Value bm_startswith(Value self, const Value* a, size_t n, Value) { return tailmatch_impl(self, a, n, "startswith", false); }
Value bm_endswith(Value self, const Value* a, size_t n, Value) { return tailmatch_impl(self, a, n, "endswith", true); }

Value bm_split(Value self, const Value* a, size_t n, Value kw) { return split_impl(self, a, n, kw, false); }
Value bm_rsplit(Value self, const Value* a, size_t n, Value kw) { return split_impl(self, a, n, kw, true); }

Value bm_partition(Value self, const Value* args, size_t, Value) { return partition_impl(self, args[0], false); }
Value bm_rpartition(Value self, const Value* args, size_t, Value) { return partition_impl(self, args[0], true); }

Value bm_splitlines(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"keepends", nullptr};
  Value keep_v;
  ArgSpec spec{"splitlines", kw, 0, 1, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&keep_v})) return Value();
  bool keep = false;
  if (!keep_v.is_null()) {
    int64_t k;
    if (!arg_to_index(keep_v, &k)) return Value();
    keep = k != 0;
  }
  std::string s(bytes_view(self));
  Value list = list_new();
  if (list.is_null()) return list;
  size_t i = 0, n = s.size();
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != '\n' && s[j] != '\r') j++;
    size_t eol = j;
    if (j < n) {
      if (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') j += 2;
      else j++;
      if (keep) eol = j;
    }
    if (append_piece(list, self, std::string_view(s).substr(i, eol - i)) < 0) return Value();
    i = j;
  }
  return list;
}

Value bm_join(Value self, const Value* args, size_t, Value) {
  Value iterable = args[0];
  Value seq = is_exact_list(iterable) || is_exact_tuple(iterable) ? iterable : Value();
  if (seq.is_null()) {
    Value it = get_iter(iterable);
    if (it.is_null()) {
      if (error_matches(exc_TypeError)) {
        clear_exception();
        return raise_error(exc_TypeError, "can only join an iterable");
      }
      return it;
    }
    seq = list_from_iterable(it);
    if (seq.is_null()) return seq;
  }
  std::string sep(bytes_view(self));
  std::string out;
  int64_t n = is_list(seq) ? list_length(seq) : tuple_length(seq);
  for (int64_t i = 0; i < n; i++) {
    Value item = is_list(seq) ? list_at(seq, i) : tuple_at(seq, i);
    if (!has_buffer(item))
      return raise_format(exc_TypeError, "sequence item %lld: expected a bytes-like object, %.80s found",
                          static_cast<long long>(i), type_of(item)->c_name());
    BufferView v;
    if (!v.get(item)) {
      clear_exception();  // a strided view, as CPython words it
      return raise_format(exc_TypeError, "sequence item %lld: expected a bytes-like object, %.80s found",
                          static_cast<long long>(i), type_of(item)->c_name());
    }
    if (i) out += sep;
    out += v.bytes();
    n = is_list(seq) ? list_length(seq) : tuple_length(seq);
  }
  if (n == 1 && !bytes_family_mutable(self)) {
    Value only = is_list(seq) ? list_at(seq, 0) : tuple_at(seq, 0);
    if (is_exact_bytes(only)) return only;
  }
  return bytes_result(self, out);
}

Value bm_replace(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("replace", nargs, 2, 3)) return Value();
  BufferView ov, nv;
  if (!arg_buffer(args[0], ov) || !arg_buffer(args[1], nv)) return Value();
  int64_t count = -1;
  if (nargs > 2 && !bytes_ssize_arg(args[2], &count)) return Value();
  if (count < 0) count = INT64_MAX;
  std::string s(bytes_view(self));
  std::string_view from = ov.bytes(), to = nv.bytes();
  if (to.size() > from.size()) {
    int64_t most = from.empty() ? static_cast<int64_t>(s.size()) + 1
                                : static_cast<int64_t>(s.size() / from.size());
    if (count < most) most = count;
    if (most > 0 && static_cast<int64_t>(to.size() - from.size()) > kMaxBytesResult / most)
      return raise_no_memory();
  }
  std::string out;
  int64_t n = static_cast<int64_t>(s.size()), done = 0;
  if (from.empty()) {
    int64_t i = 0;
    for (; i <= n && done < count; i++, done++) {
      out += to;
      if (i < n) out += s[i];
    }
    if (i <= n) out.append(s, i, std::string::npos);
  } else {
    int64_t i = 0;
    while (done < count) {
      int64_t j = bytes_find_in(s, from, i, n, false);
      if (j < 0) break;
      out.append(s, i, j - i);
      out += to;
      i = j + static_cast<int64_t>(from.size());
      done++;
    }
    out.append(s, i, std::string::npos);
  }
  if (done == 0) return bytes_result_self(self);
  return bytes_result(self, out);
}

Value bm_removeprefix(Value self, const Value* args, size_t, Value) {
  BufferView v;
  if (!arg_buffer(args[0], v)) return Value();
  std::string_view s = bytes_view(self), p = v.bytes();
  if (s.size() >= p.size() && s.substr(0, p.size()) == p && !p.empty())
    return bytes_result(self, s.substr(p.size()));
  return bytes_result_self(self);
}

Value bm_removesuffix(Value self, const Value* args, size_t, Value) {
  BufferView v;
  if (!arg_buffer(args[0], v)) return Value();
  std::string_view s = bytes_view(self), p = v.bytes();
  if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p && !p.empty())
    return bytes_result(self, s.substr(0, s.size() - p.size()));
  return bytes_result_self(self);
}

}  // namespace tpy
