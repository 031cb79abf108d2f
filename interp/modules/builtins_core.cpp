// interp/modules/builtins_core.cpp -- The builtins module's functions other than print and the
// iteration ones (builtins_iter.cpp): len, repr, isinstance, getattr, abs, chr, hex, ...
#include <string>

#include "interp/modules/builtins_import.h"
#include "interp/modules/builtins_internal.h"
#include "interp/modules/sys_module.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/object_dir.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/frame.h"
#include "interp/vm/module.h"

namespace tpy {

namespace {

Value builtin_len(Value, const Value* args, size_t, Value) {
  int64_t n = object_length(args[0]);
  if (n < 0) return Value();
  return int_from_i64(n);
}

Value builtin_repr(Value, const Value* args, size_t, Value) { return object_repr(args[0]); }
Value builtin_ascii(Value, const Value* args, size_t, Value) { return object_ascii(args[0]); }

Value builtin_isinstance(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("isinstance", nargs, 2, 2)) return Value();
  int r = object_isinstance(args[0], args[1]);
  return r < 0 ? Value() : Bool(r);
}

Value builtin_issubclass(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("issubclass", nargs, 2, 2)) return Value();
  int r = object_issubclass(args[0], args[1]);
  return r < 0 ? Value() : Bool(r);
}

Value builtin_id(Value, const Value* args, size_t, Value) {
  return int_from_u64(args[0].bits());
}

Value builtin_hash(Value, const Value* args, size_t, Value) {
  int64_t h = object_hash(args[0]);
  if (h == -1 && error_occurred()) return Value();
  return int_from_i64(h);
}

Value builtin_callable(Value, const Value* args, size_t, Value) {
  int r = is_callable(args[0]);
  return r < 0 ? Value() : Bool(r);
}

Value builtin_getattr(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("getattr", nargs, 2, 3)) return Value();
  if (nargs == 2) return getattr(args[0], args[1]);
  Value v = getattr_opt(args[0], args[1]);
  if (v.is_null() && !error_occurred()) return args[2];
  return v;
}

Value builtin_setattr(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("setattr", nargs, 3, 3)) return Value();
  if (setattr(args[0], args[1], args[2]) < 0) return Value();
  return None();
}

Value builtin_delattr(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("delattr", nargs, 2, 2)) return Value();
  if (setattr(args[0], args[1], Value()) < 0) return Value();
  return None();
}

Value builtin_hasattr(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("hasattr", nargs, 2, 2)) return Value();
  Value v = getattr_opt(args[0], args[1]);
  if (v.is_null()) return error_occurred() ? Value() : False();
  return True();
}

Value builtin_abs(Value, const Value* args, size_t, Value) { return number_abs(args[0]); }

Value builtin_divmod(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("divmod", nargs, 2, 2)) return Value();
  return number_divmod(args[0], args[1]);
}

Value builtin_pow(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"base", "exp", "mod", nullptr};
  Value base, exp, mod;
  ArgSpec spec{"pow", kw, 2, 3, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&base, &exp, &mod})) return Value();
  return power(base, exp, mod.is_null() ? None() : mod);
}

Value builtin_round(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"number", "ndigits", nullptr};
  Value number, ndigits;
  ArgSpec spec{"round", kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&number, &ndigits})) return Value();
  static StrConst k_round("__round__");
  Value meth = lookup_special(number, k_round.get());
  if (meth.is_null()) {
    if (error_occurred()) return Value();
    return raise_format(exc_TypeError, "type %.100s doesn't define __round__ method",
                        type_of(number)->c_name());
  }
  if (ndigits.is_null() || is_none(ndigits)) return call0(meth);
  return call1(meth, ndigits);
}

Value int_in_base(Value v, int base, const char* prefix) {
  Value i = number_index(v);
  if (i.is_null()) return i;
  std::string digits;
  if (!int_to_string(i, base, digits)) return Value();
  std::string out;
  if (!digits.empty() && digits[0] == '-') {
    out = "-";
    digits.erase(0, 1);
  }
  out += prefix;
  out += digits;
  return str_from_ascii(out);
}

Value builtin_hex(Value, const Value* args, size_t, Value) { return int_in_base(args[0], 16, "0x"); }
Value builtin_oct(Value, const Value* args, size_t, Value) { return int_in_base(args[0], 8, "0o"); }
Value builtin_bin(Value, const Value* args, size_t, Value) { return int_in_base(args[0], 2, "0b"); }

Value builtin_chr(Value, const Value* args, size_t, Value) {
  Value v = args[0];
  if (!is_instance_of(v, &int_type)) {
    static StrConst k_index("__index__");
    if (type_of(v)->slots.index == nullptr && type_lookup(type_of(v), k_index.get()).is_null())
      return raise_format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                          type_of(v)->c_name());
  }
  Value i = number_index(v);
  if (i.is_null()) return i;
  int64_t cp;
  if (!int_to_i64(i, &cp) || cp < 0 || cp > 0x10ffff) {
    if (!int_to_i64(i, &cp))
      return raise_error(exc_OverflowError, "Python int too large to convert to C int");
    return raise_error(exc_ValueError, "chr() arg not in range(0x110000)");
  }
  return str_from_code_point(static_cast<uint32_t>(cp));
}

