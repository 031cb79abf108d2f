// interp/modules/unicodedata_module.cpp -- The unicodedata module over the tables of
// interp/unicode (generated from python3.11, Unicode 14.0.0), and the UCD object type;
// ucd_3_2_0 answers from the same 14.0.0 tables (docs/differences.md).
#include <string>

#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/container_util.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/float.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/unicode/char_db.h"
#include "interp/unicode/char_props.h"
#include "interp/unicode/normalize.h"
#include "interp/unicode/unicode.h"
#include "interp/vm/module.h"

namespace tpy {
namespace {

struct UcdObject : Object {
  int64_t is_3_2_0;
};

}  // namespace

constinit Type ucd_type{&type_type, "unicodedata.UCD", sizeof(UcdObject), kTypeImmutable};

namespace {

// The one code point of a one-character str argument; [several] says whether the function
// has more than one parameter (CPython then names "argument 1").
bool char_arg(const char* fname, Value v, bool several, char32_t* out) {
  if (!is_str(v) || str_length(v) != 1) {
    raise_format(exc_TypeError, "%s() argument %smust be a unicode character, not %.50s", fname,
                 several ? "1 " : "", type_of(v)->c_name());
    return false;
  }
  *out = as_str(v)->at(0);
  return true;
}

std::u32string code_points(Value s) {
  std::u32string out;
  StrObject* o = as_str(s);
  for (int64_t i = 0; i < o->length; i++) out += static_cast<char32_t>(o->at(i));
  return out;
}

Value str_of(std::string_view s) { return str_from_utf8(s); }

#define TPY_UCD_STR_PROPERTY(name, expr)                                   \
  Value m_##name(Value, const Value* args, size_t, Value) {                \
    char32_t cp;                                                           \
    if (!char_arg(#name, args[0], false, &cp)) return Value();             \
    return expr;                                                           \
  }
TPY_UCD_STR_PROPERTY(category, str_of(unicode::category(cp)))
TPY_UCD_STR_PROPERTY(bidirectional, str_of(unicode::bidirectional(cp)))
TPY_UCD_STR_PROPERTY(east_asian_width, str_of(unicode::east_asian_width(cp)))
TPY_UCD_STR_PROPERTY(decomposition, str_of(unicode::decomposition(cp)))
TPY_UCD_STR_PROPERTY(combining, Value::from_int(unicode::combining(cp)))
TPY_UCD_STR_PROPERTY(mirrored, Value::from_int(unicode::mirrored(cp) ? 1 : 0))
#undef TPY_UCD_STR_PROPERTY

// decimal/digit/numeric(chr[, default]): the value, else default, else ValueError.
Value numeric_like(const char* fname, const Value* args, size_t nargs, const char* error,
                   Value (*value_of)(char32_t)) {
  if (!check_nargs(fname, nargs, 1, 2)) return Value();
  char32_t cp;
  if (!char_arg(fname, args[0], true, &cp)) return Value();
  Value v = value_of(cp);
  if (!v.is_null()) return v;
  if (nargs == 2) return args[1];
  return raise_error(exc_ValueError, error);
}

Value decimal_of(char32_t cp) {
  int d = unicode::decimal_value(cp);
  return d < 0 ? Value() : Value::from_int(d);
}
Value digit_of(char32_t cp) {
  int d = unicode::digit_value(cp);
  return d < 0 ? Value() : Value::from_int(d);
}
Value numeric_of(char32_t cp) {
  double x;
  return unicode::numeric_value(cp, x) ? float_from_double(x) : Value();
}

Value m_decimal(Value, const Value* args, size_t nargs, Value) {
  return numeric_like("decimal", args, nargs, "not a decimal", decimal_of);
}
Value m_digit(Value, const Value* args, size_t nargs, Value) {
  return numeric_like("digit", args, nargs, "not a digit", digit_of);
}
Value m_numeric(Value, const Value* args, size_t nargs, Value) {
  return numeric_like("numeric", args, nargs, "not a numeric character", numeric_of);
}

Value m_name(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("name", nargs, 1, 2)) return Value();
  char32_t cp;
  if (!char_arg("name", args[0], true, &cp)) return Value();
  std::string name;
  if (unicode::char_name(cp, name)) return str_from_ascii(name);
  if (nargs == 2) return args[1];
  return raise_error(exc_ValueError, "no such name");
}

Value m_lookup(Value, const Value* args, size_t, Value) {
  Value name = args[0];
  std::string text;
  if (is_str(name)) {
    text = str_to_utf8(name);
  } else {
    return raise_format(exc_TypeError, "lookup() argument must be str, not %.50s",
                        type_of(name)->c_name());
  }
  std::u32string out;
  if (text.size() > 256 || !unicode::lookup_name_or_sequence(text, out)) {
    if (text.size() > 256) return raise_error(exc_KeyError, "name too long");
    Value msg = str_from_utf8("undefined character name '" + text + "'");
    if (msg.is_null()) return msg;
    Value e = exception_new(exc_KeyError, &msg, 1);
    if (e.is_null()) return e;
    return raise_value(e);
  }
  return str_from_code_points(reinterpret_cast<const uint32_t*>(out.data()), out.size());
}

bool form_and_text(const char* fname, const Value* args, size_t nargs, unicode::NormalForm* form) {
  if (!check_nargs(fname, nargs, 2, 2)) return false;
  for (int k = 0; k < 2; k++) {
    if (!is_str(args[k])) {
      raise_format(exc_TypeError, "%s() argument %d must be str, not %.50s", fname, k + 1,
                   type_of(args[k])->c_name());
      return false;
    }
  }
  if (!unicode::parse_normal_form(str_to_utf8(args[0]), *form)) {
    raise_error(exc_ValueError, "invalid normalization form");
    return false;
  }
  return true;
}

Value m_normalize(Value, const Value* args, size_t nargs, Value) {
  unicode::NormalForm form;
  if (!form_and_text("normalize", args, nargs, &form)) return Value();
  std::u32string in = code_points(args[1]);
  if (unicode::is_normalized(form, in)) return args[1];
  std::u32string out = unicode::normalize(form, in);
  return str_from_code_points(reinterpret_cast<const uint32_t*>(out.data()), out.size());
}

Value m_is_normalized(Value, const Value* args, size_t nargs, Value) {
  unicode::NormalForm form;
  if (!form_and_text("is_normalized", args, nargs, &form)) return Value();
  return Bool(unicode::is_normalized(form, code_points(args[1])));
}

const MethodDef kFunctions[] = {
    {"bidirectional", m_bidirectional, kMethO, "Returns the bidirectional class assigned to the character chr as string.\n\nIf no such value is defined, an empty string is returned."},
    {"category", m_category, kMethO, "Returns the general category assigned to the character chr as string."},
    {"combining", m_combining, kMethO, "Returns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if no combining class is defined."},
    {"decimal", m_decimal, kMethFast, "Converts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."},
    {"decomposition", m_decomposition, kMethO, "Returns the character decomposition mapping assigned to the character chr as string.\n\nAn empty string is returned in case no such mapping is defined."},
    {"digit", m_digit, kMethFast, "Converts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."},
    {"east_asian_width", m_east_asian_width, kMethO, "Returns the east asian width assigned to the character chr as string."},
    {"is_normalized", m_is_normalized, kMethFast, "Return whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {"lookup", m_lookup, kMethO, "Look up character by name.\n\nIf a character with the given name is found, return the\ncorresponding character.  If not found, KeyError is raised."},
    {"mirrored", m_mirrored, kMethO, "Returns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the character has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise."},
    {"name", m_name, kMethFast, "Returns the name assigned to the character chr as a string.\n\nIf no name is defined, default is returned, or, if not given,\nValueError is raised."},
    {"normalize", m_normalize, kMethFast, "Return the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {"numeric", m_numeric, kMethFast, "Converts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value assigned to the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."},
    {nullptr, nullptr, 0, nullptr}};

// UCD methods: the module functions with the UCD object as an ignored first argument.
Value ucd_version(Value self) {
  return str_from_ascii(static_cast<UcdObject*>(self.as_object())->is_3_2_0 ? "3.2.0" : "14.0.0");
}

const GetSetDef ucd_getsets[] = {{"unidata_version", ucd_version, nullptr, nullptr},
                                 {nullptr, nullptr, nullptr, nullptr}};

}  // namespace

Value create_unicodedata_module() {
  static bool ready = false;
  if (!ready) {
    ucd_type.slots.getattro = generic_getattr;
    type_init(&ucd_type, &object_type, TypeDefs{kFunctions, nullptr, ucd_getsets});
    if (error_occurred()) return Value();
    ready = true;
  }
  Value m = module_new_cstr("unicodedata");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  auto* old = static_cast<UcdObject*>(alloc_instance(&ucd_type));
  if (old == nullptr) return raise_no_memory();
  old->is_3_2_0 = 1;
  Value version = str_from_ascii("14.0.0");
  if (version.is_null() || dict_set_cstr(d, "unidata_version", version) < 0 ||
      dict_set_cstr(d, "ucd_3_2_0", Value::from_object(old)) < 0 ||
      dict_set_cstr(d, "UCD", Value::from_object(&ucd_type)) < 0)
    return Value();
  Value doc = str_from_ascii(
      "This module provides access to the Unicode Character Database which\ndefines character "
      "properties for all Unicode characters. The data in\nthis database is based on the "
      "UnicodeData.txt file version\n14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n"
      "The module uses the same names and symbols as defined by the\nUnicodeData File Format "
      "14.0.0.");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
