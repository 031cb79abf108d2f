# memoryview casts to several dimensions (C-contiguous views) and back.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = bytearray(range(24))
m = memoryview(b)
m2 = m.cast('B', shape=[4, 6])
print(m2.ndim, m2.shape, m2.strides, len(m2), m2.nbytes, m2.tolist())
print(m2[1, 2], m2[-1, -1], m2[3, 0], m2.tobytes() == bytes(b), bytes(m2)[:4], m2.c_contiguous)
m2[0, 0] = 99
print(b[0], m2[0, 0])
t(lambda: m2[0])
t(lambda: m2[0, 1, 2])
t(lambda: m2[4, 0])
t(lambda: m2[0, 6])
t(lambda: m2['a'])
t(lambda: m2[0, 'a'])
t(lambda: list(m2))
t(lambda: m2.__setitem__((0, 0), 300))
s = m2[1:3]
print(s.shape, s.strides, s.tolist(), s.nbytes, len(s))
m3 = m.cast('B', shape=[2, 3, 4])
print(m3.shape, m3.strides, m3.tolist()[1][2], m3[1, 2, 3])
h = m.cast('h', shape=[3, 4])
print(h.format, h.itemsize, h.shape, h.strides, h.tolist()[2])
print(h.cast('B').shape, h.cast('B').tolist()[:4], m2.cast('B').tolist() == m.tolist())
t(lambda: m2.cast('B', shape=[24]).shape)
t(lambda: m2.cast('B', shape=[2, 12]))
t(lambda: m.cast('B', shape=[5, 5]))
t(lambda: m.cast('B', shape=[0, 24]))
t(lambda: m.cast('B', shape=[1] * 65))
print(m2 == m.cast('B', shape=[4, 6]), m2 == m.cast('B', shape=[6, 4]), m2 == m)
r = memoryview(bytes(range(8))).cast('B', shape=[2, 2, 2])
print(r.readonly, hash(r) == hash(bytes(range(8))), r.tolist())
for x in (m2, m3, h, s, r):
    x.release()
m.release()
print(m2.__repr__().startswith('<released memory'))
