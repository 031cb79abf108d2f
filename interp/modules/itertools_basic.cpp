// interp/modules/itertools_basic.cpp -- The one-stream itertools: count, cycle, repeat,
// accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap, islice, pairwise.
#include "interp/modules/itertools_internal.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/num_util.h"
#include "interp/objects/str.h"

namespace tpy::itertools {
namespace {

// -- Layouts and trace functions ------------------------------------------------------------------

struct CountObject : Object { Value cnt, step; };
struct CycleObject : Object { Value it, saved; int64_t index; };
struct RepeatObject : Object { Value element; int64_t cnt; };  // cnt -1: forever
struct AccumulateObject : Object { Value it, binop, total, initial; };
struct ChainObject : Object { Value source, active; };
struct CompressObject : Object { Value data, selectors; };
struct PredicateObject : Object { Value func, it; int64_t state; };  // dropwhile/takewhile/filterfalse
struct StarmapObject : Object { Value func, it; };
struct IsliceObject : Object { Value it; int64_t next, stop, step, cnt; };
struct PairwiseObject : Object { Value it, old; };

template <class T, Value T::*... Fields>
void trace_fields(Object* self, VisitFn visit, void* ctx) {
  T* o = static_cast<T*>(self);
  (visit(&(o->*Fields), ctx), ...);
}

}  // namespace

constinit Type count_type = iter_type("itertools.count", sizeof(CountObject),
                                      trace_fields<CountObject, &CountObject::cnt, &CountObject::step>);
constinit Type cycle_type = iter_type("itertools.cycle", sizeof(CycleObject),
                                      trace_fields<CycleObject, &CycleObject::it, &CycleObject::saved>);
constinit Type repeat_type = iter_type("itertools.repeat", sizeof(RepeatObject),
                                       trace_fields<RepeatObject, &RepeatObject::element>);
constinit Type accumulate_type =
    iter_type("itertools.accumulate", sizeof(AccumulateObject),
              trace_fields<AccumulateObject, &AccumulateObject::it, &AccumulateObject::binop,
                           &AccumulateObject::total, &AccumulateObject::initial>);
constinit Type chain_type = iter_type("itertools.chain", sizeof(ChainObject),
                                      trace_fields<ChainObject, &ChainObject::source, &ChainObject::active>);
constinit Type compress_type =
    iter_type("itertools.compress", sizeof(CompressObject),
              trace_fields<CompressObject, &CompressObject::data, &CompressObject::selectors>);
constexpr TraceFn kTracePredicate =
    trace_fields<PredicateObject, &PredicateObject::func, &PredicateObject::it>;
constinit Type dropwhile_type = iter_type("itertools.dropwhile", sizeof(PredicateObject), kTracePredicate);
constinit Type takewhile_type = iter_type("itertools.takewhile", sizeof(PredicateObject), kTracePredicate);
constinit Type filterfalse_type = iter_type("itertools.filterfalse", sizeof(PredicateObject), kTracePredicate);
constinit Type starmap_type = iter_type("itertools.starmap", sizeof(StarmapObject),
                                        trace_fields<StarmapObject, &StarmapObject::func, &StarmapObject::it>);
constinit Type islice_type = iter_type("itertools.islice", sizeof(IsliceObject),
                                       trace_fields<IsliceObject, &IsliceObject::it>);
constinit Type pairwise_type = iter_type("itertools.pairwise", sizeof(PairwiseObject),
                                         trace_fields<PairwiseObject, &PairwiseObject::it, &PairwiseObject::old>);

namespace {

template <class T>
T* self_as(Value v) { return static_cast<T*>(v.as_object()); }

// The common shape "name(a, b, /)": exactly [n] positional arguments, no keywords (only for
// the exact type, as CPython's clinic checks).
bool positional(Type* type, Type* own, const char* name, size_t nargs, Value kwnames, size_t n) {
  if (type == own && !check_no_kwargs(name, kwnames)) return false;
  return check_nargs(name, nargs, n, n);
}

// -- count ----------------------------------------------------------------------------------------

bool is_number(Value v) {
  Type* t = type_of(v);
  return t->slots.index || t->slots.int_ || t->slots.float_ || v.is_int() ||
         is_instance_of(v, &int_type);
}

Value count_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"start", "step", nullptr};
  Value start, step;
  ArgSpec spec{"count", kw, 0, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&start, &step})) return Value();
  if ((!start.is_null() && !is_number(start)) || (!step.is_null() && !is_number(step)))
    return raise_error(exc_TypeError, "a number is required");
  auto* o = new_obj<CountObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->cnt, start.is_null() ? Value::from_int(0) : start);
  gc::store(o, &o->step, step.is_null() ? Value::from_int(1) : step);
  return Value::from_object(o);
}

