# Containers, unpacking, f-strings, calls, subscripts and constant folding.
a, *b, c = range(10)
d = [*b, 1, 2, 3]
e = {**{'k': 1}, 'v': 2}
s = {1, 2, 3}
t = (1, 2, (3, 4))
print(f"{a!r:>{c}} and {b}", -1, 2 ** 10, 'a' 'b', 1 + 2j, ~5, not 0)
print(*d, sep='', **e)
x = d[1:2], d[::2], d[0]
del d[0], e['v']
y = [i * j for i in range(3) for j in range(i)]
z = {k: v for k, v in e.items()}
w = (q for q in y)
m = "%s and %r" % (a, c)
d.append(3)
n = x is not None and y not in z
