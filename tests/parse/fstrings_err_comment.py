# tests/parse/fstrings_err_comment.py -- Error: a '#' inside a field.
ok = f'{a}'
x = f'{a#}'
