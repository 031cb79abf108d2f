// interp/text/format_spec.h -- The format-spec mini-language of format(), str.format and f-strings.
//
// "[[fill]align][sign][z][#][0][width][grouping][.precision][type]" parsed and applied as
// CPython 3.11's Python/formatter_unicode.c does, with its error messages word for word.
// Specs and results are UTF-8; widths and precisions count code points. Numbers use the C
// locale, as CPython does unless a program calls locale.setlocale(LC_NUMERIC): 'n' is 'd' for
// ints and 'g' for floats, without grouping.
//
// Empty specs: CPython's __format__ returns str(self) for an empty spec, which runs a
// subclass's __str__. The functions below return the exact type's str() for an empty spec;
// a caller formatting a subclass instance checks for the empty spec itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/text/int_view.h"
#include "interp/text/num_error.h"

namespace tpy::text {

struct FormatSpec {
  char32_t fill = ' ';
  char align = '>';         // '<' '>' '^' '='; the type's default when not given
  char sign = '\0';         // '+' '-' ' ', or '\0' when not given
  bool no_neg_zero = false; // 'z'
  bool alternate = false;   // '#'
  bool fill_given = false;  // an explicit fill character (a leading '0' is not one)
  char grouping = '\0';     // ',' or '_', or '\0'
  int64_t width = -1;       // -1: not given
  int64_t precision = -1;   // -1: not given
  char32_t type = '\0';     // presentation type; the default when not given
};

// Parses [spec] for an object of type [type_name] (used in "Invalid format specifier ..." and
// "Unknown ..." messages) whose __format__ defaults to [default_type] ('\0' for float and
// complex, 'd' for int, 's' for str) and [default_align] ('>' for numbers, '<' for str).
// Fails with ValueError: "Invalid format specifier '...' for object of type '...'", "Format
// specifier missing precision", "Too many decimal digits in format string", "Cannot specify
// both ',' and '_'.", "Cannot specify ',' with 's'.".
bool parse_format_spec(std::string_view spec, const char* type_name, char32_t default_type,
                       char default_align, FormatSpec* out, NumError& err);

// int.__format__: types b c d n o x X (and none), and e E f F g G % through float(self).
bool format_int(std::string& out, std::string_view spec, int64_t v, NumError& err,
                const char* type_name = "int");
bool format_int(std::string& out, std::string_view spec, const IntView& v, NumError& err,
                const char* type_name = "int");
// The same for an int given in decimal ("-123"), e.g. from a test table.
bool format_int_decimal(std::string& out, std::string_view spec, std::string_view decimal,
                        NumError& err, const char* type_name = "int");

// float.__format__: types e E f F g G n % and none.
bool format_float(std::string& out, std::string_view spec, double v, NumError& err,
                  const char* type_name = "float");

// complex.__format__: types e E f F g G n and none; no '0' fill and no '=' alignment.
bool format_complex(std::string& out, std::string_view spec, double real, double imag,
                    NumError& err, const char* type_name = "complex");

// str.__format__ of UTF-8 [s]: type s only; precision truncates, width pads (code points).
bool format_str(std::string& out, std::string_view spec, std::string_view s, NumError& err,
                const char* type_name = "str");

// The same four on an already parsed spec (e.g. a cached one); [spec] must come from
// parse_format_spec with that type's defaults.
bool format_int_spec(std::string& out, const FormatSpec& spec, const IntView& v, NumError& err,
                     const char* type_name = "int");
bool format_float_spec(std::string& out, const FormatSpec& spec, double v, NumError& err,
                       const char* type_name = "float");
bool format_complex_spec(std::string& out, const FormatSpec& spec, double real, double imag,
                         NumError& err, const char* type_name = "complex");
bool format_str_spec(std::string& out, const FormatSpec& spec, std::string_view s,
                     NumError& err, const char* type_name = "str");

// Appends [count] copies of code point [fill] (UTF-8).
void append_fill(std::string& out, char32_t fill, int64_t count);
// Code points in UTF-8 [s] (bytes that do not continue a sequence).
size_t utf8_length(std::string_view s);
// The decimal value of a Unicode decimal digit (category Nd, Unicode 14.0), or -1.
int unicode_decimal_value(char32_t cp);

}  // namespace tpy::text
