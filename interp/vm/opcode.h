// interp/vm/opcode.h -- Opcode enum and per-opcode tables, all generated from opcodes.def.
#pragma once

#include <array>
#include <cstdint>

namespace tpy::vm {

// What an instruction's oparg means (for the compiler, the disassembler and the interpreter).
enum class ArgKind : uint8_t {
  None,          // no argument (oparg ignored, always 0)
  Int,           // a count, flag or stack index
  Const,         // index into the constants
  Name,          // index into the names
  GlobalName,    // LOAD_GLOBAL: name index << 1 | push-NULL bit
  Local,         // index into localsplus (a plain local)
  Free,          // index into localsplus (a cell or free variable)
  JumpForward,   // relative: target = next instruction (after caches) + oparg, in code units
  JumpBackward,  // relative: target = next instruction (after caches) - oparg
  Compare,       // COMPARE_OP: index into the comparison operators (< <= == != > >=)
  BinaryOp,      // BINARY_OP: NB_* below
  FormatValue,   // FORMAT_VALUE: conversion (0-3) | 4 if a format spec is on the stack
  MakeFunction,  // MAKE_FUNCTION: flags below
};

// Every opcode, real (< 256), specialised (< 256, free slots) and pseudo (>= 256).
enum class Op : uint16_t {
#define TPY_OP(name, num, kind, caches, effect) name = num,
#define TPY_OP_SPEC(name, num, family) name = num,
#define TPY_OP_PSEUDO(name, num, kind, effect) name = num,
#include "interp/vm/opcodes.def"
};

inline constexpr int kHaveArgument = 90;  // real opcodes >= this take an oparg
inline constexpr int kNumPseudo = 10;
inline constexpr int kOpTableSize = 256 + kNumPseudo;

// BINARY_OP's oparg (CPython's NB_*): the in-place forms are the binary ones + 13.
enum BinaryOpArg : uint8_t {
  NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY, NB_REMAINDER,
  NB_OR, NB_POWER, NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR,
  NB_INPLACE_ADD, NB_INPLACE_AND, NB_INPLACE_FLOOR_DIVIDE, NB_INPLACE_LSHIFT,
  NB_INPLACE_MATRIX_MULTIPLY, NB_INPLACE_MULTIPLY, NB_INPLACE_REMAINDER, NB_INPLACE_OR,
  NB_INPLACE_POWER, NB_INPLACE_RSHIFT, NB_INPLACE_SUBTRACT, NB_INPLACE_TRUE_DIVIDE,
  NB_INPLACE_XOR,
};
// The operator text dis prints for each NB_* value.
inline constexpr const char* kBinaryOpSymbols[] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};

// COMPARE_OP's oparg (Py_LT ... Py_GE).
enum CompareOpArg : uint8_t { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };
inline constexpr const char* kCompareOpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

// MAKE_FUNCTION flags: which extra items are on the stack below the code object.
enum MakeFunctionFlag : uint8_t {
  MF_DEFAULTS = 0x01, MF_KWDEFAULTS = 0x02, MF_ANNOTATIONS = 0x04, MF_CLOSURE = 0x08,
};

// FORMAT_VALUE oparg.
enum FormatValueArg : uint8_t {
  FVC_NONE = 0, FVC_STR = 1, FVC_REPR = 2, FVC_ASCII = 3, FVC_MASK = 3, FVS_HAVE_SPEC = 4,
};

// RESUME's oparg: where the frame resumes.
enum ResumeArg : uint8_t { RESUME_START = 0, RESUME_AFTER_YIELD = 1, RESUME_AFTER_YIELD_FROM = 2,
                           RESUME_AFTER_AWAIT = 3 };

namespace detail {
struct OpInfo {
  const char* name = nullptr;  // null: no such opcode
  ArgKind kind = ArgKind::None;
  uint8_t caches = 0;
  uint16_t family = 0;  // the unspecialised opcode (itself for a base opcode)
  bool specialised = false;
  bool pseudo = false;
};

constexpr std::array<OpInfo, kOpTableSize> make_op_table() {
  std::array<OpInfo, kOpTableSize> t{};
#define TPY_OP(n, num, k, c, effect) t[num] = {#n, ArgKind::k, c, num, false, false};
#define TPY_OP_PSEUDO(n, num, k, effect) t[num] = {#n, ArgKind::k, 0, num, false, true};
#include "interp/vm/opcodes.def"
#define TPY_OP_SPEC(n, num, fam) \
  t[num] = {#n, t[int(Op::fam)].kind, t[int(Op::fam)].caches, uint16_t(Op::fam), true, false};
#include "interp/vm/opcodes.def"
  return t;
}
inline constexpr std::array<OpInfo, kOpTableSize> kOpTable = make_op_table();
}  // namespace detail

constexpr bool op_exists(int op) {
  return op >= 0 && op < kOpTableSize && detail::kOpTable[op].name != nullptr;
}
// CPython's opname; "<N>" slots have no name here (nullptr).
constexpr const char* op_name(int op) { return op_exists(op) ? detail::kOpTable[op].name : nullptr; }
constexpr const char* op_name(Op op) { return op_name(int(op)); }
constexpr ArgKind op_arg_kind(int op) { return detail::kOpTable[op].kind; }
constexpr bool op_has_arg(int op) { return op_arg_kind(op) != ArgKind::None; }
// Number of inline cache code units that follow the instruction.
constexpr int op_caches(int op) { return detail::kOpTable[op].caches; }
constexpr int op_caches(Op op) { return op_caches(int(op)); }
// The base instruction of a specialised one (identity otherwise): what to deoptimise to.
constexpr int op_family(int op) { return detail::kOpTable[op].family; }
constexpr bool op_is_specialised(int op) { return detail::kOpTable[op].specialised; }
constexpr bool op_is_pseudo(int op) { return op >= 256; }
constexpr bool op_is_jump(int op) {
  ArgKind k = op_arg_kind(op);
  return k == ArgKind::JumpForward || k == ArgKind::JumpBackward;
}

// Net stack effect of [op] with [oparg]; for a branch, [jump] selects the taken (true) or
// fall-through (false) edge. Specialised opcodes have their family's effect.
constexpr int stack_effect(int op, int oparg, bool jump) {
  switch (op_family(op)) {
#define TPY_OP(n, num, k, c, effect) \
  case num: return (effect);
#define TPY_OP_PSEUDO(n, num, k, effect) \
  case num: return (effect);
#include "interp/vm/opcodes.def"
  }
  return 0;
}
constexpr int stack_effect(Op op, int oparg, bool jump) { return stack_effect(int(op), oparg, jump); }

}  // namespace tpy::vm
