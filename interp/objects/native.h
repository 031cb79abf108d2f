// interp/objects/native.h -- How C++ code defines Python-visible functions, methods and attributes.
//
// A built-in type lists its methods, members and getset properties in static tables; type
// initialisation turns each row into a descriptor in the type's dict (method_descriptor,
// member_descriptor, getset_descriptor, classmethod_descriptor, as CPython shows them). A
// native module lists its functions the same way (builtin_function_or_method objects).
//
//   static Value list_append_m(Value self, const Value* args, size_t nargs, Value kwnames);
//   static const MethodDef list_methods[] = {
//     {"append", list_append_m, kMethO, "Append object to the end of the list."},
//     {nullptr}};
//
// Calling conventions (CPython's METH_* flags):
//   kMethNoArgs   f(self, nullptr, 0, null)      -- arity checked by the caller
//   kMethO        f(self, &arg, 1, null)         -- exactly one positional, checked by caller
//   kMethFast     f(self, args, nargs, null)     -- positional only, the function checks
//   kMethFastKw   f(self, args, nargs, kwnames)  -- vector call with keywords
// kMethClass / kMethStatic change what self is (the type / nothing), as in CPython. For module
// functions self is the module object.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "interp/objects/type.h"

namespace tpy {

using NativeFn = Value (*)(Value self, const Value* args, size_t nargs, Value kwnames);

enum MethodFlags : uint32_t {
  kMethNoArgs = 1u << 0,
  kMethO = 1u << 1,
  kMethFast = 1u << 2,
  kMethFastKw = 1u << 3,
  kMethClass = 1u << 4,   // a classmethod (self is the type)
  kMethStatic = 1u << 5,  // a staticmethod (self is null)
};

struct MethodDef {
  const char* name;
  NativeFn fn;
  uint32_t flags;
  const char* doc;  // __doc__, with CPython's __text_signature__ first line where it has one
};

// A C++ field of the instance exposed as an attribute (member_descriptor).
enum class MemberKind : uint8_t { Value, ValueOrNone, Int64, Int32, Bool, Double };
struct MemberDef {
  const char* name;
  MemberKind kind;
  uint32_t offset;   // byte offset of the field in the instance
  bool readonly;
  const char* doc;
};

// A computed attribute (getset_descriptor). set null: read-only ("attribute '%s' of '%s'
// objects is not writable").
struct GetSetDef {
  const char* name;
  Value (*get)(Value self);
  int (*set)(Value self, Value v);  // v null: delete
  const char* doc;
};

// What a built-in type adds to its dict at initialisation.
struct TypeDefs {
  const MethodDef* methods = nullptr;  // terminated by a row with a null name
  const MemberDef* members = nullptr;
  const GetSetDef* getsets = nullptr;
};

// Completes a static built-in type: base and MRO, flags inherited, slots inherited from the
// base where unset, the dict filled with slot wrappers (slots.def) and [defs], version tag.
// Bases first: called in dependency order by runtime_init (interp/vm/runtime.h).
void type_init(Type* t, Type* base, const TypeDefs& defs, const char* doc = nullptr);

// A builtin_function_or_method bound to [self] (a module, or null): what module functions are.
Value native_function_new(const MethodDef* def, Value self, Value module_name);
// Adds each row of [defs] to the dict [d] as a native function bound to [self].
int add_native_functions(Value d, const MethodDef* defs, Value self, Value module_name);

// -- Argument parsing with CPython's messages -----------------------------------------------------
//
//   static const char* const kw[] = {"sep", "end", "file", "flush", nullptr};
//   Value sep = Value(), end = Value(), file = Value(), flush = Value();
//   ArgSpec spec{"print", kw, /*min_positional=*/0, /*max_positional=*/0, /*posonly=*/0,
//                /*varargs=*/true};
//   if (!parse_args(spec, args, nargs, kwnames, {&sep, &end, &file, &flush})) return {};
//
// Names listed in [names] are matched by position first (up to max_positional), then by
// keyword; arguments not given stay as the caller initialised them (null). Errors are
// CPython's: "print() takes at most 2 arguments (3 given)", "f() got an unexpected keyword
// argument 'x'", "f() missing required argument 'x' (pos 1)", "f() takes no keyword
// arguments", "argument for f() given by name ('x') and position (1)"...
struct ArgSpec {
  const char* fname;              // "print", "list.sort": used in messages as "print()"
  const char* const* names;       // null-terminated; may be null when there are none
  int min_positional = 0;         // required arguments (by position or name)
  int max_positional = 0;         // how many may be given by position
  int posonly = 0;                // leading names that may not be given by keyword
  bool varargs = false;           // extra positionals allowed (caller reads them from args)
  bool kwonly_required = false;   // every keyword-only name is required
};
bool parse_args(const ArgSpec& spec, const Value* args, size_t nargs, Value kwnames,
                std::initializer_list<Value*> out);
// Common checks with CPython's wording.
bool check_no_kwargs(const char* fname, Value kwnames);                  // "f() takes no keyword arguments"
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max);  // "f expected at most 2 arguments, got 3"

// Index-like conversion (__index__) of an argument to int64 with CPython's messages.
bool arg_to_index(Value v, int64_t* out);          // OverflowError when it does not fit
bool arg_to_ssize_clamped(Value v, int64_t* out);  // clamps (slice indices)

}  // namespace tpy
