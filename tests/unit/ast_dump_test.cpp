// tests/unit/ast_dump_test.cpp -- dump_ast on hand-built ASTs against CPython 3.11's ast.dump.
//
// Each tree is what ast.parse builds for the source quoted above its test; the expected text was
// printed by /usr/bin/python3.11 -c "import ast; print(ast.dump(ast.parse(SRC, mode=M)))"
// (and with include_attributes=True where a test checks locations).
#include "interp/parse/ast_dump.h"

#include <gtest/gtest.h>

#include <initializer_list>

namespace tpy::parse {
namespace {

using namespace ast;

class AstDump : public ::testing::Test {
 protected:
  static Loc at(int line, int col, int end_line, int end_col) {
    return Loc{line, col, end_line, end_col};
  }

  template <class T>
  T* node(Loc l = {}) {
    return make<T>(m_arena, l);
  }

  template <class T>
  Seq<T> seq(std::initializer_list<T> xs) {
    return make_seq(m_arena, xs.begin(), uint32_t(xs.size()));
  }

  Name* name(Ident id, ExprContext ctx = ExprContext::Load, Loc l = {}) {
    Name* n = node<Name>(l);
    n->id = id;
    n->ctx = ctx;
    return n;
  }

  Constant* constant(ConstValue v, Loc l = {}) {
    Constant* c = node<Constant>(l);
    c->value = v;
    return c;
  }
  Constant* int_const(int64_t i, Loc l = {}) {
    return constant({ConstValue::Kind::Int, i, 0, {}}, l);
  }
  Constant* str_const(Ident s) { return constant({ConstValue::Kind::Str, 0, 0, s}); }
  Constant* none_const() { return constant({}); }

  Arg* arg(Ident a, Expr* annotation = nullptr) {
    Arg* r = m_arena.make<Arg>();
    r->arg = a;
    r->annotation = annotation;
    return r;
  }

  Arguments* no_arguments() { return m_arena.make<Arguments>(); }

  Module* module(std::initializer_list<Stmt*> body) {
    Module* m = node<Module>();
    m->body = seq(body);
    return m;
  }
  Expression* expression(Expr* body) {
    Expression* e = node<Expression>();
    e->body = body;
    return e;
  }
  Stmt* expr_stmt(Expr* value) {
    ExprStmt* s = node<ExprStmt>();
    s->value = value;
    return s;
  }

  std::string dump(const Mod* m, bool attrs = false) {
    std::string s;
    EXPECT_TRUE(dump_ast(s, m, attrs));
    return s;
  }

  Arena m_arena;
};

// x = 1
TEST_F(AstDump, AssignWithAttributes) {
  Assign* a = node<Assign>(at(1, 0, 1, 5));
  a->targets = seq<Expr*>({name("x", ExprContext::Store, at(1, 0, 1, 1))});
  a->value = int_const(1, at(1, 4, 1, 5));
  Module* m = module({a});
  EXPECT_EQ(dump(m),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], "
            "type_ignores=[])");
  EXPECT_EQ(dump(m, true),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, "
            "end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, "
            "end_col_offset=5)], type_ignores=[])");
}

// def f(a, /, b: int = 2, *c, d, e=3, **g) -> None:
//     return
TEST_F(AstDump, FunctionDefArguments) {
  Arguments* args = no_arguments();
  args->posonlyargs = seq({arg("a")});
  args->args = seq({arg("b", name("int"))});
  args->vararg = arg("c");
  args->kwonlyargs = seq({arg("d"), arg("e")});
  args->kw_defaults = seq<Expr*>({nullptr, int_const(3)});
  args->kwarg = arg("g");
  args->defaults = seq<Expr*>({int_const(2)});
  FunctionDef* f = node<FunctionDef>();
  f->name = "f";
  f->args = args;
  f->body = seq<Stmt*>({node<Return>()});
  f->returns = none_const();
  EXPECT_EQ(dump(module({f})),
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], "
            "args=[arg(arg='b', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='c'), "
            "kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=3)], "
            "kwarg=arg(arg='g'), defaults=[Constant(value=2)]), body=[Return()], "
            "decorator_list=[], returns=Constant(value=None))], type_ignores=[])");
}

