# frame, code, function and traceback objects' attributes
import sys
def outer():
    x = 1
    def inner(a, b=2, *args, c, d=4, **kw):
        y = a + b
        f = sys._getframe()
        print(f.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno, sorted(f.f_locals))
        print(f.f_globals is globals(), f.f_back.f_locals["x"], type(f).__name__)
        print(sys._getframe(1).f_code.co_name, sys._getframe(0) is f)
        return x
    inner(1, c=3)
    return inner
fn = outer()
co = fn.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames, co.co_freevars, co.co_cellvars, co.co_nlocals)
print(co.co_names, co.co_filename.endswith("frames_code.py"), co.co_firstlineno)
print(co.co_flags & 0x0C, type(co.co_code).__name__, type(co.co_consts).__name__)
print(fn.__defaults__, fn.__kwdefaults__, fn.__name__, fn.__qualname__, fn.__module__)
print(outer.__code__.co_cellvars, outer.__code__.co_consts[0], len(list(co.co_positions())) > 0)
pos = list(co.co_positions())
print(len(pos) == len(co.co_code) // 2, all(len(p) == 4 for p in pos))
print(co.co_lines is not None, co.co_stacksize > 0)
co2 = co.replace(co_name="renamed")
print(co2.co_name, co2.co_varnames, co.co_name)
try:
    sys._getframe(1000)
except ValueError as e:
    print(type(e).__name__, e)
def g(a, b=1, *, k=2):
    """doc"""
    return a, b, k
print(g.__doc__, g.__defaults__, g.__kwdefaults__, g.__annotations__)
g.__defaults__ = (10,)
g.__kwdefaults__ = {"k": 20}
print(g(0))
g.__defaults__ = None
try:
    g()
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.__defaults__ = 5
except TypeError as e:
    print(type(e).__name__, e)
def h(a, b): return a * b
g.__code__ = h.__code__
print(g(3, 4), g.__name__)
try:
    g.__code__ = 5
except TypeError as e:
    print(type(e).__name__, e)
def ann(a: int, b: "str" = "x") -> list: pass
print(ann.__annotations__)
ann.__annotations__ = {"z": 1}
print(ann.__annotations__)
g.__qualname__ = "a.b"
print(g.__qualname__)
try:
    g.__qualname__ = 3
except TypeError as e:
    print(type(e).__name__, e)
print(type(g.__globals__).__name__, g.__globals__ is globals(), g.__closure__)
print(type(fn.__closure__[0]).__name__, fn.__closure__[0].cell_contents)
def deco(f):
    def wrapper(*a, **k):
        return f(*a, **k)
    wrapper.__wrapped__ = f
    wrapper.__name__ = f.__name__
    wrapper.__doc__ = f.__doc__
    return wrapper
@deco
def wrapped():
    "wrapped doc"
print(wrapped.__wrapped__.__name__, wrapped.__name__, wrapped.__doc__, wrapped.__dict__.keys())
def thrower():
    raise ValueError("boom")
def caller():
    thrower()
try:
    caller()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, type(tb.tb_lasti).__name__))
        tb = tb.tb_next
    print(names)
    print(type(e.__traceback__).__name__, e.__traceback__.tb_frame.f_code.co_name)
try:
    raise KeyError(1)
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno, tb.tb_next)
def gen():
    yield sys._getframe().f_code.co_name
    yield sys._getframe().f_back.f_code.co_name
it = gen()
print(next(it), next(it), it.gi_frame.f_lineno if it.gi_frame else None, it.gi_code.co_name, it.gi_running)
e = ValueError()
print(e.__traceback__, e.with_traceback(None) is e)
f = sys._getframe()
print(f.f_back, f.f_code.co_name, f.f_lineno)
def loc():
    a = 1
    l = locals()
    b = 2
    return l, locals()
print(loc())
