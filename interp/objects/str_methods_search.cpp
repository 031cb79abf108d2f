// interp/objects/str_methods_search.cpp -- str's searching methods: find, count, replace, affixes, partition.
#include <cstring>
#include <string_view>

#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str_internal.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

template <class H, class N>
int64_t find_units(std::span<const H> h, std::span<const N> n, int64_t start, int64_t end,
                   bool reverse) {
  int64_t m = static_cast<int64_t>(n.size());
  if constexpr (std::is_same_v<H, N> && sizeof(H) == 1) {
    // One byte per code point: std::string_view's search (memchr-based in libstdc++).
    std::string_view hv(reinterpret_cast<const char*>(h.data()) + start, static_cast<size_t>(end - start));
    std::string_view nv(reinterpret_cast<const char*>(n.data()), n.size());
    size_t at = reverse ? hv.rfind(nv) : hv.find(nv);
    return at == std::string_view::npos ? -1 : start + static_cast<int64_t>(at);
  } else if constexpr (std::is_same_v<H, N>) {
    // Same width: the standard library's search.
    std::basic_string_view<H> hv(h.data() + start, static_cast<size_t>(end - start));
    std::basic_string_view<N> nv(n.data(), n.size());
    size_t at = reverse ? hv.rfind(nv) : hv.find(nv);
    return at == std::basic_string_view<H>::npos ? -1 : start + static_cast<int64_t>(at);
  } else {
    int64_t last = end - m;
    auto match = [&](int64_t i) {
      for (int64_t k = 0; k < m; k++)
        if (static_cast<uint32_t>(h[i + k]) != static_cast<uint32_t>(n[k])) return false;
      return true;
    };
    if (!reverse) {
      for (int64_t i = start; i <= last; i++)
        if (match(i)) return i;
    } else {
      for (int64_t i = last; i >= start; i--)
        if (match(i)) return i;
    }
    return -1;
  }
}

// The arity check of find(), count(), startswith()... (PyArg_ParseTuple's wording).
bool check_find_nargs(const char* name, size_t nargs) {
  if (nargs < 1) {
    raise_format(exc_TypeError, "%s() takes at least 1 argument (0 given)", name);
    return false;
  }
  if (nargs > 3) {
    raise_format(exc_TypeError, "%s() takes at most 3 arguments (%zu given)", name, nargs);
    return false;
  }
  return true;
}

Value need_str(Value v) {
  if (is_str(v)) return v;
  return raise_format(exc_TypeError, "must be str, not %.200s", type_of(v)->c_name());
}

// The optional start/end of find(), count(), startswith()...: args[first] and args[first+1].
bool optional_bounds(Value self, const Value* args, size_t nargs, size_t first, int64_t* s,
                     int64_t* e) {
  return str_slice_bounds(nargs > first ? args[first] : Value(),
                          nargs > first + 1 ? args[first + 1] : Value(), str_length(self), s, e);
}

Value find_impl(Value self, const Value* args, size_t nargs, const char* name, bool reverse,
                bool raise_missing) {
  if (!check_find_nargs(name, nargs)) return Value();
  if (need_str(args[0]).is_null()) return Value();
  int64_t start, end;
  if (!optional_bounds(self, args, nargs, 1, &start, &end)) return Value();
  int64_t r = start > str_length(self) ? -1 : str_find_in(self, args[0], start, end, reverse);
  if (r < 0 && raise_missing) return raise_error(exc_ValueError, "substring not found");
  return Value::from_int(r);
}

Value affix_impl(Value self, const Value* args, size_t nargs, const char* name, bool suffix) {
  if (!check_find_nargs(name, nargs)) return Value();
  int64_t start, end;
  if (!optional_bounds(self, args, nargs, 1, &start, &end)) return Value();
  auto test = [&](Value p) -> bool {
    int64_t n = str_length(p);
    if (start > str_length(self)) return false;
    if (end - start < n) return false;
    int64_t at = suffix ? end - n : start;
    return str_find_in(self, p, at, at + n, false) == at;
  };
  Value prefix = args[0];
  if (is_tuple(prefix)) {
    for (int64_t i = 0; i < tuple_length(prefix); i++) {
      Value p = tuple_at(prefix, i);
      if (!is_str(p))
        return raise_format(exc_TypeError, "tuple for %s must only contain str, not %.200s",
                            name, type_of(p)->c_name());
      if (test(p)) return True();
    }
    return False();
  }
  if (!is_str(prefix))
    return raise_format(exc_TypeError, "%s first arg must be str or a tuple of str, not %.200s",
                        name, type_of(prefix)->c_name());
  return Bool(test(prefix));
}

Value partition_impl(Value self, Value sep, bool right) {
  if (need_str(sep).is_null()) return Value();
  int64_t n = str_length(sep), len = str_length(self);
  if (n == 0) return raise_error(exc_ValueError, "empty separator");
  int64_t at = str_find_in(self, sep, 0, len, right);
  if (at < 0) {
    Value whole = str_exact(self);
    if (whole.is_null()) return whole;
    return right ? tuple_pack({str_empty(), str_empty(), whole})
                 : tuple_pack({whole, str_empty(), str_empty()});
  }
  Value head = str_substring(self, 0, at);
  if (head.is_null()) return head;
  Value mid = str_exact(sep);
  if (mid.is_null()) return mid;
  Value tail = str_substring(self, at + n, len);
  if (tail.is_null()) return tail;
  return tuple_pack({head, mid, tail});
}

Value affix_remove(Value self, Value affix, const char* name, bool suffix) {
  if (!is_str(affix))
    return raise_format(exc_TypeError, "%s() argument must be str, not %.200s", name,
                        clinic_type_name(affix));
  int64_t len = str_length(self), n = str_length(affix);
  if (n <= len) {
    int64_t at = suffix ? len - n : 0;
    if (n > 0 && str_find_in(self, affix, at, at + n, false) == at)
      return suffix ? str_substring(self, 0, at) : str_substring(self, n, len);
  }
  return str_exact(self);
}

}  // namespace

