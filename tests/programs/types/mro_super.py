# C3 MRO, its TypeError, super() forms, multiple inheritance
class O: pass
class A(O):
    def who(self): return "A>" + super().who() if hasattr(super(), "who") else "A"
class B(O):
    def who(self): return "B"
class C(A, B):
    def who(self): return "C>" + super().who()
print([k.__name__ for k in C.__mro__], C().who())
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Dup(X, X): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad2(X, Z): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad3(int, str): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad4(5): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad5(len): pass
except TypeError as e:
    print(type(e).__name__, e)
class K1: pass
class K2: pass
class K3: pass
class D1(K1, K2): pass
class D2(K2, K3): pass
class E(D1, D2): pass
print([k.__name__ for k in E.mro()])
class Base:
    def __init__(self, v):
        self.v = v
    @classmethod
    def make(cls): return cls(1)
    def m(self): return "Base.m"
class Derived(Base):
    def __init__(self, v):
        super().__init__(v * 10)
    @classmethod
    def make(cls):
        r = super().make()
        return r, cls.__name__
    def m(self):
        return "Derived.m/" + super(Derived, self).m()
    @staticmethod
    def s():
        return super(Derived, Derived).m(None)
print(Derived(2).v, Derived.make()[1], Derived.make()[0].v, Derived(1).m(), Derived.s())
sup = super(Derived, Derived(3))
print(type(sup).__name__, sup.__thisclass__.__name__, type(sup.__self__).__name__, sup.__self_class__.__name__)
print(repr(super(Derived))[:40])
try:
    super(Derived, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super()
except RuntimeError as e:
    print(type(e).__name__, e)
def outside(self):
    return super().m()
try:
    outside(Derived(1))
except RuntimeError as e:
    print(type(e).__name__, e)
class Q(Base):
    def m(self):
        def inner():
            return super().m()
        try:
            return inner()
        except RuntimeError as e:
            return str(e)
print(Q(1).m())
class Q2(Base):
    def m(self):
        try:
            return [super().m() for _ in range(1)]
        except TypeError as e:
            return str(e)
print(Q2(1).m())
class Q3(Base):
    def m(self):
        return __class__.__name__
print(Q3(1).m())
print(super(Derived, Derived(1)).m(), type(super(Base, Derived(1)).__init__).__name__)
class MI1:
    def __init__(self):
        print("MI1")
        super().__init__()
class MI2:
    def __init__(self):
        print("MI2")
        super().__init__()
class MI3(MI1, MI2):
    def __init__(self):
        print("MI3")
        super().__init__()
MI3()
print(super(MI1, MI3()).__init__.__qualname__ if False else "skip")
class GetSuper(Base):
    @property
    def p(self):
        return super().m()
print(GetSuper(1).p)
try:
    super(int, "x").real
except TypeError as e:
    print(type(e).__name__, e)
class S(str):
    def upper(self):
        return "S" + super().upper()
print(S("ab").upper())
print(object.__subclasses__.__qualname__, len(Base.__subclasses__()), [c.__name__ for c in Base.__subclasses__()])
