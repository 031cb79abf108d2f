# descriptors, property (getter/setter/deleter, __set_name__), classmethod/staticmethod wrapping
class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)
class A:
    x = Typed()
    y = Typed()
a = A()
print(a.x, type(A.x).__name__)
a.x = 5
print(a.x, a.__dict__)
try:
    a.y = "s"
except TypeError as e:
    print(type(e).__name__, e)
del a.x
print(a.x)
class NonData:
    def __get__(self, obj, typ):
        return ("nondata", obj is None, typ.__name__)
class B:
    nd = NonData()
b = B()
print(b.nd, B.nd)
b.nd = "shadow"
print(b.nd)
class P:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        "the v"
        return self._v
    @v.setter
    def v(self, val):
        self._v = val * 2
    @v.deleter
    def v(self):
        print("deleting v")
        del self._v
    ro = property(lambda self: "ro")
p = P()
p.v = 4
print(p.v, P.v.__doc__, type(P.v).__name__, P.v.fget.__name__, P.v.fset.__name__)
del p.v
try:
    p.v
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.ro = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.ro
except AttributeError as e:
    print(type(e).__name__, e)
class NoGet:
    w = property(None, lambda s, v: None)
try:
    NoGet().w
except AttributeError as e:
    print(type(e).__name__, e)
prop = property(doc="hello")
print(prop.__doc__, prop.fget, property().__isabstractmethod__)
class Sub(P):
    @P.v.getter
    def v(self):
        return "sub " + str(self._v)
s = Sub()
s.v = 3
print(s.v)
class CM:
    @classmethod
    def c(cls, *a):
        return cls.__name__, a
    @staticmethod
    def s(*a):
        return a
    @classmethod
    @property
    def cp(cls):
        return "classprop " + cls.__name__
print(CM.c(1), CM().c(2), CM.s(3), CM().s(4), CM.cp)
cm = CM.__dict__["c"]
sm = CM.__dict__["s"]
print(type(cm).__name__, type(sm).__name__, cm.__func__.__name__, sm.__func__.__name__, sm(5))
print(cm.__wrapped__ is cm.__func__, sm.__wrapped__ is sm.__func__, cm.__isabstractmethod__)
print(CM.c.__self__.__name__, CM.s.__name__, CM.c.__name__, CM.c.__qualname__, sm.__qualname__)
def plain(*a): return a
bound = plain.__get__(5)
print(bound(), type(bound).__name__, bound.__self__, bound.__func__ is plain)
print(classmethod(plain).__get__(None, int)(), staticmethod(plain).__get__(1)(2))
try:
    classmethod(5)(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    CM.__dict__["c"](1)
except TypeError as e:
    print(type(e).__name__, e)
class Slotted:
    __slots__ = ("a",)
print(type(Slotted.a).__name__, Slotted.a.__name__, Slotted.a.__objclass__.__name__)
sl = Slotted()
try:
    sl.a
except AttributeError as e:
    print(type(e).__name__, e)
class GetOnlyDataDesc:
    def __get__(self, o, t): return "from descr"
    def __set__(self, o, v): raise AttributeError("read only!")
class C2:
    d = GetOnlyDataDesc()
c2 = C2()
c2.__dict__["d"] = "instance"
print(c2.d)
try:
    c2.d = 1
except AttributeError as e:
    print(type(e).__name__, e)
class SetNameErr:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)
try:
    class Host:
        attr = SetNameErr()
except ValueError as e:
    print(type(e).__name__, e, e.__notes__ if hasattr(e, "__notes__") else "")
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
print(property.__get__(P.v, None, P) is P.v)
