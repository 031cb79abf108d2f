// interp/compile/symtable_internal.h -- The symbol table's two passes, shared by its .cpp files.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "interp/compile/symtable.h"

namespace tpy::compile {

// Sets [err] to a SyntaxError at [loc] with CPython's symtable conventions (1-based byte offsets).
void set_error(SyntaxErrorInfo* err, std::string_view filename, std::string msg,
               const ast::Loc& loc);

// Pass 1 (symtable.cpp): walks the AST, creating blocks and recording raw flags.
class SymtableBuilder {
 public:
  SymtableBuilder(SymbolTable& table, SyntaxErrorInfo* err, const SymtableOptions& options);
  // Both passes, after the future imports; false with the error set.
  bool run(ast::Mod* mod, std::string_view filename);

 private:
  bool build(ast::Mod* mod);
  bool error(std::string msg, const ast::Loc& loc);
  bool recursion_error();

  Block* enter_block(std::string_view name, BlockType type, const void* node,
                     const ast::Loc& loc);
  void exit_block();
  static uint16_t lookup_flags(Block* b, std::string_view mangled);
  static void or_flags(Block* b, std::string_view mangled, uint16_t flags);
  bool add_def_in(Block* b, std::string_view name, uint16_t flag, const ast::Loc& loc);
  bool add_def(std::string_view name, uint16_t flag, const ast::Loc& loc) {
    return add_def_in(m_cur, name, flag, loc);
  }
  void record_directive(std::string_view name, const ast::Loc& loc);

  bool visit_stmts(const ast::Seq<ast::Stmt*>& body);
  bool visit_exprs(const ast::Seq<ast::Expr*>& exprs);
  bool visit_stmt(ast::Stmt* s);
  bool visit_stmt_kind(ast::Stmt* s);
  bool visit_function(ast::Stmt* s, std::string_view name, ast::Arguments* args,
                      const ast::Seq<ast::Stmt*>& body, const ast::Seq<ast::Expr*>& decorators,
                      ast::Expr* returns, bool is_async);
  bool visit_global_or_nonlocal(ast::Stmt* s, const ast::Seq<ast::Ident>& names, bool global);
  bool visit_ann_assign(ast::AnnAssign* s);
  bool visit_try(const ast::Seq<ast::Stmt*>& body, const ast::Seq<ast::ExceptHandler*>& handlers,
                 const ast::Seq<ast::Stmt*>& orelse, const ast::Seq<ast::Stmt*>& finalbody);
  bool visit_withitems(const ast::Seq<ast::WithItem*>& items);
  bool visit_aliases(const ast::Seq<ast::Alias*>& names);
  bool visit_annotation(ast::Expr* annotation);
  bool visit_arg_annotations(const ast::Seq<ast::Arg*>& args);
  bool visit_annotations(ast::Stmt* s, ast::Arguments* a, ast::Expr* returns);
  bool visit_params(const ast::Seq<ast::Arg*>& args);
  bool visit_arguments(ast::Arguments* a);
  bool visit_expr(ast::Expr* e);
  bool visit_expr_kind(ast::Expr* e);
  bool raise_if_annotation_block(const char* what, ast::Expr* e);
  bool raise_if_comprehension(ast::Expr* e);
  bool visit_comprehension(ast::Expr* e, std::string_view scope_name, ComprehensionKind kind,
                           const ast::Seq<ast::Comprehension*>& generators, ast::Expr* elt,
                           ast::Expr* value);
  bool visit_named_expr(ast::NamedExpr* e);
  bool extend_named_expr_scope(ast::Name* target);
  bool visit_patterns(const ast::Seq<ast::Pattern*>& patterns);
  bool visit_pattern(ast::Pattern* p);
  bool visit_pattern_kind(ast::Pattern* p);

  SymbolTable& m_t;
  SyntaxErrorInfo* m_err;
  std::vector<Block*> m_stack;
  Block* m_cur = nullptr;
  std::string_view m_private;  // the class name private names are mangled with
  int m_depth;
  int m_limit;
};

// Pass 2 (symtable_analyze.cpp): resolves every symbol's scope.
class ScopeAnalyzer {
 public:
  static bool run(SymbolTable& table, SyntaxErrorInfo* err);

 private:
  using NameSet = std::unordered_set<std::string_view>;
  ScopeAnalyzer(std::string_view filename, SyntaxErrorInfo* err)
      : m_filename(filename), m_err(err) {}
  // [bound] is null for the module. [bound], [free] and [global] are this block's own copies
  // (its declarations change what its children see); [free] collects its free names and the
  // unresolved ones of its children.
  bool analyze_block(Block* b, NameSet* bound, NameSet& free, NameSet& global);
  bool analyze_name(Block* b, const Symbol& s, Scope& scope, NameSet* bound, NameSet& local,
                    NameSet& free, NameSet& global);
  bool error_at_directive(const Block* b, std::string_view name, std::string msg);
  static void update_symbols(Block* b, const std::vector<Scope>& scopes, const NameSet* bound,
                             NameSet& free);

  std::string_view m_filename;
  SyntaxErrorInfo* m_err;
};

}  // namespace tpy::compile
