# call-site TypeErrors: positional/keyword binding messages for functions, methods, lambdas, classes
def f(a, b, /, c, *, d, e=5): return (a, b, c, d, e)
cases = ["f()", "f(1)", "f(1, 2)", "f(1, 2, 3)", "f(1, 2, 3, 4)", "f(1, 2, c=3)", "f(1, b=2, c=3, d=4)", "f(1, 2, 3, d=4, z=0)",
         "f(1, 2, 3, d=4, c=5)", "f(*[1, 2, 3], **{'d': 4})", "f(1, 2, 3, d=4, **{'e': 1, 'e2': 2})"]
for c in cases:
    try:
        print(c, eval(c))
    except TypeError as e:
        print(c, "->", e)
class K:
    def m(self, x): return x
    @classmethod
    def c(cls, x): return x
    @staticmethod
    def s(x): return x
k = K()
for c in ["k.m()", "k.m(1, 2)", "K.m(1)", "K.m()", "k.c()", "K.s()", "k.s(1, 2)", "K(1)", "k.m(y=1)", "k.m(1, x=2)"]:
    try:
        print(c, eval(c))
    except TypeError as e:
        print(c, "->", e)
g = lambda x, *, y: x
for c in ["g()", "g(1)", "g(1, 2)", "g(1, y=2, z=3)"]:
    try:
        print(c, eval(c))
    except TypeError as e:
        print(c, "->", e)
def many(a, b, c, d): pass
for c in ["many(1)", "many(1, 2)", "many(a=1)", "many(1, 2, 3, 4, 5)", "many(1, 2, 3, 4, a=1)"]:
    try:
        print(c, eval(c))
    except TypeError as e:
        print(c, "->", e)
def kwonly(*, a, b, c): pass
for c in ["kwonly()", "kwonly(a=1)", "kwonly(1)"]:
    try:
        eval(c)
    except TypeError as e:
        print(c, "->", e)
def varkw(**kw): return kw
print(varkw(a=1, **{"b": 2}), varkw(**{"a": 1}, b=2))
def defaults(a, b=2, *args, c=3, **kw): return a, b, args, c, kw
print(defaults(1), defaults(1, 2, 3, 4, c=5, d=6), defaults(*range(5)), defaults(1, **{"b": 9}))
