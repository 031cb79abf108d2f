// interp/objects/generic_alias.cpp -- types.GenericAlias: repr, equality, hash, call, attribute
// delegation to the origin, parameters and TypeVar substitution (CPython 3.11's
// genericaliasobject.c behaviour; unpacked *tuple[...] and `|` unions are not supported yet).
#include "interp/objects/generic_alias.h"

#include <cstddef>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

namespace {

void trace_ga(Object* self, VisitFn visit, void* ctx) {
  auto* g = static_cast<GenericAliasObject*>(self);
  visit(&g->origin, ctx);
  visit(&g->args, ctx);
  visit(&g->parameters, ctx);
}

constexpr Type make_ga_type() {
  Type t(&type_type, "types.GenericAlias", sizeof(GenericAliasObject),
         kTypeBaseType | kTypeImmutable);
  t.slots.trace = trace_ga;
  return t;
}

}  // namespace

constinit Type generic_alias_type = make_ga_type();

namespace {

GenericAliasObject* as_ga(Value v) { return static_cast<GenericAliasObject*>(v.as_object()); }

bool is_ga(Value v) { return v.is_object() && is_instance_of(v, &generic_alias_type); }

Value make(Type* type, Value origin, Value args) {
  if (!is_tuple(args)) {
    args = tuple_pack({args});
    if (args.is_null()) return args;
  }
  auto* g = static_cast<GenericAliasObject*>(alloc_instance(type));
  if (g == nullptr) return Value();
  gc::store(g, &g->origin, origin);
  gc::store(g, &g->args, args);
  return Value::from_object(g);
}

// getattr(v, name) with a missing attribute as null and no exception.
Value opt_attr(Value v, const char* name) {
  Value n = str_intern(name);
  if (n.is_null()) return n;
  return getattr_opt(v, n);
}

// The repr of one argument: "..." for Ellipsis, "module.qualname" for classes ("qualname" for
// builtins), repr() for aliases and everything else.
bool repr_item(StrBuilder& b, Value p) {
  if (p == Ellipsis()) {
    b.text("...");
    return true;
  }
  Value tmp = opt_attr(p, "__origin__");
  if (tmp.is_null() && error_occurred()) return false;
  if (!tmp.is_null()) {
    tmp = opt_attr(p, "__args__");
    if (tmp.is_null() && error_occurred()) return false;
    if (!tmp.is_null()) {
      b.repr(p);
      return b.ok();
    }
  }
  Value qualname = opt_attr(p, "__qualname__");
  if (qualname.is_null()) {
    if (error_occurred()) return false;
    b.repr(p);
    return b.ok();
  }
  Value module = opt_attr(p, "__module__");
  if (module.is_null() && error_occurred()) return false;
  if (module.is_null() || is_none(module)) {
    b.repr(p);
    return b.ok();
  }
  Value qs = object_str(qualname);
  if (qs.is_null()) return false;
  if (is_str(module) && str_equal_ascii(module, "builtins")) {
    b.str(qs);
  } else {
    Value ms = object_str(module);
    if (ms.is_null()) return false;
    b.str(ms).text(".").str(qs);
  }
  return b.ok();
}

Value ga_repr(Value self) {
  GenericAliasObject* g = as_ga(self);
  StrBuilder b;
  if (g->starred) b.text("*");
  if (!repr_item(b, g->origin)) return Value();
  b.text("[");
  int64_t n = tuple_length(g->args);
  if (n == 0) b.text("()");
  for (int64_t i = 0; i < n; i++) {
    if (i) b.text(", ");
    Value p = tuple_at(g->args, i);
    if (is_exact_list(p)) {
      b.text("[");
      for (int64_t j = 0; j < list_length(p); j++) {
        if (j) b.text(", ");
        if (!repr_item(b, list_at(p, j))) return Value();
      }
      b.text("]");
    } else if (!repr_item(b, p)) {
      return Value();
    }
  }
  b.text("]");
  return b.finish();
}

const char* const kAttrExceptions[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", nullptr};

Value ga_getattro(Value self, Value name) {
  if (is_str(name)) {
    bool exception = false;
    for (const char* const* p = kAttrExceptions; *p; p++) {
      if (str_equal_ascii(name, *p)) {
        exception = true;
        break;
      }
    }
    if (!exception) return getattr(as_ga(self)->origin, name);
  }
  return generic_getattr(self, name);
}

Value ga_richcompare(Value a, Value b, CompareOp op) {
  if (!is_ga(a) || !is_ga(b) || (op != CompareOp::Eq && op != CompareOp::Ne))
    return NotImplemented();
  GenericAliasObject* x = as_ga(a);
  GenericAliasObject* y = as_ga(b);
  if (x->starred != y->starred) return Bool(op == CompareOp::Ne);
  int eq = object_equal(x->origin, y->origin);
  if (eq < 0) return Value();
  if (eq) {
    eq = object_equal(x->args, y->args);
    if (eq < 0) return Value();
  }
  return Bool((eq != 0) == (op == CompareOp::Eq));
}

int64_t ga_hash(Value self) {
  int64_t h0 = object_hash(as_ga(self)->origin);
  if (h0 == -1) return -1;
  int64_t h1 = object_hash(as_ga(self)->args);
  if (h1 == -1) return -1;
  int64_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

Value ga_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value obj = call(as_ga(self)->origin, args, nargs, kwnames);
  if (obj.is_null()) return obj;
  static StrConst k_orig_class("__orig_class__");
  if (setattr(obj, k_orig_class.get(), self) < 0) {
    if (!error_matches(exc_AttributeError) && !error_matches(exc_TypeError)) return Value();
    clear_exception();
  }
  return obj;
}

Value ga_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs("GenericAlias", kwnames)) return Value();
  if (nargs != 2)
    return raise_format(exc_TypeError, "GenericAlias expected 2 arguments, got %zu", nargs);
  return make(type, args[0], args[1]);
}

