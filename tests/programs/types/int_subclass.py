# int subclasses: extra attributes, arithmetic returns int, repr, bool rules
class I(int):
    pass

class J(int):
    def __repr__(self):
        return "J(%d)" % int(self)

i = I(5)
i.extra = "x"
print(i, repr(i), i.extra, type(i).__name__, type(i + 1).__name__, type(-i).__name__)
print(i * 2, i // 2, i % 3, i ** 2, i << 1, i & 3, abs(I(-3)), type(abs(I(-3))).__name__)
print(J(7), repr(J(7)), str(J(7)), f"{J(7)}", "%d" % J(7), "%s" % J(7), [J(1)])
print(isinstance(i, int), issubclass(I, int), I.__mro__)
print(I("12"), I("ff", 16), I(3.9), I(), type(I()).__name__)
print(hash(I(5)) == hash(5), I(5) == 5, {I(5): 1}[5])
print(int(i), type(int(i)).__name__, i.__index__(), type(i.__index__()).__name__)
print(i.real, type(i.real).__name__, i.numerator, i.denominator, i.conjugate())
print(vars(i))
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Big(int):
    def __new__(cls, v, tag):
        o = super().__new__(cls, v)
        o.tag = tag
        return o
b = Big(2**70, "big")
print(b, b.tag, b + 1, type(b + 1).__name__, b.bit_length())
class K(int):
    __slots__ = ()
try:
    K(1).x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    class S(int):
        __slots__ = ("a",)
except TypeError as e:
    print(type(e).__name__, e)
print(divmod(I(7), 2), round(I(7)), type(round(I(7))).__name__, I(7).__round__(-1))
print(float(I(3)), complex(I(3)), bool(I(0)), bool(I(2)))
print(True + True, type(True + True).__name__, True * 3, -True, ~True, True / 2)
print(repr(True & True), repr(True | False), repr(True ^ True), repr(True & 1), repr(1 | False))
print(bool.__mro__, isinstance(True, int), int(True), str(True), format(True), format(True, "d"))
x = True
x += 1
print(x, type(x).__name__)
print(I(3) < 4, sorted([I(3), 1, I(2)]), max(I(3), 2), I.__name__, I.__qualname__)
class F(float):
    pass
f = F(1.5)
f.a = 1
print(f, repr(f), f + 1, type(f + 1).__name__, f.a, F("2.5"), type(F(2)).__name__)
class C(complex): pass
print(C(1, 2), type(C(1, 2) + 1).__name__)
