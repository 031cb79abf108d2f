// interp/objects/container_util.cpp -- Shared helpers of the container types (see container_util.h).
#include "interp/objects/container_util.h"

#include <vector>

#include "gc/heap.h"
#include "gc/roots.h"
#include "interp/objects/instance.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/int.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {
// The containers whose repr is in progress on this thread. They are all on the C stack of the
// repr calls too, so the collector sees them without this list being a root.
thread_local std::vector<Object*> t_repr_stack;
}  // namespace

bool repr_enter(Value v) {
  Object* o = v.as_object();
  for (Object* p : t_repr_stack)
    if (p == o) return true;
  t_repr_stack.push_back(o);
  return false;
}

void repr_leave(Value v) {
  Object* o = v.as_object();
  for (size_t i = t_repr_stack.size(); i-- > 0;) {
    if (t_repr_stack[i] == o) {
      t_repr_stack.erase(t_repr_stack.begin() + static_cast<ptrdiff_t>(i));
      return;
    }
  }
}

Value sequence_compare(Value a, int64_t (*len)(Value), Value b, ItemAt at, CompareOp op) {
  int64_t na = len(a), nb = len(b);
  if (na != nb && (op == CompareOp::Eq || op == CompareOp::Ne))
    return Bool(op == CompareOp::Ne);
  int64_t i = 0;
  for (;; i++) {
    na = len(a);
    nb = len(b);
    if (i >= na || i >= nb) break;
    bool ok = true;
    Value x = at(a, i, &ok), y = at(b, i, &ok);
    if (x == y) continue;
    int eq = object_equal(x, y);
    if (eq < 0) return Value();
    if (!eq) break;
  }
  if (i >= na || i >= nb) {
    bool r = false;
    switch (op) {
      case CompareOp::Lt: r = na < nb; break;
      case CompareOp::Le: r = na <= nb; break;
      case CompareOp::Eq: r = na == nb; break;
      case CompareOp::Ne: r = na != nb; break;
      case CompareOp::Gt: r = na > nb; break;
      case CompareOp::Ge: r = na >= nb; break;
    }
    return Bool(r);
  }
  if (op == CompareOp::Eq) return False();
  if (op == CompareOp::Ne) return True();
  bool ok = true;
  return compare(at(a, i, &ok), at(b, i, &ok), op);
}

StrBuilder& StrBuilder::repr(Value v) {
  if (!m_ok) return *this;
  Value r = object_repr(v);
  if (r.is_null()) {
    m_ok = false;
    return *this;
  }
  return str(r);
}

StrBuilder& StrBuilder::str(Value s) {
  if (!m_ok) return *this;
  std::string_view ascii = str_ascii_view(s);
  if (!ascii.empty() || str_length(s) == 0)
    m_out += ascii;
  else
    m_out += str_to_utf8(s);
  return *this;
}

Value StrBuilder::finish() {
  if (!m_ok) return Value();
  return str_from_utf8(m_out);
}

bool has_index(Value v) { return v.is_int() || type_of(v)->slots.index != nullptr; }

bool repeat_count(Value n, int64_t* out) {
  if (n.is_int()) {
    *out = n.as_int();
    return true;
  }
  Value i = number_index(n);
  if (i.is_null()) return false;
  if (!int_to_i64(i, out)) {
    raise_format(exc_OverflowError, "cannot fit '%.200s' into an index-sized integer",
                 type_of(n)->c_name());
    return false;
  }
  return true;
}

void set_unhashable(Type* t) {
  t->slots.hash = nullptr;
  if (!t->m_dict.is_null()) dict_set_cstr(t->m_dict, "__hash__", None());
  type_modified(t);
}

void remove_type_attr(Type* t, const char* name) {
  if (t->m_dict.is_null()) return;
  Value n = str_intern(name);
  if (n.is_null() || dict_del(t->m_dict, n) < 0) clear_exception();
  type_modified(t);
}

bool no_kwargs(const char* fname, Value kwnames) {
  if (kwnames.is_null() || tuple_length(kwnames) == 0) return true;
  raise_format(exc_TypeError, "%s() takes no keyword arguments", fname);
  return false;
}

bool check_unpack(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    raise_format(exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min,
                 min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    raise_format(exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max,
                 max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

bool other_slot_is_numeric(Value other) {
  Type* t = type_of(other);
  if (t->is_heap()) return true;
  return !t->has_flag(kTypeSequence | kTypeStrSubclass | kTypeBytesSubclass | kTypeListSubclass |
                      kTypeTupleSubclass);
}

Object* alloc_instance(Type* type, size_t extra) {
  Object* o = gc::alloc(type->m_basicsize + extra, type);
  if (o == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  // A subclass instance with attributes starts on the root shape (as object.__new__ does).
  if (type->m_attrs_offset != 0) instance_init_attrs(o);
  return o;
}

Value builtin_iter_callable() { return getattr_cstr(gc::g_roots.builtins(), "iter"); }
Value builtin_reversed_callable() { return getattr_cstr(gc::g_roots.builtins(), "reversed"); }

}  // namespace tpy
