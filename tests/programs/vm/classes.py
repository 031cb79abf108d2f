# Class creation: __build_class__, metaclasses, __prepare__, __init_subclass__, super().
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
    def __new__(mcs, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')))
        return super().__new__(mcs, name, bases, ns)

class A(metaclass=Meta, flag=True):
    x = 1
print(A.injected, type(A).__name__)

class Base:
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, kw)
    def hello(self):
        return 'base hello'

class Child(Base, tag='t'):
    def hello(self):
        return 'child + ' + super().hello()
print(Child().hello())

class P:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'P({self.v})'
p = P(3)
print(p, p.v, P.__qualname__, P.__module__)
m = p.__repr__
print(type(m).__name__, m.__self__ is p)

class Slotted:
    __slots__ = ('a',)
s = Slotted()
s.a = 1
print(s.a)
def outer():
    class Inner:
        pass
    return Inner
print(outer().__qualname__)
try:
    class Bad(1, 2):
        pass
except TypeError as e:
    print(e)
