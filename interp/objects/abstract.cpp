// interp/objects/abstract.cpp -- Generic operations: text, truth, hashing, comparison,
// isinstance/issubclass (CPython's object.c and the isinstance half of abstract.c).
#include "interp/objects/abstract.h"

#include <string>

#include "gc/barrier.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"
#include "interp/unicode/utf8.h"

namespace tpy {

namespace {

// Native recursion guard for operations that may call back into Python.
class RecursionGuard {
 public:
  explicit RecursionGuard(const char* where) {
    ThreadState& t = ts();
    if (++t.recursion_depth > t.recursion_limit) {
      m_failed = true;
      raise_format(exc_RecursionError, "maximum recursion depth exceeded%s", where);
    }
  }
  ~RecursionGuard() { --ts().recursion_depth; }
  bool failed() const { return m_failed; }

 private:
  bool m_failed = false;
};

const char* const kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

}  // namespace

// -- Attribute errors --------------------------------------------------------------------------------

void attribute_error_set_context(Value obj, Value name) {
  Value exc = pending_exception();
  if (exc.is_null() || !is_instance_of(exc, exc_AttributeError)) return;
  auto* e = static_cast<AttributeErrorObject*>(exc.as_object());
  if (e->name.is_null()) gc::store(e, &e->name, name);
  if (e->obj.is_null()) gc::store(e, &e->obj, obj);
}

Value raise_no_attribute(Value obj, Value name) {
  raise_format(exc_AttributeError, "'%.100s' object has no attribute '%U'",
               type_of(obj)->c_name(), name);
  attribute_error_set_context(obj, name);
  return Value();
}

// -- Text ------------------------------------------------------------------------------------------

Value object_repr(Value v) {
  UnaryFn f = type_of(v)->slots.repr;
  if (f == nullptr) {
    return str_from_utf8(std::string("<") + type_of(v)->c_name() + " object at " +
                         address_text(v) + ">");
  }
  RecursionGuard guard(" while getting the repr of an object");
  if (guard.failed()) return Value();
  Value r = f(v);
  if (r.is_null()) return r;
  if (!is_str(r))
    return raise_format(exc_TypeError, "__repr__ returned non-string (type %.200s)",
                        type_of(r)->c_name());
  return r;
}

Value object_str(Value v) {
  if (is_exact_str(v)) return v;
  UnaryFn f = type_of(v)->slots.str;
  if (f == nullptr) return object_repr(v);
  RecursionGuard guard(" while getting the str of an object");
  if (guard.failed()) return Value();
  Value r = f(v);
  if (r.is_null()) return r;
  if (!is_str(r))
    return raise_format(exc_TypeError, "__str__ returned non-string (type %.200s)",
                        type_of(r)->c_name());
  return r;
}

Value object_ascii(Value v) {
  Value r = object_repr(v);
  if (r.is_null()) return r;
  StrObject* s = as_str(r);
  if (s->ascii()) return r;
  std::string out;
  char buf[16];
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c < 128) {
      out += static_cast<char>(c);
    } else {
      if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", c);
      else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", c);
      else std::snprintf(buf, sizeof buf, "\\U%08x", c);
      out += buf;
    }
  }
  return str_from_ascii(out);
}

Value object_format(Value v, Value spec) {
  bool empty = spec.is_null() || (is_str(spec) && str_length(spec) == 0);
  if (empty) {
    if (is_exact_str(v)) return v;
    if (is_exact_int(v)) return object_str(v);
  }
  if (spec.is_null()) spec = str_empty();
  static StrConst k_format("__format__");
  Value meth = lookup_special(v, k_format.get());
  if (meth.is_null()) {
    if (error_occurred()) return meth;
    return raise_format(exc_TypeError, "Type %.100s doesn't define __format__",
                        type_of(v)->c_name());
  }
  Value r = call1(meth, spec);
  if (r.is_null()) return r;
  if (!is_str(r))
    return raise_format(exc_TypeError, "__format__ must return a str, not %.200s",
                        type_of(r)->c_name());
  return r;
}

std::string repr_utf8(Value v) {
  Value r = object_repr(v);
  if (r.is_null()) return "<unprintable>";
  return str_to_utf8(r);
}

// -- Truth and hashing -------------------------------------------------------------------------------