// __parameters__: the type variables among the arguments, in order, without repeats.
Value make_parameters(Value args) {
  Value params = list_new();
  if (params.is_null()) return params;
  auto add = [&](Value p) -> bool {
    int c = contains(params, p);
    if (c < 0) return false;
    return c || list_append(params, p) == 0;
  };
  for (int64_t i = 0; i < tuple_length(args); i++) {
    Value t = tuple_at(args, i);
    if (is_type(t)) continue;
    Value subst = opt_attr(t, "__typing_subst__");
    if (subst.is_null() && error_occurred()) return Value();
    if (!subst.is_null()) {
      if (!add(t)) return Value();
      continue;
    }
    Value sub = opt_attr(t, "__parameters__");
    if (sub.is_null() && error_occurred()) return Value();
    if (!sub.is_null() && is_tuple(sub)) {
      for (int64_t j = 0; j < tuple_length(sub); j++)
        if (!add(tuple_at(sub, j))) return Value();
    }
  }
  return list_as_tuple(params);
}

Value get_parameters(Value self) {
  GenericAliasObject* g = as_ga(self);
  if (g->parameters.is_null()) {
    Value p = make_parameters(g->args);
    if (p.is_null()) return p;
    gc::store(g, &g->parameters, p);
  }
  return g->parameters;
}

// alias[item]: substitutes the type variables of __parameters__ (TypeVar-like arguments and
// nested aliases; TypeVarTuple unpacking is not supported).
Value ga_getitem(Value self, Value item) {
  GenericAliasObject* g = as_ga(self);
  Value params = get_parameters(self);
  if (params.is_null()) return params;
  int64_t nparams = tuple_length(params);
  if (nparams == 0) return raise_format(exc_TypeError, "%R is not a generic class", self);
  Value items = is_tuple(item) ? item : tuple_pack({item});
  if (items.is_null()) return items;
  int64_t nitems = tuple_length(items);
  if (nitems != nparams)
    return raise_format(exc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                        nitems > nparams ? "many" : "few", self, nitems, nparams);
  int64_t nargs = tuple_length(g->args);
  Value newargs = tuple_new(nargs);
  if (newargs.is_null()) return newargs;
  for (int64_t i = 0; i < nargs; i++) {
    Value arg = tuple_at(g->args, i);
    Value result = arg;
    if (!is_type(arg)) {
      Value subst = opt_attr(arg, "__typing_subst__");
      if (subst.is_null() && error_occurred()) return Value();
      if (!subst.is_null()) {
        int64_t k = 0;
        while (k < nparams && tuple_at(params, k) != arg) k++;
        result = call1(subst, tuple_at(items, k));
        if (result.is_null()) return result;
      } else {
        Value sub = opt_attr(arg, "__parameters__");
        if (sub.is_null() && error_occurred()) return Value();
        if (!sub.is_null() && is_tuple(sub) && tuple_length(sub) > 0) {
          Value subargs = tuple_new(tuple_length(sub));
          if (subargs.is_null()) return subargs;
          for (int64_t j = 0; j < tuple_length(sub); j++) {
            int64_t k = 0;
            while (k < nparams && tuple_at(params, k) != tuple_at(sub, j)) k++;
            tuple_init_item(subargs, j, k < nparams ? tuple_at(items, k) : tuple_at(sub, j));
          }
          result = getitem(arg, tuple_length(subargs) == 1 ? tuple_at(subargs, 0) : subargs);
          if (result.is_null()) return result;
        }
      }
    }
    tuple_init_item(newargs, i, result);
  }
  return generic_alias_new(g->origin, newargs);
}

