# tests/parse/parse_err_tokenizer_wins.py -- Error: a later tokenizer error wins over an earlier parse error.
x = 1 2
y = "unterminated
