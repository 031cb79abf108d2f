# Coroutines, async generators, async for/with and generators.
async def fetch(session, urls):
    async with session as s:
        async for u in s.get(urls):
            await u
    return [await v async for v in s]

async def agen():
    yield 1
    await fetch(None, [])

def gen():
    x = yield 1
    yield from range(x)
