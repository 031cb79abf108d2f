// interp/objects/str_methods_pad.cpp -- str's padding methods: center, ljust, rjust, zfill, expandtabs.
#include <string>

#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/str_internal.h"

namespace tpy {

namespace {

// width and the optional fillchar of center/ljust/rjust (Argument Clinic's Py_UCS4 converter).
bool pad_args(const char* name, const Value* args, size_t nargs, int64_t* width,
              uint32_t* fill) {
  if (!check_nargs(name, nargs, 1, 2)) return false;
  if (!arg_to_index(args[0], width)) return false;
  *fill = ' ';
  if (nargs == 2) {
    Value f = args[1];
    if (!is_str(f)) {
      raise_format(exc_TypeError, "The fill character must be a unicode character, not %.200s",
                   type_of(f)->c_name());
      return false;
    }
    if (str_length(f) != 1) {
      raise_error(exc_TypeError, "The fill character must be exactly one character long");
      return false;
    }
    *fill = as_str(f)->at(0);
  }
  return true;
}

Value pad(Value self, int64_t left, int64_t right, uint32_t fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return str_exact(self);
  std::u32string out(static_cast<size_t>(left), fill);
  str_append_u32(out, self);
  out.append(static_cast<size_t>(right), fill);
  return str_from_u32(out);
}

Value justify(Value self, const Value* args, size_t nargs, const char* name) {
  int64_t width;
  uint32_t fill;
  if (!pad_args(name, args, nargs, &width, &fill)) return Value();
  int64_t len = str_length(self);
  if (len >= width) return str_exact(self);
  int64_t marg = width - len;
  switch (name[0]) {
    case 'l': return pad(self, 0, marg, fill);
    case 'r': return pad(self, marg, 0, fill);
    default: {
      // CPython's rounding: the odd column goes left only when width is odd as well.
      int64_t left = marg / 2 + (marg & width & 1);
      return pad(self, left, marg - left, fill);
    }
  }
}

}  // namespace

Value m_center(Value self, const Value* a, size_t n, Value) { return justify(self, a, n, "center"); }
Value m_ljust(Value self, const Value* a, size_t n, Value) { return justify(self, a, n, "ljust"); }
Value m_rjust(Value self, const Value* a, size_t n, Value) { return justify(self, a, n, "rjust"); }

Value m_zfill(Value self, const Value* args, size_t, Value) {
  int64_t width;
  if (!arg_to_index(args[0], &width)) return Value();
  int64_t len = str_length(self);
  if (len >= width) return str_exact(self);
  std::u32string out(static_cast<size_t>(width - len), U'0');
  str_append_u32(out, self);
  size_t fill = static_cast<size_t>(width - len);
  if (out[fill] == '+' || out[fill] == '-') {
    out[0] = out[fill];
    out[fill] = '0';
  }
  return str_from_u32(out);
}

Value m_expandtabs(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"tabsize", nullptr};
  Value tabsize_v;
  ArgSpec spec{"expandtabs", kw, 0, 1, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&tabsize_v})) return Value();
  int64_t tabsize = 8;
  if (!tabsize_v.is_null() && !arg_to_index(tabsize_v, &tabsize)) return Value();
  const StrObject* s = as_str(self);
  bool any_tab = false;
  for (int64_t i = 0; i < s->length && !any_tab; i++) any_tab = s->at(i) == '\t';
  if (!any_tab) return str_exact(self);
  std::u32string out;
  int64_t column = 0;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t n = tabsize - column % tabsize;
        out.append(static_cast<size_t>(n), U' ');
        column += n;
      }
    } else {
      out.push_back(c);
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  }
  return str_from_u32(out);
}

}  // namespace tpy