// from . import a as b, c
TEST_F(AstDump, ImportFromOmitsNoneModule) {
  Alias* ab = m_arena.make<Alias>();
  ab->name = "a";
  ab->asname = "b";
  ab->loc = at(1, 14, 1, 20);
  Alias* c = m_arena.make<Alias>();
  c->name = "c";
  c->loc = at(1, 22, 1, 23);
  ImportFrom* i = node<ImportFrom>(at(1, 0, 1, 23));
  i->names = seq({ab, c});
  i->level = 1;
  Module* m = module({i});
  EXPECT_EQ(dump(m),
            "Module(body=[ImportFrom(names=[alias(name='a', asname='b'), alias(name='c')], "
            "level=1)], type_ignores=[])");
  EXPECT_EQ(dump(m, true),
            "Module(body=[ImportFrom(names=[alias(name='a', asname='b', lineno=1, col_offset=14, "
            "end_lineno=1, end_col_offset=20), alias(name='c', lineno=1, col_offset=22, "
            "end_lineno=1, end_col_offset=23)], level=1, lineno=1, col_offset=0, end_lineno=1, "
            "end_col_offset=23)], type_ignores=[])");
}

// (None, True, False, ..., 100000000000000000000000000000, 1.5, 2j, 'é\n', b'\x00', u'x')
TEST_F(AstDump, Constants) {
  using K = ConstValue::Kind;
  Constant* u = str_const("x");
  u->kind = "u";
  Tuple* t = node<Tuple>();
  t->elts = seq<Expr*>({
      constant({K::None, 0, 0, {}}),
      constant({K::True, 0, 0, {}}),
      constant({K::False, 0, 0, {}}),
      constant({K::Ellipsis, 0, 0, {}}),
      constant({K::Int, 0, 0, "100000000000000000000000000000"}),
      constant({K::Float, 0, 1.5, {}}),
      constant({K::Complex, 0, 2.0, {}}),
      str_const("é\n"),
      constant({K::Bytes, 0, 0, std::string_view("\0", 1)}),
      u,
  });
  EXPECT_EQ(dump(expression(t)),
            "Expression(body=Tuple(elts=[Constant(value=None), Constant(value=True), "
            "Constant(value=False), Constant(value=Ellipsis), "
            "Constant(value=100000000000000000000000000000), Constant(value=1.5), "
            "Constant(value=2j), Constant(value='é\\n'), Constant(value=b'\\x00'), "
            "Constant(value='x', kind='u')], ctx=Load()))");
}

// {**a, 'k': 1}
TEST_F(AstDump, DictWithNullKey) {
  Dict* d = node<Dict>();
  d->keys = seq<Expr*>({nullptr, str_const("k")});
  d->values = seq<Expr*>({name("a"), int_const(1)});
  EXPECT_EQ(dump(expression(d)),
            "Expression(body=Dict(keys=[None, Constant(value='k')], values=[Name(id='a', "
            "ctx=Load()), Constant(value=1)]))");
}

