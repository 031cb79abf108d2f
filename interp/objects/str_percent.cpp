// interp/objects/str_percent.cpp -- printf-style `str % args`: parsing, argument fetching and coercion.
//
// The walk over the format and the order of its checks follow CPython 3.11's PyUnicode_Format
// (which error wins matters: '%y' % () is "not enough arguments", '%y' % 1 an unsupported
// character). The conversions themselves are interp/text/percent_format's.
#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/complex.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str_internal.h"
#include "interp/objects/tuple.h"
#include "interp/text/percent_format.h"
#include "interp/unicode/utf8.h"

namespace tpy {

namespace {

struct Formatter {
  Value fmt;
  int64_t pos = 0;    // next code point of fmt
  int64_t len = 0;
  Value args;         // the tuple, the single argument, or the value of the last %(key)
  int64_t arglen = -1;
  int64_t argidx = -2;
  Value dict;         // set when args is a mapping (only then may %(key) be used)
  bool converted = false;  // a '%' was seen
  std::string out;

  uint32_t at(int64_t i) const { return as_str(fmt)->at(i); }

  Value next_arg() {
    if (argidx < arglen) {
      int64_t i = argidx++;
      return arglen < 0 ? args : tuple_at(args, i);
    }
    return raise_error(exc_TypeError, "not enough arguments for format string");
  }
};

bool is_int_like(Value v) {
  return v.is_int() || type_of(v)->has_flag(kTypeIntSubclass);
}

// An int argument as an exact int (bools and subclasses through __index__).
Value exact_int(Value v) {
  Value i = int_operand(v);
  return i.is_null() ? number_index(v) : i;
}

// '*' of a width or precision: an int argument.
bool star_arg(Formatter& f, int64_t* out) {
  Value v = f.next_arg();
  if (v.is_null()) return false;
  if (!is_int_like(v)) {
    raise_error(exc_TypeError, "* wants int");
    return false;
  }
  Value i = exact_int(v);
  if (i.is_null()) return false;
  if (!int_to_i64(i, out)) {
    raise_error(exc_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

// PyFloat_AsDouble: a float, or anything with __float__ or __index__.
bool real_arg(Value v, double* out) {
  if (is_float(v)) {
    *out = float_as_double(v);
    return true;
  }
  const TypeSlots& s = type_of(v)->slots;
  if (!v.is_int() && s.float_ == nullptr && s.index == nullptr && !is_int_like(v)) {
    raise_format(exc_TypeError, "must be real number, not %.200s", type_of(v)->c_name());
    return false;
  }
  Value fl = number_float(v);
  if (fl.is_null()) return false;
  *out = float_as_double(fl);
  return true;
}

// %d %i %u %o %x %X (CPython's mainformatlong).
bool format_integer(Formatter& f, const text::PercentSpec& spec, Value v) {
  char type = spec.conv;
  const TypeSlots& s = type_of(v)->slots;
  // PyNumber_Check: also true for complex numbers, which then fail int() below.
  bool is_number = is_int_like(v) || s.index || s.int_ || s.float_ || is_complex(v);
  Value iv;
  if (is_number) {
    if (is_int_like(v)) iv = exact_int(v);
    else if (type == 'o' || type == 'x' || type == 'X') iv = number_index(v);
    else iv = number_long(v);
    if (iv.is_null() && !error_matches(exc_TypeError)) return false;
    if (iv.is_null()) clear_exception();
  }
  if (iv.is_null()) {
    if (type == 'o' || type == 'x' || type == 'X')
      raise_format(exc_TypeError, "%%%c format: an integer is required, not %.200s", type,
                   type_of(v)->c_name());
    else
      raise_format(exc_TypeError, "%%%c format: a real number is required, not %.200s", type,
                   type_of(v)->c_name());
    return false;
  }
  iv = int_operand(iv);
  uint64_t storage;
  text::percent_format_int(f.out, spec, int_view(iv, &storage));
  return true;
}

// %c: a one-character str or an int code point (formatchar).
bool format_char(Formatter& f, const text::PercentSpec& spec, Value v) {
  char32_t c;
  if (is_str(v)) {
    if (str_length(v) != 1) {
      raise_error(exc_TypeError, "%c requires int or char");
      return false;
    }
    c = as_str(v)->at(0);
  } else {
    if (!is_int_like(v) && type_of(v)->slots.index == nullptr) {
      raise_error(exc_TypeError, "%c requires int or char");
      return false;
    }
    Value i = exact_int(v);
    if (i.is_null()) return false;
    i = int_operand(i);
    uint64_t storage;
    text::NumError err;
    if (!text::percent_char_from_int(int_view(i, &storage), &c, err)) {
      raise_num_error(err);
      return false;
    }
  }
  text::percent_format_char(f.out, spec, c);
  return true;
}

// One conversion after its '%' (unicode_format_arg_parse + unicode_format_arg_format).
bool format_one(Formatter& f) {
  text::PercentSpec spec;
  int64_t& pos = f.pos;
  auto remaining = [&] { return f.len - pos; };
  if (f.at(pos) == '(') {
    if (f.dict.is_null()) {
      raise_error(exc_TypeError, "format requires a mapping");
      return false;
    }
    int depth = 1;
    int64_t key_start = ++pos;
    while (depth > 0 && pos < f.len) {
      uint32_t c = f.at(pos++);
      if (c == ')') depth--;
      else if (c == '(') depth++;
    }
    if (depth > 0) {
      raise_error(exc_ValueError, "incomplete format key");
      return false;
    }
    Value key = str_substring(f.fmt, key_start, pos - 1);
    if (key.is_null()) return false;
    Value v = getitem(f.dict, key);
    if (v.is_null()) return false;
    f.args = v;
    f.arglen = -1;
    f.argidx = -2;
  }
  // From here on [ch] is the character just read, as in CPython's loop.
  uint32_t ch = 0;
  bool have = false;
  auto read = [&] {
    have = remaining() > 0;
    if (have) ch = f.at(pos++);
    return have;
  };
  while (read()) {
    if (ch == '-') spec.left = true;
    else if (ch == '+') spec.plus = true;
    else if (ch == ' ') spec.blank = true;
    else if (ch == '#') spec.alt = true;
    else if (ch == '0') spec.zero = true;
    else break;
  }
  if (have && ch == '*') {
    if (!star_arg(f, &spec.width)) return false;
    if (spec.width < 0) {
      spec.left = true;
      spec.width = -spec.width;
    }
    read();
  } else if (have && ch >= '0' && ch <= '9') {
    spec.width = ch - '0';
    while (read() && ch >= '0' && ch <= '9') {
      if (spec.width > (INT64_MAX - (ch - '0')) / 10) {
        raise_error(exc_ValueError, "width too big");
        return false;
      }
      spec.width = spec.width * 10 + (ch - '0');
    }
  }
  if (have && ch == '.') {
    spec.precision = 0;
    read();
    if (have && ch == '*') {
      int64_t p;
      if (!star_arg(f, &p)) return false;
      if (p > INT32_MAX || p < INT32_MIN) {
        raise_error(exc_OverflowError, "Python int too large to convert to C int");
        return false;
      }
      spec.precision = p < 0 ? 0 : p;
      read();
    } else if (have && ch >= '0' && ch <= '9') {
      spec.precision = ch - '0';
      while (read() && ch >= '0' && ch <= '9') {
        if (spec.precision > (INT32_MAX - (ch - '0')) / 10) {
          raise_error(exc_ValueError, "precision too big");
          return false;
        }
        spec.precision = spec.precision * 10 + (ch - '0');
      }
    }
  }
  if (have && (ch == 'h' || ch == 'l' || ch == 'L')) read();
  if (!have) {
    raise_error(exc_ValueError, "incomplete format");
    return false;
  }
  Value v = f.next_arg();
  if (v.is_null()) return false;
  switch (ch) {
    case 's': case 'r': case 'a': {
      spec.conv = static_cast<char>(ch);
      Value text = ch == 's' ? object_str(v) : ch == 'r' ? object_repr(v) : object_ascii(v);
      if (text.is_null()) return false;
      text::percent_format_text(f.out, spec, str_to_utf8(text));
      return true;
    }
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      spec.conv = static_cast<char>(ch);
      return format_integer(f, spec, v);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
      spec.conv = static_cast<char>(ch);
      double d;
      if (!real_arg(v, &d)) return false;
      text::percent_format_float(f.out, spec, d);
      return true;
    }
    case 'c':
      spec.conv = 'c';
      return format_char(f, spec, v);
    default:
      raise_format(exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                   (ch >= 31 && ch <= 126) ? static_cast<int>(ch) : '?', static_cast<unsigned>(ch),
                   static_cast<size_t>(pos - 1));
      return false;
  }
}

}  // namespace

Value str_percent_format(Value fmt, Value args) {
  Formatter f;
  f.fmt = fmt;
  f.len = str_length(fmt);
  f.args = args;
  if (is_tuple(args)) {
    f.arglen = tuple_length(args);
    f.argidx = 0;
  }
  if (type_of(args)->slots.getitem != nullptr && !is_tuple(args) && !is_str(args)) f.dict = args;
  while (f.pos < f.len) {
    uint32_t c = f.at(f.pos);
    if (c != '%') {
      unicode::encode_utf8(f.out, c);
      f.pos++;
      continue;
    }
    f.pos++;
    f.converted = true;
    if (f.pos >= f.len) return raise_error(exc_ValueError, "incomplete format");
    if (f.at(f.pos) == '%') {  // "%%" right away; "%5%" is a conversion (and an error)
      f.pos++;
      f.out += '%';
      continue;
    }
    if (!format_one(f)) return Value();
    if (!f.dict.is_null() && f.argidx < f.arglen)
      return raise_error(exc_TypeError, "not all arguments converted during string formatting");
  }
  if (f.argidx < f.arglen && f.dict.is_null())
    return raise_error(exc_TypeError, "not all arguments converted during string formatting");
  // A format without conversions comes back as the very object, a str subclass included, as
  // CPython's writer hands back a str it was given whole.
  if (!f.converted) return fmt;
  return str_from_utf8(f.out);
}

Value str_mod_slot(Value a, Value b) {
  if (!is_str(a)) return NotImplemented();
  return str_percent_format(a, b);
}

}  // namespace tpy
