# assigning and deleting dunders on classes after creation updates behaviour (slots follow the dict)
class A:
    pass
a = A()
A.__len__ = lambda self: 3
A.__add__ = lambda self, o: ("add", o)
A.__getitem__ = lambda self, k: k * 2
A.__iter__ = lambda self: iter([1, 2])
A.__bool__ = lambda self: False
A.__repr__ = lambda self: "A!"
A.__eq__ = lambda self, o: True
A.__hash__ = lambda self: 7
A.__call__ = lambda self, *x: ("call", x)
A.__contains__ = lambda self, x: x == "in"
print(len(a), a + 1, a[4], list(a), bool(a), repr(a), a == 5, hash(a), a(1), "in" in a, "out" in a)
class B(A):
    pass
b = B()
print(len(b), repr(b))
del A.__len__
try:
    len(b)
except TypeError as e:
    print(type(e).__name__, e)
del A.__repr__
print(repr(b)[:10])
B.__add__ = lambda self, o: "B.add"
print(b + 1, a + 1)
del A.__bool__
print(bool(a))
A.__hash__ = None
try:
    hash(a)
except TypeError as e:
    print(type(e).__name__, e)
A.__radd__ = lambda self, o: ("radd", o)
print(1 + a)
A.__getattr__ = lambda self, name: "dyn:" + name
print(a.whatever, b.other)
A.__setattr__ = lambda self, name, v: object.__setattr__(self, name, str(v) + "!")
a.q = 1
print(a.q)
del A.__setattr__
a.q = 2
print(a.q)
A.__init__ = lambda self, v=0: setattr(self, "v", v)
print(A(5).v, B(6).v)
A.__lt__ = lambda self, o: True
print(a < 1, sorted([B(), A()], key=lambda x: 0) is not None)
A.__index__ = lambda self: 2
print([10, 20, 30][a], hex(a), bin(b))
A.__enter__ = lambda self: "entered"
A.__exit__ = lambda self, *e: True
with a as val:
    print(val)
A.__format__ = lambda self, spec: "fmt:" + spec
print(format(a, "x"), f"{b:yy}")
A.__neg__ = lambda self: "neg"
print(-a, -b)
A.__iadd__ = lambda self, o: "iadd"
x = a
x += 1
print(x)
try:
    int.__add__ = None
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__len__ = lambda s: 0
except TypeError as e:
    print(type(e).__name__, e)