// match x:
//     case [1, *rest] | {'k': _, **kw} if y:
//         pass
//     case Point(1, y=z) as p:
//         pass
//     case None:
//         pass
TEST_F(AstDump, MatchPatterns) {
  auto value = [&](Expr* e) {
    MatchValue* v = node<MatchValue>();
    v->value = e;
    return v;
  };
  auto capture = [&](Ident n, Pattern* p = nullptr) {
    MatchAs* a = node<MatchAs>();
    a->name = n;
    a->pattern = p;
    return a;
  };
  MatchStar* star = node<MatchStar>();
  star->name = "rest";
  MatchSequence* sq = node<MatchSequence>();
  sq->patterns = seq<Pattern*>({value(int_const(1)), star});
  MatchMapping* mp = node<MatchMapping>();
  mp->keys = seq<Expr*>({str_const("k")});
  mp->patterns = seq<Pattern*>({capture({})});
  mp->rest = "kw";
  MatchOr* alt = node<MatchOr>();
  alt->patterns = seq<Pattern*>({sq, mp});
  MatchCase* c1 = m_arena.make<MatchCase>();
  c1->pattern = alt;
  c1->guard = name("y");
  c1->body = seq<Stmt*>({node<Pass>()});

  MatchClass* cls = node<MatchClass>();
  cls->cls = name("Point");
  cls->patterns = seq<Pattern*>({value(int_const(1))});
  cls->kwd_attrs = seq<Ident>({"y"});
  cls->kwd_patterns = seq<Pattern*>({capture("z")});
  MatchCase* c2 = m_arena.make<MatchCase>();
  c2->pattern = capture("p", cls);
  c2->body = seq<Stmt*>({node<Pass>()});

  MatchSingleton* none = node<MatchSingleton>();
  MatchCase* c3 = m_arena.make<MatchCase>();
  c3->pattern = none;
  c3->body = seq<Stmt*>({node<Pass>()});

  Match* m = node<Match>();
  m->subject = name("x");
  m->cases = seq({c1, c2, c3});
  EXPECT_EQ(dump(module({m})),
            "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case("
            "pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchValue(value=Constant("
            "value=1)), MatchStar(name='rest')]), MatchMapping(keys=[Constant(value='k')], "
            "patterns=[MatchAs()], rest='kw')]), guard=Name(id='y', ctx=Load()), body=[Pass()]), "
            "match_case(pattern=MatchAs(pattern=MatchClass(cls=Name(id='Point', ctx=Load()), "
            "patterns=[MatchValue(value=Constant(value=1))], kwd_attrs=['y'], "
            "kwd_patterns=[MatchAs(name='z')]), name='p'), body=[Pass()]), match_case("
            "pattern=MatchSingleton(value=None), body=[Pass()])])], type_ignores=[])");
}

// raise
// pass
TEST_F(AstDump, NodesWithoutFields) {
  Module* m = module({node<Raise>(at(1, 0, 1, 5)), node<Pass>(at(2, 0, 2, 4))});
  EXPECT_EQ(dump(m), "Module(body=[Raise(), Pass()], type_ignores=[])");
  EXPECT_EQ(dump(m, true),
            "Module(body=[Raise(lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), "
            "Pass(lineno=2, col_offset=0, end_lineno=2, end_col_offset=4)], type_ignores=[])");
}

// f'{x!r:>{w}} {y}'
TEST_F(AstDump, FString) {
  FormattedValue* inner = node<FormattedValue>();
  inner->value = name("w");
  inner->conversion = -1;
  JoinedStr* spec = node<JoinedStr>();
  spec->values = seq<Expr*>({str_const(">"), inner});
  FormattedValue* x = node<FormattedValue>();
  x->value = name("x");
  x->conversion = 'r';
  x->format_spec = spec;
  FormattedValue* y = node<FormattedValue>();
  y->value = name("y");
  y->conversion = -1;
  JoinedStr* j = node<JoinedStr>();
  j->values = seq<Expr*>({x, str_const(" "), y});
  EXPECT_EQ(dump(expression(j)),
            "Expression(body=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
            "conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), "
            "FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), "
            "Constant(value=' '), FormattedValue(value=Name(id='y', ctx=Load()), "
            "conversion=-1)]))");
}

// lambda: 0
TEST_F(AstDump, EmptyArguments) {
  Lambda* l = node<Lambda>();
  l->args = no_arguments();
  l->body = int_const(0);
  EXPECT_EQ(dump(expression(l)),
            "Expression(body=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
            "kw_defaults=[], defaults=[]), body=Constant(value=0)))");
}

