# Reprs of descriptors and built-in methods, object's methods, class dicts and type attributes.
def strip(r):
    return r.split(" at 0x")[0] + (">" if " at 0x" in r else "")

print(list.__dict__["append"], dict.__dict__["fromkeys"], int.__dict__["__add__"])
print(object.__dict__["__class__"], type.__dict__["__name__"])
print(strip(repr([].append)), strip(repr((1).__add__)), len)
print(strip(repr(object.__new__)), strip(repr(object().__repr__)), strip(repr(object().__format__)))
class A:
    __slots__ = ("s",)
    def m(self):
        pass
print(A.__dict__["s"], type(A.__dict__["s"]).__name__)
print(type(list.append).__name__, type([].append).__name__, type(int.__add__).__name__,
      type((1).__add__).__name__, type(object.__dict__["__class__"]).__name__,
      type(dict.__dict__["fromkeys"]).__name__)
print(list.append.__name__, list.append.__qualname__, int.__add__.__qualname__,
      [].append.__qualname__, [].append.__self__, (1).__add__.__self__, len.__self__.__name__)
print(list.append.__objclass__, int.__add__.__objclass__)
print((1).__add__(2), int.__add__(1, 2), object.__eq__(1, 1), object.__ne__(1, 2))
for expr in ["list.append(1, 2)", "list.append()", "int.__add__('a', 1)", "(1).__add__()",
             "(1).__add__(x=1)", "[].append()", "[].clear(1)", "[].append(x=1)",
             "object.__init__()", "int.__new__()", "int.__new__(1)", "int.__new__(str)",
             "object.__new__(int)", "dict.__dict__['fromkeys'](1)"]:
    try:
        eval(expr)
    except TypeError as e:
        print("TypeError:", e)

class P:
    "P doc"
    def __init__(self):
        self.a = 1
p = P()
print(list(P.__dict__), P.__doc__)
print(sorted(n for n in dir(p) if not n.startswith("__")), "__init__" in dir(p))
print(format(p, "") == str(p), p.__sizeof__() > 0, p.__getstate__(), object().__getstate__())
print(P.__subclasshook__(), P.__init_subclass__(), object.__reduce__.__name__)
print(type.__dict__["mro"], type(type.__dict__["__dict__"]).__name__)
print(object.__doc__[:38], type(None).__doc__, bool.__doc__[:15])
print(list(object.__dict__))
print(list(type(None).__dict__), list(type(NotImplemented).__dict__), list(type(...).__dict__))
print(NotImplemented.__reduce__(), Ellipsis.__reduce__(), repr(...), bool(None))
try:
    type(None)(1)
except TypeError as e:
    print("TypeError:", e)
print(type(None)() is None, type(...)() is ..., type(NotImplemented)() is NotImplemented)
for t in [object, type, int, A, P]:
    print(t.__name__, t.__base__, t.__basicsize__ > 0, t.__itemsize__ >= 0)
print(P.__dictoffset__ != 0, A.__dictoffset__, hasattr(p, "__weakref__"))
print(type(p).__dict__["__dict__"].__objclass__ is P)
