# int methods owned by the numbers part: format, round, trunc/floor/ceil, bytes, ratios
for spec in ['', 'd', '5', '<5', '^7', '+', ' ', ',', '_', '_b', '#x', '#o', 'X', 'c', 'n',
             '08.2f', 'e', '%', '010,', '=+8', '#b']:
    print(repr(spec), repr(format(255, spec)), repr(format(-1234567, spec)) if spec != 'c' else '')
print(format(10**30, ','), format(-2**100, '#x'), f'{42:*^10}', f'{True}', f'{True:d}', format(False, ''))
for bad in ['s', '.2', ',c']:
    try:
        format(5, bad)
    except ValueError as e:
        print('ValueError', e)
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12350, -2), round(7, 2),
      round(15, -1), round(25, -1), round(5, -1), round(123, -10), round(10**20 + 5, -1))
print(round(7), type(round(7, 1)).__name__, (7).__round__(), round(True))
print((5).__trunc__(), (-5).__floor__(), (5).__ceil__(), (6).as_integer_ratio(), (-4).conjugate())
print((255).bit_count(), (-7).bit_count(), (2**100 - 1).bit_count(), (0).bit_length())
print((0).__sizeof__(), (1).__sizeof__(), (2**30).__sizeof__(), (2**100).__sizeof__())
print(int.from_bytes([1, 0]), int.from_bytes([1, 0], 'little'), int.from_bytes([255], 'big', signed=True),
      int.from_bytes([0x80, 0], byteorder='big', signed=True), int.from_bytes([]),
      int.from_bytes(list(range(20)), 'little'))
for args in [([1], 'middle'), ([300],), ('ab',)]:
    try:
        print(int.from_bytes(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print((7).numerator, (7).denominator, (7).real, (7).imag, (-3).__getnewargs__())
