# random: python3.11's exact sequences after seed(n) (the Mersenne Twister of _random).
import random, _random

random.seed(12345)
print([random.random() for _ in range(5)])
print([random.randint(1, 100) for _ in range(10)])
print(random.choice('abcdefg'), random.choice(range(1000)), random.randrange(0, 100, 7))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.uniform(1, 2), random.getrandbits(70))
print(random.choices('abc', k=6), random.choices(range(5), weights=[5, 1, 1, 1, 1], k=5))
print(random.gauss(0, 1), random.normalvariate(10, 2), random.expovariate(1.5), random.triangular())
print(random.betavariate(2, 3), random.gammavariate(2.5, 1), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
print(random.paretovariate(3), random.weibullvariate(1, 2), random.randbytes(6))
random.seed(2**80 + 1); print(random.random())
random.seed(-5); print(random.random())
r = random.Random(7); s = r.getstate(); a = [r.random() for _ in range(3)]; r.setstate(s)
print(a == [r.random() for _ in range(3)], len(s[1]), s[0])
print(random.Random(3.25).random(), random.Random(0).randrange(10**30))
x = _random.Random(99); print(x.random(), x.getrandbits(8), x.getrandbits(33))
for bad in [lambda: x.setstate([1]), lambda: x.setstate((1,) * 3), lambda: x.getrandbits(-1),
            lambda: _random.Random(1, 2), lambda: random.randint(5, 1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
random.seed('hello world'); print(random.random())
random.seed(b'bytes seed'); print(random.random())
random.seed(bytearray(b'ba')); print(random.random())
random.seed('x', version=1); print(random.random())
import _sha512
print(_sha512.sha512(b'abc').hexdigest(), _sha512.sha384(b'abc').hexdigest())
h = _sha512.sha512(); h.update(b'a' * 200); print(h.copy().hexdigest(), h.name, h.digest_size, h.block_size)
