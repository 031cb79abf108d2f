// interp/vm/module.h -- Module objects: a name and a dict (the import system is elsewhere).
#pragma once

#include <string>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type module_type;

class ModuleObject : public Object {
 public:
  Value dict;  // the module's globals (a dict with a version for LOAD_GLOBAL's cache)
  Value name;  // str, for repr when __name__ is gone from the dict
};

inline bool is_module(Value v) { return v.is_object() && is_instance_of(v, &module_type); }
inline ModuleObject* as_module(Value v) { return static_cast<ModuleObject*>(v.as_object()); }
inline Value module_dict(Value m) { return as_module(m)->dict; }

// A module named [name] (a str) with __name__, __doc__ (None), __package__, __loader__,
// __spec__ set as CPython's PyModule_New does.
Value module_new(Value name);
Value module_new_cstr(const char* name);

// The builtins module (gc::g_roots.builtins()) and its dict, made by init_vm_modules.
Value builtins_module();
Value builtins_dict();

// A fresh `__main__` module for running a program from [filename] (sets __file__ unless the
// program came from -c or stdin, __builtins__, __annotations__ is left unset), registered in
// sys.modules when that exists.
Value main_module_new(const std::string& filename, bool set_file);

}  // namespace tpy
