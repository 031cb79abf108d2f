# tests/parse/parse_err_assign_call.py -- Error: assignment to a function call.
f(x) = 1
