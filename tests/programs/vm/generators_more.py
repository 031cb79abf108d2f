# Generators with finally/with/throw, super(), nonlocal, attribute-heavy loops.
def g():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
def inner_gen():
    try:
        yield 'a'
    except KeyError as e:
        yield 'caught ' + str(e)
def outer_gen():
    r = yield from inner_gen()
    yield r
o = outer_gen()
print(next(o), o.throw(KeyError('k')), next(o))
class A:
    def f(self):
        return 'A.f'
class B(A):
    def f(self):
        return 'B.f>' + super().f()
    def g(self):
        s = super()
        return [s.f() for _ in range(1)]
print(B().f(), B().g())
def counter():
    c = 0
    def inc(step=1):
        nonlocal c
        c += step
        return c
    def get():
        return c
    return inc, get
inc, get = counter()
inc(); inc(5)
print(get())
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
def gen_ret():
    yield 1
    return 5
def wrap():
    v = yield from gen_ret()
    return v * 2
w = wrap()
next(w)
try:
    next(w)
except StopIteration as e:
    print('ret', e.value)
class Ctx:
    def __enter__(self): return self
    def __exit__(self, *a):
        print('exit', a[0] is not None)
        return True
def genwith():
    with Ctx():
        yield 1
        raise ValueError
    yield 2
print(list(genwith()))
try:
    raise ValueError('x')
except (TypeError, ValueError) as e:
    print('tuple match', e)
def f():
    try:
        return 1
    finally:
        print('f finally')
print(f())
def nested():
    try:
        try:
            raise KeyError('a')
        finally:
            print('inner finally')
    except KeyError as e:
        print('outer caught', e)
nested()
items = []
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    items.append(a * b + i)
print(items)
class WithSlots:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1; self.y = 2
ws = WithSlots()
print(ws.x + ws.y)
class Obj: pass
o = Obj()
for i in range(100):
    o.a = i
    o.b = o.a + 1
print(o.a, o.b, o.__dict__)
def loop_calls():
    t = 0
    for i in range(1000):
        t += len([i])
    return t
print(loop_calls())
print([m for m in dir(o) if not m.startswith('__')])
print(getattr(o, 'zz', 'default'))
try:
    o.zz
except AttributeError as e:
    print(e)
lst = [3, 1, 2]
lst.sort()
print(lst, lst.index(2), 'abc'.upper())
print(type(g()).__name__)