Value count_next(Value self) {
  auto* o = self_as<CountObject>(self);
  Value r = o->cnt;
  Value n = binary_op(r, o->step, BinOp::Add);
  if (n.is_null()) return n;
  gc::store(o, &o->cnt, n);
  return r;
}

Value count_repr(Value self) {
  auto* o = self_as<CountObject>(self);
  StrBuilder b;
  b.str(type_short_name(self)).text("(").repr(o->cnt);
  if (int_operand(o->step) != Value::from_int(1)) b.text(", ").repr(o->step);
  return b.text(")").finish();
}

Value count_reduce(Value self, const Value*, size_t, Value) {
  auto* o = self_as<CountObject>(self);
  Value args = int_operand(o->step) == Value::from_int(1) ? tuple_pack({o->cnt})
                                                          : tuple_pack({o->cnt, o->step});
  if (args.is_null()) return args;
  return tuple_pack({Value::from_object(type_of(self)), args});
}

const MethodDef count_methods[] = {
    {"__reduce__", count_reduce, kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

// -- cycle ----------------------------------------------------------------------------------------

Value cycle_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!positional(type, &cycle_type, "cycle", nargs, kwnames, 1)) return Value();
  Value it = get_iter(args[0]);
  if (it.is_null()) return it;
  Value saved = list_new();
  if (saved.is_null()) return saved;
  auto* o = new_obj<CycleObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->it, it);
  gc::store(o, &o->saved, saved);
  return Value::from_object(o);
}

Value cycle_next(Value self) {
  auto* o = self_as<CycleObject>(self);
  if (!o->it.is_null()) {
    Value item = iter_next(o->it);
    if (!item.is_null()) {
      if (list_append(o->saved, item) < 0) return Value();
      return item;
    }
    if (error_occurred()) return item;
    gc::store(o, &o->it, Value());
  }
  int64_t n = list_length(o->saved);
  if (n == 0) return Value();
  Value item = list_at(o->saved, o->index);
  if (++o->index >= n) o->index = 0;
  return item;
}

// -- repeat ---------------------------------------------------------------------------------------

Value repeat_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"object", "times", nullptr};
  Value element, times;
  ArgSpec spec{"repeat", kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&element, &times})) return Value();
  int64_t cnt = -1;
  if (!times.is_null()) {
    if (!arg_to_index(times, &cnt)) return Value();
    if (cnt < 0) cnt = 0;
  }
  auto* o = new_obj<RepeatObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->element, element);
  o->cnt = cnt;
  return Value::from_object(o);
}

Value repeat_next(Value self) {
  auto* o = self_as<RepeatObject>(self);
  if (o->cnt == 0) return Value();
  if (o->cnt > 0) o->cnt--;
  return o->element;
}

Value repeat_repr(Value self) {
  auto* o = self_as<RepeatObject>(self);
  StrBuilder b;
  b.str(type_short_name(self)).text("(").repr(o->element);
  if (o->cnt != -1) b.text(", ").text(std::to_string(o->cnt));
  return b.text(")").finish();
}

Value repeat_length_hint(Value self, const Value*, size_t, Value) {
  auto* o = self_as<RepeatObject>(self);
  if (o->cnt == -1) return raise_error(exc_TypeError, "len() of unsized object");
  return int_from_i64(o->cnt);
}

Value repeat_reduce(Value self, const Value*, size_t, Value) {
  auto* o = self_as<RepeatObject>(self);
  Value args = o->cnt == -1 ? tuple_pack({o->element})
                            : tuple_pack({o->element, int_from_i64(o->cnt)});
  if (args.is_null()) return args;
  return tuple_pack({Value::from_object(type_of(self)), args});
}

const MethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", repeat_reduce, kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

