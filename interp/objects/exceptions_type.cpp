// interp/objects/exceptions_type.cpp -- The exception types' Python-level behaviour: args,
// __str__/__repr__, the chaining attributes, notes, and the subclasses with their own fields
// (KeyError, StopIteration, SystemExit, ImportError, AttributeError, NameError, OSError,
// SyntaxError, UnicodeError's three). Exception groups are in exceptions_group.cpp.
#include <cerrno>
#include <cstddef>
#include <string>

#include "gc/barrier.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions_internal.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/objects/type_internal.h"
#include "interp/vm/frame.h"

namespace tpy {

namespace {

void store(Value self, Value* field, Value v) { gc::store(self.as_object(), field, v); }
Value or_none(Value v) { return v.is_null() ? None() : v; }

bool no_kwargs(Type* type, Value kwnames) {
  if (kwnames.is_null() || tuple_length(kwnames) == 0) return true;
  raise_format(exc_TypeError, "%s() takes no keyword arguments", type->c_name());
  return false;
}

// -- BaseException ---------------------------------------------------------------------------------

int base_exception_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs(type_of(self), kwnames)) return -1;
  Value t = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (t.is_null()) return -1;
  store(self, &exc_obj(self)->args, t);
  return 0;
}

Value base_exception_repr(Value self) {
  Value args = exc_obj(self)->args;
  std::string out = type_of(self)->c_name();
  Value r;
  if (tuple_length(args) == 1) {
    r = object_repr(tuple_at(args, 0));
    if (r.is_null()) return r;
    out += "(" + str_to_utf8(r) + ")";
  } else {
    r = object_repr(args);
    if (r.is_null()) return r;
    out += str_to_utf8(r);
  }
  return str_from_utf8(out);
}

Value exc_get_args(Value self) { return exc_obj(self)->args; }
int exc_set_args(Value self, Value v) {
  if (v.is_null()) {
    raise_error(exc_TypeError, "args may not be deleted");
    return -1;
  }
  Value t = tuple_from_iterable(v);
  if (t.is_null()) return -1;
  store(self, &exc_obj(self)->args, t);
  return 0;
}

Value exc_get_traceback(Value self) { return or_none(exc_obj(self)->traceback); }
int exc_set_traceback(Value self, Value v) {
  if (v.is_null()) {
    raise_error(exc_TypeError, "__traceback__ may not be deleted");
    return -1;
  }
  if (is_none(v)) v = Value();
  else if (!is_traceback(v)) {
    raise_error(exc_TypeError, "__traceback__ must be a traceback or None");
    return -1;
  }
  store(self, &exc_obj(self)->traceback, v);
  return 0;
}

Value exc_get_context(Value self) { return or_none(exc_obj(self)->context); }
int exc_set_context(Value self, Value v) {
  if (v.is_null()) {
    raise_error(exc_TypeError, "__context__ may not be deleted");
    return -1;
  }
  if (is_none(v)) v = Value();
  else if (!is_exception_instance(v)) {
    raise_error(exc_TypeError, "exception context must be None or derive from BaseException");
    return -1;
  }
  store(self, &exc_obj(self)->context, v);
  return 0;
}

Value exc_get_cause(Value self) { return or_none(exc_obj(self)->cause); }
int exc_set_cause(Value self, Value v) {
  if (v.is_null()) {
    raise_error(exc_TypeError, "__cause__ may not be deleted");
    return -1;
  }
  if (is_none(v)) v = Value();
  else if (!is_exception_instance(v)) {
    raise_error(exc_TypeError, "exception cause must be None or derive from BaseException");
    return -1;
  }
  exception_set_cause(self, v);
  return 0;
}

Value exc_get_suppress(Value self) { return Bool(exc_obj(self)->suppress_context()); }
int exc_set_suppress(Value self, Value v) {
  if (v.is_null()) {
    raise_error(exc_TypeError, "can't delete attribute");
    return -1;
  }
  int t = object_truthy(v);
  if (t < 0) return -1;
  exc_obj(self)->set_suppress_context(t != 0);
  return 0;
}

Value exc_get_dict(Value self) {
  BaseExceptionObject* o = exc_obj(self);
  if (o->dict.is_null()) {
    Value d = dict_new();
    if (d.is_null()) return d;
    store(self, &o->dict, d);
  }
  return o->dict;
}
int exc_set_dict(Value self, Value v) {
  if (v.is_null()) {
    raise_error(exc_TypeError, "__dict__ may not be deleted");
    return -1;
  }
  if (!is_dict(v)) {
    raise_error(exc_TypeError, "__dict__ must be a dictionary");
    return -1;
  }
  store(self, &exc_obj(self)->dict, v);
  return 0;
}

