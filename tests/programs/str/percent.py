# printf-style formatting: str % args.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print("%s|%r|%a|%5s|%-5s|%.2s|%5.1s|" % ("é", "é", "é☃", "ab", "ab", "abc", "xyz"))
print("%d %i %u %o %x %X %#o %#x %#X" % (42, -42, 7, 8, 255, 255, 8, 255, 255))
print("%5d|%-5d|%05d|%+d|% d|%+05d|%.3d|%8.3d|%-8.3d|%#8x|%#08x|%-#8o|" % (42, 42, -42, 42, 42, 42, 7, 7, 7, 255, 255, 8))
print("%e %E %f %F %g %G" % (12345.678, 12345.678, 1.5, float("inf"), 1e-5, 1e20))
print("%.2e %10.3f %-10.2f| %+.1f % .0f %#.0f %#g %g %g" % (1.5, 3.14159, 2.5, 2.25, 2.5, 2.0, 1.0, 100000.0, 1000000.0))
print("%f %f %f %.0f %.1f" % (float("nan"), float("-inf"), -0.0, 0.5, 0.05))
print("%d %d %d %x %o" % (True, 3.99, -3.99, 2**70, -2**70))
print("%d %s %r" % (2**100, 2**100, -2**64))
print("%c%c%c|%3c|%-3c|" % (65, "é", 0x1F600, "x", 66))
print("%*d|%-*d|%*s|%.*f|%*.*f|" % (5, 1, 5, 2, -6, "ab", 2, 3.14159, 8, 3, 2.5))
print("%(a)s %(b)05.1f %(a)r %(c)d%%" % {"a": "x", "b": 2.25, "c": 50})
print("%((x))s %(a b)s" % {"(x)": 1, "a b": 2})
print("%s" % (1,), "%s" % [1, 2], "%s" % {"a": 1}, "%s" % None, "%r" % ("a",), "%s %s" % ("a", "b"))
print("%%" % (), "100%%" % {}, "%ld %hd %Ld" % (1, 2, 3), "%s" % "é☃😀", "😀%s☃" % "x")
print("%-+8.2f|%0-8d|%- d|" % (3.14159, 5, 5))
print("%s" % 1.5, "%r" % 1.5, "%s" % 1j, "%a" % "😀")
class Num:
    def __int__(self): return 7
    def __float__(self): return 7.5
    def __index__(self): return 8
print("%d %f %x %c" % (Num(), Num(), Num(), Num()))
class R:
    def __repr__(self): return "R()"
    def __str__(self): return "str-R"
print("%s %r %a" % (R(), R(), R()))
print("" % [5], "" % {}, "x" % ())
errors = [
    lambda: "%5%" % (),
    lambda: "%5%" % 1,
    lambda: "%y" % (),
    lambda: "%y" % 1,
    lambda: "%" % 1,
    lambda: "abc%" % (),
    lambda: "%(a" % {"a": 1},
    lambda: "%(a)" % {"a": 1},
    lambda: "%(a)s %s" % {"a": 1},
    lambda: "%s %(a)s" % {"a": 1},
    lambda: "%(a)s" % 5,
    lambda: "%(a)s" % [5],
    lambda: "%(x)s" % {},
    lambda: "" % 5,
    lambda: "%s" % (1, 2),
    lambda: "%s %s" % (1,),
    lambda: "%s %s" % 1,
    lambda: "%f" % "1",
    lambda: "%d" % "1",
    lambda: "%i" % None,
    lambda: "%d" % 1j,
    lambda: "%x" % 1.5,
    lambda: "%X" % "a",
    lambda: "%o" % [],
    lambda: "%c" % "ab",
    lambda: "%c" % "",
    lambda: "%c" % 1.5,
    lambda: "%c" % -1,
    lambda: "%c" % 0x110000,
    lambda: "%c" % 2**70,
    lambda: "%*d" % ("a", 1),
    lambda: "%.*d" % (1.5, 1),
    lambda: "%*d" % (1,),
    lambda: "%\u20ac" % 1,
    lambda: "%\x00" % 1,
    lambda: "a%#" % 1,
    lambda: "%(a)*d" % {"a": 1},
    lambda: "%.f" % 1.5,
    lambda: "%s" % R,
    lambda: "%99999999999999999999d" % 1,
    lambda: "%.99999999999d" % 1,
    lambda: "%d" % float("nan"),
    lambda: "%d" % float("inf"),
]
for e in errors:
    t(e)
t(lambda: 5 % "a")
t(lambda: "a" % ())
t(lambda: "%s" % b"x")
