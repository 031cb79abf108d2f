# closures, decorators (stacked, with arguments, class decorators, __wrapped__), lambda defaults
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
print(c(), c(5), c.__closure__[0].cell_contents, c.__code__.co_freevars)
def late():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(late())
def cell_after_del():
    x = 1
    def f(): return x
    del x
    try:
        return f()
    except NameError as e:
        return str(e)
print(cell_after_del())
def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return f"{tag}({fn(*a, **k)})"
        inner.__wrapped__ = fn
        inner.__name__ = fn.__name__
        inner.__qualname__ = fn.__qualname__
        return inner
    return wrap
@deco("a")
@deco("b")
def base(x):
    return x * 2
print(base(3), base.__name__, base.__wrapped__.__wrapped__(4), base.__qualname__)
def log_calls(fn):
    calls = []
    def inner(*a):
        calls.append(a)
        return fn(*a)
    inner.calls = calls
    return inner
@log_calls
def add(a, b): return a + b
add(1, 2); add(3, 4)
print(add.calls, add.__name__)
def cls_deco(cls):
    cls.decorated = True
    return cls
@cls_deco
class Decorated: pass
print(Decorated.decorated)
def replace(obj): return "replaced"
@replace
def gone(): pass
print(gone)
registry = {}
def register(name):
    def d(f):
        registry[name] = f
        return f
    return d
@register("x")
def fx(): return "fx"
print(registry["x"](), fx())
class Meth:
    def __init__(self): self.v = 10
    @deco("m")
    def m(self, a): return self.v + a
print(Meth().m(1))
@(lambda f: f)
def expr_deco(): return "expr deco"
print(expr_deco())
buttons = [lambda f: "b0", lambda f: "b1 " + f.__name__]
@buttons[1]
def weird(): pass
print(weird)
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in make_adders()])
def outer():
    v = "outer"
    def mid():
        def inner():
            return v
        return inner
    return mid()()
print(outer())
def rebind():
    x = 1
    def get(): return x
    x = 2
    return get()
print(rebind())
def defaults_evaluated_once(a=[]):
    a.append(1)
    return len(a)
print(defaults_evaluated_once(), defaults_evaluated_once())
k = 5
def kwdefault(*, x=k): return x
k = 6
print(kwdefault(), kwdefault.__kwdefaults__)
f = lambda *a, **kw: (a, kw)
print(f(1, b=2), f.__name__, (lambda: None).__qualname__)
def gen_closure():
    total = 0
    def g():
        nonlocal total
        for i in range(3):
            total += i
            yield total
    return g
print(list(gen_closure()()))
class A:
    x = 1
    def get_x(self):
        return x
x = "module x"
print(A().get_x())
def classbody_closure():
    y = "enclosing"
    class C:
        y = "class"
        def m(self): return y
        z = y
    return C().m(), C.z
print(classbody_closure())
def classbody_free():
    w = "free"
    class C:
        try:
            print("in class body", w)
        except NameError as e:
            print(type(e).__name__, e)
        w = "class-level"
        print("after assign", w)
    return C.w
print(classbody_free())
