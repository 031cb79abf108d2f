// interp/modules/sre_match.cpp -- _sre's Match and Scanner objects and the text helpers they share.
#include <cstring>

#include "gc/barrier.h"
#include "interp/modules/sre_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/bytes.h"
#include "interp/objects/container_util.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/import.h"

namespace tpy::sre {

constinit Type match_type{&type_type, "re.Match", sizeof(MatchObject), kTypeImmutable | kTypeDisallowInstantiation};
constinit Type scanner_type{&type_type, "_sre.SRE_Scanner", sizeof(ScannerObject), kTypeImmutable | kTypeDisallowInstantiation};

bool get_text(Value pattern, Value string, BufferView& view, Text* out) {
  bool pat_bytes = as_pattern(pattern)->is_bytes != 0;
  if (is_str(string)) {
    if (pat_bytes) {
      raise_error(exc_TypeError, "cannot use a bytes pattern on a string-like object");
      return false;
    }
    StrObject* s = as_str(string);
    *out = Text{s->data(), s->kind(), s->length};
    return true;
  }
  if (!has_buffer(string)) {
    raise_format(exc_TypeError, "expected string or bytes-like object, got '%.200s'",
                 type_of(string)->c_name());
    return false;
  }
  if (!view.get(string)) return false;
  if (!pat_bytes) {
    raise_error(exc_TypeError, "cannot use a string pattern on a bytes-like object");
    return false;
  }
  *out = Text{view.b.data, 1, view.b.len};
  return true;
}

void init_state(Value pattern, const Text& text, int64_t pos, int64_t endpos, MatchState* st) {
  PatternObject* p = as_pattern(pattern);
  std::string_view code = bytes_view(p->code);
  st->text = text;
  st->code = reinterpret_cast<const uint32_t*>(code.data());
  st->code_len = static_cast<int64_t>(code.size() / 4);
  st->ngroups = p->groups;
  if (pos < 0) pos = 0;
  if (pos > text.length) pos = text.length;
  if (endpos < 0) endpos = 0;
  if (endpos > text.length) endpos = text.length;
  st->pos = pos;
  st->endpos = endpos;
}

Value text_slice(Value string, bool is_bytes, int64_t b, int64_t e) {
  if (!is_bytes) return str_substring(string, b, e);
  BufferView view;
  if (!view.get(string)) return Value();
  return bytes_from_data(view.b.data + b, static_cast<size_t>(e - b));
}

Value match_new(Value pattern, Value string, const MatchState& st) {
  int64_t n = as_pattern(pattern)->groups + 1;
  Value spans = bytes_new_uninit(n * 2 * 8);
  if (spans.is_null()) return spans;
  auto* sp = reinterpret_cast<int64_t*>(as_bytes(spans)->data());
  sp[0] = st.start;
  sp[1] = st.end;
  for (int64_t g = 1; g < n; ++g) {
    int64_t b = st.marks[2 * (g - 1)], e = st.marks[2 * (g - 1) + 1];
    bool set = b >= 0 && e >= 0 && e >= b;
    sp[2 * g] = set ? b : -1;
    sp[2 * g + 1] = set ? e : -1;
  }
  Object* o = alloc_instance(&match_type);
  if (o == nullptr) return raise_no_memory();
  auto* m = static_cast<MatchObject*>(o);
  gc::store(m, &m->string, string);
  gc::store(m, &m->re, pattern);
  gc::store(m, &m->spans, spans);
  m->pos = st.pos;
  m->endpos = st.endpos;
  m->lastindex = st.lastindex;
  return Value::from_object(o);
}

namespace {

const int64_t* spans_of(Value self) {
  return reinterpret_cast<const int64_t*>(bytes_view(as_match(self)->spans).data());
}
int64_t ngroups(Value self) { return as_pattern(as_match(self)->re)->groups; }

// CPython's match_getindex: an int index or a group name; -1 with IndexError pending.
int64_t group_index(Value self, Value g) {
  int64_t i = -1;
  if (g.is_int() || is_instance_of(g, &int_type)) {
    if (!index_to_i64(g, &i)) {
      clear_exception();
      i = -1;
    }
  } else {
    Value gi = as_pattern(as_match(self)->re)->groupindex;
    if (is_dict(gi) && is_str(g)) {
      Value v = dict_get(gi, g);
      if (!v.is_null() && !index_to_i64(v, &i)) return -1;
      if (v.is_null() && error_occurred()) return -1;
    }
  }
  if (i < 0 || i > ngroups(self)) {
    raise_error(exc_IndexError, "no such group");
    return -1;
  }
  return i;
}

Value group_value(Value self, int64_t i, Value def) {
  const int64_t* sp = spans_of(self);
  if (sp[2 * i] < 0) return def;
  MatchObject* m = as_match(self);
  return text_slice(m->string, as_pattern(m->re)->is_bytes != 0, sp[2 * i], sp[2 * i + 1]);
}

Value m_group(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("group", kwnames)) return Value();
  if (nargs == 0) return group_value(self, 0, None());
  if (nargs == 1) {
    int64_t i = group_index(self, args[0]);
    return i < 0 ? Value() : group_value(self, i, None());
  }
  Value t = tuple_new(static_cast<int64_t>(nargs));
  if (t.is_null()) return t;
  for (size_t k = 0; k < nargs; ++k) {
    int64_t i = group_index(self, args[k]);
    if (i < 0) return Value();
    Value v = group_value(self, i, None());
    if (v.is_null()) return v;
    gc::store(as_tuple(t), &as_tuple(t)->items[k], v);
  }
  return t;
}

Value m_getitem(Value self, Value key) {
  int64_t i = group_index(self, key);
  return i < 0 ? Value() : group_value(self, i, None());
}

Value m_groups(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"default", nullptr};
  Value def = None();
  if (!parse_args(ArgSpec{"groups", kw, 0, 1}, args, nargs, kwnames, {&def})) return Value();
  int64_t n = ngroups(self);
  Value t = tuple_new(n);
  if (t.is_null()) return t;
  for (int64_t i = 1; i <= n; ++i) {
    Value v = group_value(self, i, def);
    if (v.is_null()) return v;
    gc::store(as_tuple(t), &as_tuple(t)->items[i - 1], v);
  }
  return t;
}

