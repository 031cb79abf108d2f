// interp/vm/eval_support.cpp -- Out-of-line instruction helpers with CPython 3.11's messages.
#include "interp/vm/eval_support.h"

#include <string>
#include <vector>

#include "gc/barrier.h"
#include "gc/roots.h"
#include "interp/objects/abstract.h"
#include "interp/objects/bytes.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/set.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/function.h"
#include "interp/vm/generator.h"
#include "interp/vm/module.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm_internal.h"

namespace tpy::vm {

// -- Names -----------------------------------------------------------------------------------------
Value raise_name_error(Value name) {
  raise_format(exc_NameError, "name '%U' is not defined", name);
  Value e = pending_exception();
  if (!e.is_null() && is_instance_of(e, exc_NameError)) {
    auto* o = static_cast<NameErrorObject*>(e.as_object());
    gc::store(o, &o->name, name);
  }
  return Value();
}

Value raise_unbound_local(CodeObject* co, int index) {
  Value name = tuple_at(co->localsplus_names, index);
  if (co->kinds[index] & kFastFree) {
    return raise_format(exc_NameError,
                        "cannot access free variable '%U' where it is not associated with a "
                        "value in enclosing scope",
                        name);
  }
  return raise_format(exc_UnboundLocalError,
                      "cannot access local variable '%U' where it is not associated with a value",
                      name);
}

namespace {
// mapping[name] with a miss reported as null and no exception.
Value mapping_lookup(Value mapping, Value name) {
  if (is_exact_dict(mapping)) return dict_get(mapping, name);
  Value v = getitem(mapping, name);
  if (v.is_null() && error_matches(exc_KeyError)) clear_exception();
  return v;
}
}  // namespace

Value load_name(Frame* f, Value name) {
  if (f->locals.is_null()) {
    return raise_format(exc_SystemError, "no locals when loading %R", name);
  }
  Value v = mapping_lookup(f->locals, name);
  if (!v.is_null() || error_occurred()) return v;
  v = dict_get(f->globals, name);
  if (!v.is_null() || error_occurred()) return v;
  v = mapping_lookup(f->builtins, name);
  if (!v.is_null() || error_occurred()) return v;
  return raise_name_error(name);
}

Value load_global(Frame* f, Value name) {
  Value v = mapping_lookup(f->globals, name);
  if (!v.is_null() || error_occurred()) return v;
  v = mapping_lookup(f->builtins, name);
  if (!v.is_null() || error_occurred()) return v;
  return raise_name_error(name);
}

Value load_build_class(Frame* f) {
  static StrConst k("__build_class__");
  Value v = mapping_lookup(f->builtins, k.get());
  if (!v.is_null() || error_occurred()) return v;
  return raise_error(exc_NameError, "__build_class__ not found");
}

// -- Unpacking -------------------------------------------------------------------------------------
bool unpack_iterable(Value v, int before, bool has_star, int after, Value* out) {
  if (!has_star && (is_exact_tuple(v) || is_exact_list(v))) {
    int64_t n = is_exact_tuple(v) ? tuple_length(v) : list_length(v);
    if (n == before) {
      for (int i = 0; i < before; i++) out[i] = is_exact_tuple(v) ? tuple_at(v, i) : list_at(v, i);
      return true;
    }
    if (n < before) {
      raise_format(exc_ValueError, "not enough values to unpack (expected %d, got %zd)", before,
                   static_cast<ssize_t>(n));
      return false;
    }
    raise_format(exc_ValueError, "too many values to unpack (expected %d)", before);
    return false;
  }
  Value it = get_iter(v);
  if (it.is_null()) {
    Type* t = type_of(v);
    if (error_matches(exc_TypeError) && !t->slots.iter && !t->slots.getitem) {
      clear_exception();
      raise_format(exc_TypeError, "cannot unpack non-iterable %.200s object", t->c_name());
    }
    return false;
  }
  for (int i = 0; i < before; i++) {
    Value w = iter_next(it);
    if (w.is_null()) {
      if (error_occurred()) return false;
      if (has_star)
        raise_format(exc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                     before + after, i);
      else
        raise_format(exc_ValueError, "not enough values to unpack (expected %d, got %d)", before, i);
      return false;
    }
    out[i] = w;
  }
  if (!has_star) {
    Value w = iter_next(it);
    if (w.is_null()) return !error_occurred();
    raise_format(exc_ValueError, "too many values to unpack (expected %d)", before);
    return false;
  }
  Value l = list_from_iterable(it);
  if (l.is_null()) return false;
  out[before] = l;
  int64_t ll = list_length(l);
  if (ll < after) {
    raise_format(exc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                 before + after, static_cast<ssize_t>(before + ll));
    return false;
  }
  for (int j = after; j > 0; j--) out[before + j] = list_at(l, ll - (after - j) - 1);
  // The starred list keeps only what the names after it did not take.
  auto* lo = as_list(l);
  for (int64_t k = ll - after; k < ll; k++) lo->items[k] = Value();
  lo->length = ll - after;
  return true;
}

// -- Calls with * and ** ------------------------------------------------------------------------------
std::string function_str(Value func) {
  static StrConst k_qualname("__qualname__"), k_module("__module__");
  Value q = getattr_opt(func, k_qualname.get());
  if (q.is_null()) {
    clear_exception();
    Value s = object_str(func);
    if (s.is_null()) {
      clear_exception();
      return "?";
    }
    return str_to_utf8(s);
  }
  std::string qs = is_str(q) ? str_to_utf8(q) : "?";
  Value m = getattr_opt(func, k_module.get());
  if (m.is_null()) clear_exception();
  if (!m.is_null() && is_str(m) && !str_equal_ascii(m, "builtins"))
    return str_to_utf8(m) + "." + qs + "()";
  return qs + "()";
}

bool dict_merge_kwargs(Value func, Value dict, Value update) {
  static StrConst k_keys("keys");
  Value keys;
  if (is_dict(update)) {
    keys = dict_keys_list(update);
  } else {
    Value meth = getattr_opt(update, k_keys.get());
    if (meth.is_null()) {
      if (error_occurred() && !error_matches(exc_AttributeError)) return false;
      clear_exception();
      raise_format(exc_TypeError, "%s argument after ** must be a mapping, not %.200s",
                   function_str(func).c_str(), type_of(update)->c_name());
      return false;
    }
    Value k = call0(meth);
    if (k.is_null()) return false;
    keys = list_from_iterable(k);
  }
  if (keys.is_null()) return false;
  for (int64_t i = 0; i < list_length(keys); i++) {
    Value key = list_at(keys, i);
    if (!is_str(key)) {
      // 3.11 checks the keys when the call unpacks the dict (_PyStack_UnpackDict): no name.
      raise_error(exc_TypeError, "keywords must be strings");
      return false;
    }
    int has = dict_contains(dict, key);
    if (has < 0) return false;
    if (has) {
      raise_format(exc_TypeError, "%s got multiple values for keyword argument '%S'",
                   function_str(func).c_str(), key);
      return false;
    }
    Value v = getitem(update, key);
    if (v.is_null() || dict_set(dict, key, v) < 0) return false;
  }
  return true;
}

Value call_args_to_tuple(Value func, Value args) {
  Type* t = type_of(args);
  if (!t->slots.iter && !t->slots.getitem) {
    return raise_format(exc_TypeError, "%s argument after * must be an iterable, not %.200s",
                        function_str(func).c_str(), t->c_name());
  }
  return tuple_from_iterable(args);
}

bool list_extend_star(Value list, Value iterable) {
  if (list_extend(list, iterable) == 0) return true;
  Type* t = type_of(iterable);
  if (error_matches(exc_TypeError) && !t->slots.iter && !t->slots.getitem) {
    clear_exception();
    raise_format(exc_TypeError, "Value after * must be an iterable, not %.200s", t->c_name());
  }
  return false;
}

bool dict_update_mapping(Value dict, Value update) {
  if (dict_update(dict, update) == 0) return true;
  if (error_matches(exc_AttributeError)) {
    clear_exception();
    raise_format(exc_TypeError, "'%.200s' object is not a mapping", type_of(update)->c_name());
  }
  return false;
}

// -- Exceptions ----------------------------------------------------------------------------------------
void chain_context(Value exc) {
  Value handled = ts().handled_exception;
  if (handled.is_null() || handled == exc || is_none(handled)) return;
  // Break a cycle exc -> ... -> exc that the new link would close (Floyd, as CPython).
  Value o = handled, slow = handled;
  bool step = false;
  for (;;) {
    Value ctx = exception_context(o);
    if (ctx.is_null()) break;
    if (ctx == exc) {
      exception_set_context(o, Value());
      break;
    }
    o = ctx;
    if (step) slow = exception_context(slow);
    step = !step;
    if (o == slow) break;
  }
  exception_set_context(exc, handled);
}

bool do_raise(Value exc, Value cause, bool* reraise) {
  *reraise = false;
  if (exc.is_null()) {
    Value h = ts().handled_exception;
    if (h.is_null() || is_none(h)) {
      raise_error(exc_RuntimeError, "No active exception to reraise");
      return false;
    }
    set_exception(h);
    *reraise = true;
    return true;
  }
  Value value;
  if (is_type(exc)) {
    if (!type_is_subtype(as_type(exc), exc_BaseException)) {
      raise_error(exc_TypeError, "exceptions must derive from BaseException");
      return false;
    }
    value = call0(exc);
    if (value.is_null()) return false;
    if (!is_exception_instance(value)) {
      raise_format(exc_TypeError,
                   "calling %R should have returned an instance of BaseException, not %.200s",
                   exc, type_of(value)->c_name());
      return false;
    }
  } else if (is_exception_instance(exc)) {
    value = exc;
  } else {
    raise_error(exc_TypeError, "exceptions must derive from BaseException");
    return false;
  }
  if (!cause.is_null()) {
    Value fixed;
    if (is_type(cause) && type_is_subtype(as_type(cause), exc_BaseException)) {
      fixed = call0(cause);
      if (fixed.is_null()) return false;
      if (!is_exception_instance(fixed)) {
        raise_format(exc_TypeError,
                     "calling %R should have returned an instance of BaseException, not %.200s",
                     cause, type_of(fixed)->c_name());
        return false;
      }
    } else if (is_exception_instance(cause)) {
      fixed = cause;
    } else if (is_none(cause)) {
      fixed = Value();
    } else {
      raise_error(exc_TypeError, "exception causes must derive from BaseException");
      return false;
    }
    exception_set_cause(value, fixed);
  }
  chain_context(value);
  set_exception(value);
  return true;
}

namespace {
bool is_exception_class(Value v) {
  return is_type(v) && type_is_subtype(as_type(v), exc_BaseException);
}
}  // namespace

bool check_except_type_valid(Value right) {
  const char* msg = "catching classes that do not inherit from BaseException is not allowed";
  if (is_tuple(right)) {
    for (int64_t i = 0; i < tuple_length(right); i++) {
      if (!is_exception_class(tuple_at(right, i))) {
        raise_error(exc_TypeError, msg);
        return false;
      }
    }
    return true;
  }
  if (!is_exception_class(right)) {
    raise_error(exc_TypeError, msg);
    return false;
  }
  return true;
}

bool check_except_star_type_valid(Value right) {
  if (!check_except_type_valid(right)) return false;
  auto is_group = [](Value t) { return type_is_subtype(as_type(t), exc_BaseExceptionGroup); };
  bool bad = false;
  if (is_tuple(right)) {
    for (int64_t i = 0; i < tuple_length(right); i++) bad |= is_group(tuple_at(right, i));
  } else {
    bad = is_group(right);
  }
  if (bad) {
    raise_error(exc_TypeError,
                "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return false;
  }
  return true;
}

bool exception_group_match(Value eg, Value type, Value* match, Value* rest) {
  if (is_none(eg)) {
    *match = None();
    *rest = None();
    return true;
  }
  int m = exception_matches(eg, type);
  if (m < 0) return false;
  if (m) {
    if (is_instance_of(eg, exc_BaseExceptionGroup)) {
      *match = eg;
      *rest = None();
      return true;
    }
    // A naked exception caught by except*: wrapped in an ExceptionGroup.
    Value excs = tuple_pack({eg});
    if (excs.is_null()) return false;
    Value cargs[2] = {str_empty(), excs};
    Value wrapped = exception_new(exc_ExceptionGroup, cargs, 2);
    if (wrapped.is_null()) return false;
    Value tb = exception_traceback(eg);
    if (!tb.is_null()) exception_set_traceback(wrapped, tb);
    *match = wrapped;
    *rest = None();
    return true;
  }
  if (is_instance_of(eg, exc_BaseExceptionGroup)) {
    static StrConst k_split("split");
    Value pair = call_method(eg, k_split.get(), &type, 1);
    if (pair.is_null()) return false;
    if (!is_tuple(pair) || tuple_length(pair) != 2) {
      raise_format(exc_TypeError, "%.200s.split must return a 2-tuple, got %.200s",
                   type_of(eg)->c_name(), type_of(pair)->c_name());
      return false;
    }
    *match = tuple_at(pair, 0);
    *rest = tuple_at(pair, 1);
    return true;
  }
  *match = None();
  *rest = eg;
  return true;
}

namespace {

// The leaf exceptions of an exception (group), for telling re-raised from newly raised ones.
void collect_leaves(Value e, std::vector<Value>& out) {
  if (is_instance_of(e, exc_BaseExceptionGroup)) {
    Value excs = static_cast<BaseExceptionGroupObject*>(e.as_object())->excs;
    if (!excs.is_null())
      for (int64_t i = 0; i < tuple_length(excs); i++) collect_leaves(tuple_at(excs, i), out);
    return;
  }
  out.push_back(e);
}

thread_local std::vector<Value>* t_keep_leaves = nullptr;

Value keep_leaf_pred(Value, const Value* args, size_t, Value) {
  for (Value v : *t_keep_leaves)
    if (v == args[0]) return True();
  return False();
}
const MethodDef k_keep_leaf_def = {"_keep_leaf", keep_leaf_pred, kMethO, nullptr};

}  // namespace

Value prep_reraise_star(Value orig, Value excs) {
  int64_t n = list_length(excs);
  if (n == 0) return None();
  if (!is_instance_of(orig, exc_BaseExceptionGroup)) {
    // A naked exception was caught and wrapped: at most one exception to raise.
    for (int64_t i = 0; i < n; i++)
      if (!is_none(list_at(excs, i))) return list_at(excs, i);
    return None();
  }
  std::vector<Value> orig_leaves;
  collect_leaves(orig, orig_leaves);
  std::vector<Value> raised, kept;
  gc::TempRoot r1(orig_leaves.data(), orig_leaves.size());
  for (int64_t i = 0; i < n; i++) {
    Value e = list_at(excs, i);
    if (is_none(e)) continue;
    std::vector<Value> leaves;
    collect_leaves(e, leaves);
    bool reraise = !leaves.empty();
    for (Value l : leaves) {
      bool found = false;
      for (Value o : orig_leaves) found |= (o == l);
      reraise &= found;
    }
    if (reraise) kept.insert(kept.end(), leaves.begin(), leaves.end());
    else raised.push_back(e);
  }
  Value reraised_eg = None();
  if (!kept.empty()) {
    Value pred = native_function_new(&k_keep_leaf_def, Value(), Value());
    if (pred.is_null()) return pred;
    t_keep_leaves = &kept;
    static StrConst k_split("split");
    Value pair = call_method(orig, k_split.get(), &pred, 1);
    t_keep_leaves = nullptr;
    if (pair.is_null()) return pair;
    reraised_eg = tuple_at(pair, 0);
  }
  if (raised.empty()) return reraised_eg;
  Value l = list_new();
  if (l.is_null()) return l;
  for (Value e : raised)
    if (list_append(l, e) < 0) return Value();
  if (!is_none(reraised_eg) && list_append(l, reraised_eg) < 0) return Value();
  // 3.11.2 (the oracle) wraps even a single newly raised exception; 3.11.4 stopped doing so.
  Value cargs[2] = {str_empty(), l};
  return exception_new(exc_ExceptionGroup, cargs, 2);
}

// -- Imports ---------------------------------------------------------------------------------------------
Value import_name(Frame* f, Value name, Value fromlist, Value level) {
  static StrConst k_import("__import__");
  Value imp = mapping_lookup(f->builtins, k_import.get());
  if (imp.is_null()) {
    if (error_occurred()) return Value();
    return raise_error(exc_ImportError, "__import__ not found");
  }
  Value cargs[5] = {name, f->globals, f->locals.is_null() ? None() : f->locals, fromlist, level};
  return call(imp, cargs, 5);
}


bool import_star(Frame* f, Value module) {
  if (f->locals.is_null()) {
    raise_error(exc_SystemError, "no locals found during 'import *'");
    return false;
  }
  static StrConst k_all("__all__"), k_dict("__dict__");
  Value names = getattr_opt(module, k_all.get());
  bool skip_private = false;
  if (names.is_null()) {
    if (error_occurred()) return false;
    Value d = getattr_opt(module, k_dict.get());
    if (d.is_null()) {
      if (!error_occurred())
        raise_error(exc_ImportError, "from-import-* object has no __dict__ and no __all__");
      return false;
    }
    names = is_dict(d) ? dict_keys_list(d) : list_from_iterable(d);
    if (names.is_null()) return false;
    skip_private = true;
  }
  Value seq = list_from_iterable(names);
  if (seq.is_null()) return false;
  for (int64_t i = 0; i < list_length(seq); i++) {
    Value name = list_at(seq, i);
    if (!is_str(name)) {
      raise_format(exc_TypeError, "%s in %U.%s must be str, not %.100s",
                   skip_private ? "Key" : "Item",
                   dict_get_cstr(module_dict(module), "__name__"),
                   skip_private ? "__dict__" : "__all__", type_of(name)->c_name());
      return false;
    }
    if (skip_private && str_length(name) > 0 && as_str(name)->at(0) == '_') continue;
    Value v = getattr(module, name);
    if (v.is_null()) return false;
    int r = is_exact_dict(f->locals) ? dict_set(f->locals, name, v) : setitem(f->locals, name, v);
    if (r < 0) return false;
  }
  return true;
}

// -- Pattern matching -------------------------------------------------------------------------------------
namespace {
Value match_class_attr(Value subject, Type* type, Value name, Value seen) {
  int has = set_contains(seen, name);
  if (has < 0) return Value();
  if (has) {
    return raise_format(exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                        type->c_name(), name);
  }
  if (set_add(seen, name) < 0) return Value();
  return getattr_opt(subject, name);
}
}  // namespace

namespace {

// CPython's _Py_TPFLAGS_MATCH_SELF types (and their subclasses): `case int(x)` binds the
// subject itself.
bool matches_self(Type* t) {
  static Type* const kSelfMatching[] = {&bool_type, &bytearray_type, &bytes_type, &dict_type,
                                        &float_type, &frozenset_type, &int_type, &list_type,
                                        &set_type, &str_type, &tuple_type};
  for (Type* m : kSelfMatching)
    if (type_is_subtype(t, m)) return true;
  return false;
}

}  // namespace

Value match_class(Value subject, Value type, int nargs, Value kwargs) {
  if (!is_type(type)) return raise_error(exc_TypeError, "called match pattern must be a type");
  Type* t = as_type(type);
  int inst = is_instance_of(subject, t);
  if (!inst) return Value();
  Value seen = set_new();
  if (seen.is_null()) return seen;
  Value attrs = list_new();
  if (attrs.is_null()) return attrs;
  if (nargs) {
    static StrConst k_match_args("__match_args__");
    bool match_self = false;
    Value match_args = getattr_opt(type, k_match_args.get());
    int64_t allowed;
    if (!match_args.is_null()) {
      if (!is_exact_tuple(match_args)) {
        return raise_format(exc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                            t->c_name(), type_of(match_args)->c_name());
      }
      allowed = tuple_length(match_args);
    } else {
      if (error_occurred()) return Value();
      match_self = t->has_flag(kTypeMatchSelf) || matches_self(t);
      allowed = match_self ? 1 : 0;
    }
    if (allowed < nargs) {
      return raise_format(exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%d given)",
                          t->c_name(), static_cast<ssize_t>(allowed), allowed == 1 ? "" : "s",
                          nargs);
    }
    if (match_self) {
      if (list_append(attrs, subject) < 0) return Value();
    } else {
      for (int i = 0; i < nargs; i++) {
        Value name = tuple_at(match_args, i);
        if (!is_str(name)) {
          return raise_format(exc_TypeError, "__match_args__ elements must be strings (got %s)",
                              type_of(name)->c_name());
        }
        Value a = match_class_attr(subject, t, name, seen);
        if (a.is_null()) return a;
        if (list_append(attrs, a) < 0) return Value();
      }
    }
  }
  for (int64_t i = 0; i < tuple_length(kwargs); i++) {
    Value a = match_class_attr(subject, t, tuple_at(kwargs, i), seen);
    if (a.is_null()) return a;
    if (list_append(attrs, a) < 0) return Value();
  }
  return list_as_tuple(attrs);
}

Value match_keys(Value subject, Value keys) {
  int64_t n = tuple_length(keys);
  if (n == 0) return tuple_empty();
  static StrConst k_get("get");
  Value get = getattr(subject, k_get.get());
  if (get.is_null()) return get;
  Value dummy = cell_new(Value());  // a fresh object no mapping can hold
  if (dummy.is_null()) return dummy;
  Value seen = set_new();
  if (seen.is_null()) return seen;
  Value values = list_new(n);
  if (values.is_null()) return values;
  for (int64_t i = 0; i < n; i++) {
    Value key = tuple_at(keys, i);
    int has = set_contains(seen, key);
    if (has < 0) return Value();
    if (has) return raise_format(exc_ValueError, "mapping pattern checks duplicate key (%R)", key);
    if (set_add(seen, key) < 0) return Value();
    Value v = call2(get, key, dummy);
    if (v.is_null()) return v;
    if (v == dummy) return None();
    if (list_append(values, v) < 0) return Value();
  }
  return list_as_tuple(values);
}

// -- Formatting -----------------------------------------------------------------------------------------------
Value format_value(Value v, int conversion, Value spec) {
  switch (conversion) {
    case 1: v = object_str(v); break;
    case 2: v = object_repr(v); break;
    case 3: v = object_ascii(v); break;
    default: break;
  }
  if (v.is_null()) return v;
  if (spec.is_null() && is_exact_str(v)) return v;
  return object_format(v, spec.is_null() ? str_empty() : spec);
}

// -- Async ------------------------------------------------------------------------------------------------------
Value get_awaitable_iter(Value o) {
  if (is_coroutine(o)) return o;
  if (is_generator(o) && (as_gen(o)->frame()->code->flags & kCoIterableCoroutine)) return o;
  UnaryFn f = type_of(o)->slots.am_await;
  if (!f) {
    return raise_format(exc_TypeError, "object %.100s can't be used in 'await' expression",
                        type_of(o)->c_name());
  }
  Value res = f(o);
  if (res.is_null()) return res;
  if (is_coroutine(res) ||
      (is_generator(res) && (as_gen(res)->frame()->code->flags & kCoIterableCoroutine))) {
    return raise_error(exc_TypeError, "__await__() returned a coroutine");
  }
  if (!type_of(res)->slots.iternext) {
    return raise_format(exc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                        type_of(res)->c_name());
  }
  return res;
}

Value before_with(Value mgr, Value* exit, bool async) {
  static StrConst k_enter("__enter__"), k_exit("__exit__"), k_aenter("__aenter__"),
      k_aexit("__aexit__");
  Value enter = lookup_special(mgr, async ? k_aenter.get() : k_enter.get());
  if (enter.is_null()) {
    if (!error_occurred())
      raise_format(exc_TypeError, "'%.200s' object does not support the %scontext manager protocol",
                   type_of(mgr)->c_name(), async ? "asynchronous " : "");
    return Value();
  }
  Value ex = lookup_special(mgr, async ? k_aexit.get() : k_exit.get());
  if (ex.is_null()) {
    if (!error_occurred())
      raise_format(exc_TypeError,
                   "'%.200s' object does not support the %scontext manager protocol (missed "
                   "%s method)",
                   type_of(mgr)->c_name(), async ? "asynchronous " : "",
                   async ? "__aexit__" : "__exit__");
    return Value();
  }
  *exit = ex;
  return call0(enter);
}

bool print_expr(Value v) {
  Value mods = gc::g_roots.sys_modules();
  Value sys = mods.is_null() ? Value() : dict_get_cstr(mods, "sys");
  Value hook;
  if (!sys.is_null()) {
    hook = getattr_cstr(sys, "displayhook");
    if (hook.is_null()) clear_exception();
  }
  if (hook.is_null()) {
    raise_error(exc_RuntimeError, "lost sys.displayhook");
    return false;
  }
  return !call1(hook, v).is_null();
}

bool setup_annotations(Frame* f) {
  static StrConst k_ann("__annotations__");
  if (f->locals.is_null()) {
    raise_error(exc_SystemError, "no locals found when setting up annotations");
    return false;
  }
  Value v = mapping_lookup(f->locals, k_ann.get());
  if (!v.is_null()) return true;
  if (error_occurred()) return false;
  Value d = dict_new();
  if (d.is_null()) return false;
  return (is_exact_dict(f->locals) ? dict_set(f->locals, k_ann.get(), d)
                                    : setitem(f->locals, k_ann.get(), d)) == 0;
}

}  // namespace tpy::vm
