// interp/objects/str_methods_split.cpp -- str's splitting and joining: split, rsplit, splitlines, join, strip.
#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str_internal.h"
#include "interp/objects/tuple.h"
#include "interp/unicode/char_props.h"

namespace tpy {

namespace {

using Spans = std::vector<std::pair<int64_t, int64_t>>;

void split_whitespace(const StrObject* s, int64_t maxsplit, bool right, Spans& parts) {
  int64_t len = s->length;
  auto space = [&](int64_t i) { return unicode::is_space(s->at(i)); };
  if (!right) {
    int64_t i = 0;
    while (true) {
      while (i < len && space(i)) i++;
      if (i == len) break;
      if (static_cast<int64_t>(parts.size()) == maxsplit) {
        parts.push_back({i, len});  // the rest keeps its trailing whitespace, as CPython
        break;
      }
      int64_t j = i;
      while (j < len && !space(j)) j++;
      parts.push_back({i, j});
      i = j;
    }
  } else {
    int64_t i = len;
    while (true) {
      while (i > 0 && space(i - 1)) i--;
      if (i == 0) break;
      if (static_cast<int64_t>(parts.size()) == maxsplit) {
        parts.push_back({0, i});  // the rest keeps its leading whitespace, as CPython
        break;
      }
      int64_t j = i;
      while (j > 0 && !space(j - 1)) j--;
      parts.push_back({j, i});
      i = j;
    }
  }
}

Value split_impl(Value self, const Value* args, size_t nargs, Value kwnames, bool right) {
  static const char* const kw[] = {"sep", "maxsplit", nullptr};
  Value sep, maxsplit_v;
  ArgSpec spec{right ? "rsplit" : "split", kw, 0, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&sep, &maxsplit_v})) return Value();
  int64_t maxsplit = -1;
  if (!maxsplit_v.is_null() && !arg_to_index(maxsplit_v, &maxsplit)) return Value();
  if (maxsplit < 0) maxsplit = INT64_MAX;
  int64_t len = str_length(self);
  Spans parts;
  if (sep.is_null() || is_none(sep)) {
    split_whitespace(as_str(self), maxsplit, right, parts);
  } else {
    if (!is_str(sep))
      return raise_format(exc_TypeError, "must be str or None, not %.200s", type_of(sep)->c_name());
    int64_t n = str_length(sep);
    if (n == 0) return raise_error(exc_ValueError, "empty separator");
    if (!right) {
      int64_t i = 0;
      while (static_cast<int64_t>(parts.size()) < maxsplit) {
        int64_t j = str_find_in(self, sep, i, len, false);
        if (j < 0) break;
        parts.push_back({i, j});
        i = j + n;
      }
      parts.push_back({i, len});
    } else {
      int64_t e = len;
      while (static_cast<int64_t>(parts.size()) < maxsplit) {
        int64_t j = str_find_in(self, sep, 0, e, true);
        if (j < 0) break;
        parts.push_back({j + n, e});
        e = j;
      }
      parts.push_back({0, e});
    }
  }
  if (right) std::reverse(parts.begin(), parts.end());
  Value out = list_new(static_cast<int64_t>(parts.size()));
  if (out.is_null()) return out;
  for (auto [b, e] : parts) {
    // An unsplit exact str is returned itself, as CPython does.
    Value piece = (b == 0 && e == len) ? str_exact(self) : str_substring(self, b, e);
    if (piece.is_null() || list_append(out, piece) < 0) return Value();
  }
  return out;
}

Value strip_impl(Value self, const Value* args, size_t nargs, const char* name, bool left,
                 bool right) {
  if (!check_nargs(name, nargs, 0, 1)) return Value();
  Value chars = nargs ? args[0] : Value();
  bool ws = chars.is_null() || is_none(chars);
  if (!ws && !is_str(chars))
    return raise_format(exc_TypeError, "%s arg must be None or str", name);
  const StrObject* s = as_str(self);
  auto strip_it = [&](uint32_t c) {
    if (ws) return unicode::is_space(c);
    const StrObject* cs = as_str(chars);
    for (int64_t k = 0; k < cs->length; k++)
      if (cs->at(k) == c) return true;
    return false;
  };
  int64_t b = 0, e = s->length;
  if (left) while (b < e && strip_it(s->at(b))) b++;
  if (right) while (e > b && strip_it(s->at(e - 1))) e--;
  if (b == 0 && e == s->length) return str_exact(self);
  return str_substring(self, b, e);
}

}  // namespace

Value m_split(Value self, const Value* a, size_t n, Value kw) { return split_impl(self, a, n, kw, false); }
Value m_rsplit(Value self, const Value* a, size_t n, Value kw) { return split_impl(self, a, n, kw, true); }
Value m_strip(Value self, const Value* a, size_t n, Value) { return strip_impl(self, a, n, "strip", true, true); }
Value m_lstrip(Value self, const Value* a, size_t n, Value) { return strip_impl(self, a, n, "lstrip", true, false); }
Value m_rstrip(Value self, const Value* a, size_t n, Value) { return strip_impl(self, a, n, "rstrip", false, true); }
Value m_join(Value self, const Value* args, size_t, Value) { return str_join(self, args[0]); }

// splitlines(keepends=False): breaks at every Unicode line boundary, "\r\n" counting as one.
Value m_splitlines(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"keepends", nullptr};
  Value keepends_v;
  ArgSpec spec{"splitlines", kw, 0, 1, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&keepends_v})) return Value();
  int64_t keepends = 0;
  if (!keepends_v.is_null()) {
    // Argument Clinic's bool(accept={int}): an int (or __index__), not any object's truth.
    if (is_bool(keepends_v)) keepends = keepends_v == True();
    else if (!arg_to_index(keepends_v, &keepends)) return Value();
  }
  Value out = list_new();
  if (out.is_null()) return out;
  const StrObject* s = as_str(self);
  int64_t len = s->length, i = 0;
  while (i < len) {
    int64_t start = i;
    while (i < len && !unicode::is_linebreak(s->at(i))) i++;
    int64_t eol = i;
    if (i < len) {
      if (s->at(i) == '\r' && i + 1 < len && s->at(i + 1) == '\n') i += 2;
      else i++;
      if (keepends) eol = i;
    }
    Value line = (start == 0 && eol == len) ? str_exact(self) : str_substring(self, start, eol);
    if (line.is_null() || list_append(out, line) < 0) return Value();
    s = as_str(self);
  }
  return out;
}

// -- str.h -----------------------------------------------------------------------------------------

Value str_join(Value sep, Value iterable) {
  // PySequence_Fast: any TypeError while getting the iterator becomes this one.
  Value items;
  if (is_list(iterable) || is_tuple(iterable)) {
    items = list_from_iterable(iterable);
  } else {
    Value it = get_iter(iterable);
    if (it.is_null()) {
      if (error_matches(exc_TypeError)) {
        clear_exception();
        return raise_error(exc_TypeError, "can only join an iterable");
      }
      return it;
    }
    items = list_from_iterable(it);
  }
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
  if (n == 0) return str_empty();
  if (n == 1 && is_exact_str(list_at(items, 0))) return list_at(items, 0);
  total += (n - 1) * str_length(sep);
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

}  // namespace tpy
