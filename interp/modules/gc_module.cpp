// interp/modules/gc_module.cpp -- The gc module of CPython 3.11 over tpy's collector (gc/).
//
// Generations map onto the collector's two kinds: collect(0) and collect(1) are young
// collections, collect(2) (the default) a full one. get_stats() reports young collections as
// generation 0 and full ones as generation 2. tpy has no uncollectable garbage: gc.garbage
// stays empty. See docs/differences.md ("Memory management").
#include <vector>

#include "gc/collector.h"
#include "gc/heap.h"
#include "gc/roots.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/module.h"

namespace tpy {

namespace {

constexpr int64_t kDebugStats = 1, kDebugCollectable = 2, kDebugUncollectable = 4,
                  kDebugSaveAll = 32, kDebugLeak = 38;
int64_t g_debug = 0;

// The module, for gc.callbacks (a list the program may replace or mutate).
Value& gc_module_ref() { return gc::g_roots.gc_module(); }

// Objects a Python program may see: internal helper objects (shapes, dict key tables, list
// storage) have types that never went through type_init.
bool visible(Object* o) { return o->type()->has_flag(kTypeReady); }

// Calls fn on every Value [o] refers to as Python sees it: the contents of internal helper
// objects (a list's item array, a dict's entries) count as the owner's own references.
template <class Fn>
void for_each_referent(Object* o, Fn& fn, int depth = 0) {
  struct Ctx {
    Fn* fn;
    int depth;
  } ctx{&fn, depth};
  Type* t = o->type();
  if (t->is_heap()) fn(Value::from_object(t));
  if (!t->slots.trace) return;
  t->slots.trace(
      o,
      [](Value* slot, void* c) {
        auto* x = static_cast<Ctx*>(c);
        Value v = *slot;
        if (!v.is_object()) return;
        Object* r = v.as_object();
        if (!visible(r) && !r->is_static() && x->depth < 4) {
          for_each_referent(r, *x->fn, x->depth + 1);
          return;
        }
        (*x->fn)(v);
      },
      &ctx);
}

Value run_callbacks(const char* phase, int64_t generation, size_t collected) {
  Value m = gc_module_ref();
  if (m.is_null()) return None();
  Value cbs = dict_get_cstr(module_dict(m), "callbacks");
  if (cbs.is_null() || !is_list(cbs) || list_length(cbs) == 0) return None();
  Value info = dict_new();
  if (info.is_null()) return info;
  Value ph = str_from_utf8(phase);
  if (ph.is_null() || dict_set_cstr(info, "generation", Value::from_int(generation)) < 0 ||
      dict_set_cstr(info, "collected", int_from_u64(collected)) < 0 ||
      dict_set_cstr(info, "uncollectable", Value::from_int(0)) < 0)
    return Value();
  Value snapshot = list_from_iterable(cbs);
  if (snapshot.is_null()) return snapshot;
  for (int64_t i = 0; i < list_length(snapshot); i++) {
    Value args[2] = {ph, info};
    if (call(list_at(snapshot, i), args, 2).is_null()) return Value();
  }
  return None();
}

Value gc_collect(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"generation", nullptr};
  Value gen;
  ArgSpec spec{"collect", kw, 0, 1};
  if (!parse_args(spec, args, nargs, kwnames, {&gen})) return Value();
  int64_t g = 2;
  if (!gen.is_null() && !index_to_i64(gen, &g)) return Value();
  if (g < 0 || g > 2) return raise_error(exc_ValueError, "invalid generation");
  if (run_callbacks("start", g, 0).is_null()) return Value();
  size_t n = gc::collect(g == 2 ? gc::CollectionKind::kFull : gc::CollectionKind::kYoung);
  if (run_callbacks("stop", g, n).is_null()) return Value();
  return int_from_u64(n);
}

Value gc_enable(Value, const Value*, size_t, Value) {
  gc::set_enabled(true);
  return None();
}
Value gc_disable(Value, const Value*, size_t, Value) {
  gc::set_enabled(false);
  return None();
}
Value gc_isenabled(Value, const Value*, size_t, Value) { return Bool(gc::is_enabled()); }

Value gc_get_count(Value, const Value*, size_t, Value) {
  const gc::Stats& s = gc::stats();
  // Allocations since the last collection, in objects of a typical size (CPython counts
  // container objects); the older generations' counts are not tracked.
  return tuple_pack({int_from_u64(s.allocated_since_gc / 64), Value::from_int(0),
                     Value::from_int(0)});
}

Value gc_get_threshold(Value, const Value*, size_t, Value) {
  int64_t t[3];
  gc::thresholds(t);
  return tuple_pack({int_from_i64(t[0]), int_from_i64(t[1]), int_from_i64(t[2])});
}

Value gc_set_threshold(Value, const Value* args, size_t nargs, Value) {
  if (nargs < 1) return raise_error(exc_TypeError, "set_threshold() takes at least 1 argument (0 given)");
  if (nargs > 3) return raise_format(exc_TypeError, "set_threshold() takes at most 3 arguments (%d given)", static_cast<int>(nargs));
  int64_t t[3];
  gc::thresholds(t);
  for (size_t i = 0; i < nargs; i++) {
    if (is_float(args[i])) return raise_error(exc_TypeError, "'float' object cannot be interpreted as an integer");
    if (!index_to_i64(args[i], &t[i])) return Value();
  }
  gc::set_thresholds(t);
  return None();
}

Value stats_dict(uint64_t collections, uint64_t collected) {
  Value d = dict_new();
  if (d.is_null()) return d;
  if (dict_set_cstr(d, "collections", int_from_u64(collections)) < 0 ||
      dict_set_cstr(d, "collected", int_from_u64(collected)) < 0 ||
      dict_set_cstr(d, "uncollectable", Value::from_int(0)) < 0)
    return Value();
  return d;
}

Value gc_get_stats(Value, const Value*, size_t, Value) {
  const gc::Stats& s = gc::stats();
  Value l = list_new();
  if (l.is_null()) return l;
  Value rows[3] = {stats_dict(s.young_collections, s.collected_young), stats_dict(0, 0),
                   stats_dict(s.full_collections, s.collected_full)};
  for (Value r : rows)
    if (r.is_null() || list_append(l, r) < 0) return Value();
  return l;
}

Value gc_is_tracked(Value, const Value* args, size_t, Value) {
  Value v = args[0];
  if (!v.is_object() || v.as_object()->is_static()) return False();
  Type* t = type_of(v);
  // Atoms (str, bytes, int, float) hold no references, as CPython's untracked types.
  return Bool(t->slots.trace != nullptr || t->is_heap());
}

Value gc_is_finalized(Value, const Value* args, size_t, Value) {
  Value v = args[0];
  return Bool(v.is_object() && (v.as_object()->gc_flags() & gc::kGcFlagFinalized) != 0);
}

Value gc_get_objects(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"generation", nullptr};
  Value gen;
  ArgSpec spec{"get_objects", kw, 0, 1};
  if (!parse_args(spec, args, nargs, kwnames, {&gen})) return Value();
  if (!gen.is_null() && !is_none(gen)) {
    int64_t g;
    if (!index_to_i64(gen, &g)) return Value();
    if (g >= 3) return raise_format(exc_ValueError, "generation parameter must be less than the number of available generations (3)");
    if (g < 0) return raise_error(exc_ValueError, "generation parameter cannot be negative");
  }
  std::vector<Object*> found;
  gc::for_each_object(
      [](Object* o, void* ctx) {
        if (visible(o) && o->type()->slots.trace != nullptr)
          static_cast<std::vector<Object*>*>(ctx)->push_back(o);
      },
      &found);
  // The vector is malloc memory, which the collector does not scan: root it while the
  // list is allocated.
  std::vector<Value> vals(found.size());
  for (size_t i = 0; i < found.size(); i++) vals[i] = Value::from_object(found[i]);
  gc::TempRoot keep(vals.data(), vals.size());
  return list_from_array(vals.data(), static_cast<int64_t>(vals.size()));
}

