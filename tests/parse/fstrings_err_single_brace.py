# tests/parse/fstrings_err_single_brace.py -- Error: a lone closing brace.
ok = f'{a}'
x = f'a}b'
