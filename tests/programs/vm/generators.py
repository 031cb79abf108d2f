# Generators: send/throw/close, yield from, return values, StopIteration rules.
def gen():
    x = yield 1
    print("got", x)
    y = yield x * 2
    print("got", y)
    return "done"

g = gen()
print(next(g))
print(g.send(10))
try:
    g.send(20)
except StopIteration as e:
    print("stop", e.value)

def sub():
    r = yield 'a'
    yield r
    return 'sub-result'

def deleg():
    res = yield from sub()
    print('delegate got', res)
    yield 'end'

d = deleg()
print(next(d), d.send('b'), next(d))
print(list(deleg()))

def catcher():
    try:
        yield 1
    except ValueError as e:
        print('caught', e)
        yield 2
    finally:
        print('finally')

c = catcher()
next(c)
print(c.throw(ValueError('boom')))
c.close()

def closing():
    try:
        yield 1
    except GeneratorExit:
        print('exit')
        raise
c = closing()
next(c)
c.close()
print(c.gi_frame, c.gi_running)

def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as e:
    print(e)

def just():
    yield
j = just()
try:
    j.send(1)
except TypeError as e:
    print(e)

print(sum(x * x for x in range(10)))
print(type(gen()).__name__, gen().__name__, gen().__qualname__)
def ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ignore()
next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)
gy = deleg()
next(gy)
print(type(gy.gi_yieldfrom).__name__)
