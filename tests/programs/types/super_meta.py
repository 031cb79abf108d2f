# super(), metaclasses, __init_subclass__, __class_getitem__, __instancecheck__, mro().
class A:
    def f(self):
        return ["A"]
    @classmethod
    def c(cls):
        return ["A.c", cls.__name__]
class B(A):
    def f(self):
        return ["B"] + super().f()
    @classmethod
    def c(cls):
        return ["B.c"] + super().c()
class C(A):
    def f(self):
        return ["C"] + super().f()
class D(B, C):
    def f(self):
        return ["D"] + super().f()
print(D().f(), D.c())
print(super(B, D()).f(), super(C, D).f(D()))
print(super(D).__thisclass__, super(D).__self__, super(D, D()).__self_class__)
try:
    super(D, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    super(1, 2)
except TypeError as e:
    print("TypeError:", e)
def no_class():
    return super()
try:
    no_class()
except RuntimeError as e:
    print("RuntimeError:", e)
class E(A):
    def f(self):
        return super().missing
try:
    E().f()
except AttributeError as e:
    print("AttributeError:", e)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("Meta.__prepare__", name, kw)
        return {"injected": 1}
    def hello(cls):
        return "hello from " + cls.__name__
class WithMeta(metaclass=Meta, flag=True):
    def method(self):
        return "m"
print(type(WithMeta).__name__, WithMeta.injected, WithMeta.hello(), WithMeta().method())
class Child(WithMeta):
    pass
print(type(Child).__name__)
try:
    Child().hello
except AttributeError as e:
    print("AttributeError:", e)

class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append((cls.__name__, tag))
class S1(Base, tag="one"): pass
class S2(S1): pass
print(Base.registry)
try:
    class S3(Base, bogus=1): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class S4(bogus=1): pass
except TypeError as e:
    print("TypeError:", e)

class Box:
    def __class_getitem__(cls, item):
        return ("Box", item)
print(Box[int], Box["x"])
try:
    int[0]
except TypeError as e:
    print("TypeError:", e)
print(type[int])

class AnyMeta(type):
    def __instancecheck__(cls, obj):
        return True
    def __subclasscheck__(cls, sub):
        return sub is int
class Anything(metaclass=AnyMeta): pass
print(isinstance(3, Anything), isinstance("x", (Anything, int)), issubclass(int, Anything), issubclass(str, Anything))

class ReverseMeta(type):
    def mro(cls):
        return [cls] + [b for b in reversed(super().mro()[1:])]
class R1: pass
class R2(R1, metaclass=ReverseMeta): pass
print(R2.__mro__)

class Counter(type):
    created = 0
    def __call__(cls, *a, **k):
        Counter.created += 1
        return super().__call__(*a, **k)
class Counted(metaclass=Counter):
    def __init__(self, x=0):
        self.x = x
Counted(); Counted(x=2)
print(Counter.created, Counted(5).x)
class WithClassCell:
    def get(self):
        return __class__
print(WithClassCell().get() is WithClassCell)
