# dict: methods, operators, ordering, comparison, __missing__ and the error messages.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", repr(e))

d = {"b": 1, "a": 2}
d["c"] = 3
d[1] = "one"
d[(1, 2)] = "tuple"
print(d, len(d), d["a"], d[1], d[(1, 2)])
t(lambda: d["zz"])
t(lambda: d[(3, 4)])
t(lambda: d[[1]])
print(d.get("a"), d.get("zz"), d.get("zz", 5))
print(d.setdefault("a", 9), d.setdefault("new", 9), d.setdefault("none"), d)
print(d.pop("new"), d.pop("missing", "dflt"), d)
t(lambda: d.pop("missing"))
t(lambda: d.pop())
t(lambda: d.get())
t(lambda: d.get(1, 2, 3))
t(lambda: d.setdefault())
print(d.popitem(), d.popitem(), d)
t(lambda: {}.popitem())
del d["b"]
print(d)
def bad_del():
    del d["b"]
t(bad_del)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
d.update(w=4)
print(d)
t(lambda: d.update(1))
t(lambda: d.update([1]))
t(lambda: d.update([(1, 2, 3)]))
t(lambda: d.update(["ab", "c"]))
t(lambda: d.update({}, {}))
print(dict(), dict(a=1), dict([(1, 2)], b=3), dict({1: 2}), dict(zip("ab", range(2))))
t(lambda: dict(1, 2))
t(lambda: dict(1))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys({3: 4}), dict.fromkeys(range(2), []))
t(lambda: dict.fromkeys())
t(lambda: dict.fromkeys(1))
e = d.copy()
e["new"] = 1
print(d == e, len(d), len(e))
e.clear()
print(e, len(e))
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {1: 2, 3: 4} == {3: 4, 1: 2})
t(lambda: {1: 2} < {1: 2})
print({1: 1} | {2: 2}, {1: 1, 2: 2} | {1: "x"})
t(lambda: {1: 1} | [(2, 2)])
m = {1: 1}
m |= {2: 2}
m |= [(3, 3)]
print(m)
print(list(reversed({1: 1, 2: 2, 3: 3})), list(reversed({})))
print(1 in m, 5 in m, len(m), bool({}), bool(m))
t(lambda: [] in m)
class Counter(dict):
    def __missing__(self, key):
        return key * 2
c = Counter(a=1)
print(c["a"], c["zz"], c, "zz" in c, c.get("zz"))
class Plain(dict):
    pass
p = Plain()
t(lambda: p["x"])
print(type(Plain(a=1) | {}).__name__, type(Plain(a=1).copy()).__name__)
# Insertion order survives deletes and re-inserts.
o = {}
for i in range(10):
    o[i] = i
for i in range(0, 10, 2):
    del o[i]
o[0] = "back"
print(o, list(o))
# equal keys of different types share an entry
k = {1: "int"}
k[1.0] = "float"
k[True] = "bool"
print(k)
print(sorted(x for x in dir(dict) if not x.startswith("__")))
print({}.__class__.__name__, type({}.items()).__name__, type(iter({})).__name__)
print(hash(1) == hash(1.0), {(1, 2): 3}[(1, 2)])
