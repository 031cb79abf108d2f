// tests/unit/codegen_test.cpp -- Unit tests of the bytecode compiler's tables and output layout.
#include <gtest/gtest.h>

#include "interp/compile/codegen.h"
#include "interp/compile/dis.h"
#include "interp/parse/parser.h"
#include "interp/vm/opcode.h"

namespace tpy::compile {
namespace {

using vm::Op;

CompileResult compile_text(const std::string& src, int optimize = 0) {
  static parse::Arena* arena = new parse::Arena();
  parse::ParseResult r = parse::parse(src, "<test>", parse::ParseMode::Exec, *arena,
                                      parse::SourceOrigin::String);
  EXPECT_NE(r.mod, nullptr);
  CompileOptions o;
  o.optimize = optimize;
  return compile(r.mod, src, "<test>", CompileMode::Exec, o);
}

TEST(Opcodes, TableMatchesCPython311) {
  EXPECT_EQ(int(Op::LOAD_GLOBAL), 116);
  EXPECT_EQ(vm::op_caches(int(Op::LOAD_GLOBAL)), 5);
  EXPECT_EQ(vm::op_caches(int(Op::LOAD_METHOD)), 10);
  EXPECT_EQ(vm::op_caches(int(Op::CALL)), 4);
  EXPECT_STREQ(vm::op_name(int(Op::BINARY_OP_ADD_INT)), "BINARY_OP_ADD_INT");
  EXPECT_EQ(vm::op_family(int(Op::BINARY_OP_ADD_INT)), int(Op::BINARY_OP));
  EXPECT_EQ(vm::op_caches(int(Op::LOAD_ATTR_INSTANCE_VALUE)), 4);
  EXPECT_EQ(vm::stack_effect(int(Op::FOR_ITER), 0, true), -1);
  EXPECT_EQ(vm::stack_effect(int(Op::FOR_ITER), 0, false), 1);
  EXPECT_EQ(vm::stack_effect(int(Op::LOAD_GLOBAL), 1, false), 2);
  EXPECT_TRUE(vm::op_is_pseudo(int(Op::SETUP_FINALLY)));
  EXPECT_FALSE(vm::op_has_arg(int(Op::POP_TOP)));
}

TEST(Codegen, ModuleLayoutAndCaches) {
  CompileResult r = compile_text("x = len(y)\n");
  ASSERT_NE(r.code, nullptr);
  const CodeUnit& c = *r.code;
  EXPECT_EQ(c.code[0] & 0xff, int(Op::RESUME));
  // Every code unit has a position; caches follow their instruction as zero units.
  EXPECT_EQ(c.positions.size(), c.code.size());
  size_t i = 1;
  EXPECT_EQ(c.code[i] & 0xff, int(Op::PUSH_NULL));
  EXPECT_EQ(c.code[i + 1] & 0xff, int(Op::LOAD_NAME));
  EXPECT_EQ(c.names[0], "len");
  EXPECT_EQ(c.positions[1].line, 1);
  EXPECT_EQ(c.stacksize, 3);
}

TEST(Codegen, FunctionFlagsCellsAndExceptionTable) {
  CompileResult r = compile_text(
      "def f(a, *args):\n"
      "    def g():\n"
      "        return a\n"
      "    try:\n"
      "        yield g\n"
      "    except E:\n"
      "        pass\n");
  ASSERT_NE(r.code, nullptr);
  const CodeUnit* f = nullptr;
  for (const Constant& k : r.code->consts) {
    if (k.kind == Constant::Kind::Code) f = k.code.get();
  }
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->flags & CO_GENERATOR);
  EXPECT_TRUE(f->flags & CO_VARARGS);
  EXPECT_EQ(f->argcount, 1);
  ASSERT_GE(f->localsplus_names.size(), 2u);
  EXPECT_EQ(f->localsplus_names[0], "a");
  EXPECT_EQ(f->localsplus_kinds[0], CO_FAST_LOCAL | CO_FAST_CELL);
  EXPECT_FALSE(f->exception_table.empty());
  EXPECT_EQ(f->consts[0].kind, Constant::Kind::None);  // no docstring
}

TEST(Codegen, ConstantFolding) {
  CompileResult r = compile_text("x = (2 ** 10, -1, 'a' * 3, (1, 2), __debug__)\n");
  ASSERT_NE(r.code, nullptr);
  bool found = false;
  for (const Constant& k : r.code->consts) {
    if (k.kind == Constant::Kind::Tuple && k.repr() == "(1024, -1, 'aaa', (1, 2), True)") found = true;
  }
  EXPECT_TRUE(found);
}

TEST(Codegen, ErrorsAndWarnings) {
  CompileResult r = compile_text("assert (x, 1)\nbreak\n");
  EXPECT_EQ(r.code, nullptr);
  EXPECT_EQ(r.error.msg, "'break' outside loop");
  EXPECT_EQ(r.error.lineno, 2);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].msg, "assertion is always true, perhaps remove parentheses?");
  CompileResult o = compile_text("assert x\n", 1);
  ASSERT_NE(o.code, nullptr);
  std::string text;
  disassemble(text, *o.code);
  EXPECT_EQ(text.find("LOAD_ASSERTION_ERROR"), std::string::npos);
}

TEST(Codegen, ExtendedArg) {
  std::string src = "x = [";
  for (int i = 0; i < 300; i++) src += "a" + std::to_string(i) + ", ";
  src += "]\nfor i in x:\n    pass\n";
  CompileResult r = compile_text(src);
  ASSERT_NE(r.code, nullptr);
  bool ext = false;
  for (uint16_t u : r.code->code) ext = ext || (u & 0xff) == int(Op::EXTENDED_ARG);
  EXPECT_TRUE(ext);
}

}  // namespace
}  // namespace tpy::compile
