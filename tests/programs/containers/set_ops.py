# set and frozenset: order of small int sets, methods, operators, hashes, errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", repr(e))

s = {5, 3, 1, 100, 8, 9}
print(s, len(s), set(), frozenset(), {1}, frozenset([1, 2]))
s.add(64)
s.add(3)
s.discard(100)
s.discard(1000)
print(s)
t(lambda: s.remove(1000))
s.remove(5)
print(s, 3 in s, 5 in s)
print(s.pop(), s.pop(), s)
t(lambda: set().pop())
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference([4, 9]))
print(a.union(), a.intersection(), a.difference())
print(a.issubset(b), {3}.issubset(a), a.issuperset({1, 2}), a.isdisjoint({9}), a.isdisjoint([1]))
print(a < b, {1} < a, a <= a, a > {1}, a >= {9}, a == {4, 3, 2, 1}, a != a, a == frozenset(a))
t(lambda: a | [1])
t(lambda: a < [1])
t(lambda: a.union(1))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {1}
c ^= {2, 20}
print(c)
c.update([30, 31], {32})
c.intersection_update([30, 31, 32, 10], {31, 32, 10})
c.difference_update([32])
c.symmetric_difference_update({31, 40})
print(c)
c.clear()
print(c, len(c))
print(set("aaa"), set(range(20)), set({1: 2}), set((1, 1, 2)))
t(lambda: set(1))
t(lambda: set(1, 2))
t(lambda: set(x=1))
t(lambda: frozenset(x=1))
t(lambda: {[]})
t(lambda: set().add([]))
print({frozenset({1})}, frozenset({frozenset()}), {1} in {frozenset({1})})
f = frozenset([3, 1, 2])
print(f, f | {9}, type(f | {9}).__name__, type({9} | f).__name__, f.copy() is f)
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(f) == hash(frozenset([1, 2, 3])))
print(hash(frozenset([frozenset([1]), 2])), hash(frozenset(range(100))))
t(lambda: hash(set()))
t(lambda: f.add)
class S(set):
    pass
class F(frozenset):
    pass
print(S([1, 2]), S(), F([1]), F(), type(S([1]) | {2}).__name__, type(F([1]).copy()).__name__)
x = {1, 2, 3}
def mutate():
    for v in x:
        x.add(v + 10)
t(mutate)
print(sorted(x for x in dir(set) if not x.startswith("__")))
print(sorted(x for x in dir(frozenset) if not x.startswith("__")))
print({i * 8 for i in range(20)})
print(set([-1, -2, 0, 2**61, 2**61 - 1, 2**64]))
r = set(range(100))
for i in range(0, 100, 3):
    r.discard(i)
print(r)
print(set([1, 2, 3]).__reduce__(), frozenset([4]).__reduce__())
it = iter({1, 2})
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
