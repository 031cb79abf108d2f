// interp/objects/type_slots.cpp -- slots.def expanded: slot wrappers of built-in types, generic
// slot functions of classes, and the choice between them (CPython's update_one_slot).
#include "interp/objects/type_slots.h"

#include <array>
#include <cstring>
#include <utility>
#include <vector>

#include "gc/roots.h"
#include "interp/objects/abstract.h"
#include "interp/objects/descr.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"

namespace tpy {

namespace {

// slots.def as a constexpr table, so the generic slot templates can read rows at compile time.
struct RowInfo {
  const char* name;
  uint16_t offset;
  WrapperKind kind;
};
#define BINOP(op) binop[static_cast<size_t>(BinOp::op)]
constexpr RowInfo kRowInfo[] = {
#define TPY_SLOT(field, dunder, wrapper) \
  {#dunder, static_cast<uint16_t>(offsetof(TypeSlots, field)), WrapperKind::wrapper},
#include "interp/objects/slots.def"
#undef TPY_SLOT
};
#undef BINOP
static_assert(sizeof(kRowInfo) / sizeof(kRowInfo[0]) == kNumSlotRows);

// The first row of a slot field (rows of one field are adjacent in slots.def).
constexpr int first_row_of(uint16_t offset) {
  for (int i = 0; i < kNumSlotRows; i++)
    if (kRowInfo[i].offset == offset) return i;
  return -1;
}

}  // namespace

// -- Argument vectors with the instance in front ---------------------------------------------------

namespace {

// [first, args...] (positional then keyword values) on the stack when small.
class PrependedArgs {
 public:
  PrependedArgs(Value first, const Value* args, size_t n) : m_root(m_small, 0) {
    Value* p = m_small;
    if (n + 1 > kSmall) {
      m_big.resize(n + 1);
      p = m_big.data();
      m_root.reset(p, n + 1);
    }
    p[0] = first;
    if (n) std::memcpy(p + 1, args, n * sizeof(Value));
    m_data = p;
  }
  const Value* data() const { return m_data; }

