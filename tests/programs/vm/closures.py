# Closures, cells, nonlocal, global, and unbound-variable errors.
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
print(c(), c(), c())
print(c.__closure__[0].cell_contents)

def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders()])

def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())

g = 5
def setg():
    global g
    g = 7
setg()
print(g)

def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(outer())

def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)

def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 1
free_unbound()

try:
    undefined_name
except NameError as e:
    print(e)

class K:
    x = 1
    def f(self):
        return __class__
    y = [x for _ in range(2)] if False else None
print(K().f() is K)

def deleter():
    a = 1
    del a
    try:
        a
    except UnboundLocalError as e:
        print(e)
deleter()
