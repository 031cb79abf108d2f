// interp/objects/exceptions.h -- The exception types and the raise/fetch API over the thread state.
//
// Raising never unwinds C++: a function raises by setting the pending exception and returning
// Value::exception() (or -1), and every caller checks and propagates (DESIGN.md). Typical use:
//
//   if (!is_str(name))
//     return raise_format(exc_TypeError, "attribute name must be string, not '%.200s'",
//                         type_of(name)->c_name());
//
// The message format is CPython's PyUnicode_FromFormat: %s (UTF-8 char*), %d %i %u %ld %lu
// %lld %zd %zu %x %c %p %%, the precision form %.200s, and for Values %R (repr), %S (str),
// %U (a str Value), %A (ascii). A failure while formatting (a __repr__ that raises) makes
// that failure the pending exception instead.
#pragma once

#include <string_view>

#include "interp/objects/type.h"
#include "interp/vm/thread_state.h"

namespace tpy {

// exc_TypeError, exc_ValueError, ... for every row of exceptions.def.
#define TPY_EXC(name, base, layout) extern constinit Type exc_##name##_type;
#include "interp/objects/exceptions.def"
#undef TPY_EXC
#define TPY_EXC(name, base, layout) inline constexpr Type* exc_##name = &exc_##name##_type;
#include "interp/objects/exceptions.def"
#undef TPY_EXC

// -- Instances (fields as CPython's PyBaseExceptionObject and its subclasses) ---------------------
struct BaseExceptionObject : Object {
  Value dict;            // instance __dict__ (materialised on demand), or null
  Value args;            // tuple
  Value notes;           // __notes__ (3.11) or null
  Value traceback;       // __traceback__: traceback object or null (None in Python)
  Value context;         // __context__ or null
  Value cause;           // __cause__ or null
  // __suppress_context__ lives in the header's aux word, so that every exception layout is
  // the header followed by Values only (the trace function relies on it).
  bool suppress_context() const { return aux() != 0; }
  void set_suppress_context(bool v) { set_aux(v ? 1 : 0); }
};
struct BaseExceptionGroupObject : BaseExceptionObject {
  Value message;  // str
  Value excs;     // tuple of exceptions
};
struct SystemExitObject : BaseExceptionObject { Value code; };
struct StopIterationObject : BaseExceptionObject { Value value; };
struct AttributeErrorObject : BaseExceptionObject { Value name, obj; };
struct NameErrorObject : BaseExceptionObject { Value name; };
struct ImportErrorObject : BaseExceptionObject { Value msg, name, path; };
struct OSErrorObject : BaseExceptionObject { Value myerrno, strerror, filename, filename2; };
struct SyntaxErrorObject : BaseExceptionObject {
  Value msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line;
};
struct UnicodeErrorObject : BaseExceptionObject { Value encoding, object, start, end, reason; };

// -- Raising --------------------------------------------------------------------------------------
// Each returns Value::exception() so a caller can `return raise_...(...)`.

// Raises [type]([message]) (the args tuple holds the one str).
Value raise_error(Type* type, std::string_view message);
Value raise_format(Type* type, const char* format, ...);
// Raises [type]() with no arguments.
Value raise_empty(Type* type);
// Raises the exception [exc]: an instance, or a type to instantiate with no arguments (the
// semantics of `raise exc`, including "exceptions must derive from BaseException").
Value raise_value(Value exc);
// Sets the pending exception to the instance [exc] without checks or context chaining.
void set_exception(Value exc);
// MemoryError without allocating (the instance is preallocated).
Value raise_no_memory();
// OSError subclass chosen from [errnum] as CPython's PyErr_SetFromErrno (FileNotFoundError for
// ENOENT...), with strerror text; [filename] null or a str / bytes.
Value raise_errno(int errnum, Value filename = Value());
// The OSError subclass CPython picks for [errnum] (FileNotFoundError for ENOENT...), or null.
Type* oserror_subclass(int64_t errnum);
// StopIteration carrying [value] (generators' return values).
Value raise_stop_iteration(Value value);

// -- Inspecting and clearing ----------------------------------------------------------------------
inline bool error_occurred() { return !ts().current_exception.is_null(); }
inline Value pending_exception() { return ts().current_exception; }
// True when the pending exception is an instance of [type] (or of a subclass).
bool error_matches(Type* type);
// Takes the pending exception (null if none) and clears it.
Value fetch_exception();
inline void clear_exception() { ts().current_exception = Value(); }
// `isinstance(exc, cls)` for an except clause: [cls] a type or a tuple of types.
int exception_matches(Value exc, Value cls);

// -- Instances -------------------------------------------------------------------------------------
inline bool is_exception_instance(Value v) {
  return v.is_object() && type_of(v)->has_flag(kTypeBaseExceptionSubclass);
}
// Calls [type](*args) (the Python-visible constructor, so subclasses' __init__ run).
Value exception_new(Type* type, const Value* args, size_t nargs);
// Accessors used by the interpreter (traceback building, chaining, printing).
Value exception_traceback(Value exc);   // null when unset
void exception_set_traceback(Value exc, Value tb);
Value exception_context(Value exc);
void exception_set_context(Value exc, Value ctx);
Value exception_cause(Value exc);
void exception_set_cause(Value exc, Value cause);  // also sets __suppress_context__
bool exception_suppress_context(Value exc);

}  // namespace tpy
