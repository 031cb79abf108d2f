# unpacking (starred), walrus, chained comparisons
a, *b, c = range(6)
print(a, b, c)
*a, b = [1, 2]
print(a, b)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
[a, b] = "xy"
print(a, b)
for x, *y in [(1, 2, 3), (4,)]:
    print(x, y)
for bad in [(1,), (1, 2, 3), 5]:
    try:
        p, q = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    p, q, *r = (1,)
except ValueError as e:
    print(type(e).__name__, e)
try:
    p, *q, r, s = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
def gen():
    yield 1
    yield 2
    yield 3
try:
    p, q = gen()
except ValueError as e:
    print(type(e).__name__, e)
print(*[1, 2], *(3,), sep="-")
print([*"abc"], (*range(2),), {*()})
def f(*args, **kw): return args, kw
print(f(*[1], *(2,), **{"a": 1}, **{"b": 2}))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
if (n := len("hello")) > 3:
    print("n", n)
while (m := n - 1) > 2:
    n = m
print(n, m)
print((w := 3) + w)
data = [1, 2, 3, 4]
print([s for x in data if (s := x * x) > 4], s)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1 != 2, 3 > 2 >= 2 > 1, 1 is 1 is not None if False else 0)
class Noisy:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
print(Noisy(1) < Noisy(2) < Noisy(0) < Noisy(5))
def side(v):
    print("eval", v)
    return v
print(side(1) < side(2) < side(3))
print(side(3) < side(2) < side(1))
x = 5
print(0 < x < 10, "a" in "abc" in "xabcx", 2 in [1, 2] not in [[1]])
try:
    1 < "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    None > None
except TypeError as e:
    print(type(e).__name__, e)
d = {}
d["k"], d["j"] = 1, 2
print(d)
l = [0, 0, 0]
i = 0
i, l[i] = 1, 9
print(i, l)
a = b = c = [7]
print(a is b is c)
x, y = y, x = 1, 2
print(x, y)
