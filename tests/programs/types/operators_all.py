# every operator dunder, reflected and in-place, NotImplemented fallbacks
import_ops = [
    ("+", "add"), ("-", "sub"), ("*", "mul"), ("@", "matmul"), ("/", "truediv"), ("//", "floordiv"),
    ("%", "mod"), ("**", "pow"), ("<<", "lshift"), (">>", "rshift"), ("&", "and"), ("^", "xor"), ("|", "or"),
]
class V:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"V({self.n})"
def make(name):
    def fwd(self, o): return f"{name}({self.n},{o!r})"
    def rev(self, o): return f"r{name}({self.n},{o!r})"
    def inp(self, o): return f"i{name}({self.n},{o!r})"
    return fwd, rev, inp
for sym, name in import_ops:
    f, r, i = make(name)
    setattr(V, f"__{name}__", f)
    setattr(V, f"__r{name}__", r)
    setattr(V, f"__i{name}__", i)
v = V(1)
for sym, name in import_ops:
    print(sym, eval(f"v {sym} 2"), eval(f"2 {sym} v"))
    x = V(3)
    exec(f"x {sym}= 5")
    print(" ", x)
print(-V(1) if hasattr(V, "__neg__") else "no neg")
class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
u = U()
print(-u, +u, ~u, abs(u))
for op in ["-", "+", "~"]:
    try:
        eval(op + "object()")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    abs("s")
except TypeError as e:
    print(type(e).__name__, e)
class NI:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
    def __iadd__(self, o): return NotImplemented
    def __lt__(self, o): return NotImplemented
    def __eq__(self, o): return NotImplemented
n = NI()
for expr in ["n + 1", "1 + n", "n < 1", "n == 1", "n != n", "n == n", "n > n"]:
    try:
        print(expr, eval(expr))
    except TypeError as e:
        print(expr, type(e).__name__, e)
try:
    n += 1
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Derived(Base):
    def __radd__(self, o): return "Derived.radd"
print(Base() + Derived(), Derived() + Base())
class OnlyR:
    def __rsub__(self, o): return f"rsub {o}"
    def __rpow__(self, o): return f"rpow {o}"
print(5 - OnlyR(), 2 ** OnlyR(), pow(2, OnlyR()))
try:
    pow(2, OnlyR(), 5)
except TypeError as e:
    print(type(e).__name__, e)
class Ternary:
    def __pow__(self, e, m=None): return ("pow", e, m)
print(pow(Ternary(), 2, 3), Ternary() ** 2)
for expr in ["[] + ()", "'a' * 'b'", "{} | []", "1 @ 2", "None + 1", "'a' - 'b'", "[1] * 1.5", "3 % 'x'", "'%d' % 'x'", "1 << -1", "2 ** -1", "0 ** -1", "divmod(1, 0)", "1 // 0", "1.0 % 0", "(1).__add__('x')"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
class InplaceOnly:
    def __init__(self): self.v = []
    def __iadd__(self, o):
        self.v.append(o)
        return self
ip = InplaceOnly()
ip += 1
ip += 2
print(ip.v)
try:
    ip - 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    ip -= 1
except TypeError as e:
    print(type(e).__name__, e)
l = [1]
l2 = l
l += [2]
print(l is l2, l)
t = (1,)
t2 = t
t += (2,)
print(t is t2, t)
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], "abc"[Idx()], range(10)[Idx()], hex(Idx()), bin(Idx()), [1, 2, 3, 4][Idx():])
print(3 * [Idx()][0].__index__(), Idx().__index__() << 1, (5).__index__())
class BadIdx:
    def __index__(self): return "x"
try:
    [1][BadIdx()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    one = [1]
    one["x"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    operator_index = hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
class Matrix:
    def __matmul__(self, o): return "mm"
    def __rmatmul__(self, o): return "rmm"
    def __imatmul__(self, o): return "imm"
m = Matrix()
print(m @ 1, 1 @ m)
m @= 2
print(m)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o
    def __gt__(self, o): return self.v > o
print(Cmp(1) < 2, 2 > Cmp(1), 2 < Cmp(1), Cmp(1) > 0)
try:
    Cmp(1) <= 2
except TypeError as e:
    print(type(e).__name__, e)
