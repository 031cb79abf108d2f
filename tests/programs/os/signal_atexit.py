# signal handlers (run through raise_signal) and atexit callbacks at exit, errors included.
import atexit
import signal

print(signal.SIGINT, signal.Signals.SIGTERM, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGTERM), signal.SIG_DFL, signal.SIG_IGN)
got = []
def handler(sig, frame):
    got.append((sig, type(frame).__name__))
print(signal.signal(signal.SIGUSR1, handler), signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(got)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print(signal.strsignal(signal.SIGTERM), len(signal.valid_signals()) > 30)
for bad in ((99, handler), (signal.SIGUSR1, 5)):
    try:
        signal.signal(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

class Callback:
    def __init__(self, name, fail=False):
        self.name, self.fail = name, fail
    def __call__(self, *args, **kwargs):
        print("atexit", self.name, args, kwargs)
        if self.fail:
            raise RuntimeError("failed in " + self.name)
    def __repr__(self):
        return "<Callback %s>" % self.name

atexit.register(Callback("first"), 1, key="v")
atexit.register(Callback("failing", fail=True))
removed = Callback("removed")
atexit.register(removed)
atexit.unregister(removed)
atexit.register(Callback("last"))
print(atexit._ncallbacks())
raise SystemExit(4)
