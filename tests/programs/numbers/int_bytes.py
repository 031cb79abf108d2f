# int.to_bytes needs the bytes type (bytes helper)
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True))
print((255).to_bytes(), (0).to_bytes(0, 'big'), (-128).to_bytes(1, 'big', signed=True))
for args, kw in [((1, 'big'), {'signed': False}), ((0, 'big'), {})]:
    try:
        print((256).to_bytes(*args, **kw))
    except OverflowError as e:
        print('OverflowError', e)
try:
    (-1).to_bytes(2, 'big')
except OverflowError as e:
    print('OverflowError', e)
try:
    (128).to_bytes(1, 'big', signed=True)
except OverflowError as e:
    print('OverflowError', e)
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\xff\xff', 'little', signed=True))
