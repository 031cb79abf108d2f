// interp/objects/abstract_num.cpp -- Number protocol: binary operators with CPython's reflected
// dispatch (binary_op1 / ternary_op), in-place operators, unary operators, conversions.
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"

namespace tpy {

namespace {

inline BinaryFn binop_slot(Type* t, BinOp op) { return t->slots.binop[static_cast<size_t>(op)]; }

// CPython's binary_op1: the left operand's slot, unless the right operand's type is a proper
// subclass with its own slot, which then goes first.
Value binary_op1(Value v, Value w, BinaryFn slotv, BinaryFn slotw) {
  Type* tv = type_of(v);
  Type* tw = type_of(w);
  if (tw == tv || slotw == slotv) slotw = nullptr;
  if (slotv != nullptr) {
    if (slotw != nullptr && type_is_subtype(tw, tv)) {
      Value x = slotw(v, w);
      if (x.is_null() || !is_not_implemented(x)) return x;
      slotw = nullptr;
    }
    Value x = slotv(v, w);
    if (x.is_null() || !is_not_implemented(x)) return x;
  }
  if (slotw != nullptr) return slotw(v, w);
  return NotImplemented();
}

Value binop_type_error(Value a, Value b, const char* sym) {
  return raise_format(exc_TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'",
                      sym, type_of(a)->c_name(), type_of(b)->c_name());
}

Value ternary_op(Value v, Value w, Value z, const char* sym) {
  Type* tv = type_of(v);
  Type* tw = type_of(w);
  TernaryFn slotv = tv->slots.power;
  TernaryFn slotw = tw != tv ? tw->slots.power : nullptr;
  if (slotw == slotv) slotw = nullptr;
  if (slotv != nullptr) {
    if (slotw != nullptr && type_is_subtype(tw, tv)) {
      Value x = slotw(v, w, z);
      if (x.is_null() || !is_not_implemented(x)) return x;
      slotw = nullptr;
    }
    Value x = slotv(v, w, z);
    if (x.is_null() || !is_not_implemented(x)) return x;
  }
  if (slotw != nullptr) {
    Value x = slotw(v, w, z);
    if (x.is_null() || !is_not_implemented(x)) return x;
  }
  if (!is_none(z)) {
    TernaryFn slotz = type_of(z)->slots.power;
    if (slotz != nullptr && slotz != slotv && slotz != slotw) {
      Value x = slotz(v, w, z);
      if (x.is_null() || !is_not_implemented(x)) return x;
    }
    return raise_format(exc_TypeError,
                        "unsupported operand type(s) for %.100s: '%.100s', '%.100s', '%.100s'",
                        sym, tv->c_name(), tw->c_name(), type_of(z)->c_name());
  }
  return binop_type_error(v, w, sym);
}

}  // namespace

Value binary_op(Value a, Value b, BinOp op) {
  if (op == BinOp::Power) return power(a, b, None());
  if (op == BinOp::InplacePower) return inplace_power(a, b);
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  if (binop_is_inplace(op)) {
    BinaryFn islot = binop_slot(ta, op);
    if (islot != nullptr) {
      Value x = islot(a, b);
      if (x.is_null() || !is_not_implemented(x)) return x;
    }
  }
  BinOp plain = binop_plain(op);
  Value x = binary_op1(a, b, binop_slot(ta, plain), binop_slot(tb, plain));
  if (x.is_null() || !is_not_implemented(x)) return x;
  return binop_type_error(a, b, binop_symbol(op));
}

Value power(Value a, Value b, Value mod) {
  if (mod.is_null()) mod = None();
  return ternary_op(a, b, mod, "** or pow()");
}

Value inplace_power(Value a, Value b) {
  TernaryFn islot = type_of(a)->slots.inplace_power;
  if (islot != nullptr) {
    Value x = islot(a, b, None());
    if (x.is_null() || !is_not_implemented(x)) return x;
  }
  return ternary_op(a, b, None(), "**=");
}

Value number_divmod(Value a, Value b) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  Value x = binary_op1(a, b, ta->slots.divmod, tb->slots.divmod);
  if (x.is_null() || !is_not_implemented(x)) return x;
  return binop_type_error(a, b, "divmod()");
}

