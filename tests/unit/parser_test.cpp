// tests/unit/parser_test.cpp -- The grammar: ASTs with locations, modes, syntax errors.
//
// Expected values were produced by /usr/bin/python3.11 (ast.dump(..., include_attributes=True)
// and compile() of the source's bytes, so error columns stay in bytes unless the source declares
// its encoding). The stdlib-wide comparison is the ast_dump_stdlib ctest; these cases pin the
// pieces the astdump runner does not check (error columns, modes, deep nesting).
#include "interp/parse/parser.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "interp/parse/ast_dump.h"

namespace tpy::parse {
namespace {

std::string dump_of(std::string_view src, ParseMode mode = ParseMode::Exec) {
  Arena arena;
  ParseResult r = parse(src, "x.py", mode, arena);
  if (!r.mod) return std::string("error: ") + type_name(r.error.type) + ": " + r.error.msg;
  std::string out;
  if (!dump_ast(out, r.mod, true)) return "error: RecursionError (dump)";
  return out;
}

struct AstCase {
  const char* source;
  const char* dump;
};

const AstCase kAstCases[] = {
    {"x = 1\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno"
       "=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end"
       "_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], type_ignores=[]"
       ")"},
    {"a, *b = c\n",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store(), lineno=1, col_offset=0"
       ", end_lineno=1, end_col_offset=1), Starred(value=Name(id='b', ctx=Store(), lineno=1, col_"
       "offset=4, end_lineno=1, end_col_offset=5), ctx=Store(), lineno=1, col_offset=3, end_linen"
       "o=1, end_col_offset=5)], ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offse"
       "t=5)], value=Name(id='c', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offse"
       "t=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], type_ignores=[])"},
    {"del a.b, (c, [d])\n",
     "Module(body=[Delete(targets=[Attribute(value=Name(id='a', ctx=Load(), lineno=1, col_offse"
       "t=4, end_lineno=1, end_col_offset=5), attr='b', ctx=Del(), lineno=1, col_offset=4, end_li"
       "neno=1, end_col_offset=7), Tuple(elts=[Name(id='c', ctx=Del(), lineno=1, col_offset=10, e"
       "nd_lineno=1, end_col_offset=11), List(elts=[Name(id='d', ctx=Del(), lineno=1, col_offset="
       "14, end_lineno=1, end_col_offset=15)], ctx=Del(), lineno=1, col_offset=13, end_lineno=1, "
       "end_col_offset=16)], ctx=Del(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=17)]"
       ", lineno=1, col_offset=0, end_lineno=1, end_col_offset=17)], type_ignores=[])"},
    {"f(a, *b, c=1, **d)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_li"
       "neno=1, end_col_offset=1), args=[Name(id='a', ctx=Load(), lineno=1, col_offset=2, end_lin"
       "eno=1, end_col_offset=3), Starred(value=Name(id='b', ctx=Load(), lineno=1, col_offset=6, "
       "end_lineno=1, end_col_offset=7), ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_co"
       "l_offset=7)], keywords=[keyword(arg='c', value=Constant(value=1, lineno=1, col_offset=11,"
       " end_lineno=1, end_col_offset=12), lineno=1, col_offset=9, end_lineno=1, end_col_offset=1"
       "2), keyword(value=Name(id='d', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col"
       "_offset=17), lineno=1, col_offset=14, end_lineno=1, end_col_offset=17)], lineno=1, col_of"
       "fset=0, end_lineno=1, end_col_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_o"
       "ffset=18)], type_ignores=[])"},
    {"@d\nclass C(B): pass\n",
     "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load(), lineno=2, col_offset=8, e"
       "nd_lineno=2, end_col_offset=9)], keywords=[], body=[Pass(lineno=2, col_offset=12, end_lin"
       "eno=2, end_col_offset=16)], decorator_list=[Name(id='d', ctx=Load(), lineno=1, col_offset"
       "=1, end_lineno=1, end_col_offset=2)], lineno=2, col_offset=0, end_lineno=2, end_col_offse"
       "t=16)], type_ignores=[])"},
    {"lambda a, /, b=1, *c, d, e=2, **f: 0\n",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a', lineno=1, col_off"
       "set=7, end_lineno=1, end_col_offset=8)], args=[arg(arg='b', lineno=1, col_offset=13, end_"
       "lineno=1, end_col_offset=14)], vararg=arg(arg='c', lineno=1, col_offset=19, end_lineno=1,"
       " end_col_offset=20), kwonlyargs=[arg(arg='d', lineno=1, col_offset=22, end_lineno=1, end_"
       "col_offset=23), arg(arg='e', lineno=1, col_offset=25, end_lineno=1, end_col_offset=26)], "
       "kw_defaults=[None, Constant(value=2, lineno=1, col_offset=27, end_lineno=1, end_col_offse"
       "t=28)], kwarg=arg(arg='f', lineno=1, col_offset=32, end_lineno=1, end_col_offset=33), def"
       "aults=[Constant(value=1, lineno=1, col_offset=15, end_lineno=1, end_col_offset=16)]), bod"
       "y=Constant(value=0, lineno=1, col_offset=35, end_lineno=1, end_col_offset=36), lineno=1, "
       "col_offset=0, end_lineno=1, end_col_offset=36), lineno=1, col_offset=0, end_lineno=1, end"
       "_col_offset=36)], type_ignores=[])"},
    {"x[1:2, ::3, ...]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load(), lineno=1, col_offset=0, "
       "end_lineno=1, end_col_offset=1), slice=Tuple(elts=[Slice(lower=Constant(value=1, lineno=1"
       ", col_offset=2, end_lineno=1, end_col_offset=3), upper=Constant(value=2, lineno=1, col_of"
       "fset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=2, end_lineno=1, end_col_of"
       "fset=5), Slice(step=Constant(value=3, lineno=1, col_offset=9, end_lineno=1, end_col_offse"
       "t=10), lineno=1, col_offset=7, end_lineno=1, end_col_offset=10), Constant(value=Ellipsis,"
       " lineno=1, col_offset=12, end_lineno=1, end_col_offset=15)], ctx=Load(), lineno=1, col_of"
       "fset=2, end_lineno=1, end_col_offset=15), ctx=Load(), lineno=1, col_offset=0, end_lineno="
       "1, end_col_offset=16), lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], type_ig"
       "nores=[])"},
    {"async def f():\n    await x\n",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyarg"
       "s=[], kw_defaults=[], defaults=[]), body=[Expr(value=Await(value=Name(id='x', ctx=Load(),"
       " lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), lineno=2, col_offset=4, end_l"
       "ineno=2, end_col_offset=11), lineno=2, col_offset=4, end_lineno=2, end_col_offset=11)], d"
       "ecorator_list=[], lineno=1, col_offset=0, end_lineno=2, end_col_offset=11)], type_ignores"
       "=[])"},
    {"match p:\n    case [1, *r] | {'k': v, **kw} | C(a, b=c) | -1+2j as z if z:\n        pass\n",
     "Module(body=[Match(subject=Name(id='p', ctx=Load(), lineno=1, col_offset=6, end_lineno=1,"
       " end_col_offset=7), cases=[match_case(pattern=MatchAs(pattern=MatchOr(patterns=[MatchSequ"
       "ence(patterns=[MatchValue(value=Constant(value=1, lineno=2, col_offset=10, end_lineno=2, "
       "end_col_offset=11), lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), MatchStar("
       "name='r', lineno=2, col_offset=13, end_lineno=2, end_col_offset=15)], lineno=2, col_offse"
       "t=9, end_lineno=2, end_col_offset=16), MatchMapping(keys=[Constant(value='k', lineno=2, c"
       "ol_offset=20, end_lineno=2, end_col_offset=23)], patterns=[MatchAs(name='v', lineno=2, co"
       "l_offset=25, end_lineno=2, end_col_offset=26)], rest='kw', lineno=2, col_offset=19, end_l"
       "ineno=2, end_col_offset=33), MatchClass(cls=Name(id='C', ctx=Load(), lineno=2, col_offset"
       "=36, end_lineno=2, end_col_offset=37), patterns=[MatchAs(name='a', lineno=2, col_offset=3"
       "8, end_lineno=2, end_col_offset=39)], kwd_attrs=['b'], kwd_patterns=[MatchAs(name='c', li"
       "neno=2, col_offset=43, end_lineno=2, end_col_offset=44)], lineno=2, col_offset=36, end_li"
       "neno=2, end_col_offset=45), MatchValue(value=BinOp(left=UnaryOp(op=USub(), operand=Consta"
       "nt(value=1, lineno=2, col_offset=49, end_lineno=2, end_col_offset=50), lineno=2, col_offs"
       "et=48, end_lineno=2, end_col_offset=50), op=Add(), right=Constant(value=2j, lineno=2, col"
       "_offset=51, end_lineno=2, end_col_offset=53), lineno=2, col_offset=48, end_lineno=2, end_"
       "col_offset=53), lineno=2, col_offset=48, end_lineno=2, end_col_offset=53)], lineno=2, col"
       "_offset=9, end_lineno=2, end_col_offset=53), name='z', lineno=2, col_offset=9, end_lineno"
       "=2, end_col_offset=58), guard=Name(id='z', ctx=Load(), lineno=2, col_offset=62, end_linen"
       "o=2, end_col_offset=63), body=[Pass(lineno=3, col_offset=8, end_lineno=3, end_col_offset="
       "12)])], lineno=1, col_offset=0, end_lineno=3, end_col_offset=12)], type_ignores=[])"},
    {"from ... import a as b\n",
     "Module(body=[ImportFrom(names=[alias(name='a', asname='b', lineno=1, col_offset=16, end_l"
       "ineno=1, end_col_offset=22)], level=3, lineno=1, col_offset=0, end_lineno=1, end_col_offs"
       "et=22)], type_ignores=[])"},
    {"\xc3""\xa9"" = '\xc3""\xbc""'; \xef""\xac""\x81"" = \xc3""\xa9""\n",
     "Module(body=[Assign(targets=[Name(id='\xc3""\xa9""', ctx=Store(), lineno=1, col_offset=0,"
       " end_lineno=1, end_col_offset=2)], value=Constant(value='\xc3""\xbc""', lineno=1, col_off"
       "set=5, end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_off"
       "set=9), Assign(targets=[Name(id='fi', ctx=Store(), lineno=1, col_offset=11, end_lineno=1,"
       " end_col_offset=14)], value=Name(id='\xc3""\xa9""', ctx=Load(), lineno=1, col_offset=17, "
       "end_lineno=1, end_col_offset=19), lineno=1, col_offset=11, end_lineno=1, end_col_offset=1"
       "9)], type_ignores=[])"},
    {"with (a as b, c): pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load(), lineno=1, col_off"
       "set=6, end_lineno=1, end_col_offset=7), optional_vars=Name(id='b', ctx=Store(), lineno=1,"
       " col_offset=11, end_lineno=1, end_col_offset=12)), withitem(context_expr=Name(id='c', ctx"
       "=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15))], body=[Pass(lineno=1"
       ", col_offset=18, end_lineno=1, end_col_offset=22)], lineno=1, col_offset=0, end_lineno=1,"
       " end_col_offset=22)], type_ignores=[])"},
    {"try:\n    pass\nexcept* E as e:\n    pass\n",
     "Module(body=[TryStar(body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)],"
       " handlers=[ExceptHandler(type=Name(id='E', ctx=Load(), lineno=3, col_offset=8, end_lineno"
       "=3, end_col_offset=9), name='e', body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col"
       "_offset=8)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8)], orelse=[], finalbo"
       "dy=[], lineno=1, col_offset=0, end_lineno=4, end_col_offset=8)], type_ignores=[])"},
    {"x: int = (y := 1)\n",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_linen"
       "o=1, end_col_offset=1), annotation=Name(id='int', ctx=Load(), lineno=1, col_offset=3, end"
       "_lineno=1, end_col_offset=6), value=NamedExpr(target=Name(id='y', ctx=Store(), lineno=1, "
       "col_offset=10, end_lineno=1, end_col_offset=11), value=Constant(value=1, lineno=1, col_of"
       "fset=15, end_lineno=1, end_col_offset=16), lineno=1, col_offset=10, end_lineno=1, end_col"
       "_offset=16), simple=1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=17)], type_ig"
       "nores=[])"},
    {"[x async for x in y if x]\n",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=1, end"
       "_lineno=1, end_col_offset=2), generators=[comprehension(target=Name(id='x', ctx=Store(), "
       "lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), iter=Name(id='y', ctx=Load(), "
       "lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), ifs=[Name(id='x', ctx=Load(), "
       "lineno=1, col_offset=23, end_lineno=1, end_col_offset=24)], is_async=1)], lineno=1, col_o"
       "ffset=0, end_lineno=1, end_col_offset=25), lineno=1, col_offset=0, end_lineno=1, end_col_"
       "offset=25)], type_ignores=[])"},
    {"f(x for x in y)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_li"
       "neno=1, end_col_offset=1), args=[GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, col_"
       "offset=2, end_lineno=1, end_col_offset=3), generators=[comprehension(target=Name(id='x', "
       "ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), iter=Name(id='y', c"
       "tx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ifs=[], is_async=0)"
       "], lineno=1, col_offset=1, end_lineno=1, end_col_offset=15)], keywords=[], lineno=1, col_"
       "offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col"
       "_offset=15)], type_ignores=[])"},
    {"x = f'{a!r:>{w}}'\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno"
       "=1, end_col_offset=1)], value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Loa"
       "d(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), conversion=114, format_spec"
       "=JoinedStr(values=[Constant(value='>', lineno=1, col_offset=4, end_lineno=1, end_col_offs"
       "et=17), FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, col_offset=13, end_lineno"
       "=1, end_col_offset=14), conversion=-1, lineno=1, col_offset=4, end_lineno=1, end_col_offs"
       "et=17)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=17), lineno=1, col_offset=4"
       ", end_lineno=1, end_col_offset=17)], lineno=1, col_offset=4, end_lineno=1, end_col_offset"
       "=17), lineno=1, col_offset=0, end_lineno=1, end_col_offset=17)], type_ignores=[])"},
};

TEST(Parser, BuildsCPythonAst) {
  for (const AstCase& c : kAstCases) EXPECT_EQ(dump_of(c.source), c.dump) << c.source;
}

struct ErrorCase {
  const char* source;
  const char* type;
  const char* msg;
  int lineno, offset, end_lineno, end_offset;
};

const ErrorCase kErrorCases[] = {
    {"f(a=1, b)\n", "SyntaxError", "positional argument follows keyword argument",
     1, 9, 1, 10},
    {"f(**a, *b)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpack"
     "ing",
     1, 3, 1, 6},
    {"f(a for a in b, c)\n", "SyntaxError", "Generator expression must be parenthesized",
     1, 3, 1, 15},
    {"x = 1 +\n", "SyntaxError", "invalid syntax",
     1, 8, 1, 8},
    {"if x\n  y\n", "SyntaxError", "expected ':'",
     1, 5, 1, 5},
    {"x = 1\n    y = 2\n", "IndentationError", "unexpected indent",
     2, 4, 2, -1},
    {"if x:\n  y\n z\n", "IndentationError", "unindent does not match any outer indentation level",
     3, 3, 3, -1},
    {"class A:\npass\n", "IndentationError", "expected an indented block after class definition "
     "on line 1",
     2, 1, 2, 5},
    {"print 'hi'\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print("
     "...)?",
     1, 1, 1, 11},
    {"f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' inst"
     "ead of '='?",
     1, 1, 1, 4},
    {"1 = x\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '"
     "='?",
     1, 1, 1, 2},
    {"del f()\n", "SyntaxError", "cannot delete function call",
     1, 5, 1, 8},
    {"def f(a=1, b): pass\n", "SyntaxError", "non-default argument follows default argument",
     1, 12, 1, 13},
    {"def f(*, **k): pass\n", "SyntaxError", "named arguments must follow bare *",
     1, 7, 1, 8},
    {"[x, y for x in z]\n", "SyntaxError", "did you forget parentheses around the comprehension "
     "target?",
     1, 2, 1, 6},
    {"from x import a,\n", "SyntaxError", "trailing comma not allowed without surrounding parent"
     "heses",
     1, 17, 1, 17},
    {"try:\n  pass\nx = 1\n", "SyntaxError", "expected 'except' or 'finally' block",
     3, 1, 3, 2},
    {"a = (1,\nb = 2 2\n", "SyntaxError", "'(' was never closed",
     1, 5, 1, 0},
    {"a b\nc = 'x\n", "SyntaxError", "unterminated string literal (detected at line 2)",
     2, 5, 2, 5},
    {"(*a)\n", "SyntaxError", "cannot use starred expression here",
     1, 2, 1, 4},
    {"x = \xc3""\xa9"" + (a b)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?",
     1, 11, 1, 14},
    {"# coding: utf-8\nx = \xc3""\xa9"" + (a b)\n", "SyntaxError", "invalid syntax. Perhaps you "
     "forgot a comma?",
     2, 10, 2, 13},
    {"def f:\n  pass\n", "SyntaxError", "expected '('",
     1, 6, 1, 7},
    {"for x in y\n  pass\n", "SyntaxError", "expected ':'",
     1, 11, 1, 11},
    {"f(a b)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?",
     1, 3, 1, 6},
};

TEST(Parser, ReportsCPythonSyntaxErrors) {
  for (const ErrorCase& c : kErrorCases) {
    Arena arena;
    ParseResult r = parse(c.source, "x.py", ParseMode::Exec, arena);
    ASSERT_EQ(r.mod, nullptr) << c.source;
    const SyntaxErrorInfo& e = r.error;
    EXPECT_STREQ(type_name(e.type), c.type) << c.source;
    EXPECT_EQ(e.msg, c.msg) << c.source;
    EXPECT_EQ(e.lineno, c.lineno) << c.source;
    EXPECT_EQ(e.offset, c.offset) << c.source;
    EXPECT_EQ(e.end_lineno, c.end_lineno) << c.source;
    EXPECT_EQ(e.end_offset, c.end_offset) << c.source;
  }
}

TEST(Parser, Modes) {
  EXPECT_EQ(dump_of("a + 1\n", ParseMode::Eval),
            "Expression(body=BinOp(left=Name(id='a', ctx=Load(), lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=1), op=Add(), right=Constant(value=1, lineno=1, "
            "col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, "
            "end_col_offset=5))");
  EXPECT_EQ(dump_of("x = 1\n", ParseMode::Eval), "error: SyntaxError: invalid syntax");
  EXPECT_EQ(dump_of("def f(): pass\n", ParseMode::Single),
            "Interactive(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], "
            "kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass(lineno=1, col_offset=9, "
            "end_lineno=1, end_col_offset=13)], decorator_list=[], lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=13)])");
  EXPECT_EQ(dump_of("x = 1\ny = 2\n", ParseMode::Single),
            "error: SyntaxError: multiple statements found while compiling a single statement");
  EXPECT_EQ(dump_of("(a, *b, **c) -> d", ParseMode::FuncType),
            "FunctionType(argtypes=[Name(id='a', ctx=Load(), lineno=1, col_offset=1, "
            "end_lineno=1, end_col_offset=2), Name(id='b', ctx=Load(), lineno=1, col_offset=5, "
            "end_lineno=1, end_col_offset=6), Name(id='c', ctx=Load(), lineno=1, col_offset=10, "
            "end_lineno=1, end_col_offset=11)], returns=Name(id='d', ctx=Load(), lineno=1, "
            "col_offset=16, end_lineno=1, end_col_offset=17))");
}

// Errors by mode and origin, as compile() reports them: bytes with the file's real name (its
// lines are re-read for the text) or a str (the tokenizer's buffer is quoted, whole lines from
// where the current token began, newline included). Found by differential fuzzing.
struct OriginCase {
  const char* source;
  ParseMode mode;
  SourceOrigin origin;
  const char* type;  // nullptr: parses
  const char* msg;
  int lineno, offset, end_lineno, end_offset;
  const char* text;
};

// clang-format off
const OriginCase kOriginCases[] = {
    {"class Foo:",
     ParseMode::Exec, SourceOrigin::String,
     "IndentationError", "expected an indented block after class definition on line 1",
     1, 11, 1, -1, "class Foo:"},
    {"class Foo:",
     ParseMode::Exec, SourceOrigin::Text,
     "IndentationError", "expected an indented block after class definition on line 1",
     1, 11, 1, -1, "class Foo:\n"},
    {"x = 1 + \\\n  1 2",
     ParseMode::Exec, SourceOrigin::Text,
     "SyntaxError", "invalid syntax",
     2, 5, 2, 6, "x = 1 + \\\n  1 2\n"},
    {"x = '\xc3""\xa9""' + \\\n  1 \\ 2\n",
     ParseMode::Exec, SourceOrigin::Text,
     "SyntaxError", "unexpected character after line continuation character",
     2, 18, 2, 0, "x = '\xc3""\xa9""' + \\\n  1 \\ 2\n"},
    {"x = 1\r  y = 2\r\n",
     ParseMode::Exec, SourceOrigin::Text,
     "IndentationError", "unexpected indent",
     2, 2, 2, -1, "  y = 2\n"},
    {"",
     ParseMode::Eval, SourceOrigin::String,
     "SyntaxError", "invalid syntax",
     0, 0, 0, 0, ""},
    {"\n",
     ParseMode::Single, SourceOrigin::String,
     "SyntaxError", "invalid syntax",
     1, 0, 1, 0, "\n"},
    {"if x:\n   f(x)\nelse:\n   g(x)",
     ParseMode::Single, SourceOrigin::String,
     nullptr},
    {"if x:\n  if y:\n   f(x)\n  g",
     ParseMode::Single, SourceOrigin::Text,
     nullptr},
    {"((1, 2 3\n)",
     ParseMode::Eval, SourceOrigin::String,
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?",
     1, 6, 1, 9, "((1, 2 3"},
    {"((1, 2 3\nx",
     ParseMode::Eval, SourceOrigin::String,
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?",
     1, 6, 1, 9, "((1, 2 3"},
    {"((1, 2 3\n) \\",
     ParseMode::Eval, SourceOrigin::String,
     "SyntaxError", "'(' was never closed",
     1, 1, 1, 0, "((1, 2 3"},
    {"x {i=2 3}",
     ParseMode::Exec, SourceOrigin::String,
     "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
     1, 4, 1, 7, "x {i=2 3}"},
    {"(c a + b)",
     ParseMode::Exec, SourceOrigin::String,
     "SyntaxError", "invalid syntax",
     1, 4, 1, 5, "(c a + b)"},
    {"(c[0] a)",
     ParseMode::Exec, SourceOrigin::String,
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?",
     1, 3, 1, 8, "(c[0] a)"},
    {"f [a, b for b in c]",
     ParseMode::Exec, SourceOrigin::String,
     "SyntaxError", "did you forget parentheses around the comprehension target?",
     1, 4, 1, 8, "f [a, b for b in c]"},
    {"b<> c",
     ParseMode::Eval, SourceOrigin::String,
     "SyntaxError", "invalid syntax",
     1, 2, 1, 4, "b<> c"},
    {"f\"\"\"\n\n\n            {\n            6\n            0=\"\"\"",
     ParseMode::Exec, SourceOrigin::String,
     "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?",
     5, 13, 6, 14, "            6"},
    {"\nf'{.}}'",
     ParseMode::Eval, SourceOrigin::Text,
     "SyntaxError", "f-string: invalid syntax",
     2, 2, 2, 3, "(.)\n"},
};
// clang-format on

void expect_error(const SyntaxErrorInfo& e, const OriginCase& c) {
  EXPECT_STREQ(type_name(e.type), c.type) << c.source;
  EXPECT_EQ(e.msg, c.msg) << c.source;
  EXPECT_EQ(e.lineno, c.lineno) << c.source;
  EXPECT_EQ(e.offset, c.offset) << c.source;
  EXPECT_EQ(e.end_lineno, c.end_lineno) << c.source;
  EXPECT_EQ(e.end_offset, c.end_offset) << c.source;
  EXPECT_EQ(e.text, c.text) << c.source;
}

TEST(Parser, ErrorsByModeAndOrigin) {
  for (const OriginCase& c : kOriginCases) {
    Arena arena;
    ParseResult r = parse(c.source, "x.py", c.mode, arena, c.origin);
    if (!c.type) {
      EXPECT_NE(r.mod, nullptr) << c.source << ": " << r.error.msg;
      continue;
    }
    ASSERT_EQ(r.mod, nullptr) << c.source;
    expect_error(r.error, c);
  }
}

// eval('') is at line 0 with an empty text that is still printed.
TEST(Parser, EmptyEvalInputPrintsItsLocation) {
  Arena arena;
  ParseResult r = parse("", "<string>", ParseMode::Eval, arena, SourceOrigin::Text);
  ASSERT_EQ(r.mod, nullptr);
  EXPECT_TRUE(r.error.blank_text);
  char buf[256] = {0};
  std::FILE* f = fmemopen(buf, sizeof buf - 1, "w");
  print_syntax_error(f, r.error);
  std::fclose(f);
  EXPECT_STREQ(buf, "  File \"<string>\", line 0\n    \nSyntaxError: invalid syntax\n");
}

// sys.get_int_max_str_digits() (4300) limits decimal literals; 0-prefixed ones are read another
// way and have no limit. CPython gives no columns, so no carets are printed.
TEST(Parser, DecimalLiteralDigitLimit) {
  const char* msg =
      "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; "
      "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge "
      "integer literals to avoid decimal conversion limits.";
  Arena arena;
  std::string src = "x = 1\ny = " + std::string(4301, '7') + "\n";
  ParseResult r = parse(src, "x.py", ParseMode::Exec, arena);
  ASSERT_EQ(r.mod, nullptr);
  EXPECT_EQ(r.error.msg, msg);
  EXPECT_EQ(r.error.lineno, 2);
  EXPECT_EQ(r.error.offset, 0);
  EXPECT_EQ(r.error.end_offset, 0);
  std::string many(5000, '7');
  for (std::string ok : {std::string(4300, '7'), std::string(5000, '0'),
                         "0x" + std::string(5000, 'f'), many + ".5", many + "j"}) {
    Arena a;
    EXPECT_NE(parse("x = " + ok + "\n", "x.py", ParseMode::Exec, a).mod, nullptr) << ok.size();
  }
}

// CPython re-reads a file's line in 999-byte chunks, so a long line's text is its last chunk,
// and a last line without a newline whose length is a multiple of 999 has an empty text.
TEST(Parser, LongLineTextIsLastChunk) {
  std::string line = "x = [" + std::string(1200, '1') + " 2]\n";
  Arena arena;
  ParseResult r = parse(line, "x.py", ParseMode::Exec, arena);
  ASSERT_EQ(r.mod, nullptr);
  EXPECT_EQ(r.error.text, line.substr(999));
  std::string unclosed = "x = (" + std::string(994, 'a');
  Arena a2;
  r = parse(unclosed, "x.py", ParseMode::Exec, a2);
  ASSERT_EQ(r.mod, nullptr);
  EXPECT_EQ(r.error.msg, "'(' was never closed");
  EXPECT_EQ(r.error.text, "");
  EXPECT_TRUE(r.error.blank_text);
}

// A number run into a keyword ("1if") is a SyntaxWarning, reported only for the source CPython
// reads: up to an error, or to the end when it checks the rest for tokenizer errors.
TEST(Parser, SyntaxWarningsForNumbersBeforeKeywords) {
  auto warnings_of = [](std::string_view src) {
    Arena arena;
    std::string out;
    for (const SyntaxErrorInfo& w : parse(src, "x.py", ParseMode::Exec, arena).warnings)
      out += std::to_string(w.lineno) + ":" + std::to_string(w.offset) + " " + w.msg + "\n";
    return out;
  };
  EXPECT_EQ(warnings_of("x = 1if 1 else 2\ny = [0x1for x in y]\n"),
            "1:5 invalid decimal literal\n2:9 invalid hexadecimal literal\n");
  EXPECT_EQ(warnings_of("x = f'{1jor 2}'\n"), "1:3 invalid imaginary literal\n");
  // A generic error: the rest is tokenized. An indentation error: it is not.
  EXPECT_EQ(warnings_of("x = (1 2)\nz = 1or 2\n"), "2:5 invalid decimal literal\n");
  EXPECT_EQ(warnings_of("x = 1in y\n\n    y = 1 2\nz = 1or 2\n"),
            "1:5 invalid decimal literal\n");
}

// CPython's parser gives up (MemoryError) after 6000 nested rule calls; how deep that is
// depends on the construct. The largest depth python3.11 accepts in `x = ...`:
TEST(Parser, NestingLimitsMatchCPython) {
  struct Limit {
    const char *head, *tail;
    int max;
  };
  const Limit kLimits[] = {
      {"not ", "", 5967}, {"-", "", 5967},      {"1 if 1 else ", "", 5967},
      {"lambda: ", "", 2983}, {"2 ** ", "", 2983}, {"2 ** -", "", 1989},
      {"lambda a=", ": 0", 745},
  };
  for (const Limit& l : kLimits) {
    for (int n : {l.max, l.max + 1}) {
      std::string src = "x = ";
      for (int i = 0; i < n; i++) src += l.head;
      src += "1";
      for (int i = 0; i < n; i++) src += l.tail;
      src += "\n";
      // Parse only: dumping 6000 levels recursively needs more native stack than ASan's
      // frames leave (the limit is the parser's; the compiler stops far earlier).
      Arena arena;
      ParseResult r = parse(src, "x.py", ParseMode::Exec, arena);
      bool memory_error = !r.mod && std::string_view(type_name(r.error.type)) == "MemoryError";
      EXPECT_EQ(memory_error, n > l.max) << l.head << n;
    }
  }
}

// Deep input fails cleanly instead of overflowing the native stack.
TEST(Parser, DeepNestingFailsCleanly) {
  std::string deep = "x = " + std::string(100000, '-') + "1\n";
  EXPECT_EQ(dump_of(deep), "error: MemoryError: ");  // CPython 3.11: a bare MemoryError
  std::string lambdas = "x = ";
  for (int i = 0; i < 3000; i++) lambdas += "lambda: ";
  lambdas += "1\n";
  EXPECT_EQ(dump_of(lambdas).rfind("error: ", 0), 0u);
  // python3.11's `ast.dump(ast.parse(...))` prints 989 nested minus signs, not 990.
  std::string ok = "x = " + std::string(989, '-') + "1\n";
  EXPECT_EQ(dump_of(ok).rfind("Module(", 0), 0u);
  std::string too_deep = "x = " + std::string(990, '-') + "1\n";
  EXPECT_EQ(dump_of(too_deep), "error: RecursionError (dump)");
}

}  // namespace
}  // namespace tpy::parse
