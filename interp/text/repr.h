// interp/text/repr.h -- Python's repr() of floats, complex, str and bytes, shared by all layers.
#pragma once

#include <string>
#include <string_view>

#include "interp/text/float_repr.h"  // float_repr(): repr(float)

namespace tpy::text {

// repr(complex(real, imag)): "1j", "(1+2j)", "(-0-1j)", "infj" ... as CPython.
void complex_repr(std::string& out, double real, double imag);
// repr(str) of WTF-8 [s]: quote choice, escapes, non-printable code points as \x \u \U.
void str_repr(std::string& out, std::string_view s);
// repr(bytes) of [b]: b'...' with CPython's quote choice and escapes.
void bytes_repr(std::string& out, std::string_view b);

}  // namespace tpy::text
