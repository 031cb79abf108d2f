# tests/parse/parse_err_eof_block.py -- Error: a block missing at the end of the file.
for x in y: