# tests/parse/parse_err_comma.py -- Error: a missing comma inside brackets.
x = [1, 2
     3]
