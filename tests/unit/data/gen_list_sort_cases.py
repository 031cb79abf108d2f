# tests/unit/data/gen_list_sort_cases.py -- Prints list.sort's comparison counts and failure states, as CPython has them.
#
# Run with the oracle and paste the output into kOracle in tests/unit/list_sort_test.cpp:
#   /usr/bin/python3.11 tests/unit/data/gen_list_sort_cases.py
# Every input is built by the same generator as make_input() in the test (a 64-bit LCG), as
# pairs (value, index); sorting compares the values only. For each case it prints:
#   the number of __lt__ calls of a whole sort;
#   a hash of the indices after the sort;
#   for fail cases, a fold of the hashes of the indices left behind when the sort is stopped
#   by an exception from the (k+1)-th __lt__, for every k below the comparison count.
import sys

MASK = (1 << 64) - 1
FNV_OFFSET = 14695981039346656037
FNV_PRIME = 1099511628211


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK
        return self.state >> 33


def make_input(pattern, n, seed):
    g = Lcg(seed)
    if pattern == "random":
        return [g.next() % 1000000 for _ in range(n)]
    if pattern == "dups":
        return [g.next() % 8 for _ in range(n)]
    if pattern == "sawtooth":
        return [i % 97 for i in range(n)]
    if pattern == "desc_sawtooth":
        return [96 - i % 97 for i in range(n)]
    if pattern == "runs":
        v = []
        while len(v) < n:
            length = min(1 + g.next() % 300, n - len(v))
            chunk = sorted(g.next() % 1000000 for _ in range(length))
            if g.next() % 2:
                chunk.reverse()
            v += chunk
        return v
    if pattern == "one_moved":
        v = list(range(n))
        p = g.next() % n
        q = g.next() % n
        v.insert(q, v.pop(p))
        return v
    if pattern == "ascending":
        return list(range(n))
    if pattern == "descending":
        return [n - i for i in range(n)]
    if pattern == "desc_dups":
        return [(n - i) // 3 for i in range(n)]
    if pattern == "organ":
        return [i if i < n // 2 else n - i for i in range(n)]
    if pattern == "few_swaps":
        v = list(range(n))
        for _ in range(n // 50 + 1):
            p = g.next() % n
            q = g.next() % n
            v[p], v[q] = v[q], v[p]
        return v
    raise ValueError(pattern)


def fnv(seq):
    h = FNV_OFFSET
    for x in seq:
        h = ((h ^ x) * FNV_PRIME) & MASK
    return h


class Boom(Exception):
    pass


calls = 0
fail_at = -1


class E:
    __slots__ = ("v", "i")

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        global calls
        if calls == fail_at:
            raise Boom
        calls += 1
        return self.v < other.v


def run(values, reverse, fail):
    global calls, fail_at
    calls, fail_at = 0, fail
    items = [E(v, i) for i, v in enumerate(values)]
    try:
        items.sort(reverse=reverse)
    except Boom:
        pass
    return calls, fnv(e.i for e in items)


PATTERNS = ["random", "dups", "sawtooth", "desc_sawtooth", "runs", "one_moved", "ascending",
            "descending", "desc_dups", "organ", "few_swaps"]
SEED = 20261123

cases = []
for pattern in PATTERNS:
    for n in (2, 3, 40, 600):
        for reverse in (False, True):
            cases.append((pattern, n, reverse, n <= 600))
    for n in (1000, 20000):
        for reverse in (False, True):
            cases.append((pattern, n, reverse, False))

for pattern, n, reverse, with_fail in cases:
    values = make_input(pattern, n, SEED + n)
    count, final = run(values, reverse, -1)
    folded = 0
    if with_fail:
        folded = FNV_OFFSET
        for k in range(count):
            c, h = run(values, reverse, k)
            assert c == k
            folded = ((folded ^ h) * FNV_PRIME) & MASK
    print('    {"%s", %d, %s, %d, 0x%016xull, 0x%016xull},'
          % (pattern, n, "true" if reverse else "false", count, final, folded))
    sys.stdout.flush()
