// interp/objects/type_internal.h -- Helpers shared by the type-system files (not a public API).
#pragma once

#include <cstdint>
#include <string>

#include "interp/objects/type.h"

namespace tpy {

// hash(object()): the address rotated as CPython's _Py_HashPointer.
int64_t identity_hash(Value v);
// A zeroed instance of [type] with [nitems] trailing items, on the root shape if it has
// instance attributes. null with MemoryError pending.
Value alloc_instance(Type* type, int64_t nitems);
// __module__ of a type: heap types' dict entry, else the part of tp_name before the last dot
// or "builtins". null (with an exception only on error) when a heap type has none.
Value type_module_value(Type* t);
// C3 linearisation of [t] from its m_bases; null with TypeError pending (CPython's messages).
Value compute_mro(Type* t);
// Fills inherited flags and slots of [t] from its solid base (and MRO for heap types).
void inherit_from_base(Type* t, Type* base);
// The base whose instance layout [type]'s instances extend (CPython's solid_base).
Type* solid_base(Type* type);
// The base a class with [bases] is laid out on; null with TypeError pending (layout conflict,
// a base that is not a type or not subclassable).
Type* best_base(Value bases);
// The MRO of [type]: C3, or its metaclass's own mro(); null with an exception pending.
Value custom_mro(Type* type);
// Whether instances of [a] may become instances of [b] (__class__ / __bases__ assignment);
// false with TypeError pending, worded for attribute [attr].
bool compatible_for_assignment(Type* a, Type* b, const char* attr);
// Setter of type.__bases__ (CPython's type_set_bases).
int type_set_bases(Value self, Value v);
// Adds [t] to each base's list of subclasses.
bool add_subclass_links(Type* t);
// The descriptor protocol's "is a data descriptor" test.
inline bool is_data_descriptor(Value d) {
  return d.is_object() && type_of(d)->slots.descr_set != nullptr;
}
// The AttributeError of a missing attribute, with name and obj set (for the suggestions of
// 3.11's traceback printer): "'int' object has no attribute 'x'".
Value raise_no_attribute(Value obj, Value name);
// Sets name/obj on a pending AttributeError that lacks them.
void attribute_error_set_context(Value obj, Value name);
// `std::string` "%p" of an object, as CPython's reprs print addresses ("0x7f...").
std::string address_text(Value v);
// Generic slot for heap-type instances: traces the attrs block and __slots__ members, then
// calls the solid base's trace function.
void heap_instance_trace(Object* self, VisitFn visit, void* ctx);
// Sets __name__ and tp_name of a heap type (a UTF-8 copy kept alive by m_c_name_owner).
bool set_heap_type_name(Type* t, Value name);
// The static types of the type-system files: initialised by init_descriptors().
bool init_descriptors();
// The `iterator` type of iter(seq) over __getitem__ (abstract_call.cpp).
bool init_seq_iterator();

}  // namespace tpy
