# tests/parse/parse_err_lambda_default.py -- Error: lambda non-default parameter after a default one.
f = lambda a=1, b: 0
