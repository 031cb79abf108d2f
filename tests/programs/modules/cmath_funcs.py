# cmath: every function on finite values (CPython's algorithms), a few special values, errors.
import cmath

def show(name, *args, **kwargs):
    try:
        r = getattr(cmath, name)(*args, **kwargs)
    except Exception as e:
        print(name, args, type(e).__name__, e)
    else:
        print(name, args, repr(r))

values = [0j, 1 + 0j, -1 + 0j, 1j, -1j, 0.5 + 0.5j, -2.5 + 3j, 3 - 4j, 1e-300 + 1e-300j,
          1e300 + 1e300j, -1e300 - 1e-300j, 710 + 1j, -710 + 2j, 2, -3.5, 1e-320 + 0j,
          complex(0.0, -0.0), complex(-0.0, 0.0), 0.999 + 0.001j, 1.2 - 0.3j]
for name in ['sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
             'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'phase', 'polar',
             'isfinite', 'isinf', 'isnan']:
    for z in values:
        show(name, z)
show('log', 8, 2)
show('log', 1 + 1j, 1j)
show('log', 5, 1)
show('log', 5, 0)
show('rect', 2, 0.5)
show('rect', 1, 0)
show('rect', -1, -0.0)
show('rect', 0, 3)
show('isclose', 1 + 1j, 1 + 1.0000000001j)
show('isclose', 1j, 2j)
show('isclose', 1, 1, rel_tol=-1)
show('sqrt', 'x')
show('exp', complex(1e308, 0))
for special in [complex(float('inf'), 0), complex(0, float('inf')), complex(float('nan'), 1)]:
    show('isinf', special)
    show('isnan', special)
    show('isfinite', special)
    show('phase', special)
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
class C:
    def __complex__(self): return 2 + 3j
class F:
    def __float__(self): return 0.25
print(cmath.sqrt(C()), cmath.exp(F()), cmath.phase(-1), cmath.polar(3 + 4j))
