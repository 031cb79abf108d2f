// interp/compile/codegen.cpp -- Compiler driver: units and scopes, names, closures, frame blocks,
// instruction emission and errors.
#include <algorithm>

#include "interp/compile/codegen_internal.h"

namespace tpy::compile {

namespace {
constexpr int kMaxBlocks = 20;  // CO_MAXBLOCKS: "too many statically nested blocks"
}

UnitScope unit_scope(const Block* b) {
  UnitScope us;
  us.block = b;
  if (!b) return us;
  us.type = b->type;
  for (std::string_view p : b->varnames) us.params.emplace_back(p);
  for (const Symbol& sym : b->symbols) {
    if (sym.scope == Scope::Cell) us.cellvars.emplace_back(sym.name);
    if (sym.scope == Scope::Free || sym.has(sym::kDefFreeClass)) us.freevars.emplace_back(sym.name);
  }
  if (b->needs_class_closure) us.cellvars.emplace_back("__class__");
  std::sort(us.cellvars.begin(), us.cellvars.end());
  std::sort(us.freevars.begin(), us.freevars.end());
  us.freevars.erase(std::unique(us.freevars.begin(), us.freevars.end()), us.freevars.end());
  us.generator = b->generator;
  us.coroutine = b->coroutine;
  us.nested = b->nested;
  us.varargs = b->varargs;
  us.varkeywords = b->varkeywords;
  us.needs_class_closure = b->needs_class_closure;
  return us;
}

int byte_to_char_offset(std::string_view source, int lineno, int col) {
  size_t pos = 0;
  for (int l = 1; l < lineno && pos < source.size(); l++) {
    size_t nl = source.find('\n', pos);
    if (nl == std::string_view::npos) return col;
    pos = nl + 1;
  }
  int chars = 0;
  for (int b = 0; b < col && pos + b < source.size(); b++) {
    if ((static_cast<unsigned char>(source[pos + b]) & 0xC0) != 0x80) chars++;
  }
  return chars;
}

Compiler::Compiler(const std::string& filename, std::string_view source,
                   const CompileOptions& opts, const SymbolTable& symtable, CompileResult& result)
    : filename_(filename), source_(source), opts_(opts), symtable_(symtable), result_(result) {}

// -- errors -------------------------------------------------------------------------------------------

parse::SyntaxErrorInfo Compiler::make_error(const ast::Loc& loc, std::string msg) const {
  parse::SyntaxErrorInfo e;
  e.type = parse::SyntaxErrorInfo::Type::SyntaxError;
  e.msg = std::move(msg);
  e.filename = filename_;
  e.lineno = loc.lineno;
  // compile.c passes col_offset + 1 (UTF-8 bytes) straight to SyntaxError, unlike the parser.
  e.offset = loc.col_offset + 1;
  e.end_lineno = loc.end_lineno;
  e.end_offset = loc.end_col_offset + 1;
  // As PyErr_ProgramTextObject: the line is read back from the file.
  load_error_text(e);
  return e;
}

bool Compiler::error(const ast::Loc& loc, std::string msg) {
  if (!failed_) {
    failed_ = true;
    result_.error = make_error(loc, std::move(msg));
  }
  return false;
}

void Compiler::warn(const ast::Loc& loc, std::string msg) {
  result_.warnings.push_back(make_error(loc, std::move(msg)));
}

// -- emission ---------------------------------------------------------------------------------------

BasicBlock* Compiler::new_block() {
  auto b = std::make_unique<BasicBlock>();
  b->id = int(u->blocks.size());
  BasicBlock* p = b.get();
  u->blocks.push_back(std::move(b));
  return p;
}

void Compiler::use_block(BasicBlock* b) {
  u->cur->next = b;
  u->cur = b;
}

namespace {
bool is_terminator(int op) {
  return op == int(Op::RETURN_VALUE) || op == int(Op::RAISE_VARARGS) || op == int(Op::RERAISE);
}
}  // namespace

bool Compiler::cur_ends_flow() const {
  const BasicBlock* b = u->cur;
  if (b->instrs.empty()) return false;
  int op = b->instrs.back().op;
  return is_terminator(op) || op == int(Op::JUMP) || op == int(Op::JUMP_NO_INTERRUPT);
}

void Compiler::emit(Op op, int arg) {
  Instr in;
  in.op = int(op);
  in.arg = vm::op_has_arg(int(op)) ? arg : 0;
  in.loc = u->loc;
  u->cur->instrs.push_back(in);
  // Keep every block ending at its first terminator: code after it starts a new block (which
  // the optimiser drops as unreachable), as compile.c's NEXT_BLOCK after returns and raises.
  if (is_terminator(int(op))) use_block(new_block());
}

void Compiler::emit_noline(Op op, int arg) {
  ast::Loc saved = u->loc;
  unset_loc();
  emit(op, arg);
  u->loc = saved;
}

void Compiler::emit_jump(Op op, BasicBlock* target) {
  Instr in;
  in.op = int(op);
  in.target = target;
  in.loc = u->loc;
  u->cur->instrs.push_back(in);
  // SETUP_* are not jumps of this block: the protected code continues in it.
  if (op != Op::SETUP_FINALLY && op != Op::SETUP_CLEANUP && op != Op::SETUP_WITH)
    use_block(new_block());
}

void Compiler::emit_jump_noline(Op op, BasicBlock* target) {
  ast::Loc saved = u->loc;
  unset_loc();
  emit_jump(op, target);
  u->loc = saved;
}

int Compiler::add_const(Constant c) {
  std::string k = c.key();
  auto it = u->const_index.find(k);
  if (it != u->const_index.end()) return it->second;
  int i = int(u->consts.size());
  u->consts.push_back(std::move(c));
  u->const_index.emplace(std::move(k), i);
  return i;
}

void Compiler::emit_const(Constant c) { emit(Op::LOAD_CONST, add_const(std::move(c))); }

int Compiler::add_name(std::string_view name) {
  std::string n(name);
  auto it = u->name_index.find(n);
  if (it != u->name_index.end()) return it->second;
  int i = int(u->names.size());
  u->names.push_back(n);
  u->name_index.emplace(std::move(n), i);
  return i;
}

void Compiler::emit_name(Op op, std::string_view name) {
  emit(op, add_name(mangle(u->private_name, name)));
}

int Compiler::add_varname(const std::string& name) {
  auto it = u->varname_index.find(name);
  if (it != u->varname_index.end()) return it->second;
  int i = int(u->varnames.size());
  u->varnames.push_back(name);
  u->varname_index.emplace(name, i);
  return i;
}

// -- units ------------------------------------------------------------------------------------------

bool Compiler::enter_scope(std::string_view name, UnitKind kind, const void* key, int lineno) {
  auto nu = std::make_unique<CompilerUnit>();
  nu->ste = unit_scope(symtable_.block_for(key));
  nu->kind = kind;
  nu->name = std::string(name);
  nu->firstlineno = lineno;
  if (u) nu->private_name = u->private_name;
  for (const std::string& p : nu->ste.params) {
    nu->varname_index.emplace(p, int(nu->varnames.size()));
    nu->varnames.push_back(p);
  }
  for (size_t i = 0; i < nu->ste.cellvars.size(); i++) nu->cell_index[nu->ste.cellvars[i]] = int(i);
  for (size_t i = 0; i < nu->ste.freevars.size(); i++) {
    nu->free_index[nu->ste.freevars[i]] = int(nu->ste.cellvars.size() + i);
  }
  if (u) stack_.push_back(std::unique_ptr<CompilerUnit>(u));
  u = nu.release();
  nested_depth_++;
  u->entry = nullptr;
  auto first = std::make_unique<BasicBlock>();
  u->entry = u->cur = first.get();
  u->blocks.push_back(std::move(first));
  if (kind == UnitKind::Module) {
    u->loc = ast::Loc{0, 0, 0, 0};
  } else {
    set_qualname();
    u->loc = ast::Loc{lineno, 0, lineno, 0};
  }
  emit(Op::RESUME, 0);
  if (kind == UnitKind::Module) unset_loc();
  return true;
}

void Compiler::set_qualname() {
  std::string base;
  bool force_global = false;
  if (!stack_.empty()) {
    CompilerUnit* parent = stack_.back().get();
    if (u->kind == UnitKind::Function || u->kind == UnitKind::AsyncFunction ||
        u->kind == UnitKind::Class) {
      std::string m = mangle(parent->private_name, u->name);
      if (parent->ste.scope_of(m) == Scope::GlobalExplicit) force_global = true;
    }
    if (!force_global) {
      if (parent->kind == UnitKind::Function || parent->kind == UnitKind::AsyncFunction ||
          parent->kind == UnitKind::Lambda) {
        base = parent->qualname + ".<locals>";
      } else if (parent->kind == UnitKind::Class) {
        base = parent->qualname;
      } else if (parent->kind == UnitKind::Comprehension) {
        base = parent->qualname + ".<locals>";
      }
    }
  }
  u->qualname = base.empty() ? u->name : base + "." + u->name;
}

std::unique_ptr<CodeUnit> Compiler::exit_scope_assemble(bool add_none) {
  std::unique_ptr<CodeUnit> code;
  if (!failed_) code = assemble(add_none);
  delete u;
  nested_depth_--;
  if (stack_.empty()) {
    u = nullptr;
  } else {
    u = stack_.back().release();
    stack_.pop_back();
  }
  return code;
}

bool Compiler::is_top_level_await() const {
  return opts_.top_level_await && u->ste.type == BlockType::Module;
}

// -- names ------------------------------------------------------------------------------------------

void Compiler::name_op(std::string_view name, ast::ExprContext ctx) {
  using Ctx = ast::ExprContext;
  std::string m = mangle(u->private_name, name);
  if (ctx == Ctx::Load && m == "__debug__") {
    emit_const(Constant::boolean(opts_.optimize == 0));
    return;
  }
  Scope scope = u->ste.scope_of(m);
  bool function_block = u->ste.type == BlockType::Function;
  enum { NAME, FAST, GLOBAL, DEREF } optype = NAME;
  int deref = -1;
  switch (scope) {
    case Scope::Free: optype = DEREF; deref = u->free_index.count(m) ? u->free_index[m] : -1; break;
    case Scope::Cell: optype = DEREF; deref = u->cell_index.count(m) ? u->cell_index[m] : -1; break;
    case Scope::Local: if (function_block) optype = FAST; break;
    case Scope::GlobalImplicit: if (function_block) optype = GLOBAL; break;
    case Scope::GlobalExplicit: optype = GLOBAL; break;
    default: break;
  }
  if (optype == DEREF && deref < 0) optype = NAME;  // defensive: scope tables disagree
  switch (optype) {
    case DEREF:
      emit(ctx == Ctx::Load ? (u->ste.type == BlockType::Class ? Op::LOAD_CLASSDEREF
                                                                : Op::LOAD_DEREF)
           : ctx == Ctx::Store ? Op::STORE_DEREF : Op::DELETE_DEREF,
           deref);
      return;
    case FAST:
      emit(ctx == Ctx::Load ? Op::LOAD_FAST : ctx == Ctx::Store ? Op::STORE_FAST : Op::DELETE_FAST,
           add_varname(m));
      return;
    case GLOBAL:
      if (ctx == Ctx::Load) emit(Op::LOAD_GLOBAL, add_name(m) << 1);
      else emit(ctx == Ctx::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, add_name(m));
      return;
    case NAME:
      emit(ctx == Ctx::Load ? Op::LOAD_NAME : ctx == Ctx::Store ? Op::STORE_NAME : Op::DELETE_NAME,
           add_name(m));
      return;
  }
}

bool Compiler::make_closure(std::unique_ptr<CodeUnit> code, int flags, std::string_view) {
  if (!code) return false;
  int nfree = code->nfreevars();
  if (nfree) {
    int start = int(code->localsplus_names.size()) - nfree;
    for (int i = start; i < int(code->localsplus_names.size()); i++) {
      const std::string& name = code->localsplus_names[i];
      // A class body passes `__class__` from its own cell; otherwise the parent's scope says
      // whether the name is one of its cells or one of its own free variables.
      Scope ref = (u->kind == UnitKind::Class && name == "__class__") ? Scope::Cell
                                                                       : u->ste.scope_of(name);
      int arg = -1;
      if (ref == Scope::Cell) {
        auto it = u->cell_index.find(name);
        if (it != u->cell_index.end()) arg = it->second;
      } else {
        auto it = u->free_index.find(name);
        if (it != u->free_index.end()) arg = it->second;
      }
      if (arg < 0) {
        return error("compiler: lookup of free variable '" + name + "' failed in " + u->name);
      }
      emit(Op::LOAD_CLOSURE, arg);
    }
    flags |= vm::MF_CLOSURE;
    emit(Op::BUILD_TUPLE, nfree);
  }
  Constant c;
  c.kind = Constant::Kind::Code;
  c.code = std::move(code);
  emit(Op::LOAD_CONST, add_const(std::move(c)));
  emit(Op::MAKE_FUNCTION, flags);
  return true;
}

// -- frame blocks -------------------------------------------------------------------------------

bool Compiler::push_fblock(FBlock t, BasicBlock* b, BasicBlock* exit, const void* datum) {
  if (u->fblocks.size() >= kMaxBlocks) return error("too many statically nested blocks");
  u->fblocks.push_back(FBlockInfo{t, b, exit, datum, u->loc});
  return true;
}

void Compiler::pop_fblock(FBlock t, BasicBlock* b) {
  TPY_DCHECK(!u->fblocks.empty() && u->fblocks.back().type == t &&
                 u->fblocks.back().block == b, "fblock stack mismatch");
  (void)t;
  (void)b;
  u->fblocks.pop_back();
}

bool Compiler::unwind_fblock(FBlockInfo& info, bool preserve_tos) {
  switch (info.type) {
    case FBlock::WhileLoop:
    case FBlock::ExceptionHandler:
    case FBlock::ExceptionGroupHandler:
    case FBlock::AsyncComprehensionGenerator:
      return true;
    case FBlock::ForLoop:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return true;
    case FBlock::TryExcept:
      emit(Op::POP_BLOCK);
      return true;
    case FBlock::FinallyTry: {
      emit(Op::POP_BLOCK);
      if (preserve_tos && !push_fblock(FBlock::PopValue, nullptr, nullptr)) return false;
      if (!visit_body(*static_cast<const ast::Seq<ast::Stmt*>*>(info.datum))) return false;
      if (preserve_tos) pop_fblock(FBlock::PopValue, nullptr);
      // The finally body appears to run after the unwinding statement: what follows is
      // artificial.
      unset_loc();
      return true;
    }
    case FBlock::FinallyEnd:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_BLOCK);
      emit(Op::POP_EXCEPT);
      return true;
    case FBlock::With:
    case FBlock::AsyncWith:
      set_loc(info.loc);
      emit(Op::POP_BLOCK);
      if (preserve_tos) emit(Op::SWAP, 2);
      if (!call_exit_with_nones()) return false;
      if (info.type == FBlock::AsyncWith) {
        emit(Op::GET_AWAITABLE, 2);
        emit_const(Constant::none());
        add_yield_from(true);
      }
      emit(Op::POP_TOP);
      unset_loc();
      return true;
    case FBlock::HandlerCleanup: {
      const ast::Ident* name = static_cast<const ast::Ident*>(info.datum);
      if (name) emit(Op::POP_BLOCK);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_BLOCK);
      emit(Op::POP_EXCEPT);
      if (name) {
        emit_const(Constant::none());
        name_op(*name, ast::ExprContext::Store);
        name_op(*name, ast::ExprContext::Del);
      }
      return true;
    }
    case FBlock::PopValue:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return true;
  }
  return true;
}

