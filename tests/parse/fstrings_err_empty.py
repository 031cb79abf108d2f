# tests/parse/fstrings_err_empty.py -- Error: an empty field.
ok = f'{a}'
x = f'a{ }b'
