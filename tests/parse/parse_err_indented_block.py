# tests/parse/parse_err_indented_block.py -- Error: no indented block after a def.
def f():
return 1
