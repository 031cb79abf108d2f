// interp/compile/codegen_internal.h -- The compiler's state, shared by the codegen*.cpp files.
//
// The structure follows CPython 3.11's compile.c: one CompilerUnit per code object being built,
// instructions appended to basic blocks of a control-flow graph (with pseudo-instructions for
// exception-handler setup and direction-neutral jumps), a stack of "frame blocks" for
// break/continue/return unwinding, and an assembler that optimises the graph, computes the
// stack depth and the exception table, and lays out the 16-bit code units.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interp/compile/code_unit.h"
#include "interp/compile/codegen.h"
#include "interp/compile/symtable.h"
#include "interp/parse/arena.h"
#include "interp/text/repr.h"
#include "interp/vm/opcode.h"

namespace tpy::compile {

using vm::Op;

// -- What the scope analysis tells the code generator about one block -----------------------------
// A copy of the symtable Block's facts in the shape the code generator uses; `coroutine` can
// change while compiling (top-level await), so it is not read from the shared table.
struct UnitScope {
  BlockType type = BlockType::Module;
  const Block* block = nullptr;
  std::vector<std::string> params;    // parameter names in order (the first co_varnames)
  std::vector<std::string> cellvars;  // sorted; a class body's implicit __class__ included
  std::vector<std::string> freevars;  // sorted (free, and passed through a class body)
  bool generator = false;
  bool coroutine = false;
  bool nested = false;               // CO_NESTED
  bool varargs = false, varkeywords = false;
  bool needs_class_closure = false;  // class body: a method uses __class__ or super()
  Scope scope_of(const std::string& name) const {
    return block ? block->scope_of(name) : Scope::None;
  }
};

UnitScope unit_scope(const Block* b);

// -- The control-flow graph -------------------------------------------------------------------------
struct BasicBlock;

struct Instr {
  int op = 0;
  int arg = 0;
  BasicBlock* target = nullptr;  // jumps and SETUP_* pseudo-instructions
  ast::Loc loc;                  // lineno -1: no line yet (inherits by propagation)
  BasicBlock* except = nullptr;  // handler, computed by label_exception_targets
};

struct BasicBlock {
  std::vector<Instr> instrs;
  BasicBlock* next = nullptr;  // layout order (fall-through successor)
  int id = 0;
  int predecessors = 0;
  int startdepth = -1;
  int offset = 0;              // in code units, after layout
  bool visited = false;
  bool except_handler = false;
  bool preserve_lasti = false;
  struct ExceptStack* exc_stack = nullptr;

  Instr* last() { return instrs.empty() ? nullptr : &instrs.back(); }
};

// Kinds of frame blocks (compile.c's fblocktype): what break/continue/return must unwind.
enum class FBlock : uint8_t {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup,
  PopValue, ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator
};

struct FBlockInfo {
  FBlock type;
  BasicBlock* block;
  BasicBlock* exit;
  const void* datum;  // FinallyTry: the finally body (Seq<Stmt*>*); HandlerCleanup: name
  ast::Loc loc;
};

enum class UnitKind : uint8_t { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

struct CompilerUnit {
  UnitScope ste;
  UnitKind kind = UnitKind::Module;
  std::string name, qualname;
  std::string private_name;  // the enclosing class's name, for mangling
  int firstlineno = 1;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;

  std::vector<Constant> consts;
  std::unordered_map<std::string, int> const_index;
  std::vector<std::string> names;
  std::unordered_map<std::string, int> name_index;
  std::vector<std::string> varnames;
  std::unordered_map<std::string, int> varname_index;
  std::unordered_map<std::string, int> cell_index, free_index;

  std::vector<std::unique_ptr<BasicBlock>> blocks;  // allocation order (b_list)
  BasicBlock* entry = nullptr;
  BasicBlock* cur = nullptr;
  std::vector<FBlockInfo> fblocks;
  ast::Loc loc;
  bool in_annotation = false;
};

// -- The compiler -------------------------------------------------------------------------------------
class Compiler {
 public:
  Compiler(const std::string& filename, std::string_view source, const CompileOptions& opts,
           const SymbolTable& symtable, CompileResult& result);

