// interp/objects/exceptions_group.cpp -- BaseExceptionGroup / ExceptionGroup (PEP 654):
// construction rules, message/exceptions, derive, subgroup and split.
#include <cstddef>
#include <string>

#include "gc/barrier.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions_internal.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"

namespace tpy {

namespace {

BaseExceptionGroupObject* as_group(Value v) {
  return static_cast<BaseExceptionGroupObject*>(v.as_object());
}
bool is_group(Value v) { return v.is_object() && is_instance_of(v, exc_BaseExceptionGroup); }

// The matcher of subgroup()/split(): a type, a tuple of types, or a predicate.
enum class MatcherKind { Types, Predicate };

bool get_matcher(Value cond, MatcherKind* kind) {
  if (is_type(cond) && type_is_subtype(as_type(cond), exc_BaseException)) {
    *kind = MatcherKind::Types;
    return true;
  }
  if (is_tuple(cond)) {
    bool ok = true;
    for (int64_t i = 0; i < tuple_length(cond); i++) {
      Value t = tuple_at(cond, i);
      if (!is_type(t) || !type_is_subtype(as_type(t), exc_BaseException)) ok = false;
    }
    if (ok) {
      *kind = MatcherKind::Types;
      return true;
    }
  } else if (is_callable(cond) == 1) {
    *kind = MatcherKind::Predicate;
    return true;
  }
  raise_error(exc_TypeError, "expected a function, exception type or tuple of exception types");
  return false;
}

int matches(Value exc, Value cond, MatcherKind kind) {
  if (kind == MatcherKind::Types) return exception_matches(exc, cond);
  Value r = call1(cond, exc);
  if (r.is_null()) return -1;
  return object_truthy(r);
}

// eg.derive(excs) with the original's __cause__, __context__, __traceback__ and a copy of
// its __notes__.
Value derive_and_copy(Value orig, Value excs) {
  static StrConst k_derive("derive"), k_notes("__notes__");
  Value eg = call_method(orig, k_derive.get(), &excs, 1);
  if (eg.is_null()) return eg;
  if (!is_group(eg))
    return raise_error(exc_TypeError, "derive must return an instance of BaseExceptionGroup");
  exception_set_traceback(eg, exception_traceback(orig));
  exception_set_context(eg, exception_context(orig));
  Value cause = exception_cause(orig);
  bool suppress = exception_suppress_context(orig);
  exception_set_cause(eg, cause);
  exc_obj(eg)->set_suppress_context(suppress);
  Value notes = getattr_opt(orig, k_notes.get());
  if (notes.is_null()) return error_occurred() ? Value() : eg;
  if (is_list(notes) || is_tuple(notes)) {
    Value copy = list_from_iterable(notes);
    if (copy.is_null() || setattr(eg, k_notes.get(), copy) < 0) return Value();
  }
  return eg;
}

// CPython's exceptiongroup_split_recursive: *match / *rest null for "None".
bool split_rec(Value exc, Value cond, MatcherKind kind, bool construct_rest, Value* match,
               Value* rest) {
  *match = Value();
  *rest = Value();
  int m = matches(exc, cond, kind);
  if (m < 0) return false;
  if (m) {
    *match = exc;
    return true;
  }
  if (!is_group(exc)) {
    if (construct_rest) *rest = exc;
    return true;
  }
  Value excs = as_group(exc)->excs;
  Value match_list = list_new(), rest_list = list_new();
  if (match_list.is_null() || rest_list.is_null()) return false;
  for (int64_t i = 0; i < tuple_length(excs); i++) {
    Value em, er;
    if (!split_rec(tuple_at(excs, i), cond, kind, construct_rest, &em, &er)) return false;
    if (!em.is_null() && list_append(match_list, em) < 0) return false;
    if (!er.is_null() && list_append(rest_list, er) < 0) return false;
  }
  if (list_length(match_list) > 0) {
    *match = derive_and_copy(exc, match_list);
    if (match->is_null()) return false;
  }
  if (construct_rest && list_length(rest_list) > 0) {
    *rest = derive_and_copy(exc, rest_list);
    if (rest->is_null()) return false;
  }
  return true;
}

Value group_derive(Value self, const Value* args, size_t, Value) {
  Value a[2] = {as_group(self)->message, args[0]};
  return call(Value::from_object(exc_BaseExceptionGroup), a, 2);
}

Value group_split(Value self, const Value* args, size_t, Value) {
  MatcherKind kind;
  if (!get_matcher(args[0], &kind)) return Value();
  Value m, r;
  if (!split_rec(self, args[0], kind, true, &m, &r)) return Value();
  return tuple_pack({m.is_null() ? None() : m, r.is_null() ? None() : r});
}

Value group_subgroup(Value self, const Value* args, size_t, Value) {
  MatcherKind kind;
  if (!get_matcher(args[0], &kind)) return Value();
  Value m, r;
  if (!split_rec(self, args[0], kind, false, &m, &r)) return Value();
  return m.is_null() ? None() : m;
}

bool is_sequence(Value v) {
  Type* t = type_of(v);
  return !is_dict(v) && t->slots.getitem != nullptr;
}

}  // namespace

Value exception_group_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.is_null() && tuple_length(kwnames) > 0)
    return raise_format(exc_TypeError, "%s() takes no keyword arguments", type->c_name());
  if (nargs != 2)
    return raise_format(exc_TypeError,
                        "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)",
                        nargs);
  Value message = args[0], excs_arg = args[1];
  if (!is_str(message))
    return raise_format(exc_TypeError,
                        "BaseExceptionGroup.__new__() argument 1 must be str, not %.200s",
                        type_of(message)->c_name());
  if (!is_sequence(excs_arg))
    return raise_error(exc_TypeError, "second argument (exceptions) must be a sequence");
  Value excs = tuple_from_iterable(excs_arg);
  if (excs.is_null()) return excs;
  int64_t n = tuple_length(excs);
  if (n == 0)
    return raise_error(exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (int64_t i = 0; i < n; i++) {
    Value e = tuple_at(excs, i);
    if (!is_exception_instance(e))
      return raise_format(exc_ValueError,
                          "Item %lld of second argument (exceptions) is not an exception",
                          static_cast<long long>(i));
    if (!is_instance_of(e, exc_Exception)) nested_base = true;
  }
  if (type == exc_BaseExceptionGroup) {
    if (!nested_base) type = exc_ExceptionGroup;
  } else if (type == exc_ExceptionGroup) {
    if (nested_base)
      return raise_error(exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested_base && type_is_subtype(type, exc_Exception)) {
    return raise_format(exc_TypeError, "Cannot nest BaseExceptions in '%.200s'", type->c_name());
  }
  Value self = base_exception_new(type, args, nargs, Value());
  if (self.is_null()) return self;
  gc::store(self.as_object(), &as_group(self)->message, message);
  gc::store(self.as_object(), &as_group(self)->excs, excs);
  return self;
}

int exception_group_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.is_null() && tuple_length(kwnames) > 0) {
    raise_format(exc_TypeError, "%s() takes no keyword arguments", type_of(self)->c_name());
    return -1;
  }
  Value t = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (t.is_null()) return -1;
  gc::store(self.as_object(), &exc_obj(self)->args, t);
  return 0;
}

