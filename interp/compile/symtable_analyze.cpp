// interp/compile/symtable_analyze.cpp -- Symbol table, second pass: the scope of every name.
//
// As CPython 3.11's analyze_block: each block is given the names bound in enclosing functions
// ("bound") and the names declared global further out ("global"); it resolves its own names,
// then its children, whose unresolved free names come back up. A local that a child needs
// becomes a cell; a free name the block does not define itself is passed through it (added as
// a symbol with only the Free scope). Class blocks do not bind names for their methods, and
// give them `__class__` instead, which they provide as a cell when a method uses it.
#include <algorithm>

#include "interp/compile/symtable_internal.h"

namespace tpy::compile {

using namespace sym;

namespace {
constexpr std::string_view kClassCell = "__class__";
}

bool ScopeAnalyzer::run(SymbolTable& table, SyntaxErrorInfo* err) {
  ScopeAnalyzer a(table.m_filename, err);
  NameSet free, global;
  return a.analyze_block(table.m_top, nullptr, free, global);
}

bool ScopeAnalyzer::error_at_directive(const Block* b, std::string_view name, std::string msg) {
  // The error points at the first global/nonlocal statement (or walrus) naming the symbol.
  for (const Block::Directive& d : b->m_directives) {
    if (d.name == name) {
      set_error(m_err, m_filename, std::move(msg), d.loc);
      return false;
    }
  }
  TPY_UNREACHABLE();
}

bool ScopeAnalyzer::analyze_name(Block* b, const Symbol& s, Scope& scope, NameSet* bound,
                                 NameSet& local, NameSet& free, NameSet& global) {
  std::string_view name = s.name;
  if (s.flags & kDefGlobal) {
    if (s.flags & kDefNonlocal)
      return error_at_directive(b, name, "name '" + std::string(name) + "' is nonlocal and global");
    scope = Scope::GlobalExplicit;
    global.insert(name);
    if (bound) bound->erase(name);
    return true;
  }
  if (s.flags & kDefNonlocal) {
    if (!bound)
      return error_at_directive(b, name, "nonlocal declaration not allowed at module level");
    if (!bound->count(name))
      return error_at_directive(b, name, "no binding for nonlocal '" + std::string(name) + "' found");
    scope = Scope::Free;
    free.insert(name);
    return true;
  }
  if (s.flags & kDefBound) {
    scope = Scope::Local;
    local.insert(name);
    global.erase(name);
    return true;
  }
  if (bound && bound->count(name)) {
    scope = Scope::Free;
    free.insert(name);
    return true;
  }
  // Global or builtin, whether or not an enclosing block declared it global.
  scope = Scope::GlobalImplicit;
  return true;
}

void ScopeAnalyzer::update_symbols(Block* b, const std::vector<Scope>& scopes,
                                   const NameSet* bound, NameSet& free) {
  for (size_t i = 0; i < scopes.size(); i++) b->symbols[i].scope = scopes[i];
  std::vector<std::string_view> passed;
  for (std::string_view name : free) {
    auto it = b->m_index.find(name);
    if (it != b->m_index.end()) {
      // A method's free variable that the class binds too: the class must also pass the
      // enclosing function's cell on (LOAD_CLASSDEREF territory).
      Symbol& s = b->symbols[it->second];
      if (b->type == BlockType::Class && (s.flags & (kDefBound | kDefGlobal)))
        s.flags |= kDefFreeClass;
      continue;  // a cell, or already free here
    }
    if (bound && !bound->count(name)) continue;  // a global
    passed.push_back(name);
  }
  std::sort(passed.begin(), passed.end());
  for (std::string_view name : passed) {
    b->m_index.emplace(name, uint32_t(b->symbols.size()));
    b->symbols.push_back(Symbol{name, 0, Scope::Free});
  }
}

bool ScopeAnalyzer::analyze_block(Block* b, NameSet* bound, NameSet& free, NameSet& global) {
  NameSet local, newbound, newglobal, newfree;
  bool is_class = b->type == BlockType::Class;
  // A class's own bindings are invisible to its methods: what they see is fixed before its
  // names are analysed.
  if (is_class) {
    newglobal = global;
    if (bound) newbound = *bound;
  }
  std::vector<Scope> scopes(b->symbols.size());
  for (size_t i = 0; i < b->symbols.size(); i++) {
    if (!analyze_name(b, b->symbols[i], scopes[i], bound, local, free, global)) return false;
  }
  if (!is_class) {
    if (b->type == BlockType::Function) newbound.insert(local.begin(), local.end());
    if (bound) newbound.insert(bound->begin(), bound->end());
    newglobal.insert(global.begin(), global.end());
  } else {
    newbound.insert(kClassCell);
  }
  for (Block* child : b->children) {
    NameSet child_bound = newbound, child_global = newglobal, child_free;
    if (!analyze_block(child, &child_bound, child_free, child_global)) return false;
    newfree.insert(child_free.begin(), child_free.end());
  }
  if (b->type == BlockType::Function) {
    for (size_t i = 0; i < scopes.size(); i++) {
      if (scopes[i] == Scope::Local && newfree.erase(b->symbols[i].name)) scopes[i] = Scope::Cell;
    }
  } else if (is_class) {
    if (newfree.erase(kClassCell)) b->needs_class_closure = true;
  }
  update_symbols(b, scopes, bound, newfree);
  free.insert(newfree.begin(), newfree.end());
  return true;
}

}  // namespace tpy::compile
