// interp/vm/function.cpp -- The function, method (bound method) and cell types.
#include "interp/vm/function.h"

#include <atomic>
#include <cstdio>
#include <vector>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "gc/roots.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/code.h"
#include "interp/vm/eval.h"
#include "interp/vm/module.h"
#include "interp/vm/vm_deps.h"
#include "interp/vm/vm_internal.h"

namespace tpy {

constinit Type function_type{&type_type, "function", sizeof(FunctionObject), 0};
constinit Type method_type{&type_type, "method", sizeof(MethodObject), 0};
constinit Type cell_type{&type_type, "cell", sizeof(CellObject), 0};

namespace {
std::atomic<uint32_t> g_func_version{1};
}

uint32_t function_next_version() {
  uint32_t v = g_func_version.fetch_add(1, std::memory_order_relaxed);
  if (v == 0 || v == UINT32_MAX) {
    g_func_version.store(UINT32_MAX);
    return 0;
  }
  return v;
}

// -- Shared VM helpers ---------------------------------------------------------------------------
namespace vm {

std::string address_text(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

std::string callable_qualname(Value f) {
  static StrConst k_qualname("__qualname__"), k_name("__name__");
  Value q = getattr_opt(f, k_qualname.get());
  if (q.is_null() && error_occurred()) clear_exception();
  if (q.is_null() || !is_str(q)) {
    q = getattr_opt(f, k_name.get());
    if (q.is_null() && error_occurred()) clear_exception();
  }
  if (q.is_null() || !is_str(q)) return "?";
  return str_to_utf8(q);
}

Value dict_field_getattr(Value obj, Value name, Value dict) {
  Type* t = type_of(obj);
  Value descr = type_lookup(t, name);
  DescrGetFn get = descr.is_null() ? nullptr : type_of(descr)->slots.descr_get;
  if (get && type_of(descr)->slots.descr_set) return get(descr, obj, Value::from_object(t));
  if (!dict.is_null()) {
    Value v = dict_get(dict, name);
    if (!v.is_null()) return v;
    if (error_occurred()) return Value();
  }
  if (get) return get(descr, obj, Value::from_object(t));
  return descr;
}

int dict_field_setattr(Value obj, Value name, Value v, Value* dictslot) {
  if (!is_str(name)) {
    raise_format(exc_TypeError, "attribute name must be string, not '%.200s'",
                 type_of(name)->c_name());
    return -1;
  }
  Type* t = type_of(obj);
  Value descr = type_lookup(t, name);
  if (!descr.is_null()) {
    DescrSetFn set = type_of(descr)->slots.descr_set;
    if (set) return set(descr, obj, v);
    if (type_of(descr)->slots.descr_get == nullptr && false) return -1;
  }
  if (dictslot->is_null()) {
    if (v.is_null()) goto missing;
    Value d = dict_new();
    if (d.is_null()) return -1;
    gc::store(obj.as_object(), dictslot, d);
  }
  if (v.is_null()) {
    int r = dict_del(*dictslot, name);
    if (r < 0) return -1;
    if (r == 0) goto missing;
    return 0;
  }
  return dict_set(*dictslot, name, v);
missing:
  raise_format(exc_AttributeError, "'%.100s' object has no attribute '%U'", t->c_name(),
               name);
  return -1;
}

}  // namespace vm

// -- function -------------------------------------------------------------------------------------
Value function_new(Value code, Value globals) {
  static StrConst k_name("__name__"), k_builtins("__builtins__");
  CodeObject* co = as_code(code);
  Value module = dict_get_str(globals, k_name.get());
  Value builtins = dict_get_str(globals, k_builtins.get());
  if (!builtins.is_null() && is_module(builtins)) builtins = module_dict(builtins);
  if (builtins.is_null() || !is_dict(builtins)) builtins = builtins_dict();
  // __doc__ is consts[0] if it is a str, whatever the code (3.11's PyFunction_New): the
  // compiler puts the docstring or None first in a function's constants.
  Value doc = None();
  if (tuple_length(co->consts) > 0 && is_str(tuple_at(co->consts, 0)))
    doc = tuple_at(co->consts, 0);
  auto* f = gc::alloc_as<FunctionObject>(&function_type);
  if (!f) return raise_no_memory();
  gc::store(f, &f->globals, globals);
  gc::store(f, &f->builtins, builtins);
  gc::store(f, &f->name, co->name);
  gc::store(f, &f->qualname, co->qualname);
  gc::store(f, &f->code, code);
  gc::store(f, &f->doc, doc);
  gc::store(f, &f->module, module.is_null() ? None() : module);
  f->version = function_next_version();
  return Value::from_object(f);
}

namespace {

void function_trace(Object* self, VisitFn visit, void* ctx) {
  auto* f = static_cast<FunctionObject*>(self);
  for (Value* v : {&f->globals, &f->builtins, &f->name, &f->qualname, &f->code, &f->defaults,
                   &f->kwdefaults, &f->closure, &f->doc, &f->dict, &f->module, &f->annotations})
    visit(v, ctx);
}

Value function_repr(Value self) {
  FunctionObject* f = as_function(self);
  return str_from_utf8("<function " + str_to_utf8(f->qualname) + " at " +
                       vm::address_text(f) + ">");
}

Value function_descr_get(Value descr, Value obj, Value type) {
  if (obj.is_null() || is_none(obj)) return descr;
  return method_new(descr, obj);
}

Value function_vcall(Value callable, const Value* args, size_t nargs, Value kwnames) {
  return function_call(callable, args, nargs, kwnames);
}

Value function_getattro(Value self, Value name) {
  Value v = vm::dict_field_getattr(self, name, as_function(self)->dict);
  if (v.is_null() && !error_occurred())
    raise_format(exc_AttributeError, "'function' object has no attribute '%U'", name);
  return v;
}
int function_setattro(Value self, Value name, Value v) {
  return vm::dict_field_setattr(self, name, v, &as_function(self)->dict);
}

#define F(self) as_function(self)
Value fget_name(Value self) { return F(self)->name; }
int fset_name(Value self, Value v) {
  if (v.is_null() || !is_str(v)) {
    raise_error(exc_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  gc::store(self.as_object(), &F(self)->name, v);
  return 0;
}
Value fget_qualname(Value self) { return F(self)->qualname; }
int fset_qualname(Value self, Value v) {
  if (v.is_null() || !is_str(v)) {
    raise_error(exc_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  gc::store(self.as_object(), &F(self)->qualname, v);
  return 0;
}
Value fget_doc(Value self) { return F(self)->doc; }
int fset_doc(Value self, Value v) {
  gc::store(self.as_object(), &F(self)->doc, v.is_null() ? None() : v);
  return 0;
}
Value fget_module(Value self) { return F(self)->module; }
int fset_module(Value self, Value v) {
  gc::store(self.as_object(), &F(self)->module, v.is_null() ? None() : v);
  return 0;
}
Value fget_code(Value self) { return F(self)->code; }
int fset_code(Value self, Value v) {
  if (v.is_null() || !is_code(v)) {
    raise_error(exc_TypeError, "__code__ must be set to a code object");
    return -1;
  }
  int64_t nclosure = F(self)->closure.is_null() ? 0 : tuple_length(F(self)->closure);
  if (as_code(v)->nfreevars != nclosure) {
    raise_format(exc_ValueError, "%U() requires a code object with %zd free vars, not %zd",
                 F(self)->name, static_cast<ssize_t>(nclosure),
                 static_cast<ssize_t>(as_code(v)->nfreevars));
    return -1;
  }
  gc::store(self.as_object(), &F(self)->code, v);
  F(self)->version = function_next_version();
  return 0;
}
Value fget_defaults(Value self) {
  return F(self)->defaults.is_null() ? None() : F(self)->defaults;
}
int fset_defaults(Value self, Value v) {
  if (!v.is_null() && is_none(v)) v = Value();
  if (!v.is_null() && !is_tuple(v)) {
    raise_error(exc_TypeError, "__defaults__ must be set to a tuple object");
    return -1;
  }
  gc::store(self.as_object(), &F(self)->defaults, v);
  F(self)->version = function_next_version();
  return 0;
}
Value fget_kwdefaults(Value self) {
  return F(self)->kwdefaults.is_null() ? None() : F(self)->kwdefaults;
}
int fset_kwdefaults(Value self, Value v) {
  if (!v.is_null() && is_none(v)) v = Value();
  if (!v.is_null() && !is_dict(v)) {
    raise_error(exc_TypeError, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  gc::store(self.as_object(), &F(self)->kwdefaults, v);
  F(self)->version = function_next_version();
  return 0;
}
Value fget_globals(Value self) { return F(self)->globals; }
Value fget_builtins(Value self) { return F(self)->builtins; }
Value fget_closure(Value self) { return F(self)->closure.is_null() ? None() : F(self)->closure; }
Value fget_annotations(Value self) {
  if (F(self)->annotations.is_null()) {
    Value d = dict_new();
    if (d.is_null()) return d;
    gc::store(self.as_object(), &F(self)->annotations, d);
  } else if (is_tuple(F(self)->annotations)) {
    // MAKE_FUNCTION's annotations come as a flat (name, value, ...) tuple.
    Value t = F(self)->annotations;
    Value d = dict_new();
    if (d.is_null()) return d;
    for (int64_t i = 0; i + 1 < tuple_length(t); i += 2)
      if (dict_set(d, tuple_at(t, i), tuple_at(t, i + 1)) < 0) return Value();
    gc::store(self.as_object(), &F(self)->annotations, d);
  }
  return F(self)->annotations;
}
int fset_annotations(Value self, Value v) {
  if (!v.is_null() && is_none(v)) v = Value();
  if (!v.is_null() && !is_dict(v)) {
    raise_error(exc_TypeError, "__annotations__ must be set to a dict object");
    return -1;
  }
  gc::store(self.as_object(), &F(self)->annotations, v);
  return 0;
}
Value fget_dict(Value self) {
  if (F(self)->dict.is_null()) {
    Value d = dict_new();
    if (d.is_null()) return d;
    gc::store(self.as_object(), &F(self)->dict, d);
  }
  return F(self)->dict;
}
int fset_dict(Value self, Value v) {
  if (v.is_null()) {
    raise_error(exc_TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!is_dict(v)) {
    raise_format(exc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                 type_of(v)->c_name());
    return -1;
  }
  gc::store(self.as_object(), &F(self)->dict, v);
  return 0;
}
#undef F

const GetSetDef function_getsets[] = {
    {"__code__", fget_code, fset_code, nullptr},
    {"__defaults__", fget_defaults, fset_defaults, nullptr},
    {"__kwdefaults__", fget_kwdefaults, fset_kwdefaults, nullptr},
    {"__annotations__", fget_annotations, fset_annotations, nullptr},
    {"__dict__", fget_dict, fset_dict, nullptr},
    {"__name__", fget_name, fset_name, nullptr},
    {"__qualname__", fget_qualname, fset_qualname, nullptr},
    {"__closure__", fget_closure, nullptr, nullptr},
    {"__doc__", fget_doc, fset_doc, nullptr},
    {"__globals__", fget_globals, nullptr, nullptr},
    {"__module__", fget_module, fset_module, nullptr},
    {"__builtins__", fget_builtins, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// -- method ---------------------------------------------------------------------------------------
void method_trace(Object* self, VisitFn visit, void* ctx) {
  auto* m = static_cast<MethodObject*>(self);
  visit(&m->func, ctx);
  visit(&m->self, ctx);
}

Value method_vcall(Value callable, const Value* args, size_t nargs, Value kwnames) {
  MethodObject* m = as_method(callable);
  size_t total = nargs + (kwnames.is_null() ? 0 : static_cast<size_t>(tuple_length(kwnames)));
  Value small[8];
  if (total < 8) {
    small[0] = m->self;
    for (size_t i = 0; i < total; i++) small[i + 1] = args[i];
    return call(m->func, small, nargs + 1, kwnames);
  }
  std::vector<Value> buf(total + 1);
  gc::TempRoot root(buf.data(), buf.size());
  buf[0] = m->self;
  for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
  return call(m->func, buf.data(), nargs + 1, kwnames);
}

Value method_repr(Value self) {
  MethodObject* m = as_method(self);
  std::string q = vm::callable_qualname(m->func);
  Value r = object_repr(m->self);
  if (r.is_null()) return r;
  return str_from_utf8("<bound method " + q + " of " + str_to_utf8(r) + ">");
}

Value method_getattro(Value self, Value name) {
  Type* t = type_of(self);
  Value descr = type_lookup(t, name);
  if (!descr.is_null()) {
    DescrGetFn get = type_of(descr)->slots.descr_get;
    if (get) return get(descr, self, Value::from_object(t));
    return descr;
  }
  return getattr(as_method(self)->func, name);
}

Value method_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_method(a) || !is_method(b))
    return NotImplemented();
  MethodObject* x = as_method(a);
  MethodObject* y = as_method(b);
  int eq = object_equal(x->func, y->func);
  if (eq < 0) return Value();
  bool r = eq && x->self == y->self;
  return Bool(op == CompareOp::Eq ? r : !r);
}

int64_t method_hash(Value self) {
  MethodObject* m = as_method(self);
  int64_t a = static_cast<int64_t>(reinterpret_cast<uintptr_t>(m->self.bits()) >> 4);
  int64_t b = object_hash(m->func);
  if (b == -1) return -1;
  int64_t h = a ^ b;
  return h == -1 ? -2 : h;
}

Value method_get_func(Value self) { return as_method(self)->func; }
Value method_get_self(Value self) { return as_method(self)->self; }
Value method_get_doc(Value self) {
  static StrConst k_doc("__doc__");
  return getattr(as_method(self)->func, k_doc.get());
}

const GetSetDef method_getsets[] = {
    {"__func__", method_get_func, nullptr, nullptr},
    {"__self__", method_get_self, nullptr, nullptr},
    {"__doc__", method_get_doc, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

Value method_new_slot(Type*, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("method", kwnames)) return Value();
  if (nargs != 2)
    return raise_format(exc_TypeError, "method expected 2 arguments, got %zd",
                        static_cast<ssize_t>(nargs));
  if (!is_callable(args[0])) return raise_error(exc_TypeError, "first argument must be callable");
  if (is_none(args[1])) return raise_error(exc_TypeError, "instance must not be None");
  return method_new(args[0], args[1]);
}

// -- cell -----------------------------------------------------------------------------------------
void cell_trace(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<CellObject*>(self)->ref, ctx);
}

Value cell_repr(Value self) {
  CellObject* c = as_cell(self);
  std::string s = "<cell at " + vm::address_text(c) + ": ";
  if (c->ref.is_null()) {
    s += "empty>";
  } else {
    s += std::string(type_of(c->ref)->c_name()) + " object at " +
         vm::address_text(c->ref.is_int() ? reinterpret_cast<void*>(c->ref.bits())
                                          : static_cast<void*>(c->ref.as_object())) +
         ">";
  }
  return str_from_utf8(s);
}

Value cell_get_contents(Value self) {
  Value v = as_cell(self)->ref;
  if (v.is_null()) return raise_error(exc_ValueError, "Cell is empty");
  return v;
}
int cell_set_contents(Value self, Value v) {
  gc::store(self.as_object(), &as_cell(self)->ref, v);
  return 0;
}

const GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

Value cell_richcompare(Value a, Value b, CompareOp op) {
  if (!is_cell(a) || !is_cell(b)) return NotImplemented();
  Value x = as_cell(a)->ref, y = as_cell(b)->ref;
  if (!x.is_null() && !y.is_null()) return compare(x, y, op);
  // Empty cells sort before full ones.
  int cx = !x.is_null(), cy = !y.is_null();
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = cx < cy; break;
    case CompareOp::Le: r = cx <= cy; break;
    case CompareOp::Eq: r = cx == cy; break;
    case CompareOp::Ne: r = cx != cy; break;
    case CompareOp::Gt: r = cx > cy; break;
    case CompareOp::Ge: r = cx >= cy; break;
  }
  return Bool(r);
}

Value cell_new_slot(Type*, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("cell", kwnames)) return Value();
  if (!check_nargs("cell", nargs, 0, 1)) return Value();
  return cell_new(nargs ? args[0] : Value());
}

}  // namespace

Value method_new(Value func, Value self) {
  auto* m = gc::alloc_as<MethodObject>(&method_type);
  if (!m) return raise_no_memory();
  gc::store(m, &m->func, func);
  gc::store(m, &m->self, self);
  return Value::from_object(m);
}

Value cell_new(Value v) {
  auto* c = gc::alloc_as<CellObject>(&cell_type);
  if (!c) return raise_no_memory();
  if (!v.is_null()) gc::store(c, &c->ref, v);
  return Value::from_object(c);
}

bool init_vm_function_types() {
  function_type.slots.repr = function_repr;
  function_type.slots.descr_get = function_descr_get;
  function_type.slots.call = function_vcall;
  function_type.slots.getattro = function_getattro;
  function_type.slots.setattro = function_setattro;
  function_type.slots.trace = function_trace;
  type_init(&function_type, &object_type, TypeDefs{nullptr, nullptr, function_getsets},
            "Create a function object.");
  method_type.slots.repr = method_repr;
  method_type.slots.call = method_vcall;
  method_type.slots.getattro = method_getattro;
  method_type.slots.richcompare = method_richcompare;
  method_type.slots.hash = method_hash;
  method_type.slots.trace = method_trace;
  method_type.slots.new_ = method_new_slot;
  type_init(&method_type, &object_type, TypeDefs{nullptr, nullptr, method_getsets},
            "Create a bound instance method object.");
  cell_type.slots.repr = cell_repr;
  cell_type.slots.richcompare = cell_richcompare;
  cell_type.slots.trace = cell_trace;
  cell_type.slots.new_ = cell_new_slot;
  cell_type.slots.hash = nullptr;
  type_init(&cell_type, &object_type, TypeDefs{nullptr, nullptr, cell_getsets},
            "Create a new cell object.");
  return true;
}

}  // namespace tpy
