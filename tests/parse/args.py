# tests/parse/args.py -- parameters of def and lambda, call arguments.
def f1(a, b=1, *args, c, d=2, **kwargs): pass
def f2(a, b, /, c, d=1, *, e, f=3): pass
def f3(a=1, /, b=2, *, c): pass
def f4(*, a, b=1, c): pass
def f5(**kw): pass
def f6(*a): pass
def f7(a, /): pass
def f8(a: int, *b: str, c: "x" = 1, **d: float) -> None: pass
def f9(*args: *Ts): pass
def f10(a,): pass
def f11(a, *, b,): pass
lambda: 0
lambda a, b=1, *c, d, e=2, **f: 0
lambda a, /, b: 0
lambda *, a: 0
lambda a=1, /, b=2: 0
lambda *a, **k: (a, k)
g(1, 2, *a, x=1, *b, y=2, **c, z=3, **d)
g(*a, *b)
g(**a, **b)
g(x for x in y)
g((x for x in y), 1)
g(a, b,)
g(a := 1, b=2)
g(a)(b)(c)
g[1](2).h[3:4, ::2, ...]
obj.method(
    arg1,
    arg2,  # comment
    key=value,
)
