// interp/compile/symtable.h -- Scope analysis (the symbol table) with CPython 3.11's rules.
//
// The first stage of the bytecode compiler, as Python/symtable.c and Python/future.c: one pass
// over the AST records, per block (module, class, function, lambda, comprehension), which names
// are bound, used, declared global/nonlocal or are parameters; a second pass resolves each
// name's scope (local, cell, free, global explicit or implicit), propagating free variables
// outwards and making cells where an inner block captures a local. The result is what the
// `symtable` module of python3.11 shows (tests/symtable compares the two on the whole stdlib).
//
// Use from the code generator:
//   SyntaxErrorInfo err;
//   auto st = compile::build_symtable(mod, filename, &err);
//   if (!st) { compile::load_error_text(err); report(err); }
//   const Block* b = st->block_for(func_def_stmt);     // the block a node opens
//   Scope s = b->scope_of(compile::mangle(b->private_name, name, scratch));
//
// Differences from CPython's structure that do not change results: symbols of a block keep
// their order of first appearance, except that free variables a block only holds to pass them
// to its children (flags 0, scope Free) come last, sorted by name (CPython appends them in hash
// order). Blocks of `from __future__ import annotations` annotations are visited (their names
// are kept out of the enclosing block, and their errors reported) but, as in CPython, are
// nobody's children and have no entry in block_for().
//
// What compile.c derives from a block, for the code generator: co_varnames starts with
// `varnames`; co_cellvars are the names of scope Cell, sorted (a class has none, but gets
// ("__class__",) when needs_class_closure); co_freevars are the names of scope Free or with
// kDefFreeClass, sorted; code flags come from generator/coroutine (both: an async generator),
// varargs, varkeywords and nested.
//
// Compile-time errors that are NOT raised here because CPython raises them in compile.c (the
// code generator must, with the statement's or expression's location, the text loaded as
// load_error_text() does): "'return' outside function", "'yield' outside function" (also in a
// class body), "'await' outside function", "'await' outside async function", "'async with'
// outside async function", "'async for' outside async function", "asynchronous comprehension
// outside of an asynchronous function" (an async comprehension or one containing await in a
// non-async function: see Block::coroutine), "'return' with value in async generator", "'yield
// from' inside async function", "'break' outside loop", "'continue' not properly in loop",
// "from __future__ imports must occur at the beginning of the file" (the general case; the one
// on the same line as earlier statements is parse_future()'s), "cannot assign to __debug__",
// "cannot delete __debug__", "multiple starred expressions in assignment", "starred assignment
// target must be in a list or tuple", "cannot use starred expression here", "too many
// expressions in star-unpacking assignment", "keyword argument repeated: a", "default
// 'except:' must be last", "too many statically nested blocks", the match-statement errors
// ("name capture 'a' makes remaining patterns unreachable", "wildcard makes remaining patterns
// unreachable", "alternative patterns bind different names", "multiple assignments to name 'a'
// in pattern", "mapping pattern checks duplicate key (1)", "attribute name repeated in class
// pattern: a", "multiple starred names in sequence pattern", ...), and the SyntaxWarnings
// ("\"is\" with a literal. Did you mean \"==\"?", "'tuple' object is not callable; perhaps you
// missed a comma?", "assertion is always true, perhaps remove parentheses?", ...).
// CPython's AST optimiser also runs before the symbol table and turns loads of `__debug__` into
// constants; this table, like the `symtable` module, still records them as uses.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interp/parse/arena.h"
#include "interp/parse/ast.h"
#include "interp/parse/syntax_error.h"

