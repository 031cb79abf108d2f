// interp/compile/dis.cpp -- Disassembler text in python3.11's dis format (see dis.h).
#include "interp/compile/dis.h"

#include <cstdio>
#include <set>

#include "interp/vm/opcode.h"

namespace tpy::compile {

namespace {

using vm::ArgKind;

struct Decoded {
  int offset;  // bytes
  int op;
  int arg;
  bool has_arg;
  int line;    // starts_line, or -1
};

void pad_right(std::string& out, const std::string& s, size_t w) {
  out += s;
  if (s.size() < w) out.append(w - s.size(), ' ');
}
void pad_left(std::string& out, const std::string& s, size_t w) {
  if (s.size() < w) out.append(w - s.size(), ' ');
  out += s;
}

std::vector<Decoded> decode(const CodeUnit& code) {
  std::vector<Decoded> v;
  int extended = 0;
  int lastline = -1;
  bool have_last = false;
  for (size_t i = 0; i < code.code.size();) {
    int op = code.code[i] & 0xff;
    int arg = code.code[i] >> 8;
    Decoded d;
    d.offset = int(i) * 2;
    d.op = op;
    d.has_arg = op >= vm::kHaveArgument;
    d.arg = d.has_arg ? (arg | extended) : 0;
    extended = op == int(vm::Op::EXTENDED_ARG) ? (d.arg << 8) : 0;
    int line = i < code.positions.size() ? code.positions[i].line : -1;
    d.line = -1;
    if (line >= 0 && (!have_last || line != lastline)) {
      d.line = line;
      lastline = line;
      have_last = true;
    }
    v.push_back(d);
    i += 1 + (vm::op_exists(op) ? vm::op_caches(op) : 0);
  }
  return v;
}

std::string local_name(const CodeUnit& code, int i) {
  return i >= 0 && i < int(code.localsplus_names.size()) ? code.localsplus_names[i] : std::to_string(i);
}

void disassemble_one(std::string& out, const CodeUnit& code) {
  std::vector<Decoded> ins = decode(code);
  std::set<int> labels;
  for (const Decoded& d : ins) {
    ArgKind k = vm::op_exists(d.op) ? vm::op_arg_kind(d.op) : ArgKind::None;
    if (k == ArgKind::JumpForward) labels.insert(d.offset + 2 + d.arg * 2);
    if (k == ArgKind::JumpBackward) labels.insert(d.offset + 2 - d.arg * 2);
  }
  for (const ExceptionEntry& e : code.exception_table) labels.insert(int(e.target) * 2);
  int maxline = 0;
  for (const Decoded& d : ins) maxline = std::max(maxline, d.line);
  size_t lineno_width = maxline >= 1000 ? std::to_string(maxline).size() : 3;
  int maxoffset = int(code.code.size()) * 2 - 2;
  size_t offset_width = maxoffset >= 10000 ? std::to_string(maxoffset).size() : 4;
  for (const Decoded& d : ins) {
    if (d.line >= 0 && d.offset > 0) out += "\n";
    std::string line;
    if (d.line >= 0) pad_left(line, std::to_string(d.line), lineno_width);
    else line.append(lineno_width, ' ');
    line += " ";
    line += "   ";
    line += " ";
    line += labels.count(d.offset) ? ">>" : "  ";
    line += " ";
    pad_left(line, std::to_string(d.offset), offset_width);
    line += " ";
    const char* name = vm::op_exists(d.op) ? vm::op_name(d.op) : nullptr;
    pad_right(line, name ? name : "<" + std::to_string(d.op) + ">", 20);
    if (d.has_arg) {
      line += " ";
      pad_left(line, std::to_string(d.arg), 5);
      std::string argrepr;
      ArgKind k = name ? vm::op_arg_kind(d.op) : ArgKind::Int;
      switch (k) {
        case ArgKind::Const:
          // 3.11's dis shows no value for KW_NAMES.
          if (d.op != int(vm::Op::KW_NAMES) && d.arg < int(code.consts.size())) argrepr = code.consts[d.arg].repr();
          break;
        case ArgKind::Name:
          if (d.arg < int(code.names.size())) argrepr = code.names[d.arg];
          break;
        case ArgKind::GlobalName:
          if ((d.arg >> 1) < int(code.names.size())) {
            argrepr = code.names[d.arg >> 1];
            if (d.arg & 1) argrepr = "NULL + " + argrepr;
          }
          break;
        case ArgKind::Local:
        case ArgKind::Free: argrepr = local_name(code, d.arg); break;
        case ArgKind::JumpForward: argrepr = "to " + std::to_string(d.offset + 2 + d.arg * 2); break;
        case ArgKind::JumpBackward: argrepr = "to " + std::to_string(d.offset + 2 - d.arg * 2); break;
        case ArgKind::Compare:
          if (d.arg < 6) argrepr = vm::kCompareOpSymbols[d.arg];
          break;
        case ArgKind::BinaryOp:
          if (d.arg < 26) argrepr = vm::kBinaryOpSymbols[d.arg];
          break;
        case ArgKind::FormatValue: {
          static const char* conv[] = {"", "str", "repr", "ascii"};
          argrepr = conv[d.arg & 3];
          if (d.arg & 4) {
            if (!argrepr.empty()) argrepr += ", ";
            argrepr += "with format";
          }
          break;
        }
        case ArgKind::MakeFunction: {
          static const char* flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
          for (int b = 0; b < 4; b++) {
            if (d.arg & (1 << b)) {
              if (!argrepr.empty()) argrepr += ", ";
              argrepr += flags[b];
            }
          }
          break;
        }
        default: break;
      }
      if (!argrepr.empty()) line += " (" + argrepr + ")";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += "\n";
  }
  if (!code.exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (const ExceptionEntry& e : code.exception_table) {
      out += "  " + std::to_string(e.start * 2) + " to " + std::to_string(e.end * 2 - 2) +
             " -> " + std::to_string(e.target * 2) + " [" + std::to_string(e.depth) + "]" +
             (e.lasti ? " lasti" : "") + "\n";
    }
  }
}

}  // namespace

void disassemble(std::string& out, const CodeUnit& code) {
  disassemble_one(out, code);
  for (const Constant& c : code.consts) {
    if (c.kind != Constant::Kind::Code) continue;
    out += "\nDisassembly of " + c.repr() + ":\n";
    disassemble(out, *c.code);
  }
}

}  // namespace tpy::compile
