// interp/vm/code.cpp -- Code objects: conversion from the compiler's CodeUnit, the `code` type.
#include "interp/vm/code.h"

#include <cstdio>
#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/opcode.h"
#include "interp/vm/vm_deps.h"

#if __has_include("interp/compile/code_unit.h")
#include "interp/compile/code_unit.h"
#define TPY_HAVE_CODE_UNIT 1
#endif

namespace tpy {

constinit Type code_type{&type_type, "code", sizeof(CodeObject), 0};

#if TPY_HAVE_CODE_UNIT
namespace {

using compile::Constant;
using compile::CodeUnit;

// CPython interns string constants made only of identifier characters (all_name_chars).
bool all_name_chars(const std::string& s) {
  for (unsigned char c : s) {
    if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
      return false;
  }
  return true;
}

Value constant_value(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::None: return None();
    case Constant::Kind::True: return True();
    case Constant::Kind::False: return False();
    case Constant::Kind::Ellipsis: return Ellipsis();
    case Constant::Kind::Int:
      if (c.big.empty()) return int_from_i64(c.i);
      {
        Value v = int_from_string(c.big, 10);
        if (v.is_null()) return raise_no_memory();
        return v;
      }
    case Constant::Kind::Float: return float_from_double(c.f);
    case Constant::Kind::Complex: return complex_from_doubles(c.f, c.imag);
    case Constant::Kind::Str:
      return all_name_chars(c.s) ? str_intern(c.s) : str_from_utf8(c.s);
    case Constant::Kind::Bytes: return bytes_from_data(c.s.data(), c.s.size());
    case Constant::Kind::Tuple:
    case Constant::Kind::FrozenSet: {
      Value t = tuple_new(static_cast<int64_t>(c.items.size()));
      if (t.is_null()) return t;
      for (size_t i = 0; i < c.items.size(); i++) {
        Value item = constant_value(c.items[i]);
        if (item.is_null()) return item;
        tuple_init_item(t, static_cast<int64_t>(i), item);
      }
      if (c.kind == Constant::Kind::Tuple) return t;
      return frozenset_new(t);
    }
    case Constant::Kind::Code: return code_from_unit(*c.code);
  }
  return None();
}

Value names_tuple(const std::vector<std::string>& names) {
  Value t = tuple_new(static_cast<int64_t>(names.size()));
  if (t.is_null()) return t;
  for (size_t i = 0; i < names.size(); i++) {
    Value s = str_intern(names[i]);
    if (s.is_null()) return s;
    tuple_init_item(t, static_cast<int64_t>(i), s);
  }
  return t;
}

// co_varnames / co_cellvars / co_freevars: the localsplus names with a kind bit.
Value kind_tuple(const CodeUnit& u, uint8_t want, uint8_t exclude) {
  std::vector<std::string> names;
  for (size_t i = 0; i < u.localsplus_names.size(); i++) {
    uint8_t k = u.localsplus_kinds[i];
    if ((k & want) && !(k & exclude)) names.push_back(u.localsplus_names[i]);
  }
  return names_tuple(names);
}

size_t align8(size_t n) { return (n + 7) & ~size_t{7}; }

}  // namespace

