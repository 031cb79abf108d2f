// interp/objects/bool_num.cpp -- bool's numeric side: & | ^ of two bools stay bools, as CPython's.
//
// Everything else bool inherits from int (int's slots read True and False as 1 and 0).
#include "interp/objects/singletons.h"
#include "interp/objects/type.h"

namespace tpy {

namespace {

BinaryFn int_and_slot, int_or_slot, int_xor_slot;

#define TPY_BOOL_BITOP(fname, inherited, expr)                              \
  Value fname(Value a, Value b) {                                           \
    if (is_bool(a) && is_bool(b)) {                                         \
      bool x = a == True(), y = b == True();                                \
      return Bool(expr);                                                    \
    }                                                                       \
    return inherited(a, b);                                                 \
  }
TPY_BOOL_BITOP(bool_and, int_and_slot, x && y)
TPY_BOOL_BITOP(bool_or, int_or_slot, x || y)
TPY_BOOL_BITOP(bool_xor, int_xor_slot, x != y)
#undef TPY_BOOL_BITOP

}  // namespace

bool init_bool_numbers() {
  TypeSlots& s = bool_type.slots;
  int_and_slot = int_type.slots.binop[static_cast<size_t>(BinOp::And)];
  int_or_slot = int_type.slots.binop[static_cast<size_t>(BinOp::Or)];
  int_xor_slot = int_type.slots.binop[static_cast<size_t>(BinOp::Xor)];
  if (int_and_slot == nullptr || int_or_slot == nullptr || int_xor_slot == nullptr) return true;
  s.binop[static_cast<size_t>(BinOp::And)] = bool_and;
  s.binop[static_cast<size_t>(BinOp::Or)] = bool_or;
  s.binop[static_cast<size_t>(BinOp::Xor)] = bool_xor;
  return true;
}

}  // namespace tpy
