// interp/objects/str.h -- str: immutable Unicode text, PEP 393 storage, cached hash, interning.
//
// A str stores its code points at a fixed width chosen by the widest one (1 byte for
// latin-1, 2 for the BMP, 4 beyond), so indexing is O(1) (DESIGN.md). Lone surrogates are
// allowed (they come from "\ud800" literals and surrogateescape). Most C++ callers want
// UTF-8: str_from_utf8 / str_to_utf8 convert, and an ASCII str's data *is* its UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type str_type;

class StrObject : public Object {
 public:
  int64_t length;  // code points
  int64_t hash;    // -1: not computed yet
  // The header's aux word holds the representation: bits 0-2 kind (bytes per code point:
  // 1, 2 or 4), bit 3 ascii (every code point < 128, so the data is also UTF-8), bit 4
  // interned. That keeps a str header at 32 bytes.
  static constexpr int32_t kAsciiBit = 1 << 3, kInternedBit = 1 << 4;
  int kind() const { return aux() & 7; }
  bool ascii() const { return (aux() & kAsciiBit) != 0; }
  bool interned() const { return (aux() & kInternedBit) != 0; }
  void set_repr(int kind, bool ascii) { set_aux(kind | (ascii ? kAsciiBit : 0)); }
  void set_interned() { set_aux(aux() | kInternedBit); }
  // The code points follow (length * kind bytes, plus one NUL code unit).
  const void* data() const { return this + 1; }
  void* data() { return this + 1; }
  uint32_t at(int64_t i) const {
    switch (kind()) {
      case 1: return static_cast<const uint8_t*>(data())[i];
      case 2: return static_cast<const uint16_t*>(data())[i];
      default: return static_cast<const uint32_t*>(data())[i];
    }
  }
};
static_assert(sizeof(StrObject) == 32, "str header layout");

inline bool is_str(Value v) { return v.is_object() && type_of(v)->has_flag(kTypeStrSubclass); }
inline bool is_exact_str(Value v) { return v.is_object() && type_of(v) == &str_type; }
inline StrObject* as_str(Value v) { return static_cast<StrObject*>(v.as_object()); }

// -- Making strs ----------------------------------------------------------------------------------
// From UTF-8 text (surrogates encoded as 3-byte sequences, i.e. WTF-8, are accepted and kept
// as lone surrogates). Null on allocation failure (MemoryError pending).
Value str_from_utf8(std::string_view utf8);
Value str_from_ascii(std::string_view ascii);
Value str_from_latin1(std::string_view latin1);
Value str_from_code_points(const uint32_t* cps, size_t n);
Value str_from_code_point(uint32_t cp);  // one-character strs are cached for latin-1
// An uninitialised str of [length] code points of width [kind], to be filled by the caller.
Value str_new_uninit(int64_t length, int kind, bool ascii);
Value str_empty();

// Interned str for an identifier-like constant: the same object every call, registered as a
// root. Interned strs compare by identity in dict lookups of attribute names.
Value str_intern(std::string_view utf8);
Value str_intern_value(Value s);  // interns an existing str (may return another object)
// A C++-side cache of one interned name: `static StrConst k_init("__init__"); k_init.get()`.
class StrConst {
 public:
  constexpr explicit StrConst(const char* text) : m_text(text) {}
  Value get();
 private:
  const char* m_text;
  Value m_value;
};

// -- Reading strs ---------------------------------------------------------------------------------
std::string str_to_utf8(Value s);  // lone surrogates as WTF-8
// The UTF-8 of an ASCII str without copying; empty view if the str is not ASCII.
inline std::string_view str_ascii_view(Value s) {
  const StrObject* o = as_str(s);
  if (!o->ascii()) return {};
  return {static_cast<const char*>(o->data()), static_cast<size_t>(o->length)};
}
inline int64_t str_length(Value s) { return as_str(s)->length; }
int64_t str_hash(Value s);  // cached; never fails (CPython's SipHash-1-3; PYTHONHASHSEED)
// Equality of two strs by content (identity first).
bool str_equal(Value a, Value b);
bool str_equal_ascii(Value s, std::string_view ascii);
int str_compare(Value a, Value b);  // <0, 0, >0 by code points

// -- Operations the interpreter and other types call ----------------------------------------------
Value str_concat(Value a, Value b);
Value str_join(Value sep, Value iterable);
Value str_substring(Value s, int64_t start, int64_t end);  // [start, end) clamped
// repr(s) with CPython's quoting rules and escapes.
Value str_repr(Value s);
// format(value, spec) for a str value (the format-spec mini-language).
Value str_format_spec(Value s, Value spec);
// fmt % args (printf-style formatting).
Value str_percent_format(Value fmt, Value args);
// s.encode(encoding, errors): bytes, or null with LookupError / UnicodeEncodeError pending.
Value str_encode(Value s, std::string_view encoding, std::string_view errors);

}  // namespace tpy
