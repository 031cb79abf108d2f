# tests/parse/parse_err_never_closed.py -- Error: a bracket never closed, reported from the tokenizer.
x = foo(1,
y = 2
