# bytearray: construction, mutation, slice assignment, in-place operators, exports.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(bytearray(), bytearray(3), bytearray(b'abc'), bytearray([1, 2]), bytearray(range(65, 68)), bytearray(memoryview(b'mv')))
print(repr(bytearray(b'x\x00"\'')), str(bytearray(b'q')), len(bytearray(b'abcd')))
t(lambda: bytearray(1.5))
t(lambda: bytearray(-1))
t(lambda: bytearray('a'))
t(lambda: bytearray(b'a', 'utf-8'))
t(lambda: bytearray('a', errors='strict'))
t(lambda: bytearray(errors='strict'))
t(lambda: bytearray('a', 'utf-8', 'strict', 4))
t(lambda: bytearray([300]))
t(lambda: bytearray([-1]))
t(lambda: bytearray([2**70]))
t(lambda: bytearray(['a']))
t(lambda: hash(bytearray()))

a = bytearray(b'hello')
a[0] = 72
a[-1] = ord('O')
print(a, a[1], a[-2], a[1:3], a[::-1], type(a[1:3]).__name__)
t(lambda: a[10])
t(lambda: a['a'])
def s(k, v):
    a[k] = v
    return a
t(lambda: s(0, 300))
t(lambda: s(0, 'a'))
t(lambda: s(10, 1))
t(lambda: s('x', 1))
t(lambda: s(slice(1, 3), b'EY'))
t(lambda: s(slice(1, 3), b'ABCD'))
t(lambda: s(slice(1, 5), b''))
t(lambda: s(slice(0, 0), [120, 121]))
t(lambda: s(slice(None), bytearray(b'0123456789')))
t(lambda: s(slice(None, None, 2), b'abcde'))
t(lambda: s(slice(None, None, 2), b'ab'))
t(lambda: s(slice(None, None, -3), b'WXYZ'))
t(lambda: s(slice(1, 2), 5))
t(lambda: s(slice(1, 2), 'ab'))
t(lambda: s(slice(5, 2), b'__'))
t(lambda: s(slice(0, 2), a))
def d(k):
    del a[k]
    return a
t(lambda: d(0))
t(lambda: d(slice(0, 2)))
t(lambda: d(slice(None, None, 2)))
t(lambda: d(slice(None, None, -2)))
t(lambda: d(-1))
t(lambda: d(100))

b = bytearray(b'abc')
print(b.append(100), b)
b.extend(b'ef')
b.extend([103, 104])
b.extend(bytearray(b'i'))
b.extend(x for x in [106])
print(b)
b.insert(0, 65)
b.insert(-1, 66)
b.insert(100, 67)
b.insert(-100, 68)
print(b)
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(ord('A'))
print(b)
b.reverse()
print(b, b.copy(), b.copy() is b)
t(lambda: b.append())
t(lambda: b.append('a'))
t(lambda: b.append(256))
t(lambda: b.insert(1))
t(lambda: b.pop(1, 2))
t(lambda: bytearray().pop())
t(lambda: b.pop(50))
t(lambda: b.remove(5))
t(lambda: b.remove('a'))
t(lambda: b.extend(1))
t(lambda: b.extend('ab'))
t(lambda: b.extend([1, 'a']))
b.clear()
print(b, len(b))

c = bytearray(b'ab')
c2 = c
c += b'cd'
c += memoryview(b'e')
print(c, c2 is c)
c *= 2
print(c, c2 is c)
print(c + b'!', b'<' + c, type(b'<' + c).__name__, c * 2, 2 * c, bytearray(b'x') * 0)
t(lambda: c + 'a')
t(lambda: c + 1)
def iadd():
    x = bytearray(b'a')
    x += 'b'
t(iadd)
t(lambda: c * 'a')
print(c == b'abcdeabcde', c == bytearray(b'abcdeabcde'), c != c, c < b'b', c > bytearray(b'a'), c == memoryview(b'abcdeabcde'), bytearray(b'a') == 'a')
t(lambda: c < 'a')
print(98 in c, b'cd' in c, b'zz' in c, list(bytearray(b'\x01\x02')))
t(lambda: 'a' in c)
print(c.__alloc__() >= len(c), bytearray().__alloc__(), bytearray(b'abc').__alloc__(), bytearray(b'ab').__sizeof__())
print(bytearray(b'ab').__reduce__(), bytearray(b'ab').__reduce_ex__(2), bytearray(b'ab').__reduce_ex__(4))
it = iter(bytearray(b'xy'))
print(type(it).__name__, it.__length_hint__(), list(it))
g = bytearray(b'abc')
it = iter(g)
next(it)
g.append(100)
print(list(it))

class BA(bytearray):
    pass
x = BA(b'sub')
print(repr(x), type(x + b'!').__name__, type(x.upper()).__name__, type(BA.fromhex('4142')).__name__, x == b'sub')
x.attr = 1
print(x.attr)

e = bytearray(b'exports')
m = memoryview(e)
t(lambda: e.append(1))
t(lambda: e.extend(b'ab'))
t(lambda: e.pop())
t(lambda: e.clear())
t(lambda: e.__delitem__(0))
t(lambda: e.__setitem__(slice(0, 1), b''))
t(lambda: e.__setitem__(slice(0, 1), b'EE'))
t(lambda: e.__setitem__(slice(0, 1), b'E'))
def grow():
    global e
    e += b'x'
t(grow)
t(lambda: e.__imul__(2))
m.release()
e.append(33)
print(e)
with memoryview(e) as mm:
    t(lambda: e.append(1))
e.append(34)
print(e)
f = bytearray(b'abcdefg')
f[::2] = b''
print(f)
f[5:1:-1] = b''
print(f)
f[1:1] = b''
print(f)
b = bytearray()
seq = []
for i in range(40):
    b.append(i)
    seq.append(b.__alloc__())
print(seq)
b = bytearray(b'x' * 100)
seq = []
for i in range(30):
    b.pop()
    seq.append(b.__alloc__())
print(seq)
b = bytearray(range(50)); del b[:10]; print(b.__alloc__(), len(b)); b.extend(range(100)); print(b.__alloc__())
print(bytearray([1,2,3]).__alloc__(), bytearray(range(20)).__alloc__(), bytearray(b'ab' * 10).__alloc__(), bytearray(5).__alloc__(), (bytearray(b'ab') * 3).__alloc__(), bytearray('abc', 'ascii').__alloc__())
