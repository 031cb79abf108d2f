// interp/vm/vm_builtins.cpp -- The builtins that need the interpreter: __build_class__, exec,
// eval, compile, globals, locals, vars; and init_vm, which makes the VM's types and modules.
#include <string>

#include "gc/barrier.h"
#include "interp/objects/abstract.h"
#include "interp/objects/bytes.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/code.h"
#include "interp/vm/eval.h"
#include "interp/vm/frame.h"
#include "interp/vm/function.h"
#include "interp/vm/module.h"
#include "interp/vm/run.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm_deps.h"

namespace tpy {

bool init_vm_code_type();
bool init_vm_function_types();
bool init_vm_module_type();
bool init_vm_frame_types();
bool init_vm_generator_types();

namespace {

Value current_globals() {
  Frame* f = ts().frame;
  return f ? f->globals : Value();
}

// -- __build_class__ ----------------------------------------------------------------------------------
// PEP 560: bases that are not types may provide __mro_entries__.
Value update_bases(Value bases, bool* changed) {
  static StrConst k_mro_entries("__mro_entries__");
  *changed = false;
  int64_t n = tuple_length(bases);
  Value out;  // a list once something changed
  for (int64_t i = 0; i < n; i++) {
    Value base = tuple_at(bases, i);
    Value meth;
    if (!is_type(base)) {
      meth = getattr_opt(base, k_mro_entries.get());
      if (meth.is_null() && error_occurred()) return Value();
    }
    if (meth.is_null()) {
      if (*changed && list_append(out, base) < 0) return Value();
      continue;
    }
    Value entries = call1(meth, bases);
    if (entries.is_null()) return entries;
    if (!is_tuple(entries))
      return raise_error(exc_TypeError, "__mro_entries__ must return a tuple");
    if (!*changed) {
      out = list_from_array(as_tuple(bases)->items, i);
      if (out.is_null()) return out;
      *changed = true;
    }
    if (list_extend(out, entries) < 0) return Value();
  }
  return *changed ? list_as_tuple(out) : bases;
}

// _PyType_CalculateMetaclass.
Value calculate_metaclass(Value meta, Value bases) {
  Type* winner = as_type(meta);
  for (int64_t i = 0; i < tuple_length(bases); i++) {
    Type* t = type_of(tuple_at(bases, i));
    if (type_is_subtype(winner, t)) continue;
    if (type_is_subtype(t, winner)) {
      winner = t;
      continue;
    }
    return raise_error(exc_TypeError,
                       "metaclass conflict: the metaclass of a derived class must be a "
                       "(non-strict) subclass of the metaclasses of all its bases");
  }
  return Value::from_object(winner);
}

Value builtin_build_class(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 2) return raise_error(exc_TypeError, "__build_class__: not enough arguments");
  Value func = args[0];
  if (!is_function(func)) return raise_error(exc_TypeError, "__build_class__: func must be a function");
  Value name = args[1];
  if (!is_str(name)) return raise_error(exc_TypeError, "__build_class__: name is not a string");
  Value orig_bases = tuple_from_array(args + 2, static_cast<int64_t>(nargs - 2));
  if (orig_bases.is_null()) return orig_bases;
  bool changed = false;
  Value bases = update_bases(orig_bases, &changed);
  if (bases.is_null()) return bases;

