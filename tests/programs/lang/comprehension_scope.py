# comprehension scoping rules
x = "global"
class C:
    x = "class"
    lst = [x for _ in range(2)]
    try:
        lst2 = [y for y in range(2) if x]
    except NameError as e:
        err = str(e)
    first = [i for i in range(3)]
    nested = [[j for j in range(i)] for i in range(3)]
print(C.lst, C.lst2, C.first, C.nested)
class D:
    v = 3
    try:
        w = [v * i for i in range(2)]
    except NameError as e:
        print(type(e).__name__, e)
    u = [i for i in range(v)]
print(D.u)
def f():
    y = 1
    return [lambda: y + i for i in range(3)]
print([g() for g in f()])
print([i for i in range(3)], "i" in dir())
res = [(a, b) for a in range(3) for b in range(a)]
print(res)
print({k: v for k, v in zip("ab", range(2))}, {i % 3 for i in range(10)})
g = (i for i in range(3))
print(sum(g), sum(g))
print([y := 5, y ** 2], y)
def walrus():
    [z := i for i in range(4)]
    return z
print(walrus())
try:
    exec("[i := 0 for i in range(3)]")
except SyntaxError as e:
    print(type(e).__name__, e)
try:
    print([undefined_name for _ in range(1)])
except NameError as e:
    print(type(e).__name__, e)
try:
    (1 for _ in 5)
except TypeError as e:
    print(type(e).__name__, e)
def gen_outer_eval():
    it = iter([1, 2])
    return (x for x in it)
print(list(gen_outer_eval()))
print([[x, y] for x in range(2) if x for y in "ab" if y != "a"])
print([*range(2), *"ab"], {**{"a": 1}, "b": 2}, {*range(3), 7})
matrix = [[1, 2], [3, 4]]
print([v for row in matrix for v in row], list(zip(*matrix)))
