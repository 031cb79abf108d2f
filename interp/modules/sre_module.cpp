// interp/modules/sre_module.cpp -- The _sre module: compile(), the case helpers and the Pattern type.
#include <cstring>

#include "gc/barrier.h"
#include "interp/modules/native_modules.h"
#include "interp/modules/sre_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/bytes.h"
#include "interp/objects/container_util.h"
#include "interp/objects/dict.h"
#include "interp/objects/dict_views.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/import.h"
#include "interp/vm/module.h"

namespace tpy::sre {

constinit Type pattern_type{&type_type, "re.Pattern", sizeof(PatternObject), kTypeImmutable | kTypeDisallowInstantiation};

namespace {

// -- Module functions -------------------------------------------------------------------------------

bool char_arg(Value v, uint32_t* out) {
  int64_t c;
  if (!arg_to_index(v, &c)) return false;
  *out = static_cast<uint32_t>(c);
  return true;
}
Value f_getcodesize(Value, const Value*, size_t, Value) { return int_from_i64(4); }
Value f_ascii_iscased(Value, const Value* args, size_t, Value) {
  Value ch = args[0];
  uint32_t c;
  return char_arg(ch, &c) ? Bool(iscased_ascii(c)) : Value();
}
Value f_unicode_iscased(Value, const Value* args, size_t, Value) {
  Value ch = args[0];
  uint32_t c;
  return char_arg(ch, &c) ? Bool(iscased_unicode(c)) : Value();
}
Value f_ascii_tolower(Value, const Value* args, size_t, Value) {
  Value ch = args[0];
  uint32_t c;
  return char_arg(ch, &c) ? int_from_i64(lower_ascii(c)) : Value();
}
Value f_unicode_tolower(Value, const Value* args, size_t, Value) {
  Value ch = args[0];
  uint32_t c;
  return char_arg(ch, &c) ? int_from_i64(lower_unicode(c)) : Value();
}

Value f_compile(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"pattern", "flags", "code", "groups", "groupindex",
                                   "indexgroup", nullptr};
  Value pattern, flags, code, groups, groupindex, indexgroup;
  if (!parse_args(ArgSpec{"compile", kw, 6, 6}, args, nargs, kwnames,
                  {&pattern, &flags, &code, &groups, &groupindex, &indexgroup}))
    return Value();
  if (!is_list(code)) return raise_format(exc_TypeError, "compile() argument 'code' must be list, not %.200s", type_of(code)->c_name());
  int64_t n = list_length(code);
  Value words = bytes_new_uninit(n * 4);
  if (words.is_null()) return words;
  auto* w = reinterpret_cast<uint32_t*>(as_bytes(words)->data());
  for (int64_t i = 0; i < n; ++i) {
    int64_t v;
    if (!index_to_i64(list_at(code, i), &v)) return Value();
    if (v < 0 || v > 0xFFFFFFFFll) return raise_error(exc_OverflowError, "regular expression code size limit exceeded");
    w[i] = static_cast<uint32_t>(v);
  }
  int64_t fl, ng;
  if (!index_to_i64(flags, &fl) || !index_to_i64(groups, &ng)) return Value();
  Object* o = alloc_instance(&pattern_type);
  if (o == nullptr) return raise_no_memory();
  auto* p = static_cast<PatternObject*>(o);
  gc::store(p, &p->pattern, pattern);
  gc::store(p, &p->code, words);
  gc::store(p, &p->groupindex, groupindex);
  gc::store(p, &p->indexgroup, indexgroup);
  p->flags = fl;
  p->groups = ng;
  p->is_bytes = pattern != None() && !is_str(pattern);
  return Value::from_object(o);
}

// -- Pattern methods --------------------------------------------------------------------------------

PatternObject* pat(Value v) { return as_pattern(v); }

// (string, pos=0, endpos=maxsize) of match/search/fullmatch/findall/finditer/scanner.
bool string_pos_args(const char* name, const Value* args, size_t nargs, Value kwnames,
                     Value* string, int64_t* pos, int64_t* endpos) {
  static const char* const kw[] = {"string", "pos", "endpos", nullptr};
  Value vpos, vend;
  if (!parse_args(ArgSpec{name, kw, 1, 3}, args, nargs, kwnames, {string, &vpos, &vend})) return false;
  *pos = 0;
  *endpos = INT64_MAX;
  if (!vpos.is_null() && !arg_to_index(vpos, pos)) return false;
  if (!vend.is_null() && !arg_to_index(vend, endpos)) return false;
  return true;
}

enum class Mode { Match, FullMatch, Search };
Value do_match(Value self, const Value* args, size_t nargs, Value kwnames, const char* name, Mode mode) {
  Value string;
  int64_t pos, endpos;
  if (!string_pos_args(name, args, nargs, kwnames, &string, &pos, &endpos)) return Value();
  BufferView view;
  Text text;
  if (!get_text(self, string, view, &text)) return Value();
  MatchState st;
  init_state(self, text, pos, endpos, &st);
  st.match_all = mode == Mode::FullMatch;
  int found = mode == Mode::Search ? search_from(st, st.pos) : match_at(st, st.pos);
  if (!found) return None();
  return match_new(self, string, st);
}
Value p_match(Value self, const Value* a, size_t n, Value k) { return do_match(self, a, n, k, "match", Mode::Match); }
Value p_fullmatch(Value self, const Value* a, size_t n, Value k) { return do_match(self, a, n, k, "fullmatch", Mode::FullMatch); }
Value p_search(Value self, const Value* a, size_t n, Value k) { return do_match(self, a, n, k, "search", Mode::Search); }

// Calls [each](match state) for successive non-overlapping matches (CPython's must_advance
// rule after an empty match) until [limit] matches (0: no limit) or each returns false.
template <typename F>
bool for_each_match(Value self, const Text& text, int64_t pos, int64_t endpos, int64_t limit, F each) {
  MatchState st;
  init_state(self, text, pos, endpos, &st);
  int64_t from = st.pos;
  for (int64_t n = 0; limit == 0 || n < limit; ++n) {
    if (from > st.endpos || !search_from(st, from)) break;
    if (!each(st)) return false;
    st.must_advance = st.end == st.start;
    from = st.end;
  }
  return true;
}

Value group_or_empty(Value self, Value string, const MatchState& st, int64_t g) {
  bool b = pat(self)->is_bytes != 0;
  int64_t s = st.marks[2 * (g - 1)], e = st.marks[2 * (g - 1) + 1];
  if (s < 0 || e < 0 || e < s) s = e = 0;
  return text_slice(string, b, s, e);
}

Value p_findall(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value string;
  int64_t pos, endpos;
  if (!string_pos_args("findall", args, nargs, kwnames, &string, &pos, &endpos)) return Value();
  BufferView view;
  Text text;
  if (!get_text(self, string, view, &text)) return Value();
  Value out = list_new();
  if (out.is_null()) return out;
  int64_t ng = pat(self)->groups;
  bool ok = for_each_match(self, text, pos, endpos, 0, [&](const MatchState& st) {
    Value item;
    if (ng == 0) {
      item = text_slice(string, pat(self)->is_bytes != 0, st.start, st.end);
    } else if (ng == 1) {
      item = group_or_empty(self, string, st, 1);
    } else {
      item = tuple_new(ng);
      for (int64_t g = 1; !item.is_null() && g <= ng; ++g) {
        Value v = group_or_empty(self, string, st, g);
        if (v.is_null()) return false;
        gc::store(as_tuple(item), &as_tuple(item)->items[g - 1], v);
      }
    }
    return !item.is_null() && list_append(out, item) == 0;
  });
  return ok ? out : Value();
}

Value p_scanner(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value string;
  int64_t pos, endpos;
  if (!string_pos_args("scanner", args, nargs, kwnames, &string, &pos, &endpos)) return Value();
  return scanner_new(self, string, pos, endpos);
}

Value p_finditer(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value string;
  int64_t pos, endpos;
  if (!string_pos_args("finditer", args, nargs, kwnames, &string, &pos, &endpos)) return Value();
  Value sc = scanner_new(self, string, pos, endpos);
  if (sc.is_null()) return sc;
  Value search = getattr_cstr(sc, "search");
  if (search.is_null()) return search;
  return call2(builtin_iter_callable(), search, None());
}

Value empty_like(bool is_bytes) { return is_bytes ? bytes_from_data("", 0) : str_empty(); }

Value join_pieces(Value list, bool is_bytes) {
  if (!is_bytes) return str_join(str_empty(), list);
  Value sep = empty_like(true);
  if (sep.is_null()) return sep;
  Value name = str_intern("join");
  return call_method(sep, name, &list, 1);
}

Value p_split(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"string", "maxsplit", nullptr};
  Value string, vmax;
  if (!parse_args(ArgSpec{"split", kw, 1, 2}, args, nargs, kwnames, {&string, &vmax})) return Value();
  int64_t maxsplit = 0;
  if (!vmax.is_null() && !arg_to_index(vmax, &maxsplit)) return Value();
  BufferView view;
  Text text;
  if (!get_text(self, string, view, &text)) return Value();
  Value out = list_new();
  if (out.is_null()) return out;
  bool b = pat(self)->is_bytes != 0;
  int64_t ng = pat(self)->groups, last = 0;
  if (maxsplit < 0) return out.is_null() ? out : (list_append(out, string) == 0 ? out : Value());
  bool ok = for_each_match(self, text, 0, INT64_MAX, maxsplit, [&](const MatchState& st) {
    Value piece = text_slice(string, b, last, st.start);
    if (piece.is_null() || list_append(out, piece) < 0) return false;
    for (int64_t g = 1; g <= ng; ++g) {
      int64_t s = st.marks[2 * (g - 1)], e = st.marks[2 * (g - 1) + 1];
      Value v = s >= 0 && e >= s ? text_slice(string, b, s, e) : None();
      if (v.is_null() || list_append(out, v) < 0) return false;
    }
    last = st.end;
    return true;
  });
  if (!ok) return Value();
  Value tail = text_slice(string, b, last, text.length);
  if (tail.is_null() || list_append(out, tail) < 0) return Value();
  return out;
}

