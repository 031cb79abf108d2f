# itertools: every iterator of 3.11, reprs, argument errors.
import itertools as it
from itertools import *

def show(label, thunk):
    try:
        r = thunk()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, r)

c = count()
print([next(c) for _ in range(3)], c)
print(list(islice(count(10, 2), 4)), count(10, 2), count(1.5, 0.5), count(2**70))
c = count(0.1, 0.1)
for _ in range(3): next(c)
print(c)
show('count str', lambda: count('a'))
print(list(islice(cycle('abc'), 7)), list(cycle([])))
print(list(repeat('x', 3)), repeat('x'), repeat('x', 2), repeat(1, -5), list(repeat(1, 0)))
r = repeat(5, 3); next(r); print(r, r.__length_hint__())
show('repeat hint', lambda: repeat(1).__length_hint__())
show('repeat times', lambda: repeat(1, times=None))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], initial=10)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([], initial=0)))
print(list(accumulate('abc')), list(accumulate([1, 2, 3], lambda a, b: a * b)))
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])), list(chain()))
show('chain kw', lambda: chain(a=1))
show('chain bad', lambda: list(chain([1], 2)))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(data='AB', selectors=[0, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(max, [[1, 2], 'ab'])))
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)),
      list(islice('ABCDEFG', 0, None, 2)), list(islice('ABCDEFG', None)), list(islice(range(10), 1, 9, 3)))
for args in [(-1,), (1, -2), (0, 5, 0), ('a',), (1, 'b'), (None, None, None)]:
    show('islice %r' % (args,), lambda: list(islice('ABCDEFG', *args)))
show('islice 1 arg', lambda: islice('a'))
show('islice kw', lambda: islice('a', stop=1))
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')], [(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3], key=lambda x: x % 2)])
g = groupby('aabb'); k1, g1 = next(g); k2, g2 = next(g); print(k1, list(g1), k2, list(g2))
a, b = tee(range(5)); print(list(a), list(b))
a, b, c = tee('abc', 3); print(next(a), list(b), list(a), list(c))
print(tee([1], 0), len(tee([1])))
show('tee neg', lambda: tee([1], -1))
x, y = tee(iter(range(200))); print(sum(x), sum(y))
x, _ = tee([1, 2]); y = x.__copy__(); print(list(x), list(y), type(x).__name__)
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest('AB', [1, 2, 3])), list(zip_longest()))
show('zip_longest kw', lambda: zip_longest('a', fill=1))
show('zip_longest bad', lambda: zip_longest('a', 1))
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)), list(product()), list(product('ab', [])))
show('product neg', lambda: product('a', repeat=-1))
show('product kw', lambda: product('a', foo=1))
print(list(permutations('ABC', 2)), list(permutations(range(3))), list(permutations('AB', 3)), list(permutations([], 0)))
show('permutations neg', lambda: permutations('a', -1))
show('permutations str', lambda: permutations('a', 'b'))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('AB', 3)), list(combinations('AB', 0)))
show('combinations neg', lambda: combinations('a', -1))
show('combinations arg', lambda: combinations('a'))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 2)), list(combinations_with_replacement('', 0)))
print(len(list(permutations(range(6)))), len(list(combinations(range(12), 5))), len(list(product(range(4), repeat=4))))
for t in [count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse,
          starmap, islice, pairwise, groupby, zip_longest, product, permutations, combinations,
          combinations_with_replacement]:
    print(t, t.__name__, t.__module__)
class MyChain(chain):
    pass
m = MyChain('ab', 'c'); print(type(m).__name__, list(m))
class MyCount(count):
    pass
print(MyCount(3), MyCount(3, 2))
print(count(5).__reduce__(), repeat('a', 2).__reduce__())
show('dropwhile args', lambda: dropwhile(len))
show('cycle args', lambda: cycle())
show('starmap call', lambda: list(starmap(len, [1])))
