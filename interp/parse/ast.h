// interp/parse/ast.h -- AST node types generated from ast.def; the parser's output.
//
// Nodes are plain structs in an Arena (see arena.h). A sum-type constructor derives from its
// category (Mod, Stmt, Expr, Pattern), which holds the kind `tag` and the source location; use
// `as<T>(node)` to downcast after checking `node->tag`.
//
// Field kinds (the F(Kind, name) of ast.def) and their C++ types:
//   Expr, OptExpr -> Expr*         (OptExpr may be null = None)
//   Exprs         -> Seq<Expr*>    (elements may be null: Dict keys for `**x`, kw_defaults)
//   Stmts -> Seq<Stmt*>    Pattern, OptPattern -> Pattern*    Patterns -> Seq<Pattern*>
//   Ident, OptIdent, OptStr, Str -> Ident (UTF-8, NFKC-normalised for identifiers; null = None)
//   Idents -> Seq<Ident>   Int -> int   ConstValue -> ConstValue
//   Operator/BoolOperator/UnaryOperator/ExprContext -> enums below   CmpOps -> Seq<CmpOp>
//   Arguments -> Arguments*   OptArg -> Arg*   Args -> Seq<Arg*>   Keywords -> Seq<Keyword*>
//   Aliases -> Seq<Alias*>    WithItems -> Seq<WithItem*>    Comprehensions, Handlers,
//   MatchCases, TypeIgnores -> Seq<...*>
#pragma once

#include <cstdint>
#include <string_view>

#include "interp/parse/arena.h"
#include "interp/support/check.h"

namespace tpy::ast {

using parse::Arena;

// Source span with CPython's conventions: 1-based lines, 0-based UTF-8 byte columns.
struct Loc {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

// An identifier or string field. `data() == nullptr` means None.
using Ident = std::string_view;

// A length-prefixed array in the arena.
template <class T>
struct Seq {
  T* items = nullptr;
  uint32_t count = 0;

