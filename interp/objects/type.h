// interp/objects/type.h -- Type: the Python type object, its slots, flags and version tag.
//
// The model is CPython's: a type carries C++ function pointers ("slots") for the operations
// the interpreter performs on its instances (repr, hash, compare, getattr, call, iter, binary
// operators...), and a dict of Python-visible attributes. The two are kept in step through
// the one table interp/objects/slots.def:
//   - a built-in type fills slots in C++; type initialisation then adds a slot wrapper to its
//     dict for every filled slot (`int.__add__`), so dir() and `type.__dict__` are CPython's;
//   - a class statement (type_new) fills the slots of the new heap type from the dunder
//     methods its namespace and bases define, with generic slot functions that look the
//     method up and call it; assigning `C.__add__ = f` later updates the slot again.
// Calling conventions (all of them: slots, built-in functions, the interpreter):
//   - Values in, Value out. A null Value return means "an exception is pending on the thread
//     state" (interp/vm/thread_state.h). int-returning slots return -1 for that.
//   - Vector calls: (callable, args, nargs, kwnames). args holds nargs positional values then
//     one value per keyword; kwnames is a tuple of str (the keyword names) or null.
//   - iternext returns null *without* an exception pending when the iterator is exhausted.
//   - Binary slots receive both operands in source order and return NotImplemented when they
//     do not handle the pair; binary_op() (interp/objects/abstract.h) does the reflected
//     dispatch exactly as CPython's binary_op1 does.
// Static (built-in) types are constinit C++ objects outside the GC heap; heap types (classes)
// are GC objects of the same layout. Every Value field of a static type is a root.
#pragma once

#include <cstddef>
#include <cstdint>

#include "interp/objects/value.h"

namespace tpy {

class Type;

// BINARY_OP's oparg (CPython 3.11's NB_* numbering, so the compiler can use it directly).
#define TPY_BINOPS(X)                                                                            \
  X(Add, "+") X(And, "&") X(FloorDivide, "//") X(LShift, "<<") X(MatrixMultiply, "@")            \
  X(Multiply, "*") X(Remainder, "%") X(Or, "|") X(Power, "**") X(RShift, ">>")                    \
  X(Subtract, "-") X(TrueDivide, "/") X(Xor, "^") X(InplaceAdd, "+=") X(InplaceAnd, "&=")         \
  X(InplaceFloorDivide, "//=") X(InplaceLShift, "<<=") X(InplaceMatrixMultiply, "@=")              \
  X(InplaceMultiply, "*=") X(InplaceRemainder, "%=") X(InplaceOr, "|=") X(InplacePower, "**=")    \
  X(InplaceRShift, ">>=") X(InplaceSubtract, "-=") X(InplaceTrueDivide, "/=") X(InplaceXor, "^=")

enum class BinOp : uint8_t {
#define TPY_BINOP_ENUM(name, sym) name,
  TPY_BINOPS(TPY_BINOP_ENUM)
#undef TPY_BINOP_ENUM
  kCount
};
constexpr size_t kNumBinOps = static_cast<size_t>(BinOp::kCount);
// "+", "+=" ... as TypeError messages print them ("unsupported operand type(s) for +: ...").
const char* binop_symbol(BinOp op);
// The in-place operator's plain twin (InplaceAdd -> Add); plain operators map to themselves.
BinOp binop_plain(BinOp op);
inline bool binop_is_inplace(BinOp op) { return op >= BinOp::InplaceAdd; }

// COMPARE_OP's oparg (CPython's Py_LT ... Py_GE).
enum class CompareOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };
CompareOp compare_swapped(CompareOp op);  // Lt <-> Gt, Le <-> Ge (the reflected comparison)

using UnaryFn = Value (*)(Value self);
using BinaryFn = Value (*)(Value a, Value b);
using TernaryFn = Value (*)(Value a, Value b, Value c);  // c is None when absent (pow)
using VectorFn = Value (*)(Value callable, const Value* args, size_t nargs, Value kwnames);
using NewFn = Value (*)(Type* type, const Value* args, size_t nargs, Value kwnames);
using InitFn = int (*)(Value self, const Value* args, size_t nargs, Value kwnames);
using HashFn = int64_t (*)(Value self);  // -1: error (a real hash of -1 is reported as -2)
using CompareFn = Value (*)(Value a, Value b, CompareOp op);
using GetAttrFn = Value (*)(Value self, Value name);           // name: a str
using SetAttrFn = int (*)(Value self, Value name, Value v);    // v null: delete
using DescrGetFn = Value (*)(Value descr, Value obj, Value type);  // obj null: class access
using DescrSetFn = int (*)(Value descr, Value obj, Value v);   // v null: __delete__
using LenFn = int64_t (*)(Value self);                         // -1: error
using InquiryFn = int (*)(Value self);                         // 1, 0, -1: error
using ContainsFn = int (*)(Value self, Value item);            // 1, 0, -1: error
using SetItemFn = int (*)(Value self, Value key, Value v);     // v null: delete
using FinalizeFn = void (*)(Value self);

