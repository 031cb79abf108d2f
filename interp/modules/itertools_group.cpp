// interp/modules/itertools_group.cpp -- itertools over shared or several streams: groupby (and
// its _grouper), tee (_tee over linked _tee_dataobject blocks), zip_longest.
#include "interp/modules/itertools_internal.h"
#include "interp/objects/list.h"
#include "interp/objects/str.h"

namespace tpy::itertools {
namespace {

struct GroupbyObject : Object { Value it, keyfunc, tgtkey, currkey, currvalue, currgrouper; };
struct GrouperObject : Object { Value parent, tgtkey; };
constexpr int kLinkCells = 57;  // values per tee block, as CPython's LINKCELLS
struct TeeDataObject : Object {
  Value it, nextlink;
  int64_t numread;
  int64_t running;
  Value values[kLinkCells];
};
struct TeeObject : Object { Value dataobj; int64_t index; };
struct ZipLongestObject : Object { Value iters, fillvalue; int64_t numactive; };

void trace_groupby(Object* self, VisitFn visit, void* ctx) {
  auto* o = static_cast<GroupbyObject*>(self);
  for (Value* v : {&o->it, &o->keyfunc, &o->tgtkey, &o->currkey, &o->currvalue, &o->currgrouper})
    visit(v, ctx);
}
void trace_grouper(Object* self, VisitFn visit, void* ctx) {
  auto* o = static_cast<GrouperObject*>(self);
  visit(&o->parent, ctx);
  visit(&o->tgtkey, ctx);
}
void trace_teedata(Object* self, VisitFn visit, void* ctx) {
  auto* o = static_cast<TeeDataObject*>(self);
  visit(&o->it, ctx);
  visit(&o->nextlink, ctx);
  for (int64_t i = 0; i < o->numread; i++) visit(&o->values[i], ctx);
}
void trace_tee(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<TeeObject*>(self)->dataobj, ctx);
}
void trace_zip_longest(Object* self, VisitFn visit, void* ctx) {
  auto* o = static_cast<ZipLongestObject*>(self);
  visit(&o->iters, ctx);
  visit(&o->fillvalue, ctx);
}

}  // namespace

constinit Type groupby_type = iter_type("itertools.groupby", sizeof(GroupbyObject), trace_groupby);
constinit Type grouper_type = iter_type("itertools._grouper", sizeof(GrouperObject), trace_grouper);
constinit Type teedata_type =
    iter_type("itertools._tee_dataobject", sizeof(TeeDataObject), trace_teedata);
constinit Type tee_type = iter_type("itertools._tee", sizeof(TeeObject), trace_tee);
constinit Type zip_longest_type =
    iter_type("itertools.zip_longest", sizeof(ZipLongestObject), trace_zip_longest);

namespace {

template <class T>
T* self_as(Value v) { return static_cast<T*>(v.as_object()); }

// -- groupby --------------------------------------------------------------------------------------

Value groupby_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"iterable", "key", nullptr};
  Value iterable, key;
  ArgSpec spec{"groupby", kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&iterable, &key})) return Value();
  Value it = get_iter(iterable);
  if (it.is_null()) return it;
  auto* o = new_obj<GroupbyObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->it, it);
  gc::store(o, &o->keyfunc, key.is_null() ? None() : key);
  return Value::from_object(o);
}

// Reads the next value and its key into currvalue / currkey; false at the end or on error.
bool groupby_step(GroupbyObject* g) {
  Value v = iter_next(g->it);
  if (v.is_null()) return false;
  Value k = is_none(g->keyfunc) ? v : call1(g->keyfunc, v);
  if (k.is_null()) return false;
  gc::store(g, &g->currvalue, v);
  gc::store(g, &g->currkey, k);
  return true;
}

