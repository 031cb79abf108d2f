# tests/parse/comprehensions.py -- list/set/dict comprehensions, generators, async forms.
[x for x in y]
[x for x in y if x if not x]
[(x, y) for x in a for y in b if x != y]
{x for x in y}
{k: v for k, v in d.items()}
(x for x in y)
[x for x, in y]
[x for *a, b in c]
[[y for y in x] for x in z]
[x := 1 for _ in y] if 0 else 0
async def f():
    [x async for x in y]
    {x: y async for x, y in z if await x}
    (await x for x in y)
    [x for x in await y]
    await f(x)
    async for a in b:
        pass
    else:
        pass
    async with a as b, c:
        pass
sum(x * x for x in range(10))
dict((a, b) for a, b in x)
[lambda: x for x in y]