bool Compiler::unwind_fblock_stack(bool preserve_tos, FBlockInfo** loop) {
  if (u->fblocks.empty()) return true;
  FBlockInfo top = u->fblocks.back();
  if (top.type == FBlock::ExceptionGroupHandler) {
    return error("'break', 'continue' and 'return' cannot appear in an except* block");
  }
  if (loop && (top.type == FBlock::WhileLoop || top.type == FBlock::ForLoop)) {
    *loop = &u->fblocks.back();
    return true;
  }
  u->fblocks.pop_back();
  bool ok = unwind_fblock(top, preserve_tos) && unwind_fblock_stack(preserve_tos, loop);
  u->fblocks.push_back(top);
  if (loop && *loop) {
    // The vector may have been reallocated while the finally bodies were compiled.
    for (auto& f : u->fblocks) {
      if (f.block == (*loop)->block && f.type == (*loop)->type) {
        *loop = &f;
        break;
      }
    }
  }
  return ok;
}

// -- the module -----------------------------------------------------------------------------------

std::unique_ptr<CodeUnit> Compiler::compile_mod(ast::Mod* mod, CompileMode mode) {
  if (!enter_scope("<module>", UnitKind::Module, mod, 1)) return nullptr;
  bool add_none = true;
  switch (mod->tag) {
    case ast::ModKind::Module: {
      auto* m = ast::as<ast::Module>(mod);
      // SETUP_ANNOTATIONS gets the first statement's line.
      if (!m->body.empty()) set_loc(m->body[0]->loc);
      if (find_ann(m->body)) emit(Op::SETUP_ANNOTATIONS);
      uint32_t i = 0;
      if (!m->body.empty() && opts_.optimize < 2) {
        ast::Stmt* first = m->body[0];
        if (first->tag == ast::StmtKind::ExprStmt) {
          ast::Expr* v = ast::as<ast::ExprStmt>(first)->value;
          std::optional<Constant> c = fold(v);
          if (c && c->kind == Constant::Kind::Str) {
            i = 1;
            set_loc(first->loc);
            visit_expr(v);
            unset_loc();
            name_op("__doc__", ast::ExprContext::Store);
          }
        }
      }
      for (; i < m->body.size(); i++) visit_stmt(m->body[i]);
      break;
    }
    case ast::ModKind::Interactive: {
      auto* m = ast::as<ast::Interactive>(mod);
      if (find_ann(m->body)) emit(Op::SETUP_ANNOTATIONS);
      for (ast::Stmt* s : m->body) visit_stmt(s);
      break;
    }
    case ast::ModKind::Expression:
      visit_expr(ast::as<ast::Expression>(mod)->body);
      add_none = false;
      break;
    default:
      error(ast::Loc{1, 0, 1, 0}, "compile() of a FunctionType AST is not supported");
      break;
  }
  (void)mode;
  return exit_scope_assemble(add_none);
}

CompileResult compile(ast::Mod* mod, std::string_view source, const std::string& filename,
                      CompileMode mode, const CompileOptions& options) {
  CompileResult result;
  std::unique_ptr<SymbolTable> st = build_symtable(mod, filename, &result.error);
  if (!st) {
    load_error_text(result.error);
    return result;
  }
  Compiler c(filename, source, options, *st, result);
  c.interactive_ = mode == CompileMode::Single;
  c.future_annotations_ = st->future().annotations;
  c.future_lineno_ = st->future().lineno;
  std::unique_ptr<CodeUnit> code = c.compile_mod(mod, mode);
  if (!c.failed_) result.code = std::move(code);
  return result;
}

}  // namespace tpy::compile
