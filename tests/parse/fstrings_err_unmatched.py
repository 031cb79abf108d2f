# tests/parse/fstrings_err_unmatched.py -- Error: an unmatched bracket in a field.
ok = f'{a}'
x = f'{a)}'
