# range and slice objects: attributes, indices, errors, reprs; None/NotImplemented/Ellipsis
r = range(1, 20, 3)
print(r, len(r), r[2], r[-1], r[1:3], r[::-1], r.index(7), r.count(7), 7 in r, 8 in r, r.start, r.stop, r.step)
print(range(5) == range(0, 5, 1), range(0) == range(5, 1), hash(range(0)) == hash(range(3, 3)), list(range(10, 0, -3)), range(-5))
for call in [lambda: range(1, 2, 0), lambda: r[100], lambda: r.index(8), lambda: range(1.5), lambda: range(), lambda: range(1, 2, 3, 4), lambda: r["a"], lambda: len(range(2 ** 64))]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
big = range(2 ** 64)
print(big[-1], big[2 ** 63], 2 ** 63 in big, big[::2 ** 32].step, repr(big))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4), slice(5))
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), repr(slice("a", None)))
for call in [lambda: s.indices(-1), lambda: slice(None, None, 0).indices(5), lambda: hash(s), lambda: slice(), lambda: slice(1, 2, 3, 4), lambda: [1, 2][slice(0, 1, 0)]]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
class Sl:
    def __getitem__(self, k): return k
print(Sl()[1:2], Sl()[::3], Sl()[1:2, 3], Sl()[...], Sl()[:, None], Sl()["a":"b":"c"])
print(None, repr(None), type(None).__name__, NotImplemented, Ellipsis, ..., type(...).__name__, bool(None))
print(type(None)(), type(NotImplemented)() is NotImplemented, type(...)() is ...)
try:
    type(None)(1)
except TypeError as e:
    print(type(e).__name__, e)
print([1, 2, 3, 4][slice(1, None)], "abcdef"[slice(None, None, -2)], (1, 2, 3)[slice(-2, None)])
print(list(range(0, 10, 3))[::-1], range(0, 10, 3)[::-1], range(0, -10, -2)[1:3], reversed(range(3)).__class__.__name__)
print(sum(range(101)), max(range(5)), min(range(5, 0, -1)), sorted(range(3), reverse=True), list(enumerate(range(2))))
print(range(3).__reversed__().__next__(), iter(range(3)).__length_hint__(), range(10)[range(2, 5)[1]], bool(range(0)))
