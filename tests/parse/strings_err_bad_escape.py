# tests/parse/strings_err_bad_escape.py -- Error: a truncated \x escape in an f-string's literal part.
ok = f'{a}'
x = f'{a}\x4{b}'
