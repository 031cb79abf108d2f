# int() parsing, arithmetic edge cases, divmod, pow with modulus, round, bit ops
for s, base in [("12", 10), (" -7 ", 10), ("+5", 10), ("0x1f", 16), ("0x1f", 0), ("0o17", 0), ("0b101", 0), ("1_000", 10),
                ("z", 36), ("Z", 36), ("0", 0), ("00", 0), ("010", 0), ("1__0", 10), ("_1", 10), ("1_", 10), ("", 10),
                ("12", 2), ("ff", 15), ("٣", 10), ("1.5", 10), ("0x", 16), ("  ", 10), ("9" * 30, 10), ("-0b1", 0), ("1e5", 10)]:
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print(repr(s), base, type(e).__name__, e)
for args in [(1, 10), ("1", 1), ("1", 37), ("1", -1), (b"12",), (bytearray(b"7"),), (3.99,), (-3.99,), (True,), (None,), ([],), (float("inf"),), (float("nan"),), ("1", 2.0)]:
    try:
        print(args, int(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(args, type(e).__name__, e)
print(int(x="5") if False else int("5", base=8), int(), int("  0x10 ".strip(), 16))
class Trunc:
    def __trunc__(self): return 7
class IntM:
    def __int__(self): return 8
class IdxM:
    def __index__(self): return 9
class BadInt:
    def __int__(self): return "no"
print(int(IntM()), int(IdxM()))
try:
    int(BadInt())
except TypeError as e:
    print(type(e).__name__, e)
print(7 // 2, -7 // 2, 7 // -2, 7 % 3, -7 % 3, 7 % -3, divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2))
print(2 ** 10, 2 ** -2, (-2) ** 3, (-8) ** (1 / 3) if False else 0, 0 ** 0, pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3, 5), pow(2, 3, -5))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0)]:
    try:
        print(args, pow(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(1250, -2), round(1350, -2), round(0.5), round(1.5))
print(round(1e300, -300), round(123.456, 1), round(-0.0), round(5, 2), type(round(5.0)).__name__, type(round(5.0, 0)).__name__)
for args in [(float("inf"),), (float("nan"),), (1.5, "x"), ("1",)]:
    try:
        print(round(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(args, type(e).__name__, e)
print(1 << 100, (1 << 100) >> 99, -1 >> 10, ~0, ~5, 5 & -3, 5 | -3, 5 ^ -3, (2**64 - 1) & 0xF0, -(2**64) | 1)
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), (7).bit_count(), (-1).bit_count(), (10).to_bytes(2, "big") if False else "")
print(int.from_bytes(b"\x01\x00", "big") if False else "", (12).as_integer_ratio(), (5).conjugate(), (-5).__abs__(), int.__name__)
print(10 ** 20, -10 ** 20, 10 ** 20 // 7, 10 ** 20 % 7, -(10 ** 20) // 7, divmod(10 ** 30, -7), 3 ** 100 % 1000)
print(2 ** 0.5, 10 / 4, 10 / 5, -1 / 3, 1 / 3 * 3, 7.0 // 2, -7.0 // 2, 7.0 % -2, 2 ** 1000 / 2 ** 999)
try:
    2 ** 10000 / 1.0 if False else float(2 ** 10000)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (2 ** 10000) / 3
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 // 10 ** 399, (10 ** 400) / (10 ** 399), 1 / (10 ** 400) if False else 0)
print(abs(-5), abs(-2 ** 70), -0, int("-0"), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(isinstance(True, int), True == 1, hash(True), 1 == 1.0, hash(1.0) == hash(1), 2 ** 53 + 1 == float(2 ** 53 + 1))
print(int.__add__(1, 2), int.__radd__(1, 2), (1).__truediv__(2), (1).__floordiv__(0) if False else "", int.__neg__(3))
print(format(1234567, ","), format(1234567, "_"), format(255, "#010x"), format(-42, "+d"), format(42, " d"), format(42, "<6d") + "|")
print(format(42, "^7"), format(42, "=+7"), format(255, "X"), format(8, "o"), format(5, "c"), format(42, "e"), format(42, "%"), format(10**20, ".3g"))
for spec in ["s", ".2d", "=s", ",x", "#c", "z"]:
    try:
        print(format(42, spec))
    except ValueError as e:
        print(spec, type(e).__name__, e)
print(bin(-5), oct(-8), hex(-255), hex(0), bin(2 ** 65))
