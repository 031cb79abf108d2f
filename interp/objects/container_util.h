// interp/objects/container_util.h -- Helpers the container types share: repr recursion guard,
// sequence comparison, argument checks, type registration glue.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/type.h"

namespace tpy {

// Py_ReprEnter / Py_ReprLeave: a container whose repr is already being computed on this thread
// prints as "[...]" / "{...}" instead of recursing. repr_enter returns true when [v] is
// already in progress (then do not call repr_leave).
bool repr_enter(Value v);
void repr_leave(Value v);

// Builds a str from pieces (reprs of containers): append text and reprs, then finish().
// After a failed repr every call is a no-op and finish() returns null (exception pending).
class StrBuilder {
 public:
  StrBuilder& text(std::string_view s) {
    if (m_ok) m_out += s;
    return *this;
  }
  StrBuilder& repr(Value v);  // repr(v)
  StrBuilder& str(Value v);   // a str Value's text
  bool ok() const { return m_ok; }
  Value finish();

 private:
  std::string m_out;
  bool m_ok = true;
};

// Lexicographic rich comparison of two item arrays (list and tuple): identity-or-__eq__ finds
// the first difference, then [op] decides on that pair or on the lengths. The arrays are
// re-read through the getters each step because __eq__ may mutate a list.
using ItemAt = Value (*)(Value seq, int64_t i, bool* ok);
Value sequence_compare(Value a, int64_t (*len)(Value), Value b, ItemAt at, CompareOp op);

// An index for repetition (seq * n): tagged ints directly, else __index__; a huge n raises
// OverflowError "cannot fit 'int' into an index-sized integer". Returns false with an error.
bool repeat_count(Value n, int64_t* out);
// True when [v] can be used as a repeat count (int or has __index__).
bool has_index(Value v);

// After type_init: makes [t] unhashable as CPython's PyObject_HashNotImplemented types are
// (hash slot null, `__hash__ = None` in the dict).
void set_unhashable(Type* t);
// After type_init: removes a slot wrapper CPython's type does not have (list and tuple fill the
// Add slot as sq_concat, which has no reflected __radd__).
void remove_type_attr(Type* t, const char* name);

// Argument checks with CPython's messages.
bool no_kwargs(const char* fname, Value kwnames);
// "f expected at most N argument(s), got M" / "f expected at least N ..." (unpack style).
bool check_unpack(const char* fname, size_t nargs, size_t min, size_t max);

// For `seq + other` / `seq * other`: whether [other]'s own binary slot stands for a number
// slot CPython would try before the sequence's sq_concat/sq_repeat. Built-in sequences (str,
// bytes, list, tuple, range...) only have sequence methods there, so their slots are skipped.
bool other_slot_is_numeric(Value other);

// A new instance of [type] (a built-in container type or a subclass): basicsize + [extra]
// bytes (a tuple subclass's items), its attribute block initialised; null: MemoryError.
Object* alloc_instance(Type* type, size_t extra = 0);

// The reduce value `(type(self), args)` or `(callable, args, state)` helpers.
Value builtin_iter_callable();  // builtins.iter, for iterators' __reduce__
Value builtin_reversed_callable();

}  // namespace tpy
