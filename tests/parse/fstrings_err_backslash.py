# tests/parse/fstrings_err_backslash.py -- Error: a backslash inside a field.
ok = f'{a}'
x = f'{a["\n"]}'
