# _collections: deque (maxlen, rotate, index, insert, remove, reversed, repr, comparisons,
# operators, iteration checks), defaultdict, Counter's _count_elements.
from collections import deque, defaultdict, Counter

def show(label, thunk):
    try:
        r = thunk()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, r)

d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1], d.maxlen)
d.extend('ab'); d.extendleft('xy'); print(d)
print(d.pop(), d.popleft(), d)
d.rotate(2); print(d); d.rotate(-3); print(d); d.rotate(); print(d); d.rotate(100); print(d)
print(d.index(2), d.index(2, 1), d.count(2), 3 in d, 'q' in d)
show('index missing', lambda: d.index('q'))
show('index range', lambda: d.index(0, 5, 1))
show('index type', lambda: d.index(0, 'a'))
d.insert(2, 'ins'); d.insert(-1, 'neg'); d.insert(100, 'end'); d.insert(-100, 'start'); print(d)
d.remove('ins'); print(d)
show('remove missing', lambda: d.remove('zz'))
d.reverse(); print(d, list(reversed(d)))
d[0] = 'first'; del d[1]; print(d)
show('getitem', lambda: d[100])
show('getitem str', lambda: d['a'])
show('getitem slice', lambda: d[1:2])
show('pop empty', lambda: deque().pop())
show('popleft empty', lambda: deque().popleft())
m = deque(range(5), maxlen=3); print(m, m.maxlen)
m.append(9); print(m); m.appendleft(-1); print(m); m.extend(range(10, 14)); print(m)
show('insert full', lambda: m.insert(0, 1))
show('maxlen neg', lambda: deque(maxlen=-1))
print(deque(maxlen=0), deque('abc', 0))
z = deque(maxlen=0); z.append(1); z.extend([1, 2]); print(z)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1], deque() != deque([1]))
show('lt list', lambda: deque([1]) < [1])
print(deque('ab') + deque('cd'), deque('ab') * 3, 2 * deque('xy'), deque('ab', 3) * 2)
show('add list', lambda: deque('ab') + ['c'])
e = deque([1]); e += [2, 3]; e *= 2; print(e)
e = deque([1, 2]); e.extend(e); print(e)
c = e.copy(); c.append(9); print(e, c, type(c))
r = deque(); r.append(r); print(r)
it = iter(d); next(it); d.append(1)
show('mutated', lambda: next(it))
print(list(iter(deque('xyz'))), iter(deque()).__length_hint__(), deque('abc').__reduce__()[:3])
show('hash', lambda: hash(deque()))
print(bool(deque()), bool(deque([0])))
d.clear(); print(d, len(d))
big = deque(range(100)); big.rotate(37); print(list(big)[:5], big[50], sum(big))
for i in range(20): big.popleft(); big.append(i)
print(big[0], big[-1], len(big))
class MyDeque(deque):
    pass
md = MyDeque([1, 2], maxlen=5); print(md, md.copy(), type(md.copy()).__name__, md + md)
d2 = deque([1, 2, 3]); d2.__init__([7]); print(d2)

dd = defaultdict(list)
dd['a'].append(1); dd['b']; print(dd, dd['a'], len(dd), 'c' in dd)
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(int, a=1))
show('dd missing', lambda: defaultdict()['x'])
show('dd factory', lambda: defaultdict(1))
dc = dd.copy(); print(dc, type(dc).__name__, dc.default_factory)
dd.default_factory = None
show('dd none', lambda: dd['zz'])
print(defaultdict(int, {1: 2}) | {3: 4}, {3: 4} | defaultdict(int, {1: 2}))
r = defaultdict(list); r.default_factory = r.copy; print(repr(r)[:30])
print(isinstance(dd, dict), defaultdict.__mro__)
counts = defaultdict(int)
for w in 'the cat and the hat and the bat'.split():
    counts[w] += 1
print(sorted(counts.items()))
print(Counter('abracadabra').most_common(3), Counter([1, 1, 2]))
