// interp/modules/sys_structseq.cpp -- Struct sequences (named tuples made in C++): the types
// of sys.version_info, sys.flags, sys.hash_info, sys.int_info and sys.implementation.
#include <array>
#include <string>
#include <utility>

#include "gc/barrier.h"
#include "interp/modules/sys_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"

namespace tpy {

namespace {

constexpr int kMaxFields = 20;

template <int I>
Value field_get(Value self) {
  return tuple_at(self, I);
}
template <int... I>
constexpr auto make_getters(std::integer_sequence<int, I...>) {
  return std::array<Value (*)(Value), sizeof...(I)>{field_get<I>...};
}
constexpr auto kGetters = make_getters(std::make_integer_sequence<int, kMaxFields>{});

struct StructSeqInfo {
  Type* type;
  const char* const* fields;
  GetSetDef getsets[kMaxFields + 1];
};
StructSeqInfo g_infos[8];
int g_ninfos = 0;

Value structseq_repr(Value self) {
  Type* t = type_of(self);
  const char* const* fields = nullptr;
  for (int i = 0; i < g_ninfos; i++)
    if (g_infos[i].type == t) fields = g_infos[i].fields;
  std::string out = t->c_name();
  out += "(";
  for (int64_t i = 0; i < tuple_length(self); i++) {
    if (i) out += ", ";
    out += fields[i];
    out += "=";
    Value r = object_repr(tuple_at(self, i));
    if (r.is_null()) return r;
    out += str_to_utf8(r);
  }
  out += ")";
  return str_from_utf8(out);
}

}  // namespace

bool structseq_init_type(Type* t, const char* const* fields) {
  StructSeqInfo& info = g_infos[g_ninfos++];
  info.type = t;
  info.fields = fields;
  int n = 0;
  for (; fields[n]; n++) info.getsets[n] = GetSetDef{fields[n], kGetters[n], nullptr, nullptr};
  info.getsets[n] = GetSetDef{nullptr, nullptr, nullptr, nullptr};
  t->slots.repr = structseq_repr;
  type_init(t, &tuple_type, TypeDefs{nullptr, nullptr, info.getsets});
  return !error_occurred();
}

Value structseq_new(Type* t, std::initializer_list<Value> items) {
  Value v = alloc_instance(t, static_cast<int64_t>(items.size()));
  if (v.is_null()) return v;
  TupleObject* o = as_tuple(v);
  o->length = static_cast<int64_t>(items.size());
  int64_t i = 0;
  for (Value item : items) gc::store(o, &o->items[i++], item);
  return v;
}

}  // namespace tpy