Value exc_with_traceback(Value self, const Value* args, size_t, Value) {
  if (exc_set_traceback(self, args[0]) < 0) return Value();
  return self;
}

Value exc_add_note(Value self, const Value* args, size_t, Value) {
  Value note = args[0];
  if (!is_str(note))
    return raise_format(exc_TypeError, "note must be a str, not '%.200s'",
                        type_of(note)->c_name());
  static StrConst k_notes("__notes__");
  Value notes = getattr_opt(self, k_notes.get());
  if (notes.is_null()) {
    if (error_occurred()) return Value();
    notes = list_new();
    if (notes.is_null() || setattr(self, k_notes.get(), notes) < 0) return Value();
  } else if (!is_list(notes)) {
    return raise_error(exc_TypeError, "Cannot add note: __notes__ is not a list");
  }
  if (list_append(notes, note) < 0) return Value();
  return None();
}

Value exc_reduce(Value self, const Value*, size_t, Value) {
  BaseExceptionObject* o = exc_obj(self);
  Value t = Value::from_object(type_of(self));
  if (!o->dict.is_null() && dict_length(o->dict) > 0) return tuple_pack({t, o->args, o->dict});
  return tuple_pack({t, o->args});
}

Value exc_setstate(Value self, const Value* args, size_t, Value) {
  Value state = args[0];
  if (is_none(state)) return None();
  if (!is_dict(state)) return raise_error(exc_TypeError, "state is not a dictionary");
  int64_t pos = 0;
  Value k, v;
  while (dict_next(state, &pos, &k, &v))
    if (setattr(self, k, v) < 0) return Value();
  return None();
}

const MethodDef base_exception_methods[] = {
    {"with_traceback", exc_with_traceback, kMethO,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, kMethO,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {"__reduce__", exc_reduce, kMethNoArgs, nullptr},
    {"__setstate__", exc_setstate, kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef base_exception_getsets[] = {
    {"__dict__", exc_get_dict, exc_set_dict, nullptr},
    {"args", exc_get_args, exc_set_args, nullptr},
    {"__traceback__", exc_get_traceback, exc_set_traceback, nullptr},
    {"__context__", exc_get_context, exc_set_context, "exception context"},
    {"__cause__", exc_get_cause, exc_set_cause, "exception cause"},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// -- Keyword arguments of ImportError / AttributeError / NameError ----------------------------------

// Matches [kwnames] against [names] (stores into [out]); CPython's "'x' is an invalid keyword
// argument for ImportError()".
bool take_kwargs(Value self, const Value* args, size_t nargs, Value kwnames,
                 std::initializer_list<const char*> names, std::initializer_list<Value*> out) {
  if (kwnames.is_null()) return true;
  for (int64_t i = 0; i < tuple_length(kwnames); i++) {
    Value k = tuple_at(kwnames, i);
    bool found = false;
    auto o = out.begin();
    for (const char* n : names) {
      if (str_equal_ascii(k, n)) {
        **o = args[nargs + i];
        found = true;
        break;
      }
      ++o;
    }
    if (!found) {
      raise_format(exc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                   type_of(self)->c_name());
      return false;
    }
  }
  return true;
}

int set_args(Value self, const Value* args, size_t nargs) {
  Value t = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (t.is_null()) return -1;
  store(self, &exc_obj(self)->args, t);
  return 0;
}

// -- Simple subclasses -------------------------------------------------------------------------------

Value key_error_str(Value self) {
  Value args = exc_obj(self)->args;
  if (tuple_length(args) == 1) return object_repr(tuple_at(args, 0));
  return base_exception_str(self);
}

int stop_iteration_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (base_exception_init(self, args, nargs, kwnames) < 0) return -1;
  auto* o = static_cast<StopIterationObject*>(self.as_object());
  store(self, &o->value, nargs > 0 ? args[0] : None());
  return 0;
}

int system_exit_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (base_exception_init(self, args, nargs, kwnames) < 0) return -1;
  auto* o = static_cast<SystemExitObject*>(self.as_object());
  Value code = nargs == 0 ? None() : nargs == 1 ? args[0] : exc_obj(self)->args;
  store(self, &o->code, code);
  return 0;
}

int import_error_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* o = static_cast<ImportErrorObject*>(self.as_object());
  Value name, path;
  if (!take_kwargs(self, args, nargs, kwnames, {"name", "path"}, {&name, &path})) return -1;
  if (set_args(self, args, nargs) < 0) return -1;
  store(self, &o->name, name);
  store(self, &o->path, path);
  store(self, &o->msg, nargs == 1 ? args[0] : Value());
  return 0;
}

Value import_error_str(Value self) {
  auto* o = static_cast<ImportErrorObject*>(self.as_object());
  if (!o->msg.is_null() && !is_none(o->msg)) return object_str(o->msg);
  return base_exception_str(self);
}

int attribute_error_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* o = static_cast<AttributeErrorObject*>(self.as_object());
  Value name, obj;
  if (!take_kwargs(self, args, nargs, kwnames, {"name", "obj"}, {&name, &obj})) return -1;
  if (set_args(self, args, nargs) < 0) return -1;
  store(self, &o->name, name);
  store(self, &o->obj, obj);
  return 0;
}

