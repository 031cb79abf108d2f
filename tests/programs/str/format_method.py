# str.format, str.format_map, format() of str, f-strings.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class P:
    x = 1
    y = [10, 20]
    d = {"k": "v", 0: "zero"}
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "str-P"

print("{} {} {}".format(1, "a", 2.5), "{0}{1}{0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{0.x} {0.y[1]} {0.d[k]} {0.d[0]} {p.y[0]}".format(P(), p=P()))
print("{!r} {!s} {!a}".format(P(), P(), "é"), "{0!r:>10}".format(P()), "{:abc}".format(P()), "{!s:>8}".format(P()))
print("{:>10}|{:<10}|{:^10}|{:*^9}|{:.2}|{:10.3}|".format("abc", "abc", "abc", "é☃", "xyz", "abcdef"))
print("{:d} {:5d} {:<5d}| {:x} {:#X} {:b} {:#o} {:,} {:_} {:+d} {: d} {:08.3f}".format(
    1, 2, 3, 255, 255, 5, 8, 1234567, 1234567, 5, 5, 3.14159))
print("{:e} {:.2%} {:g} {:n} {:.3} {:10.2f}|{:<10.2e}|{:^+12.4g}|".format(
    1234.5, 0.256, 1e-7, 1234, 2.0 / 3, 3.14159, 1234.5, 2.5))
print("{:c} {:c} {:=10d} {:0=8d} {:#010x}".format(65, 0x2603, -42, -42, 255))
print("{:} {:.3f} {:>8} {:+.2e} {:10}|".format(1j, 1 + 2j, 1.5j, -1 - 1j, 3 + 0j))
print("{0:{1}} {0:{w}.{p}f} {:{}}".format(3.14159, 8, w=10, p=2) if False else "{0:{1}}|{0:{w}.{p}f}|".format(3.14159, 8, w=10, p=2))
print("{:{}{}}|".format("x", ">", 5), "{:{fill}^{width}}".format("mid", fill="☃", width=9))
print("{{}} {{{}}} }}{{ {{x}}".format(5), "no fields".format(1, 2), "{0[0]}{0[1]}".format("ab"))
print("{٣}".format(0, 1, 2, "three"), "{0[-1]}".format({"-1": "neg"}), "{0[ ]}".format({" ": "sp"}))
print("{a.real}".format(a=5), "{0.imag}".format(1 + 2j), "{[a]}".format({"a": "A"}))
print("{}".format(None), "{:}".format(True), "{:d}".format(True), "{:>5}".format(True))
print("x".format_map({}), "{a}{b}".format_map({"a": 1, "b": 2}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{name} {other}".format_map(Default(name="n")))
print(format("abc"), format("abc", ""), format("abc", "<5"), format("é", "☃^5"), format("abc", "s"),
      format("abcdef", ".3s"), format("", "5"), "abc".__format__("x>4"))
class S(str):
    def __str__(self):
        return "custom"
print(format(S("abc")), format(S("abc"), ">4"), "{}".format(S("x")), f"{S('y')}", "%s" % S("z"))
# f-strings
x, y, name = 3.14159, 42, "wörld"
print(f"{x:.2f} {y:>5} {name!r} {name!a} {name.upper()} {y:#x} {x:{y}.3} {'nested':{'^'}{10}}|")
print(f"{y=} {x = :.1f} {name=!s} {1+1=}")
print(f"{{literal}} {y}{{}}", f"{'a' 'b'}", f"{3:{'>'}{4}}", f"{P()}", f"{P()!s}", f"{P():spec}")
width = 6
print(f"{'x':{width}}|{'y':>{width}}|{y:0{width}d}|")
errors = [
    lambda: "{".format(),
    lambda: "}".format(),
    lambda: "a}b".format(),
    lambda: "{0".format(1),
    lambda: "{0!".format(1),
    lambda: "{0!r".format(1),
    lambda: "{0!rx}".format(1),
    lambda: "{0!x}".format(1),
    lambda: "{0!}".format(1),
    lambda: "{0!\u20ac}".format(1),
    lambda: "{0:".format(1),
    lambda: "{0:{}".format(1),
    lambda: "{:{:{}}}".format(1, 2, 3),
    lambda: "{0[}".format(1),
    lambda: "{0]}".format([1]),
    lambda: "{0.}".format(1),
    lambda: "{0[]}".format(1),
    lambda: "{0.x[0]a}".format(P()),
    lambda: "{a{}".format(1),
    lambda: "{}{0}".format(1, 2),
    lambda: "{0}{}".format(1, 2),
    lambda: "{1}".format(1),
    lambda: "{}{}".format(1),
    lambda: "{x}".format(1),
    lambda: "{x}".format_map({}),
    lambda: "{0}".format_map({}),
    lambda: "{}".format_map({}),
    lambda: "{0.nope}".format(1),
    lambda: "{0[5]}".format([1]),
    lambda: "{0[x]}".format([1]),
    lambda: "{0[0]}".format(5),
    lambda: "{:d}".format("a"),
    lambda: "{:x}".format(1.5),
    lambda: "{:s}".format(1),
    lambda: "{:=5}".format("a"),
    lambda: "{:+}".format("a"),
    lambda: "{:,}".format("a"),
    lambda: "{:#}".format("a"),
    lambda: "{:05}".format("a"),
    lambda: "{:<<<}".format("a"),
    lambda: "{:.}".format("a"),
    lambda: "{:99999999999999999999}".format("a"),
    lambda: "{99999999999999999999}".format("a"),
    lambda: "{:>{}}".format("a", "x"),
    lambda: "x".format_map(1),
    lambda: "{a}".format_map(1),
    lambda: "x".format_map(),
    lambda: format("a", 1),
    lambda: "a".__format__(1),
    lambda: format(S("abc"), "d"),
]
for e in errors:
    t(e)
