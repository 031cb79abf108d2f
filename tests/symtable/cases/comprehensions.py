# Comprehensions are function blocks with an implicit ".0"; walrus targets bind outside them.
data = [1, 2, 3]
squares = [x * x for x in data if x]
pairs = {k: v for k, v in zip(data, data) if k for w in data}
unique = {y for y in data}
lazy = (z for z in data for zz in z)
nested = [[a + b for b in data] for a in data]
last = [last := x for x in data]


def func(seq):
    total = 0
    [total := total + s for s in seq]
    [(inner := s) for s in seq for t in (s,)]
    return total, inner, [lambda: s for s in seq]


def with_global():
    global gw
    [gw := i for i in range(3)]


def with_nonlocal():
    nv = 0

    def inner():
        nonlocal nv
        [nv := i for i in range(3)]
    return inner


def walrus_in_lambda_in_comp():
    return [(lambda: (w := 1))() for _ in ()]


class InClass:
    xs = [1, 2]
    ys = [x for x in xs]
    zs = [xs for _ in range(2)]
    ws = [y for y in range(3) if y in xs]


async def asyncs(aiterable):
    a = [x async for x in aiterable]
    b = [await x for x in aiterable]
    c = (x async for x in aiterable)
    d = [[y async for y in x] for x in aiterable]
    e = {x: await y for x, y in aiterable}
    return a, b, c, d, e


def walrus_levels():
    [[(deep := j) for j in range(i)] for i in range(3)]
    return deep