 private:
  static constexpr size_t kSmall = 12;
  Value m_small[kSmall];
  std::vector<Value> m_big;
  gc::TempRoot m_root;
  Value* m_data;
};

inline size_t kw_count(Value kwnames) { return kwnames.is_null() ? 0 : tuple_length(kwnames); }

}  // namespace

Value call_unbound(Value descr, Value self, const Value* args, size_t nargs, Value kwnames) {
  Type* dt = type_of(descr);
  if (dt->has_flag(kTypeMethodDescriptor)) {
    PrependedArgs all(self, args, nargs + kw_count(kwnames));
    return call(descr, all.data(), nargs + 1, kwnames);
  }
  DescrGetFn get = dt->slots.descr_get;
  Value bound = descr;
  if (get != nullptr) {
    bound = get(descr, self, Value::from_object(type_of(self)));
    if (bound.is_null()) return bound;
  }
  return call(bound, args, nargs, kwnames);
}

Value call_special(Value self, Value name, const Value* args, size_t nargs, bool* found) {
  Value descr = type_lookup(type_of(self), name);
  *found = !descr.is_null();
  if (descr.is_null()) return descr;
  return call_unbound(descr, self, args, nargs);
}

// -- Row names -------------------------------------------------------------------------------------

namespace {

StrConst g_row_names[kNumSlotRows] = {
#define TPY_SLOT(field, dunder, wrapper) StrConst(#dunder),
#include "interp/objects/slots.def"
#undef TPY_SLOT
};

}  // namespace

Value slot_row_name(int row) { return g_row_names[row].get(); }

namespace {

Value name_of(int row) { return slot_row_name(row); }

Value missing_method(Value self, int row) {
  return raise_no_attribute(self, name_of(row));
}

// Calls the dunder of [row] on self; AttributeError when the type lacks it.
Value call_row(Value self, int row, const Value* args, size_t nargs, Value kwnames = Value()) {
  Value descr = type_lookup(type_of(self), name_of(row));
  if (descr.is_null()) return missing_method(self, row);
  return call_unbound(descr, self, args, nargs, kwnames);
}

// Calls it if the type has it; NotImplemented if not (CPython's vectorcall_maybe).
Value call_row_maybe(Value self, int row, const Value* args, size_t nargs) {
  Value descr = type_lookup(type_of(self), name_of(row));
  if (descr.is_null()) return NotImplemented();
  return call_unbound(descr, self, args, nargs);
}

// -- Generic slot functions of heap types ------------------------------------------------------------

template <int R>
Value slot_unary(Value self) {
  return call_row(self, R, nullptr, 0);
}

int64_t hash_from_result(Value r) {
  if (r.is_int() || is_big_int(r)) return int_hash(r);
  if (is_bool(r)) return r == True() ? 1 : 0;
  if (is_instance_of(r, &int_type) && int_type.slots.hash != nullptr) {
    int64_t h = int_type.slots.hash(r);
    return h;
  }
  raise_error(exc_TypeError, "__hash__ method should return an integer");
  return -1;
}

int64_t hash_not_implemented(Value self) {
  raise_format(exc_TypeError, "unhashable type: '%.200s'", type_of(self)->c_name());
  return -1;
}

int64_t slot_hash(Value self) {
  Value descr = type_lookup(type_of(self), name_of(kRow___hash__));
  if (descr.is_null() || is_none(descr)) return hash_not_implemented(self);
  Value r = call_unbound(descr, self, nullptr, 0);
  if (r.is_null()) return -1;
  int64_t h = hash_from_result(r);
  return h == -1 && !error_occurred() ? -2 : h;
}

Value slot_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  return call_row(callable, kRow___call__, args, nargs, kwnames);
}

Value slot_richcompare(Value a, Value b, CompareOp op) {
  static constexpr int kRows[] = {kRow___lt__, kRow___le__, kRow___eq__,
                                  kRow___ne__, kRow___gt__, kRow___ge__};
  return call_row_maybe(a, kRows[static_cast<int>(op)], &b, 1);
}

Value slot_getattr_hook(Value self, Value name) {
  Type* t = type_of(self);
  Value getattr_d = type_lookup(t, name_of(kRow___getattr__));
  Value getattribute = type_lookup(t, name_of(kRow___getattribute__));
  Value r;
  if (getattribute.is_null() ||
      (type_of(getattribute) == &wrapper_descriptor_type &&
       static_cast<WrapperDescrObject*>(getattribute.as_object())->wrapped ==
           reinterpret_cast<AnyFn>(generic_getattr)))
    r = generic_getattr(self, name);
  else
    r = call_unbound(getattribute, self, &name, 1);
  if (r.is_null() && !getattr_d.is_null() && error_matches(exc_AttributeError)) {
    clear_exception();
    r = call_unbound(getattr_d, self, &name, 1);
  }
  return r;
}

int slot_setattro(Value self, Value name, Value v) {
  Value r;
  if (v.is_null()) {
    r = call_row(self, kRow___delattr__, &name, 1);
  } else {
    Value args[2] = {name, v};
    r = call_row(self, kRow___setattr__, args, 2);
  }
  return r.is_null() ? -1 : 0;
}

Value slot_iternext(Value self) {
  Value r = call_row(self, kRow___next__, nullptr, 0);
  // Exhaustion is a null return without an exception (type.h).
  if (r.is_null() && error_matches(exc_StopIteration)) clear_exception();
  return r;
}

Value slot_iter(Value self) {
  Value descr = type_lookup(type_of(self), name_of(kRow___iter__));
  if (descr.is_null() || is_none(descr))
    return raise_format(exc_TypeError, "'%.200s' object is not iterable", type_of(self)->c_name());
  return call_unbound(descr, self, nullptr, 0);
}

Value slot_descr_get(Value self, Value obj, Value type) {
  Value descr = type_lookup(type_of(self), name_of(kRow___get__));
  if (descr.is_null()) return self;
  Value args[2] = {obj.is_null() ? None() : obj, type.is_null() ? None() : type};
  return call_unbound(descr, self, args, 2);
}

int slot_descr_set(Value self, Value obj, Value v) {
  Value r;
  if (v.is_null()) {
    r = call_row(self, kRow___delete__, &obj, 1);
  } else {
    Value args[2] = {obj, v};
    r = call_row(self, kRow___set__, args, 2);
  }
  return r.is_null() ? -1 : 0;
}

int slot_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value r = call_row(self, kRow___init__, args, nargs, kwnames);
  if (r.is_null()) return -1;
  if (!is_none(r)) {
    raise_format(exc_TypeError, "__init__() should return None, not '%.200s'",
                 type_of(r)->c_name());
    return -1;
  }
  return 0;
}

Value slot_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value func = getattr(Value::from_object(type), name_of(kRow___new__));
  if (func.is_null()) return func;
  PrependedArgs all(Value::from_object(type), args, nargs + kw_count(kwnames));
  return call(func, all.data(), nargs + 1, kwnames);
}

