// interp/objects/str_format.cpp -- str.format, str.format_map and str.__format__ (the markup of PEP 3101).
#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/num_util.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str_format.h"
#include "interp/objects/str_internal.h"
#include "interp/objects/tuple.h"
#include "interp/text/format_spec.h"
#include "interp/unicode/char_props.h"

namespace tpy {

namespace {

inline uint32_t char_at(Value s, int64_t i) { return as_str(s)->at(i); }

// The decimal value of s[start:end] in any Unicode digits, -1 when it is not a number (or
// empty), -2 with ValueError pending when it does not fit (CPython's get_integer).
int64_t get_integer(Value s, int64_t start, int64_t end) {
  if (start >= end) return -1;
  int64_t acc = 0;
  for (int64_t i = start; i < end; i++) {
    int d = unicode::decimal_value(char_at(s, i));
    if (d < 0) return -1;
    if (acc > (INT64_MAX - d) / 10) {
      raise_error(exc_ValueError, "Too many decimal digits in format string");
      return -2;
    }
    acc = acc * 10 + d;
  }
  return acc;
}

}  // namespace

// -- The markup parser -------------------------------------------------------------------------------

int MarkupIterator::next(MarkupPiece& out) {
  out = MarkupPiece();
  if (m_pos >= m_end) return 1;
  int64_t start = m_pos;
  uint32_t c = 0;
  bool markup_follows = false;
  while (m_pos < m_end) {
    c = char_at(m_str, m_pos++);
    if (c == '{' || c == '}') {
      markup_follows = true;
      break;
    }
  }
  bool at_end = m_pos >= m_end;
  int64_t len = m_pos - start;
  if (c == '}' && markup_follows && (at_end || char_at(m_str, m_pos) != '}')) {
    raise_error(exc_ValueError, "Single '}' encountered in format string");
    return 0;
  }
  if (at_end && c == '{' && markup_follows) {
    raise_error(exc_ValueError, "Single '{' encountered in format string");
    return 0;
  }
  if (!at_end && markup_follows) {
    if (char_at(m_str, m_pos) == c) {
      // "{{" or "}}": the first brace is literal text, the second is skipped.
      m_pos++;
      markup_follows = false;
    } else {
      len--;
    }
  }
  out.literal_start = start;
  out.literal_end = start + len;
  if (!markup_follows) return 2;
  out.field = true;
  return parse_field(out) ? 2 : 0;
}

bool MarkupIterator::parse_field(MarkupPiece& out) {
  uint32_t c = 0;
  out.name_start = m_pos;
  while (m_pos < m_end) {
    c = char_at(m_str, m_pos++);
    if (c == '{') {
      raise_error(exc_ValueError, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (m_pos < m_end && char_at(m_str, m_pos) != ']') m_pos++;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  out.name_end = m_pos - 1;
  if (c == '!' || c == ':') {
    if (c == '!') {
      if (m_pos >= m_end) {
        raise_error(exc_ValueError, "end of string while looking for conversion specifier");
        return false;
      }
      out.conversion = char_at(m_str, m_pos++);
      if (m_pos < m_end) {
        c = char_at(m_str, m_pos++);
        if (c == '}') return true;
        if (c != ':') {
          raise_error(exc_ValueError, "expected ':' after conversion specifier");
          return false;
        }
      }
    }
    out.has_spec = true;
    out.spec_start = m_pos;
    int count = 1;
    while (m_pos < m_end) {
      c = char_at(m_str, m_pos++);
      if (c == '{') {
        out.spec_needs_expanding = true;
        count++;
      } else if (c == '}') {
        if (--count == 0) {
          out.spec_end = m_pos - 1;
          return true;
        }
      }
    }
    raise_error(exc_ValueError, "unmatched '{' in format spec");
    return false;
  }
  if (c != '}') {
    raise_error(exc_ValueError, "expected '}' before end of string");
    return false;
  }
  return true;
}

bool field_name_split(Value s, int64_t start, int64_t end, int64_t* first_end,
                      int64_t* first_index, AutoNumber* autonum) {
  int64_t i = start;
  while (i < end) {
    uint32_t c = char_at(s, i);
    if (c == '[' || c == '.') break;
    i++;
  }
  *first_end = i;
  int64_t idx = get_integer(s, start, i);
  if (idx == -2) return false;
  *first_index = idx;
  bool empty = start >= i;
  bool numeric = empty || idx != -1;
  if (autonum) {
    if (autonum->state == AutoNumber::Init && numeric)
      autonum->state = empty ? AutoNumber::Auto : AutoNumber::Manual;
    if (numeric) {
      if (autonum->state == AutoNumber::Manual && empty) {
        raise_error(exc_ValueError,
                    "cannot switch from manual field specification to automatic field numbering");
        return false;
      }
      if (autonum->state == AutoNumber::Auto && !empty) {
        raise_error(exc_ValueError,
                    "cannot switch from automatic field numbering to manual field specification");
        return false;
      }
    }
    if (empty) *first_index = autonum->next++;
  }
  return true;
}

int FieldNameIterator::next(bool* is_attribute, int64_t* index, int64_t* name_start,
                            int64_t* name_end) {
  if (m_pos >= m_end) return 1;
  uint32_t c = char_at(m_str, m_pos++);
  if (c == '.') {
    *is_attribute = true;
    *name_start = m_pos;
    while (m_pos < m_end && char_at(m_str, m_pos) != '.' && char_at(m_str, m_pos) != '[') m_pos++;
    *name_end = m_pos;
    *index = -1;
  } else if (c == '[') {
    *is_attribute = false;
    *name_start = m_pos;
    bool closed = false;
    while (m_pos < m_end) {
      if (char_at(m_str, m_pos++) == ']') {
        closed = true;
        break;
      }
    }
    if (!closed) {
      raise_error(exc_ValueError, "Missing ']' in format string");
      return 0;
    }
    *name_end = m_pos - 1;
    *index = get_integer(m_str, *name_start, *name_end);
    if (*index == -2) return 0;
  } else {
    raise_error(exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    return 0;
  }
  if (*name_start == *name_end) {
    raise_error(exc_ValueError, "Empty attribute in format string");
    return 0;
  }
  return 2;
}

// -- Formatting ---------------------------------------------------------------------------------------

namespace {

struct FormatCall {
  Value fmt;
  Value args;    // tuple or null
  Value kwargs;  // mapping or null
  AutoNumber autonum;
};

Value get_field_object(FormatCall& call, int64_t start, int64_t end) {
  int64_t first_end, index;
  if (!field_name_split(call.fmt, start, end, &first_end, &index, &call.autonum)) return Value();
  Value obj;
  if (index == -1) {
    Value key = str_substring(call.fmt, start, first_end);
    if (key.is_null()) return key;
    if (call.kwargs.is_null()) {
      Value exc = exception_new(exc_KeyError, &key, 1);
      return exc.is_null() ? exc : raise_value(exc);
    }
    obj = getitem(call.kwargs, key);
    if (obj.is_null()) return obj;
  } else {
    if (call.args.is_null())
      return raise_error(exc_ValueError, "Format string contains positional fields");
    if (index >= tuple_length(call.args))
      return raise_format(exc_IndexError,
                          "Replacement index %zd out of range for positional args tuple",
                          static_cast<size_t>(index));
    obj = tuple_at(call.args, index);
  }
  FieldNameIterator rest(call.fmt, first_end, end);
  bool is_attr;
  int64_t idx, ns, ne;
  int r;
  while ((r = rest.next(&is_attr, &idx, &ns, &ne)) == 2) {
    if (is_attr || idx == -1) {
      Value name = str_substring(call.fmt, ns, ne);
      if (name.is_null()) return name;
      obj = is_attr ? getattr(obj, name) : getitem(obj, name);
    } else {
      obj = getitem(obj, Value::from_int(idx));
    }
    if (obj.is_null()) return obj;
  }
  return r == 1 ? obj : Value();
}

Value convert_field(Value obj, uint32_t conversion) {
  switch (conversion) {
    case 'r': return object_repr(obj);
    case 's': return object_str(obj);
    case 'a': return object_ascii(obj);
    default:
      if (conversion > 32 && conversion < 127)
        return raise_format(exc_ValueError, "Unknown conversion specifier %c",
                            static_cast<int>(conversion));
      return raise_format(exc_ValueError, "Unknown conversion specifier \\x%x", conversion);
  }
}

bool build_string(FormatCall& call, int64_t start, int64_t end, int depth, std::u32string& out);

bool output_markup(FormatCall& call, const MarkupPiece& p, int depth, std::u32string& out) {
  Value obj = get_field_object(call, p.name_start, p.name_end);
  if (obj.is_null()) return false;
  if (p.conversion) {
    obj = convert_field(obj, p.conversion);
    if (obj.is_null()) return false;
  }
  Value spec;
  if (p.spec_needs_expanding) {
    std::u32string expanded;
    if (!build_string(call, p.spec_start, p.spec_end, depth - 1, expanded)) return false;
    spec = str_from_u32(expanded);
  } else {
    spec = p.has_spec ? str_substring(call.fmt, p.spec_start, p.spec_end) : str_empty();
  }
  if (spec.is_null()) return false;
  Value text = object_format(obj, spec);
  if (text.is_null()) return false;
  str_append_u32(out, text);
  return true;
}

bool build_string(FormatCall& call, int64_t start, int64_t end, int depth, std::u32string& out) {
  if (depth <= 0) {
    raise_error(exc_ValueError, "Max string recursion exceeded");
    return false;
  }
  MarkupIterator it(call.fmt, start, end);
  MarkupPiece p;
  int r;
  while ((r = it.next(p)) == 2) {
    str_append_u32(out, call.fmt, p.literal_start, p.literal_end);
    if (p.field && !output_markup(call, p, depth, out)) return false;
  }
  return r == 1;
}

}  // namespace

Value str_format_with(Value fmt, Value args, Value kwargs) {
  // Text without fields (or braces) comes back as the very object, a str subclass included,
  // as CPython's writer hands back a str it was given whole.
  {
    MarkupIterator it(fmt, 0, str_length(fmt));
    MarkupPiece p;
    if (it.next(p) == 2 && !p.field && p.literal_start == 0 && p.literal_end == str_length(fmt) &&
        it.position() == str_length(fmt))
      return fmt;
    if (error_occurred()) clear_exception();
  }
  FormatCall call{fmt, args, kwargs, {}};
  std::u32string out;
  if (!build_string(call, 0, str_length(fmt), 2, out)) return Value();
  return str_from_u32(out);
}

// -- Methods ------------------------------------------------------------------------------------------

Value m_format(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value pos = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (pos.is_null()) return pos;
  Value kwargs;
  if (!kwnames.is_null() && tuple_length(kwnames) > 0) {
    kwargs = dict_new();
    if (kwargs.is_null()) return kwargs;
    for (int64_t i = 0; i < tuple_length(kwnames); i++)
      if (dict_set(kwargs, tuple_at(kwnames, i), args[nargs + i]) < 0) return Value();
  }
  return str_format_with(self, pos, kwargs);
}

Value m_format_map(Value self, const Value* args, size_t, Value) {
  return str_format_with(self, Value(), args[0]);
}

Value m_format_spec(Value self, const Value* args, size_t, Value) {
  if (!is_str(args[0]))
    return raise_format(exc_TypeError, "__format__() argument must be str, not %.200s",
                        type_of(args[0])->c_name());
  return str_format_spec(self, args[0]);
}

Value str_format_spec(Value s, Value spec) {
  if (str_length(spec) == 0) return is_exact_str(s) ? s : object_str(s);
  std::string out;
  text::NumError err;
  if (!text::format_str(out, str_to_utf8(spec), str_to_utf8(s), err, type_of(s)->c_name()))
    return raise_num_error(err);
  return str_from_utf8(out);
}

}  // namespace tpy
