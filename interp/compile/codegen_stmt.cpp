// interp/compile/codegen_stmt.cpp -- Statements: definitions, control flow, try/with, imports,
// assignments (compile.c's compiler_visit_stmt and friends).
#include "interp/compile/codegen_internal.h"

namespace tpy::compile {

using namespace ast;

namespace {
// Try and TryStar share one layout; compile.c treats them alike.
struct TryParts {
  const Seq<Stmt*>* body;
  const Seq<ExceptHandler*>* handlers;
  const Seq<Stmt*>* orelse;
  const Seq<Stmt*>* finalbody;
};
TryParts try_parts(Stmt* s) {
  if (s->tag == StmtKind::Try) {
    auto* t = as<Try>(s);
    return {&t->body, &t->handlers, &t->orelse, &t->finalbody};
  }
  auto* t = as<TryStar>(s);
  return {&t->body, &t->handlers, &t->orelse, &t->finalbody};
}
}  // namespace

bool Compiler::visit_body(const Seq<Stmt*>& body) {
  for (Stmt* s : body) {
    if (!visit_stmt(s)) return false;
  }
  return true;
}

bool Compiler::find_ann(const Seq<Stmt*>& body) {
  for (Stmt* st : body) {
    bool res = false;
    switch (st->tag) {
      case StmtKind::AnnAssign: return true;
      case StmtKind::For: res = find_ann(as<For>(st)->body) || find_ann(as<For>(st)->orelse); break;
      case StmtKind::AsyncFor:
        res = find_ann(as<AsyncFor>(st)->body) || find_ann(as<AsyncFor>(st)->orelse);
        break;
      case StmtKind::While:
        res = find_ann(as<While>(st)->body) || find_ann(as<While>(st)->orelse);
        break;
      case StmtKind::If: res = find_ann(as<If>(st)->body) || find_ann(as<If>(st)->orelse); break;
      case StmtKind::With: res = find_ann(as<With>(st)->body); break;
      case StmtKind::AsyncWith: res = find_ann(as<AsyncWith>(st)->body); break;
      case StmtKind::Try:
      case StmtKind::TryStar: {
        TryParts t = try_parts(st);
        for (ExceptHandler* h : *t.handlers) {
          if (find_ann(h->body)) return true;
        }
        res = find_ann(*t.body) || find_ann(*t.finalbody) || find_ann(*t.orelse);
        break;
      }
      default: break;
    }
    if (res) return true;
  }
  return false;
}

bool Compiler::visit_stmt(Stmt* s) {
  if (failed_) return false;
  set_loc(s->loc);
  switch (s->tag) {
    case StmtKind::FunctionDef: return function_def(s, false);
    case StmtKind::AsyncFunctionDef: return function_def(s, true);
    case StmtKind::ClassDef: return class_def(as<ClassDef>(s));
    case StmtKind::Return: return return_stmt(as<Return>(s));
    case StmtKind::Delete: return delete_stmt(as<Delete>(s));
    case StmtKind::Assign: {
      auto* a = as<Assign>(s);
      if (!visit_expr(a->value)) return false;
      for (uint32_t i = 0; i < a->targets.size(); i++) {
        if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
        if (!visit_expr(a->targets[i])) return false;
      }
      return true;
    }
    case StmtKind::AugAssign: return aug_assign(as<AugAssign>(s));
    case StmtKind::AnnAssign: return ann_assign(as<AnnAssign>(s));
    case StmtKind::For: return for_stmt(as<For>(s));
    case StmtKind::AsyncFor: return async_for_stmt(as<AsyncFor>(s));
    case StmtKind::While: return while_stmt(as<While>(s));
    case StmtKind::If: return if_stmt(as<If>(s));
    case StmtKind::With: return with_stmt(as<With>(s), 0);
    case StmtKind::AsyncWith: return async_with_stmt(as<AsyncWith>(s), 0);
    case StmtKind::Match: return match_stmt(as<Match>(s));
    case StmtKind::Raise: return raise_stmt(as<Raise>(s));
    case StmtKind::Try:
    case StmtKind::TryStar: {
      TryParts t = try_parts(s);
      bool star = s->tag == StmtKind::TryStar;
      if (!t.finalbody->empty()) return star ? try_star_finally(s) : try_finally(s);
      return star ? try_star_except(s) : try_except(s);
    }
    case StmtKind::Assert: return assert_stmt(as<Assert>(s));
    case StmtKind::Import: return import_stmt(as<Import>(s));
    case StmtKind::ImportFrom: return from_import(as<ImportFrom>(s));
    case StmtKind::Global:
    case StmtKind::Nonlocal: return true;
    case StmtKind::ExprStmt: return visit_stmt_expr(as<ExprStmt>(s)->value);
    case StmtKind::Pass: emit(Op::NOP); return true;
    case StmtKind::Break: return break_stmt(s);
    case StmtKind::Continue: return continue_stmt(s);
  }
  return true;
}

bool Compiler::visit_stmt_expr(Expr* value) {
  if (interactive_ && nested_depth_ <= 1) {
    if (!visit_expr(value)) return false;
    emit(Op::PRINT_EXPR);
    return true;
  }
  if (fold(value)) {
    // A constant statement (docstring-like) compiles to nothing but a line marker.
    emit(Op::NOP);
    return true;
  }
  if (!visit_expr(value)) return false;
  emit_noline(Op::POP_TOP);
  return true;
}

// -- definitions ----------------------------------------------------------------------------------

bool Compiler::decorators(const Seq<Expr*>& decos) {
  return visit_exprs(decos);
}

// Innermost decorator first, each call located at its decorator.
void Compiler::apply_decorators(const Seq<Expr*>& decos) {
  for (uint32_t i = decos.size(); i-- > 0;) {
    set_loc(decos[i]->loc);
    emit(Op::PRECALL, 0);
    emit(Op::CALL, 0);
  }
}

bool Compiler::kwonly_defaults(Arguments* args, bool& any) {
  std::vector<Constant> keys;
  for (uint32_t i = 0; i < args->kwonlyargs.size(); i++) {
    Expr* d = i < args->kw_defaults.size() ? args->kw_defaults[i] : nullptr;
    if (!d) continue;
    keys.push_back(Constant::str(mangle(u->private_name, args->kwonlyargs[i]->arg)));
    if (!visit_expr(d)) return false;
  }
  any = !keys.empty();
  if (any) {
    Constant t;
    t.kind = Constant::Kind::Tuple;
    int n = int(keys.size());
    t.items = std::move(keys);
    emit_const(std::move(t));
    emit(Op::BUILD_CONST_KEY_MAP, n);
  }
  return true;
}

bool Compiler::default_arguments(Arguments* args, int& flags) {
  flags = 0;
  if (!args->defaults.empty()) {
    if (!visit_exprs(args->defaults)) return false;
    emit(Op::BUILD_TUPLE, int(args->defaults.size()));
    flags |= vm::MF_DEFAULTS;
  }
  if (!args->kwonlyargs.empty()) {
    bool any = false;
    if (!kwonly_defaults(args, any)) return false;
    if (any) flags |= vm::MF_KWDEFAULTS;
  }
  return true;
}

bool Compiler::visit_annotations(Arguments* args, Expr* returns, int& flags) {
  int n = 0;
  auto one = [&](Ident name, Expr* ann) -> bool {
    if (!ann) return true;
    emit_const(Constant::str(mangle(u->private_name, name)));
    if (future_annotations_) {
      if (!annotation_expr(ann)) return false;
    } else if (ann->tag == ExprKind::Starred) {
      // `*args: *Ts` evaluates as `[annotation] = [*Ts]`.
      if (!visit_expr(as<Starred>(ann)->value)) return false;
      emit(Op::UNPACK_SEQUENCE, 1);
    } else if (!visit_expr(ann)) {
      return false;
    }
    n += 2;
    return true;
  };
  // 3.11's order: args before posonlyargs.
  for (Arg* a : args->args) if (!one(a->arg, a->annotation)) return false;
  for (Arg* a : args->posonlyargs) if (!one(a->arg, a->annotation)) return false;
  if (args->vararg && !one(args->vararg->arg, args->vararg->annotation)) return false;
  for (Arg* a : args->kwonlyargs) if (!one(a->arg, a->annotation)) return false;
  if (args->kwarg && !one(args->kwarg->arg, args->kwarg->annotation)) return false;
  if (!one("return", returns)) return false;
  if (n) {
    emit(Op::BUILD_TUPLE, n);
    flags |= vm::MF_ANNOTATIONS;
  }
  return true;
}

namespace {
// A parameter named __debug__ is reported at the def (or lambda) as a whole, as compile.c does.
bool check_debug_args(Compiler& c, Arguments* args) {
  auto ok = [&](Arg* a) { return !a || c.forbidden_name(a->arg, ExprContext::Store, c.u->loc); };
  for (Arg* a : args->posonlyargs) if (!ok(a)) return false;
  for (Arg* a : args->args) if (!ok(a)) return false;
  if (!ok(args->vararg)) return false;
  for (Arg* a : args->kwonlyargs) if (!ok(a)) return false;
  return ok(args->kwarg);
}

// The docstring of a body: its first statement, if that is a string constant expression.
const Expr* docstring_expr(Compiler& c, const Seq<Stmt*>& body) {
  if (body.empty() || body[0]->tag != StmtKind::ExprStmt) return nullptr;
  Expr* v = as<ExprStmt>(body[0])->value;
  std::optional<Constant> k = c.fold(v);
  return k && k->kind == Constant::Kind::Str ? v : nullptr;
}
}  // namespace

bool check_debug_args_of(Compiler& c, Arguments* args) { return check_debug_args(c, args); }

bool Compiler::function_def(Stmt* s, bool is_async) {
  Arguments* args;
  Seq<Stmt*> body;
  Seq<Expr*> decos;
  Expr* returns;
  Ident name;
  if (is_async) {
    auto* f = as<AsyncFunctionDef>(s);
    args = f->args; body = f->body; decos = f->decorator_list; returns = f->returns; name = f->name;
  } else {
    auto* f = as<FunctionDef>(s);
    args = f->args; body = f->body; decos = f->decorator_list; returns = f->returns; name = f->name;
  }
  if (!check_debug_args(*this, args)) return false;
  if (!decorators(decos)) return false;
  int firstlineno = decos.empty() ? s->loc.lineno : decos[0]->loc.lineno;
  int flags = 0;
  if (!default_arguments(args, flags)) return false;
  if (!visit_annotations(args, returns, flags)) return false;
  if (!enter_scope(name, is_async ? UnitKind::AsyncFunction : UnitKind::Function, s,
                   firstlineno)) {
    return false;
  }
  const Expr* doc = opts_.optimize < 2 ? docstring_expr(*this, body) : nullptr;
  add_const(doc ? *fold(const_cast<Expr*>(doc)) : Constant::none());
  u->argcount = int(args->args.size() + args->posonlyargs.size());
  u->posonlyargcount = int(args->posonlyargs.size());
  u->kwonlyargcount = int(args->kwonlyargs.size());
  for (uint32_t i = doc ? 1 : 0; i < body.size(); i++) {
    if (!visit_stmt(body[i])) break;
  }
  std::string qualname = u->qualname;
  std::unique_ptr<CodeUnit> code = exit_scope_assemble(true);
  if (!code) return false;
  if (!make_closure(std::move(code), flags, qualname)) return false;
  apply_decorators(decos);
  set_loc(s->loc);
  name_op(name, ExprContext::Store);
  return true;
}

bool Compiler::class_def(ClassDef* s) {
  if (!decorators(s->decorator_list)) return false;
  int firstlineno = s->decorator_list.empty() ? s->loc.lineno : s->decorator_list[0]->loc.lineno;
  if (!enter_scope(s->name, UnitKind::Class, s, firstlineno)) return false;
  u->private_name = std::string(s->name);
  name_op("__name__", ExprContext::Load);
  name_op("__module__", ExprContext::Store);
  emit_const(Constant::str(u->qualname));
  name_op("__qualname__", ExprContext::Store);
  // The body, as compiler_body: annotations dict, docstring, statements.
  if (find_ann(s->body)) emit(Op::SETUP_ANNOTATIONS);
  uint32_t i = 0;
  if (opts_.optimize < 2) {
    if (const Expr* doc = docstring_expr(*this, s->body)) {
      i = 1;
      set_loc(s->body[0]->loc);
      visit_expr(const_cast<Expr*>(doc));
      unset_loc();
      name_op("__doc__", ExprContext::Store);
    }
  }
  for (; i < s->body.size(); i++) {
    if (!visit_stmt(s->body[i])) break;
  }
  unset_loc();
  if (u->ste.needs_class_closure) {
    emit(Op::LOAD_CLOSURE, u->cell_index.count("__class__") ? u->cell_index["__class__"] : 0);
    emit(Op::COPY, 1);
    name_op("__classcell__", ExprContext::Store);
  } else {
    emit_const(Constant::none());
  }
  emit(Op::RETURN_VALUE);
  std::unique_ptr<CodeUnit> code = exit_scope_assemble(true);
  if (!code) return false;
  set_loc(s->loc);
  emit(Op::PUSH_NULL);
  emit(Op::LOAD_BUILD_CLASS);
  if (!make_closure(std::move(code), 0, "")) return false;
  emit_const(Constant::str(std::string(s->name)));
  Seq<Expr*> bases = s->bases;
  if (!call_helper(2, bases, s->keywords)) return false;
  apply_decorators(s->decorator_list);
  set_loc(s->loc);
  name_op(s->name, ExprContext::Store);
  return true;
}

// -- simple statements -------------------------------------------------------------------------------

bool Compiler::return_stmt(Return* s) {
  std::optional<Constant> kv;
  if (s->value) kv = fold(s->value);
  bool preserve_tos = s->value && !kv;
  if (u->ste.type != BlockType::Function) return error("'return' outside function");
  if (s->value && u->ste.coroutine && u->ste.generator) {
    return error("'return' with value in async generator");
  }
  if (preserve_tos) {
    if (!visit_expr(s->value)) return false;
  } else if (s->value) {
    set_loc(s->value->loc);
    emit(Op::NOP);
  }
  if (!s->value || s->value->loc.lineno != s->loc.lineno) {
    set_loc(s->loc);
    emit(Op::NOP);
  }
  if (!unwind_fblock_stack(preserve_tos, nullptr)) return false;
  if (!s->value) emit_const(Constant::none());
  else if (!preserve_tos) emit_const(std::move(*kv));
  emit(Op::RETURN_VALUE);
  return true;
}

bool Compiler::break_stmt(Stmt* s) {
  FBlockInfo* loop = nullptr;
  emit(Op::NOP);
  if (!unwind_fblock_stack(false, &loop)) return false;
  if (!loop) return error(s->loc, "'break' outside loop");
  FBlockInfo copy = *loop;
  if (!unwind_fblock(copy, false)) return false;
  emit_jump(Op::JUMP, copy.exit);
  return true;
}

bool Compiler::continue_stmt(Stmt* s) {
  FBlockInfo* loop = nullptr;
  emit(Op::NOP);
  if (!unwind_fblock_stack(false, &loop)) return false;
  if (!loop) return error(s->loc, "'continue' not properly in loop");
  emit_jump(Op::JUMP, loop->block);
  return true;
}

bool Compiler::raise_stmt(Raise* s) {
  int n = 0;
  if (s->exc) {
    if (!visit_expr(s->exc)) return false;
    n++;
    if (s->cause) {
      if (!visit_expr(s->cause)) return false;
      n++;
    }
  }
  emit(Op::RAISE_VARARGS, n);
  return true;
}

bool Compiler::delete_stmt(Delete* s) { return visit_exprs(s->targets); }

bool Compiler::assert_stmt(Assert* s) {
  bool always_true = false;
  if (s->test->tag == ExprKind::Tuple && !as<Tuple>(s->test)->elts.empty()) always_true = true;
  if (always_true) warn(s->loc, "assertion is always true, perhaps remove parentheses?");
  if (opts_.optimize) return true;
  BasicBlock* end = new_block();
  if (!jump_if(s->test, end, true)) return false;
  // 3.11's compiler_jump_if leaves a comparison's location current: the raise is attributed
  // to `x > 10` (the traceback's carets), other tests leave the statement's.
  if (s->test->tag == ExprKind::Compare) set_loc(s->test->loc);
  emit(Op::LOAD_ASSERTION_ERROR);
  if (s->msg) {
    if (!visit_expr(s->msg)) return false;
    emit(Op::PRECALL, 0);
    emit(Op::CALL, 0);
  }
  emit(Op::RAISE_VARARGS, 1);
  use_block(end);
  return true;
}

bool Compiler::import_as(std::string_view name, std::string_view asname) {
  size_t dot = name.find('.');
  if (dot != std::string_view::npos) {
    while (true) {
      size_t pos = dot + 1;
      dot = name.find('.', pos);
      std::string_view attr = name.substr(pos, dot == std::string_view::npos ? name.npos
                                                                           : dot - pos);
      emit(Op::IMPORT_FROM, add_name(attr));
      if (dot == std::string_view::npos) break;
      emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
    }
    name_op(asname, ExprContext::Store);
    emit(Op::POP_TOP);
    return true;
  }
  name_op(asname, ExprContext::Store);
  return true;
}

bool Compiler::import_stmt(Import* s) {
  for (Alias* a : s->names) {
    emit_const(Constant::integer(0));
    emit_const(Constant::none());
    emit_name(Op::IMPORT_NAME, a->name);
    if (a->asname.data()) {
      if (!import_as(a->name, a->asname)) return false;
    } else {
      size_t dot = a->name.find('.');
      name_op(a->name.substr(0, dot), ExprContext::Store);
    }
  }
  return true;
}

bool Compiler::from_import(ImportFrom* s) {
  emit_const(Constant::integer(s->level));
  Constant names;
  names.kind = Constant::Kind::Tuple;
  for (Alias* a : s->names) names.items.push_back(Constant::str(std::string(a->name)));
  if (s->module.data() && s->module == "__future__" && s->loc.lineno > future_lineno_) {
    return error("from __future__ imports must occur at the beginning of the file");
  }
  emit_const(std::move(names));
  emit_name(Op::IMPORT_NAME, s->module.data() ? s->module : std::string_view(""));
  for (uint32_t i = 0; i < s->names.size(); i++) {
    Alias* a = s->names[i];
    if (i == 0 && !a->name.empty() && a->name[0] == '*') {
      emit(Op::IMPORT_STAR);
      return true;
    }
    emit_name(Op::IMPORT_FROM, a->name);
    name_op(a->asname.data() ? a->asname : a->name, ExprContext::Store);
  }
  emit(Op::POP_TOP);
  return true;
}

bool Compiler::aug_assign(AugAssign* s) {
  Expr* e = s->target;
  ast::Loc saved = u->loc;
  set_loc(e->loc);  // the target's load is the target's (3.11: the carets of `x += 1`)
  switch (e->tag) {
    case ExprKind::Attribute: {
      auto* a = as<Attribute>(e);
      if (!visit_expr(a->value)) return false;
      emit(Op::COPY, 1);
      update_start_location_to_match_attr(a);
      emit_name(Op::LOAD_ATTR, a->attr);
      break;
    }
    case ExprKind::Subscript: {
      auto* sub = as<Subscript>(e);
      if (!visit_expr(sub->value) || !visit_expr(sub->slice)) return false;
      emit(Op::COPY, 2);
      emit(Op::COPY, 2);
      emit(Op::BINARY_SUBSCR);
      break;
    }
    case ExprKind::Name:
      name_op(as<Name>(e)->id, ExprContext::Load);
      break;
    default:
      return error("illegal expression for augmented assignment");
  }
  u->loc = saved;
  if (!visit_expr(s->value)) return false;
  emit(Op::BINARY_OP, int(vm::NB_INPLACE_ADD) + [&] {
    switch (s->op) {
      case Operator::Add: return int(vm::NB_ADD);
      case Operator::Sub: return int(vm::NB_SUBTRACT);
      case Operator::Mult: return int(vm::NB_MULTIPLY);
      case Operator::MatMult: return int(vm::NB_MATRIX_MULTIPLY);
      case Operator::Div: return int(vm::NB_TRUE_DIVIDE);
      case Operator::Mod: return int(vm::NB_REMAINDER);
      case Operator::Pow: return int(vm::NB_POWER);
      case Operator::LShift: return int(vm::NB_LSHIFT);
      case Operator::RShift: return int(vm::NB_RSHIFT);
      case Operator::BitOr: return int(vm::NB_OR);
      case Operator::BitXor: return int(vm::NB_XOR);
      case Operator::BitAnd: return int(vm::NB_AND);
      case Operator::FloorDiv: return int(vm::NB_FLOOR_DIVIDE);
    }
    return 0;
  }());
  set_loc(e->loc);
  switch (e->tag) {
    case ExprKind::Attribute: {
      auto* a = as<Attribute>(e);
      update_start_location_to_match_attr(a);
      emit(Op::SWAP, 2);
      emit_name(Op::STORE_ATTR, a->attr);
      break;
    }
    case ExprKind::Subscript:
      emit(Op::SWAP, 3);
      emit(Op::SWAP, 2);
      emit(Op::STORE_SUBSCR);
      break;
    default:
      name_op(as<Name>(e)->id, ExprContext::Store);
      break;
  }
  return true;
}

bool Compiler::check_ann_expr(Expr* e) {
  if (!visit_expr(e)) return false;
  emit(Op::POP_TOP);
  return true;
}

bool Compiler::check_ann_subscr(Expr* e) {
  switch (e->tag) {
    case ExprKind::Slice: {
      auto* s = as<Slice>(e);
      if (s->lower && !check_ann_expr(s->lower)) return false;
      if (s->upper && !check_ann_expr(s->upper)) return false;
      if (s->step && !check_ann_expr(s->step)) return false;
      return true;
    }
    case ExprKind::Tuple:
      for (Expr* x : as<Tuple>(e)->elts) {
        if (!check_ann_subscr(x)) return false;
      }
      return true;
    default:
      return check_ann_expr(e);
  }
}

bool Compiler::ann_assign(AnnAssign* s) {
  Expr* targ = s->target;
  if (s->value) {
    if (!visit_expr(s->value) || !visit_expr(targ)) return false;
  }
  bool module_or_class = u->kind == UnitKind::Module || u->kind == UnitKind::Class;
  switch (targ->tag) {
    case ExprKind::Name: {
      Ident id = as<Name>(targ)->id;
      if (!forbidden_name(id, ExprContext::Store, targ->loc)) return false;
      if (s->simple && module_or_class) {
        if (future_annotations_) {
          if (!annotation_expr(s->annotation)) return false;
        } else if (!visit_expr(s->annotation)) {
          return false;
        }
        emit(Op::LOAD_NAME, add_name("__annotations__"));
        emit_const(Constant::str(mangle(u->private_name, id)));
        emit(Op::STORE_SUBSCR);
      }
      break;
    }
    case ExprKind::Attribute: {
      auto* a = as<Attribute>(targ);
      if (!forbidden_name(a->attr, ExprContext::Store, targ->loc)) return false;
      if (!s->value && !check_ann_expr(a->value)) return false;
      break;
    }
    case ExprKind::Subscript: {
      auto* sub = as<Subscript>(targ);
      if (!s->value && (!check_ann_expr(sub->value) || !check_ann_subscr(sub->slice))) return false;
      break;
    }
    default:
      return error("invalid node type for annotated assignment");
  }
  if (!s->simple && !future_annotations_ && module_or_class) {
    if (!check_ann_expr(s->annotation)) return false;
  }
  return true;
}

// -- control flow ------------------------------------------------------------------------------------

bool Compiler::if_stmt(If* s) {
  BasicBlock* end = new_block();
  BasicBlock* next = s->orelse.empty() ? end : new_block();
  if (!jump_if(s->test, next, false)) return false;
  if (!visit_body(s->body)) return false;
  if (!s->orelse.empty()) {
    emit_jump_noline(Op::JUMP, end);
    use_block(next);
    if (!visit_body(s->orelse)) return false;
  }
  use_block(end);
  return true;
}

bool Compiler::for_stmt(For* s) {
  BasicBlock* start = new_block();
  BasicBlock* body = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* end = new_block();
  if (!push_fblock(FBlock::ForLoop, start, end)) return false;
  if (!visit_iter(s->iter)) return false;
  emit(Op::GET_ITER);
  use_block(start);
  emit_jump(Op::FOR_ITER, cleanup);
  use_block(body);
  if (!visit_expr(s->target)) return false;
  if (!visit_body(s->body)) return false;
  unset_loc();
  emit_jump(Op::JUMP, start);
  use_block(cleanup);
  pop_fblock(FBlock::ForLoop, start);
  if (!visit_body(s->orelse)) return false;
  use_block(end);
  return true;
}

bool Compiler::async_for_stmt(AsyncFor* s) {
  if (is_top_level_await()) {
    u->ste.coroutine = true;
  } else if (u->kind != UnitKind::AsyncFunction) {
    return error("'async for' outside async function");
  }
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  if (!visit_expr(s->iter)) return false;
  emit(Op::GET_AITER);
  use_block(start);
  if (!push_fblock(FBlock::ForLoop, start, end)) return false;
  emit_jump(Op::SETUP_FINALLY, except);
  emit(Op::GET_ANEXT);
  emit_const(Constant::none());
  add_yield_from(true);
  emit(Op::POP_BLOCK);
  if (!visit_expr(s->target)) return false;
  if (!visit_body(s->body)) return false;
  unset_loc();
  emit_jump(Op::JUMP, start);
  pop_fblock(FBlock::ForLoop, start);
  use_block(except);
  set_loc(s->iter->loc);
  emit(Op::END_ASYNC_FOR);
  if (!visit_body(s->orelse)) return false;
  use_block(end);
  return true;
}

bool Compiler::while_stmt(While* s) {
  BasicBlock* loop = new_block();
  BasicBlock* body = new_block();
  BasicBlock* anchor = new_block();
  BasicBlock* end = new_block();
  use_block(loop);
  if (!push_fblock(FBlock::WhileLoop, loop, end)) return false;
  if (!jump_if(s->test, anchor, false)) return false;
  use_block(body);
  if (!visit_body(s->body)) return false;
  set_loc(s->loc);
  if (!jump_if(s->test, body, true)) return false;
  pop_fblock(FBlock::WhileLoop, loop);
  use_block(anchor);
  if (!visit_body(s->orelse)) return false;
  use_block(end);
  return true;
}

bool Compiler::pop_except_and_reraise() {
  emit(Op::COPY, 3);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE, 1);
  return true;
}

