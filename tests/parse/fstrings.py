# tests/parse/fstrings.py -- f-strings: fields, conversions, format specs, nesting, locations.
x = f"plain"
y = f"{a}"
z = f"{a!r} {b!s:>10} {c!a:{width}.{prec}f}"
w = f"{ a + b = }"
v = f"{x=!r:^20}"
u = f'{"nested"}' f"{'q'}" "plain" f"""{
    multi
    + line
}"""
t = rf"\d{x}\n" fr'{y}\\'
s = f"{{literal}} {x:{{}}>5}"
r = f"{x:%Y-%m-%d}" f"{(lambda: 1)}" if 0 else f"{(lambda: 1)()}"
q = f"{d['key']} {d[0]:x} {obj.attr!r}"
p = f"{'é'}é{x}" + f"{ 'ü' :>{w}}"
o = (f"a{b}"
     f"c{d}"
     "e")
n = f"{x,y}" f"{*a,}" f"{yield}" if 0 else 0
m = f"{f'{1}'}" f'''{f"{f'{2}'}"}'''
l = f"""{x!r}
{y:>{z}}
"""
def g():
    return f"{await_ if x else y}"
