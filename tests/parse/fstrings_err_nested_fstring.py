# tests/parse/fstrings_err_nested_fstring.py -- Error: an error in an f-string nested in a field.
ok = f'{a}'
x = f'{f"{}"}'
