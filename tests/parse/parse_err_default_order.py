# tests/parse/parse_err_default_order.py -- Error: non-default parameter after a default one.
def f(a=1, b):
    pass