// sub/subn: CPython's pattern_subx, with templates expanded by re._subx.
Value subx(Value self, Value repl, Value string, int64_t count, bool with_count) {
  bool b = pat(self)->is_bytes != 0;
  Value filter = repl;
  bool call_filter = is_callable(repl) != 0;
  if (!call_filter) {
    bool literal;
    if (is_str(repl)) {
      literal = str_to_utf8(repl).find('\\') == std::string::npos;
    } else {
      BufferView rv;
      if (!rv.get(repl)) return Value();
      literal = rv.b.bytes().find('\\') == std::string_view::npos;
    }
    if (!literal) {
      Value re = import_module("re");
      if (re.is_null()) return re;
      Value f = getattr_cstr(re, "_subx");
      if (f.is_null()) return f;
      filter = call2(f, self, repl);
      if (filter.is_null()) return filter;
      call_filter = is_callable(filter) != 0;
    }
  }
  BufferView view;
  Text text;
  if (!get_text(self, string, view, &text)) return Value();
  Value out = list_new();
  if (out.is_null()) return out;
  int64_t last = 0, n = 0;
  bool ok = for_each_match(self, text, 0, INT64_MAX, count, [&](const MatchState& st) {
    if (last < st.start) {
      Value piece = text_slice(string, b, last, st.start);
      if (piece.is_null() || list_append(out, piece) < 0) return false;
    }
    Value item = filter;
    if (call_filter) {
      Value m = match_new(self, string, st);
      if (m.is_null()) return false;
      item = call1(filter, m);
      if (item.is_null()) return false;
    }
    if (item != None() && list_append(out, item) < 0) return false;
    last = st.end;
    ++n;
    return true;
  });
  if (!ok) return Value();
  if (last < text.length) {
    Value piece = text_slice(string, b, last, text.length);
    if (piece.is_null() || list_append(out, piece) < 0) return Value();
  }
  Value joined = join_pieces(out, b);
  if (joined.is_null() || !with_count) return joined;
  return tuple_pack({joined, int_from_i64(n)});
}

