// interp/objects/str_format.h -- The parser of str.format's markup, shared with the _string module.
//
// CPython 3.11's Objects/stringlib/unicode_format.h in C++ form: a format string is a sequence
// of literal text and replacement fields "{name!conv:spec}", and a field name is a first part
// (an argument index or keyword) followed by ".attr" and "[key]" parts. Positions are code
// point offsets into the str being parsed. Errors are raised (pending) with CPython's messages.
#pragma once

#include <cstdint>

#include "interp/objects/str.h"

namespace tpy {

// One step of the markup: literal text, then maybe a field.
struct MarkupPiece {
  int64_t literal_start = 0, literal_end = 0;
  bool field = false;
  int64_t name_start = 0, name_end = 0;
  bool has_spec = false;  // a ':' (or "!c:") was seen; the spec may still be empty
  int64_t spec_start = 0, spec_end = 0;
  uint32_t conversion = 0;  // 0: none
  bool spec_needs_expanding = false;  // the spec holds nested "{...}" fields
};

class MarkupIterator {
 public:
  MarkupIterator(Value s, int64_t start, int64_t end) : m_str(s), m_pos(start), m_end(end) {}
  // 2: [out] holds the next piece; 1: the end; 0: error pending.
  int next(MarkupPiece& out);
  int64_t position() const { return m_pos; }

 private:
  bool parse_field(MarkupPiece& out);
  Value m_str;
  int64_t m_pos, m_end;
};

// Automatic ("{}") versus manual ("{0}") numbering across one format() call.
struct AutoNumber {
  enum State { Init, Auto, Manual } state = Init;
  int64_t next = 0;
};

// Splits s[start:end] into its first part and the rest. *first_index is the argument index
// (the first part's decimal value, or the next automatic number when it is empty and
// [autonum] is given), or -1 for a keyword. False: error pending.
bool field_name_split(Value s, int64_t start, int64_t end, int64_t* first_end,
                      int64_t* first_index, AutoNumber* autonum);

// The ".attr" / "[key]" parts after the first one.
class FieldNameIterator {
 public:
  FieldNameIterator(Value s, int64_t start, int64_t end) : m_str(s), m_pos(start), m_end(end) {}
  // 2: one part ([is_attribute], its text s[*name_start:*name_end], *index its decimal value
  // or -1); 1: the end; 0: error pending.
  int next(bool* is_attribute, int64_t* index, int64_t* name_start, int64_t* name_end);
  int64_t position() const { return m_pos; }

 private:
  Value m_str;
  int64_t m_pos, m_end;
};

// str.format(*args, **kwargs) / str.format_map(mapping) of [fmt]: [args] a tuple or null
// (format_map: positional fields are an error), [kwargs] a mapping or null.
Value str_format_with(Value fmt, Value args, Value kwargs);

}  // namespace tpy
