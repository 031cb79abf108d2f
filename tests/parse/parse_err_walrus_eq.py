# tests/parse/parse_err_walrus_eq.py -- Error: '=' where '==' or ':=' was meant.
if x = 1:
    pass
