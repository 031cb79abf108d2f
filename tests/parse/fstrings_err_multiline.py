# tests/parse/fstrings_err_multiline.py -- Error: invalid syntax on a later line of a multi-line field.
ok = f'{a}'
x = f'''{a +
  b c}'''
