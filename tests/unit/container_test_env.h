// tests/unit/container_test_env.h -- Runtime set-up shared by the container unit tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/runtime.h"

namespace tpy::testing {

// Initialises the runtime once per test binary (types, exceptions, thread state).
inline void ensure_runtime() {
  static bool done = [] {
    const char* argv[] = {"tpy_unit_tests"};
    return runtime_init(1, argv);
  }();
  ASSERT_TRUE(done);
}

// Takes the pending exception and returns its type name ("" when none).
inline std::string take_error_type() {
  Value e = fetch_exception();
  if (e.is_null()) return "";
  return type_of(e)->c_name();
}

// The message of an exception instance (its first argument).
inline std::string exc_message(Value e) {
  auto* o = static_cast<BaseExceptionObject*>(e.as_object());
  if (o->args.is_null() || tuple_length(o->args) == 0) return "";
  Value a = tuple_at(o->args, 0);
  if (is_str(a)) return str_to_utf8(a);
  Value s = object_str(a);  // KeyError(1): the key
  if (s.is_null()) {
    clear_exception();
    return "<unprintable>";
  }
  return str_to_utf8(s);
}

// "TypeError: message" for the pending exception (cleared).
inline std::string take_error() {
  Value e = fetch_exception();
  if (e.is_null()) return "";
  return std::string(type_of(e)->c_name()) + ": " + exc_message(e);
}

// Reprs of ints come from the numbers part; tests of int-containing reprs wait for it.
inline bool int_repr_ready() {
  Value r = object_repr(Value::from_int(1));
  if (r.is_null()) {
    clear_exception();
    return false;
  }
  return str_to_utf8(r) == "1";
}

// Instances of built-in exception types can be made by calling the type (exception_new).
inline bool exceptions_ready() {
  Value e = exception_new(exc_KeyError, nullptr, 0);
  if (e.is_null()) {
    clear_exception();
    return false;
  }
  return true;
}

}  // namespace tpy::testing
