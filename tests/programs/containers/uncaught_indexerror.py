# An uncaught IndexError from a list inside a function.
def f(l):
    return l[len(l)]

print(f.__name__)
f([1, 2, 3])
