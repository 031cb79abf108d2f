# _struct through the struct module: every format code, byte orders, errors.
import struct
def t(label, f):
  try: print(label, repr(f()))
  except Exception as e: print(label, type(e).__module__, type(e).__name__, e)
P=struct.pack
for fmt,v in [('b',200),('B',-1),('h',70000),('H',-1),('i',2**31),('I',-1),('l',2**63),('L',-1),('q',2**63),('Q',-1),('n',2**63),('N',-1),('<i',2**31),('<I',-1),('<q',2**64),('<Q',-1),('>h',2**15),('<H',2**16),('b','x'),('c',1),('c',b'ab'),('s',1),('f','x'),('f',1e300),('e',1e10),('?',[]),('P',-1),('<b',300),('<B',300), ('b', 1.5), ('i', 2**100), ('<l', 2**40), ('l', 2**40), ('<L', 2**32), ('<I', 2**32)]:
  t(fmt, lambda: P(fmt, v))
t(1, lambda: P('z', 1)); t(2, lambda: P('3', 1)); t(3, lambda: P('ii', 1)); t(4, lambda: P('<n', 1)); t(5, lambda: struct.unpack('i', b'123'))
t(6, lambda: struct.unpack_from('i', b'123', 1)); t(7, lambda: struct.unpack_from('i', b'1234', -8)); t(8, lambda: struct.unpack_from('i', b'12345678', 6))
t(9, lambda: list(struct.iter_unpack('i', b'12345'))); t(10, lambda: list(struct.iter_unpack('', b''))); t(11, lambda: struct.pack_into('i', bytearray(2), 0, 1)); t(12, lambda: struct.pack_into('i', bytearray(8), 6, 1)); t(13, lambda: struct.pack_into('i', bytearray(8), -9, 1)); t(14, lambda: struct.pack_into('i', b'1234', 0, 1))
t(15, lambda: struct.calcsize('@bi')); t(16, lambda: struct.calcsize('=bi')); t(17, lambda: struct.Struct('i').format); t(18, lambda: struct.Struct(b'i').format);
t(19, lambda: P('i', 1, 2)); t(20, lambda: struct.pack()); t(21, lambda: P(1)); t(22, lambda: struct.calcsize('ii ii'))
t(23, lambda: P('5p', b'abcdefgh')); t(24, lambda: P('e', 65520.0)); t(25, lambda: P('e', 65519.0)); t(26, lambda: P('f', float('inf'))); t(27, lambda: P('d', 10**400))
class I:
  def __index__(self): return 5
t(28, lambda: P('i', I())); t(29, lambda: P('?', I()));
t(30, lambda: P('<f', 1e300)); t(31, lambda: P('<f', float('inf'))); t(32, lambda: P('<e', 1e300)); t(33, lambda: P('>d', 1.5)); t(34, lambda: P('<?', 5)); 
t(35, lambda: P('@bhiqd', 1,2,3,4,5.0)); t(36, lambda: P('@ci', b'a', 1)); t(37, lambda: P('<bhiq', 1,2,3,4)); t(38, lambda: P('3s2p', b'abcd', b'xyz'))
t(39, lambda: struct.unpack('<bhiqd?', P('<bhiqd?', -1,-2,-3,-4,2.5,True))); t(40, lambda: struct.unpack('3s2p', b'abc\x05x')); t(41, lambda: struct.unpack('e', b'\x00\x3c'))
t(42, lambda: P('i', True)); t(43, lambda: P('q', 2.0)); t(44, lambda: P('0s', b'abc')); t(45, lambda: P('p', b'abc')); t(46, lambda: P('s', bytearray(b'ab')));
t(47, lambda: struct.Struct('>2h').size); t(48, lambda: repr(struct.Struct('i'))[:20]); t(49, lambda: struct.Struct.__module__)
t(50, lambda: P('P', 5)); t(51, lambda: P('x')); t(52, lambda: P('2x')); t(53, lambda: P(' i ', 1)); t(54, lambda: struct.calcsize('i\tq'))
t(55, lambda: P('e', float('nan'))); t(56, lambda: P('<e', -0.0)); t(57, lambda: struct.unpack('<e', b'\x00\xfc')); t(58, lambda: P('<e', 1e-8)); t(59, lambda: P('<e', 5.96e-8))
for x in [0.1, 1/3, 2.5e-5, 6.1e-5, 65504.0, 1e-7, 3.0e-8, 2.9e-8, -1.5, 1000.7]:
  t('e%r' % x, lambda: (P('<e', x), struct.unpack('<e', P('<e', x)), struct.unpack('>f', P('>f', x))))
s = struct.Struct('<hhl'); print(s.size, s.format, s.unpack(s.pack(1, 2, 3)), s.unpack_from(b'xx' + s.pack(4, 5, 6), 2), list(s.iter_unpack(s.pack(1,2,3) * 2)))
buf = bytearray(12); s.pack_into(buf, 2, 7, 8, 9); print(buf, struct.unpack_from('<hhl', buf, offset=2))
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00'); print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
print(struct.error, struct.error.__mro__[1], issubclass(struct.error, Exception))
print(struct.unpack('<qQ', b'\xff' * 16), struct.unpack('>iI', b'\x80\x00\x00\x00' * 2), struct.unpack('@?c', b'\x02z'))
print(struct.pack('>' + 'B' * 3, 1, 2, 3), struct.calcsize('P'), struct.calcsize('c5si'), struct.calcsize('5sqc'), struct.calcsize('@hid'))
print(struct.unpack(b'>H', memoryview(b'\x01\x02')), struct.unpack('<d', bytearray(struct.pack('<d', 3.14))))
t(60, lambda: struct.unpack('i', 'abcd'))
t(61, lambda: struct.Struct(1))
t(62, lambda: struct.calcsize('99999999999999999999i'))
