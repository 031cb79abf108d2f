// interp/text/num_error.h -- How the number text library reports a Python exception to its caller.
//
// The library (float_repr, float_parse, format_spec, percent_format, number_hash, float_math)
// knows nothing of the object model, so it never raises: a failing function returns false (or
// a status code) and fills a NumError with the exception's type name and CPython 3.11's
// message, word for word. The caller raises it, e.g. for {"ValueError", "precision too big"}
// `raise ValueError("precision too big")`. MemoryError carries an empty message, as CPython's.
#pragma once

#include <string>
#include <utility>

namespace tpy::text {

struct NumError {
  const char* type = nullptr;  // "ValueError", "OverflowError", ...; nullptr while no error
  std::string message;

  bool failed() const { return type != nullptr; }
  // Records the error and returns false, so that `return err.set(...)` ends a bool function.
  bool set(const char* exception_type, std::string text) {
    type = exception_type;
    message = std::move(text);
    return false;
  }
};

}  // namespace tpy::text
