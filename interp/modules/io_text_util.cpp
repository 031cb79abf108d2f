// interp/modules/io_text_util.cpp -- Line splitting and newline translation shared by
// TextIOWrapper and StringIO.
#include <string>

#include "interp/modules/io_internal.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

int64_t text_line_end(Value s, int64_t start, NewlineMode mode, Value newline, bool final) {
  StrObject* so = as_str(s);
  int64_t n = so->length;
  if (mode == NewlineMode::Universal) {
    for (int64_t i = start; i < n; i++)
      if (so->at(i) == '\n') return i + 1;
    return -1;
  }
  if (mode == NewlineMode::Any) {
    for (int64_t i = start; i < n; i++) {
      uint32_t c = so->at(i);
      if (c == '\n') return i + 1;
      if (c == '\r') {
        if (i + 1 < n) return so->at(i + 1) == '\n' ? i + 2 : i + 1;
        return final ? i + 1 : -1;
      }
    }
    return -1;
  }
  StrObject* nl = as_str(newline);
  int64_t m = nl->length;
  for (int64_t i = start; i + m <= n; i++) {
    bool match = true;
    for (int64_t j = 0; j < m && match; j++) match = so->at(i + j) == nl->at(j);
    if (match) return i + m;
  }
  return -1;
}

Value text_translate_input(Value s) {
  StrObject* so = as_str(s);
  bool has_cr = false;
  for (int64_t i = 0; i < so->length && !has_cr; i++) has_cr = so->at(i) == '\r';
  if (!has_cr) return s;
  std::string in = str_to_utf8(s), out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); i++) {
    if (in[i] == '\r') {
      out += '\n';
      if (i + 1 < in.size() && in[i + 1] == '\n') i++;
    } else {
      out += in[i];
    }
  }
  return str_from_utf8(out);
}

Value text_translate_output(Value s, Value newline) {
  if (newline.is_null() || is_none(newline) || str_equal_ascii(newline, "\n") ||
      str_length(newline) == 0)
    return s;
  StrObject* so = as_str(s);
  bool has_nl = false;
  for (int64_t i = 0; i < so->length && !has_nl; i++) has_nl = so->at(i) == '\n';
  if (!has_nl) return s;
  std::string in = str_to_utf8(s), nl = str_to_utf8(newline), out;
  for (char c : in) {
    if (c == '\n') out += nl;
    else out += c;
  }
  return str_from_utf8(out);
}

Value newlines_seen(int64_t seen) {
  static const char* const names[] = {"\r", "\n", "\r\n"};
  Value parts[3];
  int n = 0;
  for (int i = 0; i < 3; i++)
    if (seen & (1 << i)) parts[n++] = str_intern(names[i]);
  if (n == 0) return None();
  return n == 1 ? parts[0] : tuple_from_array(parts, n);
}

bool text_newline_arg(Value v, NewlineMode* mode, Value* newline) {
  if (v.is_null() || is_none(v)) {
    *mode = NewlineMode::Universal;
    *newline = None();
    return true;
  }
  if (!is_str(v)) {
    raise_format(exc_TypeError, "newline must be str or None, not %.200s", type_of(v)->c_name());
    return false;
  }
  *newline = v;
  if (str_length(v) == 0) {
    *mode = NewlineMode::Any;
    return true;
  }
  if (str_equal_ascii(v, "\n") || str_equal_ascii(v, "\r") || str_equal_ascii(v, "\r\n")) {
    *mode = NewlineMode::Exact;
    return true;
  }
  raise_format(exc_ValueError, "illegal newline value: %R", v);
  return false;
}

}  // namespace tpy
