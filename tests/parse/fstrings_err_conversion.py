# tests/parse/fstrings_err_conversion.py -- Error: an invalid conversion character.
ok = f'{a}'
x = f'{a!x}'
