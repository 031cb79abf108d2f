// interp/objects/exceptions_raise.cpp -- The exception types' storage and the raise/fetch API.
//
// Every exception type of exceptions.def is a static Type defined here; init_exceptions()
// links each to its base. Raising a built-in exception from C++ builds the instance directly
// (args = (message,)) without running Python code, as CPython's PyErr_SetString does.
#include <cerrno>
#include <cinttypes>
#include <cstdarg>
#include <cstring>
#include <string>

#include "gc/barrier.h"
#include "gc/roots.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/exceptions_internal.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

#define TPY_EXC(name, base, layout)                                                   \
  constinit Type exc_##name##_type{&type_type, #name, sizeof(layout),                  \
                                   kTypeBaseType | kTypeImmutable |                    \
                                       kTypeBaseExceptionSubclass | kTypeHasInstanceAttrs};
#include "interp/objects/exceptions.def"
#undef TPY_EXC

namespace {

BaseExceptionObject* as_exc(Value v) { return static_cast<BaseExceptionObject*>(v.as_object()); }

// An instance of the built-in exception [type] with args [args], made without calling Python.
Value make_exception(Type* type, Value args) {
  auto* e = static_cast<BaseExceptionObject*>(gc::alloc(type->m_basicsize, type));
  if (!e) return raise_no_memory();
  gc::store(e, &e->args, args);
  return Value::from_object(e);
}

// Appends [v] formatted by the Value conversion [conv] ('R', 'S', 'A', 'U').
bool append_value(std::string& out, char conv, Value v) {
  Value s;
  switch (conv) {
    case 'R': s = object_repr(v); break;
    case 'S': s = object_str(v); break;
    case 'A': s = object_ascii(v); break;
    default: s = v; break;
  }
  if (s.is_null()) return false;
  out += str_to_utf8(s);
  return true;
}

}  // namespace

void set_exception(Value exc) { ts().current_exception = exc; }

Value raise_error(Type* type, std::string_view message) {
  Value msg = str_from_utf8(message);
  if (msg.is_null()) return msg;
  Value args = tuple_pack({msg});
  if (args.is_null()) return args;
  Value e = make_exception(type, args);
  if (e.is_null()) return e;
  set_exception(e);
  return Value::exception();
}

Value raise_empty(Type* type) {
  Value e = make_exception(type, tuple_empty());
  if (e.is_null()) return e;
  set_exception(e);
  return Value::exception();
}

Value raise_format(Type* type, const char* format, ...) {
  std::string out;
  va_list ap;
  va_start(ap, format);
  bool ok = true;
  for (const char* p = format; *p && ok; p++) {
    if (*p != '%') {
      out += *p;
      continue;
    }
    p++;
    // Precision (as in %.200s) bounds the characters taken from a C string.
    long precision = -1;
    if (*p == '.') {
      precision = std::strtol(p + 1, const_cast<char**>(&p), 10);
    }
    // Length modifiers.
    int longs = 0;
    bool size = false;
    while (*p == 'l') longs++, p++;
    if (*p == 'z') size = true, p++;
    char buf[32];
    switch (*p) {
      case '%': out += '%'; break;
      case 'c': out += static_cast<char>(va_arg(ap, int)); break;
      case 's': {
        const char* s = va_arg(ap, const char*);
        size_t n = std::strlen(s);
        if (precision >= 0 && n > static_cast<size_t>(precision)) n = precision;
        out.append(s, n);
        break;
      }
      case 'd': case 'i': case 'u': case 'x': {
        bool is_signed = *p == 'd' || *p == 'i';
        const char* f = *p == 'x' ? "%" PRIx64 : is_signed ? "%" PRId64 : "%" PRIu64;
        int64_t v;
        if (size) v = is_signed ? va_arg(ap, int64_t) : static_cast<int64_t>(va_arg(ap, size_t));
        else if (longs == 2) v = is_signed ? va_arg(ap, long long) : static_cast<int64_t>(va_arg(ap, unsigned long long));
        else if (longs == 1) v = is_signed ? va_arg(ap, long) : static_cast<int64_t>(va_arg(ap, unsigned long));
        else v = is_signed ? va_arg(ap, int) : static_cast<int64_t>(va_arg(ap, unsigned));
        std::snprintf(buf, sizeof buf, f, v);
        out += buf;
        break;
      }
      case 'p':
        std::snprintf(buf, sizeof buf, "%p", va_arg(ap, void*));
        out += buf;
        break;
      case 'R': case 'S': case 'A': case 'U': {
        Value v = va_arg(ap, Value);
        ok = append_value(out, *p, v);
        break;
      }
      default:
        TPY_CHECK(false, "raise_format: unknown conversion");
    }
  }
  va_end(ap);
  if (!ok) return Value::exception();  // the failing __repr__'s error is pending instead
  return raise_error(type, out);
}

