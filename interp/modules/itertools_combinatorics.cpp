// interp/modules/itertools_combinatorics.cpp -- product, permutations, combinations and
// combinations_with_replacement: index vectors stepped as CPython steps them, so the order
// of the results is the same.
#include <cstdint>

#include "interp/modules/itertools_internal.h"
#include "interp/objects/int.h"
#include "interp/objects/str.h"

namespace tpy::itertools {
namespace {

// The index state lives after the object's layout: indices[0, slots) then, for
// permutations, cycles[0, r).
struct CombObject : Object {
  Value pools;     // product: a tuple of pool tuples; the others: the pool tuple
  int64_t n;       // pool size (product: number of pools)
  int64_t r;       // result length
  int64_t started;  // the first result was returned
  int64_t stopped;
};

void trace_comb(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<CombObject*>(self)->pools, ctx);
}

}  // namespace

constinit Type product_type = iter_type("itertools.product", sizeof(CombObject), trace_comb);
constinit Type permutations_type =
    iter_type("itertools.permutations", sizeof(CombObject), trace_comb);
constinit Type combinations_type =
    iter_type("itertools.combinations", sizeof(CombObject), trace_comb);
constinit Type cwr_type =
    iter_type("itertools.combinations_with_replacement", sizeof(CombObject), trace_comb);

namespace {

CombObject* comb(Value v) { return static_cast<CombObject*>(v.as_object()); }
int64_t* indices(CombObject* o) { return trailing<int64_t>(o); }

// A new object holding [pools] with room for [slots] int64 of index state.
CombObject* comb_new(Type* type, Value pools, int64_t n, int64_t r, int64_t slots) {
  auto* o = new_obj<CombObject>(type, static_cast<size_t>(slots) * sizeof(int64_t));
  if (o == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  gc::store(o, &o->pools, pools);
  o->n = n;
  o->r = r;
  return o;
}

// (pool[indices[0]], ..., pool[indices[r-1]]).
Value pick(CombObject* o) {
  Value t = tuple_new(o->r);
  if (t.is_null()) return t;
  const int64_t* idx = indices(o);
  for (int64_t i = 0; i < o->r; i++) tuple_init_item(t, i, tuple_at(o->pools, idx[i]));
  return t;
}

Value stop(CombObject* o) {
  o->stopped = 1;
  return Value();
}

// -- product --------------------------------------------------------------------------------------

Value product_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  int64_t repeat = 1;
  int64_t nkw = kwnames.is_null() ? 0 : tuple_length(kwnames);
  for (int64_t k = 0; k < nkw; k++) {
    Value name = tuple_at(kwnames, k);
    if (!str_equal_ascii(name, "repeat"))
      return raise_format(exc_TypeError, "'%U' is an invalid keyword argument for product()",
                          name);
    if (!arg_to_index(args[nargs + static_cast<size_t>(k)], &repeat)) return Value();
    if (repeat < 0) return raise_error(exc_ValueError, "repeat argument cannot be negative");
  }
  int64_t n = repeat == 0 ? 0 : static_cast<int64_t>(nargs);
  if (n > 0 && n > INT64_MAX / 8 / repeat)
    return raise_error(exc_OverflowError, "repeat argument too large");
  int64_t npools = n * repeat;
  Value pools = tuple_new(npools);
  if (pools.is_null()) return pools;
  for (int64_t i = 0; i < n; i++) {
    Value pool = tuple_from_iterable(args[i]);
    if (pool.is_null()) return pool;
    tuple_init_item(pools, i, pool);
  }
  for (int64_t i = n; i < npools; i++) tuple_init_item(pools, i, tuple_at(pools, i - n));
  CombObject* o = comb_new(type, pools, npools, npools, npools);
  return o ? Value::from_object(o) : Value();
}

Value product_next(Value self) {
  CombObject* o = comb(self);
  if (o->stopped) return Value();
  int64_t* idx = indices(o);
  if (!o->started) {
    o->started = 1;
    for (int64_t i = 0; i < o->n; i++)
      if (tuple_length(tuple_at(o->pools, i)) == 0) return stop(o);
  } else {
    // Advance the rightmost pool; carry into the next one when it rolls over.
    int64_t i = o->n - 1;
    for (; i >= 0; i--) {
      if (++idx[i] < tuple_length(tuple_at(o->pools, i))) break;
      idx[i] = 0;
    }
    if (i < 0) return stop(o);
  }
  Value t = tuple_new(o->n);
  if (t.is_null()) return t;
  for (int64_t i = 0; i < o->n; i++) tuple_init_item(t, i, tuple_at(tuple_at(o->pools, i), idx[i]));
  return t;
}

// -- combinations and combinations_with_replacement -----------------------------------------------

Value comb_make(Type* type, const Value* args, size_t nargs, Value kwnames, const char* name,
                bool replace) {
  static const char* const kw[] = {"iterable", "r", nullptr};
  Value iterable, robj;
  ArgSpec spec{name, kw, 2, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&iterable, &robj})) return Value();
  Value pool = tuple_from_iterable(iterable);
  if (pool.is_null()) return pool;
  int64_t r;
  if (!arg_to_index(robj, &r)) return Value();
  if (r < 0) return raise_error(exc_ValueError, "r must be non-negative");
  CombObject* o = comb_new(type, pool, tuple_length(pool), r, r);
  if (o == nullptr) return Value();
  int64_t* idx = indices(o);
  for (int64_t i = 0; i < r; i++) idx[i] = replace ? 0 : i;
  return Value::from_object(o);
}

