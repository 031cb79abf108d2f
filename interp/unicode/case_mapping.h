// interp/unicode/case_mapping.h -- str's case conversions and string predicates, as CPython 3.11.
//
// Two forms of each operation:
//   - over a code point array, the str object's own storage (1, 2 or 4 bytes per code point as
//     PEP 393; CharT is uint8_t, uint16_t or char32_t): a template that hands each output code
//     point to [emit], so the caller can size, widen or build its result as it likes;
//   - over UTF-8 (WTF-8: lone surrogates allowed; malformed bytes pass through unchanged).
// Case mapping is the full one (ß -> SS, ﬁ -> FI, İ -> i̇), so an output can be up to three
// times longer than its input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "interp/unicode/char_props.h"
#include "interp/unicode/unicode.h"

namespace tpy::unicode {

namespace detail {

constexpr char32_t kCapitalSigma = 0x3A3, kSmallSigma = 0x3C3, kFinalSigma = 0x3C2;

// Unicode's Final_Sigma condition for the capital sigma at s[i]: a cased letter before it and
// none after it, looking past case-ignorable characters on both sides. As in CPython, a
// character that is both cased and case-ignorable is looked past, not counted.
template <class CharT>
bool is_final_sigma(std::span<const CharT> s, size_t i) {
  size_t j = i;
  while (j > 0 && is_case_ignorable(s[j - 1])) j--;
  if (j == 0 || !is_cased(s[j - 1])) return false;
  for (j = i + 1; j < s.size() && is_case_ignorable(s[j]); j++) {
  }
  return j == s.size() || !is_cased(s[j]);
}

// The lowercase of s[i] in its context (what lower(), title(), capitalize() and swapcase()
// all use): the full mapping, except that a capital sigma follows Final_Sigma.
template <class CharT, class Emit>
void lower_in_context(std::span<const CharT> s, size_t i, Emit& emit) {
  char32_t c = s[i];
  if (c < 0x80) [[likely]] {
    emit(ascii_lower(c));
  } else if (c == kCapitalSigma) {
    emit(is_final_sigma(s, i) ? kFinalSigma : kSmallSigma);
  } else {
    char32_t out[kMaxCaseMapping];
    for (int k = 0, n = to_lower_full(c, out); k < n; k++) emit(out[k]);
  }
}

template <class Emit>
void emit_mapping(int (*map)(char32_t, char32_t*), char32_t c, Emit& emit) {
  char32_t out[kMaxCaseMapping];
  for (int k = 0, n = map(c, out); k < n; k++) emit(out[k]);
}

template <class CharT>
bool all_have(std::span<const CharT> s, uint16_t flags) {
  for (CharT c : s)
    if (!(char_flags(c) & flags)) return false;
  return !s.empty();
}

}  // namespace detail

// -- Case conversion over code point arrays --------------------------------------------------------

template <class CharT, class Emit>
void str_lower(std::span<const CharT> s, Emit&& emit) {
  for (size_t i = 0; i < s.size(); i++) detail::lower_in_context(s, i, emit);
}

template <class CharT, class Emit>
void str_upper(std::span<const CharT> s, Emit&& emit) {
  for (CharT c : s) {
    if (c < 0x80) emit(ascii_upper(c));
    else detail::emit_mapping(to_upper_full, c, emit);
  }
}

template <class CharT, class Emit>
void str_casefold(std::span<const CharT> s, Emit&& emit) {
  for (CharT c : s) {
    if (c < 0x80) emit(ascii_lower(c));
    else detail::emit_mapping(to_casefold_full, c, emit);
  }
}

// Uppercase letters lower-cased (in context) and lowercase ones upper-cased; titlecase letters
// (ǅ) are neither and stay.
template <class CharT, class Emit>
void str_swapcase(std::span<const CharT> s, Emit&& emit) {
  for (size_t i = 0; i < s.size(); i++) {
    uint16_t flags = char_flags(s[i]);
    if (flags & kCharUpper) detail::lower_in_context(s, i, emit);
    else if (flags & kCharLower) detail::emit_mapping(to_upper_full, s[i], emit);
    else emit(char32_t(s[i]));
  }
}

// A word starts at each cased character that follows an uncased one: it gets its titlecase
// mapping and the rest of the word its (contextual) lowercase. Apostrophes are not part of
// words here ("they're".title() == "They'Re"), exactly as CPython.
template <class CharT, class Emit>
void str_title(std::span<const CharT> s, Emit&& emit) {
  bool previous_cased = false;
  for (size_t i = 0; i < s.size(); i++) {
    if (previous_cased) detail::lower_in_context(s, i, emit);
    else detail::emit_mapping(to_title_full, s[i], emit);
    previous_cased = is_cased(s[i]);
  }
}

// The first character title-cased (since 3.8: 'ŉ'.capitalize() == 'ʼN'), the rest lower-cased.
template <class CharT, class Emit>
void str_capitalize(std::span<const CharT> s, Emit&& emit) {
  if (s.empty()) return;
  detail::emit_mapping(to_title_full, s[0], emit);
  for (size_t i = 1; i < s.size(); i++) detail::lower_in_context(s, i, emit);
}

// -- Predicates over code point arrays -------------------------------------------------------------

// At least one cased character, and no uppercase or titlecase one.
template <class CharT>
bool str_islower(std::span<const CharT> s) {
  bool cased = false;
  for (CharT c : s) {
    uint16_t flags = char_flags(c);
    if (flags & (kCharUpper | kCharTitle)) return false;
    cased |= (flags & kCharLower) != 0;
  }
  return cased;
}

// At least one cased character, and no lowercase or titlecase one.
template <class CharT>
bool str_isupper(std::span<const CharT> s) {
  bool cased = false;
  for (CharT c : s) {
    uint16_t flags = char_flags(c);
    if (flags & (kCharLower | kCharTitle)) return false;
    cased |= (flags & kCharUpper) != 0;
  }
  return cased;
}

// Uppercase and titlecase characters only after uncased ones, lowercase only after cased ones,
// and at least one of them.
template <class CharT>
bool str_istitle(std::span<const CharT> s) {
  bool cased = false, previous_cased = false;
  for (CharT c : s) {
    uint16_t flags = char_flags(c);
    if (flags & (kCharUpper | kCharTitle)) {
      if (previous_cased) return false;
      previous_cased = cased = true;
    } else if (flags & kCharLower) {
      if (!previous_cased) return false;
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return cased;
}

// isalpha, isdecimal, isdigit, isnumeric, isalnum, isspace: non-empty and every character has
// the property.
template <class CharT>
bool str_isalpha(std::span<const CharT> s) { return detail::all_have(s, kCharAlpha); }
template <class CharT>
bool str_isdecimal(std::span<const CharT> s) { return detail::all_have(s, kCharDecimal); }
template <class CharT>
bool str_isdigit(std::span<const CharT> s) { return detail::all_have(s, kCharDigit); }
template <class CharT>
bool str_isnumeric(std::span<const CharT> s) { return detail::all_have(s, kCharNumeric); }
template <class CharT>
bool str_isalnum(std::span<const CharT> s) { return detail::all_have(s, kCharAlnum); }
template <class CharT>
bool str_isspace(std::span<const CharT> s) { return detail::all_have(s, kCharSpace); }
// Unlike the others, true for the empty string.
template <class CharT>
bool str_isprintable(std::span<const CharT> s) {
  for (CharT c : s)
    if (!is_printable(c)) return false;
  return true;
}

// What int(), float() and complex() parse instead of [s] (CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII): ASCII stays, other whitespace becomes ' ',
// other decimal digits their ASCII digit; anything else ends the text with '?', which no
// number parser accepts (the caller reports the error with the original text). CPython also
// stops at DEL in non-ASCII text; keeping it fails the parse all the same.
template <class CharT>
std::string to_ascii_number(std::span<const CharT> s) {
  std::string out;
  out.reserve(s.size());
  for (CharT c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (is_space(c)) {
      out += ' ';
    } else if (int d = decimal_value(c); d >= 0) {
      out += static_cast<char>('0' + d);
    } else {
      out += '?';
      break;
    }
  }
  return out;
}

// -- The same over UTF-8 ---------------------------------------------------------------------------

std::string str_lower(std::string_view s);
std::string str_upper(std::string_view s);
std::string str_casefold(std::string_view s);
std::string str_swapcase(std::string_view s);
std::string str_title(std::string_view s);
std::string str_capitalize(std::string_view s);
bool str_islower(std::string_view s);
bool str_isupper(std::string_view s);
bool str_istitle(std::string_view s);
bool str_isalpha(std::string_view s);
bool str_isdecimal(std::string_view s);
bool str_isdigit(std::string_view s);
bool str_isnumeric(std::string_view s);
bool str_isalnum(std::string_view s);
bool str_isspace(std::string_view s);
bool str_isprintable(std::string_view s);
std::string to_ascii_number(std::string_view s);

}  // namespace tpy::unicode
