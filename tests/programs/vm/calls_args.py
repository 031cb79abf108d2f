# Calls: positional, keyword, defaults, *args/**kwargs, keyword-only, positional-only, and
# CPython's exact TypeError messages for bad calls.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(*[1, 2, 3], **{'c': 4, 'z': 5}))

def g(a, b, /, c, *, d):
    return a + b + c + d

print(g(1, 2, 3, d=4), g(1, 2, c=3, d=4))

class A:
    def m(self, x):
        return x * 2

def check(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)

def one(a): pass
def two(a, b): pass
def opt(a, b=1): pass
def kwo(*, k): pass
def kwo2(a, *, k, j): pass
def po(a, b, /): pass
def none(): pass

check(one)
check(two)
check(two, 1, 2, 3)
check(opt, 1, 2, 3)
check(none, 1)
check(one, 1, 2)
check(one, x=1)
check(one, 1, a=2)
check(po, a=1, b=2)
check(po, 1, b=2)
check(kwo)
check(kwo2, 1)
check(kwo2, 1, 2, k=3)
check(A().m)
check(A().m, 1, 2)
check(A.m, 1)
check(f, 1)
check(lambda x, y, z: 0, 1)
check(one, **{'a': 1, 'b': 2})
check(one, 1, **{'a': 1})

def three(a, b, c): pass
check(three)
check(three, 1)
print(f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__)
print(A.m.__qualname__, A().m.__func__ is A.m, A().m == A().m)
def h(x, y=[]):
    y.append(x)
    return y
print(h(1), h(2))
h.__defaults__ = ([],)
print(h(3))
