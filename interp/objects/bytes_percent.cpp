// interp/objects/bytes_percent.cpp -- printf-style `bytes % args` (PEP 461), after CPython's _PyBytes_FormatEx.
#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/bytes_internal.h"
#include "interp/objects/complex.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/text/percent_format.h"

namespace tpy {

namespace {

struct ArgSource {
  Value args;
  int64_t count = -1;  // -1: args is the single argument
  int64_t next = 0;
  Value mapping;       // args when it may serve %(key)

  Value take() {
    if (count < 0) {
      if (next++ == 0) return args;
    } else if (next < count) {
      return tuple_at(args, next++);
    }
    return raise_error(exc_TypeError, "not enough arguments for format string");
  }
};

bool int_like(Value v) { return v.is_int() || type_of(v)->has_flag(kTypeIntSubclass); }

// PyNumber_Check: numbers, and anything with __index__, __int__ or __float__.
bool number_like(Value v) {
  const TypeSlots& s = type_of(v)->slots;
  return int_like(v) || is_float(v) || is_complex(v) || s.index || s.int_ || s.float_;
}

// %b / %s: bytes, a buffer, or __bytes__.
bool append_bytes_of(std::string& out, Value v, int64_t precision) {
  Value b;
  if (is_bytes(v)) {
    b = v;
  } else if (has_buffer(v)) {
    BufferView bv;
    if (!bv.get(v, kBufAnyContiguity)) return false;
    std::string copy(static_cast<size_t>(bv.b.len), '\0');
    buffer_copy_out(bv.b, reinterpret_cast<uint8_t*>(copy.data()));
    std::string_view s = copy;
    if (precision >= 0 && static_cast<int64_t>(s.size()) > precision) s = s.substr(0, precision);
    out += s;
    return true;
  } else {
    static StrConst k_bytes("__bytes__");
    Value f = lookup_special(v, k_bytes.get());
    if (f.is_null()) {
      if (error_occurred()) return false;
      raise_format(exc_TypeError,
                   "%%b requires a bytes-like object, or an object that implements __bytes__, "
                   "not '%.100s'",
                   type_of(v)->c_name());
      return false;
    }
    b = call0(f);
    if (b.is_null()) return false;
    if (!is_bytes(b)) {
      raise_format(exc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                   type_of(b)->c_name());
      return false;
    }
  }
  std::string_view s = bytes_view(b);
  if (precision >= 0 && static_cast<int64_t>(s.size()) > precision) s = s.substr(0, precision);
  out += s;
  return true;
}

// Pads the conversion appended to [out] since [from] to the spec's width (text conversions).
void pad_text(std::string& out, size_t from, const text::PercentSpec& spec) {
  int64_t len = static_cast<int64_t>(out.size() - from);
  if (spec.width <= len) return;
  std::string fill(static_cast<size_t>(spec.width - len), ' ');
  if (spec.left) out += fill;
  else out.insert(from, fill);
}

bool format_int(std::string& out, const text::PercentSpec& spec, Value v) {
  char type = spec.conv;
  bool needs_index = type == 'o' || type == 'x' || type == 'X';
  Value iv;
  if (int_like(v)) {
    iv = int_operand(v);
    if (iv.is_null()) iv = number_index(v);
    if (iv.is_null()) return false;
  } else if (number_like(v)) {
    iv = needs_index ? number_index(v) : number_long(v);
    if (iv.is_null()) {
      if (!error_matches(exc_TypeError)) return false;
      clear_exception();
    }
  }
  if (iv.is_null()) {
    raise_format(exc_TypeError, "%%%c format: %s is required, not %.200s", type,
                 needs_index ? "an integer" : "a real number", type_of(v)->c_name());
    return false;
  }
  uint64_t storage;
  text::PercentSpec as_d = spec;
  if (as_d.conv == 'u') as_d.conv = 'd';
  text::percent_format_int(out, as_d, int_view(iv, &storage));
  return true;
}

bool format_float(std::string& out, const text::PercentSpec& spec, Value v) {
  double d;
  if (is_float(v)) {
    d = float_as_double(v);
  } else {
    Value f = number_like(v) && !is_complex(v) ? number_float(v) : Value();
    if (f.is_null()) {
      if (error_occurred() && !error_matches(exc_TypeError)) return false;
      clear_exception();
      raise_format(exc_TypeError, "float argument required, not %.200s", type_of(v)->c_name());
      return false;
    }
    d = float_as_double(f);
  }
  text::percent_format_float(out, spec, d);
  return true;
}

bool format_char(std::string& out, const text::PercentSpec& spec, Value v) {
  char c;
  if ((is_bytes(v) || is_bytearray(v)) && bytes_view(v).size() == 1) {
    c = bytes_view(v)[0];
  } else {
    Value iv = int_like(v) ? int_operand(v) : Value();
    if (iv.is_null() && !int_like(v) && type_of(v)->slots.index) iv = number_index(v);
    if (iv.is_null()) {
      if (error_occurred() && !error_matches(exc_TypeError)) return false;
      clear_exception();
      raise_error(exc_TypeError, "%c requires an integer in range(256) or a single byte");
      return false;
    }
    if (!iv.is_int() || iv.as_int() < 0 || iv.as_int() > 255) {
      raise_error(exc_OverflowError, "%c arg not in range(256)");
      return false;
    }
    c = static_cast<char>(iv.as_int());
  }
  size_t from = out.size();
  out += c;
  pad_text(out, from, spec);
  return true;
}

// A decimal number in the format at [i] (width or precision).
bool read_number(std::string_view f, size_t& i, int64_t* out, const char* what) {
  int64_t n = 0;
  while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
    int d = f[i] - '0';
    if (n > (INT64_MAX - d) / 10) {
      raise_format(exc_ValueError, "%s too big", what);
      return false;
    }
    n = n * 10 + d;
    i++;
  }
  *out = n;
  return true;
}

bool star_value(ArgSource& src, int64_t* out) {
  Value v = src.take();
  if (v.is_null()) return false;
  if (!int_like(v)) {
    raise_error(exc_TypeError, "* wants int");
    return false;
  }
  Value iv = int_operand(v);
  if (iv.is_null()) iv = number_index(v);
  if (iv.is_null()) return false;
  if (!int_to_i64(iv, out)) {
    raise_error(exc_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

}  // namespace

Value bytes_percent_format(Value format, Value args) {
  std::string fmt(bytes_view(format));
  std::string_view f = fmt;
  ArgSource src;
  src.args = args;
  if (is_tuple(args)) src.count = tuple_length(args);
  const TypeSlots& as = type_of(args)->slots;
  if (as.getitem != nullptr && !is_tuple(args) && !is_bytes(args) && !is_str(args))
    src.mapping = args;
  std::string out;
  size_t i = 0;
  while (i < f.size()) {
    size_t pct = f.find('%', i);
    if (pct == std::string_view::npos) {
      out += f.substr(i);
      break;
    }
    out += f.substr(i, pct - i);
    i = pct + 1;
    if (i < f.size() && f[i] == '%') {
      out += '%';
      i++;
      continue;
    }
    Value arg;
    ArgSource* from = &src;
    ArgSource keyed;
    if (i < f.size() && f[i] == '(') {
      if (src.mapping.is_null()) return raise_error(exc_TypeError, "format requires a mapping");
      size_t start = ++i;
      int depth = 1;
      while (i < f.size() && depth > 0) {
        if (f[i] == '(') depth++;
        else if (f[i] == ')') depth--;
        i++;
      }
      if (depth > 0) return raise_error(exc_ValueError, "incomplete format key");
      Value key = bytes_from_view(f.substr(start, i - 1 - start));
      if (key.is_null()) return key;
      Value v = getitem(src.mapping, key);
      if (v.is_null()) return v;
      keyed.args = v;
      from = &keyed;
      src.count = -1;
      src.next = 1;  // a mapping format uses no positional arguments
    }
    text::PercentSpec spec;
    for (; i < f.size(); i++) {
      char c = f[i];
      if (c == '-') spec.left = true;
      else if (c == '+') spec.plus = true;
      else if (c == ' ') spec.blank = true;
      else if (c == '#') spec.alt = true;
      else if (c == '0') spec.zero = true;
      else break;
    }
    if (i < f.size() && f[i] == '*') {
      if (!star_value(*from, &spec.width)) return Value();
      if (spec.width < 0) {
        spec.left = true;
        spec.width = -spec.width;
      }
      i++;
    } else if (i < f.size() && f[i] >= '0' && f[i] <= '9') {
      if (!read_number(f, i, &spec.width, "width")) return Value();
    }
    if (i < f.size() && f[i] == '.') {
      i++;
      if (i < f.size() && f[i] == '*') {
        if (!star_value(*from, &spec.precision)) return Value();
        if (spec.precision < 0) spec.precision = 0;
        i++;
      } else {
        if (!read_number(f, i, &spec.precision, "precision")) return Value();
      }
    }
    if (spec.width >= 0 && !bytes_size_ok(spec.width)) return Value();
    if (spec.precision >= 0 && !bytes_size_ok(spec.precision)) return Value();
    while (i < f.size() && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) i++;
    if (i >= f.size()) return raise_error(exc_ValueError, "incomplete format");
    char conv = f[i++];
    // '%' after flags or a width is no escape: it takes an argument and is then refused.
    arg = from->take();
    if (arg.is_null()) return arg;
    spec.conv = conv == 'i' ? 'd' : conv;
    switch (conv) {
      case 'b':
      case 's': {
        size_t at = out.size();
        if (!append_bytes_of(out, arg, spec.precision)) return Value();
        pad_text(out, at, spec);
        break;
      }
      case 'r':
      case 'a': {
        Value r = object_ascii(arg);
        if (r.is_null()) return r;
        std::string text = str_to_utf8(r);
        if (spec.precision >= 0 && static_cast<int64_t>(text.size()) > spec.precision)
          text.resize(static_cast<size_t>(spec.precision));
        size_t at = out.size();
        out += text;
        pad_text(out, at, spec);
        break;
      }
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        if (!format_int(out, spec, arg)) return Value();
        break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        if (!format_float(out, spec, arg)) return Value();
        break;
      case 'c':
        if (!format_char(out, spec, arg)) return Value();
        break;
      default:
        return raise_format(exc_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                            conv >= 32 && conv < 127 ? conv : '?',
                            static_cast<unsigned>(static_cast<unsigned char>(conv)), i - 1);
    }
  }
  if (src.mapping.is_null() && src.next < (src.count < 0 ? 1 : src.count))
    return raise_error(exc_TypeError, "not all arguments converted during bytes formatting");
  return bytes_from_view(out);
}

}  // namespace tpy