Value sub_common(Value self, const Value* args, size_t nargs, Value kwnames, const char* name, bool with_count) {
  static const char* const kw[] = {"repl", "string", "count", nullptr};
  Value repl, string, vcount;
  if (!parse_args(ArgSpec{name, kw, 2, 3}, args, nargs, kwnames, {&repl, &string, &vcount})) return Value();
  int64_t count = 0;
  if (!vcount.is_null() && !arg_to_index(vcount, &count)) return Value();
  return subx(self, repl, string, count, with_count);
}
Value p_sub(Value self, const Value* a, size_t n, Value k) { return sub_common(self, a, n, k, "sub", false); }
Value p_subn(Value self, const Value* a, size_t n, Value k) { return sub_common(self, a, n, k, "subn", true); }

Value p_self(Value self, const Value*, size_t, Value) { return self; }

Value p_class_getitem(Value cls, const Value* a, size_t, Value) {
  Value types = import_module("types");
  if (types.is_null()) return types;
  Value ga = getattr_cstr(types, "GenericAlias");
  return ga.is_null() ? ga : call2(ga, cls, a[0]);
}

Value g_pattern(Value self) { return pat(self)->pattern; }
Value g_flags(Value self) { return int_from_i64(pat(self)->flags); }
Value g_groups(Value self) { return int_from_i64(pat(self)->groups); }
Value g_groupindex(Value self) {
  Value gi = pat(self)->groupindex;
  if (!is_dict(gi)) return gi;
  Value copy = dict_copy(gi);
  return copy.is_null() ? copy : mappingproxy_new(copy);
}

