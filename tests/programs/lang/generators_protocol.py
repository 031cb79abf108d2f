# generators: send, throw, close, yield from, return values, errors
def g():
    x = yield 1
    print("got", x)
    try:
        y = yield 2
    except ValueError as e:
        print("caught", e)
        y = yield 3
    finally:
        print("finally")
    return y
it = g()
print(next(it), it.send("a"), it.throw(ValueError("v")))
try:
    it.send("last")
except StopIteration as e:
    print("stop", e.value, e.args)
try:
    next(it)
except StopIteration as e:
    print("again", e.value)
it = g()
try:
    it.send(5)
except TypeError as e:
    print(type(e).__name__, e)
next(it)
it.close()
print(it.gi_frame, it.gi_running)
def closer():
    try:
        yield 1
    except GeneratorExit:
        yield 2
c = closer()
next(c)
try:
    c.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def sub():
    r = yield "s1"
    print("sub got", r)
    yield "s2"
    return "sub-ret"
def outer():
    v = yield from sub()
    print("v", v)
    w = yield from [10, 20]
    print("w", w)
    return "done"
o = outer()
print(list(o))
o = outer()
print(next(o), o.send("X"), next(o), next(o))
def thrower():
    try:
        yield from sub()
    except KeyError as e:
        print("outer caught", repr(e))
        yield "after"
t = thrower()
next(t)
print(t.throw(KeyError("k")))
print(t.throw(StopIteration) if False else "skip")
def se():
    yield 1
    raise StopIteration("bad")
try:
    list(se())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def running():
    yield it2.send(None)
it2 = running()
try:
    next(it2)
except ValueError as e:
    print(type(e).__name__, e)
gen = (x * x for x in range(3))
print(gen.__name__, gen.__qualname__ if False else "", list(gen), list(gen))
def ret():
    return 5
    yield
try:
    next(ret())
except StopIteration as e:
    print("value", e.value)
def th():
    yield 1
x = th()
try:
    x.throw(TypeError, "msg")
except TypeError as e:
    print(type(e).__name__, e)
try:
    x.throw(TypeError("m2"))
except TypeError as e:
    print(type(e).__name__, e)
try:
    th().throw(1)
except TypeError as e:
    print(type(e).__name__, e)
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
f = fin()
next(f)
f.close()
f.close()
def gexit():
    try:
        yield
    except GeneratorExit:
        print("gexit")
        raise
z = gexit(); next(z); z.close()
def delegating():
    r = yield from gexit()
d = delegating(); next(d); d.close()
def yfret():
    x = yield from iter([1, 2])
    print("x is", x)
print(list(yfret()))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 2: raise StopIteration(42)
        return self.i
def yfit():
    r = yield from It()
    print("r", r)
print(list(yfit()))
def gen_send_none():
    while True:
        v = yield
        if v is None: break
        print("v", v)
s = gen_send_none(); next(s); s.send(1); s.send(2)
try: s.send(None)
except StopIteration: print("stopped")
print(repr(th())[:24], type(th()).__name__)
