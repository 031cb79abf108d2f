# bytes: construction, indexing, slicing, comparison, hashing, operators, iteration.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(b'abc', b'', b"it's", b'"q"', b'both \'"', b'\x00\x7f\x80\xff\t\n\r\\')
print(repr(b'a\x01b'), str(b'xyz'), len(b'hello'))
t(lambda: bytes())
t(lambda: bytes(3))
t(lambda: bytes([1, 2, 255]))
t(lambda: bytes((65, 66)))
t(lambda: bytes(range(97, 100)))
t(lambda: bytes(iter([104, 105])))
t(lambda: bytes(b'copy'))
t(lambda: bytes(bytearray(b'ba')))
t(lambda: bytes(memoryview(b'mv')))
t(lambda: bytes(x for x in [1, 2]))
t(lambda: bytes(x=1))
t(lambda: bytes(1.5))
t(lambda: bytes(-1))
t(lambda: bytes('a'))
t(lambda: bytes(1, 'utf-8'))
t(lambda: bytes(errors='x'))
t(lambda: bytes(encoding='x'))
t(lambda: bytes('a', 'utf-8', 'strict', 4))
t(lambda: bytes([1, 'a']))
t(lambda: bytes([300]))
t(lambda: bytes([-1]))
t(lambda: bytes(10**20))
t(lambda: bytes(None))
t(lambda: bytes(object()))

class WithBytes:
    def __bytes__(self):
        return b'custom'
class BadBytes:
    def __bytes__(self):
        return 42
class Idx:
    def __index__(self):
        return 2
t(lambda: bytes(WithBytes()))
t(lambda: bytes(BadBytes()))
t(lambda: bytes(Idx()))
t(lambda: bytes([Idx(), Idx()]))

b = b'hello world'
print(b[0], b[-1], b[1:4], b[::2], b[::-1], b[100:], b[-3:], b[2:9:3])
t(lambda: b[11])
t(lambda: b[-12])
t(lambda: b[1.5])
t(lambda: b[Idx()])
print(b[:] is b, b[0:len(b)] is b)

print(b'abc' == b'abc', b'abc' != b'abd', b'abc' < b'abd', b'ab' < b'abc', b'b' > b'abc')
print(b'abc' <= b'abc', b'abc' >= b'abd', b'abc' == 'abc', b'a' == bytearray(b'a'))
t(lambda: b'abc' < 'a')
t(lambda: b'abc' < 1)
print(hash(b'abc'), hash(b''), hash(b'\xff\x00'), hash(b'abc') == hash('abc'))
print({b'a': 1, b'b': 2}[b'b'], len({b'x', b'x', b'y'}))

print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), b'ab' + memoryview(b'cd'), b'' + b'', b'x' * 3, 3 * b'yz', b'q' * 0, b'q' * -2)
t(lambda: b'abc' + 'a')
t(lambda: 'a' + b'abc')
t(lambda: b'abc' + 1)
t(lambda: b'abc' * 1.5)
t(lambda: b'abc' * 'a')
t(lambda: [1] + b'a')
x = b'ab'
x += b'cd'
x *= 2
print(x)

print(97 in b'abc', 100 in b'abc', b'bc' in b'abc', b'' in b'abc', bytearray(b'c') in b'abc', b'ac' in b'abc')
t(lambda: 'a' in b'abc')
t(lambda: 300 in b'abc')
t(lambda: -1 in b'abc')
t(lambda: None in b'abc')

print(list(b'abc'), [c for c in b'\x00\xff'], tuple(reversed(b'abc')))
it = iter(b'xy')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), next(it))
t(lambda: next(it))
print(sorted([b'b', b'a', b'ab']), max(b'abc'), sum(b'\x01\x02'))
print(b'abc'.__getnewargs__(), b'abc'.__bytes__(), bytes.__bytes__(b'z'), b'abc'.__sizeof__(), b''.__sizeof__())
print(ord(b'a'), ord(bytearray(b'z')))
t(lambda: ord(b'ab'))
print(bool(b''), bool(b'\x00'), type(b'').__name__, bytes.__name__)

class MyBytes(bytes):
    pass
m = MyBytes(b'sub')
print(m, type(m).__name__, m == b'sub', hash(m) == hash(b'sub'), type(m + b'x').__name__, type(m[:]).__name__, isinstance(m, bytes))
m.attr = 5
print(m.attr, MyBytes(3), MyBytes([65]), type(bytes(m)).__name__)
print(type(MyBytes.fromhex('41')).__name__, MyBytes.fromhex('4142'))
it = iter(b'abc')
next(it)
print(it.__reduce__(), it.__setstate__(2), list(it), it.__reduce__())
it = iter(bytearray(b'xyz'))
it.__setstate__(-5)
print(next(it), it.__reduce__()[1:])
