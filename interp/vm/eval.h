// interp/vm/eval.h -- Entry points into the interpreter loop for the rest of the runtime.
#pragma once

#include <cstddef>

#include "interp/objects/type.h"

namespace tpy {

struct Frame;

// Calls the Python function [func] (a FunctionObject) with a vector call: binds the arguments
// (CPython's TypeErrors), makes the frame and runs it (or makes the generator/coroutine).
Value function_call(Value func, const Value* args, size_t nargs, Value kwnames);

// Runs [code] (a module or class body, or any code without arguments) with the given
// namespaces; [locals] null means the same as globals (a module). [func] (a function whose
// __code__ is [code], or null) supplies the closure for COPY_FREE_VARS: __build_class__
// runs a class body function this way. Used by exec/eval, __build_class__ and the runner.
Value eval_code(Value code, Value globals, Value locals, Value func = Value());

// Runs [frame] until it returns or raises (null). [throwflag]: raise the pending exception
// at the frame's current instruction instead of resuming normally (generator.throw()).
Value eval_frame(Frame* frame, bool throwflag);

// Checks the Python recursion depth and the native stack before a call from C++ into
// Python ("maximum recursion depth exceeded[ while calling a Python object]"); true when
// the call may go on (then the caller must call leave_recursive_call afterwards).
bool enter_recursive_call(const char* where);
void leave_recursive_call();

}  // namespace tpy
