# tests/parse/parse_err_positional_after_kw.py -- Error: positional argument after a keyword argument.
f(a=1, b)
