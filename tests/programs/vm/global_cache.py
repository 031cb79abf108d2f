# global and builtin loads stay right while the caches specialise: rebinding, shadowing, deleting
import builtins
def read_x():
    return x
def call_len(s):
    return len(s)
x = 1
results = []
for i in range(200):
    if i == 100:
        x = "rebound"
    results.append(read_x())
print(results[99], results[100], results[-1])
out = []
for i in range(300):
    if i == 100:
        len = lambda s: "shadowed"
    if i == 200:
        del len
    out.append(call_len("abc"))
print(out[99], out[100], out[199], out[200], out[-1])
orig = builtins.len
out = []
for i in range(200):
    if i == 100:
        builtins.len = lambda s: "patched builtin"
    out.append(call_len("ab"))
builtins.len = orig
print(out[99], out[100], call_len("xyz"))
def uses_missing():
    return missing_global
for i in range(60):
    try:
        uses_missing()
    except NameError:
        pass
missing_global = "now defined"
print(uses_missing())
del missing_global
try:
    uses_missing()
except NameError as e:
    print(type(e).__name__, e)
g = {"__builtins__": builtins}
code = compile("def f():\n    return y\n", "<g>", "exec")
exec(code, g)
g["y"] = 1
vals = [g["f"]() for _ in range(100)]
g["y"] = 2
vals.append(g["f"]())
for k in range(50):
    g["pad%d" % k] = k
vals.append(g["f"]())
print(vals[0], vals[-2], vals[-1])
def defaults(a, b=2, c=3):
    return a + b + c
tot = [defaults(1) for _ in range(100)]
defaults.__defaults__ = (20, 30)
tot.append(defaults(1))
tot.append(defaults(1, 1))
print(tot[0], tot[-2], tot[-1])
class M:
    def meth(self, a, b=10):
        return a + b
m = M()
print(sum(m.meth(i) for i in range(100)), sum(M.meth(m, i) for i in range(100)))
f = M.meth
print([f(m, 1) if i % 2 else f(m, 1, 2) for i in range(4)])
