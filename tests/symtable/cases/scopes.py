# Locals, cells, free variables, implicit and explicit globals through nested functions.
import os.path as osp, sys
from collections import OrderedDict as OD, deque
g = 1

def outer(a, /, b, *args, c, d=g, **kw):
    x = a
    y = 2
    del y

    def middle():
        nonlocal x
        x += 1
        z = b

        def inner():
            return x, z, kw, args, sys, g
        return inner

    def shadow(x=x):
        return x
    return middle, shadow


def uses_global_later():
    global late
    late = 1
    return late


def implicit_chain():
    def a():
        def b():
            def c():
                return deep
            deep = 1
            return c
        return b
    return a


lam = lambda p, *q, r=g, **s: (p, q, r, s, g, lam)
f = lambda: (lambda: (lambda: g))


def params_everywhere(pos, /, reg=lambda r: r, *, kwonly=lambda k=g: k):
    return pos, reg, kwonly


def with_try():
    try:
        pass
    except (ValueError, OSError) as exc:
        exc2 = exc
    else:
        elsevar = 1
    finally:
        fin = 1
    with open(osp) as fh, open(fh) as (fa, fb):
        pass
    for i, (j, *k) in enumerate(()):
        pass
    else:
        after = i
    while cond():
        break
    assert after, exc2
    raise ValueError from fin


def deletes():
    global gdel
    del gdel, local_del
    local_del = 1
    (a, b), [c, *d] = e = f(*g, **h)
    a.attr, b[c], d[1:2:3] = 1, 2, 3
    x: int
    y: "str" = 1
    z.w: int = 2
    (u): float
    (v): float = 1
    x += 1
    return x, y, z, u, v


def top():
    # The symtable module treats a block named "top" as module scope.
    bound = 1
    return bound, unbound


def generator():
    yield 1
    yield from gen2()
    return 3


async def coro():
    await x
    async for i in aiter():
        pass
    async with ctx() as c:
        pass
    return [j async for j in c]


def starred(*, kw):
    print(*kw, **kw)
    f"{kw!r:>{width}} {kw:{fill}{align}}"
    return {**kw, 'a': kw}, {*kw}, kw[...], kw if kw else -kw, not kw, kw < 1 <= 2
