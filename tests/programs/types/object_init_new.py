# object.__new__/__init__ argument rules, __new__ returning other types, __init_subclass__ chains, generic aliases
class A: pass
for args in [(1,), (), ]:
    try:
        print(type(A(*args)).__name__)
    except TypeError as e:
        print(type(e).__name__, e)
class OnlyInit:
    def __init__(self, x): self.x = x
print(OnlyInit(5).x)
try:
    object.__new__(OnlyInit, 1)
    print("object.__new__ with extra args ok when __init__ overridden")
except TypeError as e:
    print(type(e).__name__, e)
class OnlyNew:
    def __new__(cls, x):
        o = object.__new__(cls)
        o.x = x
        return o
print(OnlyNew(3).x)
try:
    object.__init__(OnlyNew(1), 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__new__(str)
except TypeError as e:
    print(type(e).__name__, e)
class NewOther:
    def __new__(cls):
        return [1, 2]
    def __init__(self):
        raise AssertionError("not called")
print(NewOther())
class NewSub:
    def __new__(cls, sub=False):
        return super().__new__(Sub2 if sub else cls)
    def __init__(self, sub=False):
        print("init of", type(self).__name__)
class Sub2(NewSub): pass
print(type(NewSub(True)).__name__, type(NewSub()).__name__)
class Base:
    def __init_subclass__(cls, **kw):
        print("Base.__init_subclass__", cls.__name__, kw)
        super().__init_subclass__()
class Mid(Base, tag="m"):
    def __init_subclass__(cls, extra=None, **kw):
        print("Mid.__init_subclass__", cls.__name__, extra)
        super().__init_subclass__(**kw)
class Leaf(Mid, extra=1, tag="leaf"): pass
print(list[int], dict[str, list[int]], tuple[int, ...], list[int].__origin__, list[int].__args__, type(list[int]).__name__)
print(list[int]([1, 2]), list[int] == list[int], isinstance([], list), int | str, (int | None).__args__)
try:
    isinstance([], list[int])
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(1, int | str), issubclass(bool, int | None), type(int | str).__name__)
class Callable:
    def __call__(self, *a, **k): return ("called", a, k)
    @staticmethod
    def s(): return "static"
c = Callable()
print(c(1, k=2), Callable.s(), c.s(), callable(c), type(c).__call__(c, 3))
class Meta(type):
    def __call__(cls, *a, **kw):
        inst = super().__call__(*a, **kw)
        inst.via_meta = True
        return inst
class WithMeta(metaclass=Meta):
    def __init__(self, v): self.v = v
w = WithMeta(9)
print(w.v, w.via_meta, type(WithMeta).__name__, WithMeta.__class__.__name__)
class Abstract:
    def method(self):
        raise NotImplementedError("subclass must implement")
try:
    Abstract().method()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(A.__init__ is object.__init__, A.__new__ is object.__new__, OnlyInit.__init__.__qualname__, type(A.__init__).__name__, type(OnlyInit.__dict__["__init__"]).__name__)
print(type(object.__init_subclass__).__name__, type(object.__new__).__name__, A.__module__)