  // Keyword arguments: metaclass= is taken out, the rest go to __prepare__ and the metaclass.
  Value mkw = dict_new();
  if (mkw.is_null()) return mkw;
  Value meta;
  if (!kwnames.is_null()) {
    for (int64_t i = 0; i < tuple_length(kwnames); i++) {
      Value k = tuple_at(kwnames, i);
      if (str_equal_ascii(k, "metaclass")) meta = args[nargs + i];
      else if (dict_set(mkw, k, args[nargs + i]) < 0) return Value();
    }
  }
  bool isclass = false;
  if (meta.is_null()) {
    meta = tuple_length(bases) == 0 ? Value::from_object(&type_type)
                                    : Value::from_object(type_of(tuple_at(bases, 0)));
    isclass = true;
  } else {
    isclass = is_type(meta);
  }
  if (isclass) {
    meta = calculate_metaclass(meta, bases);
    if (meta.is_null()) return meta;
  }
  // The namespace from __prepare__ (or a plain dict).
  static StrConst k_prepare("__prepare__");
  Value prep = getattr_opt(meta, k_prepare.get());
  Value ns;
  if (prep.is_null()) {
    if (error_occurred()) return Value();
    ns = dict_new();
  } else {
    ns = call_tuple_dict(prep, tuple_pack({name, bases}), mkw);
  }
  if (ns.is_null()) return ns;
  if (!type_of(ns)->slots.getitem) {
    std::string who = isclass ? std::string(as_type(meta)->c_name()) : "<metaclass>";
    return raise_format(exc_TypeError, "%s.__prepare__() must return a mapping, not %.200s",
                        who.c_str(), type_of(ns)->c_name());
  }
  FunctionObject* fn = as_function(func);
  Value cell = eval_code(fn->code, fn->globals, ns, func);
  if (cell.is_null()) return cell;
  if (changed) {
    static StrConst k_orig("__orig_bases__");
    if (setitem(ns, k_orig.get(), orig_bases) < 0) return Value();
  }
  Value cls = call_tuple_dict(meta, tuple_pack({name, bases, ns}), mkw);
  if (cls.is_null()) return cls;
  if (is_type(cls) && is_cell(cell)) {
    Value cell_cls = as_cell(cell)->ref;
    if (cell_cls != cls) {
      if (cell_cls.is_null()) {
        return raise_format(exc_RuntimeError,
                            "__class__ not set defining %.200R as %.200R. Was __classcell__ "
                            "propagated to type.__new__?",
                            name, cls);
      }
      return raise_format(exc_TypeError, "__class__ set to %.200R defining %.200R as %.200R",
                          cell_cls, name, cls);
    }
  }
  return cls;
}

// -- exec / eval / compile ----------------------------------------------------------------------------
bool check_namespaces(const char* fname, Value* globals, Value* locals, bool is_eval) {
  if (!globals->is_null() && is_none(*globals)) *globals = Value();
  if (!locals->is_null() && is_none(*locals)) *locals = Value();
  Frame* f = ts().frame;
  if (globals->is_null()) {
    if (!f) {
      raise_format(exc_SystemError, "%s must be given globals and locals when called without a frame", fname);
      return false;
    }
    *globals = f->globals;
    if (locals->is_null()) {
      *locals = f->locals.is_null() ? frame_locals_dict(f) : f->locals;
      if (locals->is_null()) return false;
    }
  } else if (locals->is_null()) {
    *locals = *globals;
  }
  if (!is_dict(*globals)) {
    if (is_eval)
      raise_format(exc_TypeError,
                   type_of(*globals)->slots.getitem
                       ? "globals must be a real dict; try eval(expr, {}, mapping)"
                       : "globals must be a dict");
    else
      raise_format(exc_TypeError, "exec() globals must be a dict, not %.100s",
                   type_of(*globals)->c_name());
    return false;
  }
  if (!type_of(*locals)->slots.getitem) {
    if (is_eval)
      raise_error(exc_TypeError, "locals must be a mapping");
    else
      raise_format(exc_TypeError, "locals must be a mapping or None, not %.100s",
                   type_of(*locals)->c_name());
    return false;
  }
  static StrConst k_builtins("__builtins__");
  Value b = dict_get_str(*globals, k_builtins.get());
  if (b.is_null()) {
    Value bd = f ? f->builtins : builtins_dict();
    if (dict_set(*globals, k_builtins.get(), bd) < 0) return false;
  }
  return true;
}

Value run_source_or_code(const char* fname, Value src, Value globals, Value locals, bool is_eval,
                         Value closure) {
  if (is_code(src)) {
    CodeObject* co = as_code(src);
    if (co->nfreevars > 0 && (closure.is_null() || is_none(closure))) {
      return raise_format(exc_TypeError, "code object passed to %s() may not contain free variables",
                          fname);
    }
    Value func;
    if (co->nfreevars > 0) {
      if (!is_tuple(closure) || tuple_length(closure) != co->nfreevars)
        return raise_format(exc_TypeError, "code object requires a closure of exactly length %d",
                            co->nfreevars);
      func = function_new(src, globals);
      if (func.is_null()) return func;
      gc::store(func.as_object(), &as_function(func)->closure, closure);
    }
    return eval_code(src, globals, locals, func);
  }
  std::string text;
  parse::SourceOrigin origin;
  if (is_str(src)) {
    text = str_to_utf8(src);
    origin = parse::SourceOrigin::Text;
  } else {
    // bytes-like objects: their raw bytes (decoded by the front end's coding rules).
    if (!is_bytes(src) && !is_bytearray(src))
      return raise_format(exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    text = std::string(bytes_view(src));
    origin = parse::SourceOrigin::String;
  }
  if (is_eval) {
    size_t k = 0;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) k++;
    text.erase(0, k);
  }
  Value code = compile_source(text, "<string>", is_eval ? SourceMode::Eval : SourceMode::Exec, origin);
  if (code.is_null()) return code;
  return eval_code(code, globals, locals);
}

Value builtin_exec(Value, const Value* args, size_t nargs, Value kwnames) {
  // exec(source, globals=None, locals=None, /, *, closure=None), with 3.11's own messages.
  size_t nkw = kwnames.is_null() ? 0 : static_cast<size_t>(tuple_length(kwnames));
  size_t npos = nargs;
  if (npos < 1)
    return raise_format(exc_TypeError, "exec() takes at least 1 positional argument (%zu given)", npos);
  if (npos > 3)
    return raise_format(exc_TypeError, "exec() takes at most 3 positional arguments (%zu given)", npos);
  Value src = args[0], globals = npos > 1 ? args[1] : Value(), locals = npos > 2 ? args[2] : Value();
  Value closure;
  for (size_t i = 0; i < nkw; i++) {
    Value k = tuple_at(kwnames, static_cast<int64_t>(i));
    if (!str_equal_ascii(k, "closure"))
      return raise_format(exc_TypeError, "'%U' is an invalid keyword argument for exec()", k);
    closure = args[npos + i];
  }
  if (!check_namespaces("exec", &globals, &locals, false)) return Value();
  Value r = run_source_or_code("exec", src, globals, locals, false, closure);
  if (r.is_null()) return r;
  return None();
}

Value builtin_eval(Value, const Value* args, size_t nargs, Value kwnames) {
  // eval(source, globals=None, locals=None, /)
  if (!check_no_kwargs("eval", kwnames) || !check_nargs("eval", nargs, 1, 3)) return Value();
  Value src = args[0], globals = nargs > 1 ? args[1] : Value(), locals = nargs > 2 ? args[2] : Value();
  if (!check_namespaces("eval", &globals, &locals, true)) return Value();
  if (!is_code(src) && !is_str(src) && !type_of(src)->slots.getitem)
    return raise_error(exc_TypeError, "eval() arg 1 must be a string, bytes or code object");
  return run_source_or_code("eval", src, globals, locals, true, Value());
}

Value builtin_compile(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                   "optimize", "_feature_version", nullptr};
  Value src, filename, mode, flags, dont_inherit, optimize, feature;
  ArgSpec spec{"compile", kw, 3, 6, 0, false, false};
  if (!parse_args(spec, args, nargs, kwnames,
                  {&src, &filename, &mode, &flags, &dont_inherit, &optimize, &feature}))
    return Value();
  if (!is_str(mode))
    return raise_format(exc_TypeError, "compile() argument 'mode' must be str, not %.200s",
                        type_of(mode)->c_name());
  SourceMode m;
  if (str_equal_ascii(mode, "exec")) m = SourceMode::Exec;
  else if (str_equal_ascii(mode, "eval")) m = SourceMode::Eval;
  else if (str_equal_ascii(mode, "single")) m = SourceMode::Single;
  else return raise_error(exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  int64_t fl = 0, opt = -1;
  if (!flags.is_null() && !index_to_i64(flags, &fl)) return Value();
  if (!optimize.is_null() && !index_to_i64(optimize, &opt)) return Value();
  if (opt < -1 || opt > 2) return raise_error(exc_ValueError, "compile(): invalid optimize value");
  if (fl & 0x400) return raise_error(exc_SystemError, "compile(): PyCF_ONLY_AST is not supported by tpy yet");
  std::string fname;
  if (is_str(filename)) {
    fname = str_to_utf8(filename);
  } else {
    Value s = object_str(filename);  // bytes / os.PathLike: their text
    if (s.is_null()) return s;
    fname = str_to_utf8(s);
  }
  std::string text;
  parse::SourceOrigin origin;
  if (is_str(src)) {
    text = str_to_utf8(src);
    origin = parse::SourceOrigin::Text;
  } else {
    Value bytes_type_v = dict_get_cstr(builtins_dict(), "bytes");
    Value raw = bytes_type_v.is_null() ? Value() : call1(bytes_type_v, src);
    if (raw.is_null()) {
      clear_exception();
      return raise_error(exc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
    }
    Value l1 = str_from_ascii("latin-1");
    Value dec = call_method(raw, str_intern("decode"), &l1, 1);
    if (dec.is_null()) return dec;
    for (int64_t i = 0; i < str_length(dec); i++) text += static_cast<char>(as_str(dec)->at(i));
    origin = parse::SourceOrigin::String;
  }
  return compile_source(text, fname, m, origin, opt < 0 ? 0 : static_cast<int>(opt),
                        static_cast<uint32_t>(fl));
}

// -- globals / locals / vars --------------------------------------------------------------------------
Value builtin_globals(Value, const Value*, size_t, Value) {
  Value g = current_globals();
  return g.is_null() ? None() : g;
}

Value builtin_locals(Value, const Value*, size_t, Value) {
  Frame* f = ts().frame;
  if (!f) return raise_error(exc_SystemError, "frame does not exist");
  return frame_locals_dict(f);
}

Value builtin_vars(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("vars", kwnames)) return Value();
  if (!check_nargs("vars", nargs, 0, 1)) return Value();
  if (nargs == 0) return builtin_locals(self, args, 0, kwnames);
  static StrConst k_dict("__dict__");
  Value d = getattr_opt(args[0], k_dict.get());
  if (d.is_null()) {
    if (error_occurred() && !error_matches(exc_AttributeError)) return d;
    clear_exception();
    return raise_error(exc_TypeError, "vars() argument must have __dict__ attribute");
  }
  return d;
}

const MethodDef vm_builtin_functions[] = {
    {"__build_class__", builtin_build_class, kMethFastKw,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper "
     "function used by the class statement."},
    {"exec", builtin_exec, kMethFastKw,
     "exec($module, source, globals=None, locals=None, /, *, closure=None)\n--\n\nExecute the "
     "given source in the context of globals and locals."},
    {"eval", builtin_eval, kMethFastKw,
     "eval($module, source, globals=None, locals=None, /)\n--\n\nEvaluate the given source in "
     "the context of globals and locals."},
    {"compile", builtin_compile, kMethFastKw,
     "compile($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, "
     "optimize=-1, *, _feature_version=-1)\n--\n\nCompile source into a code object that can be "
     "executed by exec() or eval()."},
    {"globals", builtin_globals, kMethNoArgs,
     "globals($module, /)\n--\n\nReturn the dictionary containing the current scope's global "
     "variables."},
    {"locals", builtin_locals, kMethNoArgs,
     "locals($module, /)\n--\n\nReturn a dictionary containing the current scope's local "
     "variables."},
    {"vars", builtin_vars, kMethFast,
     "vars([object]) -> dictionary\n\nWithout arguments, equivalent to locals().\nWith an "
     "argument, equivalent to object.__dict__."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool init_vm() {
  if (!init_vm_code_type() || !init_vm_function_types() || !init_vm_module_type() ||
      !init_vm_frame_types() || !init_vm_generator_types())
    return false;
  Value name = str_intern("builtins");
  if (name.is_null()) return false;
  return add_native_functions(builtins_dict(), vm_builtin_functions, builtins_module(), name) == 0;
}

}  // namespace tpy
