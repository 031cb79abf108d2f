# repr/str of floats: shortest round trip, exponent switch points, signed zeros, specials
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2 + 0.1, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5,
        1.5e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 3.14159,
        float('inf'), float('-inf'), float('nan'), 100.0, 1e22, 1e23, 0.3, 2.675]
for v in vals:
    print(repr(v), str(v))
print([1.0, 2.5], (0.5,), {1.25: 2.0})
for s in ['1.5', '  -2.25  ', '1_000.5', 'inf', '-Infinity', 'nAn', '1e400', '-1e-400',
          '0x10', '', '1__0', '1.2.3', '\u0661\u0662.5', 'abc', ' 12e3\n']:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
print(float(), float(3), float(True), float(-7), float(2**70), float(1.5))
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
print(float(F()), float(I()))
for bad in [[], None, 'x', {}]:
    try:
        float(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    float(10**400)
except OverflowError as e:
    print('OverflowError', e)
class G:
    def __float__(self):
        return 1
try:
    float(G())
except TypeError as e:
    print('TypeError', e)
print((0.1).hex(), (-0.0).hex(), (1.0).hex(), float.fromhex('0x1.8p1'), float.fromhex(' -0x.8 '))
try:
    float.fromhex('zz')
except ValueError as e:
    print('ValueError', e)
print((2.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-3.0).as_integer_ratio())
print((1.0).is_integer(), (1.5).is_integer(), 1.5.real, 1.5.imag, (2.5).conjugate())
for bad in [float('inf'), float('nan')]:
    try:
        bad.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(hash(1.0), hash(0.5), hash(-1.0), hash(1e100), hash(float('inf')), hash(-0.0))
print(hash(1.0) == hash(1), hash(2.0**70) == hash(2**70))
class MyFloat(float):
    pass
m = MyFloat(2.5)
print(type(m).__name__, m, m + 1, type(m + 1).__name__, isinstance(m, float))