Value gc_get_referents(Value, const Value* args, size_t nargs, Value) {
  Value l = list_new();
  if (l.is_null()) return l;
  for (size_t i = 0; i < nargs; i++) {
    Value v = args[i];
    if (!v.is_object()) continue;
    bool failed = false;
    auto add = [&](Value r) {
      if (!failed && list_append(l, r) < 0) failed = true;
    };
    for_each_referent(v.as_object(), add);
    if (failed) return Value();
  }
  return l;
}

Value gc_get_referrers(Value, const Value* args, size_t nargs, Value) {
  std::vector<Value> holders;
  gc::TempRoot keep(holders.data(), 0);
  struct Ctx {
    const Value* targets;
    size_t n;
    std::vector<Value>* out;
  } ctx{args, nargs, &holders};
  gc::for_each_object(
      [](Object* o, void* c) {
        auto* x = static_cast<Ctx*>(c);
        if (!visible(o)) return;
        bool hit = false;
        auto check = [&](Value r) {
          for (size_t i = 0; i < x->n; i++) hit = hit || r == x->targets[i];
        };
        for_each_referent(o, check);
        if (hit) x->out->push_back(Value::from_object(o));
      },
      &ctx);
  keep.reset(holders.data(), holders.size());
  return list_from_array(holders.data(), static_cast<int64_t>(holders.size()));
}

