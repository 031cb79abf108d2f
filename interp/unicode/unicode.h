// interp/unicode/unicode.h -- Unicode character database queries (Unicode 14.0, as CPython 3.11).
//
// The tables are generated at build time by tools/gen_unicode_tables.py, which reads them from
// python3.11's unicodedata so tpy agrees with its oracle code point for code point. The rest of
// the database: char_props.h (str's predicates and values), case_mapping.h (str's case
// conversions), char_db.h (unicodedata's per-character queries), normalize.h (all four forms).
#pragma once

#include <string>
#include <string_view>

namespace tpy::unicode {

// str.isprintable() of one code point (what repr() leaves unescaped).
bool is_printable(char32_t cp);
// XID_Start plus '_' / XID_Continue: what str.isidentifier() accepts after NFKC.
bool is_xid_start(char32_t cp);
bool is_xid_continue(char32_t cp);
// unicodedata.normalize('NFKC', s) over UTF-8 [s].
std::string nfkc(std::string_view s);
// True when [s] is already in NFKC (fast path for identifiers; ASCII always is).
bool is_nfkc(std::string_view s);
// What "\N{name}" means: unicodedata.lookup without named sequences (case-insensitive, with
// aliases and the algorithmic Hangul / CJK names). Returns false if unknown.
bool lookup_name(std::string_view name, char32_t& out);
// unicodedata.lookup: what lookup_name accepts, or a named sequence (any case), which stands
// for more than one code point. Returns false if unknown (CPython's KeyError).
bool lookup_name_or_sequence(std::string_view name, std::u32string& out);
// unicodedata.name: the character's own name (never an alias). False for the code points that
// have none (controls, private use, surrogates, unassigned), where CPython raises ValueError.
bool char_name(char32_t cp, std::string& out);

}  // namespace tpy::unicode
