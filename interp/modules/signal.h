// interp/modules/signal.h -- Running Python signal handlers (the _signal module).
//
// The C handler only records that a signal arrived (and trips the eval breaker through
// vm::g_pending_sigint); the Python handler runs later in the main thread, from
// signal_run_pending(). Until the eval loop calls it (TODO(lang): eval_breaker_fired should
// call signal_run_pending instead of raising KeyboardInterrupt itself), a tripped SIGINT
// still raises KeyboardInterrupt there and other handlers run only from blocking waits.
#pragma once

namespace tpy {

// Calls the Python handler of every signal that arrived since the last call. 0, or -1 with
// the handler's exception pending (KeyboardInterrupt from default_int_handler).
int signal_run_pending();

// True when a signal arrived and its handler has not run yet.
bool signal_pending();

}  // namespace tpy
