# frame objects: f_back chains, f_locals in class bodies and at module level, f_lineno while running, generator frames
import sys
def chain():
    f = sys._getframe()
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names
def a(): return chain()
def b(): return a()
print(b())
class Body:
    loc = sys._getframe().f_locals
    inner_name = sys._getframe().f_code.co_name
    x = 1
print(Body.inner_name, "x" in Body.loc, "loc" in Body.loc)
mod = sys._getframe()
print(mod.f_code.co_name, mod.f_back, mod.f_locals is globals(), mod.f_globals is globals())
def lines():
    f = sys._getframe()
    first = f.f_lineno
    second = f.f_lineno
    return second - first
print(lines())
def gen():
    f = sys._getframe()
    yield f.f_lineno
    yield f.f_lineno
    yield f.f_back.f_code.co_name if f.f_back else None
g = gen()
l1 = next(g); l2 = next(g)
print(l2 - l1, next(g), g.gi_frame.f_code.co_name, g.gi_frame.f_lasti >= 0)
def caller_locals():
    secret = "visible"
    return peek()
def peek():
    return sys._getframe(1).f_locals["secret"]
print(caller_locals())
def code_flags():
    def plain(): pass
    def gen_(): yield
    async def coro(): pass
    def varargs(*a, **k): pass
    return [f.__code__.co_flags & 0xff for f in (plain, gen_, coro, varargs)]
print(code_flags())
co = compile("a = 1\nb = a + 2", "<mod>", "exec")
print(co.co_names, co.co_consts, co.co_filename, co.co_name, co.co_firstlineno, co.co_argcount)
def args_fn(p, /, q, *r, s, t=1, **u):
    v = 0
print(args_fn.__code__.co_varnames, args_fn.__code__.co_argcount, args_fn.__code__.co_posonlyargcount, args_fn.__code__.co_kwonlyargcount, args_fn.__code__.co_nlocals)
def closure_codes():
    c1 = 1
    def inner():
        return c1
    return inner.__code__.co_freevars, closure_codes.__code__.co_cellvars
print(closure_codes())
try:
    raise ValueError
except ValueError as e:
    tb = e.__traceback__
    print(tb.tb_frame is sys._getframe(), tb.tb_lineno, tb.tb_lasti > 0, type(tb.tb_frame.f_lineno).__name__)
