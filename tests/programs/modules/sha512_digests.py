# _sha512: SHA-512 and SHA-384 digests across block boundaries, copy, errors.
import _sha512
for d in [b'', b'abc', b'a' * 111, b'a' * 112, b'a' * 127, b'a' * 128, b'a' * 1000, bytes(range(256)) * 3]:
    h = _sha512.sha512(d); print(h.hexdigest()[:32], _sha512.sha384(d).hexdigest()[-16:], h.digest()[:4])
h = _sha512.sha512(); h.update(b'ab'); c = h.copy(); h.update(b'c'); print(h.hexdigest() == _sha512.sha512(b'abc').hexdigest(), c.hexdigest()[:10], h.name, h.digest_size, h.block_size, _sha512.sha384().name)
for bad in ['x', 1]:
    try: _sha512.sha512(bad)
    except Exception as e: print(type(e).__name__, e)
