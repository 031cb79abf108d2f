# Descriptors: property, classmethod, staticmethod, custom descriptors, __set_name__, __slots__.
class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @x.deleter
    def x(self):
        print("deleting")
        self._x = None
    ro = property(lambda self: "ro")

p = P()
p.x = 5
print(p.x, P.x.__doc__, type(P.x).__name__)
del p.x
print(p.x)
for action in ["set", "del"]:
    try:
        if action == "set":
            p.ro = 1
        else:
            del p.ro
    except AttributeError as e:
        print("AttributeError:", e)
empty = property()
class Q:
    e = empty
try:
    Q().e
except AttributeError as e:
    print("AttributeError:", e)
print(P.x.fget.__name__, P.x.fset.__name__, P.ro.fset, property.__isabstractmethod__.__class__.__name__)

class C:
    count = 0
    @classmethod
    def make(cls, n):
        return (cls.__name__, n)
    @staticmethod
    def add(a, b):
        return a + b
class D(C):
    pass
print(C.make(1), D.make(2), D().make(3), C.add(1, 2), C().add(3, 4))
print(type(C.__dict__["make"]).__name__, C.__dict__["add"].__func__ is C.add)
print(C.__dict__["make"].__wrapped__.__name__, C.__dict__["add"].__isabstractmethod__)
print(staticmethod(len)("abc"))

class Data:
    def __get__(self, obj, owner):
        return ("Data.get", obj is None, owner.__name__)
    def __set__(self, obj, value):
        print("Data.set", value)
    def __delete__(self, obj):
        print("Data.delete")
class NonData:
    def __get__(self, obj, owner):
        return "NonData.get"
class Holder:
    d = Data()
    n = NonData()
h = Holder()
h.__dict__["d"] = "instance d"
h.__dict__["n"] = "instance n"
print(h.d, h.n, Holder.d, Holder.n)
h.d = 1
del h.d
h.n = 2
print(h.n)

class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner):
        return self.name
class Uses:
    alpha = Named()
    beta = Named()
print(Uses().alpha, Uses.beta)

class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("boom")
try:
    class Bad:
        b = Boom()
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))

class S:
    __slots__ = ("a", "b")
s = S()
s.a = 1
print(s.a, type(S.a).__name__, S.__slots__)
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    del s.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.__dict__
except AttributeError as e:
    print("AttributeError:", e)
class S2(S):
    pass
s2 = S2()
s2.c = 3
s2.a = 4
print(s2.__dict__, s2.a)
class Priv:
    __slots__ = ("__p",)
    def set(self, v):
        self.__p = v
        return self.__p
print(Priv().set(7), "_Priv__p" in Priv.__dict__)
for slots in [("a b",), ("__dict__", "__dict__"), (1,)]:
    try:
        class Z:
            __slots__ = slots
    except TypeError as e:
        print("TypeError:", e)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)
