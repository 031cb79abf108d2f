# Lots of short-lived objects and cycles with a small live set: results must be exact.
import gc

class Pair:
    __slots__ = ('a', 'b')
    def __init__(self, a, b):
        self.a = a
        self.b = b

def work(n):
    keep = []
    total = 0
    for i in range(n):
        p = Pair(i, None)
        q = Pair(p, p)
        p.b = q            # a cycle
        t = (i, str(i), [i] * 3, {'i': i})
        total += len(t[1]) + t[2][1] + t[3]['i']
        if i % 100 == 0:
            keep.append(q)
    return total, len(keep), sum(k.a.a for k in keep)

print(work(20000))
gc.collect()
print(work(5000))
big = [[j for j in range(100)] for i in range(100)]
gc.collect()
print(sum(map(sum, big)))
s = ''
for i in range(2000):
    s = s + str(i % 10)
print(len(s), s[-10:])
print(sorted({i % 37: i for i in range(10000)}.items())[:3])
