# tests/parse/expressions.py -- operators, precedence, literals, slices, walrus, ternaries.
x = a or b and not c
x = a < b <= c == d != e > f >= g in h not in i is j is not k
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
x = -a + +b - ~c ** -d ** e
x = await_ if True else None
x = (yield)
x = a if b else c if d else e
x = lambda: (yield)
x = [1, 2.5, 3j, 0x10, 0o7, 0b1, 1_000_000, 1e10, 1.5e-3, 123456789012345678901234567890]
x = 'a' "b" '''c''' """d""" r'e' u'i' U"j"
x = b'f' rb'g' Rb"h"
x = 'a' u'b'
x = u'a' 'b'
x = b'a' b'b'
x = ()
x = (1,)
x = (1, 2)
x = []
x = {}
x = {1}
x = {1: 2, **d, 3: 4}
x = {*a, *b}
x = a[1]
x = a[1:2]
x = a[:]
x = a[::]
x = a[1:2:3]
x = a[:, 1]
x = a[1, 2]
x = a[1,]
x = a[*b]
x = a[*b, c]
x = a[b:=1]
x = a.b.c
x = a().b[c]()
x = (y := 10)
x = [y := 1, y ** 2]
x = ...
x = None, True, False
x = not not a
x = a if (b := c) else d
x = (a for b in c)
x = 1 if 2 else (3, 4)
print(*args, sep='')
x = (
    a
    +
    b
)
x = a.\
b
if (n := len(a)) > 10: pass
while chunk := f.read(): pass
x = "multi\
line"
x = """a
b""" + 'c'
