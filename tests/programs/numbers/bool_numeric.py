# bool's numeric side: arithmetic as int, bitwise ops of bools stay bool
print(True + True, True * 3, -True, ~False, True / 2, True // 1, True ** 2, abs(False))
t, f = True, False
print(t & f, t | f, t ^ t, t & 3, 6 | f, type(t ^ f).__name__)
print(True == 1, False == 0.0, True < 2, hash(True), hash(False), int(True), float(False))
print(format(True, ''), format(True, 'd'), format(False, '>5'), round(True), divmod(True, 2))
print(sum([True, True, False]), 1.5 + True, complex(True, False))
