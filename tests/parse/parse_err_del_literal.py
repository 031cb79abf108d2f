# tests/parse/parse_err_del_literal.py -- Error: deleting a literal.
del (a, 1)
