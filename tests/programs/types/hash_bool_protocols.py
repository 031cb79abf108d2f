# __hash__=None rules, __bool__/__len__ errors, __format__, __iter__/__next__, __contains__, __call__, __missing__
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)
class EqHash(EqOnly):
    def __hash__(self): return 7
print(hash(EqHash()))
class InheritEq(EqOnly): pass
print(InheritEq.__hash__)
class ExplicitNone:
    __hash__ = None
try:
    hash(ExplicitNone())
except TypeError as e:
    print(type(e).__name__, e)
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self): return 2**100
print(hash(BigHash()) == hash(2**100))
class NegOne:
    def __hash__(self): return -1
print(hash(NegOne()))
class HashSub(int):
    def __hash__(self): return 99
print(hash(HashSub(1)))
for v in [[], {}, set(), slice(1), bytearray()]:
    try:
        hash(v)
    except TypeError as e:
        print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1])) == hash(frozenset([1])), hash(None) == hash(None))
class B1:
    def __bool__(self): return 1
class B2:
    def __bool__(self): return "yes"
class L1:
    def __len__(self): return -1
class L2:
    def __len__(self): return "3"
class L3:
    def __len__(self): return 2**70
class L4:
    def __len__(self): return 0
class BL:
    def __bool__(self): return False
    def __len__(self): return 5
for cls in [B1, B2, L1, L2, L3, L4, BL]:
    try:
        print(cls.__name__, bool(cls()), "if" if cls() else "else")
    except Exception as e:
        print(cls.__name__, type(e).__name__, e)
for cls in [L1, L2, L3]:
    try:
        len(cls())
    except Exception as e:
        print("len", cls.__name__, type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
class Fmt:
    def __format__(self, spec):
        return f"<{spec}>"
print(format(Fmt(), "abc"), f"{Fmt():x>10}", "{:q}".format(Fmt()), f"{Fmt()!r:>5}"[:5])
class BadFmt:
    def __format__(self, spec): return 5
try:
    format(BadFmt())
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(object(), "x")
except TypeError as e:
    print(type(e).__name__, e)
print(format(object(), "")[:8], format(3.5, "08.2f"), format("s", "^5"), format(12, "b"))
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(It()), sum(It()), [x for x in It()], 2 in It(), *It())
class NoNext:
    def __iter__(self): return 5
try:
    iter(NoNext())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in NoNext(): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
class GetItemSeq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(GetItemSeq()), 20 in GetItemSeq(), 25 in GetItemSeq(), list(iter(GetItemSeq())))
class NotIterable:
    __iter__ = None
try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
class Cont:
    def __contains__(self, x): return x == "yes"
print("yes" in Cont(), "no" in Cont(), "no" not in Cont())
class Cont2:
    def __contains__(self, x): return []
print(1 in Cont2())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
class Call:
    def __call__(self, *a, **k): return a, k
print(Call()(1, x=2), callable(Call()), callable(Call), callable(5))
try:
    five = 5
    five()
except TypeError as e:
    print(type(e).__name__, e)
class D(dict):
    def __missing__(self, k):
        return f"missing {k}"
d = D(a=1)
print(d["a"], d["zz"], d.get("zz"), "zz" in d)
class D2(dict):
    def __missing__(self, k):
        raise KeyError(f"custom {k}")
try:
    D2()["x"]
except KeyError as e:
    print(type(e).__name__, e)
class Sentinel:
    def __iter__(self):
        yield from (1, 2)
print(list(Sentinel()), list(iter(iter([5, 6, 7]).__next__, 7)))
class Rev:
    def __reversed__(self): return iter("cba")
print(list(reversed(Rev())), list(reversed(GetItemSeq.__mro__)) [0].__name__)
try:
    reversed(5)
except TypeError as e:
    print(type(e).__name__, e)
class LenGet:
    def __len__(self): return 3
    def __getitem__(self, i): return i
print(list(reversed(LenGet())))
