# tests/parse/parse_err_unexpected_indent.py -- Error: unexpected indent.
x = 1
    y = 2
