# coroutines and async generators driven by hand (no asyncio): await, async for, async with
class Future:
    def __init__(self, v): self.v = v
    def __await__(self):
        got = yield ("suspend", self.v)
        return got
async def add(a, b):
    x = await Future(a)
    y = await Future(b)
    return x + y
def run(coro, feed=lambda req: req[1] * 10):
    try:
        req = coro.send(None)
        while True:
            req = coro.send(feed(req))
    except StopIteration as e:
        return e.value
print(run(add(1, 2)))
class AIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return await Future(self.i)
async def consume():
    out = []
    async for v in AIter(3):
        out.append(v)
    else:
        out.append("else")
    return out
print(run(consume()))
class ACM:
    async def __aenter__(self):
        print("aenter")
        return await Future("ctx")
    async def __aexit__(self, t, v, tb):
        print("aexit", t.__name__ if t else None)
        return True
async def use_cm():
    async with ACM() as c:
        print("inside", c)
        raise ValueError("swallowed")
    return "after"
print(run(use_cm()))
async def agen(n):
    for i in range(n):
        got = yield i
        if got:
            print("agen got", got)
async def use_agen():
    res = [v async for v in agen(3)]
    g = agen(2)
    first = await g.__anext__()
    second = await g.asend("hello")
    try:
        await g.__anext__()
    except StopAsyncIteration:
        res.append("stop")
    return res, first, second
print(run(use_agen()))
async def comp():
    return [await Future(i) for i in range(3)], {i: await Future(i) for i in range(2)}
print(run(comp()))
async def raiser():
    await Future(0)
    raise KeyError("inside coro")
try:
    run(raiser())
except KeyError as e:
    print(type(e).__name__, e)
c = add(1, 2)
print(type(c).__name__, c.cr_code.co_name, c.__name__, c.__qualname__)
c.send(None)
try:
    c.throw(RuntimeError("thrown in"))
except RuntimeError as e:
    print("throw:", e)
c2 = add(1, 1)
c2.close()
try:
    c2.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
async def noawait():
    return 5
c3 = noawait()
print(run(c3))
try:
    c3.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
class BadAwait:
    def __await__(self): return 5
async def bad():
    await BadAwait()
try:
    run(bad())
except TypeError as e:
    print(type(e).__name__, e)
async def await_int():
    await 5
try:
    run(await_int())
except TypeError as e:
    print(type(e).__name__, e)
async def bad_for():
    async for x in [1, 2]:
        pass
try:
    run(bad_for())
except TypeError as e:
    print(type(e).__name__, e)
async def bad_with():
    async with object():
        pass
try:
    run(bad_with())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
ag = agen(1)
print(type(ag).__name__, ag.__name__, type(ag.__aiter__()).__name__, ag.ag_running)
async def inner_gen():
    yield 1
    yield 2
async def gen_return_value():
    total = 0
    async for v in inner_gen():
        total += v
    return total
print(run(gen_return_value()))
