// interp/parse/ast_dump.cpp -- Prints an AST exactly as CPython 3.11's ast.dump() does.
//
// The printer is generated from ast.def: one dump_node() per node type, whose body expands the
// node's field list. Without `indent`, Lib/ast.py's dump() prints every node as
// `Name(field=value, ...)` in ASDL order, leaves out an optional (`?`) field whose value is None,
// prints lists as `[a, b]`, enum values as `Add()`, and everything else by repr(). With
// include_attributes it then appends lineno, col_offset, end_lineno and end_col_offset for the
// node types that have them. Everything is appended to one std::string.
#include "interp/parse/ast_dump.h"

#include <charconv>
#include <type_traits>

#include "interp/text/repr.h"

namespace tpy::parse {
namespace {

using namespace ast;

struct Dumper {
  std::string& out;
  bool attrs;
  int depth = 0;        // nodes being printed, outermost first
  bool failed = false;  // went deeper than kMaxDumpDepth; the output is unfinished
};

// ast.dump() recurses once per nested node and python3.11 stops near its recursion limit of
// 1000 (RecursionError); stopping here too keeps the native stack shallow, even under ASan.
// 992 is the deepest chain of nodes `print(ast.dump(ast.parse(src)))` prints (Module, Assign,
// 989 UnaryOps, Constant); counting sum-type nodes only is CPython's count for such chains.
constexpr int kMaxDumpDepth = 992;

// ASDL `?` fields (OptExpr, OptIdent, OptStr, OptArg, OptPattern): None is not printed.
constexpr bool is_optional_kind(std::string_view kind) { return kind.starts_with("Opt"); }

template <class T>
bool is_none(const T& v) {
  if constexpr (std::is_pointer_v<T>) return v == nullptr;
  else if constexpr (std::is_same_v<T, Ident>) return v.data() == nullptr;
  else return false;
}

// -- Leaf values ----------------------------------------------------------------------------------

void put_int(Dumper& d, int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  d.out.append(buf, r.ptr);
}

void put(Dumper& d, int v) { put_int(d, v); }

void put(Dumper& d, Ident s) {
  if (s.data() == nullptr) d.out += "None";
  else text::str_repr(d.out, s);
}

void put_enum(Dumper& d, const char* name) {
  d.out += name;
  d.out += "()";
}
void put(Dumper& d, Operator v) { put_enum(d, name(v)); }
void put(Dumper& d, BoolOperator v) { put_enum(d, name(v)); }
void put(Dumper& d, UnaryOperator v) { put_enum(d, name(v)); }
void put(Dumper& d, CmpOp v) { put_enum(d, name(v)); }
void put(Dumper& d, ExprContext v) { put_enum(d, name(v)); }

void put(Dumper& d, const ConstValue& v) {
  using K = ConstValue::Kind;
  switch (v.kind) {
    case K::None: d.out += "None"; return;
    case K::True: d.out += "True"; return;
    case K::False: d.out += "False"; return;
    case K::Ellipsis: d.out += "Ellipsis"; return;
    case K::Int:
      if (v.s.empty()) put_int(d, v.i);
      else d.out += v.s;
      return;
    case K::Float: text::float_repr(d.out, v.f); return;
    case K::Complex: text::complex_repr(d.out, 0.0, v.f); return;
    case K::Str: text::str_repr(d.out, v.s); return;
    case K::Bytes: text::bytes_repr(d.out, v.s); return;
  }
  TPY_UNREACHABLE();
}

// -- Nodes ----------------------------------------------------------------------------------------

#define TPY_AST_NODE(Cat, Name, Py, Fields) void dump_node(Dumper& d, const Name* n);
#define TPY_AST_PRODUCT(Name, Py, HasLoc, Fields) void dump_node(Dumper& d, const Name* n);
#include "interp/parse/ast.def"
#undef TPY_AST_NODE
#undef TPY_AST_PRODUCT

// A sum-type node: dispatch on its kind to the dump_node() of its constructor.
template <class Cat>
void put_sum(Dumper& d, const Cat* n) {
  if (n == nullptr) {
    d.out += "None";
    return;
  }
  if (d.failed || d.depth >= kMaxDumpDepth) {
    d.failed = true;
    return;
  }
  struct Nest {
    Dumper& d;
    explicit Nest(Dumper& dd) : d(dd) { d.depth++; }
    ~Nest() { d.depth--; }
  } nest(d);
#define TPY_AST_PRODUCT(...)
#define TPY_AST_NODE(C, Name, Py, Fields)                                        \
  if constexpr (std::is_same_v<Cat, C>) {                                        \
    if (n->tag == C##Kind::Name) return dump_node(d, static_cast<const Name*>(n)); \
  }
#include "interp/parse/ast.def"
#undef TPY_AST_NODE
#undef TPY_AST_PRODUCT
  TPY_UNREACHABLE();
}

void put(Dumper& d, const Mod* n) { put_sum(d, n); }
void put(Dumper& d, const Stmt* n) { put_sum(d, n); }
void put(Dumper& d, const Expr* n) { put_sum(d, n); }
void put(Dumper& d, const Pattern* n) { put_sum(d, n); }

// A product node (arguments, arg, keyword, ...).
template <class N>
void put(Dumper& d, const N* n) {
  if (n == nullptr) d.out += "None";
  else dump_node(d, n);
}

template <class T>
void put(Dumper& d, const Seq<T>& s) {
  d.out += '[';
  for (uint32_t i = 0; i < s.count; i++) {
    if (i) d.out += ", ";
    put(d, s.items[i]);
  }
  d.out += ']';
}

// Appends `, label=value` ([first]: without the comma) unless an optional field is None.
template <bool kOptional, class T>
void field(Dumper& d, bool& first, std::string_view label, const T& v) {
  if constexpr (kOptional) {
    if (is_none(v)) return;
  }
  if (!first) d.out += ", ";
  first = false;
  d.out += label;
  put(d, v);
}

template <class N>
void put_attributes(Dumper& d, bool& first, const N* n) {
  if constexpr (requires { n->loc; }) {
    if (!d.attrs) return;
    field<false>(d, first, "lineno=", n->loc.lineno);
    field<false>(d, first, "col_offset=", n->loc.col_offset);
    field<false>(d, first, "end_lineno=", n->loc.end_lineno);
    field<false>(d, first, "end_col_offset=", n->loc.end_col_offset);
  }
}

#define F(Kind, fname) field<is_optional_kind(#Kind)>(d, first, #fname "=", n->fname);
#define TPY_AST_DUMP_NODE(Name, Py, Fields) \
  void dump_node(Dumper& d, const Name* n) { \
    d.out += Py "(";                         \
    bool first = true;                       \
    Fields put_attributes(d, first, n);      \
    d.out += ')';                            \
  }
#define TPY_AST_NODE(Cat, Name, Py, Fields) TPY_AST_DUMP_NODE(Name, Py, Fields)
#define TPY_AST_PRODUCT(Name, Py, HasLoc, Fields) TPY_AST_DUMP_NODE(Name, Py, Fields)
#include "interp/parse/ast.def"
#undef TPY_AST_NODE
#undef TPY_AST_PRODUCT
#undef TPY_AST_DUMP_NODE
#undef F

}  // namespace

bool dump_ast(std::string& out, const ast::Mod* mod, bool include_attributes) {
  Dumper d{out, include_attributes};
  put(d, mod);
  return !d.failed;
}

}  // namespace tpy::parse
