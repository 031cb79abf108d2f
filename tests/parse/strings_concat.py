# tests/parse/strings_concat.py -- Adjacent literals: merging, kind='u', bytes, escapes.
x = 'abc'
x = 'a' 'b' "c"
x = u'a' 'b'
x = U'a' 'b'
x = 'a' u'b'
x = ''
x = '' ''
x = u''
x = b'a' B'b' rb'\x00' br'\n' Rb'\\'
x = b''
x = b'' b''
x = ('a'
     'b'  # a comment between the pieces
     'c')
x = '''multi
line''' 'tail' """and
more"""
x = 'é' 'ü' "\N{BULLET}" '\x41\u00e9\U0001F600'
x = 'line \
continued' 'x'
x = r'\n\t' '\n\t' R"\\"
x = '\0\12\101\x7f' '\a\b\f\v\r'
x = b'\0\12\101\x7f\xff' b'\a\b\f\v\r'
x = 'tab\there'   'é'    'x'
x = 'a' \
    'b'
f('a' 'b', u'c' 'd', b'e' b'f')
y = ['a' 'b', 'c']
def g():
    'docstring' ' continued'
    return u'x' 'y'
class C:
    '''class doc'''
    z = '' '' if 0 else 'w' 'v'