Value p_repr(Value self) {
  static const struct { const char* name; int64_t bit; } kFlags[] = {
      {"re.TEMPLATE", 1}, {"re.IGNORECASE", 2}, {"re.LOCALE", 4}, {"re.MULTILINE", 8},
      {"re.DOTALL", 16}, {"re.UNICODE", 32}, {"re.VERBOSE", 64}, {"re.DEBUG", 128},
      {"re.ASCII", 256}};
  Value r = object_repr(pat(self)->pattern);
  if (r.is_null()) return r;
  if (str_length(r) > 200) r = str_substring(r, 0, 200);
  std::string s = "re.compile(" + str_to_utf8(r);
  int64_t flags = pat(self)->flags;
  if (!pat(self)->is_bytes && (flags & (4 | 32 | 256)) == 32) flags &= ~int64_t{32};
  if (flags) {
    std::string names;
    for (auto& f : kFlags) {
      if (!(flags & f.bit)) continue;
      if (!names.empty()) names += "|";
      names += f.name;
      flags &= ~f.bit;
    }
    if (flags) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(flags));
      if (!names.empty()) names += "|";
      names += buf;
    }
    s += ", " + names;
  }
  s += ")";
  return str_from_utf8(s);
}

Value p_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &pattern_type)
    return Value::from_object(&not_implemented_object);
  bool eq = a == b;
  if (!eq) {
    PatternObject *x = pat(a), *y = pat(b);
    eq = x->flags == y->flags && x->is_bytes == y->is_bytes &&
         bytes_view(x->code) == bytes_view(y->code);
    if (eq) {
      int r = object_equal(x->pattern, y->pattern);
      if (r < 0) return Value();
      eq = r == 1;
    }
  }
  return Bool(op == CompareOp::Eq ? eq : !eq);
}

