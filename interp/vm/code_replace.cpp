// interp/vm/code_replace.cpp -- code.replace(**changes): a copy of a code object with some fields swapped.
#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/code.h"

namespace tpy {

namespace {

// The trailing arrays are pointers into the object itself: a byte copy must move them.
template <typename T>
void relocate(T*& p, const char* old_base, char* new_base) {
  if (p != nullptr) p = reinterpret_cast<T*>(new_base + (reinterpret_cast<const char*>(p) - old_base));
}

bool check_str(const char* what, Value v) {
  if (is_str(v)) return true;
  raise_format(exc_TypeError, "replace() argument '%s' must be str, not %.200s", what,
               type_of(v)->c_name());
  return false;
}

// A replacement tuple must keep the length: the instructions index into it.
bool check_same_tuple(const char* what, Value v, Value old) {
  if (!is_instance_of(v, &tuple_type)) {
    raise_format(exc_TypeError, "replace() argument '%s' must be tuple, not %.200s", what,
                 type_of(v)->c_name());
    return false;
  }
  if (tuple_length(v) == tuple_length(old)) return true;
  raise_format(exc_ValueError, "code.replace(): changing the length of %s is not supported", what);
  return false;
}

}  // namespace

Value code_replace_m(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"co_name", "co_qualname", "co_filename", "co_firstlineno",
                                   "co_consts", "co_names", "co_varnames", "co_flags", nullptr};
  Value name, qualname, filename, firstlineno, consts, names, varnames, flags;
  ArgSpec spec{"replace", kw, 0, 0, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames,
                  {&name, &qualname, &filename, &firstlineno, &consts, &names, &varnames, &flags}))
    return Value();
  CodeObject* co = as_code(self);
  if (!name.is_null() && !check_str("co_name", name)) return Value();
  if (!qualname.is_null() && !check_str("co_qualname", qualname)) return Value();
  if (!filename.is_null() && !check_str("co_filename", filename)) return Value();
  if (!consts.is_null() && !check_same_tuple("co_consts", consts, co->consts)) return Value();
  if (!names.is_null() && !check_same_tuple("co_names", names, co->names)) return Value();
  if (!varnames.is_null() && !check_same_tuple("co_varnames", varnames, co->varnames)) return Value();
  int64_t line = co->firstlineno, fl = co->flags;
  if (!firstlineno.is_null() && !index_to_i64(firstlineno, &line)) return Value();
  if (!flags.is_null() && !index_to_i64(flags, &fl)) return Value();

  size_t bytes = gc::cell_size(co);
  auto* c = static_cast<CodeObject*>(gc::alloc(bytes, &code_type));
  if (c == nullptr) return raise_no_memory();
  std::memcpy(reinterpret_cast<char*>(c) + sizeof(Object), reinterpret_cast<const char*>(co) + sizeof(Object),
              bytes - sizeof(Object));
  const char* ob = reinterpret_cast<const char*>(co);
  char* nb = reinterpret_cast<char*>(c);
  relocate(c->code, ob, nb);
  relocate(c->positions, ob, nb);
  relocate(c->exctable, ob, nb);
  relocate(c->kinds, ob, nb);
  relocate(c->hot, ob, nb);
  relocate(c->cache, ob, nb);
  relocate(c->original, ob, nb);
  c->hot_calls = 0;
  if (!name.is_null()) c->name = name;
  if (!qualname.is_null()) c->qualname = qualname;
  if (!filename.is_null()) c->filename = filename;
  if (!consts.is_null()) c->consts = consts;
  if (!names.is_null()) c->names = names;
  if (!varnames.is_null()) c->varnames = varnames;
  c->firstlineno = static_cast<int32_t>(line);
  c->flags = static_cast<uint32_t>(fl);
  gc::write_barrier_all(c);
  return Value::from_object(c);
}

}  // namespace tpy
