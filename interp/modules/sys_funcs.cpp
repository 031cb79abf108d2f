// interp/modules/sys_funcs.cpp -- sys's functions and constant attributes.
#include <climits>
#include <cstdint>
#include <string>

#include <unistd.h>

#include "gc/heap.h"
#include "interp/modules/sys_internal.h"
#include "interp/modules/structseq.h"
#include "interp/modules/sys_module.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/thread_state.h"

namespace tpy {

constinit Type sys_version_info_type{&type_type, "sys.version_info", sizeof(TupleObject),
                                     kTypeImmutable | kTypeDisallowInstantiation};
constinit Type sys_flags_type{&type_type, "sys.flags", sizeof(TupleObject),
                              kTypeImmutable | kTypeDisallowInstantiation};
constinit Type sys_hash_info_type{&type_type, "sys.hash_info", sizeof(TupleObject),
                                  kTypeImmutable | kTypeDisallowInstantiation};
constinit Type sys_int_info_type{&type_type, "sys.int_info", sizeof(TupleObject),
                                 kTypeImmutable | kTypeDisallowInstantiation};
constinit Type sys_implementation_type{&type_type, "namespace", sizeof(TupleObject),
                                       kTypeImmutable | kTypeDisallowInstantiation};

bool init_sys_import_attrs(Value d);  // sys_import.cpp

namespace {

Value sys_exit(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("exit", nargs, 0, 1)) return Value();
  Value e = nargs ? exception_new(exc_SystemExit, args, 1) : exception_new(exc_SystemExit, args, 0);
  if (e.is_null()) return e;
  return raise_value(e);
}

Value sys_getrecursionlimit(Value, const Value*, size_t, Value) {
  return int_from_i64(ts().recursion_limit);
}

Value sys_setrecursionlimit(Value, const Value* args, size_t, Value) {
  Value v = args[0];
  if (!is_instance_of(v, &int_type))
    return raise_format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                        type_of(v)->c_name());
  int64_t n;
  if (!int_to_i64(v, &n) || n > INT_MAX || n < INT_MIN)
    return raise_error(exc_OverflowError, "Python int too large to convert to C int");
  if (n < 1) return raise_error(exc_ValueError, "recursion limit must be greater or equal than 1");
  if (n <= ts().recursion_depth)
    return raise_format(exc_RecursionError,
                        "cannot set the recursion limit to %lld at the recursion depth %d: "
                        "the limit is too low",
                        static_cast<long long>(n), ts().recursion_depth);
  ts().recursion_limit = static_cast<int>(n);
  return None();
}

Value current_handled() {
  // The exception being handled (sys.exception()): the thread state keeps it.
  return ts().handled_exception;
}

Value sys_exception(Value, const Value*, size_t, Value) {
  Value e = current_handled();
  return e.is_null() ? None() : e;
}

Value sys_exc_info(Value, const Value*, size_t, Value) {
  Value e = current_handled();
  if (e.is_null() || is_none(e)) return tuple_pack({None(), None(), None()});
  Value tb = exception_traceback(e);
  return tuple_pack({Value::from_object(type_of(e)), e, tb.is_null() ? None() : tb});
}

Value sys_intern(Value, const Value* args, size_t, Value) {
  if (!is_exact_str(args[0]))
    return raise_format(exc_TypeError, "intern() argument must be str, not %.200s",
                        type_of(args[0])->c_name());
  return str_intern_value(args[0]);
}

Value sys_getsizeof(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"object", "default", nullptr};
  Value obj, deflt;
  ArgSpec spec{"getsizeof", kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&obj, &deflt})) return Value();
  if (obj.is_int()) return int_from_i64(28);  // as CPython reports a one-digit int
  return int_from_u64(gc::cell_size(obj.as_object()));
}

Value sys_getdefaultencoding(Value, const Value*, size_t, Value) {
  return str_from_ascii("utf-8");
}

Value sys_get_int_max_str_digits(Value, const Value*, size_t, Value) {
  return int_from_i64(int_max_str_digits());
}

Value sys_set_int_max_str_digits(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"maxdigits", nullptr};
  Value v;
  ArgSpec spec{"set_int_max_str_digits", kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&v})) return Value();
  int64_t n;
  if (!index_to_i64(v, &n)) return Value();
  if (n != 0 && n < 640)
    return raise_error(exc_ValueError, "maxdigits must be 0 or larger than 640");
  set_int_max_str_digits(n);
  return None();
}

Value sys_getrefcount(Value, const Value*, size_t, Value) { return Value::from_int(2); }

