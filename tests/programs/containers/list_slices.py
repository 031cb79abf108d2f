# list slicing: reads, assignment (step 1 and extended) and deletion.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::3], a[::-2], a[8:2:-2], a[5:2], a[100:], a[-100:2])
print(a[slice(1, 4)], a[slice(None, None, -1)][:3])
t(lambda: a[::0])
t(lambda: a["a":])
t(lambda: a[1.0:])
b = a[:]
b[2:5] = ["x"]
print(b)
b[0:0] = [-2, -1]
print(b)
b[len(b):] = (100, 101)
print(b)
b[1:3] = []
print(b)
b[:] = b
print(b)
b[3:1] = [7]
print(b)
b[::2] = range(len(b[::2]))
print(b)
b[::-3] = ["r"] * len(b[::-3])
print(b)
def bad1():
    b[::2] = [1, 2]
def bad2():
    b[::2] = 5
def bad3():
    b[0:2] = 5
def bad4():
    b[::0] = []
t(bad1)
t(bad2)
t(bad3)
t(bad4)
c = list(range(12))
del c[::3]
print(c)
del c[-1:-5:-2]
print(c)
del c[2:4]
print(c)
del c[100:]
print(c)
del c[0]
print(c)
def bad5():
    del c[50]
def bad6():
    c[50] = 1
def bad7():
    c["x"] = 1
t(bad5)
t(bad6)
t(bad7)
c[-1] = "last"
print(c)
d = [1, 2, 3]
d[1:2] = d
print(d)
e = [0, 1, 2, 3, 4]
e[1:4:2] = e[0:2]
print(e)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4))
print(slice(3), slice(1, 2), slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), slice(1, 2).__reduce__())
t(lambda: hash(slice(1)))
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
t(lambda: slice(1, 2, 0).indices(3))
t(lambda: slice(1).indices(-1))
t(lambda: slice("a").indices(3))
