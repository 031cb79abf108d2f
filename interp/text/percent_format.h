// interp/text/percent_format.h -- The number conversions of printf-style `str % args` and padding.
//
// The str (and bytes) `%` operator parses "%[(key)][flags][width][.precision][length]conv",
// fetches the arguments ('*' widths included) and converts non-numbers itself; these functions
// then write one conversion exactly as CPython 3.11's unicode_format_arg_format and
// unicode_format_arg_output do. Argument coercion stays with the caller: '%d' % 3.7 calls
// int() first, '%x' wants __index__ ("%x format: an integer is required, not float"), '%f'
// wants __float__, '%c' takes a one-char str or an int (see percent_char_from_int).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/text/int_view.h"
#include "interp/text/num_error.h"

namespace tpy::text {

struct PercentSpec {
  bool left = false;   // '-': pad on the right
  bool plus = false;   // '+': sign on non-negative numbers
  bool blank = false;  // ' ': space on non-negative numbers
  bool alt = false;    // '#': 0o/0x/0X prefixes, kept points and zeros for floats
  bool zero = false;   // '0': pad numbers with zeros after the sign
  int64_t width = -1;  // -1: not given
  int64_t precision = -1;
  char conv = 'd';     // d i u o x X | e E f F g G | c | s r a
};

// '%d' '%i' '%u' '%o' '%x' '%X'.
void percent_format_int(std::string& out, const PercentSpec& spec, const IntView& v);
void percent_format_int(std::string& out, const PercentSpec& spec, int64_t v);
// '%e' '%E' '%f' '%F' '%g' '%G' (precision 6 when not given).
void percent_format_float(std::string& out, const PercentSpec& spec, double v);
// '%c' of an int argument: its code point, or OverflowError "%c arg not in range(0x110000)".
bool percent_char_from_int(const IntView& v, char32_t* out, NumError& err);
// '%c' once the code point is known.
void percent_format_char(std::string& out, const PercentSpec& spec, char32_t c);
// '%s' '%r' '%a': [text] (UTF-8, already str()/repr()/ascii()) cut to [precision] code points
// and padded to [width] with spaces ('0' does not apply to text).
void percent_format_text(std::string& out, const PercentSpec& spec, std::string_view text);

}  // namespace tpy::text
