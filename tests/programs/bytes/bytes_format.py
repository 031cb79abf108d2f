# bytes % args (PEP 461) and bytearray % args.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(b'%d %i %u' % (1, -2, 3), b'%5d|%-5d|%05d' % (42, 42, 42), b'%x %X %o %#x %#o' % (255, 255, 8, 255, 8))
print(b'%+d % d %+.3d' % (5, 5, 7), b'%d' % 3.99, b'%d' % True, b'%.2f %e %g %G' % (3.14159, 12345.678, 0.00001, 1e20))
print(b'%s and %b' % (b'bytes', bytearray(b'ba')), b'%s' % memoryview(b'mv'), b'%5s|%-5s|' % (b'ab', b'cd'), b'%.2s' % b'abcdef')
print(b'%r %a' % ('str', 'caf\xe9'), b'%r' % b'x', b'%10r|' % 1)
print(b'%c%c%c' % (97, b'b', bytearray(b'c')), b'%3c|' % 65, b'%%', b'100%% %s' % b'ok')
print(b'%(name)s is %(age)d' % {b'name': b'Bob', b'age': 7}, b'%(x)s %(x)s' % {b'x': b'y'})
print(b'%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159), b'%*d' % (-4, 1))
print(b'no args' % (), b'%s' % (b'tuple',), bytearray(b'%d-%d') % (1, 2), type(bytearray(b'%d') % 1).__name__)
class B:
    def __bytes__(self):
        return b'dunder'
print(b'%s' % B(), b'%b' % B())
class I:
    def __index__(self):
        return 10
print(b'%x %d' % (I(), I()))
t(lambda: b'%s' % 'str')
t(lambda: b'%s' % 5)
t(lambda: b'%d' % 'x')
t(lambda: b'%x' % 1.5)
t(lambda: b'%f' % 'x')
t(lambda: b'%c' % 256)
t(lambda: b'%c' % 'a')
t(lambda: b'%c' % b'ab')
t(lambda: b'%d %d' % (1,))
t(lambda: b'%d' % (1, 2))
t(lambda: b'abc' % 5)
t(lambda: b'%(a)s' % 5)
t(lambda: b'%(a)s' % {b'b': 1})
t(lambda: b'%(a' % {b'a': 1})
t(lambda: b'%' % ())
t(lambda: b'%5' % 1)
t(lambda: b'%y' % 1)
t(lambda: b'%*d' % ('a', 1))
t(lambda: b'%s' % [1])
print(b'abc' % [1], b'abc' % {b'a': 1})
t(lambda: 'str' % b'x')
t(lambda: 5 % b'x')
t(lambda: b'%5%' % 1)
t(lambda: b'%-%' % ())
t(lambda: b'%u' % 'x')
t(lambda: b'%i' % 'x')
t(lambda: b'%u|%i' % (3.5, -2.5))
