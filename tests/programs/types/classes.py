# Classes: creation, attributes, MRO, type(), isinstance/issubclass, creation errors.
class A:
    x = 1
    def f(self):
        return "A.f"

class B(A):
    def f(self):
        return "B.f"

class C(A):
    y = 2

class D(B, C):
    pass

print(D.__mro__)
print([k.__name__ for k in D.mro()])
print(D.__bases__, D.__base__, A.__bases__)
print(D().f(), D.x, D.y)
d = D()
d.z = 3
print(d.__dict__, d.z, d.x)
d.x = 10
print(d.x, D.x, A.x)
del d.x
print(d.x)
print(type(d) is D, type(D) is type, type(type) is type)
print(isinstance(d, A), isinstance(d, (int, C)), isinstance(d, int), issubclass(D, (int, A)))
print(issubclass(bool, int), issubclass(D, D), issubclass(A, D))

class Outer:
    class Inner:
        def m(self):
            pass
print(Outer.Inner.__name__, Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)
print(Outer.Inner.__module__, repr(Outer.Inner))
print(A.__doc__, A.__dict__["x"], "f" in A.__dict__, "__module__" in A.__dict__)

class Doc:
    "docstring"
print(Doc.__doc__)

T = type("T", (A,), {"y": 5, "g": lambda self: "T.g"})
t = T()
print(T.__name__, T.__mro__, t.g(), t.f(), t.y)
print(type(1), type("s"), type(None), type(T))

for bases in [(A, A), (bool,), (A, B), (int, str)]:
    try:
        type("X", bases, {})
    except TypeError as e:
        print("TypeError:", e)

class M1(type): pass
class M2(type): pass
class P(metaclass=M1): pass
class Q(metaclass=M2): pass
try:
    class R(P, Q): pass
except TypeError as e:
    print("TypeError:", e)

class O1: pass
class O2: pass
class X1(O1, O2): pass
class X2(O2, O1): pass
try:
    class Y(X1, X2): pass
except TypeError as e:
    print("TypeError:", e)

try:
    type("Z", (), {}, extra=1)
except TypeError as e:
    print("TypeError:", e)
for args in [(1,), (1, 2), ("n", 1, {}), ("n", (), 1), (1, (), {})]:
    try:
        type(*args)
        print("ok", args)
    except TypeError as e:
        print("TypeError:", e)

class E: pass
try:
    E(1)
except TypeError as e:
    print("TypeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)

class WithInit:
    def __init__(self, a):
        self.a = a
w = WithInit(4)
print(w.a)
try:
    object.__init__(w, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    WithInit()
except TypeError as e:
    print("TypeError:", e)

class NewOnly:
    def __new__(cls, *args):
        o = super().__new__(cls)
        o.args = args
        return o
print(NewOnly(1, 2).args)

class InitReturns:
    def __init__(self):
        return 1
try:
    InitReturns()
except TypeError as e:
    print("TypeError:", e)

class NotMine:
    def __new__(cls):
        return 42
print(NotMine())
print(A.__subclasses__())
print(sorted(n for n in dir(D) if not n.startswith("__")))
print(object.__subclasshook__(), A.__name__, A.__flags__ & (1 << 9) != 0)
A.__name__ = "Renamed"
A.__qualname__ = "Q.Renamed"
print(A.__name__, A, D.__mro__[-2])
print(type(D.__dict__).__name__, D.__dict__["__module__"], "f" in B.__dict__)
try:
    D.__dict__["q"] = 1
except TypeError as e:
    print("TypeError:", e)