Value builtin_ord(Value, const Value* args, size_t, Value) {
  Value v = args[0];
  if (is_str(v)) {
    if (str_length(v) == 1) return int_from_i64(as_str(v)->at(0));
    return raise_format(exc_TypeError,
                        "ord() expected a character, but string of length %lld found",
                        static_cast<long long>(str_length(v)));
  }
  // bytes / bytearray of length 1 once those types exist (by name: no header yet).
  Type* t = type_of(v);
  if (t->has_flag(kTypeBytesSubclass) || std::string_view(t->c_name()) == "bytearray") {
    int64_t n = object_length(v);
    if (n < 0) return Value();
    if (n == 1) {
      Value item = getitem(v, Value::from_int(0));
      return item;
    }
    return raise_format(exc_TypeError,
                        "ord() expected a character, but string of length %lld found",
                        static_cast<long long>(n));
  }
  return raise_format(exc_TypeError, "ord() expected string of length 1, but %.200s found",
                      t->c_name());
}

Value builtin_format(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("format", nargs, 1, 2)) return Value();
  Value spec = nargs > 1 ? args[1] : str_empty();
  if (!is_str(spec))
    return raise_format(exc_TypeError, "format() argument 2 must be str, not %.200s",
                        type_of(spec)->c_name());
  return object_format(args[0], spec);
}

Value builtin_dir(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("dir", nargs, 0, 1)) return Value();
  Value result;
  if (nargs == 0) {
    Frame* f = ts().frame;
    Value locals = f ? frame_locals_dict(f) : Value();
    if (locals.is_null()) {
      if (error_occurred()) return Value();
      return list_new();
    }
    if (is_dict(locals)) {
      result = dict_keys_list(locals);
    } else {
      static StrConst k_keys("keys");
      Value keys = call_method(locals, k_keys.get(), nullptr, 0);
      if (keys.is_null()) return keys;
      result = list_from_iterable(keys);
    }
  } else {
    return object_dir(args[0]);
  }
  if (result.is_null()) return result;
  if (list_sort(result, Value(), false) < 0) return Value();
  return result;
}

Value builtin_input(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("input", nargs, 0, 1)) return Value();
  Value out = sys_get_stdout();
  if (out.is_null()) return out;
  Value err = sys_get_stderr();
  if (err.is_null()) return err;
  static StrConst k_flush("flush");
  Value r = call_method(err, k_flush.get(), nullptr, 0);
  if (r.is_null()) clear_exception();
  if (nargs == 1) {
    Value p = object_str(args[0]);
    if (p.is_null() || sys_write_str(out, p) < 0) return Value();
  }
  r = call_method(out, k_flush.get(), nullptr, 0);
  if (r.is_null()) clear_exception();
  Value in = dict_get_cstr(sys_dict(), "stdin");
  if (in.is_null()) {
    if (error_occurred()) return Value();
    return raise_error(exc_RuntimeError, "input(): lost sys.stdin");
  }
  static StrConst k_readline("readline");
  Value line = call_method(in, k_readline.get(), nullptr, 0);
  if (line.is_null()) return line;
  if (!is_str(line)) return raise_error(exc_TypeError, "object.readline() returned non-string");
  int64_t n = str_length(line);
  if (n == 0) return raise_error(exc_EOFError, "EOF when reading a line");
  if (as_str(line)->at(n - 1) == '\n') return str_substring(line, 0, n - 1);
  return line;
}

// exit() / quit(): site's Quitter objects in CPython (here plain functions with its behaviour).
Value builtin_exit(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("exit", nargs, 0, 1)) return Value();
  Value e = exception_new(exc_SystemExit, args, nargs);
  if (e.is_null()) return e;
  return raise_value(e);
}

Value builtin_breakpoint(Value, const Value*, size_t, Value) {
  return raise_error(exc_RuntimeError, "lost sys.breakpointhook");
}

const MethodDef builtin_functions[] = {
    {"__import__", builtin_import, kMethFastKw, kBuiltinImportDoc},
    {"abs", builtin_abs, kMethO, "Return the absolute value of the argument."},
    {"ascii", builtin_ascii, kMethO, nullptr},
    {"bin", builtin_bin, kMethO, nullptr},
    {"breakpoint", builtin_breakpoint, kMethFastKw, nullptr},
    {"callable", builtin_callable, kMethO, nullptr},
    {"chr", builtin_chr, kMethO, nullptr},
    {"delattr", builtin_delattr, kMethFast, nullptr},
    {"dir", builtin_dir, kMethFast, nullptr},
    {"divmod", builtin_divmod, kMethFast, nullptr},
    {"exit", builtin_exit, kMethFast, nullptr},
    {"quit", builtin_exit, kMethFast, nullptr},
    {"format", builtin_format, kMethFast, nullptr},
    {"getattr", builtin_getattr, kMethFast, nullptr},
    {"hasattr", builtin_hasattr, kMethFast, nullptr},
    {"hash", builtin_hash, kMethO, nullptr},
    {"hex", builtin_hex, kMethO, nullptr},
    {"id", builtin_id, kMethO, nullptr},
    {"input", builtin_input, kMethFast, nullptr},
    {"isinstance", builtin_isinstance, kMethFast, nullptr},
    {"issubclass", builtin_issubclass, kMethFast, nullptr},
    {"len", builtin_len, kMethO, "Return the number of items in a container."},
    {"oct", builtin_oct, kMethO, nullptr},
    {"ord", builtin_ord, kMethO, nullptr},
    {"pow", builtin_pow, kMethFastKw, nullptr},
    {"repr", builtin_repr, kMethO, nullptr},
    {"round", builtin_round, kMethFastKw, nullptr},
    {"setattr", builtin_setattr, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool init_builtin_functions(Value d) {
  Value name = str_intern("builtins");
  if (add_native_functions(d, builtin_functions, builtins_module(), name) != 0) return false;
  return init_builtin_iter_functions(d);
}

}  // namespace tpy
