# __slots__ (with __dict__/__weakref__, inheritance, errors) and metaclasses
class S:
    __slots__ = ("a", "b")
s = S()
s.a = 1
try:
    s.c = 2
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(s, "__dict__"), hasattr(s, "__weakref__"), S.__slots__)
class SD:
    __slots__ = ("a", "__dict__")
sd = SD()
sd.a = 1
sd.z = 2
print(sd.__dict__, sd.a)
class SW:
    __slots__ = "__weakref__"
print(hasattr(SW(), "__weakref__"), SW().__weakref__)
class Child(S):
    __slots__ = ("c",)
ch = Child()
ch.a, ch.c = 1, 3
print(ch.a, ch.c, hasattr(ch, "__dict__"))
class Free(S):
    pass
fr = Free()
fr.anything = 1
print(fr.anything, fr.__dict__)
for bad in [("a", "a"), ("__dict__", "__dict__"), (1,), ("x y",), ("__weakref__", "__weakref__")]:
    try:
        class T:
            __slots__ = bad
    except TypeError as e:
        print(type(e).__name__, e)
try:
    class V:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print(type(e).__name__, e)
try:
    class DD(SD):
        __slots__ = ("__dict__",)
except TypeError as e:
    print(type(e).__name__, e)
class Mangled:
    __slots__ = ("__priv",)
    def set(self): self.__priv = 5; return self._Mangled__priv
print(Mangled().set(), Mangled.__slots__)
class SlotDictSlots:
    __slots__ = {"k": "doc of k"}
print(SlotDictSlots.k.__doc__, SlotDictSlots.__slots__)
try:
    del s.b
except AttributeError as e:
    print(type(e).__name__, e)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("call", cls.__name__, a)
        return super().__call__(*a, **k)
class WithMeta(metaclass=Meta, flag=True):
    x = 1
    def __init__(self, v=0):
        self.v = v
print(WithMeta.injected, type(WithMeta).__name__, WithMeta(3).v)
class Sub(WithMeta):
    pass
print(type(Sub).__name__)
class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.registry.append((cls.__name__, name))
class P1(Plugin, name="one"): pass
class P2(Plugin): pass
print(Plugin.registry)
try:
    class P3(Plugin, bogus=1): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class NoKw(bogus=1): pass
except TypeError as e:
    print(type(e).__name__, e)
class Gen:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Gen[int], Gen[1, 2])
try:
    Plugin[int]
except TypeError as e:
    print(type(e).__name__, e)
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class Both(A1, A2): pass
except TypeError as e:
    print(type(e).__name__, e)
class M3(M1): pass
class A3(metaclass=M3): pass
class Mixed(A1, A3): pass
print(type(Mixed).__name__)
Dyn = type("Dyn", (object,), {"f": lambda self: 42, "__module__": "mod"})
print(Dyn().f(), Dyn.__module__, Dyn.__qualname__, repr(Dyn))
for args in [("X",), ("X", 1, {}), ("X", (), 1), (1, (), {})]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
print(type(5).__name__, type.__name__, type(type).__name__)
def fmeta(name, bases, ns, **kw):
    return (name, bases, sorted(ns), kw)
class ByFunc(metaclass=fmeta, extra=1):
    a = 2
print(ByFunc)
class PrepareNonDict(type):
    @classmethod
    def __prepare__(m, n, b):
        return 5
try:
    class Z(metaclass=PrepareNonDict): pass
except TypeError as e:
    print(type(e).__name__, e)
class Order(type):
    def __new__(m, n, b, ns):
        ns["order"] = [k for k in ns if not k.startswith("__")]
        return super().__new__(m, n, b, ns)
class Ordered(metaclass=Order):
    zeta = 1
    alpha = 2
    def mid(self): pass
print(Ordered.order)
class InstCheck(type):
    def __instancecheck__(cls, obj): return obj == 1
    def __subclasscheck__(cls, sub): return sub is int
class IC(metaclass=InstCheck): pass
print(isinstance(1, IC), isinstance(2, IC), issubclass(int, IC), issubclass(str, IC))