Value gc_freeze(Value, const Value*, size_t, Value) {
  gc::freeze();
  return None();
}
Value gc_unfreeze(Value, const Value*, size_t, Value) {
  gc::unfreeze();
  return None();
}
Value gc_get_freeze_count(Value, const Value*, size_t, Value) {
  return int_from_u64(gc::freeze_count());
}

Value gc_set_debug(Value, const Value* args, size_t, Value) {
  if (is_float(args[0])) return raise_error(exc_TypeError, "'float' object cannot be interpreted as an integer");
  if (!index_to_i64(args[0], &g_debug)) return Value();
  return None();
}
Value gc_get_debug(Value, const Value*, size_t, Value) { return int_from_i64(g_debug); }

const MethodDef kGcFunctions[] = {
    {"collect", gc_collect, kMethFastKw,
     "collect($module, /, generation=2)\n--\n\nRun the garbage collector."},
    {"enable", gc_enable, kMethNoArgs, "enable($module, /)\n--\n\nEnable automatic garbage collection."},
    {"disable", gc_disable, kMethNoArgs, "disable($module, /)\n--\n\nDisable automatic garbage collection."},
    {"isenabled", gc_isenabled, kMethNoArgs, "isenabled($module, /)\n--\n\nReturns true if automatic garbage collection is enabled."},
    {"get_count", gc_get_count, kMethNoArgs, "get_count($module, /)\n--\n\nReturn a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, kMethNoArgs, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, kMethFast, "set_threshold(threshold0, [threshold1, threshold2]) -> None\n\nSets the collection thresholds."},
    {"get_stats", gc_get_stats, kMethNoArgs, "get_stats($module, /)\n--\n\nReturn a list of dictionaries containing per-generation statistics."},
    {"is_tracked", gc_is_tracked, kMethO, "is_tracked($module, obj, /)\n--\n\nReturns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, kMethO, "is_finalized($module, obj, /)\n--\n\nReturns true if the object has been already finalized by the GC."},
    {"get_objects", gc_get_objects, kMethFastKw, "get_objects($module, /, generation=None)\n--\n\nReturn a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referrers", gc_get_referrers, kMethFast, "get_referrers(*objs) -> list\nReturn the list of objects that directly refer to any of objs."},
    {"get_referents", gc_get_referents, kMethFast, "get_referents(*objs) -> list\nReturn the list of objects that are directly referred to by objs."},
    {"freeze", gc_freeze, kMethNoArgs, "freeze($module, /)\n--\n\nFreeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze, kMethNoArgs, "unfreeze($module, /)\n--\n\nUnfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, kMethNoArgs, "get_freeze_count($module, /)\n--\n\nReturn the number of objects in the permanent generation."},
    {"set_debug", gc_set_debug, kMethO, "set_debug($module, flags, /)\n--\n\nSet the garbage collection debugging flags."},
    {"get_debug", gc_get_debug, kMethNoArgs, "get_debug($module, /)\n--\n\nGet the garbage collection debugging flags."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

Value create_gc_module() {
  Value m = module_new_cstr("gc");
  if (m.is_null()) return m;
  gc_module_ref() = m;
  Value d = module_dict(m);
  if (add_native_functions(d, kGcFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  const struct {
    const char* name;
    int64_t value;
  } constants[] = {{"DEBUG_STATS", kDebugStats}, {"DEBUG_COLLECTABLE", kDebugCollectable},
                   {"DEBUG_UNCOLLECTABLE", kDebugUncollectable}, {"DEBUG_SAVEALL", kDebugSaveAll},
                   {"DEBUG_LEAK", kDebugLeak}};
  for (const auto& c : constants)
    if (dict_set_cstr(d, c.name, Value::from_int(c.value)) < 0) return Value();
  Value garbage = list_new(), callbacks = list_new();
  if (garbage.is_null() || callbacks.is_null() || dict_set_cstr(d, "garbage", garbage) < 0 ||
      dict_set_cstr(d, "callbacks", callbacks) < 0)
    return Value();
  Value doc = str_from_utf8(
      "This module provides access to the garbage collector for reference cycles.\n");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
