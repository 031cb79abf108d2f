# tests/parse/fstrings_err_required.py -- Error: a conversion with no expression.
ok = f'{a}'
x = f'{!r}'