int64_t p_hash(Value self) {
  int64_t h = object_hash(pat(self)->pattern);
  if (h == -1) return -1;
  std::string_view code = bytes_view(pat(self)->code);
  uint64_t x = 1469598103934665603ull;
  for (char c : code) x = (x ^ static_cast<uint8_t>(c)) * 1099511628211ull;
  int64_t r = static_cast<int64_t>(static_cast<uint64_t>(h) ^ x ^ static_cast<uint64_t>(pat(self)->flags) ^ static_cast<uint64_t>(pat(self)->is_bytes));
  return r == -1 ? -2 : r;
}

void trace_pattern(Object* self, VisitFn visit, void* ctx) {
  auto* p = static_cast<PatternObject*>(self);
  visit(&p->pattern, ctx);
  visit(&p->code, ctx);
  visit(&p->groupindex, ctx);
  visit(&p->indexgroup, ctx);
}

const MethodDef pattern_methods[] = {
    {"match", p_match, kMethFastKw, "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", p_fullmatch, kMethFastKw, "Matches against all of the string."},
    {"search", p_search, kMethFastKw, "Scan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches."},
    {"sub", p_sub, kMethFastKw, "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."},
    {"subn", p_subn, kMethFastKw, "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."},
    {"findall", p_findall, kMethFastKw, "Return a list of all non-overlapping matches of pattern in string."},
    {"split", p_split, kMethFastKw, "Split string by the occurrences of pattern."},
    {"finditer", p_finditer, kMethFastKw, "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object."},
    {"scanner", p_scanner, kMethFastKw, nullptr},
    {"__copy__", p_self, kMethNoArgs, nullptr},
    {"__deepcopy__", p_self, kMethO, nullptr},
    {"__class_getitem__", p_class_getitem, kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef pattern_getsets[] = {
    {"pattern", g_pattern, nullptr, "The pattern string from which the RE object was compiled."},
    {"flags", g_flags, nullptr, "The regex matching flags."},
    {"groups", g_groups, nullptr, "The number of capturing groups in the pattern."},
    {"groupindex", g_groupindex, nullptr, "A dictionary mapping group names to group numbers."},
    {nullptr, nullptr, nullptr, nullptr}};

const MethodDef kFunctions[] = {
    {"compile", f_compile, kMethFastKw, nullptr},
    {"getcodesize", f_getcodesize, kMethNoArgs, nullptr},
    {"ascii_iscased", f_ascii_iscased, kMethO, nullptr},
    {"unicode_iscased", f_unicode_iscased, kMethO, nullptr},
    {"ascii_tolower", f_ascii_tolower, kMethO, nullptr},
    {"unicode_tolower", f_unicode_tolower, kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

bool init_types() {
  static bool done = false;
  if (done) return true;
  pattern_type.slots.getattro = generic_getattr;
  pattern_type.slots.repr = p_repr;
  pattern_type.slots.richcompare = p_richcompare;
  pattern_type.slots.hash = p_hash;
  pattern_type.slots.trace = trace_pattern;
  type_init(&pattern_type, &object_type, TypeDefs{pattern_methods, nullptr, pattern_getsets},
            "Compiled regular expression object.");
  if (!init_match_types()) return false;
  done = true;
  return !error_occurred();
}

}  // namespace
}  // namespace tpy::sre

namespace tpy {

Value create_sre_module() {
  using namespace sre;
  if (!init_types()) return Value();
  Value m = module_new_cstr("_sre");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  Value copyright = str_from_ascii(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
  if (copyright.is_null() || dict_set_cstr(d, "copyright", copyright) < 0 ||
      dict_set_cstr(d, "MAGIC", int_from_i64(kMagic)) < 0 ||
      dict_set_cstr(d, "CODESIZE", int_from_i64(4)) < 0 ||
      dict_set_cstr(d, "MAXREPEAT", int_from_i64(kMaxRepeat)) < 0 ||
      dict_set_cstr(d, "MAXGROUPS", int_from_i64(kMaxGroups)) < 0)
    return Value();
  return m;
}

}  // namespace tpy
