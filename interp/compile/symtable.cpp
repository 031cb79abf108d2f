// interp/compile/symtable.cpp -- Symbol table, first pass: blocks and raw symbol flags from the AST.
//
// The visiting order is CPython 3.11's (Python/symtable.c), because it decides the order of
// symbols and children and which error is reported first when a program has several: e.g.
// function defaults and annotations are visited in the enclosing block before the function's
// block is entered, dict keys before dict values, a try's else-block before its handlers, and a
// dict comprehension's value before its key. The second pass (scope resolution) is in
// symtable_analyze.cpp.
#include "interp/compile/symtable.h"

#include <cstdio>
#include <cstring>

#include "interp/compile/symtable_internal.h"
#include "interp/parse/source.h"

namespace tpy::compile {

using namespace sym;
using ast::as;

const Symbol* Block::lookup(std::string_view mangled_name) const {
  auto it = m_index.find(mangled_name);
  return it == m_index.end() ? nullptr : &symbols[it->second];
}

// -- Mangling ---------------------------------------------------------------------------------------

bool mangling_applies(std::string_view private_name, std::string_view name) {
  if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return false;
  // __dunder__ names and dotted import names are left alone.
  if (name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return false;
  if (name.find('.') != std::string_view::npos) return false;
  return private_name.find_first_not_of('_') != std::string_view::npos;
}

std::string mangle(std::string_view private_name, std::string_view name) {
  if (!mangling_applies(private_name, name)) return std::string(name);
  std::string out = "_";
  out += private_name.substr(private_name.find_first_not_of('_'));
  out += name;
  return out;
}

std::string_view mangle(std::string_view private_name, std::string_view name,
                        parse::Arena& arena) {
  if (!mangling_applies(private_name, name)) return name;
  return arena.copy(mangle(private_name, name));
}

// -- Errors ------------------------------------------------------------------------------------------

void set_error(SyntaxErrorInfo* err, std::string_view filename, std::string msg,
               const ast::Loc& loc) {
  err->type = SyntaxErrorInfo::Type::SyntaxError;
  err->msg = std::move(msg);
  err->filename = std::string(filename);
  // PyErr_RangedSyntaxLocationObject(filename, lineno, col_offset + 1, ...): byte columns,
  // not converted to characters as the parser's errors are.
  err->lineno = loc.lineno;
  err->offset = loc.col_offset + 1;
  err->end_lineno = loc.end_lineno;
  err->end_offset = loc.end_col_offset + 1;
  err->text.clear();
  err->blank_text = false;
}

bool program_text(std::string_view bytes, int lineno, std::string* out) {
  if (lineno <= 0) return false;
  // err_programtext: fgets into a 1000-byte buffer with universal newlines; a line longer than
  // the buffer is read in pieces and only the last piece is kept.
  constexpr size_t kChunk = 999;
  size_t pos = 0;
  std::string chunk;
  int line = 0;
  while (line < lineno) {
    bool full;
    do {
      if (pos >= bytes.size()) goto after_loop;
      chunk.clear();
      while (chunk.size() < kChunk && pos < bytes.size()) {
        char c = bytes[pos++];
        if (c == '\r') {
          if (pos < bytes.size() && bytes[pos] == '\n') pos++;
          c = '\n';
        }
        chunk += c;
        if (c == '\n') break;
      }
      full = chunk.size() == kChunk && chunk.back() != '\n';
    } while (full);
    line++;
  }
after_loop:
  if (line != lineno) return false;
  // PyUnicode_FromString: up to the first NUL, strict UTF-8, or no text at all.
  size_t nul = chunk.find('\0');
  if (nul != std::string::npos) chunk.resize(nul);
  std::string ignored;
  if (parse::utf8_error_message(chunk, ignored)) return false;
  *out = std::move(chunk);
  return true;
}

void load_error_text(SyntaxErrorInfo& err) {
  err.text.clear();
  if (err.lineno <= 0 || err.filename.empty()) return;
  std::FILE* f = std::fopen(err.filename.c_str(), "rb");
  if (!f) return;
  std::string bytes;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  std::fclose(f);
  std::string text;
  if (program_text(bytes, err.lineno, &text)) err.text = std::move(text);
}

// -- Future imports ----------------------------------------------------------------------------------

namespace {

bool is_docstring(const ast::Stmt* s) {
  if (s->tag != ast::StmtKind::ExprStmt) return false;
  const ast::Expr* v = as<ast::ExprStmt>(const_cast<ast::Stmt*>(s))->value;
  return v->tag == ast::ExprKind::Constant &&
         as<ast::Constant>(const_cast<ast::Expr*>(v))->value.kind == ast::ConstValue::Kind::Str;
}

// PyErr_SyntaxLocationObject: an offset as given, the end line is the line, no end offset.
void set_future_error(SyntaxErrorInfo* err, std::string_view filename, std::string msg,
                      int lineno, int offset) {
  set_error(err, filename, std::move(msg), ast::Loc{lineno, offset - 1, lineno, 0});
  err->end_offset = 0;
}

bool check_features(const ast::ImportFrom* s, std::string_view filename, FutureFeatures* out,
                    SyntaxErrorInfo* err) {
  static constexpr const char* kAccepted[] = {
      "nested_scopes", "generators", "division", "absolute_import", "with_statement",
      "print_function", "unicode_literals", "generator_stop"};
  for (const ast::Alias* a : s->names) {
    std::string_view f = a->name;
    bool known = false;
    for (const char* k : kAccepted) known = known || f == k;
    if (known) continue;
    if (f == "barry_as_FLUFL") {
      out->barry_as_FLUFL = true;
    } else if (f == "annotations") {
      out->annotations = true;
    } else if (f == "braces") {
      set_future_error(err, filename, "not a chance", s->loc.lineno, s->loc.col_offset + 1);
      return false;
    } else {
      // "%.100s": at most 100 bytes of the name, a cut character decoded as U+FFFD.
      std::string name = parse::utf8_replace_invalid(f.substr(0, 100));
      set_future_error(err, filename, "future feature " + name + " is not defined",
                       s->loc.lineno, s->loc.col_offset + 1);
      return false;
    }
  }
  return true;
}

}  // namespace

bool parse_future(ast::Mod* mod, std::string_view filename, FutureFeatures* out,
                  SyntaxErrorInfo* err) {
  ast::Seq<ast::Stmt*> body;
  if (mod->tag == ast::ModKind::Module) body = as<ast::Module>(mod)->body;
  else if (mod->tag == ast::ModKind::Interactive) body = as<ast::Interactive>(mod)->body;
  else return true;
  uint32_t i = !body.empty() && is_docstring(body[0]) ? 1 : 0;
  bool done = false;
  int prev_line = 0;
  for (; i < body.size(); i++) {
    const ast::Stmt* s = body[i];
    // Only future imports (and a docstring) may come first; one joined by `;` to the line of
    // an earlier statement is the case future.c itself reports.
    if (done && s->loc.lineno > prev_line) return true;
    prev_line = s->loc.lineno;
    if (s->tag == ast::StmtKind::ImportFrom) {
      auto* imp = as<ast::ImportFrom>(const_cast<ast::Stmt*>(s));
      if (imp->module.data() && imp->module == "__future__") {
        if (done) {
          set_future_error(err, filename,
                           "from __future__ imports must occur at the beginning of the file",
                           s->loc.lineno, s->loc.col_offset);
          return false;
        }
        if (!check_features(imp, filename, out, err)) return false;
        out->lineno = s->loc.lineno;
        continue;
      }
    }
    done = true;
  }
  return true;
}

// -- The builder -------------------------------------------------------------------------------------

namespace {
constexpr std::string_view kClassCell = "__class__";
}

SymtableBuilder::SymtableBuilder(SymbolTable& table, SyntaxErrorInfo* err,
                                 const SymtableOptions& options)
    : m_t(table), m_err(err), m_depth(options.recursion_depth), m_limit(options.recursion_limit) {}

bool SymtableBuilder::error(std::string msg, const ast::Loc& loc) {
  set_error(m_err, m_t.m_filename, std::move(msg), loc);
  return false;
}

bool SymtableBuilder::recursion_error() {
  *m_err = SyntaxErrorInfo{};
  m_err->type = SyntaxErrorInfo::Type::RecursionError;
  m_err->msg = "maximum recursion depth exceeded during compilation";
  m_err->filename = m_t.m_filename;
  return false;
}

Block* SymtableBuilder::enter_block(std::string_view name, BlockType type, const void* node,
                                    const ast::Loc& loc) {
  Block* prev = m_cur;
  Block& b = m_t.m_blocks.emplace_back();
  b.type = type;
  b.name = name;
  b.node = node;
  b.loc = loc;
  b.private_name = m_private;
  b.parent = prev;
  b.nested = prev && (prev->nested || prev->type == BlockType::Function);
  if (prev) b.m_comp_iter_expr = prev->m_comp_iter_expr;
  m_stack.push_back(&b);
  m_cur = &b;
  // Annotation blocks (future annotations) only catch the names and errors of annotations,
  // which are compiled to strings: nobody's children, and no node maps to them.
  if (type == BlockType::Annotation) return &b;
  if (prev) prev->children.push_back(&b);
  m_t.m_by_node.emplace(node, &b);
  return &b;
}

void SymtableBuilder::exit_block() {
  m_stack.pop_back();
  m_cur = m_stack.empty() ? nullptr : m_stack.back();
}

uint16_t SymtableBuilder::lookup_flags(Block* b, std::string_view mangled) {
  auto it = b->m_index.find(mangled);
  return it == b->m_index.end() ? 0 : b->symbols[it->second].flags;
}

void SymtableBuilder::or_flags(Block* b, std::string_view mangled, uint16_t flags) {
  auto [it, inserted] = b->m_index.try_emplace(mangled, uint32_t(b->symbols.size()));
  if (inserted) b->symbols.push_back(Symbol{mangled, flags, Scope::None});
  else b->symbols[it->second].flags |= flags;
}

bool SymtableBuilder::add_def_in(Block* b, std::string_view name, uint16_t flag,
                                 const ast::Loc& loc) {
  std::string_view mangled = mangle(m_private, name, m_t.m_names);
  uint16_t val = flag;
  uint16_t old = lookup_flags(b, mangled);
  if (old) {
    if ((flag & kDefParam) && (old & kDefParam)) {
      return error("duplicate argument '" + std::string(name) + "' in function definition",
                   loc);
    }
    val |= old;
  }
  if (b->m_comp_iter_target) {
    // An iteration variable: it may not be a name a walrus in the comprehension binds, and
    // later walruses check against the mark.
    if (val & (kDefGlobal | kDefNonlocal)) {
      return error("comprehension inner loop cannot rebind assignment expression target '" +
                       std::string(name) + "'",
                   loc);
    }
    val |= kDefCompIter;
  }
  or_flags(b, mangled, val);
  if (flag & kDefParam) {
    b->varnames.push_back(mangled);
  } else if (flag & kDefGlobal) {
    // A global declaration anywhere also marks the name in the module's table.
    or_flags(m_t.m_top, mangled, flag);
  }
  return true;
}

void SymtableBuilder::record_directive(std::string_view name, const ast::Loc& loc) {
  m_cur->m_directives.push_back(Block::Directive{mangle(m_private, name, m_t.m_names), loc});
}

bool SymtableBuilder::run(ast::Mod* mod, std::string_view filename) {
  m_t.m_filename = std::string(filename);
  if (!parse_future(mod, filename, &m_t.m_future, m_err)) return false;
  if (!build(mod)) return false;
  return ScopeAnalyzer::run(m_t, m_err);
}

bool SymtableBuilder::build(ast::Mod* mod) {
  TPY_CHECK(mod->tag != ast::ModKind::FunctionType,
            "the symbol table is not built for func_type ASTs");
  m_t.m_top = enter_block("top", BlockType::Module, mod, ast::Loc{});
  bool ok = true;
  switch (mod->tag) {
    case ast::ModKind::Module:
      ok = visit_stmts(as<ast::Module>(mod)->body);
      break;
    case ast::ModKind::Interactive:
      ok = visit_stmts(as<ast::Interactive>(mod)->body);
      break;
    case ast::ModKind::Expression:
      ok = visit_expr(as<ast::Expression>(mod)->body);
      break;
    case ast::ModKind::FunctionType:
      break;
  }
  if (!ok) return false;
  exit_block();
  return true;
}

// -- Statements ----------------------------------------------------------------------------------

bool SymtableBuilder::visit_stmts(const ast::Seq<ast::Stmt*>& body) {
  for (ast::Stmt* s : body)
    if (!visit_stmt(s)) return false;
  return true;
}

bool SymtableBuilder::visit_exprs(const ast::Seq<ast::Expr*>& exprs) {
  for (ast::Expr* e : exprs)
    if (e && !visit_expr(e)) return false;  // null: `**d` dict keys, absent kw_defaults
  return true;
}

bool SymtableBuilder::visit_stmt(ast::Stmt* s) {
  if (++m_depth > m_limit) return recursion_error();
  bool ok = visit_stmt_kind(s);
  m_depth--;
  return ok;
}

bool SymtableBuilder::visit_function(ast::Stmt* s, std::string_view name, ast::Arguments* args,
                                     const ast::Seq<ast::Stmt*>& body,
                                     const ast::Seq<ast::Expr*>& decorators, ast::Expr* returns,
                                     bool is_async) {
  if (!add_def(name, kDefLocal, s->loc)) return false;
  if (!visit_exprs(args->defaults) || !visit_exprs(args->kw_defaults)) return false;
  if (!visit_annotations(s, args, returns)) return false;
  if (!visit_exprs(decorators)) return false;
  Block* b = enter_block(name, BlockType::Function, s, s->loc);
  if (is_async) b->coroutine = true;
  if (!visit_arguments(args) || !visit_stmts(body)) return false;
  exit_block();
  return true;
}

bool SymtableBuilder::visit_global_or_nonlocal(ast::Stmt* s, const ast::Seq<ast::Ident>& names,
                                               bool global) {
  const char* what = global ? "global" : "nonlocal";
  for (ast::Ident name : names) {
    uint16_t cur = lookup_flags(m_cur, mangle(m_private, name, m_t.m_names));
    if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
      std::string n(name), msg;
      if (cur & kDefParam) msg = "name '" + n + "' is parameter and " + what;
      else if (cur & kUse) msg = "name '" + n + "' is used prior to " + what + " declaration";
      else if (cur & kDefAnnot) msg = "annotated name '" + n + "' can't be " + what;
      else msg = "name '" + n + "' is assigned to before " + what + " declaration";
      return error(std::move(msg), s->loc);
    }
    if (!add_def(name, global ? kDefGlobal : kDefNonlocal, s->loc)) return false;
    record_directive(name, s->loc);
  }
  return true;
}

bool SymtableBuilder::visit_ann_assign(ast::AnnAssign* s) {
  if (s->target->tag == ast::ExprKind::Name) {
    ast::Ident id = as<ast::Name>(s->target)->id;
    uint16_t cur = lookup_flags(m_cur, mangle(m_private, id, m_t.m_names));
    if ((cur & (kDefGlobal | kDefNonlocal)) && m_cur != m_t.m_top && s->simple) {
      return error("annotated name '" + std::string(id) + "' can't be " +
                       ((cur & kDefGlobal) ? "global" : "nonlocal"),
                   s->loc);
    }
    if (s->simple) {
      if (!add_def(id, kDefAnnot | kDefLocal, s->target->loc)) return false;
    } else if (s->value && !add_def(id, kDefLocal, s->target->loc)) {
      return false;
    }
  } else if (!visit_expr(s->target)) {
    return false;
  }
  if (!visit_annotation(s->annotation)) return false;
  return !s->value || visit_expr(s->value);
}

bool SymtableBuilder::visit_stmt_kind(ast::Stmt* s) {
  using K = ast::StmtKind;
  switch (s->tag) {
    case K::FunctionDef: {
      auto* f = as<ast::FunctionDef>(s);
      return visit_function(s, f->name, f->args, f->body, f->decorator_list, f->returns, false);
    }
    case K::AsyncFunctionDef: {
      auto* f = as<ast::AsyncFunctionDef>(s);
      return visit_function(s, f->name, f->args, f->body, f->decorator_list, f->returns, true);
    }
    case K::ClassDef: {
      auto* c = as<ast::ClassDef>(s);
      if (!add_def(c->name, kDefLocal, s->loc)) return false;
      if (!visit_exprs(c->bases)) return false;
      for (ast::Keyword* k : c->keywords)
        if (!visit_expr(k->value)) return false;
      if (!visit_exprs(c->decorator_list)) return false;
      Block* b = enter_block(c->name, BlockType::Class, s, s->loc);
      std::string_view saved = m_private;
      m_private = c->name;
      b->private_name = c->name;
      if (!visit_stmts(c->body)) return false;
      m_private = saved;
      exit_block();
      return true;
    }
    case K::Return: {
      auto* r = as<ast::Return>(s);
      if (r->value) {
        if (!visit_expr(r->value)) return false;
        m_cur->returns_value = true;
      }
      return true;
    }
    case K::Delete: return visit_exprs(as<ast::Delete>(s)->targets);
    case K::Assign: {
      auto* a = as<ast::Assign>(s);
      return visit_exprs(a->targets) && visit_expr(a->value);
    }
    case K::AugAssign: {
      auto* a = as<ast::AugAssign>(s);
      return visit_expr(a->target) && visit_expr(a->value);
    }
    case K::AnnAssign: return visit_ann_assign(as<ast::AnnAssign>(s));
    case K::For: {
      auto* f = as<ast::For>(s);
      return visit_expr(f->target) && visit_expr(f->iter) && visit_stmts(f->body) &&
             visit_stmts(f->orelse);
    }
    case K::AsyncFor: {
      auto* f = as<ast::AsyncFor>(s);
      return visit_expr(f->target) && visit_expr(f->iter) && visit_stmts(f->body) &&
             visit_stmts(f->orelse);
    }
    case K::While: {
      auto* w = as<ast::While>(s);
      return visit_expr(w->test) && visit_stmts(w->body) && visit_stmts(w->orelse);
    }
    case K::If: {
      auto* i = as<ast::If>(s);
      return visit_expr(i->test) && visit_stmts(i->body) && visit_stmts(i->orelse);
    }
    case K::With: {
      auto* w = as<ast::With>(s);
      return visit_withitems(w->items) && visit_stmts(w->body);
    }
    case K::AsyncWith: {
      auto* w = as<ast::AsyncWith>(s);
      return visit_withitems(w->items) && visit_stmts(w->body);
    }
    case K::Match: {
      auto* m = as<ast::Match>(s);
      if (!visit_expr(m->subject)) return false;
      for (ast::MatchCase* c : m->cases) {
        if (!visit_pattern(c->pattern)) return false;
        if (c->guard && !visit_expr(c->guard)) return false;
        if (!visit_stmts(c->body)) return false;
      }
      return true;
    }
    case K::Raise: {
      auto* r = as<ast::Raise>(s);
      if (!r->exc) return true;
      return visit_expr(r->exc) && (!r->cause || visit_expr(r->cause));
    }
    case K::Try: {
      auto* t = as<ast::Try>(s);
      return visit_try(t->body, t->handlers, t->orelse, t->finalbody);
    }
    case K::TryStar: {
      auto* t = as<ast::TryStar>(s);
      return visit_try(t->body, t->handlers, t->orelse, t->finalbody);
    }
    case K::Assert: {
      auto* a = as<ast::Assert>(s);
      return visit_expr(a->test) && (!a->msg || visit_expr(a->msg));
    }
    case K::Import: return visit_aliases(as<ast::Import>(s)->names);
    case K::ImportFrom: return visit_aliases(as<ast::ImportFrom>(s)->names);
    case K::Global: return visit_global_or_nonlocal(s, as<ast::Global>(s)->names, true);
    case K::Nonlocal: return visit_global_or_nonlocal(s, as<ast::Nonlocal>(s)->names, false);
    case K::ExprStmt: return visit_expr(as<ast::ExprStmt>(s)->value);
    case K::Pass:
    case K::Break:
    case K::Continue: return true;
  }
  return true;
}

bool SymtableBuilder::visit_try(const ast::Seq<ast::Stmt*>& body,
                                const ast::Seq<ast::ExceptHandler*>& handlers,
                                const ast::Seq<ast::Stmt*>& orelse,
                                const ast::Seq<ast::Stmt*>& finalbody) {
  if (!visit_stmts(body) || !visit_stmts(orelse)) return false;
  for (ast::ExceptHandler* h : handlers) {
    if (h->type && !visit_expr(h->type)) return false;
    if (h->name.data() && !add_def(h->name, kDefLocal, h->loc)) return false;
    if (!visit_stmts(h->body)) return false;
  }
  return visit_stmts(finalbody);
}

bool SymtableBuilder::visit_withitems(const ast::Seq<ast::WithItem*>& items) {
  for (ast::WithItem* w : items) {
    if (!visit_expr(w->context_expr)) return false;
    if (w->optional_vars && !visit_expr(w->optional_vars)) return false;
  }
  return true;
}

bool SymtableBuilder::visit_aliases(const ast::Seq<ast::Alias*>& names) {
  for (ast::Alias* a : names) {
    // The name an import binds: `import a.b.c` binds `a`.
    std::string_view name = a->asname.data() ? a->asname : a->name;
    if (name == "*") {
      if (m_cur->type != BlockType::Module)
        return error("import * only allowed at module level", a->loc);
      continue;
    }
    size_t dot = name.find('.');
    if (dot != std::string_view::npos) name = name.substr(0, dot);
    if (!add_def(name, kDefImport, a->loc)) return false;
  }
  return true;
}

// -- Annotations and parameters ------------------------------------------------------------------

bool SymtableBuilder::visit_annotation(ast::Expr* annotation) {
  bool future = m_t.m_future.annotations;
  if (future) enter_block("_annotation", BlockType::Annotation, annotation, annotation->loc);
  if (!visit_expr(annotation)) return false;
  if (future) exit_block();
  return true;
}

bool SymtableBuilder::visit_arg_annotations(const ast::Seq<ast::Arg*>& args) {
  for (ast::Arg* a : args)
    if (a->annotation && !visit_expr(a->annotation)) return false;
  return true;
}

bool SymtableBuilder::visit_annotations(ast::Stmt* s, ast::Arguments* a, ast::Expr* returns) {
  bool future = m_t.m_future.annotations;
  if (future) enter_block("_annotation", BlockType::Annotation, s, s->loc);
  if (!visit_arg_annotations(a->posonlyargs) || !visit_arg_annotations(a->args)) return false;
  if (a->vararg && a->vararg->annotation && !visit_expr(a->vararg->annotation)) return false;
  if (a->kwarg && a->kwarg->annotation && !visit_expr(a->kwarg->annotation)) return false;
  if (!visit_arg_annotations(a->kwonlyargs)) return false;
  if (future) exit_block();
  return !returns || visit_annotation(returns);
}

bool SymtableBuilder::visit_params(const ast::Seq<ast::Arg*>& args) {
  for (ast::Arg* a : args)
    if (!add_def(a->arg, kDefParam, a->loc)) return false;
  return true;
}

bool SymtableBuilder::visit_arguments(ast::Arguments* a) {
  if (!visit_params(a->posonlyargs) || !visit_params(a->args) || !visit_params(a->kwonlyargs))
    return false;
  if (a->vararg) {
    if (!add_def(a->vararg->arg, kDefParam, a->vararg->loc)) return false;
    m_cur->varargs = true;
  }
  if (a->kwarg) {
    if (!add_def(a->kwarg->arg, kDefParam, a->kwarg->loc)) return false;
    m_cur->varkeywords = true;
  }
  return true;
}

// -- Expressions ---------------------------------------------------------------------------------

bool SymtableBuilder::visit_expr(ast::Expr* e) {
  if (++m_depth > m_limit) return recursion_error();
  bool ok = visit_expr_kind(e);
  m_depth--;
  return ok;
}

bool SymtableBuilder::raise_if_annotation_block(const char* what, ast::Expr* e) {
  if (m_cur->type != BlockType::Annotation) return true;
  return error(std::string("'") + what + "' can not be used within an annotation", e->loc);
}

bool SymtableBuilder::raise_if_comprehension(ast::Expr* e) {
  const char* msg = "'yield' inside generator expression";
  switch (m_cur->comprehension) {
    case ComprehensionKind::List: msg = "'yield' inside list comprehension"; break;
    case ComprehensionKind::Set: msg = "'yield' inside set comprehension"; break;
    case ComprehensionKind::Dict: msg = "'yield' inside dict comprehension"; break;
    default: break;
  }
  return error(msg, e->loc);
}

bool SymtableBuilder::visit_expr_kind(ast::Expr* e) {
  using K = ast::ExprKind;
  switch (e->tag) {
    case K::NamedExpr:
      return raise_if_annotation_block("named expression", e) &&
             visit_named_expr(as<ast::NamedExpr>(e));
    case K::BoolOp: return visit_exprs(as<ast::BoolOp>(e)->values);
    case K::BinOp: {
      auto* b = as<ast::BinOp>(e);
      return visit_expr(b->left) && visit_expr(b->right);
    }
    case K::UnaryOp: return visit_expr(as<ast::UnaryOp>(e)->operand);
    case K::Lambda: {
      auto* l = as<ast::Lambda>(e);
      if (!visit_exprs(l->args->defaults) || !visit_exprs(l->args->kw_defaults)) return false;
      enter_block("lambda", BlockType::Function, e, e->loc);
      if (!visit_arguments(l->args) || !visit_expr(l->body)) return false;
      exit_block();
      return true;
    }
    case K::IfExp: {
      auto* i = as<ast::IfExp>(e);
      return visit_expr(i->test) && visit_expr(i->body) && visit_expr(i->orelse);
    }
    case K::Dict: {
      auto* d = as<ast::Dict>(e);
      return visit_exprs(d->keys) && visit_exprs(d->values);
    }
    case K::Set: return visit_exprs(as<ast::Set>(e)->elts);
    case K::GeneratorExp: {
      auto* g = as<ast::GeneratorExp>(e);
      return visit_comprehension(e, "genexpr", ComprehensionKind::Generator, g->generators,
                                 g->elt, nullptr);
    }
    case K::ListComp: {
      auto* c = as<ast::ListComp>(e);
      return visit_comprehension(e, "listcomp", ComprehensionKind::List, c->generators, c->elt,
                                 nullptr);
    }
    case K::SetComp: {
      auto* c = as<ast::SetComp>(e);
      return visit_comprehension(e, "setcomp", ComprehensionKind::Set, c->generators, c->elt,
                                 nullptr);
    }
    case K::DictComp: {
      auto* c = as<ast::DictComp>(e);
      return visit_comprehension(e, "dictcomp", ComprehensionKind::Dict, c->generators, c->key,
                                 c->value);
    }
    case K::Yield: {
      auto* y = as<ast::Yield>(e);
      if (!raise_if_annotation_block("yield expression", e)) return false;
      if (y->value && !visit_expr(y->value)) return false;
      m_cur->generator = true;
      return m_cur->comprehension == ComprehensionKind::None || raise_if_comprehension(e);
    }
    case K::YieldFrom: {
      if (!raise_if_annotation_block("yield expression", e)) return false;
      if (!visit_expr(as<ast::YieldFrom>(e)->value)) return false;
      m_cur->generator = true;
      return m_cur->comprehension == ComprehensionKind::None || raise_if_comprehension(e);
    }
    case K::Await: {
      if (!raise_if_annotation_block("await expression", e)) return false;
      if (!visit_expr(as<ast::Await>(e)->value)) return false;
      m_cur->coroutine = true;
      return true;
    }
    case K::Compare: {
      auto* c = as<ast::Compare>(e);
      return visit_expr(c->left) && visit_exprs(c->comparators);
    }
    case K::Call: {
      auto* c = as<ast::Call>(e);
      if (!visit_expr(c->func) || !visit_exprs(c->args)) return false;
      for (ast::Keyword* k : c->keywords)
        if (!visit_expr(k->value)) return false;
      return true;
    }
    case K::FormattedValue: {
      auto* f = as<ast::FormattedValue>(e);
      return visit_expr(f->value) && (!f->format_spec || visit_expr(f->format_spec));
    }
    case K::JoinedStr: return visit_exprs(as<ast::JoinedStr>(e)->values);
    case K::Constant: return true;
    case K::Attribute: return visit_expr(as<ast::Attribute>(e)->value);
    case K::Subscript: {
      auto* s = as<ast::Subscript>(e);
      return visit_expr(s->value) && visit_expr(s->slice);
    }
    case K::Starred: return visit_expr(as<ast::Starred>(e)->value);
    case K::Slice: {
      auto* s = as<ast::Slice>(e);
      return (!s->lower || visit_expr(s->lower)) && (!s->upper || visit_expr(s->upper)) &&
             (!s->step || visit_expr(s->step));
    }
    case K::Name: {
      auto* n = as<ast::Name>(e);
      bool load = n->ctx == ast::ExprContext::Load;
      if (!add_def(n->id, load ? kUse : kDefLocal, e->loc)) return false;
      // Zero-argument super() needs the __class__ cell, so a load of `super` in a function
      // counts as a use of __class__.
      if (load && m_cur->type == BlockType::Function && n->id == "super")
        return add_def(kClassCell, kUse, e->loc);
      return true;
    }
    case K::List: return visit_exprs(as<ast::List>(e)->elts);
    case K::Tuple: return visit_exprs(as<ast::Tuple>(e)->elts);
  }
  return true;
}

// -- Comprehensions and assignment expressions --------------------------------------------------

bool SymtableBuilder::visit_comprehension(ast::Expr* e, std::string_view scope_name,
                                          ComprehensionKind kind,
                                          const ast::Seq<ast::Comprehension*>& generators,
                                          ast::Expr* elt, ast::Expr* value) {
  bool is_generator = kind == ComprehensionKind::Generator;
  ast::Comprehension* outermost = generators[0];
  // The outermost iterable is evaluated in the enclosing block and passed in as ".0".
  m_cur->m_comp_iter_expr++;
  if (!visit_expr(outermost->iter)) return false;
  m_cur->m_comp_iter_expr--;
  Block* b = enter_block(scope_name, BlockType::Function, e, e->loc);
  b->comprehension = kind;
  if (outermost->is_async) b->coroutine = true;
  if (!add_def(".0", kDefParam, b->loc)) return false;
  b->m_comp_iter_target = true;
  if (!visit_expr(outermost->target)) return false;
  b->m_comp_iter_target = false;
  if (!visit_exprs(outermost->ifs)) return false;
  for (uint32_t i = 1; i < generators.size(); i++) {
    ast::Comprehension* c = generators[i];
    b->m_comp_iter_target = true;
    if (!visit_expr(c->target)) return false;
    b->m_comp_iter_target = false;
    b->m_comp_iter_expr++;
    if (!visit_expr(c->iter)) return false;
    b->m_comp_iter_expr--;
    if (!visit_exprs(c->ifs)) return false;
    if (c->is_async) b->coroutine = true;
  }
  if (value && !visit_expr(value)) return false;
  if (!visit_expr(elt)) return false;
  b->generator = is_generator;
  // 3.11: an asynchronous list/set/dict comprehension makes its enclosing block asynchronous
  // too (allowed inside another comprehension of an async function).
  bool is_async = b->coroutine && !is_generator;
  exit_block();
  if (is_async) m_cur->coroutine = true;
  return true;
}

bool SymtableBuilder::visit_named_expr(ast::NamedExpr* e) {
  if (m_cur->m_comp_iter_expr > 0) {
    return error("assignment expression cannot be used in a comprehension iterable expression",
                 e->loc);
  }
  if (m_cur->comprehension != ComprehensionKind::None &&
      !extend_named_expr_scope(as<ast::Name>(e->target)))
    return false;
  return visit_expr(e->value) && visit_expr(e->target);
}

// A walrus in a comprehension binds in the nearest enclosing function or module (PEP 572):
// there the name is local (or global), and every comprehension on the way sees it as
// nonlocal (or global).
bool SymtableBuilder::extend_named_expr_scope(ast::Name* target) {
  std::string_view name = target->id;
  const ast::Loc& loc = target->loc;
  for (size_t i = m_stack.size(); i-- > 0;) {
    Block* b = m_stack[i];
    if (b->comprehension != ComprehensionKind::None) {
      if (lookup_flags(b, name) & kDefCompIter) {
        return error("assignment expression cannot rebind comprehension iteration variable '" +
                         std::string(name) + "'",
                     loc);
      }
      continue;
    }
    if (b->type == BlockType::Function) {
      uint16_t decl = (lookup_flags(b, name) & kDefGlobal) ? kDefGlobal : kDefNonlocal;
      if (!add_def(name, decl, loc)) return false;
      record_directive(name, loc);
      return add_def_in(b, name, kDefLocal, loc);
    }
    if (b->type == BlockType::Module) {
      if (!add_def(name, kDefGlobal, loc)) return false;
      record_directive(name, loc);
      return add_def_in(b, name, kDefGlobal, loc);
    }
    if (b->type == BlockType::Class) {
      return error("assignment expression within a comprehension cannot be used in a class body",
                   loc);
    }
  }
  TPY_UNREACHABLE();
}

// -- Patterns --------------------------------------------------------------------------------------

bool SymtableBuilder::visit_patterns(const ast::Seq<ast::Pattern*>& patterns) {
  for (ast::Pattern* p : patterns)
    if (!visit_pattern(p)) return false;
  return true;
}

bool SymtableBuilder::visit_pattern(ast::Pattern* p) {
  if (++m_depth > m_limit) return recursion_error();
  bool ok = visit_pattern_kind(p);
  m_depth--;
  return ok;
}

bool SymtableBuilder::visit_pattern_kind(ast::Pattern* p) {
  using K = ast::PatternKind;
  switch (p->tag) {
    case K::MatchValue: return visit_expr(as<ast::MatchValue>(p)->value);
    case K::MatchSingleton: return true;
    case K::MatchSequence: return visit_patterns(as<ast::MatchSequence>(p)->patterns);
    case K::MatchStar: {
      ast::Ident name = as<ast::MatchStar>(p)->name;
      return !name.data() || add_def(name, kDefLocal, p->loc);
    }
    case K::MatchMapping: {
      auto* m = as<ast::MatchMapping>(p);
      if (!visit_exprs(m->keys) || !visit_patterns(m->patterns)) return false;
      return !m->rest.data() || add_def(m->rest, kDefLocal, p->loc);
    }
    case K::MatchClass: {
      auto* m = as<ast::MatchClass>(p);
      return visit_expr(m->cls) && visit_patterns(m->patterns) &&
             visit_patterns(m->kwd_patterns);
    }
    case K::MatchAs: {
      auto* m = as<ast::MatchAs>(p);
      if (m->pattern && !visit_pattern(m->pattern)) return false;
      return !m->name.data() || add_def(m->name, kDefLocal, p->loc);
    }
    case K::MatchOr: return visit_patterns(as<ast::MatchOr>(p)->patterns);
  }
  return true;
}

// -- Entry point -----------------------------------------------------------------------------------

std::unique_ptr<SymbolTable> build_symtable(ast::Mod* mod, std::string_view filename,
                                            SyntaxErrorInfo* err,
                                            const SymtableOptions& options) {
  auto table = std::make_unique<SymbolTable>();
  SymtableBuilder builder(*table, err, options);
  if (!builder.run(mod, filename)) return nullptr;
  return table;
}

}  // namespace tpy::compile
