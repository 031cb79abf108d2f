// interp/compile/code_unit.h -- The compiler's output: one code object as plain C++ data.
//
// A CodeUnit is what CPython 3.11 keeps in a code object, before any object model exists; the
// interpreter converts it into its runtime code object. Nested functions, classes, lambdas and
// comprehensions are Constants of kind Code inside their parent's consts, so a module's
// CodeUnit owns the whole tree (unique_ptr all the way down).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tpy::compile {

struct CodeUnit;

// A compile-time constant (co_consts entry). Folded tuples and `x in {1, 2}` sets hold their
// items; a Code constant owns a nested code object.
struct Constant {
  enum class Kind : uint8_t {
    None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes, Tuple, FrozenSet, Code
  };
  Kind kind = Kind::None;
  int64_t i = 0;            // Int, when `big` is empty
  std::string big;          // Int: decimal digits (with '-' if negative) beyond int64
  double f = 0;             // Float; Complex: the real part
  double imag = 0;          // Complex: the imaginary part
  std::string s;            // Str: WTF-8 (lone surrogates allowed); Bytes: raw bytes
  std::vector<Constant> items;      // Tuple / FrozenSet (FrozenSet in insertion order)
  std::unique_ptr<CodeUnit> code;   // Code

  Constant() = default;
  Constant(Constant&&) = default;
  Constant& operator=(Constant&&) = default;
  Constant clone() const;  // deep copy (Code constants are copied too)

  static Constant none() { return Constant(); }
  static Constant boolean(bool b) { Constant c; c.kind = b ? Kind::True : Kind::False; return c; }
  static Constant integer(int64_t v) { Constant c; c.kind = Kind::Int; c.i = v; return c; }
  static Constant str(std::string v) { Constant c; c.kind = Kind::Str; c.s = std::move(v); return c; }

  // Python's repr() of the constant (code objects as dis shows them: <code object f at 0x..., file
  // "f.py", line 3>, with a fixed address).
  std::string repr() const;
  // A string that is equal for two constants exactly when CPython's compiler would merge them
  // into one co_consts slot (type-aware: 1, 1.0 and True differ; so do 0.0 and -0.0).
  std::string key() const;
  bool is_true() const;  // truth value (for constant-condition jumps); not for Code
};

// co_flags bits (CPython's values).
enum CodeFlag : uint32_t {
  CO_OPTIMIZED = 0x0001,
  CO_NEWLOCALS = 0x0002,
  CO_VARARGS = 0x0004,
  CO_VARKEYWORDS = 0x0008,
  CO_NESTED = 0x0010,
  CO_GENERATOR = 0x0020,
  CO_NOFREE = 0x0040,
  CO_COROUTINE = 0x0080,
  CO_ITERABLE_COROUTINE = 0x0100,
  CO_ASYNC_GENERATOR = 0x0200,
};

// co_localspluskinds bits (3.11): a parameter that is captured is LOCAL|CELL.
enum LocalKind : uint8_t {
  CO_FAST_LOCAL = 0x20,
  CO_FAST_CELL = 0x40,
  CO_FAST_FREE = 0x80,
};

// One row of the exception table, in code units: an exception raised by an instruction in
// [start, end) pops the value stack to `depth` items, pushes the offset of the raising
// instruction if `lasti`, pushes the exception and jumps to `target`. Rows are sorted by start
// and do not overlap (the innermost handler wins, as 3.11's table encodes it).
struct ExceptionEntry {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t target = 0;
  uint32_t depth = 0;
  bool lasti = false;
};

// Source span of one code unit, as co_positions() yields it: 1-based lines, 0-based UTF-8 byte
// columns, -1 for "None" (an instruction without a line, e.g. MAKE_CELL in the prologue).
struct Position {
  int line = -1;
  int end_line = -1;
  int col = -1;
  int end_col = -1;
};

struct CodeUnit {
  std::string name;       // co_name
  std::string qualname;   // co_qualname
  std::string filename;   // co_filename
  int firstlineno = 1;
  int argcount = 0;         // positional parameters, including positional-only
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  uint32_t flags = 0;       // CodeFlag bits
  int stacksize = 0;        // the maximum value-stack depth

  // 3.11's "fast locals plus": locals (parameters first), then cells that are not parameters,
  // then free variables. LOAD_FAST/STORE_FAST/LOAD_DEREF/MAKE_CELL... index this array.
  std::vector<std::string> localsplus_names;
  std::vector<uint8_t> localsplus_kinds;   // LocalKind bits, one per name

  std::vector<std::string> names;          // co_names (globals, attributes, imports)
  std::vector<Constant> consts;            // co_consts (for a function: docstring or None first)

  // 16-bit units, little-endian within the unit: opcode | oparg << 8. EXTENDED_ARG prefixes and
  // zeroed inline cache units are laid out exactly as in 3.11.
  std::vector<uint16_t> code;
  std::vector<ExceptionEntry> exception_table;
  std::vector<Position> positions;         // one per unit of `code` (caches share theirs)

  // Counts derived from localsplus_kinds (co_nlocals, len(co_cellvars), len(co_freevars)).
  int nlocals() const;     // co_nlocals (parameters that are cells count here too)
  int ncellvars() const;   // len(co_cellvars): every cell, parameters included
  int nfreevars() const;   // len(co_freevars)

  CodeUnit clone() const;  // deep copy
};

}  // namespace tpy::compile
