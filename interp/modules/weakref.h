// interp/modules/weakref.h -- Weak references (_weakref.ref, proxies) and the collector's hooks.
//
// A weak reference object holds its referent in a slot its trace function does NOT visit.
// Which objects have weak references is kept in a side table (referent address -> the ref
// and proxy objects pointing at it), so objects need no weak-list field. The collector
// (issue 4) must, for every object it is about to free:
//   if (weakref_has_refs(o)) weakref_clear_referent(o, &callbacks);
// and, after the sweep, call each collected callback with its ref (`callback(ref)`), as
// CPython calls them (errors printed as unraisable). It must also call weakref_forget(r)
// for every weak reference object it frees, so the side table never points at a dead ref.
// The collector reaches these through gc::set_weakref_hooks (gc/weak.h), installed when the
// weakref type is initialised.
#pragma once

#include <vector>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type weakref_type;                // weakref.ReferenceType ("weakref")
extern constinit Type weakproxy_type;              // weakref.ProxyType ("weakproxy")
extern constinit Type weakcallableproxy_type;      // weakref.CallableProxyType

struct WeakRefObject : Object {
  Value referent;  // weak (not traced); null once the referent died
  Value callback;  // traced; null or a callable
  int64_t hash;    // cached hash of the referent, -1 until computed
};

// weakref.ref(ob) / the referent of a ref or proxy (null: dead).
Value weakref_new(Value ob, Value callback);
Value weakref_get(Value ref);

// -- For the collector ---------------------------------------------------------------------
bool weakref_has_refs(Object* referent);
// Clears every ref and proxy to [referent]; those with a callback are appended to
// [callbacks] (as the ref objects: call `ref.__callback__(ref)` for each, in order).
void weakref_clear_referent(Object* referent, std::vector<Value>* callbacks);
// [ref] (a weakref or proxy object) is being freed: drop it from its referent's list.
void weakref_forget(Object* ref);

}  // namespace tpy
