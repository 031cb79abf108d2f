# tests/parse/fstrings_err_syntax.py -- Error: invalid syntax inside a field, on the second token's line.
ok = f'{a}'
x = (f'{a}'
     f'{b c}')
