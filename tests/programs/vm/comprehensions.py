# Comprehensions, lambdas, generator expressions, nested scopes.
print([x * y for x in range(3) for y in range(3) if x != y])
print({k: v for k, v in zip('abc', range(3))})
print({x % 3 for x in range(10)})
print(list(x for x in range(5) if x % 2))
sq = lambda n: n * n
print(sq(7), (lambda: 'noargs')(), (lambda *a, **k: (a, k))(1, b=2))
y = 10
print([y + i for i in range(3)])
class A:
    z = 3
    vals = [i for i in range(z)]
print(A.vals)
print([[j for j in range(i)] for i in range(4)])
g = (i for i in range(3))
print(next(g), list(g))
print(sorted(['b', 'A', 'c'], key=lambda s: s.lower()))
print((lambda x=1, *, y=2: x + y)(y=5))
