# iter (one and two arguments), next, min/max, sum, sorted, any/all, dir
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)

n = [0]


def counter():
    n[0] += 1
    return n[0]


print(list(iter(counter, 4)))
ci = iter(counter, 10)
print(type(ci).__name__, next(ci))
print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("abc"), min((), default=7))
print(max([1, -5, 3], key=abs), min(["bb", "a", "ccc"], key=len), max(1, 2, key=None))
print(max([2, 2], key=lambda x: 0), min([(1, "a"), (1, "b")], key=lambda p: p[0]))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum(range(101)), sum([], start=5))
print(sum([2**70, 2**70]), sum([True, True]), sum(((1,), (2,)), ()))
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True))
print(sorted(["bb", "a", "ccc"], key=len), sorted({3: 1, 1: 2}), sorted([]))
print(any([]), all([]), any([0, 1]), all([1, 0]), any(x > 2 for x in range(5)), all("abc"))


def f():
    b = 2
    a = 1
    return dir()


print(f())


class D:
    def __dir__(self):
        return ["z", "a", "m"]


print(dir(D()))
print("append" in dir([]), "__len__" in dir([]), "x" in dir(type("T", (), {"x": 1})))

tests = [
    lambda: next(5),
    lambda: next([1]),
    lambda: iter(5),
    lambda: iter(5, 1),
    lambda: iter(),
    lambda: min(),
    lambda: max([]),
    lambda: min([]),
    lambda: max(1, 2, default=0),
    lambda: max([1], foo=1),
    lambda: max(1),
    lambda: min(1, "a"),
    lambda: sum(["a", "b"], ""),
    lambda: sum([1, "a"]),
    lambda: sum(),
    lambda: sum(1),
    lambda: sorted(),
    lambda: sorted([1], None),
    lambda: sorted([1], foo=2),
    lambda: sorted([1, "a"]),
    lambda: any(1),
    lambda: all(),
    lambda: dir(1, 2),
]
for t in tests:
    try:
        print("no error:", t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
