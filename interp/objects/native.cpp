// interp/objects/native.cpp -- Argument parsing for native functions, with CPython's messages.
#include "interp/objects/native.h"

#include <cstring>
#include <string>

#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

size_t kw_count(Value kwnames) { return kwnames.is_null() ? 0 : tuple_length(kwnames); }
const char* plural(size_t n) { return n == 1 ? "" : "s"; }

}  // namespace

bool check_no_kwargs(const char* fname, Value kwnames) {
  if (kw_count(kwnames) == 0) return true;
  raise_format(exc_TypeError, "%s() takes no keyword arguments", fname);
  return false;
}

bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    raise_format(exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname,
                 min == max ? "" : "at least ", min, plural(min), nargs);
    return false;
  }
  if (nargs > max) {
    raise_format(exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname,
                 min == max ? "" : "at most ", max, plural(max), nargs);
    return false;
  }
  return true;
}

bool parse_args(const ArgSpec& spec, const Value* args, size_t nargs, Value kwnames,
                std::initializer_list<Value*> out) {
  const size_t nnames = out.size();
  const size_t nkw = kw_count(kwnames);
  const size_t maxpos = static_cast<size_t>(spec.max_positional);
  const size_t minpos = static_cast<size_t>(spec.min_positional);
  const char* f = spec.fname;
  Value* const* slots = out.begin();
  if (nkw > 0 && nnames == 0) return check_no_kwargs(f, kwnames);
  if (!spec.varargs) {
    if (nargs + nkw > nnames) {
      raise_format(exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", f,
                   minpos < nnames ? "at most" : "exactly", nnames, plural(nnames), nargs + nkw);
      return false;
    }
    if (nargs > maxpos) {
      if (maxpos == 0)
        raise_format(exc_TypeError, "%s() takes no positional arguments", f);
      else
        raise_format(exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)", f,
                     minpos < maxpos ? "at most" : "exactly", maxpos, plural(maxpos), nargs);
      return false;
    }
  }
  size_t npos = nargs < maxpos ? nargs : maxpos;
  for (size_t i = 0; i < npos; i++) *slots[i] = args[i];
  // Keywords go to their names; leftovers are reported after the missing ones, as CPython.
  size_t used = 0;
  for (size_t j = 0; j < nkw; j++) {
    Value k = tuple_at(kwnames, j);
    for (size_t i = static_cast<size_t>(spec.posonly); i < nnames; i++) {
      if (i < npos || spec.names[i] == nullptr) continue;
      if (str_equal_ascii(k, spec.names[i])) {
        *slots[i] = args[nargs + j];
        used++;
        break;
      }
    }
  }
  for (size_t i = 0; i < minpos && i < nnames; i++) {
    if (!slots[i]->is_null()) continue;
    if (i < static_cast<size_t>(spec.posonly)) {
      raise_format(exc_TypeError, "%s() takes %s %d positional argument%s (%zu given)", f,
                   spec.posonly < spec.max_positional ? "at least" : "exactly", spec.posonly,
                   plural(spec.posonly), nargs);
    } else {
      raise_format(exc_TypeError, "%s() missing required argument '%s' (pos %zu)", f,
                   spec.names[i], i + 1);
    }
    return false;
  }
  if (spec.kwonly_required) {
    for (size_t i = maxpos; i < nnames; i++) {
      if (!slots[i]->is_null()) continue;
      raise_format(exc_TypeError, "%s() missing required keyword-only argument '%s'", f,
                   spec.names[i]);
      return false;
    }
  }
  if (used < nkw) {
    for (size_t j = 0; j < nkw; j++) {
      Value k = tuple_at(kwnames, j);
      bool known = false;
      for (size_t i = 0; i < nnames; i++) {
        if (spec.names[i] == nullptr || !str_equal_ascii(k, spec.names[i])) continue;
        known = true;
        if (i < static_cast<size_t>(spec.posonly)) {
          raise_format(exc_TypeError,
                       "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                       f, spec.names[i]);
          return false;
        }
        if (i < npos) {
          raise_format(exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)",
                       f, spec.names[i], i + 1);
          return false;
        }
      }
      if (!known) {
        raise_format(exc_TypeError, "'%U' is an invalid keyword argument for %s()", k, f);
        return false;
      }
    }
  }
  return true;
}

bool arg_to_index(Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.as_int();
    return true;
  }
  Value i = number_index(v);
  if (i.is_null()) return false;
  if (!int_to_i64(i, out)) {
    raise_format(exc_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

bool arg_to_ssize_clamped(Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.as_int();
    return true;
  }
  Value i = number_index(v);
  if (i.is_null()) return false;
  if (!int_to_i64(i, out)) *out = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
  return true;
}

}  // namespace tpy
