# An uncaught exception: traceback with carets.
def f(a, b):
    return a[0] + b

def g():
    return f([1], 'x')

g()
