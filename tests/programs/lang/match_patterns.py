# match: every pattern kind, __match_args__, guards, bindings on failure
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class P3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
def describe(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 1 | 2 as small:
            return f"small {small}"
        case -3:
            return "minus three"
        case 1.5 | 2j:
            return "float/complex"
        case "hello":
            return "greeting"
        case b"by":
            return "bytes"
        case [] :
            return "empty seq"
        case [x]:
            return f"one {x}"
        case [x, y] if x == y:
            return f"pair same {x}"
        case [x, *rest] if len(rest) > 2:
            return f"long head {x} rest {rest}"
        case (x, y):
            return f"pair {x} {y}"
        case [_, _, *_]:
            return "3+ seq"
        case {"k": 1, **others}:
            return f"map k=1 others={others}"
        case {"k": v2}:
            return f"map k={v2}"
        case P3(x, y, z=0):
            return f"P3 on plane {x} {y}"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(xx, yy):
            return f"point {xx} {yy}"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float():
            return "number"
        case str(s):
            return f"str {s!r}"
        case {}:
            return "some mapping"
        case _:
            return "other"
for v in [None, True, 0, 2, -3, 1.5, 2j, "hello", b"by", [], [7], [3, 3], [1, 2, 3, 4], (1, 2), [1, 2, 3],
          {"k": 1, "z": 2}, {"k": 5}, P3(1, 2, 0), Point(0, 9), Point(3, 4), 1000, 50, 2.5, "s", {"a": 1},
          object, "hello world", False]:
    print(repr(v)[:20], "->", describe(v))
ALL = 5
class NS:
    K = 7
match 7:
    case NS.K:
        print("value pattern via attr")
match [1, [2, 3]]:
    case [a, [b, c]]:
        print(a, b, c)
x = "unchanged"
match [1, 2]:
    case [x, 3]:
        print("no")
    case _:
        print("failed case bindings leak:", x)
match {"a": 1, "b": 2}:
    case {"a": 1}:
        print("mapping partial ok")
match "abc":
    case [*chars]:
        print("str is not seq", chars)
    case _:
        print("str is not a sequence pattern")
class Bad:
    __match_args__ = ("a",)
    a = 1
try:
    match Bad():
        case Bad(p, q):
            pass
except TypeError as e:
    print(type(e).__name__, e)
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(p):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match 5:
        case 5 if 1 / 0:
            pass
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    match 1:
        case int(a, b):
            pass
except TypeError as e:
    print(type(e).__name__, e)
class MA:
    __match_args__ = "x"
try:
    match MA():
        case MA(y):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match Point(1, 2):
        case Point(1, x=1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match 1:
        case len():
            pass
except TypeError as e:
    print(type(e).__name__, e)
match (1, 2, 3):
    case (1, *mid, 3):
        print("mid", mid)
match {1: "a", 2: "b"}:
    case {1: one, **rest}:
        print(one, rest)
match 3:
    case 1 | 2:
        print("no")
    case (3 | 4) as w:
        print("or-as", w)
from_guard = []
match [1, 2]:
    case [a, b] if (from_guard := a + b) > 5:
        print("no")
    case _:
        print("guard walrus", from_guard, a, b)
class Dict(dict):
    pass
match Dict(a=1):
    case {"a": v}:
        print("dict subclass", v)
class Seq:
    def __len__(self): return 2
    def __getitem__(self, i): return i
match Seq():
    case [a, b]:
        print("custom seq?")
    case _:
        print("not a Sequence")
match range(3):
    case [0, 1, 2]:
        print("range is a sequence")
match bytearray(b"ab"):
    case [97, 98]:
        print("bytearray seq")
    case _:
        print("bytearray not seq")
