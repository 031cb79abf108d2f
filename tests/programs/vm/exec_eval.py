# exec, eval, compile, globals, locals, vars.
ns = {}
exec('a = 1\nb = a + 1', ns)
print(ns['a'], ns['b'], '__builtins__' in ns)
print(eval('a * 10', ns))
print(eval('x + y', {'x': 1}, {'y': 2}))
code = compile('z = 5', '<test>', 'exec')
print(type(code).__name__, code.co_filename, code.co_name)
g = {}
exec(code, g)
print(g['z'])
print(eval(compile('1 + 2', '<e>', 'eval')))
def f():
    local_var = 1
    return sorted(locals())
print(f())
print(globals()['__name__'])
class V:
    def __init__(self):
        self.q = 1
print(vars(V()))
try:
    eval('1 +')
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    compile('x', 'f', 'bad')
except ValueError as e:
    print(e)
try:
    vars(1)
except TypeError as e:
    print(e)
exec('def h(): return 42', ns)
print(ns['h']())
print(eval('   1'))