namespace {

Value unary(Value v, UnaryFn f, const char* sym) {
  if (f == nullptr)
    return raise_format(exc_TypeError, "bad operand type for %s: '%.200s'", sym,
                        type_of(v)->c_name());
  return f(v);
}

}  // namespace

Value unary_neg(Value v) {
  if (v.is_int()) return int_neg(v);
  return unary(v, type_of(v)->slots.neg, "unary -");
}
Value unary_pos(Value v) {
  if (v.is_int()) return v;
  return unary(v, type_of(v)->slots.pos, "unary +");
}
Value unary_invert(Value v) {
  if (v.is_int()) return int_invert(v);
  return unary(v, type_of(v)->slots.invert, "unary ~");
}
Value number_abs(Value v) {
  if (v.is_int()) return int_abs(v);
  return unary(v, type_of(v)->slots.abs, "abs()");
}

Value number_index(Value v) {
  if (is_exact_int(v)) return v;
  if (is_bool(v)) return Value::from_int(v == True() ? 1 : 0);
  UnaryFn f = type_of(v)->slots.index;
  if (f == nullptr)
    return raise_format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                        type_of(v)->c_name());
  Value r = f(v);
  if (r.is_null() || is_exact_int(r)) return r;
  if (is_bool(r)) return Value::from_int(r == True() ? 1 : 0);
  if (is_instance_of(r, &int_type) && int_type.slots.index != nullptr)
    return int_type.slots.index(r);  // 3.11 also warns (DeprecationWarning)
  return raise_format(exc_TypeError, "__index__ returned non-int (type %.200s)",
                      type_of(r)->c_name());
}

Value number_long(Value v) {
  if (is_exact_int(v)) return v;
  if (is_bool(v)) return Value::from_int(v == True() ? 1 : 0);
  Type* t = type_of(v);
  if (t->slots.int_ != nullptr) {
    Value r = t->slots.int_(v);
    if (r.is_null() || is_exact_int(r)) return r;
    if (is_instance_of(r, &int_type)) return number_index(r);
    return raise_format(exc_TypeError, "__int__ returned non-int (type %.200s)",
                        type_of(r)->c_name());
  }
  if (t->slots.index != nullptr) return number_index(v);
  static StrConst k_trunc("__trunc__");
  Value trunc = lookup_special(v, k_trunc.get());
  if (!trunc.is_null()) {
    Value r = call0(trunc);
    if (r.is_null() || is_exact_int(r)) return r;
    if (is_instance_of(r, &int_type)) return number_index(r);
    if (type_of(r)->slots.index == nullptr)
      return raise_format(exc_TypeError, "__trunc__ returned non-Integral (type %.200s)",
                          type_of(r)->c_name());
    return number_index(r);
  }
  if (error_occurred()) return Value();
  // TODO(numbers): str, bytes and bytearray arguments are parsed by int's constructor.
  return raise_format(exc_TypeError,
                      "int() argument must be a string, a bytes-like object or a real number, "
                      "not '%.200s'",
                      t->c_name());
}

Value number_float(Value v) {
  Type* t = type_of(v);
  if (t->slots.float_ != nullptr) return t->slots.float_(v);
  // TODO(numbers): ints and __index__ objects convert through the float type.
  return raise_format(exc_TypeError, "float() argument must be a string or a real number, not '%.200s'",
                      t->c_name());
}

bool index_to_i64(Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.as_int();
    return true;
  }
  Value i = number_index(v);
  if (i.is_null()) return false;
  if (!int_to_i64(i, out)) {
    raise_format(exc_OverflowError, "cannot fit '%.200s' into an index-sized integer",
                 type_of(v)->c_name());
    return false;
  }
  return true;
}

}  // namespace tpy