bool Compiler::try_finally(Stmt* s) {
  TryParts t = try_parts(s);
  BasicBlock* body = new_block();
  BasicBlock* end = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  emit_jump(Op::SETUP_FINALLY, end);
  use_block(body);
  if (!push_fblock(FBlock::FinallyTry, body, end, t.finalbody)) return false;
  if (!t.handlers->empty()) {
    if (!try_except(s)) return false;
  } else if (!visit_body(*t.body)) {
    return false;
  }
  emit_noline(Op::POP_BLOCK);
  pop_fblock(FBlock::FinallyTry, body);
  if (!visit_body(*t.finalbody)) return false;
  emit_jump_noline(Op::JUMP, exit);
  use_block(end);
  unset_loc();
  emit_jump(Op::SETUP_CLEANUP, cleanup);
  emit(Op::PUSH_EXC_INFO);
  if (!push_fblock(FBlock::FinallyEnd, end, nullptr)) return false;
  if (!visit_body(*t.finalbody)) return false;
  pop_fblock(FBlock::FinallyEnd, end);
  emit(Op::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
  return true;
}

bool Compiler::try_star_finally(Stmt* s) {
  TryParts t = try_parts(s);
  BasicBlock* body = new_block();
  BasicBlock* end = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  emit_jump(Op::SETUP_FINALLY, end);
  use_block(body);
  if (!push_fblock(FBlock::FinallyTry, body, end, t.finalbody)) return false;
  if (!t.handlers->empty()) {
    if (!try_star_except(s)) return false;
  } else if (!visit_body(*t.body)) {
    return false;
  }
  emit_noline(Op::POP_BLOCK);
  pop_fblock(FBlock::FinallyTry, body);
  if (!visit_body(*t.finalbody)) return false;
  emit_jump_noline(Op::JUMP, exit);
  use_block(end);
  unset_loc();
  emit_jump(Op::SETUP_CLEANUP, cleanup);
  emit(Op::PUSH_EXC_INFO);
  if (!push_fblock(FBlock::FinallyEnd, end, nullptr)) return false;
  if (!visit_body(*t.finalbody)) return false;
  pop_fblock(FBlock::FinallyEnd, end);
  emit(Op::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
  return true;
}

bool Compiler::try_except(Stmt* s) {
  TryParts t = try_parts(s);
  BasicBlock* body = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  emit_jump(Op::SETUP_FINALLY, except);
  use_block(body);
  if (!push_fblock(FBlock::TryExcept, body, nullptr)) return false;
  if (!visit_body(*t.body)) return false;
  pop_fblock(FBlock::TryExcept, body);
  emit_noline(Op::POP_BLOCK);
  if (!visit_body(*t.orelse)) return false;
  emit_jump_noline(Op::JUMP, end);
  uint32_t n = t.handlers->size();
  use_block(except);
  unset_loc();
  emit_jump(Op::SETUP_CLEANUP, cleanup);
  emit(Op::PUSH_EXC_INFO);
  if (!push_fblock(FBlock::ExceptionHandler, nullptr, nullptr)) return false;
  for (uint32_t i = 0; i < n; i++) {
    ExceptHandler* h = (*t.handlers)[i];
    set_loc(h->loc);
    if (!h->type && i + 1 < n) return error("default 'except:' must be last");
    except = new_block();
    if (h->type) {
      if (!visit_expr(h->type)) return false;
      emit(Op::CHECK_EXC_MATCH);
      emit_jump(Op::POP_JUMP_IF_FALSE, except);
    }
    if (h->name.data()) {
      BasicBlock* cleanup_end = new_block();
      BasicBlock* cleanup_body = new_block();
      name_op(h->name, ExprContext::Store);
      emit_jump(Op::SETUP_CLEANUP, cleanup_end);
      use_block(cleanup_body);
      if (!push_fblock(FBlock::HandlerCleanup, cleanup_body, nullptr, &h->name)) return false;
      if (!visit_body(h->body)) return false;
      pop_fblock(FBlock::HandlerCleanup, cleanup_body);
      unset_loc();
      emit(Op::POP_BLOCK);
      emit(Op::POP_BLOCK);
      emit(Op::POP_EXCEPT);
      emit_const(Constant::none());
      name_op(h->name, ExprContext::Store);
      name_op(h->name, ExprContext::Del);
      emit_jump(Op::JUMP, end);
      use_block(cleanup_end);
      unset_loc();
      emit_const(Constant::none());
      name_op(h->name, ExprContext::Store);
      name_op(h->name, ExprContext::Del);
      emit(Op::RERAISE, 1);
    } else {
      BasicBlock* cleanup_body = new_block();
      emit(Op::POP_TOP);
      use_block(cleanup_body);
      if (!push_fblock(FBlock::HandlerCleanup, cleanup_body, nullptr, nullptr)) return false;
      if (!visit_body(h->body)) return false;
      pop_fblock(FBlock::HandlerCleanup, cleanup_body);
      unset_loc();
      emit(Op::POP_BLOCK);
      emit(Op::POP_EXCEPT);
      emit_jump(Op::JUMP, end);
    }
    use_block(except);
  }
  unset_loc();
  pop_fblock(FBlock::ExceptionHandler, nullptr);
  emit(Op::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(end);
  return true;
}

bool Compiler::try_star_except(Stmt* s) {
  TryParts t = try_parts(s);
  BasicBlock* body = new_block();
  BasicBlock* except = new_block();
  BasicBlock* orelse = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* reraise_star = new_block();
  emit_jump(Op::SETUP_FINALLY, except);
  use_block(body);
  if (!push_fblock(FBlock::TryExcept, body, nullptr)) return false;
  if (!visit_body(*t.body)) return false;
  pop_fblock(FBlock::TryExcept, body);
  emit_noline(Op::POP_BLOCK);
  emit_jump_noline(Op::JUMP, orelse);
  uint32_t n = t.handlers->size();
  use_block(except);
  unset_loc();
  emit_jump(Op::SETUP_CLEANUP, cleanup);
  emit(Op::PUSH_EXC_INFO);
  if (!push_fblock(FBlock::ExceptionGroupHandler, nullptr, nullptr)) return false;
  for (uint32_t i = 0; i < n; i++) {
    ExceptHandler* h = (*t.handlers)[i];
    set_loc(h->loc);
    except = new_block();
    BasicBlock* handle_match = new_block();
    if (i == 0) {
      // [exc] -> [orig, [], exc]: the list collects what the handlers raise or re-raise.
      emit(Op::COPY, 1);
      emit(Op::BUILD_LIST, 0);
      emit(Op::SWAP, 2);
    }
    if (h->type) {
      if (!visit_expr(h->type)) return false;
      // 3.11.2's layout (the oracle's): the no-match path falls through and jumps on.
      emit(Op::CHECK_EG_MATCH);
      emit(Op::COPY, 1);
      emit_jump(Op::POP_JUMP_IF_NOT_NONE, handle_match);
      emit(Op::POP_TOP);
      emit_jump(Op::JUMP, except);
      use_block(handle_match);
    }
    BasicBlock* cleanup_end = new_block();
    BasicBlock* cleanup_body = new_block();
    if (h->name.data()) name_op(h->name, ExprContext::Store);
    else emit(Op::POP_TOP);
    emit_jump(Op::SETUP_CLEANUP, cleanup_end);
    use_block(cleanup_body);
    if (!push_fblock(FBlock::HandlerCleanup, cleanup_body, nullptr,
                     h->name.data() ? &h->name : nullptr)) {
      return false;
    }
    if (!visit_body(h->body)) return false;
    pop_fblock(FBlock::HandlerCleanup, cleanup_body);
    unset_loc();
    emit(Op::POP_BLOCK);
    if (h->name.data()) {
      emit_const(Constant::none());
      name_op(h->name, ExprContext::Store);
      name_op(h->name, ExprContext::Del);
    }
    emit_jump(Op::JUMP, except);
    use_block(cleanup_end);
    if (h->name.data()) {
      emit_const(Constant::none());
      name_op(h->name, ExprContext::Store);
      name_op(h->name, ExprContext::Del);
    }
    emit(Op::LIST_APPEND, 3);
    emit(Op::POP_TOP);
    emit_jump(Op::JUMP, except);
    use_block(except);
    if (i == n - 1) {
      emit(Op::LIST_APPEND, 1);
      emit_jump(Op::JUMP, reraise_star);
    }
  }
  unset_loc();
  pop_fblock(FBlock::ExceptionGroupHandler, nullptr);
  BasicBlock* reraise = new_block();
  use_block(reraise_star);
  emit(Op::PREP_RERAISE_STAR);
  emit(Op::COPY, 1);
  emit_jump(Op::POP_JUMP_IF_NOT_NONE, reraise);
  emit(Op::POP_TOP);
  emit(Op::POP_BLOCK);
  emit(Op::POP_EXCEPT);
  emit_jump(Op::JUMP, end);
  use_block(reraise);
  emit(Op::POP_BLOCK);
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(orelse);
  if (!visit_body(*t.orelse)) return false;
  use_block(end);
  return true;
}

bool Compiler::call_exit_with_nones() {
  emit_const(Constant::none());
  emit_const(Constant::none());
  emit_const(Constant::none());
  emit(Op::PRECALL, 2);
  emit(Op::CALL, 2);
  return true;
}

bool Compiler::with_except_finish(BasicBlock* cleanup) {
  unset_loc();
  BasicBlock* exit = new_block();
  emit_jump(Op::POP_JUMP_IF_TRUE, exit);
  emit(Op::RERAISE, 2);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
  emit(Op::POP_TOP);
  emit(Op::POP_BLOCK);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  emit(Op::POP_TOP);
  return true;
}

bool Compiler::with_stmt(With* s, uint32_t pos) {
  WithItem* item = s->items[pos];
  BasicBlock* body = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  if (!visit_expr(item->context_expr)) return false;
  emit(Op::BEFORE_WITH);
  emit_jump(Op::SETUP_WITH, final);
  use_block(body);
  if (!push_fblock(FBlock::With, body, final, s)) return false;
  u->fblocks.back().loc = s->loc;
  if (item->optional_vars) {
    if (!visit_expr(item->optional_vars)) return false;
  } else {
    emit(Op::POP_TOP);
  }
  pos++;
  if (pos == s->items.size()) {
    if (!visit_body(s->body)) return false;
  } else if (!with_stmt(s, pos)) {
    return false;
  }
  unset_loc();
  emit(Op::POP_BLOCK);
  pop_fblock(FBlock::With, body);
  set_loc(s->loc);
  call_exit_with_nones();
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, exit);
  use_block(final);
  emit_jump(Op::SETUP_CLEANUP, cleanup);
  emit(Op::PUSH_EXC_INFO);
  emit(Op::WITH_EXCEPT_START);
  with_except_finish(cleanup);
  use_block(exit);
  return true;
}

bool Compiler::async_with_stmt(AsyncWith* s, uint32_t pos) {
  if (is_top_level_await()) {
    u->ste.coroutine = true;
  } else if (u->kind != UnitKind::AsyncFunction) {
    return error("'async with' outside async function");
  }
  WithItem* item = s->items[pos];
  BasicBlock* block = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  if (!visit_expr(item->context_expr)) return false;
  emit(Op::BEFORE_ASYNC_WITH);
  emit(Op::GET_AWAITABLE, 1);
  emit_const(Constant::none());
  add_yield_from(true);
  emit_jump(Op::SETUP_WITH, final);
  use_block(block);
  if (!push_fblock(FBlock::AsyncWith, block, final, s)) return false;
  u->fblocks.back().loc = s->loc;
  if (item->optional_vars) {
    if (!visit_expr(item->optional_vars)) return false;
  } else {
    emit(Op::POP_TOP);
  }
  pos++;
  if (pos == s->items.size()) {
    if (!visit_body(s->body)) return false;
  } else if (!async_with_stmt(s, pos)) {
    return false;
  }
  pop_fblock(FBlock::AsyncWith, block);
  emit(Op::POP_BLOCK);
  set_loc(s->loc);
  call_exit_with_nones();
  emit(Op::GET_AWAITABLE, 2);
  emit_const(Constant::none());
  add_yield_from(true);
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, exit);
  use_block(final);
  emit_jump(Op::SETUP_CLEANUP, cleanup);
  emit(Op::PUSH_EXC_INFO);
  emit(Op::WITH_EXCEPT_START);
  emit(Op::GET_AWAITABLE, 2);
  emit_const(Constant::none());
  add_yield_from(true);
  with_except_finish(cleanup);
  use_block(exit);
  return true;
}

}  // namespace tpy::compile
