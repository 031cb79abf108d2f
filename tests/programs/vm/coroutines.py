# Coroutines and async generators driven by send(), without an event loop.
import types

class Sleep:
    def __await__(self):
        v = yield 'sleeping'
        return v

async def child(x):
    r = await Sleep()
    return x + r

async def parent():
    a = await child(1)
    b = await child(10)
    return a + b

co = parent()
print(co.send(None))
print(co.send(100))
try:
    co.send(1000)
except StopIteration as e:
    print('result', e.value)
try:
    co.send(None)
except RuntimeError as e:
    print(e)

async def agen():
    for i in range(3):
        await Sleep()
        yield i

async def consume():
    out = []
    async for v in agen():
        out.append(v)
    return out

c = consume()
r = c.send(None)
while True:
    try:
        r = c.send(0)
    except StopIteration as e:
        print('async for', e.value)
        break

class CM:
    async def __aenter__(self):
        print('enter')
        return self
    async def __aexit__(self, *a):
        print('exit', a[0])
        return False

async def use():
    async with CM() as m:
        print('inside', type(m).__name__)
    return 'ok'
try:
    use().send(None)
except StopIteration as e:
    print(e.value)

async def f():
    return 1
cf = f()
print(type(cf).__name__, cf.cr_running, cf.__name__)
try:
    cf.send(None)
except StopIteration as e:
    print(e.value)

@types.coroutine
def old_style():
    yield 'x'
async def uses_old():
    await old_style()
u = uses_old()
print(u.send(None))
u.close()
async def bad_await():
    await 1
try:
    bad_await().send(None)
except TypeError as e:
    print(e)
