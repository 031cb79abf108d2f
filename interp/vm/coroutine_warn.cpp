// interp/vm/coroutine_warn.cpp -- The never-awaited coroutine warning: at the dropping POP_TOP, or at exit.
#include "interp/vm/coroutine_warn.h"

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "gc/heap.h"
#include "interp/objects/str.h"
#include "interp/vm/code.h"
#include "interp/vm/frame.h"
#include "interp/vm/generator.h"
#include "interp/vm/opcode.h"
#include "interp/vm/traceback.h"

namespace tpy {

namespace {

// The coroutine the last RETURN_GENERATOR made, for identity only (never dereferenced unless
// it is also the live value being dropped).
thread_local const Object* t_last_created = nullptr;

// The warnings module's "default" action shows a message once per location.
std::set<std::string>& shown() {
  static auto* s = new std::set<std::string>();
  return *s;
}

std::string message_of(GenObject* g) {
  return "RuntimeWarning: coroutine '" + str_to_utf8(g->qualname) + "' was never awaited";
}

void warn_at_exit_one(Object* o, void*) {
  if (o->type() != &coroutine_type) return;
  auto* g = static_cast<GenObject*>(o);
  if (g->state != GenState::Created || g->warned_unawaited) return;
  g->warned_unawaited = true;
  std::string key = "sys:1: " + message_of(g);
  if (shown().insert(key).second) std::fprintf(stderr, "%s\n", key.c_str());
}

void warn_at_exit() {
  std::fflush(stdout);
  gc::for_each_object(warn_at_exit_one, nullptr);
}

}  // namespace

void coroutine_created(Value g) {
  static bool registered = false;
  if (!registered) {
    registered = true;
    std::atexit(warn_at_exit);
  }
  t_last_created = g.as_object();
}

namespace {

// The warning as CPython's warnings module shows it for code unit [index] of [co].
void warn_at(GenObject* g, CodeObject* co, int index) {
  g->warned_unawaited = true;
  std::string file = str_to_utf8(co->filename);
  int line = code_line_at(co, index);
  std::string key = file + ":" + std::to_string(line) + ": " + message_of(g);
  if (!shown().insert(key).second) return;
  std::string text = key + "\n";
  std::string src = source_line(file, line);
  size_t a = src.find_first_not_of(" \t\f\r\n");
  if (a != std::string::npos) {
    size_t b = src.find_last_not_of(" \t\f\r\n");
    text += "  " + src.substr(a, b - a + 1) + "\n";
  }
  text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
  std::fflush(stdout);
  std::fputs(text.c_str(), stderr);
}

}  // namespace

void coroutine_dropped(Value v, Frame* frame, const uint16_t* pop_top) {
  auto* g = as_gen(v);
  if (g->state != GenState::Created || g->warned_unawaited || t_last_created != g) return;
  // Only a value fresh from the CALL just before: then no other reference can exist.
  CodeObject* co = frame->code;
  int index = static_cast<int>(pop_top - co->code);
  int call_at = index - 1 - vm::op_caches(vm::Op::CALL);
  if (call_at < 0 || vm::op_family(co->code[call_at] & 0xFF) != static_cast<int>(vm::Op::CALL))
    return;
  warn_at(g, co, index);
}

void coroutine_finalized(Value v, Frame* frame) {
  auto* g = as_gen(v);
  if (g->state != GenState::Created || g->warned_unawaited || frame == nullptr) return;
  warn_at(g, frame->code, frame->lasti);
}

}  // namespace tpy
