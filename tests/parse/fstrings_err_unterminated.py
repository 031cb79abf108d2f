# tests/parse/fstrings_err_unterminated.py -- Error: an unterminated string in a field.
ok = f'{a}'
x = f'{a["b}'
