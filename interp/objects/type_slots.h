// interp/objects/type_slots.h -- The slots.def table in C++: slot rows, wrappers, heap-type slots.
//
// One row per (slot, dunder) of interp/objects/slots.def. For a built-in type, every slot it
// fills becomes a wrapper_descriptor in its dict (`int.__add__`), calling the slot with the
// row's WrapperKind convention. For a class, each slot gets either the native function it
// inherits unchanged (when the dunder found along the MRO is a wrapper of that very
// function, as CPython's update_one_slot), or the row's generic slot function, which looks
// the dunder up on the type and calls it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

enum class WrapperKind : uint8_t {
  GETATTR, NONE, SETATTR, DELATTR, UNARY, HASH, CALL,
  CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE,
  NEXT, DESCR_GET, DESCR_SET, DESCR_DELETE, INIT, NEW, FINALIZE,
  BINARY_L, BINARY_R, TERNARY_L, TERNARY_R, INQUIRY, LEN, SETITEM, DELITEM, CONTAINS,
};

// A slot function of any signature, stored untyped; the row's kind says what it really is.
using AnyFn = void (*)();

struct SlotRow {
  const char* name;     // "__add__"
  uint16_t offset;      // offsetof(TypeSlots, field)
  WrapperKind kind;
  AnyFn generic;        // the heap-type slot function for this row's field
};

// Row numbers (kRow___add__ ...), in slots.def order.
enum SlotRowId : int {
#define TPY_SLOT(field, dunder, wrapper) kRow_##dunder,
#include "interp/objects/slots.def"
#undef TPY_SLOT
  kNumSlotRows
};

extern const SlotRow kSlotRows[kNumSlotRows];

inline AnyFn slot_read(const TypeSlots& s, uint16_t offset) {
  AnyFn f;
  __builtin_memcpy(&f, reinterpret_cast<const char*>(&s) + offset, sizeof f);
  return f;
}
inline void slot_write(TypeSlots& s, uint16_t offset, AnyFn f) {
  __builtin_memcpy(reinterpret_cast<char*>(&s) + offset, &f, sizeof f);
}

// The interned str of a row's dunder name.
Value slot_row_name(int row);

// type_init: a wrapper (or `__hash__ = None`, or `__new__`) in t's dict for every slot t
// fills itself, unless the dict already has the name.
bool add_slot_wrappers(Type* t);
// type_new / type.__setattr__: recompute every slot of a heap type (or those whose dunder is
// [name], and in every subclass) from what its MRO defines.
void fixup_slot_dispatchers(Type* t);
void update_slots_for_name(Type* t, Value name);

// Calls a descriptor found on a type as an unbound method of [self]:
// descr(self, *args) without building a bound method when it is a function or method
// descriptor (kTypeMethodDescriptor), else through its __get__.
Value call_unbound(Value descr, Value self, const Value* args, size_t nargs,
                   Value kwnames = Value());
// Looks a special method up on type(self) and calls it: null with *found=false (and no
// exception) when the type has no such attribute.
Value call_special(Value self, Value name, const Value* args, size_t nargs, bool* found);

// `T.__new__`: the builtin function each type with a new_ slot carries in its dict.
Value make_tp_new_wrapper(Type* t);
bool is_tp_new_wrapper(Value v);

// `object.__init__` / `object.__new__`'s excess-argument rules need these two.
extern NewFn const object_new_fn;
extern InitFn const object_init_fn;

}  // namespace tpy