Value exception_group_str(Value self) {
  BaseExceptionGroupObject* g = as_group(self);
  Value m = object_str(g->message);
  if (m.is_null()) return m;
  int64_t n = tuple_length(g->excs);
  std::string out = str_to_utf8(m) + " (" + std::to_string(n) + " sub-exception" +
                    (n > 1 ? "s" : "") + ")";
  return str_from_utf8(out);
}

const MethodDef exception_group_methods[] = {
    {"derive", group_derive, kMethO, nullptr},
    {"split", group_split, kMethO, nullptr},
    {"subgroup", group_subgroup, kMethO, nullptr},
    {"__class_getitem__", generic_alias_class_getitem, kMethO | kMethClass,
     "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

const MemberDef exception_group_members[] = {
    {"message", MemberKind::ValueOrNone, offsetof(BaseExceptionGroupObject, message), true,
     "exception message"},
    {"exceptions", MemberKind::ValueOrNone, offsetof(BaseExceptionGroupObject, excs), true,
     "nested exceptions"},
    {nullptr, MemberKind::Value, 0, false, nullptr}};

bool exception_types_finish() {
  // ExceptionGroup(BaseExceptionGroup, Exception): the second base and the MRO through it.
  Type* t = exc_ExceptionGroup;
  Value bases = tuple_pack({Value::from_object(exc_BaseExceptionGroup),
                            Value::from_object(exc_Exception)});
  if (bases.is_null()) return false;
  t->m_bases = bases;
  Value mro = compute_mro(t);
  if (mro.is_null()) return false;
  t->m_mro = mro;
  type_modified(t);
  return true;
}

}  // namespace tpy
