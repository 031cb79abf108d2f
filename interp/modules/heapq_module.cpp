// interp/modules/heapq_module.cpp -- The _heapq module: heap operations on lists with
// CPython's comparison order (so ties and unstable orders come out the same) and its checks
// for lists changed by a comparison.
#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/vm/module.h"

namespace tpy {
namespace {

// a < b for the min-heap; b < a for the max-heap. 1, 0 or -1.
template <bool kMax>
int less(Value a, Value b) {
  return kMax ? compare_bool(b, a, CompareOp::Lt) : compare_bool(a, b, CompareOp::Lt);
}

bool changed_size(Value heap, int64_t size) {
  if (list_length(heap) == size) return false;
  raise_error(exc_RuntimeError, "list changed size during iteration");
  return true;
}

void swap(Value heap, int64_t i, int64_t j) {
  Value t = list_at(heap, i);
  list_set_item(heap, i, list_at(heap, j));
  list_set_item(heap, j, t);
}

// Moves heap[pos] up towards startpos while it is smaller than its parent.
template <bool kMax>
bool sift_down(Value heap, int64_t startpos, int64_t pos) {
  int64_t size = list_length(heap);
  while (pos > startpos) {
    int64_t parentpos = (pos - 1) >> 1;
    int cmp = less<kMax>(list_at(heap, pos), list_at(heap, parentpos));
    if (cmp < 0 || changed_size(heap, size)) return false;
    if (cmp == 0) break;
    swap(heap, parentpos, pos);
    pos = parentpos;
  }
  return true;
}

// Moves the smaller child up until a leaf is reached, then sifts the item back down.
template <bool kMax>
bool sift_up(Value heap, int64_t pos) {
  int64_t endpos = list_length(heap), startpos = pos, limit = endpos >> 1;
  while (pos < limit) {
    int64_t child = 2 * pos + 1;
    if (child + 1 < endpos) {
      int cmp = less<kMax>(list_at(heap, child), list_at(heap, child + 1));
      if (cmp < 0 || changed_size(heap, endpos)) return false;
      if (cmp == 0) child++;
    }
    swap(heap, child, pos);
    pos = child;
  }
  return sift_down<kMax>(heap, startpos, pos);
}

bool check_list(const char* fname, Value v, bool argument_1) {
  if (is_list(v)) return true;
  raise_format(exc_TypeError, "%s() argument %smust be list, not %.50s", fname,
               argument_1 ? "1 " : "", type_of(v)->c_name());
  return false;
}

Value f_heappush(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("heappush", nargs, 2, 2) || !check_list("heappush", args[0], true))
    return Value();
  if (list_append(args[0], args[1]) < 0) return Value();
  if (!sift_down<false>(args[0], 0, list_length(args[0]) - 1)) return Value();
  return None();
}

template <bool kMax>
Value heappop(const char* fname, Value heap) {
  if (!check_list(fname, heap, false)) return Value();
  int64_t n = list_length(heap);
  if (n == 0) return raise_error(exc_IndexError, "index out of range");
  Value last = list_at(heap, n - 1);
  static StrConst k_pop("pop");
  Value popped = call_method(heap, k_pop.get(), nullptr, 0);
  if (popped.is_null()) return popped;
  if (n - 1 == 0) return last;
  Value ret = list_at(heap, 0);
  list_set_item(heap, 0, last);
  if (!sift_up<kMax>(heap, 0)) return Value();
  return ret;
}

Value f_heappop(Value, const Value* args, size_t, Value) { return heappop<false>("heappop", args[0]); }
Value f_heappop_max(Value, const Value* args, size_t, Value) {
  return heappop<true>("_heappop_max", args[0]);
}

template <bool kMax>
Value heapreplace(const char* fname, const Value* args, size_t nargs) {
  if (!check_nargs(fname, nargs, 2, 2) || !check_list(fname, args[0], true)) return Value();
  Value heap = args[0];
  if (list_length(heap) == 0) return raise_error(exc_IndexError, "index out of range");
  Value ret = list_at(heap, 0);
  list_set_item(heap, 0, args[1]);
  if (!sift_up<kMax>(heap, 0)) return Value();
  return ret;
}

Value f_heapreplace(Value, const Value* args, size_t nargs, Value) {
  return heapreplace<false>("heapreplace", args, nargs);
}
Value f_heapreplace_max(Value, const Value* args, size_t nargs, Value) {
  return heapreplace<true>("_heapreplace_max", args, nargs);
}

Value f_heappushpop(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("heappushpop", nargs, 2, 2) || !check_list("heappushpop", args[0], true))
    return Value();
  Value heap = args[0], item = args[1];
  if (list_length(heap) == 0) return item;
  int cmp = less<false>(list_at(heap, 0), item);
  if (cmp < 0) return Value();
  if (cmp == 0) return item;
  if (list_length(heap) == 0) return raise_error(exc_IndexError, "index out of range");
  Value ret = list_at(heap, 0);
  list_set_item(heap, 0, item);
  if (!sift_up<false>(heap, 0)) return Value();
  return ret;
}

template <bool kMax>
Value heapify(const char* fname, Value heap) {
  if (!check_list(fname, heap, false)) return Value();
  for (int64_t i = list_length(heap) / 2 - 1; i >= 0; i--)
    if (!sift_up<kMax>(heap, i)) return Value();
  return None();
}

Value f_heapify(Value, const Value* args, size_t, Value) { return heapify<false>("heapify", args[0]); }
Value f_heapify_max(Value, const Value* args, size_t, Value) {
  return heapify<true>("_heapify_max", args[0]);
}

const MethodDef kFunctions[] = {
    {"heappush", f_heappush, kMethFast,
     "heappush($module, heap, item, /)\n--\n\nPush item onto heap, maintaining the heap "
     "invariant."},
    {"heappushpop", f_heappushpop, kMethFast,
     "heappushpop($module, heap, item, /)\n--\n\nPush item on the heap, then pop and return "
     "the smallest item from the heap.\n\nThe combined action runs more efficiently than "
     "heappush() followed by\na separate call to heappop()."},
    {"heappop", f_heappop, kMethO,
     "heappop($module, heap, /)\n--\n\nPop the smallest item off the heap, maintaining the "
     "heap invariant."},
    {"heapreplace", f_heapreplace, kMethFast,
     "heapreplace($module, heap, item, /)\n--\n\nPop and return the current smallest value, "
     "and add the new item."},
    {"heapify", f_heapify, kMethO,
     "heapify($module, heap, /)\n--\n\nTransform list into a heap, in-place, in O(len(heap)) "
     "time."},
    {"_heappop_max", f_heappop_max, kMethO, "Maxheap variant of heappop."},
    {"_heapreplace_max", f_heapreplace_max, kMethFast, "Maxheap variant of heapreplace."},
    {"_heapify_max", f_heapify_max, kMethO, "Maxheap variant of heapify."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_heapq_module() {
  Value m = module_new_cstr("_heapq");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  Value doc = str_from_ascii("Heap queue algorithm (a.k.a. priority queue).");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
