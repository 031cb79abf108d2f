# rich comparisons: reflection, identity shortcut, total ordering errors, sorting with custom lt
class R:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return isinstance(o, R) and self.v == o.v
    def __lt__(self, o):
        print("lt", self.v, getattr(o, "v", o))
        return self.v < o.v
    __hash__ = object.__hash__
a, b = R(1), R(2)
print(a == b, a != b, a < b, b > a)
print(a in [b, a], [a] == [a], [a] == [R(1)], a in (a,))
print(sorted([R(3), R(1), R(2)], key=lambda r: r.v)[0].v)
print(max([R(1), R(3)], key=lambda r: r.v).v)
class Sub(R):
    def __eq__(self, o):
        print("Sub.eq")
        return NotImplemented
print(R(1) == Sub(1))
print(Sub(1) == 5)
class Weird:
    def __eq__(self, o): return "truthy string"
    def __ne__(self, o): return 0
print(Weird() == 1, Weird() != 1, [Weird()] == [1], Weird() in [1])
class NeDefault:
    def __eq__(self, o): return True
print(NeDefault() != 1, object() == object(), object() != object())
for expr in ["object() < object()", "[1] < [None]", "(1, 'a') < (1, 2)", "{1} < 1", "1j > 0", "'a' < b'a'", "None <= 0"]:
    try:
        print(expr, eval(expr))
    except TypeError as e:
        print(expr, type(e).__name__, e)
print([1, 2] < [1, 2, 0], (1, 2) <= (1, 2), "abc" < "abd", "Z" < "a", b"a" < b"b", {1} <= {1, 2}, frozenset() < {1})
print(1 < 2.5, 2 ** 70 > 1e20, float("nan") < 1, 1 == 1 + 0j, 3 == 3.0000000000000001, 10 ** 20 == 1e20)
class Eq:
    def __eq__(self, o): raise ValueError("eq fails")
try:
    [Eq()] == [Eq()]
except ValueError as e:
    print(type(e).__name__, e)
x = Eq()
print([x] == [x], x in [x], [x].count(x), [x].index(x))
try:
    {1: Eq()} == {1: Eq()}
except ValueError as e:
    print(type(e).__name__, e)
class Ord:
    def __init__(self, v): self.v = v
    def __le__(self, o): return self.v <= o.v
    def __ge__(self, o): return self.v >= o.v
print(Ord(1) <= Ord(2), Ord(1) >= Ord(2))
try:
    Ord(1) < Ord(2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([Ord(2), Ord(1)])
except TypeError as e:
    print(type(e).__name__, e)
print(int.__eq__(1, 1.0), int.__lt__(1, 2), (1).__eq__("1"), str.__eq__("a", "a"), object.__eq__(1, 1), object.__ne__(1, 2))