void slot_finalize(Value self) {
  Value saved = fetch_exception();
  bool found;
  Value r = call_special(self, name_of(kRow___del__), nullptr, 0, &found);
  // Errors in __del__ are "ignored" (reported through sys.unraisablehook by the exceptions
  // part once it exists); the exception that was being raised survives.
  if (r.is_null()) clear_exception();
  if (!saved.is_null()) set_exception(saved);
}

// SLOT1BINFULL: a binary operator with a reflected twin (or divmod, or two-operand pow).
Value binop_full(Value self, Value other, int lrow, int rrow, AnyFn testfn, uint16_t offset) {
  Type* st = type_of(self);
  Type* ot = type_of(other);
  bool do_other = st != ot && slot_read(ot->slots, offset) == testfn;
  if (slot_read(st->slots, offset) == testfn) {
    if (do_other && type_is_subtype(ot, st)) {
      // method_is_overloaded: the subclass's reflected method goes first if it is its own.
      Value a = type_lookup(ot, name_of(rrow));
      bool overloaded = false;
      if (!a.is_null()) {
        Value b = type_lookup(st, name_of(rrow));
        overloaded = b.is_null() || !(a == b);
      }
      if (overloaded) {
        Value r = call_row_maybe(other, rrow, &self, 1);
        if (r.is_null() || !is_not_implemented(r)) return r;
        do_other = false;
      }
    }
    Value r = call_row_maybe(self, lrow, &other, 1);
    if (r.is_null() || !is_not_implemented(r) || ot == st) return r;
  }
  if (do_other) return call_row_maybe(other, rrow, &self, 1);
  return NotImplemented();
}

template <int R>
Value slot_binary(Value a, Value b) {
  constexpr uint16_t off = kRowInfo[R].offset;
  constexpr int first = first_row_of(off);
  if constexpr (off == offsetof(TypeSlots, getitem)) {
    return call_row(a, R, &b, 1);
  } else if constexpr (first + 1 < kNumSlotRows && kRowInfo[first + 1].offset == off) {
    return binop_full(a, b, first, first + 1, reinterpret_cast<AnyFn>(&slot_binary<R>), off);
  } else {
    // In-place operators have no reflected method.
    return call_row_maybe(a, first, &b, 1);
  }
}

Value slot_power(Value a, Value b, Value mod) {
  if (mod.is_null() || is_none(mod))
    return binop_full(a, b, kRow___pow__, kRow___rpow__, reinterpret_cast<AnyFn>(&slot_power),
                      offsetof(TypeSlots, power));
  // Three-argument pow() only tries __pow__ of the first operand (as CPython).
  if (type_of(a)->slots.power == slot_power) {
    Value args[2] = {b, mod};
    Value descr = type_lookup(type_of(a), name_of(kRow___pow__));
    if (descr.is_null()) return NotImplemented();
    return call_unbound(descr, a, args, 2);
  }
  return NotImplemented();
}

Value slot_inplace_power(Value a, Value b, Value) { return call_row_maybe(a, kRow___ipow__, &b, 1); }

int slot_bool(Value self) {
  Value r = call_row(self, kRow___bool__, nullptr, 0);
  if (r.is_null()) return -1;
  if (!is_bool(r)) {
    raise_format(exc_TypeError, "__bool__ should return bool, returned %.200s",
                 type_of(r)->c_name());
    return -1;
  }
  return r == True() ? 1 : 0;
}

int64_t slot_len(Value self) {
  Value r = call_row(self, kRow___len__, nullptr, 0);
  if (r.is_null()) return -1;
  Value i = number_index(r);
  if (i.is_null()) return -1;
  if (int_sign(i) < 0) {
    raise_error(exc_ValueError, "__len__() should return >= 0");
    return -1;
  }
  int64_t n;
  if (!int_to_i64(i, &n)) {
    raise_format(exc_OverflowError, "cannot fit '%.200s' into an index-sized integer",
                 type_of(r)->c_name());
    return -1;
  }
  return n;
}