// The collector's view of an object (issue 4 calls it; every type with Value fields fills it).
using VisitFn = void (*)(Value* slot, void* ctx);
using TraceFn = void (*)(Object* self, VisitFn visit, void* ctx);

struct TypeSlots {
  NewFn new_ = nullptr;
  InitFn init = nullptr;
  UnaryFn repr = nullptr;
  UnaryFn str = nullptr;
  HashFn hash = nullptr;  // null in a type with __hash__ = None: unhashable
  CompareFn richcompare = nullptr;
  GetAttrFn getattro = nullptr;
  SetAttrFn setattro = nullptr;
  DescrGetFn descr_get = nullptr;
  DescrSetFn descr_set = nullptr;
  VectorFn call = nullptr;
  UnaryFn iter = nullptr;
  UnaryFn iternext = nullptr;
  FinalizeFn finalize = nullptr;
  UnaryFn am_await = nullptr, am_aiter = nullptr, am_anext = nullptr;
  // Numbers. binop[Power] and binop[InplacePower] are unused: power takes three operands.
  BinaryFn binop[kNumBinOps] = {};
  BinaryFn divmod = nullptr;
  TernaryFn power = nullptr, inplace_power = nullptr;
  UnaryFn neg = nullptr, pos = nullptr, abs = nullptr, invert = nullptr;
  UnaryFn int_ = nullptr, float_ = nullptr, index = nullptr;
  InquiryFn bool_ = nullptr;
  // Containers: one getitem for sequences and mappings alike (the type decides what a key is).
  LenFn len = nullptr;
  BinaryFn getitem = nullptr;
  SetItemFn setitem = nullptr;
  ContainsFn contains = nullptr;
  // The collector. null: the object holds no Values besides its header's type.
  TraceFn trace = nullptr;
};

// Type::flags (CPython's Py_TPFLAGS_* where one exists).
enum TypeFlags : uint32_t {
  kTypeHeap = 1u << 0,             // made by a class statement or type(); a GC object
  kTypeBaseType = 1u << 1,         // may be subclassed
  kTypeImmutable = 1u << 2,        // setattr on the type is refused (built-in types)
  kTypeAbstract = 1u << 3,         // has __abstractmethods__: instantiation refused
  kTypeSequence = 1u << 4,         // match: sequence pattern applies
  kTypeMapping = 1u << 5,          // match: mapping pattern applies
  kTypeMatchSelf = 1u << 6,        // match: class pattern with one positional matches self
  kTypeHasInstanceAttrs = 1u << 7, // instances carry an InstanceAttrs block (attrs_offset)
  kTypeHasFinalizer = 1u << 8,     // a __del__ somewhere in the MRO
  // Functions and method descriptors: LOAD_METHOD may skip making a bound method and call
  // the attribute with the instance first (CPython's Py_TPFLAGS_METHOD_DESCRIPTOR). The vm's
  // function type sets it; so do method_descriptor and wrapper_descriptor.
  kTypeMethodDescriptor = 1u << 9,
  kTypeReady = 1u << 10,               // type_init / type_new completed
  kTypeDisallowInstantiation = 1u << 11,  // "cannot create 'X' instances"
  kTypeHasDict = 1u << 12,             // instances have a __dict__ (shape or dict; see instance.h)
  // Fast subclass tests, as CPython's Py_TPFLAGS_*_SUBCLASS: set on the type and inherited.
  kTypeIntSubclass = 1u << 16,
  kTypeListSubclass = 1u << 17,
  kTypeTupleSubclass = 1u << 18,
  kTypeBytesSubclass = 1u << 19,
  kTypeStrSubclass = 1u << 20,
  kTypeDictSubclass = 1u << 21,
  kTypeBaseExceptionSubclass = 1u << 22,
  kTypeTypeSubclass = 1u << 23,
};

class Type : public Object {
 public:
  // A static (built-in) type; type_init() (interp/objects/type_init.h) completes it at start-up.
  constexpr Type(Type* metatype, const char* name, uint32_t basicsize, uint32_t flags)
      : Object(metatype), m_c_name(name), m_basicsize(basicsize), m_flags(flags) {}
  constexpr Type(Type* metatype, const char* name, uint32_t basicsize, uint32_t flags,
                 const TypeSlots& s)
      : Object(metatype), m_c_name(name), m_basicsize(basicsize), m_flags(flags), slots(s) {}