// try:
//     pass
// except E as e:
//     pass
TEST_F(AstDump, ExceptHandlerHasLocation) {
  ExceptHandler* h = m_arena.make<ExceptHandler>();
  h->type = name("E", ExprContext::Load, at(3, 7, 3, 8));
  h->name = "e";
  h->body = seq<Stmt*>({node<Pass>(at(4, 4, 4, 8))});
  h->loc = at(3, 0, 4, 8);
  Try* t = node<Try>(at(1, 0, 4, 8));
  t->body = seq<Stmt*>({node<Pass>(at(2, 4, 2, 8))});
  t->handlers = seq({h});
  Module* m = module({t});
  EXPECT_EQ(dump(m),
            "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', "
            "ctx=Load()), name='e', body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])");
  EXPECT_EQ(dump(m, true),
            "Module(body=[Try(body=[Pass(lineno=2, col_offset=4, end_lineno=2, "
            "end_col_offset=8)], handlers=[ExceptHandler(type=Name(id='E', ctx=Load(), lineno=3, "
            "col_offset=7, end_lineno=3, end_col_offset=8), name='e', body=[Pass(lineno=4, "
            "col_offset=4, end_lineno=4, end_col_offset=8)], lineno=3, col_offset=0, "
            "end_lineno=4, end_col_offset=8)], orelse=[], finalbody=[], lineno=1, col_offset=0, "
            "end_lineno=4, end_col_offset=8)], type_ignores=[])");
}

// a < b <= c and not -d
TEST_F(AstDump, OperatorsAndComparisons) {
  Compare* c = node<Compare>();
  c->left = name("a");
  c->ops = seq({CmpOp::Lt, CmpOp::LtE});
  c->comparators = seq<Expr*>({name("b"), name("c")});
  UnaryOp* neg = node<UnaryOp>();
  neg->op = UnaryOperator::USub;
  neg->operand = name("d");
  UnaryOp* inv = node<UnaryOp>();
  inv->op = UnaryOperator::Not;
  inv->operand = neg;
  BoolOp* b = node<BoolOp>();
  b->op = BoolOperator::And;
  b->values = seq<Expr*>({c, inv});
  EXPECT_EQ(dump(expression(b)),
            "Expression(body=BoolOp(op=And(), values=[Compare(left=Name(id='a', ctx=Load()), "
            "ops=[Lt(), LtE()], comparators=[Name(id='b', ctx=Load()), Name(id='c', "
            "ctx=Load())]), UnaryOp(op=Not(), operand=UnaryOp(op=USub(), operand=Name(id='d', "
            "ctx=Load())))]))");
}

// s[1:]
TEST_F(AstDump, SliceOmitsMissingBounds) {
  Slice* sl = node<Slice>();
  sl->lower = int_const(1);
  Subscript* s = node<Subscript>();
  s->value = name("s");
  s->slice = sl;
  EXPECT_EQ(dump(expression(s)),
            "Expression(body=Subscript(value=Name(id='s', ctx=Load()), "
            "slice=Slice(lower=Constant(value=1)), ctx=Load()))");
}

// global a, b
// class C(B, metaclass=M):
//     x: int
TEST_F(AstDump, IdentifierListsAndKeywords) {
  Global* g = node<Global>();
  g->names = seq<Ident>({"a", "b"});
  Keyword* kw = m_arena.make<Keyword>();
  kw->arg = "metaclass";
  kw->value = name("M");
  AnnAssign* ann = node<AnnAssign>();
  ann->target = name("x", ExprContext::Store);
  ann->annotation = name("int");
  ann->simple = 1;
  ClassDef* c = node<ClassDef>();
  c->name = "C";
  c->bases = seq<Expr*>({name("B")});
  c->keywords = seq({kw});
  c->body = seq<Stmt*>({ann});
  EXPECT_EQ(dump(module({g})), "Module(body=[Global(names=['a', 'b'])], type_ignores=[])");
  EXPECT_EQ(dump(module({c})),
            "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], "
            "keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], "
            "body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', "
            "ctx=Load()), simple=1)], decorator_list=[])], type_ignores=[])");
}

