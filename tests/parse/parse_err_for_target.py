# tests/parse/parse_err_for_target.py -- Error: a literal as for target.
for 1 in x:
    pass
