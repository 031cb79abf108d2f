# tests/parse/fstrings_locations.py -- Where 3.11 puts f-string nodes and field expressions.
x = (f'{a}'
     f'{b}'
     'c' f'{d + e}')
x = f'''{a}
{b}
  {c} {d}'''
x = f'''
  {
a}'''
x = f'''{
  a}'''
x = f'''{
  a
  +
  b}'''
x = f'''abc
{a:{b}
}'''
x = f'''a
b''' f'''{c}
  {d}'''
x = f"""abc
  {a +
 b} {
  c} d{e}"""
y = (f"ab"
  f"{q}" "é{r}" f"é{s}")
x = f"""é
 é{a}{ b } { 
 c} {d:{
e}} {f'{g}'} {f'''
{h}'''}"""
y = f"{x!r:{y}é{z}}"
zz = f"{	q}" rf"\{w}"
x = f'{a}' f'{a}' f'{a} {a}'
x = f'{{a}} {a} {{a}}'
x = f'{a:>10} {b!r} {c=} {d}{d} {{e}} {e} {f=:>3}'
x = f'''{"""a
b""" + x}'''
x = f'''{x + """a
b"""}'''
x = f'''{x + """a
b""" + y}''' + f'''
  {"""a
b"""} {"""c
d""".e}'''
x = f'''{f"{a}" + f"""{b}
{c}"""}'''
x = f'''{f"""{b}
{c}""" + f"{a}"}'''
x = f'{f"{a}"}' if 0 else f'{ f"{ a }" }'
if True:
    if True:
        x = f'{a}' f'é{b}' \
            f'{c!r:>{d}}'
        y = f'''
        {a.b(
            c,
            d)}
        '''
x = f'ééé{a}' 'é' f'{b}ü{c}'
x = f'\N{BULLET}{a}' f'\x41{b}' f'\u00e9{c}'
x = f'{a:\x41{b}}'
x = f'a\
b{c}' f'd\
{e}'
x = f'''{a:{b}
c{d}
}'''
def func(arg):
    return f'{arg=}', f'{arg = !s:>{width}}', f"{arg['k']}"
x = f'{a}' \
    f'{b}'
x = f'''{
0}''' if 0 else 0
