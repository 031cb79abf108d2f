# _functools: reduce and cmp_to_key (functools re-exports them), with their errors.
import functools, _functools

def t(label, g):
    try:
        print(label, repr(g()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(functools.reduce is _functools.reduce, functools.cmp_to_key is _functools.cmp_to_key)
t('sum', lambda: functools.reduce(lambda a, b: a + b, range(10)))
t('initial', lambda: functools.reduce(lambda a, b: a * b, [2, 3], 10))
t('empty initial', lambda: functools.reduce(lambda a, b: a + b, [], 'x'))
t('empty', lambda: functools.reduce(lambda a, b: a + b, []))
t('not iterable', lambda: functools.reduce(lambda a, b: a + b, 5))
t('no args', lambda: functools.reduce())
t('not callable', lambda: functools.reduce(1, [1, 2]))
t('kw', lambda: functools.reduce(lambda a, b: a + b, [1, 2], initial=3))
K = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([5, 2, 9, 1], key=K), sorted('hello', key=functools.cmp_to_key(lambda a, b: ord(b) - ord(a))))
k = K(3)
t('lt', lambda: k < K(4))
t('ge', lambda: k >= K(3))
t('vs int', lambda: k < 4)
t('hash', lambda: hash(k))
t('obj', lambda: k.obj)
t('types', lambda: (type(K), type(k)))
t('K()', lambda: K())
t('cmp_to_key()', lambda: functools.cmp_to_key())
print(functools.partial(max, 1, key=abs), functools.partial(max, 1)(-5), functools.lru_cache(maxsize=2)(abs)(-3))
