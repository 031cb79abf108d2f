# dict views and iterators: set operations, comparisons, mutation during iteration, reprs.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = {1: "a", 2: "b", 3: "c"}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
print(list(k), list(v), list(i))
print(2 in k, 5 in k, "a" in v, (1, "a") in i, (1, "b") in i, 1 in i, (1,) in i)
d[4] = "d"
print(k, len(i))
print(k & {1, 2, 9}, {1, 9} & k, k | {9}, k - {1}, k ^ {1, 9}, [1, 10] - k if False else "", k & [2, 3])
# (str hashes vary between runs in CPython: sort sets of str-holding tuples)
print(i & {(1, "a")}, sorted(i - {(1, "a")}), sorted(i | {(0, "0")}))
print(k == {1, 2, 3, 4}, k != {1}, k < {1, 2, 3, 4, 5}, k <= {1, 2, 3, 4}, k > {1}, k >= {1, 2, 3, 4})
print(k == [1, 2, 3, 4], i == {(1, "a"), (2, "b"), (3, "c"), (4, "d")})
print(k.isdisjoint({9}), k.isdisjoint([1]), i.isdisjoint([]), k.isdisjoint(k))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(k.mapping, type(k.mapping).__name__)
t(lambda: hash(k))
t(lambda: k | 1)
t(lambda: v == v)
print(type(iter(k)).__name__, type(iter(v)).__name__, type(iter(i)).__name__)
print(type(reversed(k)).__name__, type(reversed(v)).__name__, type(reversed(i)).__name__)
it = iter(d)
print(it.__length_hint__(), next(it), it.__length_hint__())
def grow():
    for key in d:
        d[key + 10] = 1
t(grow)
d2 = {1: 1, 2: 2}
def swap():
    for key in d2:
        del d2[key]
        d2[key + 10] = 1
t(swap)
d3 = {1: 1}
it3 = iter(d3)
d3[2] = 2
t(lambda: next(it3))
t(lambda: next(it3))
r = {}
r[1] = r
print(r, r.items(), r.values())
print(repr({}.keys()), repr({}.items()))
print(sorted(x for x in dir(type(k)) if not x.startswith("__")))
print(sorted(x for x in dir(type(v)) if not x.startswith("__")))