Value groupby_next(Value self) {
  auto* g = self_as<GroupbyObject>(self);
  gc::store(g, &g->currgrouper, Value());
  // Skip what is left of the current group.
  for (;;) {
    if (!g->currkey.is_null()) {
      if (g->tgtkey.is_null()) break;
      int eq = object_equal(g->tgtkey, g->currkey);
      if (eq < 0) return Value();
      if (eq == 0) break;
    }
    if (!groupby_step(g)) return Value();
  }
  gc::store(g, &g->tgtkey, g->currkey);
  auto* grouper = new_obj<GrouperObject>(&grouper_type);
  if (grouper == nullptr) return raise_no_memory();
  gc::store(grouper, &grouper->parent, self);
  gc::store(grouper, &grouper->tgtkey, g->tgtkey);
  gc::store(g, &g->currgrouper, Value::from_object(grouper));
  return tuple_pack({g->currkey, Value::from_object(grouper)});
}

Value grouper_next(Value self) {
  auto* gr = self_as<GrouperObject>(self);
  auto* g = self_as<GroupbyObject>(gr->parent);
  if (g->currgrouper != self) return Value();
  if (g->currvalue.is_null() && !groupby_step(g)) return Value();
  int eq = object_equal(gr->tgtkey, g->currkey);
  if (eq <= 0) return Value();
  Value r = g->currvalue;
  gc::store(g, &g->currvalue, Value());
  gc::store(g, &g->currkey, Value());
  return r;
}

// -- tee ------------------------------------------------------------------------------------------

Value teedata_new_block(Value it) {
  auto* d = new_obj<TeeDataObject>(&teedata_type);
  if (d == nullptr) return raise_no_memory();
  gc::store(d, &d->it, it);
  return Value::from_object(d);
}

Value tee_make(Type* type, Value dataobj, int64_t index) {
  auto* t = new_obj<TeeObject>(type);
  if (t == nullptr) return raise_no_memory();
  gc::store(t, &t->dataobj, dataobj);
  t->index = index;
  return Value::from_object(t);
}

// A _tee over iterator [it] (or a copy of [it] when it is a _tee itself).
Value tee_from_iterable(Value iterable) {
  Value it = get_iter(iterable);
  if (it.is_null()) return it;
  if (type_of(it) == &tee_type) {
    auto* t = self_as<TeeObject>(it);
    return tee_make(&tee_type, t->dataobj, t->index);
  }
  Value d = teedata_new_block(it);
  if (d.is_null()) return d;
  return tee_make(&tee_type, d, 0);
}

Value tee_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("_tee", kwnames) || !check_nargs("_tee", nargs, 1, 1)) return Value();
  return tee_from_iterable(args[0]);
}

Value tee_next(Value self) {
  auto* t = self_as<TeeObject>(self);
  auto* d = self_as<TeeDataObject>(t->dataobj);
  if (t->index >= kLinkCells) {
    if (d->nextlink.is_null()) {
      Value link = teedata_new_block(d->it);
      if (link.is_null()) return link;
      gc::store(d, &d->nextlink, link);
    }
    gc::store(t, &t->dataobj, d->nextlink);
    d = self_as<TeeDataObject>(t->dataobj);
    t->index = 0;
  }
  Value v;
  if (t->index < d->numread) {
    v = d->values[t->index];
  } else {
    // This tee leads: read one more value from the shared iterator.
    if (d->running) return raise_error(exc_RuntimeError, "cannot re-enter the tee iterator");
    d->running = 1;
    v = iter_next(d->it);
    d->running = 0;
    if (v.is_null()) return v;
    gc::store(d, &d->values[d->numread], v);
    d->numread++;
  }
  t->index++;
  return v;
}

Value tee_copy(Value self, const Value*, size_t, Value) {
  auto* t = self_as<TeeObject>(self);
  return tee_make(type_of(self), t->dataobj, t->index);
}

const MethodDef tee_methods[] = {
    {"__copy__", tee_copy, kMethNoArgs, "Returns an independent iterator."},
    {nullptr, nullptr, 0, nullptr}};