Value m_mro_entries(Value self, const Value*, size_t, Value) {
  return tuple_pack({as_ga(self)->origin});
}

Value m_instancecheck(Value, const Value*, size_t, Value) {
  return raise_error(exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

Value m_subclasscheck(Value, const Value*, size_t, Value) {
  return raise_error(exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

Value m_reduce(Value self, const Value*, size_t, Value) {
  GenericAliasObject* g = as_ga(self);
  Value args = tuple_pack({g->origin, g->args});
  if (args.is_null()) return args;
  return tuple_pack({Value::from_object(type_of(self)), args});
}

Value m_dir(Value self, const Value*, size_t, Value) {
  static StrConst k_dir("__dir__");
  Value names = call_method(as_ga(self)->origin, k_dir.get(), nullptr, 0);
  if (names.is_null()) return names;
  Value l = list_from_iterable(names);
  if (l.is_null()) return l;
  for (const char* const* p = kAttrExceptions; *p; p++) {
    Value n = str_intern(*p);
    if (n.is_null()) return n;
    int c = contains(l, n);
    if (c < 0) return Value();
    if (!c && list_append(l, n) < 0) return Value();
  }
  return l;
}

Value get_unpacked_tuple_args(Value self) { return None(); }

const MethodDef ga_methods[] = {
    {"__mro_entries__", m_mro_entries, kMethO, nullptr},
    {"__instancecheck__", m_instancecheck, kMethO, nullptr},
    {"__subclasscheck__", m_subclasscheck, kMethO, nullptr},
    {"__reduce__", m_reduce, kMethNoArgs, nullptr},
    {"__dir__", m_dir, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const MemberDef ga_members[] = {
    {"__origin__", MemberKind::Value, offsetof(GenericAliasObject, origin), true, nullptr},
    {"__args__", MemberKind::Value, offsetof(GenericAliasObject, args), true, nullptr},
    {"__unpacked__", MemberKind::Bool, offsetof(GenericAliasObject, starred), true, nullptr},
    {nullptr, MemberKind::Value, 0, false, nullptr}};

const GetSetDef ga_getsets[] = {
    {"__parameters__", get_parameters, nullptr, "Type variables in the GenericAlias."},
    {"__typing_unpacked_tuple_args__", get_unpacked_tuple_args, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

Value generic_alias_class_getitem(Value cls, const Value* args, size_t, Value) {
  return generic_alias_new(cls, args[0]);
}

Value generic_alias_new(Value origin, Value args) {
  return make(&generic_alias_type, origin, args);
}

bool init_generic_alias() {
  TypeSlots& s = generic_alias_type.slots;
  s.new_ = ga_tp_new;
  s.repr = ga_repr;
  s.hash = ga_hash;
  s.richcompare = ga_richcompare;
  s.getattro = ga_getattro;
  s.call = ga_call;
  s.getitem = ga_getitem;
  type_init(&generic_alias_type, &object_type, TypeDefs{ga_methods, ga_members, ga_getsets},
            "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list "
            "and t.__args__ is (int,).");
  return !error_occurred();
}

}  // namespace tpy