// -- Shared helpers (str_internal.h) ----------------------------------------------------------------

int64_t str_find_in(Value s, Value needle, int64_t start, int64_t end, bool reverse) {
  int64_t m = str_length(needle);
  if (end - start < m) return -1;
  if (m == 0) return reverse ? end : start;
  // A needle wider than the haystack holds a code point the haystack cannot hold.
  if (as_str(needle)->kind() > as_str(s)->kind()) return -1;
  return visit_str(s, [&](auto h) {
    return visit_str(needle, [&](auto n) { return find_units(h, n, start, end, reverse); });
  });
}

// _PyEval_SliceIndex: None, or anything with __index__ (clamped to the int64 range).
static bool slice_index(Value v, int64_t* out) {
  if (v.is_null() || is_none(v)) return true;
  if (!v.is_int() && !type_of(v)->has_flag(kTypeIntSubclass) && type_of(v)->slots.index == nullptr) {
    raise_error(exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return arg_to_ssize_clamped(v, out);
}

bool str_slice_bounds(Value start, Value end, int64_t len, int64_t* s, int64_t* e) {
  *s = 0;
  *e = len;
  if (!slice_index(start, s) || !slice_index(end, e)) return false;
  if (*s < 0) *s = *s + len < 0 ? 0 : *s + len;
  if (*e < 0) *e = *e + len < 0 ? 0 : *e + len;
  if (*e > len) *e = len;
  return true;
}

const char* clinic_type_name(Value v) {
  return is_none(v) ? "None" : type_of(v)->c_name();
}

Value str_exact(Value s) {
  if (is_exact_str(s)) return s;
  return str_substring(s, 0, str_length(s));
}

void str_append_u32(std::u32string& out, Value s, int64_t start, int64_t end) {
  int64_t len = str_length(s);
  if (end > len) end = len;
  if (start >= end) return;
  size_t at = out.size(), n = static_cast<size_t>(end - start);
  out.resize(at + n);
  char32_t* d = out.data() + at;
  visit_str(s, [&](auto units) {
    for (size_t k = 0; k < n; k++) d[k] = units[static_cast<size_t>(start) + k];
  });
}

// -- Methods ----------------------------------------------------------------------------------------

Value m_find(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "find", false, false); }
Value m_rfind(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "rfind", true, false); }
Value m_index(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "index", false, true); }
Value m_rindex(Value self, const Value* a, size_t n, Value) { return find_impl(self, a, n, "rindex", true, true); }
Value m_startswith(Value self, const Value* a, size_t n, Value) { return affix_impl(self, a, n, "startswith", false); }
Value m_endswith(Value self, const Value* a, size_t n, Value) { return affix_impl(self, a, n, "endswith", true); }
Value m_partition(Value self, const Value* a, size_t, Value) { return partition_impl(self, a[0], false); }
Value m_rpartition(Value self, const Value* a, size_t, Value) { return partition_impl(self, a[0], true); }
Value m_removeprefix(Value self, const Value* a, size_t, Value) { return affix_remove(self, a[0], "removeprefix", false); }
Value m_removesuffix(Value self, const Value* a, size_t, Value) { return affix_remove(self, a[0], "removesuffix", true); }

Value m_count(Value self, const Value* args, size_t nargs, Value) {
  if (!check_find_nargs("count", nargs)) return Value();
  if (need_str(args[0]).is_null()) return Value();
  int64_t start, end;
  if (!optional_bounds(self, args, nargs, 1, &start, &end)) return Value();
  if (start > str_length(self)) return Value::from_int(0);
  int64_t n = str_length(args[0]), count = 0;
  if (n == 0) return Value::from_int(end >= start ? end - start + 1 : 0);
  for (int64_t i = start; (i = str_find_in(self, args[0], i, end, false)) >= 0; i += n) count++;
  return Value::from_int(count);
}

Value m_replace(Value self, const Value* args, size_t nargs, Value) {
  if (!check_nargs("replace", nargs, 2, 3)) return Value();
  for (int k = 0; k < 2; k++)
    if (!is_str(args[k]))
      return raise_format(exc_TypeError, "replace() argument %d must be str, not %.200s", k + 1,
                          clinic_type_name(args[k]));
  int64_t maxcount = -1;
  if (nargs == 3) {
    if (!args[2].is_int() && !type_of(args[2])->has_flag(kTypeIntSubclass) &&
        type_of(args[2])->slots.index == nullptr)
      return raise_format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                          type_of(args[2])->c_name());
    if (!arg_to_index(args[2], &maxcount)) return Value();
  }
  if (maxcount < 0) maxcount = INT64_MAX;
  Value old = args[0], repl = args[1];
  int64_t len = str_length(self), n = str_length(old);
  std::u32string out;
  int64_t i = 0, done = 0;
  if (n == 0) {
    // [repl] before every character and at the end, up to maxcount times.
    for (; i <= len && done < maxcount; i++, done++) {
      str_append_u32(out, repl);
      if (i < len) out.push_back(as_str(self)->at(i));
    }
    if (i <= len) str_append_u32(out, self, i, len);
  } else {
    while (done < maxcount) {
      int64_t j = str_find_in(self, old, i, len, false);
      if (j < 0) break;
      str_append_u32(out, self, i, j);
      str_append_u32(out, repl);
      i = j + n;
      done++;
    }
    if (done == 0) return str_exact(self);
    str_append_u32(out, self, i, len);
  }
  return str_from_u32(out);
}

}  // namespace tpy