Value code_from_unit(const CodeUnit& u) {
  const size_t ncode = u.code.size();
  const size_t nlp = u.localsplus_names.size();
  size_t ncache = 0;
  for (size_t i = 0; i < ncode;) {
    int op = u.code[i] & 0xFF;
    int caches = vm::op_caches(op);
    if (caches >= 2) ncache++;
    i += 1 + caches;
  }
  // Trailing layout: CacheEntry[ncache] (8-aligned Values first), code, original, positions,
  // exctable, hot, kinds.
  size_t off = 0;
  const size_t off_cache = off; off += align8(ncache * sizeof(CacheEntry));
  const size_t off_code = off; off += align8(ncode * 2);
  const size_t off_orig = off; off += align8(ncode * 2);
  const size_t off_pos = off; off += align8(ncode * sizeof(Position));
  const size_t off_exc = off; off += align8(u.exception_table.size() * sizeof(ExceptionEntry));
  const size_t off_hot = off; off += align8(ncode * sizeof(uint32_t));
  const size_t off_kinds = off; off += align8(nlp);

  // Make every Value first (they allocate), then the object.
  Value name = str_intern(u.name);
  Value qualname = str_intern(u.qualname);
  Value filename = str_from_utf8(u.filename);
  if (name.is_null() || qualname.is_null() || filename.is_null()) return Value();
  Value consts = tuple_new(static_cast<int64_t>(u.consts.size()));
  if (consts.is_null()) return consts;
  for (size_t i = 0; i < u.consts.size(); i++) {
    Value c = constant_value(u.consts[i]);
    if (c.is_null()) return c;
    tuple_init_item(consts, static_cast<int64_t>(i), c);
  }
  Value names = names_tuple(u.names);
  Value lpn = names_tuple(u.localsplus_names);
  Value varnames = kind_tuple(u, compile::CO_FAST_LOCAL, 0);
  Value cellvars = kind_tuple(u, compile::CO_FAST_CELL, 0);
  Value freevars = kind_tuple(u, compile::CO_FAST_FREE, 0);
  if (names.is_null() || lpn.is_null() || varnames.is_null() || cellvars.is_null() ||
      freevars.is_null())
    return Value();

  auto* co = gc::alloc_as<CodeObject>(&code_type, off);
  if (!co) return raise_no_memory();
  char* base = reinterpret_cast<char*>(co + 1);
  co->cache = reinterpret_cast<CacheEntry*>(base + off_cache);
  co->code = reinterpret_cast<uint16_t*>(base + off_code);
  co->original = reinterpret_cast<uint16_t*>(base + off_orig);
  co->positions = reinterpret_cast<Position*>(base + off_pos);
  co->exctable = reinterpret_cast<ExceptionEntry*>(base + off_exc);
  co->hot = reinterpret_cast<uint32_t*>(base + off_hot);
  co->kinds = reinterpret_cast<uint8_t*>(base + off_kinds);

  gc::store(co, &co->name, name);
  gc::store(co, &co->qualname, qualname);
  gc::store(co, &co->filename, filename);
  gc::store(co, &co->consts, consts);
  gc::store(co, &co->names, names);
  gc::store(co, &co->localsplus_names, lpn);
  gc::store(co, &co->varnames, varnames);
  gc::store(co, &co->cellvars, cellvars);
  gc::store(co, &co->freevars, freevars);
  co->firstlineno = u.firstlineno;
  co->argcount = u.argcount;
  co->posonlyargcount = u.posonlyargcount;
  co->kwonlyargcount = u.kwonlyargcount;
  co->flags = u.flags;
  co->stacksize = u.stacksize;
  co->nlocalsplus = static_cast<int32_t>(nlp);
  co->nlocals = u.nlocals();
  co->ncellvars = u.ncellvars();
  co->nfreevars = u.nfreevars();
  co->ncode = static_cast<int32_t>(ncode);
  co->nexc = static_cast<int32_t>(u.exception_table.size());
  co->ncache = static_cast<int32_t>(ncache);
  co->framesize = co->nlocalsplus + co->stacksize;
  if (ncode) {
    std::memcpy(co->code, u.code.data(), ncode * 2);
    std::memcpy(co->original, u.code.data(), ncode * 2);
  }
  for (size_t i = 0; i < ncode; i++) {
    Position p;
    if (i < u.positions.size()) {
      const compile::Position& q = u.positions[i];
      p = Position{q.line, q.end_line, q.col, q.end_col};
    }
    co->positions[i] = p;
  }
  for (size_t i = 0; i < u.exception_table.size(); i++) {
    const compile::ExceptionEntry& e = u.exception_table[i];
    co->exctable[i] = ExceptionEntry{e.start, e.end, e.target, e.depth, e.lasti};
  }
  for (size_t i = 0; i < nlp; i++) co->kinds[i] = u.localsplus_kinds[i];
  // Give each cached instruction its side entry (cache unit 1); unit 0 is the counter.
  size_t slot = 0;
  for (size_t i = 0; i < ncode;) {
    int op = co->code[i] & 0xFF;
    int caches = vm::op_caches(op);
    if (caches >= 2) {
      co->code[i + 2] = static_cast<uint16_t>(slot < 0xFFFF ? slot : 0xFFFF);
      slot++;
    }
    i += 1 + caches;
  }
  return Value::from_object(co);
}
#else
// The compiler is not in this tree yet (interp/compile/code_unit.h): nothing to convert.
Value code_from_unit(const compile::CodeUnit&) {
  return raise_error(exc_SystemError, "tpy was built without the bytecode compiler");
}
#endif

int code_line_at(const CodeObject* co, int index) {
  if (index < 0 || index >= co->ncode) return -1;
  return co->positions[index].line;
}

const ExceptionEntry* code_find_handler(const CodeObject* co, int index) {
  // Rows are sorted by start and do not overlap: binary search.
  int lo = 0, hi = co->nexc;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    const ExceptionEntry& e = co->exctable[mid];
    if (static_cast<uint32_t>(index) < e.start) hi = mid;
    else if (static_cast<uint32_t>(index) >= e.end) lo = mid + 1;
    else return &e;
  }
  return nullptr;
}

Value code_co_code(Value code) {
  CodeObject* co = as_code(code);
  return bytes_from_data(co->original, static_cast<size_t>(co->ncode) * 2);
}

void code_trace(Object* self, VisitFn visit, void* ctx) {
  auto* co = static_cast<CodeObject*>(self);
  for (Value* v : {&co->name, &co->qualname, &co->filename, &co->consts, &co->names,
                   &co->localsplus_names, &co->varnames, &co->cellvars, &co->freevars,
                   &co->weakreflist})
    visit(v, ctx);
  for (int i = 0; i < co->ncache; i++) visit(&co->cache[i].value, ctx);
}

