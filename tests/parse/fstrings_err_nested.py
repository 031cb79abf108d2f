# tests/parse/fstrings_err_nested.py -- Error: fields nested too deeply.
ok = f'{a}'
x = f'{a:{b:{c}}}'
