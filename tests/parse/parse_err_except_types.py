# tests/parse/parse_err_except_types.py -- Error: several exception types without parentheses.
try:
    pass
except A, B:
    pass
