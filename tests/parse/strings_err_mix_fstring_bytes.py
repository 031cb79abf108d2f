# tests/parse/strings_err_mix_fstring_bytes.py -- Error: bytes next to an f-string.
ok = f'{a}'
x = f'{a}' b'b'