  std::unique_ptr<CodeUnit> compile_mod(ast::Mod* mod, CompileMode mode);

  // -- state -------------------------------------------------------------------------------------
  const std::string& filename_;
  std::string_view source_;
  CompileOptions opts_;
  const SymbolTable& symtable_;
  CompileResult& result_;
  std::vector<std::unique_ptr<CompilerUnit>> stack_;  // enclosing units
  CompilerUnit* u = nullptr;
  bool failed_ = false;
  int future_flags_ = 0;
  bool future_annotations_ = false;
  int future_lineno_ = 0;      // line of the last `from __future__` import in the prologue
  bool interactive_ = false;
  parse::Arena scratch_;        // nodes the compiler synthesises (e.g. `not a in b` -> `a not in b`)
  int nested_depth_ = 0;

  // -- errors (codegen.cpp) --------------------------------------------------------------------
  // Records a SyntaxError at [loc] (the first one wins) and returns false for `return error(...)`.
  bool error(const ast::Loc& loc, std::string msg);
  bool error(std::string msg) { return error(u->loc, std::move(msg)); }
  void warn(const ast::Loc& loc, std::string msg);
  parse::SyntaxErrorInfo make_error(const ast::Loc& loc, std::string msg) const;

  // -- emission (codegen.cpp) --------------------------------------------------------------------
  BasicBlock* new_block();
  void use_block(BasicBlock* b);  // b follows the current block in layout and becomes current
  void emit(Op op, int arg = 0);
  void emit_noline(Op op, int arg = 0);
  void emit_jump(Op op, BasicBlock* target);
  void emit_jump_noline(Op op, BasicBlock* target);
  void emit_const(Constant c);
  void emit_name(Op op, std::string_view name);  // op with co_names index of mangled name
  int add_const(Constant c);
  int add_name(std::string_view name);
  int add_varname(const std::string& name);
  void set_loc(const ast::Loc& l) { u->loc = l; }
  void unset_loc() { u->loc = ast::Loc{-1, -1, -1, -1}; }
  bool cur_ends_flow() const;

  // -- units and scopes (codegen.cpp) --------------------------------------------------------------
  bool enter_scope(std::string_view name, UnitKind kind, const void* key, int lineno);
  std::unique_ptr<CodeUnit> exit_scope_assemble(bool add_none);
  void set_qualname();
  void name_op(std::string_view name, ast::ExprContext ctx);
  bool make_closure(std::unique_ptr<CodeUnit> code, int flags, std::string_view qualname);
  bool is_top_level_await() const;

  // -- fblocks ---------------------------------------------------------------------------------
  bool push_fblock(FBlock t, BasicBlock* b, BasicBlock* exit, const void* datum = nullptr);
  void pop_fblock(FBlock t, BasicBlock* b);
  bool unwind_fblock(FBlockInfo& info, bool preserve_tos);
  bool unwind_fblock_stack(bool preserve_tos, FBlockInfo** loop);
  bool pop_except_and_reraise();

