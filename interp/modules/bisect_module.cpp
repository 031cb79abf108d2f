// interp/modules/bisect_module.cpp -- The _bisect module: binary search and insertion into
// sorted sequences (any sequence with __getitem__ and __len__; key= as 3.10+).
#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy {
namespace {

struct BisectArgs {
  Value a, x, key;
  int64_t lo = 0, hi = -1;
};

bool parse(const char* fname, const Value* args, size_t nargs, Value kwnames, BisectArgs* out) {
  static const char* const kw[] = {"a", "x", "lo", "hi", "key", nullptr};
  Value lo, hi;
  ArgSpec spec{fname, kw, 2, 4, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&out->a, &out->x, &lo, &hi, &out->key}))
    return false;
  if (!lo.is_null() && !arg_to_index(lo, &out->lo)) return false;
  if (!hi.is_null() && !is_none(hi)) {
    if (!is_instance_of(hi, &int_type) && type_of(hi)->slots.index == nullptr) {
      raise_format(exc_TypeError, "argument should be integer or None, not '%.200s'",
                   type_of(hi)->c_name());
      return false;
    }
    if (!arg_to_index(hi, &out->hi)) return false;
  }
  if (out->key.is_null()) out->key = None();
  return true;
}

// The insertion point of [x] in a[lo:hi]: after equal items ([right]) or before them.
int64_t search(const BisectArgs& b, Value x, bool right) {
  int64_t lo = b.lo, hi = b.hi;
  if (lo < 0) {
    raise_error(exc_ValueError, "lo must be non-negative");
    return -1;
  }
  if (hi == -1) {
    hi = object_length(b.a);
    if (hi < 0) return -1;
  }
  while (lo < hi) {
    int64_t mid = static_cast<int64_t>((static_cast<uint64_t>(lo) + static_cast<uint64_t>(hi)) / 2);
    Value item = getitem(b.a, int_from_i64(mid));
    if (item.is_null()) return -1;
    if (!is_none(b.key)) {
      item = call1(b.key, item);
      if (item.is_null()) return -1;
    }
    int lt = right ? compare_bool(x, item, CompareOp::Lt) : compare_bool(item, x, CompareOp::Lt);
    if (lt < 0) return -1;
    if (lt == right) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

template <bool kRight>
Value f_bisect(Value, const Value* args, size_t nargs, Value kwnames) {
  BisectArgs b;
  if (!parse(kRight ? "bisect_right" : "bisect_left", args, nargs, kwnames, &b)) return Value();
  int64_t i = search(b, b.x, kRight);
  return i < 0 ? Value() : int_from_i64(i);
}

template <bool kRight>
Value f_insort(Value, const Value* args, size_t nargs, Value kwnames) {
  BisectArgs b;
  if (!parse(kRight ? "insort_right" : "insort_left", args, nargs, kwnames, &b)) return Value();
  Value x = b.x;
  if (!is_none(b.key)) {
    x = call1(b.key, b.x);
    if (x.is_null()) return x;
  }
  int64_t i = search(b, x, kRight);
  if (i < 0) return Value();
  static StrConst k_insert("insert");
  Value a[2] = {int_from_i64(i), b.x};
  Value r = call_method(b.a, k_insert.get(), a, 2);
  return r.is_null() ? r : None();
}

const MethodDef kFunctions[] = {
    {"bisect_right", f_bisect<true>, kMethFastKw,
     "bisect_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nReturn the index where "
     "to insert item x in list a, assuming a is sorted."},
    {"insort_right", f_insort<true>, kMethFastKw,
     "insort_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nInsert item x in list "
     "a, and keep it sorted assuming a is sorted."},
    {"bisect_left", f_bisect<false>, kMethFastKw,
     "bisect_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nReturn the index where "
     "to insert item x in list a, assuming a is sorted."},
    {"insort_left", f_insort<false>, kMethFastKw,
     "insort_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nInsert item x in list "
     "a, and keep it sorted assuming a is sorted."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_bisect_module() {
  Value m = module_new_cstr("_bisect");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  Value doc = str_from_ascii(
      "Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted "
      "order without\nhaving to sort the list after each insertion. For long lists of items "
      "with\nexpensive comparison operations, this can be an improvement over the more "
      "common\napproach.\n");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
