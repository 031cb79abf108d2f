# binascii: hex, base64 strict and lenient, crc32, crc_hqx, errors.
import binascii

def show(label, thunk):
    try:
        r = thunk()
    except Exception as e:
        print(label, type(e).__module__, type(e).__name__, e)
    else:
        print(label, repr(r))

for data in [b'', b'a', b'ab', b'abc', b'abcd', bytes(range(256))[:40], 'héllo'.encode()]:
    print(binascii.hexlify(data), binascii.b2a_base64(data), binascii.b2a_base64(data, newline=False),
          binascii.crc32(data), binascii.crc_hqx(data, 0),)
    assert binascii.unhexlify(binascii.hexlify(data)) == data
print(binascii.hexlify(b'abcdef', ':'), binascii.hexlify(b'abcdef', ':', -2), binascii.hexlify(b'abcdef', b'_', 4),
      binascii.b2a_hex(bytearray(b'\x00\xff')), binascii.hexlify(memoryview(b'xyz'), '-', 1))
print(binascii.unhexlify('DEADbeef'), binascii.a2b_hex(b'0102'), binascii.crc32(b'hello', 12345), binascii.crc32(b'x', -1))
print(binascii.crc_hqx(b'hello', 0xffff), binascii.crc_hqx(b'', 0x12345))
for s in ['YWJj', 'YWJjZA==', 'YWJjZA', 'YW=Jj', 'YQ===', 'YWJj\nZGVm', '!!YWJj', 'abc', 'abcde', 'a', '', 'ab==cd']:
    show('a2b %r' % s, lambda: binascii.a2b_base64(s))
    show('strict %r' % s, lambda: binascii.a2b_base64(s, strict_mode=True))
for bad in ['abc', 'zz', 5, 'é']:
    show('unhex %r' % (bad,), lambda: binascii.unhexlify(bad))
show('sep', lambda: binascii.hexlify(b'abc', '--'))
show('hexlify str', lambda: binascii.hexlify('abc'))
show('crc str', lambda: binascii.crc32('abc'))
print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
