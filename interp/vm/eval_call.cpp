// interp/vm/eval_call.cpp -- Calling Python functions from C++: argument binding, eval_code,
// and the recursion checks (Python depth and native stack).
#include <pthread.h>

#include <string>
#include <vector>

#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/code.h"
#include "interp/vm/eval.h"
#include "interp/vm/eval_support.h"
#include "interp/vm/frame.h"
#include "interp/vm/function.h"
#include "interp/vm/module.h"
#include "interp/vm/thread_state.h"

namespace tpy {

// -- Recursion limits ---------------------------------------------------------------------------------
namespace {

// Room left on the native stack below the limit for the code that reports the error.
constexpr uintptr_t kStackMargin = 256 * 1024;

void init_stack_limit(ThreadState& t) {
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  if (addr && size > 2 * kStackMargin) {
    t.stack_limit = reinterpret_cast<uintptr_t>(addr) + kStackMargin;
  } else {
    char probe;
    t.stack_limit = reinterpret_cast<uintptr_t>(&probe) - 4 * 1024 * 1024;
  }
}

}  // namespace

bool enter_recursive_call(const char* where) {
  ThreadState& t = ts();
  if (t.stack_limit == 0) init_stack_limit(t);
  char probe;
  if (reinterpret_cast<uintptr_t>(&probe) < t.stack_limit) {
    raise_format(exc_RecursionError, "maximum recursion depth exceeded%s", where);
    return false;
  }
  if (++t.recursion_depth > t.recursion_limit) {
    t.recursion_depth--;
    raise_format(exc_RecursionError, "maximum recursion depth exceeded%s", where);
    return false;
  }
  return true;
}

void leave_recursive_call() { ts().recursion_depth--; }

// -- Calls ---------------------------------------------------------------------------------------------
Value function_call(Value func, const Value* args, size_t nargs, Value kwnames) {
  FunctionObject* fn = as_function(func);
  CodeObject* co = as_code(fn->code);
  Frame* f = frame_push(co);
  if (!f) return Value();
  frame_init(f, co, func, fn->globals, fn->builtins, Value());
  if (!vm::bind_arguments(f, func, args, nargs, kwnames)) {
    frame_pop(f);
    return Value();
  }
  Value r = eval_frame(f, false);
  frame_pop(f);
  return r;
}

Value eval_code(Value code, Value globals, Value locals, Value func) {
  CodeObject* co = as_code(code);
  Value builtins = dict_get_cstr(globals, "__builtins__");
  if (!builtins.is_null() && is_module(builtins)) builtins = module_dict(builtins);
  if (builtins.is_null() || !is_dict(builtins)) builtins = builtins_dict();
  Frame* f = frame_push(co);
  if (!f) return Value();
  frame_init(f, co, func, globals, builtins, locals.is_null() ? globals : locals);
  if (co->flags & kCoOptimized) f->locals = locals;  // a function body: fast locals only
  Value r = eval_frame(f, false);
  frame_pop(f);
  return r;
}

// -- Argument binding (CPython 3.11's initialize_locals) ---------------------------------------------
namespace vm {
namespace {

std::string qualname_of(Value func) { return str_to_utf8(as_function(func)->qualname); }

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (format_missing).
std::string join_names(const std::vector<std::string>& names) {
  std::string s;
  size_t n = names.size();
  for (size_t i = 0; i < n; i++) {
    s += "'" + names[i] + "'";
    if (n == 2 && i == 0) s += " and ";
    else if (n > 2 && i + 2 < n) s += ", ";
    else if (n > 2 && i + 2 == n) s += ", and ";
  }
  return s;
}

void missing_arguments(Value func, Frame* f, bool kwonly, int defcount) {
  CodeObject* co = f->code;
  std::vector<std::string> names;
  int start, end;
  if (kwonly) {
    start = co->argcount;
    end = start + co->kwonlyargcount;
  } else {
    start = 0;
    end = co->argcount - defcount;
  }
  for (int i = start; i < end; i++) {
    if (f->localsplus[i].is_null()) names.push_back(str_to_utf8(tuple_at(co->localsplus_names, i)));
  }
  if (names.empty()) return;
  std::string msg = qualname_of(func) + "() missing " + std::to_string(names.size()) +
                    " required " + (kwonly ? "keyword-only" : "positional") + " argument" +
                    (names.size() == 1 ? "" : "s") + ": " + join_names(names);
  raise_error(exc_TypeError, msg);
}

void too_many_positional(Value func, Frame* f, size_t given, int defcount) {
  CodeObject* co = f->code;
  int kwonly_given = 0;
  for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
    if (!f->localsplus[i].is_null()) kwonly_given++;
  std::string sig;
  bool plural;
  if (defcount) {
    plural = true;
    sig = "from " + std::to_string(co->argcount - defcount) + " to " + std::to_string(co->argcount);
  } else {
    plural = co->argcount != 1;
    sig = std::to_string(co->argcount);
  }
  std::string kwonly_sig;
  if (kwonly_given) {
    kwonly_sig = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                 std::to_string(kwonly_given) + " keyword-only argument" +
                 (kwonly_given != 1 ? "s" : "") + ")";
  }
  std::string msg = qualname_of(func) + "() takes " + sig + " positional argument" +
                    (plural ? "s" : "") + " but " + std::to_string(given) + kwonly_sig + " " +
                    (given == 1 && !kwonly_given ? "was" : "were") + " given";
  raise_error(exc_TypeError, msg);
}

// Positional-only parameter names given as keywords (when there is no **kwargs to take them).
bool positional_only_passed_as_keyword(Value func, CodeObject* co, Value kwnames) {
  std::vector<std::string> names;
  for (int k = 0; k < co->posonlyargcount; k++) {
    Value pn = tuple_at(co->localsplus_names, k);
    for (int64_t i = 0; i < tuple_length(kwnames); i++) {
      if (str_equal(tuple_at(kwnames, i), pn)) {
        names.push_back(str_to_utf8(pn));
        break;
      }
    }
  }
  if (names.empty()) return false;
  std::string joined;
  for (size_t i = 0; i < names.size(); i++) joined += (i ? ", " : "") + names[i];
  raise_error(exc_TypeError, qualname_of(func) +
                                 "() got some positional-only arguments passed as keyword "
                                 "arguments: '" + joined + "'");
  return true;
}

}  // namespace

bool bind_arguments(Frame* f, Value func, const Value* args, size_t argcount, Value kwnames) {
  CodeObject* co = f->code;
  FunctionObject* fn = as_function(func);
  Value* locals = f->localsplus;
  const int n_params = co->argcount;
  const int total_args = co->argcount + co->kwonlyargcount;
  Value kwdict;
  int i = total_args;
  if (co->flags & kCoVarargs) i++;
  if (co->flags & kCoVarkeywords) {
    kwdict = dict_new();
    if (kwdict.is_null()) return false;
    locals[i] = kwdict;
  }
  size_t n = argcount > static_cast<size_t>(n_params) ? n_params : argcount;
  for (size_t j = 0; j < n; j++) locals[j] = args[j];
  if (co->flags & kCoVarargs) {
    Value u = argcount > n ? tuple_from_array(args + n, static_cast<int64_t>(argcount - n))
                           : tuple_empty();
    if (u.is_null()) return false;
    locals[total_args] = u;
  }
  // Keyword arguments.
  if (!kwnames.is_null()) {
    int64_t kwcount = tuple_length(kwnames);
    for (int64_t k = 0; k < kwcount; k++) {
      Value key = tuple_at(kwnames, k);
      Value value = args[argcount + k];
      if (!is_str(key)) {
        raise_error(exc_TypeError, qualname_of(func) + "() keywords must be strings");
        return false;
      }
      int j;
      // Identity first (interned names), then equality.
      for (j = co->posonlyargcount; j < total_args; j++)
        if (tuple_at(co->localsplus_names, j) == key) goto kw_found;
      for (j = co->posonlyargcount; j < total_args; j++)
        if (str_equal(tuple_at(co->localsplus_names, j), key)) goto kw_found;
      if (kwdict.is_null()) {
        if (positional_only_passed_as_keyword(func, co, kwnames)) return false;
        raise_format(exc_TypeError, "%s() got an unexpected keyword argument '%S'",
                     qualname_of(func).c_str(), key);
        return false;
      }
      if (dict_set(kwdict, key, value) < 0) return false;
      continue;
    kw_found:
      if (!locals[j].is_null()) {
        raise_format(exc_TypeError, "%s() got multiple values for argument '%S'",
                     qualname_of(func).c_str(), key);
        return false;
      }
      locals[j] = value;
    }
  }
  // Too many positional arguments.
  int defcount = fn->defaults.is_null() ? 0 : static_cast<int>(tuple_length(fn->defaults));
  if (argcount > static_cast<size_t>(n_params) && !(co->flags & kCoVarargs)) {
    too_many_positional(func, f, argcount, defcount);
    return false;
  }
  // Defaults for missing positional arguments.
  if (argcount < static_cast<size_t>(n_params)) {
    int m = n_params - defcount;
    for (int j = static_cast<int>(argcount); j < m; j++) {
      if (locals[j].is_null()) {
        missing_arguments(func, f, false, defcount);
        return false;
      }
    }
    int start = static_cast<int>(argcount) > m ? static_cast<int>(argcount) - m : 0;
    for (int j = start; j < defcount; j++) {
      if (locals[m + j].is_null()) locals[m + j] = tuple_at(fn->defaults, j);
    }
  }
  // Keyword-only defaults.
  if (co->kwonlyargcount > 0) {
    bool missing = false;
    for (int j = co->argcount; j < total_args; j++) {
      if (!locals[j].is_null()) continue;
      Value name = tuple_at(co->localsplus_names, j);
      if (!fn->kwdefaults.is_null()) {
        Value def = dict_get(fn->kwdefaults, name);
        if (!def.is_null()) {
          locals[j] = def;
          continue;
        }
        if (error_occurred()) return false;
      }
      missing = true;
    }
    if (missing) {
      missing_arguments(func, f, true, -1);
      return false;
    }
  }
  return true;
}

}  // namespace vm
}  // namespace tpy