// -- accumulate -----------------------------------------------------------------------------------

Value accumulate_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"iterable", "func", "initial", nullptr};
  Value iterable, func, initial;
  ArgSpec spec{"accumulate", kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&iterable, &func, &initial})) return Value();
  Value it = get_iter(iterable);
  if (it.is_null()) return it;
  auto* o = new_obj<AccumulateObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->it, it);
  if (!func.is_null() && !is_none(func)) gc::store(o, &o->binop, func);
  if (!initial.is_null() && !is_none(initial)) gc::store(o, &o->initial, initial);
  return Value::from_object(o);
}

Value accumulate_next(Value self) {
  auto* o = self_as<AccumulateObject>(self);
  if (!o->initial.is_null()) {
    gc::store(o, &o->total, o->initial);
    gc::store(o, &o->initial, Value());
    return o->total;
  }
  Value val = iter_next(o->it);
  if (val.is_null()) return val;
  if (o->total.is_null()) {
    gc::store(o, &o->total, val);
    return val;
  }
  Value t = o->binop.is_null() ? binary_op(o->total, val, BinOp::Add)
                               : call2(o->binop, o->total, val);
  if (t.is_null()) return t;
  gc::store(o, &o->total, t);
  return t;
}

// -- chain ----------------------------------------------------------------------------------------

Value chain_make(Type* type, Value source) {
  auto* o = new_obj<ChainObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->source, source);
  return Value::from_object(o);
}

Value chain_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &chain_type && !check_no_kwargs("chain", kwnames)) return Value();
  Value t = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (t.is_null()) return t;
  Value source = get_iter(t);
  if (source.is_null()) return source;
  return chain_make(type, source);
}

Value chain_from_iterable(Value cls, const Value* args, size_t, Value) {
  Value source = get_iter(args[0]);
  if (source.is_null()) return source;
  return chain_make(as_type(cls), source);
}

Value chain_next(Value self) {
  auto* o = self_as<ChainObject>(self);
  while (!o->source.is_null()) {
    if (o->active.is_null()) {
      Value iterable = iter_next(o->source);
      if (iterable.is_null()) {
        gc::store(o, &o->source, Value());
        return iterable;
      }
      Value active = get_iter(iterable);
      if (active.is_null()) {
        gc::store(o, &o->source, Value());
        return active;
      }
      gc::store(o, &o->active, active);
    }
    Value item = iter_next(o->active);
    if (!item.is_null() || error_occurred()) return item;
    gc::store(o, &o->active, Value());
  }
  return Value();
}

const MethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, kMethO | kMethClass,
     "Alternative chain() constructor taking a single iterable argument that evaluates "
     "lazily."},
    TPY_CLASS_GETITEM_ROW,
    {nullptr, nullptr, 0, nullptr}};

// -- compress -------------------------------------------------------------------------------------

Value compress_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"data", "selectors", nullptr};
  Value data, selectors;
  ArgSpec spec{"compress", kw, 2, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&data, &selectors})) return Value();
  Value d = get_iter(data);
  if (d.is_null()) return d;
  Value s = get_iter(selectors);
  if (s.is_null()) return s;
  auto* o = new_obj<CompressObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->data, d);
  gc::store(o, &o->selectors, s);
  return Value::from_object(o);
}

Value compress_next(Value self) {
  auto* o = self_as<CompressObject>(self);
  for (;;) {
    Value datum = iter_next(o->data);
    if (datum.is_null()) return datum;
    Value selector = iter_next(o->selectors);
    if (selector.is_null()) return selector;
    int ok = object_truthy(selector);
    if (ok > 0) return datum;
    if (ok < 0) return Value();
  }
}

// -- dropwhile, takewhile, filterfalse ------------------------------------------------------------

Value predicate_make(Type* type, Type* own, const char* name, const Value* args, size_t nargs,
                     Value kwnames) {
  if (!positional(type, own, name, nargs, kwnames, 2)) return Value();
  Value it = get_iter(args[1]);
  if (it.is_null()) return it;
  auto* o = new_obj<PredicateObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->func, args[0]);
  gc::store(o, &o->it, it);
  return Value::from_object(o);
}

