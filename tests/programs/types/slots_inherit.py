# __slots__ across inheritance: shadowing, __dict__ added later, weakref slots, class attribute conflicts, multiple bases
class A:
    __slots__ = ("a",)
class B(A):
    __slots__ = ("b",)
class C(B):
    pass
c = C()
c.a, c.b, c.c = 1, 2, 3
print(c.a, c.b, c.c, c.__dict__, [k for k in C.__dict__ if not k.startswith("__") or k in ("__dict__", "__weakref__")])
print(sorted(A.__dict__.keys() - object.__dict__.keys()), type(B.b).__name__, B.__slots__)
try:
    class AB(A, B): pass
except TypeError as e:
    print(type(e).__name__, e)
class X:
    __slots__ = ("x",)
class Y:
    __slots__ = ("y",)
try:
    class XY(X, Y): pass
except TypeError as e:
    print(type(e).__name__, e)
class E1:
    __slots__ = ()
class E2:
    __slots__ = ()
class E12(E1, E2):
    __slots__ = ("z",)
print(E12().__class__.__name__, hasattr(E12(), "__dict__"))
class Same(A):
    __slots__ = ("a",)
s = Same()
s.a = 5
try:
    print(s.a, A.a.__get__(s), Same.a is A.a)
except AttributeError as e:
    print(type(e).__name__, e)
class WithDictLater(A):
    __slots__ = ("__dict__",)
w = WithDictLater()
w.a = 1; w.other = 2
print(w.a, w.__dict__)
class Str(str):
    __slots__ = ()
print(Str("x"), hasattr(Str("x"), "__dict__"))
try:
    class BadTup(tuple):
        __slots__ = ("q",)
except TypeError as e:
    print(type(e).__name__, e)
class Deleter:
    __slots__ = ("v",)
d = Deleter()
d.v = 1
del d.v
try:
    del d.v
except AttributeError as e:
    print(type(e).__name__, e)
try:
    d.v
except AttributeError as e:
    print(type(e).__name__, e)
print(Deleter.v.__name__, Deleter.v.__qualname__ if hasattr(Deleter.v, "__qualname__") else "", repr(Deleter.v))
class Iterable:
    __slots__ = ["p", "q"]
print(Iterable.__slots__, sorted(k for k in Iterable.__dict__ if k in ("p", "q")))
class OneStr:
    __slots__ = "only"
print(OneStr.__slots__, type(OneStr.only).__name__)