  // -- statements (codegen_stmt.cpp) --------------------------------------------------------------
  bool visit_body(const ast::Seq<ast::Stmt*>& body);
  bool visit_stmt(ast::Stmt* s);
  bool visit_stmt_expr(ast::Expr* e);
  bool function_def(ast::Stmt* s, bool is_async);
  bool class_def(ast::ClassDef* s);
  bool decorators(const ast::Seq<ast::Expr*>& decos);
  void apply_decorators(const ast::Seq<ast::Expr*>& decos);
  bool default_arguments(ast::Arguments* args, int& flags);
  bool visit_annotations(ast::Arguments* args, ast::Expr* returns, int& flags);
  bool annotation_expr(ast::Expr* annotation);  // under `from __future__ import annotations`
  bool kwonly_defaults(ast::Arguments* args, bool& any);
  bool return_stmt(ast::Return* s);
  bool if_stmt(ast::If* s);
  bool for_stmt(ast::For* s);
  bool async_for_stmt(ast::AsyncFor* s);
  bool while_stmt(ast::While* s);
  bool break_stmt(ast::Stmt* s);
  bool continue_stmt(ast::Stmt* s);
  bool try_finally(ast::Stmt* s);
  bool try_except(ast::Stmt* s);
  bool try_star_finally(ast::Stmt* s);
  bool try_star_except(ast::Stmt* s);
  bool with_stmt(ast::With* s, uint32_t pos);
  bool async_with_stmt(ast::AsyncWith* s, uint32_t pos);
  bool with_except_finish(BasicBlock* cleanup);
  bool call_exit_with_nones();
  bool assert_stmt(ast::Assert* s);
  bool import_stmt(ast::Import* s);
  bool from_import(ast::ImportFrom* s);
  bool import_as(std::string_view name, std::string_view asname);
  bool aug_assign(ast::AugAssign* s);
  bool ann_assign(ast::AnnAssign* s);
  bool check_ann_expr(ast::Expr* e);
  bool check_ann_subscr(ast::Expr* e);
  bool delete_stmt(ast::Delete* s);
  bool raise_stmt(ast::Raise* s);
  bool match_stmt(ast::Match* s);
  bool find_ann(const ast::Seq<ast::Stmt*>& body);

  // -- expressions (codegen_expr.cpp) -------------------------------------------------------------
  bool visit_expr(ast::Expr* e);
  bool visit_expr_inner(ast::Expr* e);
  bool visit_exprs(const ast::Seq<ast::Expr*>& es);
  bool visit_iter(ast::Expr* e);  // a for/comprehension iterable: a list literal becomes a tuple
  ast::Expr* simplify_not(ast::UnaryOp* e);  // `not a is b` -> `a is not b`, or null

  bool jump_if(ast::Expr* e, BasicBlock* next, bool cond);
  bool boolop(ast::BoolOp* e);
  bool compare(ast::Compare* e);
  void compare_op(ast::CmpOp op);
  bool call(ast::Call* e);
  bool maybe_call_method(ast::Call* e);
  bool call_helper(int n, const ast::Seq<ast::Expr*>& args, const ast::Seq<ast::Keyword*>& kws);
  bool call_simple_kw_helper(const ast::Seq<ast::Keyword*>& kws, int nkw);
  bool subkwargs(const ast::Seq<ast::Keyword*>& kws, uint32_t begin, uint32_t end);
  bool starunpack_helper(const ast::Seq<ast::Expr*>& elts, int pushed, Op build, Op add,
                         Op extend, bool tuple);
  bool unpack_helper(const ast::Seq<ast::Expr*>& elts);
  bool assignment_helper(const ast::Seq<ast::Expr*>& elts);
  bool list_or_tuple(ast::Expr* e, const ast::Seq<ast::Expr*>& elts, ast::ExprContext ctx,
                     bool is_tuple);
  bool set_expr(ast::Set* e);
  bool dict_expr(ast::Dict* e);
  bool subdict(ast::Dict* e, uint32_t begin, uint32_t end);
  bool subscript(ast::Subscript* e);
  bool slice(ast::Slice* e);
  bool attribute(ast::Attribute* e);
  bool lambda(ast::Lambda* e);
  bool ifexp(ast::IfExp* e);
  bool joined_str(ast::JoinedStr* e);
  bool formatted_value(ast::FormattedValue* e);
  bool yield_expr(ast::Expr* e);
  bool await_expr(ast::Await* e);
  bool named_expr(ast::NamedExpr* e);
  ast::Expr* format_as_fstring(ast::BinOp* b);
  void add_yield_from(bool await);
  bool check_compare(ast::Compare* e);
  bool check_caller(ast::Expr* e);
  bool check_subscripter(ast::Expr* e);
  bool check_index(ast::Expr* e, ast::Expr* s);
  bool validate_kwd_names(const ast::Seq<ast::Keyword*>& kws);
  bool forbidden_name(std::string_view name, ast::ExprContext ctx, const ast::Loc& loc);
  void update_start_location_to_match_attr(ast::Attribute* attr);
  bool is_async_context() const;

