// interp/objects/list_sort_method.cpp -- list.sort(*, key=None, reverse=False) over list_sort.h's timsort.
//
// As CPython's list_sort_impl: the list is emptied while it sorts, so a key function or __lt__
// that mutates it is detected ("list modified during sort") and cannot corrupt the array being
// sorted.
#include "gc/barrier.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/list.h"
#include "interp/objects/list_sort.h"
#include "interp/objects/tuple.h"
#include "interp/objects/str.h"
#include "interp/objects/value_array.h"

namespace tpy {

namespace {

int generic_less(Value a, Value b, void*) { return compare_bool(a, b, CompareOp::Lt); }

int str_less(Value a, Value b, void*) { return str_compare(a, b) < 0; }

// All exact strs: compare code points directly (cannot fail, same answers as __lt__).
bool specialize(const Value* keys, size_t n, SortLess* out, void*) {
  for (size_t i = 0; i < n; i++)
    if (!is_exact_str(keys[i])) return false;
  *out = SortLess{str_less, nullptr};
  return true;
}

}  // namespace

int list_sort(Value self, Value key, bool reverse) {
  ListObject* l = as_list(self);
  // Take the items out of the list for the duration of the sort.
  Value saved_owner = l->items_owner;
  Value* items = l->items;
  int64_t n = l->length;
  l->items = nullptr;
  l->items_owner = Value();
  l->length = 0;
  l->capacity = -1;  // marks "not modified": any change replaces it

  int result = kSortOk;
  bool key_failed = false;
  ValueArray* keys = nullptr;
  if (!key.is_null() && !is_none(key) && n > 0) {
    keys = value_array_new(n);
    if (keys == nullptr) {
      key_failed = true;
    } else {
      for (int64_t i = 0; i < n; i++) {
        Value k = call1(key, items[i]);
        if (k.is_null()) {
          key_failed = true;
          break;
        }
        gc::store(keys, &keys->items[i], k);
      }
    }
  }
  if (!key_failed && n > 1) {
    SortOptions opts;
    opts.keys = keys ? keys->items : nullptr;
    opts.reverse = reverse;
    opts.specialize = specialize;
    result = sort_values(items, static_cast<size_t>(n), SortLess{generic_less, nullptr}, opts);
    if (result == kSortNoMemory) raise_no_memory();
  }
  bool modified = l->capacity != -1;
  // Put the (sorted) items back, dropping whatever the list was given meanwhile.
  l->items = items;
  l->length = n;
  l->capacity = saved_owner.is_null() ? 0 : static_cast<ValueArray*>(saved_owner.as_object())->length;
  gc::store(l, &l->items_owner, saved_owner);
  if (!saved_owner.is_null()) gc::write_barrier_all(saved_owner.as_object());
  if (key_failed || result != kSortOk) return -1;
  if (modified) {
    raise_error(exc_ValueError, "list modified during sort");
    return -1;
  }
  return 0;
}

Value list_sort_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 0) return raise_error(exc_TypeError, "sort() takes no positional arguments");
  Value key = None(), reverse = False();
  if (!kwnames.is_null()) {
    for (int64_t i = 0; i < tuple_length(kwnames); i++) {
      Value name = tuple_at(kwnames, i);
      if (str_equal_ascii(name, "key")) {
        key = args[nargs + i];
      } else if (str_equal_ascii(name, "reverse")) {
        reverse = args[nargs + i];
      } else {
        return raise_format(exc_TypeError, "%R is an invalid keyword argument for sort()", name);
      }
    }
  }
  int64_t rev;
  if (!index_to_i64(reverse, &rev)) return Value();
  if (list_sort(self, key, rev != 0) < 0) return Value();
  return None();
}

}  // namespace tpy

