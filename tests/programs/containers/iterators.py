# enumerate, zip (strict), map, filter, reversed: results, argument errors, reduce, length hints.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate(iterable="ab", start=-1)))
print(list(enumerate([], start=2**64)), list(enumerate("xy", 2**63 - 1)))
t(lambda: enumerate())
t(lambda: enumerate([], 1, 2))
t(lambda: enumerate([], x=1))
t(lambda: enumerate(start=1))
t(lambda: enumerate([], start="a"))
t(lambda: enumerate(5))
e = enumerate("ab", 3)
print(e.__reduce__()[0].__name__, e.__reduce__()[1][1], next(e), e.__reduce__()[1][1])
print(list(zip()), list(zip("ab", [1, 2, 3])), list(zip("a", "b", "c")), list(zip([1, 2], [3, 4], strict=True)))
t(lambda: list(zip([1], [1, 2], strict=True)))
t(lambda: list(zip([1, 2], [1], strict=True)))
t(lambda: list(zip([1, 2], [1, 2], [1], strict=True)))
t(lambda: list(zip([1], [1], [1, 2], strict=True)))
t(lambda: zip(x=1))
t(lambda: zip(1))
z = zip([1], [2], strict=True)
print(z.__reduce__()[0].__name__, len(z.__reduce__()), next(z))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2, 1])), list(map(lambda *a: a, "ab", "cde")))
t(lambda: map(abs))
t(lambda: map())
t(lambda: map(abs, [1], x=1))
t(lambda: map(abs, 1))
t(lambda: list(map(abs, ["x"])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(7))))
print(list(filter(bool, [0, 2])))
t(lambda: filter())
t(lambda: filter(None))
t(lambda: filter(None, [], x=1))
t(lambda: filter(None, 1))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))))
print(list(reversed({1: 2, 3: 4})), type(reversed("ab")).__name__)
t(lambda: reversed(1))
t(lambda: reversed({1, 2}))
t(lambda: reversed([], 1))
t(lambda: reversed(seq=[]))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
t(lambda: reversed(NoRev()))
class MyRev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(MyRev())))
rv = reversed("abc")
print(rv.__length_hint__(), next(rv), rv.__length_hint__(), rv.__reduce__()[1:], list(rv), rv.__length_hint__())
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__)
class E(enumerate):
    pass
print(list(E("ab")), type(E("ab")).__name__)
