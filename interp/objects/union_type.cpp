// interp/objects/union_type.cpp -- types.UnionType: what `int | str` evaluates to (PEP 604), and
// type.__or__ / type.__ror__ that make it.
#include <string>
#include <vector>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "gc/roots.h"
#include "interp/objects/abstract.h"
#include "interp/objects/descr.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/set.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"

namespace tpy {

extern constinit Type union_type;

namespace {

struct UnionObject : Object {
  Value args;  // tuple, flattened and deduplicated, None as NoneType
  Value pad_;
};

UnionObject* as_union(Value v) { return static_cast<UnionObject*>(v.as_object()); }
bool is_union_obj(Value v) { return v.is_object() && type_of(v) == &union_type; }

void union_trace(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<UnionObject*>(self)->args, ctx);
}

// What may appear on either side of `|` (CPython's is_unionable).
bool is_unionable(Value v) {
  return is_none(v) || is_type(v) || is_union_obj(v) ||
         (v.is_object() && type_of(v) == &generic_alias_type);
}

bool add_arg(std::vector<Value>& out, Value a) {
  if (is_none(a)) a = Value::from_object(&none_type);
  for (Value x : out) {
    if (x == a) return true;
    if (type_of(x) == &generic_alias_type && type_of(a) == &generic_alias_type) {
      int eq = object_equal(x, a);
      if (eq < 0) return false;
      if (eq) return true;
    }
  }
  out.push_back(a);
  return true;
}

bool collect(std::vector<Value>& out, Value v) {
  if (is_union_obj(v)) {
    Value args = as_union(v)->args;
    for (int64_t i = 0; i < tuple_length(args); i++)
      if (!add_arg(out, tuple_at(args, i))) return false;
    return true;
  }
  return add_arg(out, v);
}

Value make_union(Value a, Value b) {
  std::vector<Value> args;
  gc::TempRoot root(args.data(), 0);
  if (!collect(args, a) || !collect(args, b)) return Value();
  if (args.size() == 1) return args[0];
  Value t = tuple_from_array(args.data(), static_cast<int64_t>(args.size()));
  if (t.is_null()) return t;
  auto* u = gc::alloc_as<UnionObject>(&union_type);
  if (u == nullptr) return raise_no_memory();
  gc::store(u, &u->args, t);
  return Value::from_object(u);
}

Value union_or(Value a, Value b) {
  if (!is_unionable(a) || !is_unionable(b)) return NotImplemented();
  return make_union(a, b);
}

Value union_repr(Value self) {
  Value args = as_union(self)->args;
  std::string text;
  for (int64_t i = 0; i < tuple_length(args); i++) {
    if (i > 0) text += " | ";
    Value a = tuple_at(args, i);
    if (a == Value::from_object(&none_type)) {
      text += "None";
    } else if (is_type(a)) {
      Type* t = as_type(a);
      Value mod = type_module_value(t);
      if (mod.is_null() && error_occurred()) return Value();
      Value q = type_qualname_value(t);
      if (q.is_null()) return q;
      if (!mod.is_null() && is_str(mod) && !str_equal_ascii(mod, "builtins"))
        text += str_to_utf8(mod) + ".";
      text += str_to_utf8(q);
    } else {
      Value r = object_repr(a);
      if (r.is_null()) return r;
      text += str_to_utf8(r);
    }
  }
  return str_from_utf8(text);
}

Value union_richcompare(Value a, Value b, CompareOp op) {
  if (!is_union_obj(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return NotImplemented();
  Value sa = frozenset_new(as_union(a)->args);
  if (sa.is_null()) return sa;
  Value sb = frozenset_new(as_union(b)->args);
  if (sb.is_null()) return sb;
  return compare(sa, sb, op);
}

int64_t union_hash(Value self) {
  Value s = frozenset_new(as_union(self)->args);
  if (s.is_null()) return -1;
  return object_hash(s);
}

Value union_getattro(Value self, Value name) { return generic_getattr(self, name); }

Value union_args(Value self) { return as_union(self)->args; }
Value union_parameters(Value self) {
  // TypeVars inside the arguments (only directly listed ones; GenericAlias args keep theirs).
  static StrConst k_params("__parameters__");
  std::vector<Value> params;
  gc::TempRoot root(params.data(), 0);
  Value args = as_union(self)->args;
  for (int64_t i = 0; i < tuple_length(args); i++) {
    Value a = tuple_at(args, i);
    if (is_type(a)) continue;
    Value p = getattr_opt(a, k_params.get());
    if (p.is_null()) {
      if (error_occurred()) return p;
      continue;
    }
    if (!is_tuple(p)) continue;
    for (int64_t j = 0; j < tuple_length(p); j++) {
      bool seen = false;
      for (Value x : params) seen |= x == tuple_at(p, j);
      if (!seen) {
        params.push_back(tuple_at(p, j));
        root.reset(params.data(), params.size());
      }
    }
  }
  return tuple_from_array(params.data(), static_cast<int64_t>(params.size()));
}

Value union_instancecheck(Value self, const Value* args, size_t, Value) {
  Value ua = as_union(self)->args;
  for (int64_t i = 0; i < tuple_length(ua); i++)
    if (!is_type(tuple_at(ua, i)))
      return raise_error(exc_TypeError,
                         "isinstance() argument 2 cannot be a parameterized generic");
  int r = object_isinstance(args[0], ua);
  return r < 0 ? Value() : Bool(r);
}

Value union_subclasscheck(Value self, const Value* args, size_t, Value) {
  Value ua = as_union(self)->args;
  for (int64_t i = 0; i < tuple_length(ua); i++)
    if (!is_type(tuple_at(ua, i)))
      return raise_error(exc_TypeError,
                         "issubclass() argument 2 cannot be a parameterized generic");
  int r = object_issubclass(args[0], ua);
  return r < 0 ? Value() : Bool(r);
}

const MethodDef union_methods[] = {
    {"__instancecheck__", union_instancecheck, kMethO, nullptr},
    {"__subclasscheck__", union_subclasscheck, kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};
const GetSetDef union_getsets[] = {{"__args__", union_args, nullptr, nullptr},
                                   {"__parameters__", union_parameters, nullptr, nullptr},
                                   {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

constinit Type union_type = [] {
  TypeSlots s{.repr = union_repr, .hash = union_hash, .richcompare = union_richcompare,
              .getattro = union_getattro, .trace = union_trace};
  s.binop[static_cast<size_t>(BinOp::Or)] = union_or;
  return Type{&type_type, "types.UnionType", sizeof(UnionObject), 0, s};
}();

// type.__or__ / __ror__ (the binop slot of the metatype, so `int | str` works).
Value type_or(Value a, Value b) { return union_or(a, b); }

bool init_union() {
  type_init(&union_type, &object_type, TypeDefs{union_methods, nullptr, union_getsets},
            "Represent a PEP 604 union type\n\nE.g. for int | str");
  return !error_occurred();
}

}  // namespace tpy
