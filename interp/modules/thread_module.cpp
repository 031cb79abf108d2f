// interp/modules/thread_module.cpp -- _thread: locks, thread identity and the module's functions.
//
// Starting threads waits for the GIL/threading issue: start_new_thread raises RuntimeError
// ("can't start new thread") until then, so threading.py imports and its locks work.
#include <sys/syscall.h>
#include <unistd.h>

#include <csignal>

#include <string>

#include "interp/modules/structseq.h"
#include "interp/modules/sys_module.h"
#include "interp/modules/thread_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/module.h"
#include "interp/vm/traceback.h"

namespace tpy {

namespace vm {
extern volatile std::sig_atomic_t g_pending_sigint;
}

constinit Type excepthook_args_type{&type_type, "_thread._ExceptHookArgs", sizeof(TupleObject),
                                    kTypeImmutable};

namespace {

Value th_allocate_lock(Value, const Value*, size_t, Value) { return lock_new(); }

Value th_get_ident(Value, const Value*, size_t, Value) { return int_from_i64(thread_ident()); }

Value th_get_native_id(Value, const Value*, size_t, Value) {
  return int_from_i64(static_cast<int64_t>(::syscall(SYS_gettid)));
}

Value th_count(Value, const Value*, size_t, Value) { return Value::from_int(0); }

Value th_start_new_thread(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("start_new_thread", nargs, 2, 3)) return Value();
  if (!is_callable(args[0])) return raise_error(exc_TypeError, "first arg must be callable");
  if (!is_tuple(args[1])) return raise_error(exc_TypeError, "2nd arg must be a tuple");
  return raise_error(exc_RuntimeError, "can't start new thread");
}

Value th_stack_size(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("stack_size", nargs, 0, 1)) return Value();
  int64_t size = 0;
  if (nargs && !index_to_i64(args[0], &size)) return Value();
  if (size != 0 && size < 32768) return raise_error(exc_ValueError, "size not valid: 32768 bytes");
  return Value::from_int(0);
}

Value th_interrupt_main(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"signum", nullptr};
  Value signum;
  ArgSpec spec{"interrupt_main", kw, 0, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&signum})) return Value();
  vm::g_pending_sigint = 1;
  return None();
}

Value th_exit(Value, const Value*, size_t, Value) { return raise_empty(exc_SystemExit); }

Value th_daemon_threads_allowed(Value, const Value*, size_t, Value) { return True(); }

const StructSeqField kHookFields[] = {{"exc_type", "Exception type"},
                                      {"exc_value", "Exception value"},
                                      {"exc_traceback", "Exception traceback"},
                                      {"thread", "Thread"},
                                      {nullptr, nullptr}};
const StructSeqDesc kHookDesc{kHookFields, -1, "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook."};

// threading.excepthook's default: "Exception in thread NAME:" and the traceback on stderr
// (SystemExit is silent).
Value th_excepthook(Value, const Value* args, size_t, Value) {
  Value a = args[0];
  if (type_of(a) != &excepthook_args_type)
    return raise_error(exc_TypeError, "_thread._excepthook argument type must be ExceptHookArgs");
  Value type = tuple_at(a, 0), value = tuple_at(a, 1), thread = tuple_at(a, 3);
  if (is_type(type) && type_is_subtype(as_type(type), exc_SystemExit)) return None();
  std::string name;
  if (!is_none(thread)) {
    Value n = getattr_opt(thread, str_intern("name"));
    if (n.is_null() && error_occurred()) return n;
    if (!n.is_null() && is_str(n)) name = str_to_utf8(n);
  }
  if (name.empty()) name = std::to_string(thread_ident());
  Value err = sys_get_stderr();
  if (err.is_null()) return err;
  if (is_none(err)) return None();
  if (sys_write_text(err, "Exception in thread " + name + ":\n") < 0) return Value();
  sys_flush_std_streams();
  if (is_exception_instance(value)) print_exception(value);
  return None();
}

const MethodDef thread_functions[] = {
    {"_excepthook", th_excepthook, kMethO, nullptr},
    {"allocate_lock", th_allocate_lock, kMethNoArgs, nullptr},
    {"allocate", th_allocate_lock, kMethNoArgs, nullptr},
    {"_set_sentinel", th_allocate_lock, kMethNoArgs, nullptr},
    {"get_ident", th_get_ident, kMethNoArgs, nullptr},
    {"get_native_id", th_get_native_id, kMethNoArgs, nullptr},
    {"_count", th_count, kMethNoArgs, nullptr},
    {"start_new_thread", th_start_new_thread, kMethFast, nullptr},
    {"start_new", th_start_new_thread, kMethFast, nullptr},
    {"stack_size", th_stack_size, kMethFast, nullptr},
    {"interrupt_main", th_interrupt_main, kMethFastKw, nullptr},
    {"exit", th_exit, kMethNoArgs, nullptr},
    {"exit_thread", th_exit, kMethNoArgs, nullptr},
    {"daemon_threads_allowed", th_daemon_threads_allowed, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_thread_module() {
  if (!init_thread_lock_types()) return Value();
  if (!excepthook_args_type.has_flag(kTypeReady) &&
      !structseq_init_type(&excepthook_args_type, &kHookDesc))
    return Value();
  Value m = module_new_cstr("_thread");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, thread_functions, m, str_intern("_thread")) < 0) return Value();
  if (dict_set_cstr(d, "LockType", Value::from_object(&lock_type)) < 0 ||
      dict_set_cstr(d, "lock", Value::from_object(&lock_type)) < 0 ||
      dict_set_cstr(d, "RLock", Value::from_object(&rlock_type)) < 0 ||
      dict_set_cstr(d, "error", Value::from_object(exc_RuntimeError)) < 0 ||
      dict_set_cstr(d, "_ExceptHookArgs", Value::from_object(&excepthook_args_type)) < 0)
    return Value();
  Value tmax = float_from_double(kThreadTimeoutMax);
  if (tmax.is_null() || dict_set_cstr(d, "TIMEOUT_MAX", tmax) < 0) return Value();
  return m;
}

}  // namespace tpy
