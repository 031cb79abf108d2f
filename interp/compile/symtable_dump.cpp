// interp/compile/symtable_dump.cpp -- Text dump of a symbol table (the oracle tests' format).
#include "interp/compile/symtable_dump.h"

#include "interp/text/repr.h"

namespace tpy::compile {
namespace {

using namespace sym;

const char* type_name(BlockType t) {
  switch (t) {
    case BlockType::Module: return "module";
    case BlockType::Class: return "class";
    case BlockType::Function: return "function";
    case BlockType::Annotation: return "annotation";
  }
  return "?";
}

const char* scope_name(Scope s) {
  switch (s) {
    case Scope::None: return "NONE";
    case Scope::Local: return "LOCAL";
    case Scope::GlobalExplicit: return "GLOBAL_EXPLICIT";
    case Scope::GlobalImplicit: return "GLOBAL_IMPLICIT";
    case Scope::Free: return "FREE";
    case Scope::Cell: return "CELL";
  }
  return "?";
}

void append_flags(std::string& out, uint16_t flags) {
  static constexpr struct {
    uint16_t bit;
    const char* name;
  } kNames[] = {{kDefGlobal, "DEF_GLOBAL"},         {kDefLocal, "DEF_LOCAL"},
                {kDefParam, "DEF_PARAM"},           {kDefNonlocal, "DEF_NONLOCAL"},
                {kUse, "USE"},                      {kDefFree, "DEF_FREE"},
                {kDefFreeClass, "DEF_FREE_CLASS"},  {kDefImport, "DEF_IMPORT"},
                {kDefAnnot, "DEF_ANNOT"},           {kDefCompIter, "DEF_COMP_ITER"}};
  bool any = false;
  for (const auto& n : kNames) {
    if (!(flags & n.bit)) continue;
    if (any) out += '|';
    out += n.name;
    any = true;
  }
  if (!any) out += '0';
}

void dump_block(std::string& out, const Block* b, int indent) {
  out.append(size_t(indent), ' ');
  out += type_name(b->type);
  out += ' ';
  out += b->name;
  out += " line=" + std::to_string(b->loc.lineno);
  out += b->nested ? " nested=1" : " nested=0";
  out += " varnames=[";
  for (size_t i = 0; i < b->varnames.size(); i++) {
    if (i) out += ',';
    out += b->varnames[i];
  }
  out += "] code=";
  const struct {
    bool on;
    const char* name;
  } code_props[] = {
      {b->is_function() && b->generator, "generator"},
      {b->is_function() && b->coroutine, "coroutine"},
      {b->is_function() && b->varargs, "varargs"},
      {b->is_function() && b->varkeywords, "varkeywords"},
      {b->needs_class_closure, "class_cell"},
  };
  bool first = true;
  for (const auto& p : code_props) {
    if (!p.on) continue;
    if (!first) out += ',';
    out += p.name;
    first = false;
  }
  out += '\n';
  // symtable.py: SymbolTable.lookup passes module_scope=(table name == "top").
  bool module_scope = b->name == "top";
  for (const Symbol& s : b->symbols) {
    out.append(size_t(indent + 2), ' ');
    out += s.name;
    out += " flags=";
    append_flags(out, s.flags);
    out += " scope=";
    out += scope_name(s.scope);
    bool module_bound = module_scope && (s.flags & kDefBound);
    bool is_namespace = false;
    for (const Block* c : b->children) is_namespace = is_namespace || c->name == s.name;
    const struct {
      bool on;
      const char* name;
    } props[] = {
        {s.has(kDefParam), "parameter"},
        {s.scope == Scope::GlobalImplicit || s.scope == Scope::GlobalExplicit || module_bound,
         "global"},
        {s.scope == Scope::GlobalExplicit, "declared_global"},
        {s.scope == Scope::Local || s.scope == Scope::Cell || module_bound, "local"},
        {s.scope == Scope::Free, "free"},
        {s.has(kDefNonlocal), "nonlocal"},
        {s.has(kUse), "referenced"},
        {s.has(kDefLocal), "assigned"},
        {s.has(kDefImport), "imported"},
        {s.has(kDefAnnot), "annotated"},
        {is_namespace, "namespace"},
    };
    for (const auto& p : props) {
      if (!p.on) continue;
      out += ' ';
      out += p.name;
    }
    out += '\n';
  }
  for (const Block* c : b->children) dump_block(out, c, indent + 2);
}

}  // namespace

void dump_symtable(std::string& out, const SymbolTable& table) { dump_block(out, table.top(), 0); }

void dump_symtable_error(std::string& out, const SyntaxErrorInfo& err) {
  out += "error: ";
  out += parse::type_name(err.type);
  out += ": ";
  out += err.msg;
  out += " at " + std::to_string(err.lineno) + ":" + std::to_string(err.offset) + "-" +
         std::to_string(err.end_lineno) + ":" + std::to_string(err.end_offset) + " text=";
  if (err.text.empty()) out += "None";
  else text::str_repr(out, err.text);
  out += '\n';
}

}  // namespace tpy::compile
