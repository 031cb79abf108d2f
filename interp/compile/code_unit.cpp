// interp/compile/code_unit.cpp -- Constant repr/identity and CodeUnit counts.
#include "interp/compile/code_unit.h"

#include <cstdio>
#include <cstring>

#include "interp/text/repr.h"

namespace tpy::compile {

Constant Constant::clone() const {
  Constant c;
  c.kind = kind;
  c.i = i;
  c.big = big;
  c.f = f;
  c.imag = imag;
  c.s = s;
  for (const Constant& it : items) c.items.push_back(it.clone());
  if (code) c.code = std::make_unique<CodeUnit>(code->clone());
  return c;
}

CodeUnit CodeUnit::clone() const {
  CodeUnit u;
  u.name = name;
  u.qualname = qualname;
  u.filename = filename;
  u.firstlineno = firstlineno;
  u.argcount = argcount;
  u.posonlyargcount = posonlyargcount;
  u.kwonlyargcount = kwonlyargcount;
  u.flags = flags;
  u.stacksize = stacksize;
  u.localsplus_names = localsplus_names;
  u.localsplus_kinds = localsplus_kinds;
  u.names = names;
  for (const Constant& c : consts) u.consts.push_back(c.clone());
  u.code = code;
  u.exception_table = exception_table;
  u.positions = positions;
  return u;
}

std::string Constant::repr() const {
  std::string out;
  switch (kind) {
    case Kind::None: return "None";
    case Kind::True: return "True";
    case Kind::False: return "False";
    case Kind::Ellipsis: return "Ellipsis";
    case Kind::Int: return big.empty() ? std::to_string(i) : big;
    case Kind::Float: text::float_repr(out, f); return out;
    case Kind::Complex: text::complex_repr(out, f, imag); return out;
    case Kind::Str: text::str_repr(out, s); return out;
    case Kind::Bytes: text::bytes_repr(out, s); return out;
    case Kind::Tuple:
      out = "(";
      for (size_t k = 0; k < items.size(); k++) {
        if (k) out += ", ";
        out += items[k].repr();
      }
      if (items.size() == 1) out += ",";
      return out + ")";
    case Kind::FrozenSet:
      if (items.empty()) return "frozenset()";
      out = "frozenset({";
      for (size_t k = 0; k < items.size(); k++) {
        if (k) out += ", ";
        out += items[k].repr();
      }
      return out + "})";
    case Kind::Code: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(code.get()));
      return "<code object " + code->name + " at " + buf + ", file \"" + code->filename +
             "\", line " + std::to_string(code->firstlineno) + ">";
    }
  }
  return out;
}

std::string Constant::key() const {
  std::string k(1, char('a' + int(kind)));
  switch (kind) {
    case Kind::Int: k += big.empty() ? std::to_string(i) : big; break;
    case Kind::Float:
    case Kind::Complex: {
      char b[16];
      std::memcpy(b, &f, 8);
      std::memcpy(b + 8, &imag, 8);
      k.append(b, 16);
      break;
    }
    case Kind::Str:
    case Kind::Bytes: k += s; break;
    case Kind::Tuple:
    case Kind::FrozenSet:
      k += std::to_string(items.size()) + "(";
      for (const Constant& it : items) {
        std::string sub = it.key();
        k += std::to_string(sub.size()) + ":" + sub;
      }
      break;
    case Kind::Code: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(code.get()));
      k += buf;
      break;
    }
    default: break;
  }
  return k;
}

bool Constant::is_true() const {
  switch (kind) {
    case Kind::None: case Kind::False: return false;
    case Kind::True: case Kind::Ellipsis: case Kind::Code: return true;
    case Kind::Int: return !big.empty() || i != 0;
    case Kind::Float: return f != 0;
    case Kind::Complex: return f != 0 || imag != 0;
    case Kind::Str: case Kind::Bytes: return !s.empty();
    case Kind::Tuple: case Kind::FrozenSet: return !items.empty();
  }
  return true;
}

int CodeUnit::nlocals() const {
  int n = 0;
  for (uint8_t k : localsplus_kinds) n += (k & CO_FAST_LOCAL) != 0;
  return n;
}
int CodeUnit::ncellvars() const {
  int n = 0;
  for (uint8_t k : localsplus_kinds) n += (k & CO_FAST_CELL) != 0;
  return n;
}
int CodeUnit::nfreevars() const {
  int n = 0;
  for (uint8_t k : localsplus_kinds) n += (k & CO_FAST_FREE) != 0;
  return n;
}

}  // namespace tpy::compile
