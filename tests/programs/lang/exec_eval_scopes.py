# exec/eval/compile with dicts, globals()/locals()/vars(), global/nonlocal
g = {}
exec("x = 1\ndef f(): return x + 1", g)
print(sorted(k for k in g if k != "__builtins__"), g["f"](), "__builtins__" in g)
l = {}
exec("y = 2\nz = y * 3", {}, l)
print(l)
print(eval("a + b", {"a": 1}, {"b": 2}), eval("len('abc')"), eval("x", {"x": 5}))
code = compile("q = 10\nq * 2", "<s>", "exec")
ns = {}
print(exec(code, ns), ns["q"], type(code).__name__, code.co_filename, code.co_name)
ce = compile("1 + 2", "<e>", "eval")
print(eval(ce), type(ce).__name__)
for src, mode in [("1 +", "eval"), ("x = ", "exec"), ("def", "single"), ("a", "bogus")]:
    try:
        compile(src, "<bad>", mode)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e)
try:
    eval("x = 1")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, e.text)
try:
    exec(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    eval("1", [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    eval("1", {}, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    exec("raise ValueError('in exec')")
except ValueError as e:
    print(type(e).__name__, e)
class MapLocals(dict):
    def __getitem__(self, k):
        if k == "magic":
            return 42
        return super().__getitem__(k)
print(eval("magic + 1", {}, MapLocals()))
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
def func():
    a = 1
    b = 2
    loc = locals()
    loc["c"] = 3
    return sorted(loc), "c" in locals()
print(func())
def vars_test():
    v = 5
    return vars()
print(vars_test())
class VC:
    cls_attr = 1
    print(sorted(k for k in vars() if not k.startswith("__")))
    print(sorted(k for k in locals() if not k.startswith("__")))
class O:
    def __init__(self): self.p = 1
print(vars(O()))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(type(vars(O)).__name__, "cls_attr" in vars(VC))
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 1
        return n
    inner(); inner()
    return n
print(outer())
def make_counter():
    count = 0
    def c():
        nonlocal count
        count += 1
        return count
    return c
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c2())
def shadow():
    x = "local"
    def inner():
        global x
        return x
    return inner()
x = "glob"
print(shadow())
def define_global():
    global newglob
    newglob = "made"
define_global()
print(newglob)
def exec_in_func():
    exec("zz = 5")
    try:
        return zz
    except NameError as e:
        return str(e)
print(exec_in_func())
def exec_locals():
    d = {}
    exec("w = 9", globals(), d)
    return d
print(exec_locals())
print(eval("[i for i in range(3)]"), eval("(lambda: 5)()"))
src = "def gen():\n    yield 1\n"
ns2 = {}
exec(src, ns2)
print(list(ns2["gen"]()))
print(exec("1") is None, eval(" 1 + 1 "), eval("\t2"))
try:
    eval("")
except SyntaxError as e:
    print(type(e).__name__, e)
print(eval(b"3 * 3"), eval("1", {"__builtins__": {}}))
try:
    eval("len('x')", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
print(eval("len", {"__builtins__": {"len": "custom"}}))
globals()["dyn"] = 11
print(dyn)
def closure_over_loop():
    fs = []
    for i in range(3):
        def f(i=i): return i
        fs.append(f)
    return [f() for f in fs]
print(closure_over_loop())
def nonlocal_err():
    try:
        exec("def f():\n    nonlocal q\n")
    except SyntaxError as e:
        print(type(e).__name__, e)
nonlocal_err()
