// interp/modules/itertools_module.cpp -- The itertools module: its types (initialised on first
// import) and the module object.
#include "interp/modules/itertools_internal.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/dict.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy::itertools {

Value type_short_name(Value self) { return type_name_value(type_of(self)); }

namespace {

bool init_types() {
  static bool done = false;
  if (done) return true;
  for (const TypeRow* rows : {kBasicTypes, kGroupTypes, kCombinatoricTypes}) {
    for (const TypeRow* r = rows; r->type != nullptr; r++) {
      Type* t = r->type;
      t->slots.new_ = r->new_fn;
      if (r->next != nullptr) {
        t->slots.iter = iter_self;
        t->slots.iternext = r->next;
      }
      if (r->repr != nullptr) t->slots.repr = r->repr;
      type_init(t, &object_type, TypeDefs{r->methods, nullptr, nullptr}, r->doc);
      if (error_occurred()) return false;
    }
  }
  done = true;
  return true;
}

}  // namespace
}  // namespace tpy::itertools

namespace tpy {

Value create_itertools_module() {
  using namespace itertools;
  if (!init_types()) return Value();
  Value m = module_new_cstr("itertools");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  for (const TypeRow* rows : {kBasicTypes, kGroupTypes, kCombinatoricTypes}) {
    for (const TypeRow* r = rows; r->type != nullptr; r++) {
      const char* name = r->type->c_name() + sizeof("itertools.") - 1;
      if (dict_set_cstr(d, name, Value::from_object(r->type)) < 0) return Value();
    }
  }
  Value doc = str_from_ascii(
      "Functional tools for creating and using iterators.\n\nInfinite iterators:\n"
      "count(start=0, step=1) --> start, start+step, start+2*step, ...\n"
      "cycle(p) --> p0, p1, ... plast, p0, p1, ...\n"
      "repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
