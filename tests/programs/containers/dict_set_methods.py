# dict, set and frozenset methods and their errors
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 9), d)
print(d.pop("c"), d.pop("zz", "dflt"), d.popitem(), d, list(d.items()), list(d.keys()), list(d.values()))
for call in [lambda: d.pop("zz"), lambda: {}.popitem(), lambda: d["missing"], lambda: d.update(5),
             lambda: d.update([1]), lambda: d.update([(1, 2, 3)]), lambda: dict([1]), lambda: dict(1, 2),
             lambda: {[]: 1}, lambda: d.get(), lambda: d.fromkeys(), lambda: {}.setdefault([], 1),
             lambda: d | 5, lambda: dict.fromkeys(5)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, dict(a=1, **{"b": 2}), dict([("k", "v")]), dict({"q": 1}, r=2), dict.fromkeys("ab", 0))
print(d | {"a": 100}, {"n": 1} | d)
d |= {"w": 0}
print(d, len(d), "x" in d, "nope" not in d)
d2 = d.copy()
d2.clear()
print(d2, d == d.copy(), {1: 2} == {1: 2.0}, {1: 2} != {1: 3})
print(list(reversed({"p": 1, "q": 2})), list(reversed({"p": 1}.items())), {1: 1}.keys() & {1, 2})
try:
    {1: 1} < {2: 2}
except TypeError as e:
    print(type(e).__name__, e)
dd = {}
for i in range(5):
    dd[i] = i * i
del dd[2]
dd[2] = "again"
print(dd, list(dd))
try:
    for k in dd:
        dd[k + 100] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
print(d.keys() | {"extra"}, d.keys() - {"a"}, sorted(d.keys() ^ {"a", "new"}), d.items() & {("x", 1)})
print({1: "a", True: "b", 1.0: "c"}, {0: 1, False: 2}, {(1, 2): 3}[(1, 2)])
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(s, s.pop() in {2, 3, 4}, len(s))
for call in [lambda: s.remove(99), lambda: set().pop(), lambda: s.add([]), lambda: {[]},
             lambda: frozenset().add, lambda: s < 5, lambda: s | [1], lambda: set(5), lambda: s.update(5),
             lambda: s.isdisjoint(5), lambda: set([1, 2]) - [1]]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
a, b = {1, 2, 3}, {2, 3, 4}
print(a | b, a & b, a - b, a ^ b, a.union([9]), a.intersection([1, 2], [2]), a.difference([1]), a.symmetric_difference([1, 7]))
print(a <= b, {1} < a, a >= {1}, a.issubset(range(5)), a.issuperset([1]), a.isdisjoint([7]), a == frozenset(a))
c = set(a)
c |= {10}; c &= {1, 2, 10}; c -= {1}; c ^= {2, 20}
print(c)
c.update([5], [6]); c.intersection_update(range(7), range(1, 8)); c.difference_update([5]); c.symmetric_difference_update([9])
print(c)
fs = frozenset([1, 2])
print(fs, fs | {3}, type(fs | {3}).__name__, type({3} | fs).__name__, fs.copy() is fs, hash(fs) == hash(frozenset([2, 1])))
print(frozenset(), set(), repr(set()), {frozenset([1]): "x"}, set("hello") == set("olleh"))
print(sorted({"b", "a", "c"}), {1, 2} == {2, 1}, {1, 2}.copy(), min({5, 3}), sum({1, 2}))
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print(type(e).__name__, e)
class HashBoth:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, HashBoth) and self.v == o.v
print(len({HashBoth(1), HashBoth(1), HashBoth(2)}), HashBoth(1) in {HashBoth(1)})
print(dict.__name__, type({}.keys()).__name__, type({}.items()).__name__, repr({}.values()), repr({1: 2}.items()))