Value dropwhile_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return predicate_make(type, &dropwhile_type, "dropwhile", args, nargs, kwnames);
}
Value takewhile_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return predicate_make(type, &takewhile_type, "takewhile", args, nargs, kwnames);
}
Value filterfalse_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return predicate_make(type, &filterfalse_type, "filterfalse", args, nargs, kwnames);
}

// truth(func(item)): 1, 0 or -1.
int test(Value func, Value item) {
  Value good = call1(func, item);
  if (good.is_null()) return -1;
  return object_truthy(good);
}

Value dropwhile_next(Value self) {
  auto* o = self_as<PredicateObject>(self);
  for (;;) {
    Value item = iter_next(o->it);
    if (item.is_null() || o->state == 1) return item;
    int ok = test(o->func, item);
    if (ok < 0) return Value();
    if (ok == 0) {
      o->state = 1;
      return item;
    }
  }
}

Value takewhile_next(Value self) {
  auto* o = self_as<PredicateObject>(self);
  if (o->state == 1) return Value();
  Value item = iter_next(o->it);
  if (item.is_null()) return item;
  int ok = test(o->func, item);
  if (ok > 0) return item;
  if (ok == 0) o->state = 1;
  return Value();
}

Value filterfalse_next(Value self) {
  auto* o = self_as<PredicateObject>(self);
  for (;;) {
    Value item = iter_next(o->it);
    if (item.is_null()) return item;
    int ok = is_none(o->func) || o->func == Value::from_object(&bool_type)
                 ? object_truthy(item)
                 : test(o->func, item);
    if (ok == 0) return item;
    if (ok < 0) return Value();
  }
}

// -- starmap --------------------------------------------------------------------------------------

Value starmap_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!positional(type, &starmap_type, "starmap", nargs, kwnames, 2)) return Value();
  Value it = get_iter(args[1]);
  if (it.is_null()) return it;
  auto* o = new_obj<StarmapObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->func, args[0]);
  gc::store(o, &o->it, it);
  return Value::from_object(o);
}

Value starmap_next(Value self) {
  auto* o = self_as<StarmapObject>(self);
  Value a = iter_next(o->it);
  if (a.is_null()) return a;
  if (!is_exact_tuple(a)) {
    a = tuple_from_iterable(a);
    if (a.is_null()) return a;
  }
  return call_tuple_dict(o->func, a, Value());
}

// -- islice ---------------------------------------------------------------------------------------

// PyNumber_AsSsize_t(v, NULL): __index__, clamped to int64; false (error cleared) when v is no
// integer.
bool clamped_index(Value v, int64_t* out) {
  if (!arg_to_ssize_clamped(v, out)) {
    clear_exception();
    return false;
  }
  return true;
}

Value islice_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &islice_type && !check_no_kwargs("islice", kwnames)) return Value();
  if (!check_unpack("islice", nargs, 2, 4)) return Value();
  const char* stop_error =
      "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  int64_t start = 0, stop = -1, step = 1;
  if (nargs == 2) {
    if (!is_none(args[1]) && (!clamped_index(args[1], &stop) || stop == -1))
      return raise_error(exc_ValueError, stop_error);
  } else {
    if (!is_none(args[1]) && !clamped_index(args[1], &start)) start = -1;
    if (!is_none(args[2]) && (!clamped_index(args[2], &stop) || stop == -1))
      return raise_error(exc_ValueError, stop_error);
  }
  if (start < 0 || stop < -1)
    return raise_error(exc_ValueError,
                       "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  if (nargs == 4 && !is_none(args[3]) && !clamped_index(args[3], &step)) step = -1;
  if (step < 1)
    return raise_error(exc_ValueError, "Step for islice() must be a positive integer or None.");
  Value it = get_iter(args[0]);
  if (it.is_null()) return it;
  auto* o = new_obj<IsliceObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->it, it);
  o->next = start;
  o->stop = stop;
  o->step = step;
  return Value::from_object(o);
}

