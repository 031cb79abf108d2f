# tests/parse/fstrings_err_expecting.py -- Error: an unclosed field.
ok = f'{a}'
x = f'{a!r:>10'
