// interp/vm/eval_support.h -- The out-of-line halves of instructions (errors, imports, match...).
//
// The interpreter loop (eval.cpp) keeps the fast paths; everything with CPython-specific error
// text or a lot of protocol lives here so the loop stays readable.
#pragma once

#include <cstddef>
#include <string>

#include "interp/objects/type.h"
#include "interp/vm/frame.h"

namespace tpy::vm {

// Argument binding for a Python function call into the fresh frame [f] (CPython 3.11's
// initialize_locals, with its exact TypeError messages). False with the error pending.
bool bind_arguments(Frame* f, Value func, const Value* args, size_t nargs, Value kwnames);

// -- Names ---------------------------------------------------------------------------------------
Value raise_name_error(Value name);          // NameError: name 'x' is not defined
Value raise_unbound_local(CodeObject* co, int index);  // UnboundLocalError / NameError (free)
Value load_name(Frame* f, Value name);       // LOAD_NAME
Value load_global(Frame* f, Value name);     // LOAD_GLOBAL slow path (NameError on miss)
Value load_build_class(Frame* f);

// -- Unpacking -----------------------------------------------------------------------------------
// Unpacks [v] into before + (starred list if has_star) + after items written to out[0..]
// in source order. CPython's ValueError/TypeError messages.
bool unpack_iterable(Value v, int before, bool has_star, int after, Value* out);

// -- Calls with * and ** -------------------------------------------------------------------------
// "__main__.f()" style description of a callable for error messages (_PyObject_FunctionStr).
std::string function_str(Value func);
// DICT_MERGE: merges [update] into [dict], with the messages naming [func].
bool dict_merge_kwargs(Value func, Value dict, Value update);
// CALL_FUNCTION_EX argument conversion: the * argument to a tuple.
Value call_args_to_tuple(Value func, Value args);
// LIST_EXTEND with its "Value after * must be an iterable" message.
bool list_extend_star(Value list, Value iterable);
// DICT_UPDATE with its "'int' object is not a mapping" message.
bool dict_update_mapping(Value dict, Value update);

// -- Exceptions ----------------------------------------------------------------------------------
// Sets [exc].__context__ to the exception being handled (if any), breaking cycles, as
// CPython's _PyErr_SetObject does for every raise.
void chain_context(Value exc);
// RAISE_VARARGS: true when it re-raised the handled exception (no new traceback entry).
bool do_raise(Value exc, Value cause, bool* reraise);
// CHECK_EXC_MATCH's check that the except clause names exception classes.
bool check_except_type_valid(Value right);
bool check_except_star_type_valid(Value right);
// CHECK_EG_MATCH: splits [eg] by [type]: *match None when nothing matched.
bool exception_group_match(Value eg, Value type, Value* match, Value* rest);
// PREP_RERAISE_STAR.
Value prep_reraise_star(Value orig, Value excs);

// -- Imports -------------------------------------------------------------------------------------
Value import_name(Frame* f, Value name, Value fromlist, Value level);
bool import_star(Frame* f, Value module);

// -- Pattern matching ----------------------------------------------------------------------------
Value match_class(Value subject, Value type, int nargs, Value kwargs);  // null+no error: no match
Value match_keys(Value subject, Value keys);                            // None: no match

// -- Formatting ----------------------------------------------------------------------------------
Value format_value(Value v, int conversion, Value spec);

// -- Async ---------------------------------------------------------------------------------------
Value get_awaitable_iter(Value o);  // _PyCoro_GetAwaitableIter
Value before_with(Value mgr, Value* exit, bool async);

// PRINT_EXPR: sys.displayhook(value).
bool print_expr(Value v);
// SETUP_ANNOTATIONS.
bool setup_annotations(Frame* f);

}  // namespace tpy::vm