// [x async for x in y if x]
TEST_F(AstDump, Comprehension) {
  Comprehension* g = m_arena.make<Comprehension>();
  g->target = name("x", ExprContext::Store);
  g->iter = name("y");
  g->ifs = seq<Expr*>({name("x")});
  g->is_async = 1;
  ListComp* l = node<ListComp>();
  l->elt = name("x");
  l->generators = seq({g});
  EXPECT_EQ(dump(expression(l)),
            "Expression(body=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension("
            "target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', "
            "ctx=Load())], is_async=1)]))");
}

// f(x, *y, k=1, **z)
TEST_F(AstDump, CallWithAttributes) {
  Starred* st = node<Starred>(at(1, 5, 1, 7));
  st->value = name("y", ExprContext::Load, at(1, 6, 1, 7));
  Keyword* k = m_arena.make<Keyword>();
  k->arg = "k";
  k->value = int_const(1, at(1, 11, 1, 12));
  k->loc = at(1, 9, 1, 12);
  Keyword* z = m_arena.make<Keyword>();
  z->value = name("z", ExprContext::Load, at(1, 16, 1, 17));
  z->loc = at(1, 14, 1, 17);
  Call* c = node<Call>(at(1, 0, 1, 18));
  c->func = name("f", ExprContext::Load, at(1, 0, 1, 1));
  c->args = seq<Expr*>({name("x", ExprContext::Load, at(1, 2, 1, 3)), st});
  c->keywords = seq({k, z});
  EXPECT_EQ(dump(expression(c)),
            "Expression(body=Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', "
            "ctx=Load()), Starred(value=Name(id='y', ctx=Load()), ctx=Load())], "
            "keywords=[keyword(arg='k', value=Constant(value=1)), keyword(value=Name(id='z', "
            "ctx=Load()))]))");
  EXPECT_EQ(dump(expression(c), true),
            "Expression(body=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=1), args=[Name(id='x', ctx=Load(), lineno=1, "
            "col_offset=2, end_lineno=1, end_col_offset=3), Starred(value=Name(id='y', "
            "ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), ctx=Load(), "
            "lineno=1, col_offset=5, end_lineno=1, end_col_offset=7)], keywords=[keyword(arg='k', "
            "value=Constant(value=1, lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), "
            "lineno=1, col_offset=9, end_lineno=1, end_col_offset=12), keyword(value=Name(id='z', "
            "ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), lineno=1, "
            "col_offset=14, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=18))");
}

// x (mode='single') and (int, *str) -> bool (mode='func_type')
TEST_F(AstDump, OtherModes) {
  Interactive* i = node<Interactive>();
  i->body = seq({expr_stmt(name("x"))});
  EXPECT_EQ(dump(i), "Interactive(body=[Expr(value=Name(id='x', ctx=Load()))])");
  FunctionType* f = node<FunctionType>();
  f->argtypes = seq<Expr*>({name("int"), name("str")});
  f->returns = name("bool");
  EXPECT_EQ(dump(f),
            "FunctionType(argtypes=[Name(id='int', ctx=Load()), Name(id='str', ctx=Load())], "
            "returns=Name(id='bool', ctx=Load()))");
}

TEST_F(AstDump, AppendsToOutput) {
  std::string s = ">";
  EXPECT_TRUE(dump_ast(s, module({}), false));
  EXPECT_EQ(s, ">Module(body=[], type_ignores=[])");
}

TEST(AstNames, EnumsAndKinds) {
  EXPECT_STREQ(name(Operator::FloorDiv), "FloorDiv");
  EXPECT_STREQ(name(BoolOperator::Or), "Or");
  EXPECT_STREQ(name(UnaryOperator::Invert), "Invert");
  EXPECT_STREQ(name(CmpOp::NotIn), "NotIn");
  EXPECT_STREQ(name(ExprContext::Del), "Del");
  EXPECT_STREQ(name(ModKind::FunctionType), "FunctionType");
  EXPECT_STREQ(name(StmtKind::ExprStmt), "Expr");
  EXPECT_STREQ(name(StmtKind::TryStar), "TryStar");
  EXPECT_STREQ(name(ExprKind::Slice), "Slice");
  EXPECT_STREQ(name(PatternKind::MatchOr), "MatchOr");
}

}  // namespace
}  // namespace tpy::parse
