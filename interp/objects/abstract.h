// interp/objects/abstract.h -- The generic operations on any Value (CPython's abstract.c/object.c).
//
// The interpreter's slow paths, built-in functions and native code use these; each dispatches
// through the type slots (interp/objects/type.h) with CPython's exact rules: reflected binary
// operators (a subclass's reflected method first), NotImplemented, rich comparison fallbacks
// and identity defaults, descriptor protocol in attribute access, __index__/__int__/__float__
// conversions, and CPython's TypeError messages. Null / -1 returns mean an exception is pending.
#pragma once

#include <cstdint>
#include <string>

#include "interp/objects/type.h"

namespace tpy {

// -- Conversion to text ---------------------------------------------------------------------------
Value object_repr(Value v);   // repr(v); guards against infinite recursion as CPython
Value object_str(Value v);    // str(v)
Value object_ascii(Value v);  // ascii(v)
Value object_format(Value v, Value spec);  // format(v, spec)
// repr(v) as UTF-8 for C++ callers (error messages); on failure returns "<unprintable>" and
// leaves the error pending.
std::string repr_utf8(Value v);

// -- Identity, truth, hashing, comparison ---------------------------------------------------------
int object_truthy(Value v);            // bool(v): 1, 0, -1
int64_t object_hash(Value v);          // hash(v); -1 with TypeError "unhashable type: 'list'"
Value compare(Value a, Value b, CompareOp op);   // a < b etc.: any object
int compare_bool(Value a, Value b, CompareOp op);  // as object_truthy(compare(...))
// a == b for containers: identity implies equality (PyObject_RichCompareBool's shortcut).
int object_equal(Value a, Value b);

// -- isinstance / issubclass ------------------------------------------------------------------------
// isinstance(obj, cls) / issubclass(a, b): [cls] a type, a tuple (nested) of them, or any object
// with __instancecheck__ / __subclasscheck__ on its type. 1, 0 or -1.
int object_isinstance(Value obj, Value cls);
int object_issubclass(Value derived, Value cls);
// The default algorithms (type.__instancecheck__ / type.__subclasscheck__): by MRO for types,
// through __class__ / __bases__ for other objects.
int object_recursive_isinstance(Value obj, Value cls);
int object_recursive_issubclass(Value derived, Value cls);

// -- Attributes (name: a str) ----------------------------------------------------------------------
Value getattr(Value obj, Value name);
Value getattr_cstr(Value obj, const char* name);
// getattr(obj, name, None)-like: null without an exception when the attribute is missing
// (AttributeError swallowed); null with an exception for other errors.
Value getattr_opt(Value obj, Value name);
int setattr(Value obj, Value name, Value v);  // v null: delattr
int hasattr(Value obj, Value name);
// object.__getattribute__ / object.__setattr__: the generic algorithms with descriptors and
// instance attributes (shapes), used as the getattro/setattro slots of most types.
Value generic_getattr(Value obj, Value name);
int generic_setattr(Value obj, Value name, Value v);
// For LOAD_METHOD: looks [name] up on obj's type; if it is a plain function (or a method
// descriptor) not shadowed by an instance attribute, returns it unbound with *is_method=true;
// otherwise returns the attribute as getattr would with *is_method=false.
Value lookup_method(Value obj, Value name, bool* is_method);
// Special-method lookup on the type only (bypassing the instance), bound: e.g. __enter__.
// null without an exception when missing.
Value lookup_special(Value obj, Value name);

// -- Calls -----------------------------------------------------------------------------------------
// callable(*args[0:nargs], **{kwnames[i]: args[nargs+i]}).
Value call(Value callable, const Value* args, size_t nargs, Value kwnames = Value());
Value call0(Value callable);
Value call1(Value callable, Value a);
Value call2(Value callable, Value a, Value b);
// callable(*args_tuple, **kwargs_dict): CALL_FUNCTION_EX. kwargs may be null.
Value call_tuple_dict(Value callable, Value args, Value kwargs);
// obj.name(*args): method call without creating a bound method where possible.
Value call_method(Value obj, Value name, const Value* args, size_t nargs, Value kwnames = Value());
int is_callable(Value v);

// -- Numbers ---------------------------------------------------------------------------------------
Value binary_op(Value a, Value b, BinOp op);  // a + b, a += b (in-place tries __iadd__ first)
Value power(Value a, Value b, Value mod);     // pow(a, b, mod); mod None for two operands
Value inplace_power(Value a, Value b);        // a **= b
Value number_divmod(Value a, Value b);        // divmod(a, b)
Value unary_neg(Value v);
Value unary_pos(Value v);
Value unary_invert(Value v);
Value number_abs(Value v);
Value number_index(Value v);   // operator.index(v): an exact int (or raises TypeError)
Value number_long(Value v);    // int(v)
Value number_float(Value v);   // float(v)
bool index_to_i64(Value v, int64_t* out);  // __index__ then fits int64 (OverflowError)

// -- Containers ------------------------------------------------------------------------------------
Value getitem(Value obj, Value key);   // obj[key] (also type[...] via __class_getitem__)
int setitem(Value obj, Value key, Value v);
int delitem(Value obj, Value key);
int64_t object_length(Value v);        // len(v), with CPython's messages
int contains(Value container, Value item);  // item in container (falls back to iteration)

// -- Iteration -------------------------------------------------------------------------------------
Value get_iter(Value v);     // iter(v) ("'int' object is not iterable")
// next(it): null with no exception when exhausted; null with an exception on error.
Value iter_next(Value it);

}  // namespace tpy
