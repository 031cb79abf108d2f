// interp/modules/string_module.cpp -- The _string module: str.format's parser for string.Formatter.
#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str_format.h"
#include "interp/objects/tuple.h"
#include "interp/vm/module.h"

namespace tpy {

constinit Type formatteriterator_type{&type_type, "formatteriterator", 48, 0};
constinit Type fieldnameiterator_type{&type_type, "fieldnameiterator", 48, 0};

namespace {

// Both iterators walk a str from [pos] to [end] (the parsers' state is just a position).
struct ParseIterObject : Object {
  Value str;
  int64_t pos;
  int64_t end;
  int64_t pad_;
};
static_assert(sizeof(ParseIterObject) == 48, "iterator layout");

void trace_parse_iter(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<ParseIterObject*>(self)->str, ctx);
}

Value iter_self(Value self) { return self; }

Value new_iter(Type* type, Value s, int64_t pos, int64_t end) {
  auto* it = static_cast<ParseIterObject*>(gc::alloc(sizeof(ParseIterObject), type));
  if (!it) return raise_no_memory();
  gc::store(it, &it->str, s);
  it->pos = pos;
  it->end = end;
  return Value::from_object(it);
}

Value substring_or_none(Value s, int64_t start, int64_t end, bool present) {
  return present ? str_substring(s, start, end) : None();
}

// (literal, field_name, format_spec, conversion), with None for what the piece lacks.
Value formatter_next(Value self) {
  auto* it = static_cast<ParseIterObject*>(self.as_object());
  MarkupIterator markup(it->str, it->pos, it->end);
  MarkupPiece p;
  int r = markup.next(p);
  it->pos = markup.position();
  if (r != 2) return Value();  // the end, or an error pending
  Value literal = str_substring(it->str, p.literal_start, p.literal_end);
  Value name = substring_or_none(it->str, p.name_start, p.name_end, p.field);
  Value spec = substring_or_none(it->str, p.spec_start, p.spec_end, p.field);
  if (p.field && !p.has_spec) spec = str_empty();
  Value conv = p.conversion ? str_from_code_point(p.conversion) : None();
  if (literal.is_null() || name.is_null() || spec.is_null() || conv.is_null()) return Value();
  return tuple_pack({literal, name, spec, conv});
}

// (is_attribute, name or index) for each ".name" / "[key]" part.
Value fieldname_next(Value self) {
  auto* it = static_cast<ParseIterObject*>(self.as_object());
  FieldNameIterator parts(it->str, it->pos, it->end);
  bool is_attr;
  int64_t index, start, end;
  int r = parts.next(&is_attr, &index, &start, &end);
  it->pos = parts.position();
  if (r != 2) return Value();
  Value key = index != -1 ? Value::from_int(index) : str_substring(it->str, start, end);
  if (key.is_null()) return key;
  return tuple_pack({Bool(is_attr), key});
}

Value need_str(Value v) {
  if (is_str(v)) return v;
  return raise_format(exc_TypeError, "expected str, got %.200s", type_of(v)->c_name());
}

Value formatter_parser(Value, const Value* args, size_t, Value) {
  if (need_str(args[0]).is_null()) return Value();
  return new_iter(&formatteriterator_type, args[0], 0, str_length(args[0]));
}

Value formatter_field_name_split(Value, const Value* args, size_t, Value) {
  Value s = args[0];
  if (need_str(s).is_null()) return Value();
  int64_t first_end, index;
  if (!field_name_split(s, 0, str_length(s), &first_end, &index, nullptr)) return Value();
  Value first = index != -1 ? Value::from_int(index) : str_substring(s, 0, first_end);
  if (first.is_null()) return first;
  Value rest = new_iter(&fieldnameiterator_type, s, first_end, str_length(s));
  if (rest.is_null()) return rest;
  return tuple_pack({first, rest});
}

const MethodDef kFunctions[] = {
    {"formatter_field_name_split", formatter_field_name_split, kMethO,
     "split the argument as a field name"},
    {"formatter_parser", formatter_parser, kMethO, "parse the argument as a format string"},
    {nullptr, nullptr, 0, nullptr}};

bool init_iterator_types() {
  for (auto [type, next] : {std::pair{&formatteriterator_type, &formatter_next},
                            std::pair{&fieldnameiterator_type, &fieldname_next}}) {
    if (type->has_flag(kTypeReady)) continue;
    type->slots.iter = iter_self;
    type->slots.iternext = next;
    type->slots.trace = trace_parse_iter;
    type_init(type, &object_type, TypeDefs{});
  }
  return true;
}

}  // namespace

Value create_string_module() {
  init_iterator_types();
  Value m = module_new_cstr("_string");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  Value doc = str_from_ascii("string helper module");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