Value m_groupdict(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"default", nullptr};
  Value def = None();
  if (!parse_args(ArgSpec{"groupdict", kw, 0, 1}, args, nargs, kwnames, {&def})) return Value();
  Value d = dict_new();
  if (d.is_null()) return d;
  Value gi = as_pattern(as_match(self)->re)->groupindex;
  int64_t it = 0;
  Value k, v;
  while (is_dict(gi) && dict_next(gi, &it, &k, &v)) {
    int64_t i = group_index(self, k);
    if (i < 0) return Value();
    Value g = group_value(self, i, def);
    if (g.is_null() || dict_set(d, k, g) < 0) return Value();
  }
  return d;
}

// start/end/span share the optional group argument.
bool span_arg(Value self, const Value* args, size_t nargs, const char* name, int64_t* i) {
  if (!check_nargs(name, nargs, 0, 1)) return false;
  *i = nargs ? group_index(self, args[0]) : 0;
  return *i >= 0;
}
Value m_start(Value self, const Value* args, size_t nargs, Value) {
  int64_t i;
  if (!span_arg(self, args, nargs, "start", &i)) return Value();
  return int_from_i64(spans_of(self)[2 * i]);
}
Value m_end(Value self, const Value* args, size_t nargs, Value) {
  int64_t i;
  if (!span_arg(self, args, nargs, "end", &i)) return Value();
  return int_from_i64(spans_of(self)[2 * i + 1]);
}
Value span_tuple(Value self, int64_t i) {
  const int64_t* sp = spans_of(self);
  return tuple_pack({int_from_i64(sp[2 * i]), int_from_i64(sp[2 * i + 1])});
}
Value m_span(Value self, const Value* args, size_t nargs, Value) {
  int64_t i;
  if (!span_arg(self, args, nargs, "span", &i)) return Value();
  return span_tuple(self, i);
}

Value m_expand(Value self, const Value* args, size_t, Value) {
  Value tmpl = args[0];
  Value re = import_module("re");
  if (re.is_null()) return re;
  Value f = getattr_cstr(re, "_expand");
  if (f.is_null()) return f;
  Value a[3] = {as_match(self)->re, self, tmpl};
  return call(f, a, 3);
}

Value m_self(Value self, const Value*, size_t, Value) { return self; }

Value m_class_getitem(Value cls, const Value* args, size_t, Value) {
  Value arg = args[0];
  Value types = import_module("types");
  if (types.is_null()) return types;
  Value ga = getattr_cstr(types, "GenericAlias");
  return ga.is_null() ? ga : call2(ga, cls, arg);
}

Value g_string(Value self) { return as_match(self)->string; }
Value g_re(Value self) { return as_match(self)->re; }
Value g_pos(Value self) { return int_from_i64(as_match(self)->pos); }
Value g_endpos(Value self) { return int_from_i64(as_match(self)->endpos); }
Value g_lastindex(Value self) {
  int64_t i = as_match(self)->lastindex;
  return i < 0 ? None() : int_from_i64(i);
}
Value g_lastgroup(Value self) {
  int64_t i = as_match(self)->lastindex;
  Value ig = as_pattern(as_match(self)->re)->indexgroup;
  if (i < 0 || !is_tuple(ig) || i >= tuple_length(ig)) return None();
  return tuple_at(ig, i);
}
Value g_regs(Value self) {
  int64_t n = ngroups(self) + 1;
  Value t = tuple_new(n);
  if (t.is_null()) return t;
  for (int64_t i = 0; i < n; ++i) {
    Value s = span_tuple(self, i);
    if (s.is_null()) return s;
    gc::store(as_tuple(t), &as_tuple(t)->items[i], s);
  }
  return t;
}

// repr(v) cut to [n] code points, as CPython's %.<n>R.
Value short_repr(Value v, int64_t n) {
  Value r = object_repr(v);
  if (r.is_null() || str_length(r) <= n) return r;
  return str_substring(r, 0, n);
}

