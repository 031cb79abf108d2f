# __del__ on cycles, once per object (PEP 442), resurrection, gc.is_finalized.
# tpy scans the native stack conservatively: a stale word may keep garbage alive for one
# collection, so the tests collect a few times where CPython needs one collection.
import gc

def collect():
    for _ in range(3):
        gc.collect()

log = []

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        log.append(self.name)

def make_cycle():
    a = Node('a')
    b = Node('b')
    a.other = b
    b.other = a

make_cycle()
collect()
print(sorted(log))

saved = []
class Phoenix:
    def __del__(self):
        log.append('phoenix')
        saved.append(self)

def make_phoenix():
    p = Phoenix()
    p.self_ref = p

log.clear()
make_phoenix()
collect()
print(log, len(saved), gc.is_finalized(saved[0]))
saved.clear()
collect()
print(log)  # __del__ does not run a second time

def cycle_of_many(n):
    first = Node(0)
    cur = first
    for i in range(1, n):
        nxt = Node(i)
        cur.other = nxt
        cur = nxt
    cur.other = first

# Many cycles: a stale stack word may keep one of them alive a little longer, never most.
log.clear()
for _ in range(20):
    cycle_of_many(50)
collect()
print(len(log) >= 900, len(set(log)) == 50)

class Plain:
    pass
p = Plain()
print(gc.is_finalized(p), gc.is_tracked(p), gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked([]))
