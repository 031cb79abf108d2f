# _thread locks through threading and queue (one thread: start_new_thread waits for the threads issue).
import threading, sys
print(threading.current_thread().name, threading.get_ident() > 0, threading.active_count())
lock = threading.Lock(); rl = threading.RLock()
with lock, rl, rl: print(lock.locked())
print(lock.locked(), lock.acquire(timeout=0.01), lock.acquire(blocking=False))
e = threading.Event(); e.set(); print(e.is_set(), e.wait(0.1))
print(repr(rl)[:30], repr(lock)[:30])
print(sys.excepthook is sys.__excepthook__, threading.excepthook.__name__)
import queue
q = queue.Queue(); q.put(1); print(q.get(), q.empty())
