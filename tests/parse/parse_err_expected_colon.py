# tests/parse/parse_err_expected_colon.py -- Error: expected ':' after an if condition.
if x
    pass