// -- The Python-visible type -----------------------------------------------------------------------
Value code_replace_m(Value self, const Value* args, size_t nargs, Value kwnames);  // code_replace.cpp

namespace {

Value code_repr(Value self) {
  CodeObject* co = as_code(self);
  std::string name = str_to_utf8(co->name), file = str_to_utf8(co->filename);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(co));
  std::string s = "<code object " + name + " at " + buf + ", file \"" + file + "\", line " +
                  std::to_string(co->firstlineno) + ">";
  return str_from_utf8(s);
}

#define CODE_VALUE_GETTER(field)                                     \
  Value get_##field(Value self) { return as_code(self)->field; }
CODE_VALUE_GETTER(name)
CODE_VALUE_GETTER(qualname)
CODE_VALUE_GETTER(filename)
CODE_VALUE_GETTER(consts)
CODE_VALUE_GETTER(names)
CODE_VALUE_GETTER(varnames)
CODE_VALUE_GETTER(cellvars)
CODE_VALUE_GETTER(freevars)
#undef CODE_VALUE_GETTER
#define CODE_INT_GETTER(pyname, expr)                                                  \
  Value get_##pyname(Value self) {                                                     \
    const CodeObject* co = as_code(self);                                              \
    return int_from_i64(expr);                                                         \
  }
CODE_INT_GETTER(argcount, co->argcount)
CODE_INT_GETTER(posonlyargcount, co->posonlyargcount)
CODE_INT_GETTER(kwonlyargcount, co->kwonlyargcount)
CODE_INT_GETTER(nlocals, co->nlocals)
CODE_INT_GETTER(stacksize, co->stacksize)
CODE_INT_GETTER(flags, co->flags)
CODE_INT_GETTER(firstlineno, co->firstlineno)
#undef CODE_INT_GETTER

Value get_code(Value self) { return code_co_code(self); }

Value opt_int(int v) { return v < 0 ? None() : int_from_i64(v); }

// co_positions(): an iterator of (line, end_line, col, end_col), one per instruction (code
// unit pair as 3.11 yields it: one tuple per code unit).
Value code_positions_m(Value self, const Value*, size_t, Value) {
  CodeObject* co = as_code(self);
  Value l = list_new(co->ncode);
  if (l.is_null()) return l;
  for (int i = 0; i < co->ncode; i++) {
    const Position& p = co->positions[i];
    Value t = tuple_pack({opt_int(p.line), opt_int(p.end_line), opt_int(p.col), opt_int(p.end_col)});
    if (t.is_null() || list_append(l, t) < 0) return Value();
  }
  return get_iter(l);
}

// co_lines(): (start, end, line) byte ranges, merged over runs of the same line.
Value code_lines_m(Value self, const Value*, size_t, Value) {
  CodeObject* co = as_code(self);
  Value l = list_new();
  if (l.is_null()) return l;
  int i = 0;
  while (i < co->ncode) {
    int line = co->positions[i].line;
    int j = i + 1;
    while (j < co->ncode && co->positions[j].line == line) j++;
    Value t = tuple_pack({int_from_i64(i * 2), int_from_i64(j * 2), opt_int(line)});
    if (t.is_null() || list_append(l, t) < 0) return Value();
    i = j;
  }
  return get_iter(l);
}

const GetSetDef code_getsets[] = {
    {"co_name", get_name, nullptr, nullptr},
    {"co_qualname", get_qualname, nullptr, nullptr},
    {"co_filename", get_filename, nullptr, nullptr},
    {"co_consts", get_consts, nullptr, nullptr},
    {"co_names", get_names, nullptr, nullptr},
    {"co_varnames", get_varnames, nullptr, nullptr},
    {"co_cellvars", get_cellvars, nullptr, nullptr},
    {"co_freevars", get_freevars, nullptr, nullptr},
    {"co_argcount", get_argcount, nullptr, nullptr},
    {"co_posonlyargcount", get_posonlyargcount, nullptr, nullptr},
    {"co_kwonlyargcount", get_kwonlyargcount, nullptr, nullptr},
    {"co_nlocals", get_nlocals, nullptr, nullptr},
    {"co_stacksize", get_stacksize, nullptr, nullptr},
    {"co_flags", get_flags, nullptr, nullptr},
    {"co_firstlineno", get_firstlineno, nullptr, nullptr},
    {"co_code", get_code, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

const MethodDef code_methods[] = {
    {"replace", code_replace_m, kMethFastKw, "Return a copy of the code object with new values for the specified fields."},
    {"co_positions", code_positions_m, kMethNoArgs, nullptr},
    {"co_lines", code_lines_m, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool init_vm_code_type() {
  code_type.slots.repr = code_repr;
  code_type.slots.trace = code_trace;
  type_init(&code_type, &object_type, TypeDefs{code_methods, nullptr, code_getsets},
            "Create a code object.  Not for the faint of heart.");
  return true;
}

}  // namespace tpy