const MethodDef sys_functions[] = {
    {"exit", sys_exit, kMethFast, nullptr},
    {"getrecursionlimit", sys_getrecursionlimit, kMethNoArgs, nullptr},
    {"setrecursionlimit", sys_setrecursionlimit, kMethO, nullptr},
    {"exception", sys_exception, kMethNoArgs, nullptr},
    {"exc_info", sys_exc_info, kMethNoArgs, nullptr},
    {"intern", sys_intern, kMethO, nullptr},
    {"getsizeof", sys_getsizeof, kMethFastKw, nullptr},
    {"getdefaultencoding", sys_getdefaultencoding, kMethNoArgs, nullptr},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, kMethNoArgs, nullptr},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, kMethFastKw, nullptr},
    {"getrefcount", sys_getrefcount, kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const StructSeqField kVersionFields[] = {
    {"major", nullptr}, {"minor", nullptr}, {"micro", nullptr}, {"releaselevel", nullptr},
    {"serial", nullptr}, {nullptr, nullptr}};
const StructSeqField kFlagsFields[] = {
    {"debug", nullptr}, {"inspect", nullptr}, {"interactive", nullptr}, {"optimize", nullptr},
    {"dont_write_bytecode", nullptr}, {"no_user_site", nullptr}, {"no_site", nullptr},
    {"ignore_environment", nullptr}, {"verbose", nullptr}, {"bytes_warning", nullptr},
    {"quiet", nullptr}, {"hash_randomization", nullptr}, {"isolated", nullptr},
    {"dev_mode", nullptr}, {"utf8_mode", nullptr}, {"warn_default_encoding", nullptr},
    {"safe_path", nullptr}, {"int_max_str_digits", nullptr}, {nullptr, nullptr}};
const StructSeqField kHashFields[] = {
    {"width", nullptr}, {"modulus", nullptr}, {"inf", nullptr}, {"nan", nullptr},
    {"imag", nullptr}, {"algorithm", nullptr}, {"hash_bits", nullptr}, {"seed_bits", nullptr},
    {"cutoff", nullptr}, {nullptr, nullptr}};
const StructSeqField kIntFields[] = {
    {"bits_per_digit", nullptr}, {"sizeof_digit", nullptr}, {"default_max_str_digits", nullptr},
    {"str_digits_check_threshold", nullptr}, {nullptr, nullptr}};
const StructSeqField kImplFields[] = {{"name", nullptr}, {"cache_tag", nullptr},
                                      {"version", nullptr}, {"hexversion", nullptr},
                                      {nullptr, nullptr}};
const StructSeqDesc kVersionDesc{kVersionFields, -1, nullptr};
const StructSeqDesc kFlagsDesc{kFlagsFields, -1, nullptr};
const StructSeqDesc kHashDesc{kHashFields, -1, nullptr};
const StructSeqDesc kIntDesc{kIntFields, -1, nullptr};
const StructSeqDesc kImplDesc{kImplFields, -1, nullptr};

std::string executable_path() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

int set(Value d, const char* name, Value v) {
  if (v.is_null()) return -1;
  return dict_set_cstr(d, name, v);
}

}  // namespace

bool init_sys_functions(Value d) {
  Value name = str_intern("sys");
  if (add_native_functions(d, sys_functions, sys_module(), name) != 0) return false;
  if (!structseq_init_type(&sys_version_info_type, &kVersionDesc) ||
      !structseq_init_type(&sys_flags_type, &kFlagsDesc) ||
      !structseq_init_type(&sys_hash_info_type, &kHashDesc) ||
      !structseq_init_type(&sys_int_info_type, &kIntDesc) ||
      !structseq_init_type(&sys_implementation_type, &kImplDesc))
    return false;
  auto i = [](int64_t v) { return int_from_i64(v); };
  Value vi = structseq_new(&sys_version_info_type,
                           {i(3), i(11), i(2), str_from_ascii("final"), i(0)});
  Value zero = i(0);
  Value flags = structseq_new(
      &sys_flags_type, {zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, i(1),
                        zero, False(), zero, zero, False(), i(-1)});
  Value hash_info = structseq_new(
      &sys_hash_info_type, {i(64), i(kHashModulus), i(314159), zero, i(1000003),
                            str_from_ascii("siphash13"), i(64), i(128), zero});
  Value int_info = structseq_new(&sys_int_info_type, {i(30), i(4), i(4300), i(640)});
  Value impl = structseq_new(&sys_implementation_type,
                             {str_from_ascii("tpy"), None(), vi, i(0x030b02f0)});
  Value path = list_new();
  if (set(d, "version_info", vi) < 0 || set(d, "flags", flags) < 0 ||
      set(d, "hash_info", hash_info) < 0 || set(d, "int_info", int_info) < 0 ||
      set(d, "implementation", impl) < 0 || set(d, "path", path) < 0 ||
      set(d, "maxsize", i(INT64_MAX)) < 0 ||
      set(d, "version", str_from_ascii("3.11.2 (tpy) [GCC]")) < 0 ||
      set(d, "hexversion", i(0x030b02f0)) < 0 ||
      set(d, "platform", str_from_ascii("linux")) < 0 ||
      set(d, "byteorder", str_from_ascii("little")) < 0 ||
      set(d, "executable", str_from_utf8(executable_path())) < 0 ||
      set(d, "maxunicode", i(0x10ffff)) < 0)
    return false;
  return init_sys_import_attrs(d);
}

}  // namespace tpy
