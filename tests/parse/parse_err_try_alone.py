# tests/parse/parse_err_try_alone.py -- Error: try without except or finally.
try:
    pass
x = 1
