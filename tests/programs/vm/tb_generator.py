# traceback through a generator and yield from
def inner():
    yield 1
    raise IndexError("deep")
def outer():
    yield from inner()
for v in outer():
    print(v)
