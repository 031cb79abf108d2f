# The format-spec mini-language for int, float, complex and str through format(), str.format and f-strings.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

ints = [0, 7, -7, 255, -255, 123456789, -2**70, 2**64, True]
int_specs = ["", "d", "5d", "<5", ">5", "^5", "=+8", "0=8", "+", "-", " ", "x", "X", "#x", "#X", "o", "#o",
             "b", "#b", "c", ",", "_", "_x", "_b", "#_o", ",d", "010,", "n", "e", ".2e", "f", ".1f", "g",
             "%", ".1%", "*^12", "☃>9", "08", "-08", "+08x", "#010b", ".3"]
for v in ints:
    out = []
    for spec in int_specs:
        try:
            out.append(format(v, spec))
        except Exception as e:
            out.append(type(e).__name__)
    print(v, out)
floats = [0.0, -0.0, 1.5, -1.5, 3.14159265358979, 1e-7, 1e16, 123456.789, float("inf"), float("-inf"),
          float("nan"), 2.5, 0.125, 1e300]
float_specs = ["", "f", ".0f", ".2f", "10.3f", "<10.2f", "^10.1f", "=+10.1f", "010.2f", "e", ".3e", "E",
               "g", ".3g", "G", "#g", "#.0f", "#.0e", "n", "%", ".0%", ",", ",.2f", "_.3f", "+", " ",
               "z", "z.1f", "-.1f", ".10", "15", "r" if False else "s" if False else "F", ".1", "#"]
for v in floats:
    out = []
    for spec in float_specs:
        try:
            out.append(format(v, spec))
        except Exception as e:
            out.append(type(e).__name__)
    print(v, out)
complexes = [0j, 1 + 2j, -1.5 - 0.5j, complex(float("inf"), float("nan")), 3j, -0.0 - 0j, 1e20 + 1e-20j]
complex_specs = ["", "f", ".2f", "e", ".3g", "g", "20", "<20", "^20.2f", "+", " .1f", "#", "F", "E", "G",
                 ",.2f", "_"]
for v in complexes:
    out = []
    for spec in complex_specs:
        try:
            out.append(format(v, spec))
        except Exception as e:
            out.append(type(e).__name__)
    print(v, out)
strs = ["", "abc", "é☃😀", "a" * 12]
str_specs = ["", "s", "5", "<5", ">5", "^5", "*^7", "☃<6", ".2", "8.3", ".0", "^.1"]
for v in strs:
    print(repr(v), [format(v, spec) for spec in str_specs])
errors = [(1, "s"), (1, ".2d"), (1, "=s"), (1.5, "d"), (1.5, "x"), (1.5, "c"), (1j, "="), (1j, "010"),
          (1j, "%"), (1j, "n"), ("a", "d"), ("a", "="), ("a", "+"), ("a", " "), ("a", "#"), ("a", ","),
          ("a", "z"), (1, "z"), (1, ",_"), (1, "_,"), (1, ",c"), (1, "#c"), (1, "+c"), (300000000, "c"),
          (-1, "c"), (1, ".2c"), (1.5, ",n"), (1, ",n"), (1, "_n"), (1.5, "__"), (1, "5.x"), (1, "abc"),
          (1.5, ".f"), (1.5, "10.1.1f"), (1, "99999999999999999999"), (1.5, ".99999999999999999999f"),
          (None, "5"), (None, ""), ([], "s"), (object(), "x")]
for v, spec in errors:
    t(lambda: format(v, spec))
print(f"{1234567:,} {1234567.891:_.2f} {255:#_x} {0.5:.0%} {-0.0:z.1f} {12:=^+9} {3.0:#} {1e100:.3} {2**100:,}")
