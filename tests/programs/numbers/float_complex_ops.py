# float.fromhex/hex, as_integer_ratio, is_integer, float() parsing, complex arithmetic and reprs
for x in [0.0, -0.0, 1.0, 0.1, 1e300, 5e-324, float("inf"), -1.5, 3.141592653589793, 2.0 ** 60]:
    print(repr(x), x.hex(), float.fromhex(x.hex()) == x or x != x)
for s in ["0x1p0", "0x1.8p1", "-0x.8p-1", "0X1P+3", " 0x1p-1074 ", "inf", "-Infinity", "nan", "0x1.fffffffffffff8p1023", "0x1p-1075", "1", "0xg", "", "0x1p", "0x1.0000000000000001p0"]:
    try:
        print(repr(s), float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
for x in [0.5, -0.75, 1e10, 0.1, 3.0, -0.0]:
    print(x, x.as_integer_ratio(), x.is_integer(), x.conjugate(), x.real, x.imag)
for x in [float("inf"), float("nan")]:
    try:
        x.as_integer_ratio()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for s in ["1.5", " -2e3 ", "1_000.5", "inf", "-nan", "iNfInItY", "1e500", "-1e-500", ".5", "5.", "1__0", "abc", "", "0x10", "1e", "١٢٣"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
for v in [None, [], "x", b"1.5", 10**400]:
    try:
        print(repr(v)[:10], float(v))
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(v)[:10], type(e).__name__, e)
print(1e16, 1e15, 1.0, 1e-5, 1e-4, 123456789012345678.0, 0.1 + 0.2, -0.0, 1e22, 1.5e-7, 2.5e+100)
print(float("1e16"), 100.0, 1/3, 2/3, 9.999999999999999e22, 1e23, float(2**63), -1e-310)
print(str(1.0), str(1e100), repr(1e-100), f"{1.0}", f"{0.1:.20f}", f"{1e100:.3e}", f"{123.456:g}", f"{1e-7:g}")
print(format(1.5, ".0f"), format(2.5, ".0f"), format(0.125, ".2f"), format(1e16, ".1f"), format(-0.0, "+.1f"), format(-0.0, "z.1f"))
print(format(3.14159, "10.3f") + "|", format(3.14159, "<10.2e") + "|", format(12345.678, ",.2f"), format(0.5, "%"), format(1.0, "#.0f"))
print(format(float("nan"), "f"), format(float("-inf"), "E"), format(1e-10, "g"), format(123456789.0, "g"), format(1.0, "n"))
print(float.__name__, (1.5).__floor__() if hasattr(1.5, "__floor__") else "", (2.5).__round__(), (2.5).__round__(0), (-1.5).__trunc__())
print(1.0 == 1, 0.1 + 0.2 == 0.3, float("nan") == float("nan"), 1e308 * 10, -1e308 * 10, 2.0 ** 0.5, (-8.0) ** 0.5)
for expr in ["1.0 / 0", "1.0 // 0.0", "2.0 ** 10000", "0.0 ** -1", "(-1.0) ** 0.5", "float('inf') - float('inf')", "divmod(1.0, 0.0)", "10.0 ** 400"]:
    try:
        print(expr, eval(expr))
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(expr, type(e).__name__, e)
c = complex(1, 2)
print(c, c.real, c.imag, c.conjugate(), abs(complex(3, 4)), c * c, c / 2, c + 1, 1 - c, c ** 2, -c, +c)
print(complex("1+2j"), complex(" (3-4j) "), complex("5j"), complex("-j"), complex(2), complex(1.5, -0.0), complex(0, 0), complex(-0.0, -0.0))
for s in ["1+2", "j1", "1 + 2j", "", "(1+2j", "1+2jj"]:
    try:
        print(complex(s))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
for args in [("1", 2), (1, "2"), (None,), ([],)]:
    try:
        print(complex(*args))
    except TypeError as e:
        print(args, type(e).__name__, e)
print(repr(1j), repr(-1j), repr(1e20j), repr(complex(1e300, 1e-300)), repr(complex("inf+nanj")), 1j ** 2, (1 + 1j) ** 0.5)
print(format(1 + 2j, ".2f"), format(1.5 + 2j, "^20"), format(1j, ""), format(complex(1, -1), "+.1e"), f"{3+4j!r:>12}")
for expr in ["1j // 1", "1j % 1", "1j < 2j", "int(1j)", "float(1j)", "1j / 0", "0j ** -1", "round(1j)"]:
    try:
        print(expr, eval(expr))
    except (TypeError, ZeroDivisionError, ValueError) as e:
        print(expr, type(e).__name__, e)
print(hash(1j) == hash(complex(0, 1)), hash(complex(3, 0)) == hash(3), 1j == 1j, (1 + 0j) == 1, complex.__name__)
print(divmod(5.5, 1.5), 5.5 % -1.5, -5.5 // 1.5, round(-0.5), round(0.49999999999999994), round(2.5, 0), round(-2.55, 1))
print((1.5).hex(), float.fromhex("1"), (0.1).as_integer_ratio(), sum([0.1] * 10), 1e-320 / 2)
