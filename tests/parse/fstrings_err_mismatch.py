# tests/parse/fstrings_err_mismatch.py -- Error: mismatched brackets in a field.
ok = f'{a}'
x = f'{a[}'