  T* begin() const { return items; }
  T* end() const { return items + count; }
  uint32_t size() const { return count; }
  bool empty() const { return count == 0; }
  T& operator[](uint32_t i) const {
    TPY_DCHECK(i < count, "ast::Seq index out of range");
    return items[i];
  }
};

// The value of a Constant node or MatchSingleton, before any object model exists.
struct ConstValue {
  enum class Kind : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };
  Kind kind = Kind::None;
  int64_t i = 0;       // Int, when `s` is empty
  double f = 0;        // Float value; Complex: the imaginary part (literals are pure imaginary)
  std::string_view s;  // Str: WTF-8 (lone surrogates allowed); Bytes: raw; Int: decimal digits
                       // when the value does not fit int64 (sign included if negative)
};

#define TPY_AST_OPERATORS(X) \
  X(Add) X(Sub) X(Mult) X(MatMult) X(Div) X(Mod) X(Pow) X(LShift) X(RShift) X(BitOr) X(BitXor) \
  X(BitAnd) X(FloorDiv)
#define TPY_AST_BOOLOPS(X) X(And) X(Or)
#define TPY_AST_UNARYOPS(X) X(Invert) X(Not) X(UAdd) X(USub)
#define TPY_AST_CMPOPS(X) X(Eq) X(NotEq) X(Lt) X(LtE) X(Gt) X(GtE) X(Is) X(IsNot) X(In) X(NotIn)
#define TPY_AST_EXPR_CONTEXTS(X) X(Load) X(Store) X(Del)

#define TPY_AST_ENUMERATOR(n) n,
enum class Operator : uint8_t { TPY_AST_OPERATORS(TPY_AST_ENUMERATOR) };
enum class BoolOperator : uint8_t { TPY_AST_BOOLOPS(TPY_AST_ENUMERATOR) };
enum class UnaryOperator : uint8_t { TPY_AST_UNARYOPS(TPY_AST_ENUMERATOR) };
enum class CmpOp : uint8_t { TPY_AST_CMPOPS(TPY_AST_ENUMERATOR) };
enum class ExprContext : uint8_t { TPY_AST_EXPR_CONTEXTS(TPY_AST_ENUMERATOR) };
#undef TPY_AST_ENUMERATOR

// -- Kind enums, category bases, node structs -------------------------------------------------------
#define TPY_AST_PRODUCT(...)
#define TPY_AST_NODE(Cat, Name, Py, Fields) TPY_AST_KIND_##Cat(Name)
#define TPY_AST_KIND_Mod(N)
#define TPY_AST_KIND_Stmt(N)
#define TPY_AST_KIND_Expr(N)
#define TPY_AST_KIND_Pattern(N)

#undef TPY_AST_KIND_Mod
#define TPY_AST_KIND_Mod(N) N,
enum class ModKind : uint8_t {
#include "interp/parse/ast.def"
};
#undef TPY_AST_KIND_Mod
#define TPY_AST_KIND_Mod(N)

#undef TPY_AST_KIND_Stmt
#define TPY_AST_KIND_Stmt(N) N,
enum class StmtKind : uint8_t {
#include "interp/parse/ast.def"
};
#undef TPY_AST_KIND_Stmt
#define TPY_AST_KIND_Stmt(N)

#undef TPY_AST_KIND_Expr
#define TPY_AST_KIND_Expr(N) N,
enum class ExprKind : uint8_t {
#include "interp/parse/ast.def"
};
#undef TPY_AST_KIND_Expr
#define TPY_AST_KIND_Expr(N)

#undef TPY_AST_KIND_Pattern
#define TPY_AST_KIND_Pattern(N) N,
enum class PatternKind : uint8_t {
#include "interp/parse/ast.def"
};
#undef TPY_AST_KIND_Pattern
#undef TPY_AST_KIND_Mod
#undef TPY_AST_KIND_Stmt
#undef TPY_AST_KIND_Expr
#undef TPY_AST_NODE
#undef TPY_AST_PRODUCT

struct Mod {
  ModKind tag;
};
struct Stmt {
  StmtKind tag;
  Loc loc;
};
struct Expr {
  ExprKind tag;
  Loc loc;
};
struct Pattern {
  PatternKind tag;
  Loc loc;
};

#define TPY_AST_NODE(Cat, Name, Py, Fields) struct Name;
#define TPY_AST_PRODUCT(Name, Py, HasLoc, Fields) struct Name;
#include "interp/parse/ast.def"
#undef TPY_AST_NODE
#undef TPY_AST_PRODUCT

// C++ type of each field kind.
#define TPY_AST_T_Expr Expr*
#define TPY_AST_T_OptExpr Expr*
#define TPY_AST_T_Exprs Seq<Expr*>
#define TPY_AST_T_Stmts Seq<Stmt*>
#define TPY_AST_T_Pattern Pattern*
#define TPY_AST_T_OptPattern Pattern*
#define TPY_AST_T_Patterns Seq<Pattern*>
#define TPY_AST_T_Ident Ident
#define TPY_AST_T_OptIdent Ident
#define TPY_AST_T_OptStr Ident
#define TPY_AST_T_Str Ident
#define TPY_AST_T_Idents Seq<Ident>
#define TPY_AST_T_Int int
#define TPY_AST_T_ConstValue ConstValue
#define TPY_AST_T_Operator Operator
#define TPY_AST_T_BoolOperator BoolOperator
#define TPY_AST_T_UnaryOperator UnaryOperator
#define TPY_AST_T_CmpOps Seq<CmpOp>
#define TPY_AST_T_ExprContext ExprContext
#define TPY_AST_T_Arguments Arguments*
#define TPY_AST_T_OptArg Arg*
#define TPY_AST_T_Args Seq<Arg*>
#define TPY_AST_T_Keywords Seq<Keyword*>
#define TPY_AST_T_Aliases Seq<Alias*>
#define TPY_AST_T_WithItems Seq<WithItem*>
#define TPY_AST_T_Comprehensions Seq<Comprehension*>
#define TPY_AST_T_Handlers Seq<ExceptHandler*>
#define TPY_AST_T_MatchCases Seq<MatchCase*>
#define TPY_AST_T_TypeIgnores Seq<TypeIgnore*>

#define F(Kind, name) TPY_AST_T_##Kind name{};
#define TPY_AST_LOC_true Loc loc;
#define TPY_AST_LOC_false
#define TPY_AST_NODE(Cat, Name, Py, Fields)               \
  struct Name : Cat {                                     \
    static constexpr Cat##Kind kKind = Cat##Kind::Name;   \
    Fields                                                \
  };
#define TPY_AST_PRODUCT(Name, Py, HasLoc, Fields) \
  struct Name {                                   \
    TPY_AST_LOC_##HasLoc Fields                   \
  };
#include "interp/parse/ast.def"
#undef TPY_AST_NODE
#undef TPY_AST_PRODUCT
#undef TPY_AST_LOC_true
#undef TPY_AST_LOC_false
#undef F

// Allocates a sum-type node with its kind tag and location set.
template <class T>
T* make(Arena& a, Loc loc) {
  T* n = a.make<T>();
  n->tag = T::kKind;
  if constexpr (requires { n->loc; }) n->loc = loc;
  return n;
}

// Checked downcast: `as<BinOp>(e)`.
template <class T, class Base>
T* as(Base* n) {
  TPY_DCHECK(n->tag == T::kKind, "ast::as<> on a node of another kind");
  return static_cast<T*>(n);
}

// Copies [n] pointers from a scratch buffer into an arena Seq.
template <class T>
Seq<T> make_seq(Arena& a, const T* src, uint32_t n) {
  Seq<T> s;
  s.count = n;
  s.items = n ? static_cast<T*>(a.alloc(sizeof(T) * n, alignof(T))) : nullptr;
  for (uint32_t i = 0; i < n; i++) s.items[i] = src[i];
  return s;
}

// Python-level names of the enums and kinds, for dumps and messages.
const char* name(Operator);
const char* name(BoolOperator);
const char* name(UnaryOperator);
const char* name(CmpOp);
const char* name(ExprContext);
const char* name(ModKind);
const char* name(StmtKind);
const char* name(ExprKind);
const char* name(PatternKind);

}  // namespace tpy::ast