int slot_setitem(Value self, Value key, Value v) {
  Value r;
  if (v.is_null()) {
    r = call_row(self, kRow___delitem__, &key, 1);
  } else {
    Value args[2] = {key, v};
    r = call_row(self, kRow___setitem__, args, 2);
  }
  return r.is_null() ? -1 : 0;
}

int slot_contains(Value self, Value item) {
  Value descr = type_lookup(type_of(self), name_of(kRow___contains__));
  if (descr.is_null() || is_none(descr)) {
    if (!descr.is_null()) {
      raise_format(exc_TypeError, "'%.200s' object is not a container", type_of(self)->c_name());
      return -1;
    }
  }
  Value r = call_unbound(descr, self, &item, 1);
  if (r.is_null()) return -1;
  return object_truthy(r);
}

template <int R>
AnyFn generic_for() {
  constexpr WrapperKind k = kRowInfo[R].kind;
  constexpr uint16_t off = kRowInfo[R].offset;
  if constexpr (k == WrapperKind::GETATTR || k == WrapperKind::NONE)
    return reinterpret_cast<AnyFn>(&slot_getattr_hook);
  else if constexpr (k == WrapperKind::SETATTR || k == WrapperKind::DELATTR)
    return reinterpret_cast<AnyFn>(&slot_setattro);
  else if constexpr (off == offsetof(TypeSlots, iter))
    return reinterpret_cast<AnyFn>(&slot_iter);
  else if constexpr (k == WrapperKind::UNARY)
    return reinterpret_cast<AnyFn>(&slot_unary<first_row_of(off)>);
  else if constexpr (k == WrapperKind::HASH)
    return reinterpret_cast<AnyFn>(&slot_hash);
  else if constexpr (k == WrapperKind::CALL)
    return reinterpret_cast<AnyFn>(&slot_call);
  else if constexpr (k >= WrapperKind::CMP_LT && k <= WrapperKind::CMP_GE)
    return reinterpret_cast<AnyFn>(&slot_richcompare);
  else if constexpr (k == WrapperKind::NEXT)
    return reinterpret_cast<AnyFn>(&slot_iternext);
  else if constexpr (k == WrapperKind::DESCR_GET)
    return reinterpret_cast<AnyFn>(&slot_descr_get);
  else if constexpr (k == WrapperKind::DESCR_SET || k == WrapperKind::DESCR_DELETE)
    return reinterpret_cast<AnyFn>(&slot_descr_set);
  else if constexpr (k == WrapperKind::INIT)
    return reinterpret_cast<AnyFn>(&slot_init);
  else if constexpr (k == WrapperKind::NEW)
    return reinterpret_cast<AnyFn>(&slot_new);
  else if constexpr (k == WrapperKind::FINALIZE)
    return reinterpret_cast<AnyFn>(&slot_finalize);
  else if constexpr (k == WrapperKind::BINARY_L || k == WrapperKind::BINARY_R)
    return reinterpret_cast<AnyFn>(&slot_binary<first_row_of(off)>);
  else if constexpr (off == offsetof(TypeSlots, power))
    return reinterpret_cast<AnyFn>(&slot_power);
  else if constexpr (off == offsetof(TypeSlots, inplace_power))
    return reinterpret_cast<AnyFn>(&slot_inplace_power);
  else if constexpr (k == WrapperKind::INQUIRY)
    return reinterpret_cast<AnyFn>(&slot_bool);
  else if constexpr (k == WrapperKind::LEN)
    return reinterpret_cast<AnyFn>(&slot_len);
  else if constexpr (k == WrapperKind::SETITEM || k == WrapperKind::DELITEM)
    return reinterpret_cast<AnyFn>(&slot_setitem);
  else if constexpr (k == WrapperKind::CONTAINS)
    return reinterpret_cast<AnyFn>(&slot_contains);
  else
    return nullptr;
}

}  // namespace


const SlotRow kSlotRows[kNumSlotRows] = {
#define TPY_SLOT(field, dunder, wrapper)                                             \
  {#dunder, kRowInfo[kRow_##dunder].offset, WrapperKind::wrapper, generic_for<kRow_##dunder>()},
#include "interp/objects/slots.def"
#undef TPY_SLOT
};

}  // namespace tpy

