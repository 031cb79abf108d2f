# complex construction, repr, arithmetic, comparisons, format
print(1j, 2+3j, -1j, complex(), complex(1), complex(1, 2), complex(-0.0, 1), complex(0, -0.0))
print(complex('1+2j'), complex(' (3-4.5j) '), complex('j'), complex('-J'), complex('1e3'),
      complex(1+2j, 3+4j), complex(2.5), complex(True))
for s in ['1+', 'abc', '1_+2j', '(1+2j']:
    try:
        complex(s)
    except ValueError as e:
        print('ValueError', e)
for args in [('1', 2), (1, '2'), ([],), (1, [])]:
    try:
        complex(*args)
    except TypeError as e:
        print('TypeError', e)
a, b = 3+4j, 1-2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** 0.5, -a, +a, abs(a), a.conjugate(), a.real, a.imag)
print(a + 1, 1 + a, a * 2.0, 2.0 * a, a / 2, 2 / a, 1j ** 2, (1+1j) ** 100)
print(a == 3+4j, a != b, (1+0j) == 1, 1 == (1+0j), (1.5+0j) == 1.5, 1j == 1)
print(hash(1+0j) == hash(1), hash(2.5+0j) == hash(2.5), hash(3+4j))
for f in [lambda: a / 0, lambda: 0j ** -1, lambda: a < b, lambda: a // 2, lambda: a % 2,
          lambda: pow(a, 2, 3), lambda: abs(complex(1e308, 1e308))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(format(1+2j, ''), format(1.5-2j, '.2f'), f'{3+4j:>20}|', f'{1j:g}', format(1+2j, '^20.3e'))
print(bool(0j), bool(1j), complex(float('inf'), float('nan')), repr(complex(-0.0, -0.0)))
class C:
    def __complex__(self):
        return 5j
print(complex(C()))
class MyC(complex):
    pass
print(type(MyC(1, 2)).__name__, MyC(1, 2))
