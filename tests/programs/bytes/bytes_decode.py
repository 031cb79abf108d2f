# bytes.decode with codecs and error handlers; str(bytes, encoding).
def t(f):
    try:
        print(ascii(f()))
    except Exception as e:
        print(type(e).__name__, e)

data = b'caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80'
print(ascii(data.decode()), ascii(data.decode('utf-8')), ascii(data.decode('UTF8')), ascii(data.decode('utf_8')), ascii(bytearray(data).decode()))
print(ascii(b'\xe9\xff'.decode('latin-1')), ascii(b'\xe9'.decode('iso-8859-1')), ascii(b'abc'.decode('ascii')), ascii(b'abc'.decode('us-ascii')))
print(ascii(b'\xe9'.decode('cp1252')), ascii(b'\x80'.decode('cp1252')), ascii(b'\xc1'.decode('koi8_r')), ascii(b'\xff\xfea\x00'.decode('utf-16')), ascii(b'a\x00b\x00'.decode('utf-16-le')))
bad = b'ab\xffcd\xc3(\xe2\x82'
for errors in ('ignore', 'replace', 'backslashreplace', 'surrogateescape'):
    t(lambda: bad.decode('utf-8', errors))
    t(lambda: b'a\x80\xffb'.decode('ascii', errors))
t(lambda: bad.decode())
t(lambda: b'\xff'.decode())
t(lambda: b'\xc3'.decode())
t(lambda: b'a\xe2\x82'.decode())
t(lambda: b'\xed\xa0\x80'.decode())
t(lambda: b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass'))
t(lambda: b'\xf4\x90\x80\x80'.decode())
t(lambda: b'\xc0\x80'.decode())
t(lambda: b'\xff'.decode('ascii'))
t(lambda: b'ab\x80\x81c'.decode('ascii'))
t(lambda: b'a\x01'.decode('ascii', 'surrogateescape'))
t(lambda: b'\x81'.decode('cp1252'))
t(lambda: b'x\x81y'.decode('cp1252', 'replace'))
t(lambda: b'x\x81y'.decode('cp1252', 'ignore'))
t(lambda: b'abc'.decode('xyz'))
t(lambda: b'abc'.decode('hex'))
t(lambda: b'a\xff\xfe'.decode('utf-8', 'foo'))
t(lambda: b'abc'.decode('utf-8', 'foo'))
t(lambda: b'abc'.decode(encoding=1))
t(lambda: b'abc'.decode('utf-8', errors=2))
t(lambda: b'abc'.decode('utf-8', 'strict', 3))
try:
    b'xy\xffz'.decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    bytearray(b'\x80').decode('ascii')
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
t(lambda: b'\x8e\x00'.decode('utf-32-le', 'surrogateescape'))
t(lambda: b'\x80\x81\x82\x83\x84\x85'.decode('utf-8', 'surrogateescape'))
t(lambda: b'\xff\xfe\x00\x00\x00\x00\x11\x00\x61\x00\x00\x00'.decode('utf-32', 'replace'))
t(lambda: b'\xff\xfea\x00\x00\xd8b\x00'.decode('utf-16', 'backslashreplace'))
t(lambda: b'a\x82\xa0b\x80'.decode('shift_jis', 'replace'))
t(lambda: b'ab\\x4'.decode('unicode_escape', 'ignore'))
