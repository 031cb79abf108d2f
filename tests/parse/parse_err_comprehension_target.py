# tests/parse/parse_err_comprehension_target.py -- Error: comprehension target needing parentheses.
[x, y for x, y in z]
