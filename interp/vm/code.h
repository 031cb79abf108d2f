// interp/vm/code.h -- The runtime `code` object, made from the compiler's CodeUnit.
//
// A code object is one GC object: the header fields below, then (in trailing memory of the
// same cell) the quickenable instruction array with its inline cache units, one Position per
// unit, the exception table, the localsplus kinds, one hot counter per unit (used at loop
// headers) and the side table of inline-cache entries that hold 64-bit versions and Values.
// Everything Python reads (co_consts, co_names, co_varnames...) is a tuple made once.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {
namespace compile {
struct CodeUnit;  // interp/compile/code_unit.h
}

extern constinit Type code_type;

// co_flags and co_localspluskinds bits (CPython's values, as compile::CodeFlag / LocalKind).
enum : uint32_t {
  kCoOptimized = 0x0001, kCoNewLocals = 0x0002, kCoVarargs = 0x0004, kCoVarkeywords = 0x0008,
  kCoNested = 0x0010, kCoGenerator = 0x0020, kCoNoFree = 0x0040, kCoCoroutine = 0x0080,
  kCoIterableCoroutine = 0x0100, kCoAsyncGenerator = 0x0200,
};
enum : uint8_t { kFastLocal = 0x20, kFastCell = 0x40, kFastFree = 0x80 };

// As compile::Position and compile::ExceptionEntry (code units; -1 for a missing position).
struct Position {
  int32_t line = -1, end_line = -1, col = -1, end_col = -1;
};
struct ExceptionEntry {
  uint32_t start, end, target, depth;
  bool lasti;
};

// One side entry per instruction that has inline caches; the instruction's second cache unit
// holds the entry's index (its first unit is the specialisation counter). The entry holds
// what does not fit in 16-bit units: full dict/type versions and a cached Value.
struct CacheEntry {
  uint64_t version1;  // LOAD_GLOBAL: globals version; LOAD_ATTR/METHOD: type version
  uint64_t version2;  // LOAD_GLOBAL: builtins version; LOAD_ATTR/METHOD: shape or 0
  Value value;        // the cached result (a global, a method) or null
  int64_t aux;        // a slot index, a function version...
};

class CodeObject : public Object {
 public:
  Value name;          // str
  Value qualname;      // str
  Value filename;      // str
  Value consts;        // tuple
  Value names;         // tuple of interned str
  Value localsplus_names;  // tuple of interned str
  Value varnames, cellvars, freevars;  // tuples (co_varnames, co_cellvars, co_freevars)
  Value weakreflist;   // reserved
  int32_t firstlineno;
  int32_t argcount, posonlyargcount, kwonlyargcount;
  uint32_t flags;
  int32_t stacksize;
  int32_t nlocalsplus;  // locals + cells + frees
  int32_t nlocals;      // co_nlocals
  int32_t ncellvars, nfreevars;
  int32_t ncode;        // code units
  int32_t nexc;         // exception table rows
  int32_t ncache;       // CacheEntry rows
  // How many times the function was entered (bumped on every call); the JIT reads it.
  uint32_t hot_calls;
  // First cell index that is a parameter-cell etc. is in kinds; frames size themselves from:
  int32_t framesize;    // nlocalsplus + stacksize
  int32_t pad_;
  // Trailing arrays (pointers into this same object).
  uint16_t* code;        // ncode units, quickened in place
  Position* positions;   // ncode
  ExceptionEntry* exctable;  // nexc
  uint8_t* kinds;        // nlocalsplus
  uint32_t* hot;         // ncode: JUMP_BACKWARD bumps hot[target] (the loop header)
  CacheEntry* cache;     // ncache
  // The original (unquickened) units for co_code, kept beside the quickened ones.
  uint16_t* original;    // ncode
};

inline bool is_code(Value v) { return v.is_object() && v.as_object()->type() == &code_type; }
inline CodeObject* as_code(Value v) { return static_cast<CodeObject*>(v.as_object()); }

// Makes the code object tree for [unit] (nested code constants become code objects).
// Null with MemoryError pending on failure.
Value code_from_unit(const compile::CodeUnit& unit);

// The line of the instruction at code unit [index] (-1: none).
int code_line_at(const CodeObject* co, int index);
// The innermost exception-table row covering [index], or null.
const ExceptionEntry* code_find_handler(const CodeObject* co, int index);
// co_code as bytes (the unquickened instructions); co_positions-like access for tracebacks.
Value code_co_code(Value code);

// The generic trace function of code objects (the collector's view).
void code_trace(Object* self, VisitFn visit, void* ctx);

}  // namespace tpy