int name_error_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* o = static_cast<NameErrorObject*>(self.as_object());
  Value name;
  if (!take_kwargs(self, args, nargs, kwnames, {"name"}, {&name})) return -1;
  if (set_args(self, args, nargs) < 0) return -1;
  store(self, &o->name, name);
  return 0;
}

// -- OSError ----------------------------------------------------------------------------------------

}  // namespace

Type* oserror_subclass(int64_t err) {
  switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return exc_BlockingIOError;
    case ECHILD: return exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return exc_BrokenPipeError;
    case ECONNABORTED: return exc_ConnectionAbortedError;
    case ECONNREFUSED: return exc_ConnectionRefusedError;
    case ECONNRESET: return exc_ConnectionResetError;
    case EEXIST: return exc_FileExistsError;
    case ENOENT: return exc_FileNotFoundError;
    case EISDIR: return exc_IsADirectoryError;
    case ENOTDIR: return exc_NotADirectoryError;
    case EINTR: return exc_InterruptedError;
    case EACCES: case EPERM: return exc_PermissionError;
    case ESRCH: return exc_ProcessLookupError;
    case ETIMEDOUT: return exc_TimeoutError;
    default: return nullptr;
  }
}

namespace {

// OSError(errno, strerror[, filename[, winerror[, filename2]]]): the fields, and args cut
// to (errno, strerror) when a filename is given.
int oserror_parse(Value self, const Value* args, size_t nargs) {
  auto* o = static_cast<OSErrorObject*>(self.as_object());
  if (set_args(self, args, nargs) < 0) return -1;
  if (nargs < 2 || nargs > 5) return 0;
  store(self, &o->myerrno, args[0]);
  store(self, &o->strerror, args[1]);
  if (nargs >= 3 && !is_none(args[2])) {
    store(self, &o->filename, args[2]);
    if (nargs == 5 && !is_none(args[4])) store(self, &o->filename2, args[4]);
    if (set_args(self, args, 2) < 0) return -1;
  }
  return 0;
}

Value oserror_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == exc_OSError && nargs >= 2 && nargs <= 5 && args[0].is_int()) {
    if (Type* sub = oserror_subclass(args[0].as_int())) type = sub;
  }
  if (type->slots.init == exc_OSError->slots.init && !no_kwargs(type, kwnames)) return Value();
  Value self = alloc_instance(type, 0);
  if (self.is_null()) return self;
  if (oserror_parse(self, args, nargs) < 0) return Value();
  return self;
}

int oserror_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_kwargs(type_of(self), kwnames)) return -1;
  return oserror_parse(self, args, nargs);
}

// Appends str(v) / repr(v) to [out]; false on error.
bool append_str(std::string& out, Value v) {
  Value s = object_str(v);
  if (s.is_null()) return false;
  out += str_to_utf8(s);
  return true;
}
bool append_repr(std::string& out, Value v) {
  Value s = object_repr(v);
  if (s.is_null()) return false;
  out += str_to_utf8(s);
  return true;
}

Value oserror_str(Value self) {
  auto* o = static_cast<OSErrorObject*>(self.as_object());
  std::string out = "[Errno ";
  if (!o->filename.is_null()) {
    if (!append_str(out, or_none(o->myerrno))) return Value();
    out += "] ";
    if (!append_str(out, or_none(o->strerror))) return Value();
    out += ": ";
    if (!append_repr(out, o->filename)) return Value();
    if (!o->filename2.is_null()) {
      out += " -> ";
      if (!append_repr(out, o->filename2)) return Value();
    }
    return str_from_utf8(out);
  }
  if (!o->myerrno.is_null() && !o->strerror.is_null()) {
    if (!append_str(out, o->myerrno)) return Value();
    out += "] ";
    if (!append_str(out, o->strerror)) return Value();
    return str_from_utf8(out);
  }
  return base_exception_str(self);
}

