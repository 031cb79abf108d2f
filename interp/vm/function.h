// interp/vm/function.h -- Python functions, bound methods and cells.
//
// A function is a code object plus what MAKE_FUNCTION attached (defaults, closure...) and the
// globals it runs in. [version] identifies (code, defaults) for CALL's inline cache: it
// changes whenever __code__, __defaults__ or __kwdefaults__ is assigned, so a cached
// "exact arguments" call stays valid while the version matches (as 3.11's func_version).
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type function_type;
extern constinit Type method_type;
extern constinit Type cell_type;

class FunctionObject : public Object {
 public:
  Value globals;      // dict
  Value builtins;     // dict (the globals' __builtins__ at creation, or the builtins module's)
  Value name;         // str
  Value qualname;     // str
  Value code;         // code object
  Value defaults;     // tuple or null
  Value kwdefaults;   // dict or null
  Value closure;      // tuple of cells or null
  Value doc;          // any (None when no docstring)
  Value dict;         // __dict__ or null (made on demand)
  Value module;       // __module__ (the globals' __name__ at creation)
  Value annotations;  // dict or null (made on demand)
  uint32_t version;   // see above; 0: do not cache calls to this function
  uint32_t pad_;
};

class MethodObject : public Object {
 public:
  Value func;  // __func__: any callable
  Value self;  // __self__
};

class CellObject : public Object {
 public:
  Value ref;  // cell_contents, or null when empty
};

inline bool is_function(Value v) { return v.is_object() && v.as_object()->type() == &function_type; }
inline FunctionObject* as_function(Value v) { return static_cast<FunctionObject*>(v.as_object()); }
inline bool is_method(Value v) { return v.is_object() && v.as_object()->type() == &method_type; }
inline MethodObject* as_method(Value v) { return static_cast<MethodObject*>(v.as_object()); }
inline bool is_cell(Value v) { return v.is_object() && v.as_object()->type() == &cell_type; }
inline CellObject* as_cell(Value v) { return static_cast<CellObject*>(v.as_object()); }

// A function for [code] in [globals] (MAKE_FUNCTION without the optional parts); name,
// qualname and doc come from the code object, module from globals['__name__'].
Value function_new(Value code, Value globals);
// A bound method; func and self must be non-null.
Value method_new(Value func, Value self);
// An empty cell, or one holding [v].
Value cell_new(Value v);
// A fresh function version (a global counter; 0 once it ran out).
uint32_t function_next_version();

}  // namespace tpy
