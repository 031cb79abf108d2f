# tests/parse/parse_err_bare_star.py -- Error: bare * without named parameters.
def f(a, *):
    pass
