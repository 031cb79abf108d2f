# tests/parse/strings_err_mix_bytes.py -- Error: bytes next to str.
ok = f'{a}'
x = ('a'
     b'b')
