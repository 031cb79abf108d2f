# dir() of objects, classes, metaclasses, modules and __dir__
class M(type):
    def meta_method(cls): pass
class A(metaclass=M):
    a = 1
    def f(self): pass
class B(A):
    b = 2
    def __init__(self):
        self.z = 1
        self.y = 2
print(dir(A))
print(dir(B()))
print(dir(M)[-5:], "meta_method" in dir(A), "mro" in dir(A))
class D:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(D()))
class E:
    def __dir__(self):
        return ("x", "y")
print(dir(E()))
class Bad:
    def __dir__(self):
        return 5
try:
    dir(Bad())
except TypeError as e:
    print(type(e).__name__, e)
print(dir(1)[:5], len(dir(int)), len(dir(object)), dir(object)[-3:])
print(dir(None)[:3], len(dir(type)), dir(type)[-6:])

print(len(dir(__builtins__)) > 100, dir(__builtins__)[:3])
def f(): pass
f.attr = 1
print(dir(f)[-3:], "attr" in dir(f))
def g():
    x = 1
    y = 2
    print(dir())
g()
print([n for n in dir() if not n.startswith("_")])
try:
    dir(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(dir([])[-5:], dir({})[-3:])
class Slots:
    __slots__ = ("p", "q")
print([n for n in dir(Slots()) if not n.startswith("__")])
