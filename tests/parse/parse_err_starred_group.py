# tests/parse/parse_err_starred_group.py -- Error: a starred expression in parentheses.
x = (*a)