Value raise_no_memory() {
  Value& e = gc::g_roots.memory_error();
  if (e.is_null()) {
    // Made at start-up by init_exceptions; reaching here first means memory ran out before.
    TPY_CHECK(false, "out of memory during start-up");
  }
  set_exception(e);
  return Value::exception();
}

Value raise_stop_iteration(Value value) {
  Value args = tuple_pack({value});
  if (args.is_null()) return args;
  Value e = make_exception(exc_StopIteration, args);
  if (e.is_null()) return e;
  gc::store(e.as_object(), &static_cast<StopIterationObject*>(e.as_object())->value, value);
  set_exception(e);
  return Value::exception();
}

Value raise_errno(int errnum, Value filename) {
  Type* type = oserror_subclass(errnum);
  if (!type) type = exc_OSError;
  Value code = Value::from_int(errnum);
  Value text = str_from_utf8(std::strerror(errnum));
  if (text.is_null()) return text;
  Value args = filename.is_null() ? tuple_pack({code, text}) : tuple_pack({code, text, filename});
  if (args.is_null()) return args;
  Value e = make_exception(type, args);
  if (e.is_null()) return e;
  auto* o = static_cast<OSErrorObject*>(e.as_object());
  gc::store(o, &o->myerrno, code);
  gc::store(o, &o->strerror, text);
  if (!filename.is_null()) gc::store(o, &o->filename, filename);
  set_exception(e);
  return Value::exception();
}

Value raise_value(Value exc) {
  if (is_type(exc) && type_is_subtype(as_type(exc), exc_BaseException)) {
    Value inst = call0(exc);
    if (inst.is_null()) return inst;
    if (!is_exception_instance(inst)) {
      return raise_format(exc_TypeError,
                          "calling %R should have returned an instance of BaseException, "
                          "not %.200s",
                          exc, type_of(inst)->c_name());
    }
    exc = inst;
  } else if (!is_exception_instance(exc)) {
    return raise_error(exc_TypeError, "exceptions must derive from BaseException");
  }
  set_exception(exc);
  return Value::exception();
}

bool error_matches(Type* type) {
  Value e = ts().current_exception;
  return !e.is_null() && is_instance_of(e, type);
}

Value fetch_exception() {
  Value e = ts().current_exception;
  ts().current_exception = Value();
  return e;
}

int exception_matches(Value exc, Value cls) {
  if (is_tuple(cls)) {
    for (int64_t i = 0; i < tuple_length(cls); i++) {
      int r = exception_matches(exc, tuple_at(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  if (!is_type(cls)) return 0;
  return is_instance_of(exc, as_type(cls)) ? 1 : 0;
}

Value exception_new(Type* type, const Value* args, size_t nargs) {
  return call(Value::from_object(type), args, nargs);
}

Value exception_traceback(Value exc) { return as_exc(exc)->traceback; }
void exception_set_traceback(Value exc, Value tb) {
  gc::store(exc.as_object(), &as_exc(exc)->traceback, tb);
}
Value exception_context(Value exc) { return as_exc(exc)->context; }
void exception_set_context(Value exc, Value ctx) {
  gc::store(exc.as_object(), &as_exc(exc)->context, ctx);
}
Value exception_cause(Value exc) { return as_exc(exc)->cause; }
void exception_set_cause(Value exc, Value cause) {
  gc::store(exc.as_object(), &as_exc(exc)->cause, cause);
  as_exc(exc)->set_suppress_context(true);
}
bool exception_suppress_context(Value exc) { return as_exc(exc)->suppress_context(); }

// -- Start-up -------------------------------------------------------------------------------------

extern constinit Type object_type;  // interp/objects/type.h (the types helper's)

namespace {

// Every built-in exception layout is the header followed by Values only (exceptions.h), up
// to the basicsize of the nearest static type; a heap subclass's own storage beyond that is
// traced by the instance code that owns it.
void trace_exception(Object* self, VisitFn visit, void* ctx) {
  Type* t = self->type();
  while (t->is_heap()) t = t->m_base;
  auto* begin = reinterpret_cast<Value*>(reinterpret_cast<char*>(self) + sizeof(Object));
  auto* end = reinterpret_cast<Value*>(reinterpret_cast<char*>(self) + t->m_basicsize);
  for (Value* v = begin; v < end; v++) visit(v, ctx);
}

}  // namespace

bool init_exceptions() {
  // Rows come bases first, so each base is complete before its subclasses. The pasted name
  // exc_object_type is rescanned, so the root's base comes out as `object`.
#define exc_object_type object_type
#define TPY_EXC(name, base, layout)                                     \
  exc_##name##_type.slots.trace = trace_exception;                      \
  type_init(&exc_##name##_type, &exc_##base##_type,                     \
            exception_type_setup(&exc_##name##_type));
#include "interp/objects/exceptions.def"
#undef TPY_EXC
#undef exc_object_type
  if (!exception_types_finish()) return false;
  Value me = make_exception(exc_MemoryError, tuple_empty());
  if (me.is_null()) return false;
  gc::g_roots.memory_error() = me;
  return true;
}

}  // namespace tpy
