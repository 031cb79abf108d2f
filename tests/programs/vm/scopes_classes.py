# Class bodies and scopes: __class__ cells, metaclasses, descriptors, properties, protocols.
class Meta(type):
    def __new__(m, name, bases, ns):
        cls = super().__new__(m, name, bases, ns)
        return cls
class A(metaclass=Meta):
    def f(self):
        return __class__.__name__
    def g(self):
        def inner():
            return __class__
        return inner()
print(A().f(), A().g() is A)
class B:
    x = 1
    def m(self):
        return self.x
    y = [x]
    z = (lambda: 5)()
print(B().m(), B.y, B.z)
def outer():
    v = 'outer'
    class C:
        w = v
        def get(self):
            return v
    return C
print(outer().w, outer()().get())
def scope():
    x = 1
    class D:
        x = 2
        y = x
        def f(self):
            return x
    return D.y, D().f()
print(scope())
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try:
    raise E('msg', 2)
except E as e:
    print(e, e.b, e.args)
try:
    class Bad:
        raise TypeError('in body')
except TypeError as e:
    print('body error', e)
print(type('T', (), {'a': 1}).a)
def make():
    return [lambda: i for i in range(3)]
print([f() for f in make()])
a = [1, 2, 3]
print(a.pop(), a, len(a), max(a, key=lambda v: -v))
print(dict(a=1, **{'b': 2}), sorted([3, 1], reverse=True))
x = 5
def shadow():
    return [x for x in range(2)], x
print(shadow())
class Prop:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val * 2
p = Prop(); p.v = 3; print(p.v)
class Desc:
    def __get__(self, obj, typ): return 'desc'
class HasDesc:
    d = Desc()
print(HasDesc().d, HasDesc.d)
class Cnt:
    n = 0
    def __init__(self):
        Cnt.n += 1
for _ in range(3): Cnt()
print(Cnt.n)
class Callable:
    def __call__(self, *a, **k): return a, k
print(Callable()(1, b=2))
class It:
    def __iter__(self): return iter([1, 2])
print(list(It()), [*It()])
class GI:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
print(list(GI()))
class Ctx:
    def __enter__(self): raise ValueError('enter fail')
    def __exit__(self, *a): print('not called')
try:
    with Ctx(): pass
except ValueError as e:
    print(e)
