# repr and format edge cases of built-in values (no addresses)
vals = [0, -0.0, 1e16, 1e-7, 123456789.123, float("inf"), -float("nan"), 2 ** 64, -(2 ** 64), 1 + 0j, -0j, complex(-0.0, 0.0),
        "", "'", '"', "'\"", "\n\t\\", "\x00\x7f\x80", "é☃", b"", b"'", b"\x00\xff", bytearray(b"ab"), (), (1,), [], [[]], {}, {1: {}},
        set(), frozenset(), {1}, frozenset({2}), range(0), range(1, 5, 2), slice(None), None, True, Ellipsis, NotImplemented,
        int, type, object, len, [].append.__name__, str.join.__name__]
for v in vals:
    print(repr(v), str(v) if not isinstance(v, (bytes, bytearray)) else "", ascii(v) if isinstance(v, str) else "")
for v, spec in [(3.14159, ".3"), (3.14159, ".3f"), (1234.5, ",.1f"), (0.000123, ".2e"), (1e100, "g"), (255, "08b"), (255, "#o"),
                (-255, "x"), (42, "+"), (42, "*^9"), ("ab", ">5"), ("ab", "^6"), ("abc", ".2"), (True, ""), (True, "d"), (None, ""),
                (1.5, "%"), (2 ** 70, ","), (-1.5, "=+10.2f"), (1e-320, ""), (123, "c"), (0.1, ".17g"), (1.0, "e"), (12.0, "n")]:
    print(repr(v), repr(spec), repr(format(v, spec)))
print(f"{'x'!r:>6}|{3.0!s}|{[1, 'a']!a}|{'é'!a}|{1+2}|{'{'}|{{}}|{3:{'>'}{5}}")
width, prec = 10, 3
print(f"{3.14159:{width}.{prec}f}|{'left':<{width}}|{12:0{width}d}")
print("%s %r %a %d %5.2f %-5d| %x %o %e %g %c %%" % ("s", "r", "é", 42, 3.14159, 7, 255, 8, 12345.678, 0.0001, 65))
print("%(a)s %(b)d" % {"a": "A", "b": 2}, "%.3s" % "abcdef", "%+d % d" % (5, 5), "%#x %#o" % (255, 8))
print("{} {!r} {:>4} {name} {0}".format(1, "two", 3, name="N"), "{0[1]} {1.real}".format([5, 6], 2), "{:,}".format(10 ** 7))