// -- Built-in types: slot wrappers in the dict ------------------------------------------------------

namespace tpy {

namespace {

AnyFn hash_not_implemented_fn() { return reinterpret_cast<AnyFn>(&hash_not_implemented); }

}  // namespace

bool add_slot_wrappers(Type* t) {
  Value d = t->m_dict;
  for (int r = 0; r < kNumSlotRows; r++) {
    const SlotRow& row = kSlotRows[r];
    if (row.kind == WrapperKind::NEW || row.kind == WrapperKind::NONE) continue;
    AnyFn f = slot_read(t->slots, row.offset);
    if (f == nullptr) continue;
    Value name = slot_row_name(r);
    if (name.is_null()) return false;
    if (!dict_get_str(d, name).is_null()) continue;
    Value w = f == hash_not_implemented_fn() ? None() : wrapper_descr_new(t, r, f);
    if (w.is_null() || dict_set(d, name, w) < 0) return false;
  }
  return true;
}

// -- Heap types: choosing each slot's function -----------------------------------------------------

namespace {

void fixup_field(Type* t, int first) {
  uint16_t offset = kSlotRows[first].offset;
  AnyFn specific = nullptr;
  AnyFn generic = nullptr;
  bool use_generic = false;
  for (int r = first; r < kNumSlotRows && kSlotRows[r].offset == offset; r++) {
    Value descr = type_lookup(t, slot_row_name(r));
    if (descr.is_null()) continue;
    Type* dt = type_of(descr);
    if (dt == &wrapper_descriptor_type) {
      auto* w = static_cast<WrapperDescrObject*>(descr.as_object());
      if (std::strcmp(kSlotRows[w->row].name, kSlotRows[r].name) == 0) {
        generic = kSlotRows[r].generic;
        if ((specific == nullptr || specific == w->wrapped) &&
            kSlotRows[w->row].kind == kSlotRows[r].kind && type_is_subtype(t, w->owner))
          specific = w->wrapped;
        else
          use_generic = true;
        continue;
      }
    } else if (kSlotRows[r].kind == WrapperKind::NEW && is_tp_new_wrapper(descr)) {
      Type* owner = static_cast<BuiltinFunctionObject*>(descr.as_object())->owner;
      specific = reinterpret_cast<AnyFn>(owner->slots.new_);
      continue;
    } else if (is_none(descr) && offset == offsetof(TypeSlots, hash)) {
      specific = hash_not_implemented_fn();
      continue;
    }
    use_generic = true;
    generic = kSlotRows[r].generic;
  }
  slot_write(t->slots, offset, (specific != nullptr && !use_generic) ? specific : generic);
}

void fixup_rows_named(Type* t, Value name) {
  if (!t->is_heap()) return;
  for (int r = 0; r < kNumSlotRows; r++) {
    if (!str_equal(slot_row_name(r), name)) continue;
    fixup_field(t, first_row_of(kSlotRows[r].offset));
  }
  if (t->m_subclasses.is_null()) return;
  for (int64_t i = 0; i < list_length(t->m_subclasses); i++) {
    Value s = list_at(t->m_subclasses, i);
    if (is_type(s)) fixup_rows_named(as_type(s), name);
  }
}

}  // namespace

void fixup_slot_dispatchers(Type* t) {
  for (int r = 0; r < kNumSlotRows; r++)
    if (r == first_row_of(kSlotRows[r].offset)) fixup_field(t, r);
}

void update_slots_for_name(Type* t, Value name) { fixup_rows_named(t, name); }

// -- Calling a slot wrapper ------------------------------------------------------------------------

namespace {

bool check_num_args(size_t nargs, size_t n) {
  if (nargs == n) return true;
  raise_format(exc_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs);
  return false;
}

Value none_or(int r) { return r < 0 ? Value() : None(); }

}  // namespace

namespace {

// CPython's hackcheck: object.__setattr__(int, ...) must not jump over type's own C-level
// setattr (the one that keeps built-in types immutable and type versions right).
bool hackcheck(Value self, AnyFn func, const char* what) {
  Type* type = type_of(self);
  if (type->m_mro.is_null()) return true;
  auto own = reinterpret_cast<AnyFn>(type->slots.setattro);
  auto generic = reinterpret_cast<AnyFn>(&slot_setattro);
  Type* defining = type;
  for (int64_t i = tuple_length(type->m_mro) - 1; i >= 0; i--) {
    Type* b = as_type(tuple_at(type->m_mro, i));
    auto bs = reinterpret_cast<AnyFn>(b->slots.setattro);
    if (bs != generic && bs == own) {
      defining = b;
      break;
    }
  }
  for (Type* b = defining; b != nullptr; b = b->m_base) {
    auto bs = reinterpret_cast<AnyFn>(b->slots.setattro);
    if (bs == func) break;
    if (bs != generic) {
      raise_format(exc_TypeError, "can't apply this %s to %s object", what, type->c_name());
      return false;
    }
  }
  return true;
}

}  // namespace

Value call_wrapper(const WrapperDescrObject* d, Value self, const Value* args, size_t nargs,
                   Value kwnames) {
  const SlotRow& row = kSlotRows[d->row];
  AnyFn f = d->wrapped;
  if (row.kind != WrapperKind::CALL && row.kind != WrapperKind::INIT && kw_count(kwnames) > 0)
    return raise_format(exc_TypeError, "wrapper %s() takes no keyword arguments", row.name);
  switch (row.kind) {
    case WrapperKind::GETATTR:
      if (!check_num_args(nargs, 1)) return Value();
      return reinterpret_cast<GetAttrFn>(f)(self, args[0]);
    case WrapperKind::SETATTR:
      if (!check_num_args(nargs, 2) || !hackcheck(self, f, "__setattr__")) return Value();
      return none_or(reinterpret_cast<SetAttrFn>(f)(self, args[0], args[1]));
    case WrapperKind::DELATTR:
      if (!check_num_args(nargs, 1) || !hackcheck(self, f, "__delattr__")) return Value();
      return none_or(reinterpret_cast<SetAttrFn>(f)(self, args[0], Value()));
    case WrapperKind::UNARY:
      if (!check_num_args(nargs, 0)) return Value();
      return reinterpret_cast<UnaryFn>(f)(self);
    case WrapperKind::HASH: {
      if (!check_num_args(nargs, 0)) return Value();
      int64_t h = reinterpret_cast<HashFn>(f)(self);
      if (h == -1 && error_occurred()) return Value();
      return int_from_i64(h);
    }
    case WrapperKind::CALL:
      return reinterpret_cast<VectorFn>(f)(self, args, nargs, kwnames);
    case WrapperKind::CMP_LT: case WrapperKind::CMP_LE: case WrapperKind::CMP_EQ:
    case WrapperKind::CMP_NE: case WrapperKind::CMP_GT: case WrapperKind::CMP_GE: {
      if (!check_num_args(nargs, 1)) return Value();
      auto op = static_cast<CompareOp>(static_cast<int>(row.kind) -
                                       static_cast<int>(WrapperKind::CMP_LT));
      return reinterpret_cast<CompareFn>(f)(self, args[0], op);
    }
    case WrapperKind::NEXT: {
      if (!check_num_args(nargs, 0)) return Value();
      Value r = reinterpret_cast<UnaryFn>(f)(self);
      if (r.is_null() && !error_occurred()) return raise_empty(exc_StopIteration);
      return r;
    }
    case WrapperKind::DESCR_GET: {
      if (nargs < 1 || nargs > 2)
        return raise_format(exc_TypeError, "expected %s 2 arguments, got %zu",
                            nargs < 1 ? "at least" : "at most", nargs);
      Value obj = is_none(args[0]) ? Value() : args[0];
      Value type = nargs > 1 && !is_none(args[1]) ? args[1] : Value();
      if (obj.is_null() && type.is_null())
        return raise_error(exc_TypeError, "__get__(None, None) is invalid");
      return reinterpret_cast<DescrGetFn>(f)(self, obj, type);
    }
    case WrapperKind::DESCR_SET:
      if (!check_num_args(nargs, 2)) return Value();
      return none_or(reinterpret_cast<DescrSetFn>(f)(self, args[0], args[1]));
    case WrapperKind::DESCR_DELETE:
      if (!check_num_args(nargs, 1)) return Value();
      return none_or(reinterpret_cast<DescrSetFn>(f)(self, args[0], Value()));
    case WrapperKind::INIT:
      return none_or(reinterpret_cast<InitFn>(f)(self, args, nargs, kwnames));
    case WrapperKind::FINALIZE:
      if (!check_num_args(nargs, 0)) return Value();
      reinterpret_cast<FinalizeFn>(f)(self);
      return error_occurred() ? Value() : None();
    case WrapperKind::BINARY_L:
      if (!check_num_args(nargs, 1)) return Value();
      return reinterpret_cast<BinaryFn>(f)(self, args[0]);
    case WrapperKind::BINARY_R:
      if (!check_num_args(nargs, 1)) return Value();
      return reinterpret_cast<BinaryFn>(f)(args[0], self);
    case WrapperKind::TERNARY_L:
    case WrapperKind::TERNARY_R: {
      if (nargs < 1 || nargs > 2)
        return raise_format(exc_TypeError, "expected %s, got %zu",
                            nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
      Value third = nargs > 1 ? args[1] : None();
      if (row.kind == WrapperKind::TERNARY_L)
        return reinterpret_cast<TernaryFn>(f)(self, args[0], third);
      return reinterpret_cast<TernaryFn>(f)(args[0], self, third);
    }
    case WrapperKind::INQUIRY: {
      if (!check_num_args(nargs, 0)) return Value();
      int r = reinterpret_cast<InquiryFn>(f)(self);
      return r < 0 ? Value() : Bool(r);
    }
    case WrapperKind::LEN: {
      if (!check_num_args(nargs, 0)) return Value();
      int64_t n = reinterpret_cast<LenFn>(f)(self);
      return n < 0 ? Value() : int_from_i64(n);
    }
    case WrapperKind::SETITEM:
      if (!check_num_args(nargs, 2)) return Value();
      return none_or(reinterpret_cast<SetItemFn>(f)(self, args[0], args[1]));
    case WrapperKind::DELITEM:
      if (!check_num_args(nargs, 1)) return Value();
      return none_or(reinterpret_cast<SetItemFn>(f)(self, args[0], Value()));
    case WrapperKind::CONTAINS: {
      if (!check_num_args(nargs, 1)) return Value();
      int r = reinterpret_cast<ContainsFn>(f)(self, args[0]);
      return r < 0 ? Value() : Bool(r);
    }
    case WrapperKind::NEW:
    case WrapperKind::NONE:
      break;
  }
  TPY_UNREACHABLE();
}

// -- T.__new__ -------------------------------------------------------------------------------------

namespace {

Value tp_new_wrapper(Value self, const Value* args, size_t nargs, Value kwnames) {
  Type* type = as_type(self);
  if (nargs < 1)
    return raise_format(exc_TypeError, "%s.__new__(): not enough arguments", type->c_name());
  Value arg0 = args[0];
  if (!is_type(arg0))
    return raise_format(exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                        type->c_name(), type_of(arg0)->c_name());
  Type* subtype = as_type(arg0);
  if (!type_is_subtype(subtype, type))
    return raise_format(exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                        type->c_name(), subtype->c_name(), subtype->c_name(), type->c_name());
  // The most derived base that is not a class defining __new__ in Python must use this
  // very __new__ ("is not safe" otherwise: the layout would not be initialised).
  Type* staticbase = subtype;
  while (staticbase != nullptr && staticbase->slots.new_ == reinterpret_cast<NewFn>(
                                                               kSlotRows[kRow___new__].generic))
    staticbase = staticbase->m_base;
  if (staticbase != nullptr && staticbase->slots.new_ != type->slots.new_)
    return raise_format(exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                        type->c_name(), subtype->c_name(), staticbase->c_name());
  return type->slots.new_(subtype, args + 1, nargs - 1, kwnames);
}

const MethodDef kTpNewDef = {"__new__", tp_new_wrapper, kMethFastKw,
                             "Create and return a new object.  "
                             "See help(type) for accurate signature."};

}  // namespace

Value make_tp_new_wrapper(Type* t) {
  return builtin_method_new(&kTpNewDef, Value::from_object(t), t);
}

bool is_tp_new_wrapper(Value v) {
  return v.is_object() && type_of(v) == &builtin_function_type &&
         static_cast<BuiltinFunctionObject*>(v.as_object())->def == &kTpNewDef;
}

}  // namespace tpy
