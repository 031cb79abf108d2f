# _operator: the operator functions (operator.py re-exports them), _compare_digest, errors.
import operator, _operator

def t(label, g):
    try:
        print(label, repr(g()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(operator.add is _operator.add, operator.__lt__ is _operator.lt, operator.itemgetter)
for name in ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and_',
             'or_', 'xor', 'lt', 'le', 'eq', 'ne', 'gt', 'ge', 'is_', 'is_not']:
    f = getattr(operator, name)
    print(name, f(7, 3), f(2, 5))
for name in ['neg', 'pos', 'abs', 'inv', 'invert', 'not_', 'truth', 'index']:
    print(name, getattr(operator, name)(-6))
l = [1, 2, 3]
operator.setitem(l, 0, 9); operator.delitem(l, 1)
print(l, operator.getitem(l, -1), operator.contains(l, 9), operator.call(max, 1, 5, key=None))
x = [1]; y = operator.iadd(x, [2]); print(x, y is x, operator.imul('ab', 2), operator.ipow(2, 10), operator.imatmul)
t('add args', lambda: operator.add(1))
t('index float', lambda: operator.index(1.5))
t('add types', lambda: operator.add(1, 'a'))
t('lt types', lambda: operator.lt(1, 'a'))
t('call none', lambda: operator.call())
for a, b in [('abc', 'abc'), ('abc', 'abd'), (b'x', b'x'), (b'x', bytearray(b'x')), ('a', b'a'),
             ('\xe9', '\xe9'), (1, 1), (b'ab', b'abc'), ('', '')]:
    t('digest %r %r' % (a, b), lambda: _operator._compare_digest(a, b))
