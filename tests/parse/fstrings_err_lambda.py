# tests/parse/fstrings_err_lambda.py -- Error: a lambda's ':' ends the field.
ok = f'{a}'
x = f'{lambda x: 1}'
