# class bodies: namespace, __qualname__, __module__, docstrings, nested classes, __init_subclass__ order
class Outer:
    "Outer doc"
    x = 1
    y = x + 1
    class Inner:
        def m(self): pass
    def method(self): pass
    items = [i for i in range(3)]
    del x
print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, Outer.method.__qualname__)
print(Outer.__doc__, Outer.__module__, hasattr(Outer, "x"), Outer.y, Outer.items)
print(sorted(k for k in Outer.__dict__ if not k.startswith("__")))
def factory():
    class Local:
        pass
    return Local
print(factory().__qualname__, factory() is factory())
class Empty: pass
print(Empty.__doc__, Empty.__bases__, Empty.__name__, type(Empty.__dict__).__name__)
class WithAnn:
    a: int
    b: str = "s"
print(WithAnn.__annotations__, WithAnn.b, hasattr(WithAnn, "a"))
class ClassVarLoop:
    total = 0
    for i in range(4):
        total += i
print(ClassVarLoop.total, ClassVarLoop.i)
class Cond:
    if True:
        branch = "yes"
    else:
        branch = "no"
    try:
        1 / 0
    except ZeroDivisionError:
        handled = True
print(Cond.branch, Cond.handled)
class Ret:
    def __repr__(self): return "Ret()"
    __str__ = lambda self: "str of Ret"
print(repr(Ret()), str(Ret()), f"{Ret()}", [Ret()])
class Callable:
    def __init__(self, v): self.v = v
    __call__ = lambda self, x: self.v + x
print(Callable(1)(2))
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
a, b = Counter(), Counter()
print(a.id, b.id, Counter.count, a.count)
a.count = 100
print(a.count, b.count, Counter.count)
class Shadow:
    def f(self): return "method"
s = Shadow()
s.f = lambda: "instance attr"
print(s.f(), Shadow.f(s))
class Init:
    def __init__(self, a, b=2, *args, c, **kw):
        self.vals = (a, b, args, c, kw)
print(Init(1, c=3).vals, Init(1, 2, 3, 4, c=5, d=6).vals)
for args, kw in [((), {}), ((1,), {}), ((1,), {"c": 1, "a": 2})]:
    try:
        Init(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)
class NoInit: pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
class NewOnly:
    def __new__(cls, *a):
        o = super().__new__(cls)
        o.a = a
        return o
print(NewOnly(1, 2).a)
class InitReturns:
    def __init__(self): return 5
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)
class NewReturnsOther:
    def __new__(cls): return 42
    def __init__(self): print("never")
print(NewReturnsOther())
print(type(Outer.method).__name__, type(Outer().method).__name__, Outer().method.__self__.__class__.__name__)
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
print(Eq(1) == Eq(1), Eq(1) != Eq(2), Eq.__hash__ is None)
class Doc:
    """Multi
    line"""
print(repr(Doc.__doc__))
class Meta(type):
    def __repr__(cls): return f"<Meta class {cls.__name__}>"
class M(metaclass=Meta): pass
print(M, repr(M), [M])
print(Outer.__dict__["method"].__name__, "__weakref__" in Outer.__dict__, "__dict__" in Outer.__dict__)
class Prop:
    def __init__(self): self._x = 0
    x = property(lambda s: s._x, lambda s, v: setattr(s, "_x", v))
p = Prop(); p.x = 5
print(p.x, vars(p))