Value islice_next(Value self) {
  auto* o = self_as<IsliceObject>(self);
  if (o->it.is_null()) return Value();
  Value item;
  while (o->cnt < o->next) {
    item = iter_next(o->it);
    if (item.is_null()) goto empty;
    o->cnt++;
  }
  if (o->stop != -1 && o->cnt >= o->stop) goto empty;
  item = iter_next(o->it);
  if (item.is_null()) goto empty;
  o->cnt++;
  {
    int64_t old = o->next;
    o->next = static_cast<int64_t>(static_cast<uint64_t>(o->next) + static_cast<uint64_t>(o->step));
    if (o->next < old || (o->stop != -1 && o->next > o->stop)) o->next = o->stop;
  }
  return item;
empty:
  gc::store(o, &o->it, Value());
  return Value();
}

// -- pairwise -------------------------------------------------------------------------------------

Value pairwise_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!positional(type, &pairwise_type, "pairwise", nargs, kwnames, 1)) return Value();
  Value it = get_iter(args[0]);
  if (it.is_null()) return it;
  auto* o = new_obj<PairwiseObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->it, it);
  return Value::from_object(o);
}

Value pairwise_next(Value self) {
  auto* o = self_as<PairwiseObject>(self);
  if (o->it.is_null()) return Value();
  if (o->old.is_null()) {
    Value old = iter_next(o->it);
    if (old.is_null()) {
      gc::store(o, &o->it, Value());
      return old;
    }
    gc::store(o, &o->old, old);
  }
  Value next = iter_next(o->it);
  if (next.is_null()) {
    gc::store(o, &o->it, Value());
    gc::store(o, &o->old, Value());
    return next;
  }
  Value r = tuple_pack({o->old, next});
  gc::store(o, &o->old, next);
  return r;
}

}  // namespace

const TypeRow kBasicTypes[] = {
    {&count_type, count_new, count_next, count_repr, count_methods,
     "Return a count object whose .__next__() method returns consecutive values.\n\n"
     "Equivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n"
     "        while 1:\n            yield x\n            x += step"},
    {&cycle_type, cycle_new, cycle_next, nullptr, nullptr,
     "Return elements from the iterable until it is exhausted. Then repeat the sequence "
     "indefinitely."},
    {&repeat_type, repeat_new, repeat_next, repeat_repr, repeat_methods,
     "repeat(object [,times]) -> create an iterator which returns the object\nfor the "
     "specified number of times.  If not specified, returns the object\nendlessly."},
    {&accumulate_type, accumulate_new, accumulate_next, nullptr, nullptr,
     "Return series of accumulated sums (or other binary function results)."},
    {&chain_type, chain_new, chain_next, nullptr, chain_methods,
     "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method "
     "returns elements from the\nfirst iterable until it is exhausted, then elements from the "
     "next\niterable, until all of the iterables are exhausted."},
    {&compress_type, compress_new, compress_next, nullptr, nullptr,
     "Return data elements corresponding to true selector elements.\n\nForms a shorter iterator "
     "from selected data elements using the selectors to\nchoose the data elements."},
    {&dropwhile_type, dropwhile_new, dropwhile_next, nullptr, nullptr,
     "Drop items from the iterable while predicate(item) is true.\n\nAfterwards, return every "
     "element until the iterable is exhausted."},
    {&takewhile_type, takewhile_new, takewhile_next, nullptr, nullptr,
     "Return successive entries from an iterable as long as the predicate evaluates to true "
     "for each entry."},
    {&filterfalse_type, filterfalse_new, filterfalse_next, nullptr, nullptr,
     "Return those items of iterable for which function(item) is false.\n\nIf function is "
     "None, return the items that are false."},
    {&starmap_type, starmap_new, starmap_next, nullptr, nullptr,
     "Return an iterator whose values are returned from the function evaluated with an "
     "argument tuple taken from the given sequence."},
    {&islice_type, islice_new, islice_next, nullptr, nullptr,
     "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> "
     "islice object\n\nReturn an iterator whose next() method returns selected values from an\n"
     "iterable.  If start is specified, will skip all preceding elements;\notherwise, start "
     "defaults to zero.  Step defaults to one.  If\nspecified as another value, step "
     "determines how many values are\nskipped between successive calls.  Works like a slice() "
     "on a list\nbut returns an iterator."},
    {&pairwise_type, pairwise_new, pairwise_next, nullptr, nullptr,
     "Return an iterator of overlapping pairs taken from the input iterator.\n\n    "
     "s -> (s0,s1), (s1,s2), (s2, s3), ..."},
    {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr}};

}  // namespace tpy::itertools