Value oserror_reduce(Value self, const Value*, size_t, Value) {
  auto* o = static_cast<OSErrorObject*>(self.as_object());
  Value args = o->args;
  if (tuple_length(args) == 2 && !o->filename.is_null()) {
    args = o->filename2.is_null()
               ? tuple_pack({tuple_at(args, 0), tuple_at(args, 1), o->filename})
               : tuple_pack({tuple_at(args, 0), tuple_at(args, 1), o->filename, None(),
                             o->filename2});
    if (args.is_null()) return args;
  }
  Value t = Value::from_object(type_of(self));
  if (!o->dict.is_null() && dict_length(o->dict) > 0) return tuple_pack({t, args, o->dict});
  return tuple_pack({t, args});
}

const MethodDef oserror_methods[] = {
    {"__reduce__", oserror_reduce, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// -- SyntaxError ------------------------------------------------------------------------------------

int syntax_error_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (base_exception_init(self, args, nargs, kwnames) < 0) return -1;
  auto* o = static_cast<SyntaxErrorObject*>(self.as_object());
  if (nargs >= 1) store(self, &o->msg, args[0]);
  if (nargs == 2) {
    Value info = tuple_from_iterable(args[1]);
    if (info.is_null()) return -1;
    int64_t n = tuple_length(info);
    if (n < 4 || n > 6) {
      raise_format(exc_TypeError, "function takes %s %d arguments (%lld given)",
                   n < 4 ? "at least" : "at most", n < 4 ? 4 : 6, static_cast<long long>(n));
      return -1;
    }
    Value* fields[] = {&o->filename, &o->lineno, &o->offset, &o->text, &o->end_lineno,
                       &o->end_offset};
    for (int64_t i = 0; i < n; i++) store(self, fields[i], tuple_at(info, i));
  }
  return 0;
}

Value syntax_error_str(Value self) {
  auto* o = static_cast<SyntaxErrorObject*>(self.as_object());
  std::string out;
  if (!append_str(out, or_none(o->msg))) return Value();
  std::string file;
  bool have_file = !o->filename.is_null() && is_str(o->filename);
  if (have_file) {
    file = str_to_utf8(o->filename);
    size_t slash = file.rfind('/');
    if (slash != std::string::npos) file = file.substr(slash + 1);
  }
  bool have_line = !o->lineno.is_null() && is_exact_int(o->lineno);
  std::string line;
  if (have_line && !append_str(line, o->lineno)) return Value();
  if (have_file && have_line) out += " (" + file + ", line " + line + ")";
  else if (have_file) out += " (" + file + ")";
  else if (have_line) out += " (line " + line + ")";
  return str_from_utf8(out);
}

#define TPY_SYNTAX_MEMBER(field, doc)                                                     \
  {#field, MemberKind::ValueOrNone, offsetof(SyntaxErrorObject, field), false, doc}
const MemberDef syntax_error_members[] = {
    TPY_SYNTAX_MEMBER(msg, "exception msg"),
    TPY_SYNTAX_MEMBER(filename, "exception filename"),
    TPY_SYNTAX_MEMBER(lineno, "exception lineno"),
    TPY_SYNTAX_MEMBER(offset, "exception offset"),
    TPY_SYNTAX_MEMBER(text, "exception text"),
    TPY_SYNTAX_MEMBER(end_lineno, "exception end lineno"),
    TPY_SYNTAX_MEMBER(end_offset, "exception end offset"),
    TPY_SYNTAX_MEMBER(print_file_and_line, "exception print_file_and_line"),
    {nullptr, MemberKind::Value, 0, false, nullptr}};
#undef TPY_SYNTAX_MEMBER

// -- UnicodeError ------------------------------------------------------------------------------------

bool check_str_arg(Value v, int pos) {
  if (is_str(v)) return true;
  raise_format(exc_TypeError, "argument %d must be str, not %.200s", pos, type_of(v)->c_name());
  return false;
}

// encoding, object, start, end, reason (UnicodeTranslateError: object, start, end, reason).
int unicode_error_init_n(Value self, const Value* args, size_t nargs, Value kwnames,
                         bool translate) {
  if (base_exception_init(self, args, nargs, kwnames) < 0) return -1;
  size_t want = translate ? 4 : 5;
  if (nargs != want) {
    raise_format(exc_TypeError, "function takes exactly %zu arguments (%zu given)", want, nargs);
    return -1;
  }
  auto* o = static_cast<UnicodeErrorObject*>(self.as_object());
  size_t i = 0;
  if (!translate) {
    if (!check_str_arg(args[0], 1)) return -1;
    store(self, &o->encoding, args[0]);
    i = 1;
  }
  bool decode = is_instance_of(self, exc_UnicodeDecodeError);
  if (!decode && !check_str_arg(args[i], static_cast<int>(i + 1))) return -1;
  int64_t start, end;
  if (!index_to_i64(args[i + 1], &start) || !index_to_i64(args[i + 2], &end)) return -1;
  if (!check_str_arg(args[i + 3], static_cast<int>(i + 4))) return -1;
  store(self, &o->object, args[i]);
  store(self, &o->start, args[i + 1]);
  store(self, &o->end, args[i + 2]);
  store(self, &o->reason, args[i + 3]);
  return 0;
}
int unicode_error_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return unicode_error_init_n(self, args, nargs, kwnames, false);
}
int unicode_translate_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return unicode_error_init_n(self, args, nargs, kwnames, true);
}

