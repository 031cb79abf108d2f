# assigning __bases__ and __class__
class A:
    def f(self): return "A.f"
class B:
    def f(self): return "B.f"
    def g(self): return "B.g"
class C(A):
    pass
c = C()
print(c.f(), C.__bases__, C.__mro__)
C.__bases__ = (B,)
print(c.f(), c.g(), C.__bases__, C.__mro__)
C.__bases__ = (A, B)
print(c.f(), c.g(), C.__mro__)
for bad in [(), (int,), (C,), 1, (1,)]:
    try:
        C.__bases__ = bad
    except TypeError as e:
        print(type(e).__name__, e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print(type(e).__name__, e)
class D(C): pass
try:
    C.__bases__ = (D,)
except TypeError as e:
    print(type(e).__name__, e)
a = A()
a.__class__ = B
print(type(a).__name__, a.f(), a.g(), isinstance(a, B))
for bad in [int, 1, type]:
    try:
        a.__class__ = bad
    except TypeError as e:
        print(type(e).__name__, e)
class S1:
    __slots__ = ("x",)
class S2:
    __slots__ = ("x",)
class S3:
    __slots__ = ("y",)
s = S1()
s.__class__ = S2
print(type(s).__name__)
try:
    s.__class__ = S3
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(type(e).__name__, e)
class L(list): pass
class L2(list): pass
l = L([1])
l.__class__ = L2
print(type(l).__name__, l)
try:
    l.__class__ = list
except TypeError as e:
    print(type(e).__name__, e)
C.__name__ = "Renamed"
print(C.__name__, C.__qualname__, repr(C)[-10:])
try:
    C.__name__ = 3
except TypeError as e:
    print(type(e).__name__, e)
C.__qualname__ = "Q.R"
print(C.__qualname__, C)