Value m_repr(Value self) {
  Value g = group_value(self, 0, None());
  if (g.is_null()) return g;
  Value r = short_repr(g, 50);
  if (r.is_null()) return r;
  const int64_t* sp = spans_of(self);
  std::string s = "<re.Match object; span=(" + std::to_string(sp[0]) + ", " +
                  std::to_string(sp[1]) + "), match=" + str_to_utf8(r) + ">";
  return str_from_utf8(s);
}

void trace_match(Object* self, VisitFn visit, void* ctx) {
  auto* m = static_cast<MatchObject*>(self);
  visit(&m->string, ctx);
  visit(&m->re, ctx);
  visit(&m->spans, ctx);
}

const MethodDef match_methods[] = {
    {"group", m_group, kMethFastKw, "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match."},
    {"start", m_start, kMethFast, "Return index of the start of the substring matched by group."},
    {"end", m_end, kMethFast, "Return index of the end of the substring matched by group."},
    {"span", m_span, kMethFast, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", m_groups, kMethFastKw, "Return a tuple containing all the subgroups of the match, from 1."},
    {"groupdict", m_groupdict, kMethFastKw, "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name."},
    {"expand", m_expand, kMethO, "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."},
    {"__copy__", m_self, kMethNoArgs, nullptr},
    {"__deepcopy__", m_self, kMethO, nullptr},
    {"__class_getitem__", m_class_getitem, kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef match_getsets[] = {
    {"string", g_string, nullptr, "The string passed to match() or search()."},
    {"re", g_re, nullptr, "The regular expression object."},
    {"pos", g_pos, nullptr, "The index into the string at which the RE engine started looking for a match."},
    {"endpos", g_endpos, nullptr, "The index into the string beyond which the RE engine will not go."},
    {"lastindex", g_lastindex, nullptr, "The integer index of the last matched capturing group."},
    {"lastgroup", g_lastgroup, nullptr, "The name of the last matched capturing group."},
    {"regs", g_regs, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// -- Scanner ----------------------------------------------------------------------------------------

ScannerObject* as_scanner(Value v) { return static_cast<ScannerObject*>(v.as_object()); }

Value scan(Value self, bool search) {
  ScannerObject* sc = as_scanner(self);
  if (sc->done) return None();
  BufferView view;
  Text text;
  if (!get_text(sc->pattern, sc->string, view, &text)) return Value();
  MatchState st;
  init_state(sc->pattern, text, sc->pos, sc->endpos, &st);
  st.must_advance = sc->must_advance != 0;
  int64_t from = sc->pos > st.endpos ? sc->pos : st.pos;
  int found = search ? search_from(st, from) : match_at(st, from);
  if (!found) {
    sc->done = 1;
    return None();
  }
  st.pos = sc->pos < 0 ? 0 : sc->pos;
  Value m = match_new(sc->pattern, sc->string, st);
  sc->must_advance = st.end == st.start;
  sc->pos = st.end;
  return m;
}
Value s_match(Value self, const Value*, size_t, Value) { return scan(self, false); }
Value s_search(Value self, const Value*, size_t, Value) { return scan(self, true); }
Value s_pattern(Value self) { return as_scanner(self)->pattern; }

void trace_scanner(Object* self, VisitFn visit, void* ctx) {
  auto* s = static_cast<ScannerObject*>(self);
  visit(&s->pattern, ctx);
  visit(&s->string, ctx);
}

const MethodDef scanner_methods[] = {
    {"match", s_match, kMethNoArgs, nullptr},
    {"search", s_search, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};
const GetSetDef scanner_getsets[] = {
    {"pattern", s_pattern, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

Value scanner_new(Value pattern, Value string, int64_t pos, int64_t endpos) {
  BufferView view;
  Text text;
  if (!get_text(pattern, string, view, &text)) return Value();
  MatchState st;
  init_state(pattern, text, pos, endpos, &st);
  Object* o = alloc_instance(&scanner_type);
  if (o == nullptr) return raise_no_memory();
  auto* sc = static_cast<ScannerObject*>(o);
  gc::store(sc, &sc->pattern, pattern);
  gc::store(sc, &sc->string, string);
  sc->pos = st.pos;
  sc->endpos = st.endpos;
  sc->must_advance = 0;
  sc->done = 0;
  return Value::from_object(o);
}

bool init_match_types() {
  static bool done = false;
  if (done) return true;
  match_type.slots.getattro = generic_getattr;
  match_type.slots.repr = m_repr;
  match_type.slots.getitem = m_getitem;
  match_type.slots.trace = trace_match;
  type_init(&match_type, &object_type, TypeDefs{match_methods, nullptr, match_getsets},
            "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.");
  scanner_type.slots.getattro = generic_getattr;
  scanner_type.slots.trace = trace_scanner;
  type_init(&scanner_type, &object_type, TypeDefs{scanner_methods, nullptr, scanner_getsets});
  done = true;
  return !error_occurred();
}

}  // namespace tpy::sre