Value unicode_error_str(Value self) {
  auto* o = static_cast<UnicodeErrorObject*>(self.as_object());
  if (o->object.is_null()) return str_empty();
  int64_t start, end;
  if (!index_to_i64(o->start, &start) || !index_to_i64(o->end, &end)) return Value();
  std::string out;
  bool decode = is_instance_of(self, exc_UnicodeDecodeError);
  bool translate = is_instance_of(self, exc_UnicodeTranslateError);
  if (!translate) {
    if (!append_repr(out, o->encoding)) return Value();
    out += " codec ";
  }
  char buf[64];
  const char* verb = decode ? "decode" : translate ? "translate" : "encode";
  int64_t len = object_length(o->object);
  if (len < 0) return Value();
  if (start >= 0 && start < len && end == start + 1) {
    Value item = getitem(o->object, int_from_i64(start));
    if (item.is_null()) return item;
    if (decode) {
      int64_t b = 0;
      if (!index_to_i64(item, &b)) return Value();
      std::snprintf(buf, sizeof buf, "0x%02x", static_cast<int>(b));
      out += std::string("can't decode byte ") + buf;
    } else {
      uint32_t c = as_str(item)->at(0);
      if (c <= 0xff) std::snprintf(buf, sizeof buf, "'\\x%02x'", c);
      else if (c <= 0xffff) std::snprintf(buf, sizeof buf, "'\\u%04x'", c);
      else std::snprintf(buf, sizeof buf, "'\\U%08x'", c);
      out += std::string("can't ") + verb + " character " + buf;
    }
    std::snprintf(buf, sizeof buf, " in position %lld: ", static_cast<long long>(start));
    out += buf;
  } else {
    out += std::string("can't ") + verb + (decode ? " bytes" : " characters");
    std::snprintf(buf, sizeof buf, " in position %lld-%lld: ", static_cast<long long>(start),
                  static_cast<long long>(end - 1));
    out += buf;
  }
  if (!append_str(out, or_none(o->reason))) return Value();
  return str_from_utf8(out);
}

