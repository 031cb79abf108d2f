# math: results and errors of every function of 3.11 (values printed with repr).
import math

def show(name, *args):
    try:
        r = getattr(math, name)(*args)
    except Exception as e:
        print(name, args, type(e).__name__, e)
    else:
        print(name, args, repr(r))

specials = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 10.0, 1e-300, 1e300, float('inf'), float('-inf'), float('nan')]
unary = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'ceil', 'cos', 'cosh',
         'degrees', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'floor', 'frexp', 'gamma',
         'isfinite', 'isinf', 'isnan', 'lgamma', 'log', 'log10', 'log1p', 'log2', 'modf',
         'radians', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'trunc', 'ulp']
for name in unary:
    for x in specials + [3, -3, 7.5, -7.5, 0.1, 170.5, -170.5, 200, 1000]:
        show(name, x)

binary = ['atan2', 'copysign', 'fmod', 'remainder', 'pow', 'nextafter', 'ldexp', 'log']
pairs = [(1.0, 2.0), (-1.0, 2.0), (0.0, -1.0), (-0.0, 1.0), (2.0, 0.5), (-8.0, 1/3),
         (float('inf'), 2.0), (2.0, float('inf')), (float('nan'), 0.0), (1.0, float('nan')),
         (10.0, 3.0), (-10.0, 3.0), (5.0, 2.0), (7.0, 2.0), (1e308, 10.0), (0.0, 0.0),
         (3, 2), (-3, 2), (float('-inf'), float('inf'))]
for name in binary:
    for a, b in pairs:
        if name == 'ldexp':
            b = int(b) if b == b and abs(b) != float('inf') else 5
        show(name, a, b)

# Integers of any size.
for n in [0, 1, 5, 20, 21, 100]:
    show('factorial', n)
show('factorial', -1)
show('factorial', 5.0)
show('factorial', 2**70)
for n in [0, 1, 15, 16, 17, 10**40, 2**200 + 5]:
    show('isqrt', n)
show('isqrt', -1)
show('gcd')
show('gcd', 12)
show('gcd', -12, 18)
show('gcd', 2**100, 2**60 * 3, 2**40 * 9)
show('gcd', 1.5, 2)
show('lcm')
show('lcm', 4, 6, 10)
show('lcm', 0, 5)
show('lcm', 2**64, 3**40)
for n, k in [(10, 3), (10, 0), (10, 10), (10, 11), (100, 50), (2**70, 2), (5, -1), (-5, 2)]:
    show('comb', n, k)
    show('perm', n, k)
show('perm', 6)
show('perm', 6, None)
show('comb', 10**30, 10**29)

# Aggregates.
show('fsum', [0.1] * 10)
show('fsum', [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])
show('fsum', [float('inf'), 1.0])
show('fsum', [float('inf'), float('-inf')])
show('fsum', [1e308, 1e308])
show('fsum', [float('nan'), 1.0])
show('fsum', [])
show('fsum', [1, 2, 3])
show('fsum', [2.0**53, 1.0, 2.0**-60])
show('prod', [1, 2, 3, 4])
show('prod', [])
show('prod', [2.5, 4, 3])
print(math.prod(range(1, 30), start=2))
show('hypot')
show('hypot', 3, 4)
show('hypot', 3, 4, 12)
show('hypot', 1e-320, 1e-320)
show('hypot', 1e308, 1e308)
show('hypot', float('inf'), float('nan'))
show('hypot', 0.1, 0.2, 0.3)
show('dist', (0, 0), (3, 4))
show('dist', [1.5, 2.5, 3.5], [0.1, 0.2, 0.3])
show('dist', (1,), (1, 2))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12, abs_tol=1e-11))
print(math.isclose(float('inf'), float('inf')), math.isclose(float('nan'), float('nan')))
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print('ValueError', e)
print(math.pi, math.e, math.tau, math.inf, math.nan)

# floor/ceil/trunc through the dunder methods.
class F:
    def __floor__(self): return 'floor'
    def __ceil__(self): return 'ceil'
    def __trunc__(self): return 'trunc'
    def __float__(self): return 2.5
print(math.floor(F()), math.ceil(F()), math.trunc(F()), math.sqrt(F()))
class I:
    def __index__(self): return 7
print(math.sqrt(I()), math.floor(I()), math.factorial(I()))
for f in ['floor', 'ceil', 'trunc', 'sqrt']:
    show(f, 'x')
show('floor', 2**80)
show('floor', -2.5)
show('ceil', -2.5)
show('trunc', -2.5)
show('floor', 1e20)
show('log', 2**2000)
show('log', 2**2000, 2)
show('log10', 10**400)
show('log2', 2**1000 + 1)
show('log', 10, 1)
show('log', 0)
show('log', -2**2000)
show('log', 8, 2)
show('sqrt', 2**2000)
show('exp', 2**2000)
show('ldexp', 1.0, 2**70)
show('ldexp', 1.0, -2**70)
show('ldexp', 1.0, 1.5)
show('gamma', 0.5)
show('gamma', -0.5)
show('gamma', 171.5)
show('gamma', -1e-320)
show('lgamma', -2.5)
show('lgamma', 1e305)
