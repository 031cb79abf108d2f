// interp/vm/module.cpp -- The module type, the builtins module object and `__main__`.
#include "interp/vm/module.h"

#include "gc/barrier.h"
#include "gc/heap.h"
#include "gc/roots.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"
#include "interp/vm/vm_deps.h"
#include "interp/vm/vm_internal.h"

namespace tpy {

constinit Type module_type{&type_type, "module", sizeof(ModuleObject), kTypeBaseType};

namespace {

// Modules whose repr says "(built-in)": builtins, sys and a __main__ run from -c or stdin
// (CPython's BuiltinImporter loader). A flag in the header's aux word.
constexpr int32_t kModuleBuiltinRepr = 1;
struct ModuleAux : ModuleObject {
  using Object::aux;
  using Object::set_aux;
};

int module_fill(Value m, Value name, Value doc) {
  ModuleObject* mo = as_module(m);
  gc::store(mo, &mo->name, name);
  Value d = mo->dict;
  if (dict_set_cstr(d, "__name__", name) < 0 || dict_set_cstr(d, "__doc__", doc) < 0 ||
      dict_set_cstr(d, "__package__", None()) < 0 || dict_set_cstr(d, "__loader__", None()) < 0 ||
      dict_set_cstr(d, "__spec__", None()) < 0)
    return -1;
  return 0;
}

Value module_alloc(Type* t) {
  Value d = dict_new();
  if (d.is_null()) return d;
  Object* o = gc::alloc(t->m_basicsize, t);
  if (!o) return raise_no_memory();
  auto* m = static_cast<ModuleObject*>(o);
  gc::store(m, &m->dict, d);
  return Value::from_object(m);
}

void module_trace(Object* self, VisitFn visit, void* ctx) {
  auto* m = static_cast<ModuleObject*>(self);
  visit(&m->dict, ctx);
  visit(&m->name, ctx);
}

Value module_new_slot(Type* t, const Value*, size_t, Value) { return module_alloc(t); }

int module_init_slot(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"name", "doc", nullptr};
  Value name, doc;
  ArgSpec spec{"module", kw, 1, 2, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames, {&name, &doc})) return -1;
  if (!is_str(name)) {
    raise_format(exc_TypeError, "module.__init__() argument 'name' must be str, not %.200s",
                 type_of(name)->c_name());
    return -1;
  }
  return module_fill(self, name, doc.is_null() ? None() : doc);
}

Value module_repr(Value self) {
  // As CPython 3.11: importlib's _module_repr, once the import system is up.
  Value bs = gc::g_roots.importlib();
  if (!bs.is_null()) {
    static StrConst k_module_repr("_module_repr");
    return call_method(bs, k_module_repr.get(), &self, 1);
  }
  ModuleObject* m = as_module(self);
  Value name = dict_get_cstr(m->dict, "__name__");
  std::string n = (!name.is_null() && is_str(name)) ? str_to_utf8(name) : "?";
  Value file = dict_get_cstr(m->dict, "__file__");
  if (!file.is_null() && is_str(file))
    return str_from_utf8("<module '" + n + "' from '" + str_to_utf8(file) + "'>");
  if (static_cast<ModuleAux*>(m)->aux() & kModuleBuiltinRepr)
    return str_from_utf8("<module '" + n + "' (built-in)>");
  return str_from_utf8("<module '" + n + "'>");
}

Value module_getattro(Value self, Value name) {
  ModuleObject* m = as_module(self);
  Value v = vm::dict_field_getattr(self, name, m->dict);
  if (!v.is_null() || error_occurred()) return v;
  static StrConst k_getattr("__getattr__");
  Value hook = dict_get_str(m->dict, k_getattr.get());
  if (!hook.is_null()) return call1(hook, name);
  if (error_occurred()) return Value();
  Value mname = dict_get_cstr(m->dict, "__name__");
  if (!mname.is_null() && is_str(mname)) {
    static StrConst k_spec("__spec__"), k_init("_initializing");
    Value spec = dict_get_str(m->dict, k_spec.get());
    bool busy = false;
    if (!spec.is_null() && !is_none(spec)) {
      Value flag = getattr_opt(spec, k_init.get());
      int t = flag.is_null() ? 0 : object_truthy(flag);
      if (t < 0 || error_occurred()) clear_exception();
      busy = t > 0;
    }
    if (busy)
      raise_format(exc_AttributeError,
                   "partially initialized module '%U' has no attribute '%U' (most likely due "
                   "to a circular import)",
                   mname, name);
    else
      raise_format(exc_AttributeError, "module '%U' has no attribute '%U'", mname, name);
  } else {
    raise_format(exc_AttributeError, "module has no attribute '%U'", name);
  }
  attribute_error_set_context(self, name);
  return Value();
}