  // -- comprehensions (codegen_comp.cpp) -------------------------------------------------------
  bool comprehension(ast::Expr* e, int kind, std::string_view name,
                     const ast::Seq<ast::Comprehension*>& gens, ast::Expr* elt, ast::Expr* val);
  bool comprehension_generator(const ast::Seq<ast::Comprehension*>& gens, uint32_t gen_index,
                               int depth, ast::Expr* elt, ast::Expr* val, int type);
  bool sync_comprehension_generator(const ast::Seq<ast::Comprehension*>& gens,
                                    uint32_t gen_index, int depth, ast::Expr* elt,
                                    ast::Expr* val, int type);
  bool async_comprehension_generator(const ast::Seq<ast::Comprehension*>& gens,
                                     uint32_t gen_index, int depth, ast::Expr* elt,
                                     ast::Expr* val, int type);

  // -- constant folding (codegen_fold.cpp) -----------------------------------------------------
  // The value of [e] if CPython's AST optimiser would have folded it to a constant.
  std::optional<Constant> fold(ast::Expr* e);
  std::optional<Constant> const_value(const ast::ConstValue& v);
  bool is_constant_expr(ast::Expr* e) { return fold(e).has_value(); }

  // -- patterns (codegen_pattern.cpp) ----------------------------------------------------------
  struct PatternContext {
    std::vector<std::string> stores;
    bool allow_irrefutable = false;
    std::vector<BasicBlock*> fail_pop;
    int on_top = 0;
  };
  bool pattern(ast::Pattern* p, PatternContext& pc);
  bool pattern_subpattern(ast::Pattern* p, PatternContext& pc);
  bool pattern_value(ast::Pattern* p, PatternContext& pc);
  bool pattern_singleton(ast::Pattern* p, PatternContext& pc);
  bool pattern_sequence(ast::Pattern* p, PatternContext& pc);
  bool pattern_mapping(ast::Pattern* p, PatternContext& pc);
  bool pattern_class(ast::Pattern* p, PatternContext& pc);
  bool pattern_as(ast::Pattern* p, PatternContext& pc);
  bool pattern_star(ast::Pattern* p, PatternContext& pc);
  bool pattern_or(ast::Pattern* p, PatternContext& pc);
  bool pattern_helper_store_name(std::string_view n, PatternContext& pc, const ast::Loc& loc);
  bool pattern_helper_sequence_unpack(const ast::Seq<ast::Pattern*>& pats, int star,
                                      PatternContext& pc);
  bool pattern_helper_sequence_subscr(const ast::Seq<ast::Pattern*>& pats, int star,
                                      PatternContext& pc);
  bool pattern_helper_rotate(int count);
  bool ensure_fail_pop(PatternContext& pc, size_t n);
  bool jump_to_fail_pop(PatternContext& pc, Op op);
  bool emit_and_reset_fail_pop(PatternContext& pc);
  bool validate_pattern_name(std::string_view n, const ast::Loc& loc);

  // -- assembly (codegen_assemble.cpp) -------------------------------------------------------------
  std::unique_ptr<CodeUnit> assemble(bool add_none);
};

inline void text_repr_str(std::string& out, std::string_view s) { text::str_repr(out, s); }

// The source text of an annotation as `from __future__ import annotations` stores it
// (CPython's ast_unparse.c).
std::string unparse_annotation(ast::Expr* e);

// Byte offset [col] of line [lineno] in [source] converted to a character offset.
int byte_to_char_offset(std::string_view source, int lineno, int col);

}  // namespace tpy::compile
