// tests/unit/symtable_test.cpp -- The symbol table API the code generator uses.
//
// Expected scopes, flags and errors are python3.11's (its `symtable` module, the co_flags and
// co_cellvars of what compile() makes, and the SyntaxError attributes); the stdlib-wide and
// random-program comparisons are the symtable_* ctests. These cases pin the C++ interface:
// block lookup by node, the per-block facts the code generator reads, mangling, future imports,
// error fields and the source text of errors.
#include "interp/compile/symtable.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "interp/compile/symtable_dump.h"
#include "interp/parse/parser.h"

namespace tpy::compile {
namespace {

using ast::as;

struct Built {
  parse::Arena arena;
  ast::Mod* mod = nullptr;
  std::unique_ptr<SymbolTable> table;
  SyntaxErrorInfo err;
};

std::unique_ptr<Built> build(std::string_view src, parse::ParseMode mode = parse::ParseMode::Exec,
                             const SymtableOptions& options = {}) {
  auto b = std::make_unique<Built>();
  parse::ParseResult r = parse::parse(src, "x.py", mode, b->arena, parse::SourceOrigin::String);
  EXPECT_NE(r.mod, nullptr) << r.error.msg;
  if (!r.mod) return b;
  b->mod = r.mod;
  b->table = build_symtable(r.mod, "x.py", &b->err, options);
  return b;
}

ast::Stmt* stmt(const Built& b, uint32_t i) { return as<ast::Module>(b.mod)->body[i]; }
ast::Expr* expr_of(ast::Stmt* s) {
  if (s->tag == ast::StmtKind::Assign) return as<ast::Assign>(s)->value;
  return as<ast::ExprStmt>(s)->value;
}

std::string error_of(std::string_view src) {
  auto b = build(src);
  if (b->table) return "no error";
  return std::string(parse::type_name(b->err.type)) + ": " + b->err.msg + " @" +
         std::to_string(b->err.lineno) + ":" + std::to_string(b->err.offset) + "-" +
         std::to_string(b->err.end_lineno) + ":" + std::to_string(b->err.end_offset);
}

TEST(Symtable, BlocksAreFoundByTheirNodes) {
  auto b = build(
      "def f(a):\n"
      "    return a\n"
      "async def g(): pass\n"
      "class C: pass\n"
      "h = lambda: 0\n"
      "l = [x for x in y]\n"
      "s = {x for x in y}\n"
      "d = {x: 1 for x in y}\n"
      "e = (x for x in y)\n");
  ASSERT_TRUE(b->table);
  const SymbolTable& t = *b->table;
  const Block* top = t.top();
  EXPECT_EQ(t.block_for(b->mod), top);
  EXPECT_EQ(top->type, BlockType::Module);
  EXPECT_EQ(top->name, "top");
  EXPECT_EQ(top->parent, nullptr);
  ASSERT_EQ(top->children.size(), 8u);

  struct Want {
    const void* node;
    BlockType type;
    ComprehensionKind comp;
    const char* name;
    int line;
  } wants[] = {
      {stmt(*b, 0), BlockType::Function, ComprehensionKind::None, "f", 1},
      {stmt(*b, 1), BlockType::Function, ComprehensionKind::None, "g", 3},
      {stmt(*b, 2), BlockType::Class, ComprehensionKind::None, "C", 4},
      {expr_of(stmt(*b, 3)), BlockType::Function, ComprehensionKind::None, "lambda", 5},
      {expr_of(stmt(*b, 4)), BlockType::Function, ComprehensionKind::List, "listcomp", 6},
      {expr_of(stmt(*b, 5)), BlockType::Function, ComprehensionKind::Set, "setcomp", 7},
      {expr_of(stmt(*b, 6)), BlockType::Function, ComprehensionKind::Dict, "dictcomp", 8},
      {expr_of(stmt(*b, 7)), BlockType::Function, ComprehensionKind::Generator, "genexpr", 9},
  };
  for (size_t i = 0; i < std::size(wants); i++) {
    const Block* blk = t.block_for(wants[i].node);
    ASSERT_NE(blk, nullptr) << i;
    EXPECT_EQ(blk, top->children[i]) << i;
    EXPECT_EQ(blk->node, wants[i].node);
    EXPECT_EQ(blk->type, wants[i].type) << i;
    EXPECT_EQ(blk->comprehension, wants[i].comp) << i;
    EXPECT_EQ(blk->name, wants[i].name) << i;
    EXPECT_EQ(blk->loc.lineno, wants[i].line) << i;
    EXPECT_EQ(blk->parent, top);
  }
  // Nodes that open no block.
  EXPECT_EQ(t.block_for(as<ast::FunctionDef>(stmt(*b, 0))->body[0]), nullptr);
  EXPECT_EQ(t.block_for(expr_of(stmt(*b, 3))->tag == ast::ExprKind::Lambda
                            ? as<ast::Lambda>(expr_of(stmt(*b, 3)))->body
                            : nullptr),
            nullptr);
  // The comprehension's location is the expression's.
  EXPECT_EQ(top->children[4]->loc.col_offset, 4);
  EXPECT_EQ(top->children[4]->loc.end_col_offset, 18);
}

TEST(Symtable, ScopesOfNames) {
  auto b = build(
      "import os.path\n"
      "g = 1\n"
      "def f(p):\n"
      "    global g2\n"
      "    cell = 1\n"
      "    loc = p\n"
      "    def inner():\n"
      "        nonlocal cell\n"
      "        return cell, g, g2, os, undefined\n"
      "    return inner\n");
  ASSERT_TRUE(b->table);
  const Block* top = b->table->top();
  EXPECT_EQ(top->scope_of("os"), Scope::Local);
  EXPECT_TRUE(top->lookup("os")->has(sym::kDefImport));
  EXPECT_EQ(top->scope_of("g"), Scope::Local);
  EXPECT_EQ(top->scope_of("g2"), Scope::GlobalExplicit);  // marked by f's global statement
  EXPECT_EQ(top->scope_of("nothing"), Scope::None);
  EXPECT_EQ(top->lookup("nothing"), nullptr);
  const Block* f = top->children[0];
  EXPECT_EQ(f->scope_of("p"), Scope::Local);
  EXPECT_EQ(f->scope_of("g2"), Scope::GlobalExplicit);
  EXPECT_EQ(f->scope_of("cell"), Scope::Cell);
  EXPECT_EQ(f->scope_of("loc"), Scope::Local);
  EXPECT_EQ(f->scope_of("inner"), Scope::Local);
  const Block* inner = f->children[0];
  EXPECT_EQ(inner->scope_of("cell"), Scope::Free);
  EXPECT_TRUE(inner->lookup("cell")->has(sym::kDefNonlocal));
  EXPECT_EQ(inner->scope_of("g"), Scope::GlobalImplicit);
  EXPECT_EQ(inner->scope_of("g2"), Scope::GlobalImplicit);
  EXPECT_EQ(inner->scope_of("os"), Scope::GlobalImplicit);
  EXPECT_EQ(inner->scope_of("undefined"), Scope::GlobalImplicit);
  EXPECT_TRUE(inner->nested);
  EXPECT_FALSE(f->nested);
}

TEST(Symtable, FreeVariablesPassThroughBlocks) {
  // x is a cell of f, passed through g (which does not use it) to h; classes pass free
  // variables too and flag the ones they also bind.
  auto b = build(
      "def f():\n"
      "    x = y = 1\n"
      "    def g():\n"
      "        def h():\n"
      "            return x, y\n"
      "    class C:\n"
      "        x = 2\n"
      "        def m(self):\n"
      "            return x\n");
  ASSERT_TRUE(b->table);
  const Block* f = b->table->top()->children[0];
  const Block* g = f->children[0];
  const Block* c = f->children[1];
  ASSERT_EQ(g->symbols.size(), 3u);
  EXPECT_EQ(g->symbols[0].name, "h");
  // Passed-through names come last, by name, with no flags of their own.
  EXPECT_EQ(g->symbols[1].name, "x");
  EXPECT_EQ(g->symbols[1].flags, 0);
  EXPECT_EQ(g->symbols[1].scope, Scope::Free);
  EXPECT_EQ(g->symbols[2].name, "y");
  EXPECT_EQ(c->scope_of("x"), Scope::Local);
  EXPECT_TRUE(c->lookup("x")->has(sym::kDefFreeClass));
  EXPECT_EQ(c->children[0]->scope_of("x"), Scope::Free);
  EXPECT_EQ(f->scope_of("x"), Scope::Cell);
  EXPECT_EQ(f->scope_of("y"), Scope::Cell);
}

TEST(Symtable, ParametersInCPythonOrder) {
  auto b = build("def f(a, /, b, *args, c, d=1, **kw): pass\n"
                 "lambda *, k: 0\n");
  ASSERT_TRUE(b->table);
  const Block* f = b->table->top()->children[0];
  std::vector<std::string_view> want = {"a", "b", "c", "d", "args", "kw"};
  EXPECT_EQ(f->varnames, want);
  EXPECT_TRUE(f->varargs);
  EXPECT_TRUE(f->varkeywords);
  const Block* lam = b->table->top()->children[1];
  EXPECT_EQ(lam->varnames, std::vector<std::string_view>{"k"});
  EXPECT_FALSE(lam->varargs);
  EXPECT_FALSE(lam->varkeywords);
  auto c = build("[x for x in y]\n");
  const Block* comp = c->table->top()->children[0];
  EXPECT_EQ(comp->varnames, std::vector<std::string_view>{".0"});
}

TEST(Symtable, GeneratorAndCoroutineFlags) {
  // As co_flags of python3.11's code objects: CO_GENERATOR / CO_COROUTINE / both
  // (CO_ASYNC_GENERATOR).
  auto b = build(
      "def gen(): yield\n"
      "def gen2(): return (yield from x)\n"
      "async def coro(): return 1\n"
      "async def agen(): yield\n"
      "async def outer():\n"
      "    return [[y async for y in x] for x in z]\n"
      "async def awaiting():\n"
      "    return [await x for x in z], (await x for x in z)\n"
      "def plain(): return (x for x in y)\n");
  ASSERT_TRUE(b->table);
  const auto& ch = b->table->top()->children;
  auto flags = [](const Block* blk) {
    return std::string(blk->generator ? "G" : "-") + (blk->coroutine ? "C" : "-");
  };
  EXPECT_EQ(flags(ch[0]), "G-");
  EXPECT_EQ(flags(ch[1]), "G-");
  EXPECT_TRUE(ch[1]->returns_value);
  EXPECT_FALSE(ch[0]->returns_value);
  EXPECT_EQ(flags(ch[2]), "-C");
  EXPECT_EQ(flags(ch[3]), "GC");
  // 3.11: the async inner list comprehension makes the outer one a coroutine too.
  const Block* outer_comp = ch[4]->children[0];
  EXPECT_EQ(flags(outer_comp), "-C");
  EXPECT_EQ(flags(outer_comp->children[0]), "-C");
  EXPECT_EQ(flags(ch[5]->children[0]), "-C");  // [await x ...]
  EXPECT_EQ(flags(ch[5]->children[1]), "GC");  // (await x ...): an async generator
  EXPECT_EQ(flags(ch[6]), "--");
  EXPECT_EQ(flags(ch[6]->children[0]), "G-");
}

TEST(Symtable, ClassCellAndPrivateNames) {
  auto b = build(
      "class C:\n"
      "    __a = 1\n"
      "    def m(self, __p):\n"
      "        return super().m(), __p, self.__b\n"
      "    class __D:\n"
      "        def n(self): return __class__, __q\n"
      "    def plain(self): return 1\n"
      "class _:\n"
      "    __x = 1\n");
  ASSERT_TRUE(b->table);
  const Block* c = b->table->top()->children[0];
  EXPECT_TRUE(c->needs_class_closure);
  EXPECT_EQ(c->private_name, "C");
  EXPECT_EQ(c->scope_of("_C__a"), Scope::Local);
  EXPECT_EQ(c->lookup("__a"), nullptr);
  EXPECT_EQ(c->lookup("__class__"), nullptr);  // the class provides the cell, not a symbol
  const Block* m = c->children[0];
  EXPECT_EQ(m->private_name, "C");
  EXPECT_EQ(m->varnames, (std::vector<std::string_view>{"self", "_C__p"}));
  EXPECT_EQ(m->scope_of("__class__"), Scope::Free);  // super() uses __class__
  EXPECT_EQ(c->scope_of("_C__D"), Scope::Local);
  const Block* d = c->children[1];
  EXPECT_EQ(d->private_name, "__D");
  EXPECT_TRUE(d->needs_class_closure);
  EXPECT_EQ(d->children[0]->scope_of("_D__q"), Scope::GlobalImplicit);
  EXPECT_FALSE(b->table->top()->children[1]->needs_class_closure);
  // A class named only with underscores mangles nothing.
  EXPECT_EQ(b->table->top()->children[1]->scope_of("__x"), Scope::Local);
  EXPECT_EQ(b->table->top()->private_name, "");
}

TEST(Symtable, Mangle) {
  EXPECT_EQ(mangle("C", "__x"), "_C__x");
  EXPECT_EQ(mangle("__C", "__x"), "_C__x");
  EXPECT_EQ(mangle("_C_", "__x_"), "_C___x_");
  EXPECT_EQ(mangle("C", "__x__"), "__x__");
  EXPECT_EQ(mangle("C", "__"), "__");
  EXPECT_EQ(mangle("C", "___"), "___");
  EXPECT_EQ(mangle("C", "_x"), "_x");
  EXPECT_EQ(mangle("C", "x__"), "x__");
  EXPECT_EQ(mangle("C", "__a.b"), "__a.b");
  EXPECT_EQ(mangle("___", "__x"), "__x");
  EXPECT_EQ(mangle("", "__x"), "__x");
  EXPECT_EQ(mangle("Cé", "__é"), "_Cé__é");
  EXPECT_TRUE(mangling_applies("C", "__x"));
  EXPECT_FALSE(mangling_applies("C", "__x__"));
  parse::Arena arena;
  std::string_view same = "__x__";
  EXPECT_EQ(mangle("C", same, arena).data(), same.data());  // unchanged names are not copied
  EXPECT_EQ(mangle("K", "__y", arena), "_K__y");
}

TEST(Symtable, WalrusBindsOutsideComprehensions) {
  auto b = build(
      "def f():\n"
      "    [y := x for x in z]\n"
      "[w := x for x in z]\n");
  ASSERT_TRUE(b->table);
  const Block* f = b->table->top()->children[0];
  EXPECT_EQ(f->scope_of("y"), Scope::Cell);  // the comprehension's free variable
  const Block* comp = f->children[0];
  EXPECT_EQ(comp->scope_of("y"), Scope::Free);
  EXPECT_TRUE(comp->lookup("y")->has(sym::kDefNonlocal));
  EXPECT_TRUE(comp->lookup("x")->has(sym::kDefCompIter));
  const Block* top = b->table->top();
  EXPECT_EQ(top->scope_of("w"), Scope::GlobalExplicit);
  EXPECT_EQ(top->children[1]->scope_of("w"), Scope::GlobalExplicit);
}

TEST(Symtable, FutureAnnotations) {
  auto b = build(
      "'''doc'''\n"
      "from __future__ import annotations\n"
      "x: Foo = 1\n"
      "def f(a: Bar) -> (lambda: Baz): pass\n");
  ASSERT_TRUE(b->table);
  EXPECT_TRUE(b->table->future().annotations);
  EXPECT_FALSE(b->table->future().barry_as_FLUFL);
  EXPECT_EQ(b->table->future().lineno, 2);
  const Block* top = b->table->top();
  EXPECT_EQ(top->lookup("Foo"), nullptr);
  EXPECT_EQ(top->lookup("Bar"), nullptr);
  EXPECT_TRUE(top->lookup("x")->has(sym::kDefAnnot));
  ASSERT_EQ(top->children.size(), 1u);  // the lambda in the annotation is nobody's child
  EXPECT_EQ(top->children[0]->name, "f");

  auto plain = build("x: Foo = 1\n");
  EXPECT_FALSE(plain->table->future().annotations);
  EXPECT_EQ(plain->table->top()->scope_of("Foo"), Scope::GlobalImplicit);
}

TEST(Symtable, FutureImports) {
  FutureFeatures f;
  SyntaxErrorInfo err;
  parse::Arena arena;
  auto parsed = parse::parse("from __future__ import barry_as_FLUFL, division\n"
                             "from __future__ import annotations\n"
                             "import os\n"
                             "from __future__ import nothing_checked_here\n",
                             "x.py", parse::ParseMode::Exec, arena);
  ASSERT_TRUE(parsed.mod);
  ASSERT_TRUE(parse_future(parsed.mod, "x.py", &f, &err));
  EXPECT_TRUE(f.barry_as_FLUFL);
  EXPECT_TRUE(f.annotations);
  EXPECT_EQ(f.lineno, 2);
  // future.c's own errors: offset col+1 (col for the late import), end line = line, no end.
  EXPECT_EQ(error_of("from __future__ import braces\n"), "SyntaxError: not a chance @1:1-1:0");
  EXPECT_EQ(error_of("if 1: pass\nfrom __future__ import spam\n"), "no error");
  EXPECT_EQ(error_of("from __future__ import spam\n"),
            "SyntaxError: future feature spam is not defined @1:1-1:0");
  EXPECT_EQ(error_of("import os; from __future__ import annotations\n"),
            "SyntaxError: from __future__ imports must occur at the beginning of the file "
            "@1:11-1:0");
  // Future errors come before the symbol table's.
  EXPECT_EQ(error_of("from __future__ import braces\ndef f(a, a): pass\n"),
            "SyntaxError: not a chance @1:1-1:0");
}

TEST(Symtable, Errors) {
  EXPECT_EQ(error_of("def f(a, b, a): pass\n"),
            "SyntaxError: duplicate argument 'a' in function definition @1:13-1:14");
  EXPECT_EQ(error_of("def f():\n    x = 1\n    global x\n"),
            "SyntaxError: name 'x' is assigned to before global declaration @3:5-3:13");
  EXPECT_EQ(error_of("def f():\n    nonlocal x\n"),
            "SyntaxError: no binding for nonlocal 'x' found @2:5-2:15");
  EXPECT_EQ(error_of("nonlocal x\n"),
            "SyntaxError: nonlocal declaration not allowed at module level @1:1-1:11");
  EXPECT_EQ(error_of("class A:\n  def f(self):\n    nonlocal __x\n"),
            "SyntaxError: no binding for nonlocal '_A__x' found @3:5-3:17");
  EXPECT_EQ(error_of("def f():\n  from os import *\n"),
            "SyntaxError: import * only allowed at module level @2:18-2:19");
  EXPECT_EQ(error_of("def f(): return [(yield) for x in y]\n"),
            "SyntaxError: 'yield' inside list comprehension @1:19-1:24");
  EXPECT_EQ(error_of("[i for i in (j := z)]\n"),
            "SyntaxError: assignment expression cannot be used in a comprehension iterable "
            "expression @1:14-1:20");
  EXPECT_EQ(error_of("class C:\n  [(j := i) for i in z]\n"),
            "SyntaxError: assignment expression within a comprehension cannot be used in a "
            "class body @2:5-2:6");
  // Byte columns, as CPython's symtable reports them.
  EXPECT_EQ(error_of("def f(\xc3\xa9, \xc3\xa9): pass\n"),
            "SyntaxError: duplicate argument '\xc3\xa9' in function definition @1:11-1:13");
  // Errors found while visiting come before those of the scope resolution.
  EXPECT_EQ(error_of("nonlocal x\ndef f(a, a): pass\n"),
            "SyntaxError: duplicate argument 'a' in function definition @2:10-2:11");
  // Only valid programs are errors-free.
  EXPECT_EQ(error_of("def f():\n    global x\n    x = 1\n"), "no error");
}

TEST(Symtable, ErrorCarriesFilenameAndNoText) {
  auto b = build("def f(a, a): pass\n");
  ASSERT_FALSE(b->table);
  EXPECT_EQ(b->err.filename, "x.py");
  EXPECT_EQ(b->err.type, SyntaxErrorInfo::Type::SyntaxError);
  EXPECT_TRUE(b->err.text.empty());
}

TEST(Symtable, RecursionLimit) {
  std::string src = "x = " + std::string(10, '-') + "1\n";
  SymtableOptions tight;
  tight.recursion_limit = 12;  // Assign, Name, ten UnaryOps, Constant: 12 deep at most
  EXPECT_TRUE(build(src, parse::ParseMode::Exec, tight)->table);
  tight.recursion_depth = 1;  // already one level deep when compilation starts
  auto b = build(src, parse::ParseMode::Exec, tight);
  ASSERT_FALSE(b->table);
  EXPECT_EQ(b->err.type, SyntaxErrorInfo::Type::RecursionError);
  EXPECT_EQ(b->err.msg, "maximum recursion depth exceeded during compilation");
  EXPECT_EQ(b->err.lineno, 0);
  // The default is python3.11's for a script: 3 x 1000 levels.
  EXPECT_TRUE(build("x = " + std::string(2998, '-') + "1\n")->table);
  EXPECT_FALSE(build("x = " + std::string(2999, '-') + "1\n")->table);
}

TEST(Symtable, OtherModes) {
  auto e = build("[x for x in y] + (lambda: z)()", parse::ParseMode::Eval);
  ASSERT_TRUE(e->table);
  EXPECT_EQ(e->table->block_for(e->mod), e->table->top());
  EXPECT_EQ(e->table->top()->children.size(), 2u);
  EXPECT_EQ(e->table->top()->scope_of("y"), Scope::GlobalImplicit);
  auto i = build("def f(): return g\n", parse::ParseMode::Single);
  ASSERT_TRUE(i->table);
  EXPECT_EQ(i->table->top()->children[0]->scope_of("g"), Scope::GlobalImplicit);
}

TEST(Symtable, ProgramText) {
  std::string out;
  EXPECT_TRUE(program_text("a\nbb\ncc", 2, &out));
  EXPECT_EQ(out, "bb\n");
  EXPECT_TRUE(program_text("a\nbb\ncc", 3, &out));
  EXPECT_EQ(out, "cc");
  EXPECT_FALSE(program_text("a\nbb\ncc", 4, &out));
  EXPECT_FALSE(program_text("a\n", 0, &out));
  EXPECT_TRUE(program_text("a\r\nb\rc\n", 2, &out));  // universal newlines
  EXPECT_EQ(out, "b\n");
  EXPECT_TRUE(program_text("a\r\nb\rc\n", 3, &out));
  EXPECT_EQ(out, "c\n");
  EXPECT_FALSE(program_text("\xff\n", 1, &out));       // not UTF-8: no text
  EXPECT_TRUE(program_text(std::string_view("ab\0cd\n", 6), 1, &out));
  EXPECT_EQ(out, "ab");  // up to the first NUL
  // Lines longer than CPython's 1000-byte buffer: only the last 999-byte piece.
  std::string longline(2500, 'x');
  longline += "END\n";
  EXPECT_TRUE(program_text("first\n" + longline, 2, &out));
  EXPECT_EQ(out, std::string(2500 - 2 * 999, 'x') + "END\n");
  std::string exact(998, 'y');
  EXPECT_TRUE(program_text(exact + "\nnext\n", 2, &out));
  EXPECT_EQ(out, "next\n");
  EXPECT_TRUE(program_text(std::string(999, 'z') + "\n", 1, &out));
  EXPECT_EQ(out, "\n");
}

TEST(Symtable, LoadErrorTextReadsTheNamedFile) {
  char path[] = "/tmp/tpy_symtable_textXXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  const char src[] = "def f():\n    x = 1\n    global x\n";
  ASSERT_EQ(write(fd, src, sizeof src - 1), ssize_t(sizeof src - 1));
  close(fd);
  SyntaxErrorInfo err;
  err.filename = path;
  err.lineno = 3;
  load_error_text(err);
  EXPECT_EQ(err.text, "    global x\n");
  unlink(path);
  load_error_text(err);  // the file is gone: no text, as CPython
  EXPECT_EQ(err.text, "");
  err.filename = "<string>";
  load_error_text(err);
  EXPECT_EQ(err.text, "");
}

TEST(Symtable, Dump) {
  auto b = build("def f(a):\n    return lambda: a\n");
  ASSERT_TRUE(b->table);
  std::string out;
  dump_symtable(out, *b->table);
  EXPECT_EQ(out,
            "module top line=0 nested=0 varnames=[] code=\n"
            "  f flags=DEF_LOCAL scope=LOCAL global local assigned namespace\n"
            "  function f line=1 nested=0 varnames=[a] code=\n"
            "    a flags=DEF_PARAM scope=CELL parameter local\n"
            "    function lambda line=2 nested=1 varnames=[] code=\n"
            "      a flags=USE scope=FREE free referenced\n");
  SyntaxErrorInfo err;
  err.msg = "m";
  err.lineno = 1;
  err.offset = 2;
  err.end_lineno = 1;
  err.end_offset = 3;
  err.text = "x\n";
  out.clear();
  dump_symtable_error(out, err);
  EXPECT_EQ(out, "error: SyntaxError: m at 1:2-1:3 text='x\\n'\n");
}

}  // namespace
}  // namespace tpy::compile
