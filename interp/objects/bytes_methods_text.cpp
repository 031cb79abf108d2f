// interp/objects/bytes_methods_text.cpp -- bytes/bytearray methods that map bytes: case, strip, pad, hex, translate.
#include <cstring>
#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/bytes_internal.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"

namespace tpy {

namespace {

uint8_t to_lower(uint8_t c) { return byte_is_upper(c) ? c + 32 : c; }
uint8_t to_upper(uint8_t c) { return byte_is_lower(c) ? c - 32 : c; }

enum class CaseOp { Lower, Upper, Swap, Capitalize, Title };

Value map_case(Value self, CaseOp op) {
  std::string s(bytes_view(self));
  bool prev_cased = false;
  for (size_t i = 0; i < s.size(); i++) {
    uint8_t c = static_cast<uint8_t>(s[i]);
    switch (op) {
      case CaseOp::Lower: c = to_lower(c); break;
      case CaseOp::Upper: c = to_upper(c); break;
      case CaseOp::Swap: c = byte_is_upper(c) ? to_lower(c) : to_upper(c); break;
      case CaseOp::Capitalize: c = i == 0 ? to_upper(c) : to_lower(c); break;
      case CaseOp::Title:
        c = prev_cased ? to_lower(c) : to_upper(c);
        prev_cased = byte_is_alpha(c);
        break;
    }
    s[i] = static_cast<char>(c);
  }
  return bytes_result(self, s);
}

template <bool (*Pred)(uint8_t)>
Value all_bytes(Value self) {
  std::string_view s = bytes_view(self);
  if (s.empty()) return False();
  for (unsigned char c : s)
    if (!Pred(c)) return False();
  return True();
}

// islower / isupper: no byte of the other case and at least one of this one.
Value cased_only(Value self, bool (*want)(uint8_t), bool (*other)(uint8_t)) {
  bool any = false;
  for (unsigned char c : bytes_view(self)) {
    if (other(c)) return False();
    any |= want(c);
  }
  return Bool(any);
}

// int converters of AC ("Python int too large to convert to C int").
bool cint_arg(Value v, int64_t* out) {
  if (!bytes_ssize_arg(v, out)) {
    if (error_matches(exc_OverflowError)) {
      clear_exception();
      raise_error(exc_OverflowError, "Python int too large to convert to C int");
    }
    return false;
  }
  if (*out > INT32_MAX || *out < INT32_MIN) {
    raise_error(exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  return true;
}

Value pad_impl(Value self, const Value* args, size_t nargs, const char* fname, int where) {
  if (!check_nargs(fname, nargs, 1, 2)) return Value();
  int64_t width;
  if (!bytes_ssize_arg(args[0], &width)) return Value();
  char fill = ' ';
  if (nargs > 1) {
    Value f = args[1];
    if ((is_bytes(f) || is_bytearray(f)) && bytes_view(f).size() == 1) {
      fill = bytes_view(f)[0];
    } else {
      return raise_format(exc_TypeError,
                          "%s() argument 2 must be a byte string of length 1, not %.50s", fname,
                          type_of(f)->c_name());
    }
  }
  std::string_view s = bytes_view(self);
  int64_t len = static_cast<int64_t>(s.size());
  if (width <= len) return bytes_result_self(self);
  if (!bytes_size_ok(width)) return Value();
  int64_t marg = width - len, left;
  if (where < 0) left = 0;
  else if (where > 0) left = marg;
  else left = marg / 2 + (marg & width & 1);
  std::string out(static_cast<size_t>(left), fill);
  out += s;
  out.append(static_cast<size_t>(marg - left), fill);
  return bytes_result(self, out);
}

Value strip_impl(Value self, const Value* args, size_t nargs, const char* fname, bool left,
                 bool right) {
  if (!check_nargs(fname, nargs, 0, 1)) return Value();
  BufferView v;
  bool ws = nargs == 0 || is_none(args[0]);
  if (!ws && !arg_buffer(args[0], v)) return Value();
  std::string_view chars = v.bytes();
  auto strip_it = [&](unsigned char c) {
    return ws ? byte_is_space(c) : chars.find(static_cast<char>(c)) != std::string_view::npos;
  };
  std::string_view s = bytes_view(self);
  size_t i = 0, j = s.size();
  if (left)
    while (i < j && strip_it(static_cast<unsigned char>(s[i]))) i++;
  if (right)
    while (j > i && strip_it(static_cast<unsigned char>(s[j - 1]))) j--;
  if (i == 0 && j == s.size()) return bytes_result_self(self);
  return bytes_result(self, s.substr(i, j - i));
}

int hex_digit(uint32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

}  // namespace

Value bm_lower(Value self, const Value*, size_t, Value) { return map_case(self, CaseOp::Lower); }
Value bm_upper(Value self, const Value*, size_t, Value) { return map_case(self, CaseOp::Upper); }
Value bm_swapcase(Value self, const Value*, size_t, Value) { return map_case(self, CaseOp::Swap); }
Value bm_capitalize(Value self, const Value*, size_t, Value) { return map_case(self, CaseOp::Capitalize); }
Value bm_title(Value self, const Value*, size_t, Value) { return map_case(self, CaseOp::Title); }

Value bm_isalnum(Value self, const Value*, size_t, Value) { return all_bytes<byte_is_alnum>(self); }
Value bm_isalpha(Value self, const Value*, size_t, Value) { return all_bytes<byte_is_alpha>(self); }
Value bm_isdigit(Value self, const Value*, size_t, Value) { return all_bytes<byte_is_digit>(self); }
Value bm_isspace(Value self, const Value*, size_t, Value) { return all_bytes<byte_is_space>(self); }
Value bm_isascii(Value self, const Value*, size_t, Value) {
  for (unsigned char c : bytes_view(self))
    if (c >= 128) return False();
  return True();
}
Value bm_islower(Value self, const Value*, size_t, Value) { return cased_only(self, byte_is_lower, byte_is_upper); }
Value bm_isupper(Value self, const Value*, size_t, Value) { return cased_only(self, byte_is_upper, byte_is_lower); }
Value bm_istitle(Value self, const Value*, size_t, Value) {
  bool cased = false, prev_cased = false;
  for (unsigned char c : bytes_view(self)) {
    if (byte_is_upper(c)) {
      if (prev_cased) return False();
      prev_cased = cased = true;
    } else if (byte_is_lower(c)) {
      if (!prev_cased) return False();
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return Bool(cased);
}

Value bm_center(Value self, const Value* a, size_t n, Value) { return pad_impl(self, a, n, "center", 0); }
Value bm_ljust(Value self, const Value* a, size_t n, Value) { return pad_impl(self, a, n, "ljust", -1); }
Value bm_rjust(Value self, const Value* a, size_t n, Value) { return pad_impl(self, a, n, "rjust", 1); }

Value bm_zfill(Value self, const Value* args, size_t, Value) {
  int64_t width;
  if (!bytes_ssize_arg(args[0], &width)) return Value();
  std::string_view s = bytes_view(self);
  int64_t len = static_cast<int64_t>(s.size());
  if (width <= len) return bytes_result_self(self);
  if (!bytes_size_ok(width)) return Value();
  std::string out(static_cast<size_t>(width - len), '0');
  out += s;
  size_t fill = static_cast<size_t>(width - len);
  if (len > 0 && (out[fill] == '+' || out[fill] == '-')) {
    out[0] = out[fill];
    out[fill] = '0';
  }
  return bytes_result(self, out);
}

Value bm_strip(Value self, const Value* a, size_t n, Value) { return strip_impl(self, a, n, "strip", true, true); }
Value bm_lstrip(Value self, const Value* a, size_t n, Value) { return strip_impl(self, a, n, "lstrip", true, false); }
Value bm_rstrip(Value self, const Value* a, size_t n, Value) { return strip_impl(self, a, n, "rstrip", false, true); }

Value bm_expandtabs(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"tabsize", nullptr};
  Value tab_v;
  ArgSpec spec{"expandtabs", kw, 0, 1, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&tab_v})) return Value();
  int64_t tabsize = 8;
  if (!tab_v.is_null() && !cint_arg(tab_v, &tabsize)) return Value();
  std::string_view s = bytes_view(self);
  std::string out;
  int64_t col = 0;
  for (char c : s) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t incr = tabsize - (col % tabsize);
        col += incr;
        if (!bytes_size_ok(static_cast<int64_t>(out.size()) + incr)) return Value();
        out.append(static_cast<size_t>(incr), ' ');
      }
    } else {
      col++;
      out += c;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return bytes_result(self, out);
}

// bytes.hex / bytearray.hex / memoryview.hex share this (_Py_strhex_impl).
Value bytes_hex_impl(std::string_view data, Value sep, Value bps_v) {
  int64_t bps = 1;
  if (!bps_v.is_null() && !cint_arg(bps_v, &bps)) return Value();
  char sep_char = 0;
  if (!sep.is_null()) {
    int64_t seplen = object_length(sep);
    if (seplen < 0) return Value();
    if (seplen != 1) return raise_error(exc_ValueError, "sep must be length 1.");
    uint32_t c;
    if (is_str(sep)) {
      c = as_str(sep)->at(0);
    } else if (is_bytes(sep)) {
      c = as_bytes(sep)->data()[0];
    } else {
      return raise_error(exc_TypeError, "sep must be str or bytes.");
    }
    if (c > 127) return raise_error(exc_ValueError, "sep must be ASCII.");
    sep_char = static_cast<char>(c);
  }
  static const char hex[] = "0123456789abcdef";
  std::string out;
  int64_t n = static_cast<int64_t>(data.size());
  int64_t group = bps < 0 ? -bps : bps;
  if (sep.is_null() || bps == 0 || n == 0) group = 0;
  out.reserve(static_cast<size_t>(n) * 3);
  for (int64_t i = 0; i < n; i++) {
    if (group && i > 0) {
      // Positive: groups counted from the right end; negative: from the left.
      bool boundary = bps > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep_char;
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return str_from_ascii(out);
}

Value bm_hex(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"sep", "bytes_per_sep", nullptr};
  Value sep, bps;
  ArgSpec spec{"hex", kw, 0, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&sep, &bps})) return Value();
  return bytes_hex_impl(bytes_view(self), sep, bps);
}

Value bm_fromhex(Value cls, const Value* args, size_t, Value) {
  Value s = args[0];
  if (!is_str(s))
    return raise_format(exc_TypeError, "fromhex() argument must be str, not %.200s",
                        type_of(s)->c_name());
  const StrObject* o = as_str(s);
  int64_t n = o->length;
  std::string out;
  int64_t i = 0, bad = -1;
  for (;;) {
    while (i < n && o->at(i) < 128 && byte_is_space(static_cast<uint8_t>(o->at(i)))) i++;
    if (i >= n) break;
    int hi = hex_digit(o->at(i));
    if (hi < 0) {
      bad = i;
      break;
    }
    int lo = i + 1 < n ? hex_digit(o->at(i + 1)) : -1;
    if (lo < 0) {
      bad = i + 1;
      break;
    }
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  if (bad >= 0) {
    if (!o->ascii())  // CPython reports the first non-ASCII character of such a string
      for (bad = 0; bad < n && o->at(bad) < 128; bad++) {
      }
    return raise_format(exc_ValueError,
                        "non-hexadecimal number found in fromhex() arg at position %lld",
                        static_cast<long long>(bad));
  }
  Type* t = as_type(cls);
  bool mutable_family = type_is_subtype(t, &bytearray_type);
  Value r = mutable_family ? bytearray_from_data(out.data(), out.size()) : bytes_from_view(out);
  if (r.is_null() || t == &bytes_type || t == &bytearray_type) return r;
  return call1(cls, r);
}

Value bm_translate(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"", "delete", nullptr};
  Value table, del;
  ArgSpec spec{"translate", kw, 1, 2, 1, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&table, &del})) return Value();
  BufferView tv, dv;
  if (!is_none(table)) {
    if (!tv.get(table)) return Value();
    if (tv.b.len != 256)
      return raise_error(exc_ValueError, "translation table must be 256 characters long");
  }
  if (!del.is_null() && !dv.get(del)) return Value();
  bool drop[256] = {};
  for (unsigned char c : dv.bytes()) drop[c] = true;
  std::string_view s = bytes_view(self);
  std::string out;
  out.reserve(s.size());
  bool changed = false;
  for (unsigned char c : s) {
    if (drop[c]) {
      changed = true;
      continue;
    }
    unsigned char m = tv.b.len ? tv.b.data[c] : c;
    changed |= m != c;
    out += static_cast<char>(m);
  }
  if (!changed) return bytes_result_self(self);
  return bytes_result(self, out);
}

Value bm_maketrans(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("maketrans", nargs, 2, 2)) return Value();
  BufferView f, t;
  if (!f.get(args[0]) || !t.get(args[1])) return Value();
  if (f.b.len != t.b.len)
    return raise_error(exc_ValueError, "maketrans arguments must have same length");
  Value r = bytes_new_uninit(256);
  if (r.is_null()) return r;
  uint8_t* d = as_bytes(r)->data();
  for (int i = 0; i < 256; i++) d[i] = static_cast<uint8_t>(i);
  for (int64_t i = 0; i < f.b.len; i++) d[f.b.data[i]] = t.b.data[i];
  return r;
}

Value bm_decode(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"encoding", "errors", nullptr};
  Value enc, errors;
  ArgSpec spec{"decode", kw, 0, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&enc, &errors})) return Value();
  if (!enc.is_null() && !is_str(enc))
    return raise_format(exc_TypeError, "decode() argument 'encoding' must be str, not %.200s",
                        type_of(enc)->c_name());
  if (!errors.is_null() && !is_str(errors))
    return raise_format(exc_TypeError, "decode() argument 'errors' must be str, not %.200s",
                        type_of(errors)->c_name());
  return bytes_decode(self, enc, errors);
}

}  // namespace tpy
