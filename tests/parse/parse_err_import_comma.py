# tests/parse/parse_err_import_comma.py -- Error: trailing comma after unparenthesized import names.
from m import a, b,
