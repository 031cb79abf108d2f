# subclasses of built-in types: reflected operators first, results' types, overriding dunders
class MyInt(int):
    def __add__(self, o): return "MyInt.add"
    def __radd__(self, o): return "MyInt.radd"
print(1 + MyInt(2), MyInt(2) + 1, MyInt(2) + MyInt(3), sum([MyInt(1)], 0) if False else "")
class Neg(int):
    def __neg__(self): return "neg!"
print(-Neg(3), abs(Neg(-3)), type(abs(Neg(-3))).__name__, Neg(3) * 2, type(Neg(3) * 2).__name__)
class MyList(list):
    def __add__(self, o): return MyList(super().__add__(o))
    def __getitem__(self, i):
        r = super().__getitem__(i)
        return MyList(r) if isinstance(i, slice) else r
ml = MyList([1, 2, 3])
print(type(ml + [4]).__name__, type(ml[1:]).__name__, ml[0], type([4] + ml).__name__, type(ml * 2).__name__, ml == [1, 2, 3])
class MyDict(dict):
    def __getitem__(self, k): return super().__getitem__(k) * 10
d = MyDict(a=1)
print(d["a"], d.get("a"), dict(d), list(d.values()), {**d})
class MyStr(str):
    def __len__(self): return 99
    def upper(self): return "custom upper"
s = MyStr("abc")
print(len(s), s.upper(), s.lower(), s + "d", type(s + "d").__name__, type(s[0]).__name__, str(s), repr(s))
class MyFloat(float):
    def __repr__(self): return "MyFloat(%s)" % float(self)
print(MyFloat(1.5), repr(MyFloat(2.0)), MyFloat(1.5) + 1, type(MyFloat(1.5) + 1).__name__, round(MyFloat(2.5)), f"{MyFloat(1.25):.1f}")
class MyTuple(tuple):
    def __new__(cls, *items): return super().__new__(cls, items)
t = MyTuple(1, 2)
print(t, type(t).__name__, t + (3,), type(t + (3,)).__name__, t[0], len(t), hash(t) == hash((1, 2)))
class MySet(set):
    pass
ms = MySet([1, 2])
print(type(ms | {3}).__name__, type(ms & {1}).__name__, type(ms.copy()).__name__, sorted(ms), ms == {1, 2})
class Cmp(int):
    def __eq__(self, o): return "custom eq"
    __hash__ = int.__hash__
print(Cmp(1) == 1, 1 == Cmp(1), Cmp(1) != 1, {Cmp(1): "v"}[1] if False else "", hash(Cmp(5)))
class B(bytes):
    pass
print(B(b"xy"), type(B(b"xy") + b"z").__name__, B(b"ab")[0], len(B(b"abc")))
class Rev(list):
    def __reversed__(self): return iter(["reversed!"])
print(list(reversed(Rev([1, 2]))), sorted(Rev([3, 1])), max(Rev([3, 9])))
class Idx(int):
    pass
print([1, 2, 3][Idx(1)], "abc"[Idx(2)], list(range(10))[Idx(1):Idx(3)], (1 << Idx(3)), Idx(7) // 2, divmod(Idx(7), 2))
