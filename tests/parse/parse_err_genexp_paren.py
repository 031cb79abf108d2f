# tests/parse/parse_err_genexp_paren.py -- Error: unparenthesized generator among arguments.
f(x for x in y, 1)
