// interp/modules/sre_internal.h -- The _sre object layouts shared by its Pattern, Match and Scanner files.
#pragma once

#include "interp/modules/sre_engine.h"
#include "interp/objects/buffer.h"
#include "interp/objects/type.h"

namespace tpy::sre {

struct PatternObject : Object {
  Value pattern;     // str, bytes or None
  Value code;        // bytes holding the uint32_t code words
  Value groupindex;  // dict name -> index
  Value indexgroup;  // tuple index -> name or None
  int64_t flags, groups, is_bytes;
};
struct MatchObject : Object {
  Value string, re;
  Value spans;  // bytes holding int64_t (start, end) per group, group 0 first
  int64_t pos, endpos, lastindex;
};
struct ScannerObject : Object {
  Value pattern, string;
  int64_t pos, endpos, must_advance, done;
};

extern constinit Type pattern_type, match_type, scanner_type;

inline PatternObject* as_pattern(Value v) { return static_cast<PatternObject*>(v.as_object()); }
inline MatchObject* as_match(Value v) { return static_cast<MatchObject*>(v.as_object()); }

// The text of [string] for [pattern]: a str, or a bytes-like object held by [view]. False with
// CPython's TypeError pending for the wrong kind.
bool get_text(Value pattern, Value string, BufferView& view, Text* out);
// A MatchState over [text] for [pattern], pos/endpos clamped as CPython's state_init.
void init_state(Value pattern, const Text& text, int64_t pos, int64_t endpos, MatchState* st);
// string[b:e] as CPython's getslice: a str, or bytes copied from the buffer.
Value text_slice(Value string, bool is_bytes, int64_t b, int64_t e);
// A Match object for a successful [st] (None-free).
Value match_new(Value pattern, Value string, const MatchState& st);
// pattern.scanner(string, pos, endpos).
Value scanner_new(Value pattern, Value string, int64_t pos, int64_t endpos);
bool init_match_types();

}  // namespace tpy::sre
