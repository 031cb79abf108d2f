# bench/gc_churn.py -- Allocates a lot in small objects and cycles while keeping little live.
#
# Issue 4's bounded-memory check: about 20 GB allocated in total (with the default ROUNDS),
# under 50 MB live at any time, and the peak RSS must stay under 150 MB. Run:
#   /usr/bin/time -v build/tpy -X gc-stats bench/gc_churn.py [ROUNDS]
# ("Maximum resident set size" and the gc-stats report give the numbers).
import sys

class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt
        self.peer = None

def churn(n):
    # Short-lived objects: tuples, lists, dicts, strs, floats, instances in cycles.
    head = None
    total = 0
    for i in range(n):
        node = Node(i, head)
        node.peer = node          # a self-cycle
        head = node if i % 8 else None
        t = (i, i * 0.5, [i, i + 1], {'k': i})
        total += t[2][1] + t[3]['k']
        s = str(i) + '-'
        total += len(s)
    return total

def live_set(size):
    # A long-lived structure of about [size] nodes, replaced piece by piece.
    return [Node(i, None) for i in range(size)]

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 600
keep = live_set(100_000)
check = 0
for r in range(rounds):
    check += churn(50_000)
    keep[r % len(keep)] = Node(r, keep[(r + 1) % len(keep)])
print(check)
