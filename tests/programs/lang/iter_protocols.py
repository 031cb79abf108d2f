# iteration built on the protocols: iter/next with sentinels, generators as iterators, unpacking from iterators
it = iter([1, 2, 3])
print(next(it), list(it), list(it), next(it, "done"))
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c), sum(c), max(c), sorted(c), [x * 2 for x in c], dict.fromkeys(c))
a, *b = Countdown(4)
print(a, b)
print(list(zip(Countdown(3), "abc")), list(enumerate(Countdown(2))), list(map(str, Countdown(2))))
g = (x for x in range(5) if x % 2)
print(next(g), list(g))
r = reversed(range(3))
print(next(r), list(r))
d = {"a": 1, "b": 2}
ki = iter(d)
print(next(ki), type(ki).__name__, list(d.items().__iter__()), list(reversed(d.values())))
s = iter({1})
print(next(s), next(s, None))
class Seq:
    def __getitem__(self, i):
        if i > 2: raise IndexError(i)
        return i * i
print(list(Seq()), 4 in Seq(), list(reversed([0, 1])), [v for v in Seq()])
class BadIter:
    def __iter__(self): return self
    def __next__(self): raise ValueError("inside next")
try:
    list(BadIter())
except ValueError as e:
    print(type(e).__name__, e)
def gen_close_during():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise
gc_ = gen_close_during()
print(next(gc_))
gc_.close()
print(list(iter(lambda: 1, 1)), list(zip()), list(zip([1], [])), list(map(pow, [2, 3], [2, 2])))
it2 = iter("abc")
print(list(zip(it2, it2)), list(it2))
print(sum(x for x in range(10) if x % 3 == 0), any(x > 8 for x in range(10)), min((x for x in [3, 1, 2]), default=0))
nested = [[1, 2], [3], []]
print([y for x in nested for y in x], list(filter(None, nested)), sorted(nested, key=len))
e = enumerate("ab")
print(next(e), e.__next__(), next(e, "end"))
m = map(int, ["1", "x"])
print(next(m))
try:
    next(m)
except ValueError as err:
    print(type(err).__name__, err)
print(list(next(iter([iter([1, 2])]))), [*iter(range(2))], {*iter("aa")})