int object_truthy(Value v) {
  if (v == True()) return 1;
  if (v == False() || v == None()) return 0;
  if (v.is_int()) return v.as_int() != 0;
  Type* t = type_of(v);
  if (t->slots.bool_ != nullptr) return t->slots.bool_(v);
  if (t->slots.len != nullptr) {
    int64_t n = t->slots.len(v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

int64_t object_hash(Value v) {
  if (is_exact_str(v)) return str_hash(v);
  if (v.is_int()) return int_hash(v);
  HashFn f = type_of(v)->slots.hash;
  if (f == nullptr) {
    raise_format(exc_TypeError, "unhashable type: '%.200s'", type_of(v)->c_name());
    return -1;
  }
  return f(v);
}

// -- Comparison --------------------------------------------------------------------------------------

Value compare(Value a, Value b, CompareOp op) {
  if (a.is_int() && b.is_int()) {
    int64_t x = a.as_int(), y = b.as_int();
    switch (op) {
      case CompareOp::Lt: return Bool(x < y);
      case CompareOp::Le: return Bool(x <= y);
      case CompareOp::Eq: return Bool(x == y);
      case CompareOp::Ne: return Bool(x != y);
      case CompareOp::Gt: return Bool(x > y);
      case CompareOp::Ge: return Bool(x >= y);
    }
  }
  RecursionGuard guard(" in comparison");
  if (guard.failed()) return Value();
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool checked_reverse = false;
  if (ta != tb && type_is_subtype(tb, ta) && tb->slots.richcompare != nullptr) {
    checked_reverse = true;
    Value r = tb->slots.richcompare(b, a, compare_swapped(op));
    if (r.is_null() || !is_not_implemented(r)) return r;
  }
  if (ta->slots.richcompare != nullptr) {
    Value r = ta->slots.richcompare(a, b, op);
    if (r.is_null() || !is_not_implemented(r)) return r;
  }
  if (!checked_reverse && tb->slots.richcompare != nullptr) {
    Value r = tb->slots.richcompare(b, a, compare_swapped(op));
    if (r.is_null() || !is_not_implemented(r)) return r;
  }
  switch (op) {
    case CompareOp::Eq: return Bool(a == b);
    case CompareOp::Ne: return Bool(!(a == b));
    default:
      return raise_format(exc_TypeError, "'%s' not supported between instances of '%.100s' and '%.100s'",
                          kCompareSymbols[static_cast<int>(op)], ta->c_name(), tb->c_name());
  }
}

int compare_bool(Value a, Value b, CompareOp op) {
  Value r = compare(a, b, op);
  if (r.is_null()) return -1;
  return object_truthy(r);
}

int object_equal(Value a, Value b) {
  if (a == b) return 1;
  return compare_bool(a, b, CompareOp::Eq);
}

// -- isinstance / issubclass -------------------------------------------------------------------------

namespace {

Value get_bases(Value cls) {
  static StrConst k_bases("__bases__");
  Value b = getattr_opt(cls, k_bases.get());
  if (b.is_null()) return b;
  if (!is_tuple(b)) return Value();
  return b;
}

bool check_class(Value cls, const char* error) {
  Value b = get_bases(cls);
  if (b.is_null()) {
    if (!error_occurred()) raise_error(exc_TypeError, error);
    return false;
  }
  return true;
}

int abstract_issubclass(Value derived, Value cls) {
  for (;;) {
    if (derived == cls) return 1;
    Value bases = get_bases(derived);
    if (bases.is_null()) return error_occurred() ? -1 : 0;
    int64_t n = tuple_length(bases);
    if (n == 0) return 0;
    if (n == 1) {
      derived = tuple_at(bases, 0);
      continue;
    }
    for (int64_t i = 0; i < n; i++) {
      int r = abstract_issubclass(tuple_at(bases, i), cls);
      if (r != 0) return r;
    }
    return 0;
  }
}

bool is_union(Value cls) {
  return cls.is_object() && std::string_view(type_of(cls)->c_name()) == "types.UnionType";
}

Value union_args(Value cls) {
  static StrConst k_args("__args__");
  return getattr(cls, k_args.get());
}

}  // namespace

int object_recursive_isinstance(Value inst, Value cls) {
  static StrConst k_class("__class__");
  if (is_type(cls)) {
    if (is_instance_of(inst, as_type(cls))) return 1;
    Value c = getattr_opt(inst, k_class.get());
    if (c.is_null()) return error_occurred() ? -1 : 0;
    if (!(c == Value::from_object(type_of(inst))) && is_type(c))
      return type_is_subtype(as_type(c), as_type(cls));
    return 0;
  }
  if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union"))
    return -1;
  Value icls = getattr_opt(inst, k_class.get());
  if (icls.is_null()) return error_occurred() ? -1 : 0;
  return abstract_issubclass(icls, cls);
}

int object_recursive_issubclass(Value derived, Value cls) {
  if (is_type(cls) && is_type(derived)) return type_is_subtype(as_type(derived), as_type(cls));
  if (!check_class(derived, "issubclass() arg 1 must be a class")) return -1;
  if (!is_union(cls) &&
      !check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    return -1;
  return abstract_issubclass(derived, cls);
}

int object_isinstance(Value obj, Value cls) {
  if (cls.is_object() && type_of(obj) == static_cast<Type*>(cls.as_object())) return 1;
  if (is_type(cls) && type_of(cls) == &type_type) return object_recursive_isinstance(obj, cls);
  if (is_union(cls)) {
    cls = union_args(cls);
    if (cls.is_null()) return -1;
  }
  if (is_tuple(cls)) {
    RecursionGuard guard(" in __instancecheck__");
    if (guard.failed()) return -1;
    for (int64_t i = 0; i < tuple_length(cls); i++) {
      int r = object_isinstance(obj, tuple_at(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  static StrConst k_check("__instancecheck__");
  Value checker = lookup_special(cls, k_check.get());
  if (!checker.is_null()) {
    RecursionGuard guard(" in __instancecheck__");
    if (guard.failed()) return -1;
    Value r = call1(checker, obj);
    if (r.is_null()) return -1;
    return object_truthy(r);
  }
  if (error_occurred()) return -1;
  return object_recursive_isinstance(obj, cls);
}

int object_issubclass(Value derived, Value cls) {
  if (is_type(cls) && type_of(cls) == &type_type) {
    if (derived == cls) return 1;
    return object_recursive_issubclass(derived, cls);
  }
  if (is_union(cls)) {
    cls = union_args(cls);
    if (cls.is_null()) return -1;
  }
  if (is_tuple(cls)) {
    RecursionGuard guard(" in __subclasscheck__");
    if (guard.failed()) return -1;
    for (int64_t i = 0; i < tuple_length(cls); i++) {
      int r = object_issubclass(derived, tuple_at(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  static StrConst k_check("__subclasscheck__");
  Value checker = lookup_special(cls, k_check.get());
  if (!checker.is_null()) {
    RecursionGuard guard(" in __subclasscheck__");
    if (guard.failed()) return -1;
    Value r = call1(checker, derived);
    if (r.is_null()) return -1;
    return object_truthy(r);
  }
  if (error_occurred()) return -1;
  return object_recursive_issubclass(derived, cls);
}

}  // namespace tpy