namespace tpy::compile {

using parse::SyntaxErrorInfo;

// Symbol flags, with CPython's values (Include/internal/pycore_symtable.h), so that dumps and
// tests can compare them with the `symtable` module's raw flags.
namespace sym {
inline constexpr uint16_t kDefGlobal = 1;       // `global` statement (or a walrus at module level)
inline constexpr uint16_t kDefLocal = 2;        // bound in the block (assignment, def, del, ...)
inline constexpr uint16_t kDefParam = 4;        // a parameter
inline constexpr uint16_t kDefNonlocal = 8;     // `nonlocal` statement (or a walrus in a function)
inline constexpr uint16_t kUse = 16;            // loaded
inline constexpr uint16_t kDefFree = 32;        // unused by 3.11, kept for the value table
inline constexpr uint16_t kDefFreeClass = 64;   // free in a method and bound in the class too
inline constexpr uint16_t kDefImport = 128;     // bound by an import
inline constexpr uint16_t kDefAnnot = 256;      // annotated (`x: int`)
inline constexpr uint16_t kDefCompIter = 512;   // a comprehension's iteration variable
inline constexpr uint16_t kDefBound = kDefLocal | kDefParam | kDefImport;
}  // namespace sym

// Resolved scope of a name in a block (CPython's values; None means "not in this block").
enum class Scope : uint8_t {
  None = 0,
  Local = 1,
  GlobalExplicit = 2,  // declared global (here, or implicitly by a walrus at module level)
  GlobalImplicit = 3,  // not bound in any enclosing function: a global or a builtin
  Free = 4,            // bound in an enclosing function: loaded through a closure cell
  Cell = 5,            // local, and captured by an inner block
};

enum class BlockType : uint8_t { Module, Class, Function, Annotation };
// Comprehensions are function blocks; this says which kind (and so the "'yield' inside ..."
// wording and the code generator's building code).
enum class ComprehensionKind : uint8_t { None, List, Set, Dict, Generator };

struct Symbol {
  std::string_view name;  // mangled
  uint16_t flags = 0;     // sym::k*
  Scope scope = Scope::None;

  bool has(uint16_t f) const { return (flags & f) != 0; }
};

class Block {
 public:
  BlockType type = BlockType::Module;
  ComprehensionKind comprehension = ComprehensionKind::None;
  // "top", the def/class name, "lambda", "genexpr", "listcomp", "setcomp" or "dictcomp".
  std::string_view name;
  // The node that opens the block: the ast::Mod, FunctionDef, AsyncFunctionDef or ClassDef
  // statement, or the Lambda, GeneratorExp, ListComp, SetComp or DictComp expression.
  const void* node = nullptr;
  ast::Loc loc;  // the node's location; the module's is all 0
  // The class name private names (`__x`) are mangled with inside this block: the innermost
  // enclosing class's (a class's own name for its body); empty outside classes.
  std::string_view private_name;
  Block* parent = nullptr;
  std::vector<Block*> children;  // in source order (the order CPython creates them)
  std::vector<Symbol> symbols;   // see the file comment for the order
  // Parameters in CPython's order: positional-only, regular, keyword-only, *args, **kwargs;
  // a comprehension's is the implicit ".0" (the outermost iterator).
  std::vector<std::string_view> varnames;

  bool nested = false;       // inside a function (directly or through other blocks)
  bool generator = false;    // contains yield / yield from, or is a generator expression
  bool coroutine = false;    // async def, or contains await / async comprehensions (3.11
                             // propagates an async list/set/dict comprehension to its parent)
  bool varargs = false;      // has *args
  bool varkeywords = false;  // has **kwargs
  bool returns_value = false;        // has `return <expr>`
  // A class whose methods use __class__ (or super()): its body creates the __class__ cell and
  // stores it in the namespace as __classcell__ for type.__new__ to fill.
  bool needs_class_closure = false;

  // The symbol for [mangled_name], or null.
  const Symbol* lookup(std::string_view mangled_name) const;
  Scope scope_of(std::string_view mangled_name) const {
    const Symbol* s = lookup(mangled_name);
    return s ? s->scope : Scope::None;
  }
  bool is_function() const { return type == BlockType::Function; }