#define TPY_UNICODE_MEMBER(field, doc)                                                     \
  {#field, MemberKind::ValueOrNone, offsetof(UnicodeErrorObject, field), false, doc}
const MemberDef unicode_error_members[] = {
    TPY_UNICODE_MEMBER(encoding, "exception encoding"),
    TPY_UNICODE_MEMBER(object, "exception object"),
    TPY_UNICODE_MEMBER(start, "exception start"),
    TPY_UNICODE_MEMBER(end, "exception end"),
    TPY_UNICODE_MEMBER(reason, "exception reason"),
    {nullptr, MemberKind::Value, 0, false, nullptr}};
#undef TPY_UNICODE_MEMBER

const MemberDef stop_iteration_members[] = {
    {"value", MemberKind::ValueOrNone, offsetof(StopIterationObject, value), false,
     "generator return value"},
    {nullptr, MemberKind::Value, 0, false, nullptr}};
const MemberDef system_exit_members[] = {
    {"code", MemberKind::ValueOrNone, offsetof(SystemExitObject, code), false,
     "exception code"},
    {nullptr, MemberKind::Value, 0, false, nullptr}};
const MemberDef import_error_members[] = {
    {"msg", MemberKind::ValueOrNone, offsetof(ImportErrorObject, msg), false, "exception message"},
    {"name", MemberKind::ValueOrNone, offsetof(ImportErrorObject, name), false, "module name"},
    {"path", MemberKind::ValueOrNone, offsetof(ImportErrorObject, path), false, "module path"},
    {nullptr, MemberKind::Value, 0, false, nullptr}};
const MemberDef attribute_error_members[] = {
    {"name", MemberKind::ValueOrNone, offsetof(AttributeErrorObject, name), false, "attribute name"},
    {"obj", MemberKind::ValueOrNone, offsetof(AttributeErrorObject, obj), false, "object"},
    {nullptr, MemberKind::Value, 0, false, nullptr}};
const MemberDef name_error_members[] = {
    {"name", MemberKind::ValueOrNone, offsetof(NameErrorObject, name), false, "name"},
    {nullptr, MemberKind::Value, 0, false, nullptr}};
const MemberDef oserror_members[] = {
    {"errno", MemberKind::ValueOrNone, offsetof(OSErrorObject, myerrno), false, "POSIX exception code"},
    {"strerror", MemberKind::ValueOrNone, offsetof(OSErrorObject, strerror), false, "exception strerror"},
    {"filename", MemberKind::ValueOrNone, offsetof(OSErrorObject, filename), false, "exception filename"},
    {"filename2", MemberKind::ValueOrNone, offsetof(OSErrorObject, filename2), false, "second exception filename"},
    {nullptr, MemberKind::Value, 0, false, nullptr}};

}  // namespace

Value base_exception_new(Type* type, const Value* args, size_t nargs, Value) {
  Value self = alloc_instance(type, 0);
  if (self.is_null()) return self;
  Value t = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (t.is_null()) return t;
  store(self, &exc_obj(self)->args, t);
  return self;
}

Value base_exception_str(Value self) {
  Value args = exc_obj(self)->args;
  switch (tuple_length(args)) {
    case 0: return str_empty();
    case 1: return object_str(tuple_at(args, 0));
    default: return object_str(args);
  }
}

TypeDefs exception_type_setup(Type* t) {
  TypeSlots& s = t->slots;
  if (t == exc_BaseException) {
    t->m_dict_offset = offsetof(BaseExceptionObject, dict);
    s.new_ = base_exception_new;
    s.init = base_exception_init;
    s.repr = base_exception_repr;
    s.str = base_exception_str;
    return TypeDefs{base_exception_methods, nullptr, base_exception_getsets};
  }
  if (t == exc_KeyError) s.str = key_error_str;
  if (t == exc_StopIteration) {
    s.init = stop_iteration_init;
    return TypeDefs{nullptr, stop_iteration_members, nullptr};
  }
  if (t == exc_SystemExit) {
    s.init = system_exit_init;
    return TypeDefs{nullptr, system_exit_members, nullptr};
  }
  if (t == exc_ImportError) {
    s.init = import_error_init;
    s.str = import_error_str;
    return TypeDefs{nullptr, import_error_members, nullptr};
  }
  if (t == exc_AttributeError) {
    s.init = attribute_error_init;
    return TypeDefs{nullptr, attribute_error_members, nullptr};
  }
  if (t == exc_NameError) {
    s.init = name_error_init;
    return TypeDefs{nullptr, name_error_members, nullptr};
  }
  if (t == exc_OSError) {
    s.new_ = oserror_new;
    s.init = oserror_init;
    s.str = oserror_str;
    return TypeDefs{oserror_methods, oserror_members, nullptr};
  }
  if (t == exc_SyntaxError) {
    s.init = syntax_error_init;
    s.str = syntax_error_str;
    return TypeDefs{nullptr, syntax_error_members, nullptr};
  }
  if (t == exc_UnicodeEncodeError || t == exc_UnicodeDecodeError ||
      t == exc_UnicodeTranslateError) {
    s.init = t == exc_UnicodeTranslateError ? unicode_translate_init : unicode_error_init;
    s.str = unicode_error_str;
    return TypeDefs{nullptr, unicode_error_members, nullptr};
  }
  if (t == exc_BaseExceptionGroup) {
    s.new_ = exception_group_new;
    s.init = exception_group_init;
    s.str = exception_group_str;
    return TypeDefs{exception_group_methods, exception_group_members, nullptr};
  }
  return TypeDefs{};
}

}  // namespace tpy
