// interp/parse/ast.cpp -- Python-level names of the AST's enums and node kinds (from ast.def).
#include "interp/parse/ast.h"

#include <type_traits>

namespace tpy::ast {
namespace {

#define TPY_AST_NAME(n) #n,
constexpr const char* kOperatorNames[] = {TPY_AST_OPERATORS(TPY_AST_NAME)};
constexpr const char* kBoolOpNames[] = {TPY_AST_BOOLOPS(TPY_AST_NAME)};
constexpr const char* kUnaryOpNames[] = {TPY_AST_UNARYOPS(TPY_AST_NAME)};
constexpr const char* kCmpOpNames[] = {TPY_AST_CMPOPS(TPY_AST_NAME)};
constexpr const char* kContextNames[] = {TPY_AST_EXPR_CONTEXTS(TPY_AST_NAME)};
#undef TPY_AST_NAME

// The Python name of kind [k] of category [Cat]: one test per constructor of that category in
// ast.def (the compiler turns the chain into a table lookup).
template <class Cat, class Kind>
const char* kind_name(Kind k) {
#define TPY_AST_PRODUCT(...)
#define TPY_AST_NODE(C, Name, Py, Fields) \
  if constexpr (std::is_same_v<Cat, C>) {  \
    if (k == C##Kind::Name) return Py;     \
  }
#include "interp/parse/ast.def"
#undef TPY_AST_NODE
#undef TPY_AST_PRODUCT
  TPY_UNREACHABLE();
}

}  // namespace

const char* name(Operator op) { return kOperatorNames[int(op)]; }
const char* name(BoolOperator op) { return kBoolOpNames[int(op)]; }
const char* name(UnaryOperator op) { return kUnaryOpNames[int(op)]; }
const char* name(CmpOp op) { return kCmpOpNames[int(op)]; }
const char* name(ExprContext ctx) { return kContextNames[int(ctx)]; }
const char* name(ModKind k) { return kind_name<Mod>(k); }
const char* name(StmtKind k) { return kind_name<Stmt>(k); }
const char* name(ExprKind k) { return kind_name<Expr>(k); }
const char* name(PatternKind k) { return kind_name<Pattern>(k); }

}  // namespace tpy::ast
