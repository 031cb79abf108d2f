# float arithmetic, mixed int/float, and CPython's errors
a, b = 7.5, -2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, -a, +a, abs(b))
print(1 + 0.5, 0.5 + 1, 3 - 0.5, 2 * 1.5, 1 / 4.0, 7 // 2.0, 7 % 2.5, 2 ** 0.5, 2.0 ** -1)
print(True + 1.5, 1.5 * False, 10**20 + 0.0, 0.0 + 10**20)
print(-7.5 // 2, -7.5 % 2, 7.5 % -2, -0.0 % 5.0, 2.0 % -2.0, divmod(-7.0, 2))
print(1e308 * 10, -1e308 * 10, float('inf') - float('inf'))
print(int(3.9), int(-3.9), int(1e20), round(2.5), round(3.5), round(-0.5), round(2.675, 2))
print(round(1234.5678, -2), round(0.125, 2), round(5.0, 0), type(round(2.5)).__name__)
print((-2.5).__trunc__(), (-2.5).__floor__(), (-2.5).__ceil__(), (2.0).__floor__())
for f in [lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0, lambda: divmod(1.0, 0.0),
          lambda: 0.0 ** -1, lambda: int(float('nan')), lambda: int(float('inf')),
          lambda: 10.0 ** 400, lambda: round(float('inf')), lambda: 1 / 0.0,
          lambda: 1.5 + 'a', lambda: pow(2.0, 3, 5), lambda: 2**10000 + 0.5,
          lambda: round(1.7976931348623157e308, -308)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print((-8) ** (1/3), (-2.0) ** 0.5)
print(bool(0.0), bool(-0.0), bool(0.1), 2.0 == 2, 2.5 != 2)
for x, y in [(1.0, 1), (2**53 + 1, float(2**53)), (float(2**53), 2**53 + 1), (1e30, 10**30),
             (0.5, 0), (-0.5, 0), (float('nan'), 1), (float('inf'), 10**400),
             (-float('inf'), -10**400), (1e300, 10**300), (2.0**100, 2**100)]:
    print(x < y, x <= y, x == y, x != y, x > y, x >= y, y < x, y == x)
print(sorted([3, 1.5, 2, 0.5, 10**20, 1e19]))
print(format(3.14159, '.2f'), format(1234567.891, ','), format(0.5, '%'), format(1e-7, 'g'),
      format(2.0, ''), format(-1.5, '+010.3f'), f'{12.5:^10}|', f'{1e20:e}', f'{0.1:.20}')
try:
    format(1.0, 'd')
except ValueError as e:
    print('ValueError', e)
x = 1.5
x += 1
x *= 2
x **= 2
print(x)
