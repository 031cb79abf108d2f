# Async generators (asend/athrow/aclose), async for over __aiter__, coroutine wrappers.
class Aw:
    def __await__(self):
        return (yield 'tick')
async def agen():
    try:
        yield 1
        await Aw()
        yield 2
    finally:
        print('agen finally')
def drive(coro):
    try:
        v = coro.send(None)
        while True:
            v = coro.send('resumed')
    except StopIteration as e:
        return e.value
async def main():
    g = agen()
    print(await g.asend(None))
    print(await g.__anext__())
    try:
        await g.athrow(ValueError('x'))
    except ValueError as e:
        print('athrow raised', e)
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('exhausted')
    return 'main done'
print(drive(main()))
async def agen2():
    yield 1
    yield 2
async def main2():
    g = agen2()
    r = [v async for v in g]
    await g.aclose()
    return r
print(drive(main2()))
async def raiser():
    raise KeyError('in coro')
async def catcher():
    try:
        await raiser()
    except KeyError as e:
        return 'caught ' + str(e)
print(drive(catcher()))
class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i
async def main3():
    return [x async for x in AIter()]
print(drive(main3()))
async def aw():
    return 5
c = aw()
w = c.__await__()
try:
    next(w)
except StopIteration as e:
    print('wrapper', e.value)
async def nested():
    async def inner():
        return [await aw() for _ in range(2)]
    return await inner()
print(drive(nested()))
def g3():
    x = yield
    while True:
        x = yield x * 2
gg = g3(); next(gg)
print(gg.send(3), gg.send(4))
gg.close()
print(gg.gi_frame)
try:
    gg.send(1)
except StopIteration:
    print('closed gen stop')
