# Operator dunders: reflected operands, NotImplemented, in-place, comparisons, hash/eq rules.
class V:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, V):
            return V(self.v + other.v)
        if isinstance(other, int):
            return V(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        return ("radd", other)
    def __repr__(self):
        return "V(%r)" % (self.v,)

print(V(1) + V(2), V(1) + 5, 5 + V(1))
try:
    V(1) + "s"
except TypeError as e:
    print("TypeError:", e)

class W(V):
    def __radd__(self, other):
        return ("W.radd", other)
print(V(1) + W(2), W(2) + V(1))

class IAdd(V):
    def __iadd__(self, other):
        self.v += 100
        return self
x = IAdd(1)
y = x
x += 1
print(x, x is y)
z = V(1)
z += 2
print(z)
try:
    n = 1
    n += []
except TypeError as e:
    print("TypeError:", e)
try:
    "a" - 1
except TypeError as e:
    print("TypeError:", e)
for op in ["-V(1)", "~V(1)", "abs(V(1))", "+V(1)"]:
    try:
        eval(op)
    except TypeError as e:
        print("TypeError:", e)

class Num:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
    def __index__(self): return 3
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o): return ("rpow", o)
    def __divmod__(self, o): return ("divmod", o)
    def __matmul__(self, o): return "matmul"
n = Num()
print(-n, +n, ~n, abs(n), [0, 1, 2, 3, 4][n], n ** 2, 2 ** n, pow(n, 2, 5), divmod(n, 1), n @ n)

class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v
    def __eq__(self, other):
        print("eq", self.v, getattr(other, "v", other))
        return NotImplemented
class SubCmp(Cmp):
    def __gt__(self, other):
        print("SubCmp.gt", self.v, other.v)
        return True
print(Cmp(1) < Cmp(2))
print(Cmp(1) > Cmp(2))
print(Cmp(1) < SubCmp(2))
print(Cmp(1) == Cmp(1), Cmp(1) != 3)
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print("TypeError:", e)
try:
    object() < object()
except TypeError as e:
    print("TypeError:", e)

class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
class EqHash(EqOnly):
    def __hash__(self):
        return 7
print(hash(EqHash()), EqHash() == 1)
class InheritsHash(EqHash):
    pass
print(hash(InheritsHash()))
class Unhashable:
    __hash__ = None
try:
    {Unhashable(): 1}
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)

class Truth:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
class Len:
    def __len__(self): return 0
print(bool(Truth(True)), bool(Truth(False)), bool(Len()), len(Len()), not Len())
try:
    bool(Truth(1))
except TypeError as e:
    print("TypeError:", e)

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 5 in Seq())
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), 2 in It())
class Cont:
    def __contains__(self, x): return x == "yes"
print("yes" in Cont(), "no" in Cont(), "no" not in Cont())
class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print("TypeError:", e)
for expr in ["iter(1)", "len(1)", "1()", "1[0]", "1 in 1"]:
    try:
        eval(expr)
    except TypeError as e:
        print("TypeError:", e)

class Call:
    def __call__(self, *a, **k):
        return (a, k)
print(Call()(1, b=2), callable(Call()), callable(1))
class Items:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
i = Items()
i["a"] = 1
print(i["a"])
del i["a"]
print(i.d)
class Fmt:
    def __format__(self, spec):
        return "Fmt(" + spec + ")"
print(format(Fmt(), "x>5"), format(Fmt()))
try:
    format(object(), "x")
except TypeError as e:
    print("TypeError:", e)