 private:
  friend class SymtableBuilder;
  friend class ScopeAnalyzer;
  std::unordered_map<std::string_view, uint32_t> m_index;  // name -> position in symbols
  struct Directive {
    std::string_view name;  // mangled
    ast::Loc loc;
  };
  std::vector<Directive> m_directives;  // global/nonlocal statements, for error locations
  int m_comp_iter_expr = 0;             // > 0 while visiting a comprehension's iterable
  bool m_comp_iter_target = false;      // while visiting a comprehension's target
};

// `from __future__ import ...` features in effect (Python/future.c).
struct FutureFeatures {
  bool annotations = false;     // PEP 563: annotations are not evaluated
  bool barry_as_FLUFL = false;  // PEP 401
  int lineno = 0;               // line of the last future import, 0 if none
};

class SymbolTable {
 public:
  SymbolTable() = default;
  SymbolTable(const SymbolTable&) = delete;
  SymbolTable& operator=(const SymbolTable&) = delete;

  const Block* top() const { return m_top; }
  // The block [node] opens (see Block::node), or null if it opens none.
  const Block* block_for(const void* node) const {
    auto it = m_by_node.find(node);
    return it == m_by_node.end() ? nullptr : it->second;
  }
  const FutureFeatures& future() const { return m_future; }
  std::string_view filename() const { return m_filename; }

 private:
  friend class SymtableBuilder;
  friend class ScopeAnalyzer;
  Block* m_top = nullptr;
  FutureFeatures m_future;
  std::string m_filename;
  std::deque<Block> m_blocks;  // deque: blocks never move
  std::unordered_map<const void*, Block*> m_by_node;
  parse::Arena m_names;        // mangled names and other names the AST does not hold
};

struct SymtableOptions {
  // CPython counts statement, expression and pattern nesting against the interpreter's
  // recursion limit scaled by 3, starting from the current Python depth scaled by 3 (0 when a
  // script is compiled before it runs): deeper ASTs raise "RecursionError: maximum recursion
  // depth exceeded during compilation".
  int recursion_depth = 0;
  int recursion_limit = 3000;
};

// Builds the table of [mod] (which must outlive it: names point into its arena). Returns null
// on error, with [err] set as CPython sets the SyntaxError (or RecursionError): message,
// filename, lineno, offset = col_offset + 1 (in bytes, as CPython's symtable reports it),
// end_lineno and end_offset; the source text is left empty (see load_error_text).
// Errors of `from __future__` (parse_future) come first, as in CPython.
std::unique_ptr<SymbolTable> build_symtable(ast::Mod* mod, std::string_view filename,
                                            SyntaxErrorInfo* err,
                                            const SymtableOptions& options = {});

// Reads the future imports at the start of [mod] (after an optional docstring) as
// _PyFuture_FromAST does; on "not a chance", "future feature X is not defined" or a late future
// import on the line of earlier statements returns false with [err] set.
bool parse_future(ast::Mod* mod, std::string_view filename, FutureFeatures* out,
                  SyntaxErrorInfo* err);

// Private name mangling as _Py_Mangle: inside class [private_name], `__spam` becomes
// `_Class__spam` (leading underscores of the class name dropped) unless it ends in "__",
// contains a dot, or the class name is all underscores.
bool mangling_applies(std::string_view private_name, std::string_view name);
// [name] itself when no mangling applies, else the mangled name, stored in [arena].
std::string_view mangle(std::string_view private_name, std::string_view name, parse::Arena& arena);
std::string mangle(std::string_view private_name, std::string_view name);

// The source line CPython attaches to a SyntaxError raised after parsing (symtable and
// compiler errors): it re-reads line [lineno] of the file named [filename] (universal
// newlines; only the last 999 bytes of a longer line; none if it is not valid UTF-8).
// Returns false when CPython would have no text (no such file or line, "<string>", ...).
bool program_text(std::string_view file_bytes, int lineno, std::string* out);
// Sets [err].text from the file named [err].filename as CPython does; leaves it empty when
// the file cannot be read.
void load_error_text(SyntaxErrorInfo& err);

}  // namespace tpy::compile
