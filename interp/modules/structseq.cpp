// interp/modules/structseq.cpp -- Struct sequences: tuple subclasses with named read-only fields.
//
// An instance is a tuple whose length is the number of fields in the sequence; the fields
// that are attributes only are stored after them in the same cell (the type's trace
// function visits them too).
#include "interp/modules/structseq.h"

#include <cstddef>
#include <string>
#include <vector>

#include "gc/barrier.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"

namespace tpy {

namespace {

constexpr int kMaxFields = 32;
constexpr int kMaxTypes = 24;

struct Info {
  Type* type;
  const StructSeqDesc* desc;
  int n_fields;
  int n_visible;
  int n_unnamed;
  std::vector<int> named;  // field index of each named field, in order
  MemberDef members[kMaxFields + 1];
};
Info g_infos[kMaxTypes];
int g_ninfos = 0;

const Info* info_of(Type* t) {
  for (; t; t = t->m_base)
    for (int i = 0; i < g_ninfos; i++)
      if (g_infos[i].type == t) return &g_infos[i];
  return nullptr;
}

void structseq_trace(Object* self, VisitFn visit, void* ctx) {
  auto* t = static_cast<TupleObject*>(self);
  const Info* info = info_of(self->type());
  int64_t n = info ? info->n_fields : t->length;
  for (int64_t i = 0; i < n; i++) visit(&t->items[i], ctx);
}

Value structseq_repr(Value self) {
  const Info* info = info_of(type_of(self));
  std::string out = type_of(self)->c_name();
  out += "(";
  for (int i = 0; i < info->n_visible; i++) {
    if (i) out += ", ";
    // CPython names the i-th item after the i-th *named* field (stat_result's integer
    // times show as st_atime=...).
    out += info->desc->fields[info->named[static_cast<size_t>(i)]].name;
    out += "=";
    Value r = object_repr(tuple_at(self, i));
    if (r.is_null()) return r;
    out += str_to_utf8(r);
  }
  out += ")";
  return str_from_utf8(out);
}

Value structseq_new_slot(Type* t, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"sequence", "dict", nullptr};
  Value seq, dict;
  ArgSpec spec{t->c_name(), kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&seq, &dict})) return Value();
  const Info* info = info_of(t);
  Value items = tuple_from_iterable(seq);
  if (items.is_null()) return items;
  int64_t len = tuple_length(items);
  if (!dict.is_null() && !is_none(dict) && !is_dict(dict))
    return raise_format(exc_TypeError, "%.500s() takes a dict as second arg, if any", t->c_name());
  if (len < info->n_visible) {
    if (info->n_visible == info->n_fields)
      return raise_format(exc_TypeError, "%.500s() takes a %d-sequence (%lld-sequence given)",
                          t->c_name(), info->n_visible, static_cast<long long>(len));
    return raise_format(exc_TypeError, "%.500s() takes an at least %d-sequence (%lld-sequence given)",
                        t->c_name(), info->n_visible, static_cast<long long>(len));
  }
  if (len > info->n_fields) {
    if (info->n_visible == info->n_fields)
      return raise_format(exc_TypeError, "%.500s() takes a %d-sequence (%lld-sequence given)",
                          t->c_name(), info->n_visible, static_cast<long long>(len));
    return raise_format(exc_TypeError, "%.500s() takes an at most %d-sequence (%lld-sequence given)",
                        t->c_name(), info->n_fields, static_cast<long long>(len));
  }
  std::vector<Value> all(static_cast<size_t>(info->n_fields));
  for (int64_t i = 0; i < info->n_fields; i++) {
    if (i < len) {
      all[static_cast<size_t>(i)] = tuple_at(items, i);
      continue;
    }
    Value v;
    const char* name = info->desc->fields[i].name;
    if (!dict.is_null() && is_dict(dict) && *name) v = dict_get_cstr(dict, name);
    if (v.is_null() && error_occurred()) return v;
    all[static_cast<size_t>(i)] = v.is_null() ? None() : v;
  }
  return structseq_from_array(t, all.data(), info->n_fields);
}

Value structseq_reduce(Value self, const Value*, size_t, Value) {
  const Info* info = info_of(type_of(self));
  auto* t = static_cast<TupleObject*>(self.as_object());
  Value visible = tuple_from_array(t->items, info->n_visible);
  Value extra = dict_new();
  if (visible.is_null() || extra.is_null()) return Value();
  for (int i = info->n_visible; i < info->n_fields; i++) {
    const char* name = info->desc->fields[i].name;
    if (*name && dict_set_cstr(extra, name, t->items[i]) < 0) return Value();
  }
  Value args = tuple_pack({visible, extra});
  if (args.is_null()) return args;
  return tuple_pack({Value::from_object(type_of(self)), args});
}

const MethodDef structseq_methods[] = {
    {"__reduce__", structseq_reduce, kMethNoArgs, nullptr}, {nullptr, nullptr, 0, nullptr}};

}  // namespace

bool structseq_init_type(Type* t, const StructSeqDesc* desc) {
  if (g_ninfos == kMaxTypes) {
    raise_error(exc_SystemError, "too many struct sequence types");
    return false;
  }
  Info& info = g_infos[g_ninfos++];
  info.type = t;
  info.desc = desc;
  int n = 0, m = 0;
  for (; desc->fields[n].name; n++) {
    if (!*desc->fields[n].name) {
      info.n_unnamed++;
      continue;
    }
    info.named.push_back(n);
    info.members[m++] = MemberDef{desc->fields[n].name, MemberKind::Value,
                                  static_cast<uint32_t>(offsetof(TupleObject, items) +
                                                        sizeof(Value) * static_cast<size_t>(n)),
                                  true, desc->fields[n].doc};
  }
  info.members[m] = MemberDef{nullptr, MemberKind::Value, 0, true, nullptr};
  info.n_fields = n;
  info.n_visible = desc->n_in_sequence < 0 ? n : desc->n_in_sequence;
  t->slots.repr = structseq_repr;
  t->slots.new_ = structseq_new_slot;
  t->slots.trace = structseq_trace;
  type_init(t, &tuple_type, TypeDefs{structseq_methods, info.members, nullptr}, desc->doc);
  if (error_occurred()) return false;
  Value d = t->m_dict;
  Value match_args = list_new();
  if (match_args.is_null()) return false;
  for (int i = 0; i < info.n_visible; i++) {
    const char* name = desc->fields[i].name;
    if (*name && list_append(match_args, str_intern(name)) < 0) return false;
  }
  if (dict_set_cstr(d, "n_sequence_fields", int_from_i64(info.n_visible)) < 0 ||
      dict_set_cstr(d, "n_fields", int_from_i64(info.n_fields)) < 0 ||
      dict_set_cstr(d, "n_unnamed_fields", int_from_i64(info.n_unnamed)) < 0 ||
      dict_set_cstr(d, "__match_args__", list_as_tuple(match_args)) < 0)
    return false;
  type_modified(t);
  return true;
}

Value structseq_from_array(Type* t, const Value* items, int64_t n) {
  const Info* info = info_of(t);
  int64_t total = info ? info->n_fields : n;
  Value v = alloc_instance(t, total);
  if (v.is_null()) return v;
  TupleObject* o = as_tuple(v);
  o->length = info ? info->n_visible : n;
  for (int64_t i = 0; i < total; i++) gc::store(o, &o->items[i], i < n ? items[i] : None());
  return v;
}

Value structseq_new(Type* t, std::initializer_list<Value> items) {
  for (Value v : items)
    if (v.is_null()) return v;
  return structseq_from_array(t, items.begin(), static_cast<int64_t>(items.size()));
}

}  // namespace tpy
