# Statements and expressions: unpacking, f-strings, slicing, loops with else, operators.
x = [1, 2, 3]
x += [4]
a, *b, c = x
print(a, b, c)
print(f"{a!r}|{b}|{c}|{'s'!a}")
d = {'a': 1, **{'b': 2}}
print(d, [*x, *b], {*x})
print(x[1:3], x[::-1], x[-1])
x[0:2] = [9]
del x[-1]
print(x)
s = 0
for i in range(10):
    if i % 2: continue
    if i > 7: break
    s += i
else:
    print('no')
print(s)
i = 0
while i < 5:
    i += 1
else:
    print('while else', i)
class P:
    def __init__(self, v): self.v = v
    def __add__(self, o): return P(self.v + o.v)
    def __eq__(self, o): return self.v == o.v
    def __repr__(self): return f'P({self.v})'
    @property
    def double(self): return self.v * 2
    @staticmethod
    def st(): return 'st'
    @classmethod
    def cm(cls): return cls.__name__
p = P(1) + P(2)
print(p, p == P(3), p.double, P.st(), P.cm(), p != P(3))
print(isinstance(p, P), type(p).__name__)
def kw(**k): return k
print(kw(a=1, **{'b': 2}))
def deco(f):
    def w(*a, **k):
        print('call', f.__name__)
        return f(*a, **k)
    return w
@deco
def add(x, y): return x + y
print(add(1, y=2))
print(not 1, 1 if 0 else 2, 1 and 0, 0 or 3, 1 < 2 < 3, 3 > 2 > 5)
t = 1, 2
print(t, (lambda: (yield))().__class__.__name__)
g = (x for x in range(3))
print(*g)
n = None
print(n is None, n is not None, 2 in [1, 2], 5 not in [1])
print(-5 // 2, -5 % 2, 2 ** 10, 7 // 2 if False else 3, ~5, 1 << 3)
assert True
try:
    assert 1 == 2, 'msg'
except AssertionError as e:
    print('assert', e)
global_var = 1
def mod():
    global global_var
    global_var += 1
mod(); print(global_var)
print(divmod(7, 2), abs(-3), max([1, 5, 2]), min(3, 1), sum(range(5)))
print(sorted({3: 1, 1: 2}), list(reversed([1, 2])), list(enumerate('ab')), list(zip('ab', 'cd')))
print(list(map(lambda v: v * 2, [1, 2])), list(filter(None, [0, 1, 2])))