  // tp_name: "int", "collections.OrderedDict", or a class's __name__ (UTF-8).
  const char* c_name() const { return m_c_name; }
  const char* name() const { return m_c_name; }  // older spelling (tests/unit/int_test.cpp)
  uint32_t flags() const { return m_flags; }
  bool has_flag(uint32_t f) const { return (m_flags & f) != 0; }
  bool is_heap() const { return has_flag(kTypeHeap); }

  // -- Public fields (the type's own code and type_new fill them) --------------------------------
  const char* m_c_name;
  uint32_t m_basicsize;     // bytes of an instance (header included), before trailing items
  uint32_t m_flags;
  uint32_t m_itemsize = 0;  // bytes per trailing item (tuple: 8), 0 for fixed-size objects
  // Where an instance keeps its InstanceAttrs (interp/objects/instance.h); 0: none (then
  // setting an attribute raises AttributeError, as on object() or an int).
  uint32_t m_attrs_offset = 0;
  // Types whose instances keep a plain `Value dict` field instead (functions, modules,
  // exceptions, classmethod: CPython's tp_dictoffset): its byte offset, 0 if none. Used by
  // generic_getattr/generic_setattr when m_attrs_offset is 0; the dict is made on first store.
  uint32_t m_dict_offset = 0;
  // Bumped (from a global counter) whenever the type or a base changes in a way a cache may
  // have relied on (dict assignment, __bases__, slot update). 0: caches must not use this
  // type (after the counter ran out, as CPython's unassigned version tag).
  uint32_t m_version = 0;
  Type* m_base = nullptr;  // tp_base: the "solid" base whose layout instances extend
  Value m_bases;           // tuple of types
  Value m_mro;             // tuple of types, this type first
  Value m_dict;            // dict (str -> value); exposed read-only as a mappingproxy
  Value m_name;            // str: __name__
  Value m_qualname;        // str: __qualname__
  Value m_module;          // str or null (built-ins: "builtins" is implied)
  Value m_doc;             // str or None (built-ins: null until asked)
  Value m_subclasses;      // list of weak references... (issue 4); a list of types until then
  Value m_slots_names;     // tuple of __slots__ names (heap types), or null
  Value m_c_name_owner;    // heap types: the GC object holding m_c_name's UTF-8 bytes
  TypeSlots slots;
};

// type(v) for any non-null Value: small ints carry no header.
extern constinit Type type_type;  // `type`, the metatype
extern constinit Type object_type;  // `object`, the root of every MRO
extern constinit Type int_type;   // `int` (big ints are objects of it; small ints are tagged)
inline Type* type_of(Value v) { return v.is_int() ? &int_type : v.as_object()->type(); }

// PyType_IsSubtype: [sub] is [base] or has it in its MRO (before the MRO exists: base chain).
bool type_is_subtype(const Type* sub, const Type* base);
inline bool is_instance_of(Value v, const Type* t) {
  Type* vt = type_of(v);
  return vt == t || type_is_subtype(vt, t);
}
inline bool is_type(Value v) {
  return v.is_object() && type_of(v)->has_flag(kTypeTypeSubclass);
}
inline Type* as_type(Value v) { return static_cast<Type*>(v.as_object()); }

// Looks [name] (an interned str) up along the MRO of [t] without invoking descriptors
// (_PyType_Lookup); null if absent, never an error. Cached by (version, name).
Value type_lookup(Type* t, Value name);

// Marks [t] and every subclass as changed (new version tags): call after any mutation of
// a type's dict, bases or slots.
void type_modified(Type* t);

// Empties the global method cache (the collector calls it before marking: the cache holds
// Values it does not trace).
void type_cache_clear();

// A type's version tag for caches: assigns one if the type has none (0 only when the global
// counter ran out). A cache keyed on it stays valid until type_modified(t) or of a base.
uint32_t type_version(Type* t);

// `type.__new__(metatype, name, bases, ns, **kwds)`: a class statement's type creation after
// __build_class__ has run the body (interp/objects/type_new.cpp). [kwnames]/[kwvalues]: the
// class keywords passed on to __init_subclass__ (kwnames a tuple of str or null).
Value type_new(Type* metatype, Value name, Value bases, Value ns, const Value* kwvalues,
               Value kwnames);
// The most derived metaclass of [meta] and the types of [bases] ("metaclass conflict: ..."
// TypeError when there is none); null with an exception pending on error.
Type* calculate_metaclass(Type* meta, Value bases);

// "module.Qualname" for messages and reprs ("int" for built-ins): tp_name's Python form.
Value type_name_value(Type* t);    // __name__ (a str)
Value type_qualname_value(Type* t);  // __qualname__ (a str)

}  // namespace tpy
