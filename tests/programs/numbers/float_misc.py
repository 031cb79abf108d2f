# floats in containers, builtins over floats, f-strings, float subclasses with their own repr
print(float('nan') == float('nan'), 1e16 == 10**16, 0.1 + 0.2 == 0.3, max(1, 2.5), min(3.0, 2))
print(sum([0.1] * 10), 3 * 0.1, 2 ** -2, (-2) ** 0.5, 10 / 4, -7 // 2.0)
print({1: 'a', 1.0: 'b'}, 1.0 in {1}, {0.5, 0.5}, [1.5] * 2)
print(divmod(7, -2.5), pow(2.0, 3), pow(-8, 1/3), abs(-0.0), float('1e-310'))
print(f'{3.0}', f'{-0.0:z.1f}', f'{1e100:.3g}', str(1/3))
class F(float):
    def __repr__(self): return 'F!'
print(F(1.5), F(1.5) * 2, format(F(2.0), ''), F('3.5') + 0, int(F(9.9)))
print(complex(1, 2) ** -1, 1j.real, (2+0j) ** 0.5)