int module_setattro(Value self, Value name, Value v) {
  ModuleObject* m = as_module(self);
  if (v.is_null()) {
    Type* t = type_of(self);
    Value descr = type_lookup(t, name);
    if (descr.is_null()) {
      int r = dict_del(m->dict, name);
      if (r < 0) return -1;
      if (r == 0) {
        Value mname = dict_get_cstr(m->dict, "__name__");
        raise_format(exc_AttributeError, "module '%U' has no attribute '%U'",
                     mname.is_null() ? str_from_ascii("?") : mname, name);
        return -1;
      }
      return 0;
    }
  }
  return vm::dict_field_setattr(self, name, v, &m->dict);
}

Value module_get_dict(Value self) { return as_module(self)->dict; }

// module.__dir__: the module's own __dir__ function if it defines one, else its dict's keys.
Value module_dir(Value self, const Value*, size_t, Value) {
  Value d = as_module(self)->dict;
  static StrConst k_dir("__dir__");
  Value fn = dict_get_str(d, k_dir.get());
  if (!fn.is_null()) return call0(fn);
  if (error_occurred()) return Value();
  return dict_keys_list(d);
}

const MethodDef module_methods[] = {{"__dir__", module_dir, kMethNoArgs, nullptr},
                                    {nullptr, nullptr, 0, nullptr}};

const GetSetDef module_getsets[] = {
    {"__dict__", module_get_dict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// __main__.__loader__ as CPython sets it: a SourceFileLoader for a script, the BuiltinImporter
// class otherwise (once importlib is installed).
int main_set_loader(Value d, const std::string& filename, bool set_file) {
  Value bs = gc::g_roots.importlib();
  if (bs.is_null()) return 0;
  Value loader;
  if (set_file) {
    Value ext = dict_get_cstr(gc::g_roots.sys_modules(), "_frozen_importlib_external");
    if (ext.is_null()) return error_occurred() ? -1 : 0;
    Value cls = getattr_cstr(ext, "SourceFileLoader");
    if (cls.is_null()) return -1;
    Value args[2] = {str_intern("__main__"), str_from_utf8(filename)};
    if (args[1].is_null()) return -1;
    loader = call(cls, args, 2);
  } else {
    loader = getattr_cstr(bs, "BuiltinImporter");
  }
  if (loader.is_null()) return -1;
  return dict_set_cstr(d, "__loader__", loader);
}

}  // namespace

Value module_new(Value name) {
  Value m = module_alloc(&module_type);
  if (m.is_null()) return m;
  if (module_fill(m, name, None()) < 0) return Value();
  return m;
}

Value module_new_cstr(const char* name) {
  Value n = str_intern(name);
  if (n.is_null()) return n;
  return module_new(n);
}

Value builtins_module() { return gc::g_roots.builtins(); }
Value builtins_dict() { return module_dict(gc::g_roots.builtins()); }

Value main_module_new(const std::string& filename, bool set_file) {
  Value m = module_new_cstr("__main__");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (dict_set_cstr(d, "__builtins__", builtins_module()) < 0) return Value();
  if (set_file) {
    Value f = str_from_utf8(filename);
    if (f.is_null() || dict_set_cstr(d, "__file__", f) < 0) return Value();
    // CPython 3.11 also sets __cached__ = None for a script.
    if (dict_set_cstr(d, "__cached__", None()) < 0) return Value();
  } else {
    static_cast<ModuleAux*>(as_module(m))->set_aux(kModuleBuiltinRepr);
  }
  Value mods = gc::g_roots.sys_modules();
  if (!mods.is_null() && is_dict(mods) && dict_set_cstr(mods, "__main__", m) < 0) return Value();
  if (main_set_loader(d, filename, set_file) < 0) return Value();
  return m;
}

bool init_vm_module_type() {
  module_type.slots.new_ = module_new_slot;
  module_type.slots.init = module_init_slot;
  module_type.slots.repr = module_repr;
  module_type.slots.getattro = module_getattro;
  module_type.slots.setattro = module_setattro;
  module_type.slots.trace = module_trace;
  type_init(&module_type, &object_type, TypeDefs{module_methods, nullptr, module_getsets},
            "Create a module object.\n\nThe name must be a string; the optional doc argument "
            "can have any type.");
  // The builtins module object (its functions come from the builtins part and the VM).
  if (gc::g_roots.builtins().is_null()) {
    Value b = module_new_cstr("builtins");
    if (b.is_null()) return false;
    static_cast<ModuleAux*>(as_module(b))->set_aux(kModuleBuiltinRepr);
    Value doc = str_from_ascii(
        "Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' "
        "object; Ellipsis represents `...' in slices.");
    if (doc.is_null() || dict_set_cstr(module_dict(b), "__doc__", doc) < 0) return false;
    gc::g_roots.builtins() = b;
  }
  return true;
}

}  // namespace tpy