Value combinations_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return comb_make(type, args, nargs, kwnames, "combinations", false);
}
Value cwr_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return comb_make(type, args, nargs, kwnames, "combinations_with_replacement", true);
}

Value combinations_next(Value self) {
  CombObject* o = comb(self);
  if (o->stopped) return Value();
  int64_t* idx = indices(o);
  int64_t n = o->n, r = o->r;
  if (!o->started) {
    o->started = 1;
    if (r > n) return stop(o);
  } else {
    // The rightmost index not at its maximum i + n - r moves up; the ones after it follow.
    int64_t i = r - 1;
    while (i >= 0 && idx[i] == i + n - r) i--;
    if (i < 0) return stop(o);
    idx[i]++;
    for (int64_t j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
  }
  return pick(o);
}

Value cwr_next(Value self) {
  CombObject* o = comb(self);
  if (o->stopped) return Value();
  int64_t* idx = indices(o);
  int64_t n = o->n, r = o->r;
  if (!o->started) {
    o->started = 1;
    if (n == 0 && r > 0) return stop(o);
  } else {
    int64_t i = r - 1;
    while (i >= 0 && idx[i] == n - 1) i--;
    if (i < 0) return stop(o);
    int64_t v = idx[i] + 1;
    for (; i < r; i++) idx[i] = v;
  }
  return pick(o);
}

// -- permutations ---------------------------------------------------------------------------------

Value permutations_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"iterable", "r", nullptr};
  Value iterable, robj;
  ArgSpec spec{"permutations", kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&iterable, &robj})) return Value();
  Value pool = tuple_from_iterable(iterable);
  if (pool.is_null()) return pool;
  int64_t n = tuple_length(pool), r = n;
  if (!robj.is_null() && !is_none(robj)) {
    if (!is_instance_of(robj, &int_type))
      return raise_error(exc_TypeError, "Expected int as r");
    if (!arg_to_index(robj, &r)) return Value();
    if (r < 0) return raise_error(exc_ValueError, "r must be non-negative");
  }
  // indices[0, n), then cycles[0, r).
  CombObject* o = comb_new(type, pool, n, r, n + r);
  if (o == nullptr) return Value();
  int64_t* idx = indices(o);
  for (int64_t i = 0; i < n; i++) idx[i] = i;
  for (int64_t i = 0; i < r; i++) idx[n + i] = n - i;
  return Value::from_object(o);
}

Value permutations_next(Value self) {
  CombObject* o = comb(self);
  if (o->stopped) return Value();
  int64_t n = o->n, r = o->r;
  int64_t* idx = indices(o);
  int64_t* cycles = idx + n;
  if (!o->started) {
    o->started = 1;
    if (r > n) return stop(o);
  } else {
    if (n == 0) return stop(o);
    int64_t i = r - 1;
    for (; i >= 0; i--) {
      if (--cycles[i] == 0) {
        // Rotate indices[i:] left by one.
        int64_t first = idx[i];
        for (int64_t j = i; j < n - 1; j++) idx[j] = idx[j + 1];
        idx[n - 1] = first;
        cycles[i] = n - i;
      } else {
        int64_t j = cycles[i];
        std::swap(idx[i], idx[n - j]);
        break;
      }
    }
    if (i < 0) return stop(o);
  }
  return pick(o);
}

}  // namespace

const TypeRow kCombinatoricTypes[] = {
    {&product_type, product_new, product_next, nullptr, nullptr,
     "product(*iterables, repeat=1) --> product object\n\nCartesian product of input "
     "iterables.  Equivalent to nested for-loops.\n\nFor example, product(A, B) returns the "
     "same as:  ((x,y) for x in A for y in B).\nThe leftmost iterators are in the outermost "
     "for-loop, so the output tuples\ncycle in a manner similar to an odometer (with the "
     "rightmost element changing\non every iteration).\n\nTo compute the product of an iterable "
     "with itself, specify the number\nof repetitions with the optional repeat keyword "
     "argument. For example,\nproduct(A, repeat=4) means the same as product(A, A, A, A).\n\n"
     "product('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)\n"
     "product((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ..."},
    {&permutations_type, permutations_new, permutations_next, nullptr, nullptr,
     "Return successive r-length permutations of elements in the iterable.\n\n"
     "permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)"},
    {&combinations_type, combinations_new, combinations_next, nullptr, nullptr,
     "Return successive r-length combinations of elements in the iterable.\n\n"
     "combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)"},
    {&cwr_type, cwr_new, cwr_next, nullptr, nullptr,
     "Return successive r-length combinations of elements in the iterable allowing "
     "individual elements to have successive repeats.\n\n"
     "combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), "
     "('B','C'), ('C','C')"},
    {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr}};

}  // namespace tpy::itertools