Value f_tee(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("tee", nargs, 1, 2)) return Value();
  int64_t n = 2;
  if (nargs == 2 && !arg_to_index(args[1], &n)) return Value();
  if (n < 0) return raise_error(exc_ValueError, "n must be >= 0");
  Value result = tuple_new(n);
  if (result.is_null() || n == 0) return result;
  Value it = get_iter(args[0]);
  if (it.is_null()) return it;
  static StrConst k_copy("__copy__");
  Value copyfunc = getattr_opt(it, k_copy.get());
  if (copyfunc.is_null() && error_occurred()) return Value();
  Value copyable = it;
  if (copyfunc.is_null()) {
    copyable = tee_from_iterable(it);
    if (copyable.is_null()) return copyable;
    copyfunc = getattr(copyable, k_copy.get());
    if (copyfunc.is_null()) return copyfunc;
  }
  tuple_init_item(result, 0, copyable);
  for (int64_t i = 1; i < n; i++) {
    Value c = call0(copyfunc);
    if (c.is_null()) return c;
    tuple_init_item(result, i, c);
  }
  return result;
}

// -- zip_longest ----------------------------------------------------------------------------------

Value zip_longest_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value fillvalue = None();
  int64_t nkw = kwnames.is_null() ? 0 : tuple_length(kwnames);
  if (nkw > 0) {
    if (nkw != 1 || !str_equal_ascii(tuple_at(kwnames, 0), "fillvalue"))
      return raise_error(exc_TypeError, "zip_longest() got an unexpected keyword argument");
    fillvalue = args[nargs];
  }
  Value iters = list_new(static_cast<int64_t>(nargs));
  if (iters.is_null()) return iters;
  for (size_t i = 0; i < nargs; i++) {
    Value it = get_iter(args[i]);
    if (it.is_null()) return it;
    if (list_append(iters, it) < 0) return Value();
  }
  auto* o = new_obj<ZipLongestObject>(type);
  if (o == nullptr) return raise_no_memory();
  gc::store(o, &o->iters, iters);
  gc::store(o, &o->fillvalue, fillvalue);
  o->numactive = static_cast<int64_t>(nargs);
  return Value::from_object(o);
}

Value zip_longest_next(Value self) {
  auto* o = self_as<ZipLongestObject>(self);
  int64_t n = list_length(o->iters);
  if (n == 0 || o->numactive == 0) return Value();
  Value result = tuple_new(n);
  if (result.is_null()) return result;
  for (int64_t i = 0; i < n; i++) {
    Value it = list_at(o->iters, i);
    Value item;
    if (is_none(it)) {  // exhausted earlier (None is never an iterator)
      item = o->fillvalue;
    } else {
      item = iter_next(it);
      if (item.is_null()) {
        o->numactive--;
        if (o->numactive == 0 || error_occurred()) {
          o->numactive = 0;
          return Value();
        }
        item = o->fillvalue;
        list_set_item(o->iters, i, None());
      }
    }
    tuple_init_item(result, i, item);
  }
  return result;
}

}  // namespace

const TypeRow kGroupTypes[] = {
    {&groupby_type, groupby_new, groupby_next, nullptr, nullptr,
     "make an iterator that returns consecutive keys and groups from the iterable\n\n  "
     "iterable\n    Elements to divide into groups according to the key function.\n  key\n"
     "    A function for computing the group category for each element.\n    If the key "
     "function is not specified or is None, the element itself\n    is used for grouping."},
    {&grouper_type, nullptr, grouper_next, nullptr, nullptr, nullptr},
    {&teedata_type, nullptr, nullptr, nullptr, nullptr, "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects."},
    {&tee_type, tee_new, tee_next, nullptr, tee_methods, "Iterator wrapped to make it copyable."},
    {&zip_longest_type, zip_longest_new, zip_longest_next, nullptr, nullptr,
     "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\nReturn a "
     "zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes "
     "from the i-th iterable argument.  The .__next__()\nmethod continues until the longest "
     "iterable in the argument sequence\nis exhausted and then it raises StopIteration.  When "
     "the shorter iterables\nare exhausted, the fillvalue is substituted in their place.  The "
     "fillvalue\ndefaults to None or can be specified by a keyword argument."},
    {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr}};

const MethodDef kFunctions[] = {
    {"tee", f_tee, kMethFast, "Returns a tuple of n independent iterators."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace tpy::itertools
